import * as React from 'react';
import { IYearView, IYearViewReader } from '../data/IOrgRepository';
import { IAction, IRisk } from '../model/types';
import { withActions, withRisk } from '../model/yearView';
import { useCachedData } from './useCachedData';

export interface IYearViewState {
  /** What to show: the cached view first, then the fresh one. Kept when a refresh fails. */
  view: IYearView | undefined;
  /** Nothing to show yet and a load is under way. */
  loading: boolean;
  /** A view is shown and a fresh one (or another year) is being read. */
  refreshing: boolean;
  error: Error | undefined;
  reload: () => void;
  /** Puts actions read later (older titles, details, a write's answer) in place. */
  addActions: (actions: IAction[]) => void;
  addRisk: (risk: IRisk) => void;
}

/**
 * The cards' year view through the one cached loader (useCachedData): a cached view of the same
 * year paints at once, then loadYearView() replaces it. `year` undefined: the latest year with realisations.
 */
export function useYearView(reader: IYearViewReader, year: number | undefined, today: Date): IYearViewState {
  const cached = (): IYearView | undefined => {
    const v = reader.getCachedView();
    return v && (year === undefined || v.year === year) ? v : undefined;
  };
  const load = React.useCallback(() => reader.loadYearView({ year, today }), [reader, year, today]);
  const { data, loading, refreshing, error, reload, update } = useCachedData(reader, cached, load);
  const addActions = React.useCallback(
    (actions: IAction[]): void => {
      if (actions.length > 0) update((v) => ({ ...v, data: withActions(v.data, actions) }));
    },
    [update]
  );
  const addRisk = React.useCallback((risk: IRisk): void => update((v) => ({ ...v, data: withRisk(v.data, risk) })), [update]);
  return { view: data, loading, refreshing, error, reload, addActions, addRisk };
}
