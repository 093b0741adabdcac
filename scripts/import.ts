/**
 * npm run import -- [--file <voortgangsrapport.json>] [--audits <audits.json>] [--site <url>] [--token <bearer>]
 * Loads the structured report (default: ../shared/data, the city's 2022 report) into the lists.
 * Idempotent: a second run adds nothing. Every item is checked against the schema before the
 * first write (an error names the item and field, and nothing is added); the report data and
 * the leidraad's themes are written as one run, undone as a whole when a write fails.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createSp } from '../tools/data/node';
import { planReportImport, reportImportLine } from '../tools/data/importData';
import { afterMaturityImport, maturityImportLine, planMaturityImport, LOCAL_DEMO_ROUND } from '../tools/data/importMaturity';
import { ImportValidationError, ImportWriteError, runImport } from '../tools/data/importRun';
import { convertSeed, ISeedAudits, ISeedReport } from '../tools/model/seed';
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
    const reportPlan = await planReportImport(sp, convertSeed(report, audits));
    // The leidraad's themes and the 2023 round of the seed; on the local site with its demo raters.
    const maturityPlan = await planMaturityImport(sp, {
      demoRound: flag(args, 'site') ? { raters: [] } : LOCAL_DEMO_ROUND,
      plannedDomains: reportPlan.adds.filter((a) => a.list === 'domains')
    });
    await runImport(sp, reportPlan.adds.concat(maturityPlan.adds), {
      existing: { ...reportPlan.targets.existing, ...maturityPlan.targets.existing }
    });
    await afterMaturityImport(sp, maturityPlan);
    console.log(reportImportLine(reportPlan.result));
    console.log(maturityImportLine(maturityPlan.result));
    const r = reportPlan.result;
    const created = r.domains.created + r.audits.created + r.risks.created + r.actions.created;
    console.log(created === 0 ? 'Niets nieuw: alles was al geïmporteerd. / Nothing new: already imported.' : `${created} items toegevoegd. / ${created} items added.`);
  } catch (e) {
    if (e instanceof ImportValidationError || e instanceof ImportWriteError) {
      console.error(`${path.basename(file)}: ${e.message}`);
      process.exit(1);
    }
    fail(e, site);
  }
}

if (require.main === module) void main();
