import * as React from 'react';
import { IOrgRepository, IYearView } from '../data/IOrgRepository';
import { IAction, IRisk } from '../model/types';
import { withActions, withRisk } from '../model/yearView';

export interface IYearViewState {
  /** What to show: the cached view first, then the fresh one. Kept when a refresh fails. */
  view: IYearView | undefined;
  /** Nothing to show yet and a load is under way. */
  loading: boolean;
  /** A view is shown and a fresh one (or another year) is being read. */
  refreshing: boolean;
  error: Error | undefined;
  reload: () => void;
  /** Puts actions read later (older titles, details) in place. */
  addActions: (actions: IAction[]) => void;
  addRisk: (risk: IRisk) => void;
}

interface IState {
  view: IYearView | undefined;
  busy: boolean;
  error: Error | undefined;
}

function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

function cachedFor(repository: IOrgRepository, year: number | undefined): IYearView | undefined {
  const cached = repository.getCachedView();
  return cached && (year === undefined || cached.year === year) ? cached : undefined;
}

/**
 * Stale-while-revalidate over the year view: a cached view paints at once (no request before
 * the first paint), then loadYearView() runs after mount and replaces it. `year` undefined:
 * the latest year with realisations.
 */
export function useYearView(repository: IOrgRepository, year: number | undefined, today: Date): IYearViewState {
  const [state, setState] = React.useState<IState>(() => ({ view: cachedFor(repository, year), busy: true, error: undefined }));
  const requestRef = React.useRef<number>(0);
  const repoRef = React.useRef<IOrgRepository>(repository);

  const load = React.useCallback((): void => {
    const request = ++requestRef.current;
    setState((s) => (s.busy && !s.error ? s : { view: s.view, busy: true, error: undefined }));
    repository
      .loadYearView({ year, today })
      .then((view) => {
        if (request === requestRef.current) setState({ view, busy: false, error: undefined });
      })
      .catch((e: unknown) => {
        if (request === requestRef.current) setState((s) => ({ view: s.view, busy: false, error: toError(e) }));
      });
  }, [repository, year, today]);

  React.useEffect(() => {
    if (repoRef.current !== repository) {
      repoRef.current = repository;
      setState({ view: cachedFor(repository, year), busy: true, error: undefined });
    }
    load();
    return () => {
      requestRef.current++;
    };
  }, [repository, load]);

  const addActions = React.useCallback((actions: IAction[]): void => {
    if (actions.length === 0) return;
    setState((s) => (s.view ? { ...s, view: { ...s.view, data: withActions(s.view.data, actions) } } : s));
  }, []);
  const addRisk = React.useCallback((risk: IRisk): void => {
    setState((s) => (s.view ? { ...s, view: { ...s.view, data: withRisk(s.view.data, risk) } } : s));
  }, []);

  return {
    view: state.view,
    loading: state.busy && !state.view,
    refreshing: state.busy && !!state.view,
    error: state.error,
    reload: load,
    addActions,
    addRisk
  };
}
