import * as React from 'react';
import { IOrgRepository } from '../data/IOrgRepository';
import { IReportData } from '../model/types';

export interface IReportDataState {
  /** What to show: the cached copy first, then the fresh one. Kept when a refresh fails. */
  data: IReportData | undefined;
  /** Nothing to show yet and a load is under way. */
  loading: boolean;
  /** Data is shown and a fresh copy is being fetched. */
  refreshing: boolean;
  /** The last load failed. With `data` set this is a partial failure: keep showing the data. */
  error: Error | undefined;
  /** Fetch again (after an edit, on "Vernieuwen", on retry). */
  reload: () => void;
}

interface IState {
  data: IReportData | undefined;
  busy: boolean;
  error: Error | undefined;
}

function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

function initialState(repository: IOrgRepository): IState {
  return { data: repository.getCached(), busy: true, error: undefined };
}

/**
 * Stale-while-revalidate over the repository: the cached data paints at once (no request
 * before the first paint), then loadReportData() runs after mount and replaces it.
 */
export function useReportData(repository: IOrgRepository): IReportDataState {
  const [state, setState] = React.useState<IState>(() => initialState(repository));
  // Only the latest request may write state (reloads can overlap; the component can unmount).
  const requestRef = React.useRef<number>(0);
  const repoRef = React.useRef<IOrgRepository>(repository);

  const load = React.useCallback((): void => {
    const request = ++requestRef.current;
    setState((s) => (s.busy && !s.error ? s : { data: s.data, busy: true, error: undefined }));
    repository
      .loadReportData()
      .then((data) => {
        if (request === requestRef.current) setState({ data, busy: false, error: undefined });
      })
      .catch((e: unknown) => {
        if (request === requestRef.current) setState((s) => ({ data: s.data, busy: false, error: toError(e) }));
      });
  }, [repository]);

  React.useEffect(() => {
    if (repoRef.current !== repository) {
      // Another data site: drop what belonged to the old one.
      repoRef.current = repository;
      setState(initialState(repository));
    }
    load();
    return () => {
      requestRef.current++;
    };
  }, [repository, load]);

  return {
    data: state.data,
    loading: state.busy && !state.data,
    refreshing: state.busy && !!state.data,
    error: state.error,
    reload: load
  };
}
