import { IReportData } from '../model/types';

/**
 * What the homepage widget reads: domains and what it counts (open high risks, the year's
 * realisations and planning, overdue items), never titles of actions or descriptions.
 */
export interface ISummarySource {
  readonly siteUrl: string;
  /** Last figures read in this browser (instant re-open), if any. */
  getCachedSummary(): IReportData | undefined;
  /** One round trip, shared with the domain cards when they are on the same page. */
  loadSummary(): Promise<IReportData>;
}
