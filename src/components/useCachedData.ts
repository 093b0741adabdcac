import * as React from 'react';

export interface ICachedDataState<T> {
  /** What to show: the cached copy first, then the fresh one. Kept when a refresh fails. */
  data: T | undefined;
  /** Nothing to show yet and a load is under way. */
  loading: boolean;
  /** Data is shown and a fresh copy is being fetched. */
  refreshing: boolean;
  /** The last load failed. With `data` set this is a partial failure: keep showing the data. */
  error: Error | undefined;
  /** Fetch again (after an edit, on "Vernieuwen", on retry). */
  reload: () => void;
  /** Changes the data shown in place (parts read later, a write's answer) until the next load answers. */
  update: (change: (data: T) => T) => void;
}

interface IState<T> {
  data: T | undefined;
  busy: boolean;
  error: Error | undefined;
}

function toError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/**
 * Stale-while-revalidate, the one loader of the web parts: `cached()` paints at once (no request
 * before the first paint), then `load()` runs after mount and replaces it. Only the latest request
 * may write (reloads overlap, the component can unmount). A new `source` (another data site) drops
 * what belonged to the old one; a new `load` (another year) keeps showing the old data while it reads.
 */
export function useCachedData<T>(source: object, cached: () => T | undefined, load: () => Promise<T>): ICachedDataState<T> {
  const [state, setState] = React.useState<IState<T>>(() => ({ data: cached(), busy: true, error: undefined }));
  const requestRef = React.useRef<number>(0);
  const sourceRef = React.useRef<object>(source);

  const run = React.useCallback((): void => {
    const request = ++requestRef.current;
    setState((s) => (s.busy && !s.error ? s : { data: s.data, busy: true, error: undefined }));
    load().then(
      (data) => {
        if (request === requestRef.current) setState({ data, busy: false, error: undefined });
      },
      (e: unknown) => {
        if (request === requestRef.current) setState((s) => ({ data: s.data, busy: false, error: toError(e) }));
      }
    );
    // Callers pass `load` through React.useCallback: a new one means new inputs (another year).
  }, [load]);

  React.useEffect(() => {
    if (sourceRef.current !== source) {
      sourceRef.current = source;
      setState({ data: cached(), busy: true, error: undefined });
    }
    run();
    return () => {
      requestRef.current++;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [source, run]);

  const update = React.useCallback((change: (data: T) => T): void => {
    setState((s) => (s.data === undefined ? s : { ...s, data: change(s.data) }));
  }, []);

  return {
    data: state.data,
    loading: state.busy && !state.data,
    refreshing: state.busy && !!state.data,
    error: state.error,
    reload: run,
    update
  };
}
