/**
 * npm run import -- [--file <voortgangsrapport.json>] [--audits <audits.json>] [--site <url>] [--token <bearer>]
 * Loads the structured report (default: ../shared/data, the city's 2022 report) into the lists.
 * Idempotent: a second run adds nothing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createSp } from '../src/data/node';
import { importReportData } from '../src/data/importData';
import { importMaturity, LOCAL_DEMO_ROUND } from '../src/data/importMaturity';
import { convertSeed, ISeedAudits, ISeedReport } from '../src/model/seed';
import { fail, flag, parseArgs, siteFrom, tokenFrom } from './cli';

export const DEFAULT_DATA_DIR: string = path.resolve(__dirname, '../../shared/data');

function readJson<T>(file: string): T {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch (e) {
    console.error(`Kan ${file} niet lezen / Cannot read ${file}: ${(e as Error).message}`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const site = siteFrom(args);
  const file = path.resolve(flag(args, 'file') || path.join(DEFAULT_DATA_DIR, 'voortgangsrapport-2022.json'));
  const auditsFile = flag(args, 'audits') || path.join(path.dirname(file), 'audits-2022.json');
  const report = readJson<ISeedReport>(file);
  const audits = fs.existsSync(auditsFile) ? readJson<ISeedAudits>(auditsFile) : undefined;
  if (!report || !Array.isArray(report.domains)) {
    console.error(`${file} is geen voortgangsrapport (geen 'domains'). / ${file} is not a progress report (no 'domains').`);
    process.exit(1);
  }
  try {
    const sp = createSp(site, tokenFrom(args));
    const result = await importReportData(sp, convertSeed(report, audits), (l) => console.log(l));
    // The leidraad's themes and the 2023 round of the seed; on the local site with its demo raters.
    await importMaturity(sp, { demoRound: flag(args, 'site') ? { raters: [] } : LOCAL_DEMO_ROUND }, (l) => console.log(l));
    const created = result.domains.created + result.audits.created + result.risks.created + result.actions.created;
    console.log(created === 0 ? 'Niets nieuw: alles was al geïmporteerd. / Nothing new: already imported.' : `${created} items toegevoegd. / ${created} items added.`);
  } catch (e) {
    fail(e, site);
  }
}

void main();
