import * as fs from 'fs';
import * as path from 'path';
import { convertSeed, ISeedAudits, ISeedReport } from '../../src/model/seed';
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
