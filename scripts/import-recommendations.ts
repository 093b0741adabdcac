/**
 * npm run import-recommendations -- --audit <id> --file <aanbevelingen.csv|aanbevelingen.xlsx> [--site <url>] [--token <bearer>]
 * Imports an audit's recommendations (columns aanbeveling, prioriteit H/M/L, eigenaar, deadline,
 * optional domein) into Aanbevelingen, with status Open. Every row is checked first: owners must
 * be users of the tenant (e-mail address or login), deadlines yyyy-mm-dd or dd/mm/yyyy (or an
 * Excel date cell), no recommendation twice in the file. With any bad row nothing is imported.
 * A recommendation the audit already has (same text) is skipped: a second run adds nothing.
 * Templates: templates/aanbevelingen.csv and templates/aanbevelingen.xlsx.
 */
import * as path from 'path';
import { createSp } from '../tools/data/node';
import { importRecommendations, UnknownAuditError } from '../tools/data/importRecommendations';
import { ImportValidationError, ImportWriteError } from '../tools/data/importRun';
import { parseCsv } from '../tools/model/maturityImport';
import { IRecommendationRow, recommendationRowsFromTable } from '../tools/model/recommendationImport';
import { fail, flag, parseArgs, siteFrom, tokenFrom } from './cli';
import { readUtf8File, readXlsx } from './importFiles';

const USAGE =
  'Gebruik / usage: npm run import-recommendations -- --audit <id> --file aanbevelingen.csv|aanbevelingen.xlsx [--site <url>] [--token <bearer>]';

export async function readRecommendationRows(file: string): Promise<IRecommendationRow[]> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return recommendationRowsFromTable(await readXlsx(file));
  if (ext === '.csv' || ext === '.txt') return recommendationRowsFromTable(parseCsv(readUtf8File(file)));
  throw new Error(`Onbekend bestandstype '${ext}': gebruik .csv of .xlsx. / Unknown file type '${ext}': use .csv or .xlsx.`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const file = flag(args, 'file');
  const auditText = flag(args, 'audit');
  if (!file || !auditText) {
    console.error(USAGE);
    process.exit(1);
  }
  if (!/^\d+$/.test(auditText) || Number(auditText) < 1) {
    console.error(`--audit moet het id van de audit zijn (een getal), niet '${auditText}'. / --audit must be the audit's id (a number), not '${auditText}'.`);
    process.exit(1);
  }
  let rows: IRecommendationRow[];
  try {
    rows = await readRecommendationRows(path.resolve(file));
  } catch (e) {
    console.error(`Kan ${file} niet lezen / Cannot read ${file}: ${(e as Error).message}`);
    process.exit(1);
  }
  const site = siteFrom(args);
  try {
    const sp = createSp(site, tokenFrom(args), flag(args, 'user'));
    const result = await importRecommendations(sp, Number(auditText), rows);
    if (result.errors.length) {
      console.error(`${result.errors.length} fout(en); er werd niets geïmporteerd. / ${result.errors.length} error(s); nothing was imported.`);
      for (const e of result.errors) console.error(`  ${e.message}`);
      process.exit(1);
    }
    console.log(
      `${result.auditTitle}: ${result.created} aanbeveling(en) toegevoegd, ${result.unchanged} al aanwezig. / ` +
        `${result.created} recommendation(s) added, ${result.unchanged} already there.`
    );
  } catch (e) {
    if (e instanceof ImportWriteError || e instanceof ImportValidationError || e instanceof UnknownAuditError) {
      console.error(e.message);
      process.exit(1);
    }
    fail(e, site);
  }
}

if (require.main === module) void main();
