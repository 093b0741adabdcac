import { IReportFile, IReportStore, IStoredReport } from '../data/IOrgRepository';
import { IReportData } from '../model/types';
import { buildCouncilReport, IMaturityResultsSource, renderCouncilReport } from './councilReport';

export interface IFinaliseInput {
  year: number;
  /** What the lists said when the user confirmed (read fresh by prepareFinalisation). */
  data: IReportData;
  organisation: string;
  intro?: string;
  /** The year has a final report already and the user chose to replace it. */
  replace: boolean;
  /** Injectable for tests: the moment written into the snapshot. */
  now?: Date;
}

function buffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

/** The file name of the JSON snapshot that goes with the Word note of the same report. */
export function snapshotName(wordName: string): string {
  return wordName.replace(/\.docx$/i, '') + ' - gegevens.json';
}

/**
 * "Definitief maken": the Word note, the slide deck and the JSON snapshot of the data, stored in
 * Rapporten as one set. ReportExistsError (someone else finalised meanwhile) reaches the caller,
 * who asks again showing theirs: an official report is never overwritten silently.
 */
export async function finaliseReport(store: IReportStore, maturity: IMaturityResultsSource | undefined, input: IFinaliseInput): Promise<IStoredReport[]> {
  const { year, data, organisation, intro } = input;
  const report = await buildCouncilReport(data, year, maturity);
  const word = await renderCouncilReport(report, 'docx', { organisation, intro });
  const deck = await renderCouncilReport(report, 'pptx', { organisation, intro });
  const snapshot = JSON.stringify({ year, organisation, finalisedAt: (input.now || new Date()).toISOString(), data });
  const files: IReportFile[] = [
    { name: word.name, format: 'Word', content: buffer(word.bytes) },
    { name: deck.name, format: 'PowerPoint', content: buffer(deck.bytes) },
    { name: snapshotName(word.name), format: 'Gegevens', content: buffer(new TextEncoder().encode(snapshot)) }
  ];
  return store.finaliseReport(year, files, input.replace);
}
