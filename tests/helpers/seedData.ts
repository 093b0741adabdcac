import * as fs from 'fs';
import * as path from 'path';
import { convertSeed, ISeedAudits, ISeedReport } from '../../tools/model/seed';
import { IReportData } from '../../src/model/types';

/** shared/ sits beside the repository root (as in CI's fresh clone). */
export const SHARED_DATA_DIR: string = path.resolve(__dirname, '../../../shared/data');

export function readSeedJson(): { report: ISeedReport; audits: ISeedAudits } {
  const report = JSON.parse(fs.readFileSync(path.join(SHARED_DATA_DIR, 'voortgangsrapport-2022.json'), 'utf8')) as ISeedReport;
  const audits = JSON.parse(fs.readFileSync(path.join(SHARED_DATA_DIR, 'audits-2022.json'), 'utf8')) as ISeedAudits;
  return { report, audits };
}

/** The city's 2022 report as list-shaped data (fresh copy per call: tests may mutate it). */
export function loadSeedData(): IReportData {
  const { report, audits } = readSeedJson();
  return convertSeed(report, audits);
}

/**
 * The source's counts per domain in report order (shared/data/README.md, "Counts"):
 * risks, realisations new in 2022, older realisations, planning new for 2023, older planning.
 */
export const EXPECTED_2022: Array<[number, number, number, number, number]> = [
  [4, 11, 10, 10, 1],
  [4, 4, 14, 5, 3],
  [6, 5, 14, 6, 3],
  [3, 1, 11, 4, 3],
  [5, 5, 18, 6, 3],
  [2, 3, 13, 3, 6],
  [3, 2, 12, 4, 1]
];

/** The seven domains of the 2022 report, in their order. */
export const DOMAIN_TITLES_2022: string[] = [
  'Organisatiecultuur',
  'Bereiken doelstellingen',
  'Voorkomen van fraude en fouten',
  'Naleving wetgeving en procedures',
  'Efficiënt gebruik middelen',
  'Betrouwbare informatie',
  'Bescherming activa'
];
