import { IMaturityResultsData, maturityReportSection } from '../model/maturity';
import { buildReport } from '../model/report';
import { IReport, IReportData } from '../model/types';
import { IReportOptions, ReportFormat } from '../report/options';

/** Where the council report finds the maturity rounds' consensus (IMaturityRepository has it). */
export interface IMaturityResultsSource {
  loadResults(): Promise<IMaturityResultsData>;
}

/**
 * The council report of `year`: the four quadrants per domain, and the maturity section when the
 * maturity lists answer (an older site may not have them yet: then the section is left out).
 * One assembly for the cards' "Rapport maken", "Definitief maken" and `npm run report`.
 */
export async function buildCouncilReport(data: IReportData, year: number, maturity: IMaturityResultsSource | undefined): Promise<IReport> {
  const report = buildReport(data, year);
  const results = maturity ? await maturity.loadResults().catch(() => undefined) : undefined;
  if (results) report.maturity = maturityReportSection(results, year);
  return report;
}

/** One document of the report: its file name and bytes. */
export interface IReportDocument {
  name: string;
  bytes: Uint8Array;
}

/** The Word note or the slide deck; the report code (docx, pptxgenjs) loads only when someone asks for a report. */
export async function renderCouncilReport(report: IReport, format: ReportFormat, options: IReportOptions): Promise<IReportDocument> {
  const lib = await import(/* webpackChunkName: 'report' */ '../report/index');
  const bytes = format === 'docx' ? await lib.buildWordReport(report, options) : await lib.buildSlideDeck(report, options);
  return { name: lib.reportFileName(report.year, format), bytes };
}
