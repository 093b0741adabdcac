import { IReportDataReader, ISettingsStore } from '../data/IOrgRepository';
import { ReportFormat } from '../report/options';
import { buildCouncilReport, IMaturityResultsSource, IReportDocument, renderCouncilReport } from './councilReport';
import { reportOrganisation } from './reportOrganisation';

export interface IMakeReportInput {
  year: number;
  format: ReportFormat;
  /** The page's own organisation property (before the site setting existed). */
  organisation?: string;
  intro?: string;
}

/**
 * "Rapport maken": the Word note or the slide deck of the year from what this browser read last
 * (else a fresh read); not stored anywhere, the user downloads it.
 */
export async function makeReport(reader: IReportDataReader, settings: ISettingsStore, maturity: IMaturityResultsSource | undefined, input: IMakeReportInput): Promise<IReportDocument> {
  const data = reader.getCached() || (await reader.loadReportData());
  const report = await buildCouncilReport(data, input.year, maturity);
  return renderCouncilReport(report, input.format, { organisation: await reportOrganisation(settings, input.organisation), intro: input.intro });
}
