import { IRepairResult, IReportDataReader, IReportStore, IStoredReport } from '../data/IOrgRepository';
import { IReportData } from '../model/types';

export interface IFinalisationPreview {
  /** What the lists say now (never what this browser cached): what would be frozen. */
  data: IReportData;
  /** The year's final report already stored: confirming replaces it. */
  existing: IStoredReport[];
  /** What an interrupted earlier finalisation left and this one repaired first. */
  repaired: IRepairResult;
}

/**
 * Before "Definitief maken" asks for confirmation: first repair what an interrupted finalisation
 * left (so the preview says truly whether this replaces a report), then read the lists fresh.
 * A failed read stops it.
 */
export async function prepareFinalisation(store: IReportStore, reader: IReportDataReader, year: number): Promise<IFinalisationPreview> {
  const repaired = await store.repairFinalisations(false);
  const [data, all] = await Promise.all([reader.loadReportData(), store.getStoredReports()]);
  return { data, existing: all.filter((r) => r.year === year), repaired };
}
