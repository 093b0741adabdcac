import * as React from 'react';
import { IPermissions, IReportStore, IStoredReport, IYearViewReader } from '../../../data/IOrgRepository';
import { IYearViewState, useYearView } from '../../../components/useYearView';
import { changesAfterFinal, compareWithSnapshot, finalReportDate, IChangedAfterFinal, IDomainComparison } from '../../../model/finalReport';
import { availableYears, defaultReportYear } from '../../../model/report';
import { IReportData } from '../../../model/types';

const READER: IPermissions = { canEdit: false, canManageLists: false, canFinalise: false };

export interface ICardsYear extends IYearViewState {
  data: IReportData | undefined;
  permissions: IPermissions;
  storedReports: IStoredReport[];
  /** The year whose rows are on screen. */
  year: number;
  /** The year in the picker (a picked year shows once its rows are read). */
  shownYear: number;
  defaultYear: number;
  years: number[];
  pick: (year: number) => void;
  /** After a change, stay on the year shown: one realisation in a later year must not move the page (or its default) there. */
  reloadKeepingYear: () => void;
  /** Set when the year shown is the decided year: the control team started the next one, open on it. */
  startNextYear: (() => void) | undefined;
}

/** Which year the cards show (property, picker, the data's default) and its view, in one round trip. */
export function useCardsYear(reader: IYearViewReader, reportYear: number | undefined, today: Date): ICardsYear {
  const configuredYear = reportYear && reportYear > 0 ? reportYear : undefined;
  const [pickedYear, setPickedYear] = React.useState<number | undefined>(undefined);
  React.useEffect(() => setPickedYear(undefined), [configuredYear]);
  const state = useYearView(reader, pickedYear !== undefined ? pickedYear : configuredYear, today);
  const { view, reload } = state;
  const data = view ? view.data : undefined;
  // The final reports came in the same round trip: their years decide the year the cards open on.
  const storedReports: IStoredReport[] = React.useMemo(() => (view ? view.reports : []), [view]);
  const defaultYear = defaultReportYear(data, configuredYear, today, (data && data.finalYears) || []);
  const year = view ? view.year : pickedYear !== undefined ? pickedYear : defaultYear;
  const shownYear = pickedYear !== undefined ? pickedYear : year;
  const years = React.useMemo(() => {
    const all = data ? availableYears(data) : [];
    for (const y of [defaultYear, year, shownYear]) if (all.indexOf(y) < 0) all.push(y);
    return all.sort((a, b) => b - a);
  }, [data, defaultYear, year, shownYear]);
  const reloadKeepingYear = (): void => {
    if (pickedYear === undefined && configuredYear === undefined && view) setPickedYear(view.year);
    else reload();
  };
  const startNextYear = (): void => {
    if (pickedYear !== undefined) setPickedYear(undefined);
    else reload();
  };
  return {
    ...state,
    data,
    permissions: view ? view.permissions : READER,
    storedReports,
    year,
    shownYear,
    defaultYear,
    years,
    pick: setPickedYear,
    reloadKeepingYear,
    startNextYear: year === defaultYear && configuredYear === undefined ? startNextYear : undefined
  };
}

interface ISnapshotState {
  year: number;
  data?: IReportData;
  loading: boolean;
  error: boolean;
}

/** The JSON snapshot of a final year, read only while it is asked for (the toggle is on). */
function useSnapshot(store: IReportStore, year: number | undefined): ISnapshotState | undefined {
  const [state, setState] = React.useState<ISnapshotState | undefined>(undefined);
  React.useEffect(() => {
    if (year === undefined) {
      setState(undefined);
      return undefined;
    }
    let live = true;
    setState({ year, loading: true, error: false });
    store
      .getReportSnapshot(year)
      .then((d) => live && setState({ year, data: d, loading: false, error: !d }))
      .catch(() => live && setState({ year, loading: false, error: true }));
    return () => {
      live = false;
    };
  }, [store, year]);
  return state;
}

export interface IFinalView {
  /** Items changed after the year's final report. */
  changed: IChangedAfterFinal | undefined;
  hasSnapshot: boolean;
  showFinal: boolean;
  setShowFinal: (on: boolean) => void;
  /** What a card shows next to today's data for its domain, while the toggle is on. */
  finalFor: (domainId: number) => { year: number; loading: boolean; error: boolean; comparison?: IDomainComparison } | undefined;
}

/** A final year: items changed after its report are marked; its snapshot can be shown next to today's data. */
export function useFinalView(store: IReportStore, data: IReportData | undefined, stored: IStoredReport[], year: number): IFinalView {
  const reportDate = finalReportDate(stored, year);
  const changed = React.useMemo(() => (data && reportDate ? changesAfterFinal(data, reportDate) : undefined), [data, reportDate]);
  const hasSnapshot = stored.some((r) => r.year === year && r.format === 'Gegevens');
  const [showFinal, setShowFinal] = React.useState(false);
  const snapshot = useSnapshot(store, showFinal && hasSnapshot ? year : undefined);
  const comparison = React.useMemo(
    () => (data && snapshot && snapshot.data && snapshot.year === year ? compareWithSnapshot(data, snapshot.data, year) : undefined),
    [data, snapshot, year]
  );
  const finalFor = (domainId: number): ReturnType<IFinalView['finalFor']> =>
    snapshot && snapshot.year === year ? { year, loading: snapshot.loading, error: snapshot.error, comparison: comparison ? comparison[domainId] : undefined } : undefined;
  return { changed, hasSnapshot, showFinal, setShowFinal, finalFor };
}
