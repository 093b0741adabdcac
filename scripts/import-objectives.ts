/**
 * npm run import-objectives -- --file <objectives.csv|objectives.xlsx> [--site <url>] [--token <bearer>] [--dry-run]
 * Imports the city's objectives of the leidraad organisatiebeheersing (columns thema, code, tekst)
 * into MaturiteitDoelstellingen. Every row is checked first, also against the list's schema:
 * with any bad row (unknown theme, duplicate code, empty text, a code that exists with another
 * text, a code over 255 characters) nothing is imported, not even the themes. CSV must be UTF-8;
 * an .xlsx is size-checked before it is unpacked. A failed write is undone (or, if that fails
 * too, the message says to run the same import again: it completes what is missing).
 * Templates: templates/doelstellingen.csv and templates/doelstellingen.xlsx.
 */
import * as path from 'path';
import { createSp } from '../tools/data/node';
import { importObjectives } from '../tools/data/importMaturity';
import { ImportWriteError } from '../tools/data/importRun';
import { parseCsv, rowsFromTable, IObjectiveRow } from '../tools/model/maturityImport';
import { fail, flag, parseArgs, siteFrom, tokenFrom } from './cli';
import { readUtf8File, readXlsx } from './importFiles';

const USAGE = 'Gebruik / usage: npm run import-objectives -- --file doelstellingen.csv|doelstellingen.xlsx [--site <url>] [--token <bearer>]';

export async function readRows(file: string): Promise<IObjectiveRow[]> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return rowsFromTable(await readXlsx(file));
  if (ext === '.csv' || ext === '.txt') return rowsFromTable(parseCsv(readUtf8File(file)));
  throw new Error(`Onbekend bestandstype '${ext}': gebruik .csv of .xlsx. / Unknown file type '${ext}': use .csv or .xlsx.`);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const file = flag(args, 'file');
  if (!file) {
    console.error(USAGE);
    process.exit(1);
  }
  let rows: IObjectiveRow[];
  try {
    rows = await readRows(path.resolve(file));
  } catch (e) {
    console.error(`Kan ${file} niet lezen / Cannot read ${file}: ${(e as Error).message}`);
    process.exit(1);
  }
  const site = siteFrom(args);
  try {
    const sp = createSp(site, tokenFrom(args), flag(args, 'user'));
    // Missing leidraad themes are added in the same run, after every row is found valid.
    const result = await importObjectives(sp, rows);
    if (result.errors.length) {
      console.error(`${result.errors.length} fout(en); er werd niets geïmporteerd. / ${result.errors.length} error(s); nothing was imported.`);
      for (const e of result.errors) console.error(`  ${e.message}`);
      process.exit(1);
    }
    console.log(`${result.created} doelstelling(en) toegevoegd, ${result.unchanged} al aanwezig. / ${result.created} objective(s) added, ${result.unchanged} already there.`);
  } catch (e) {
    if (e instanceof ImportWriteError) {
      console.error(e.message);
      process.exit(1);
    }
    fail(e, site);
  }
}

if (require.main === module) void main();
