/**
 * npm run import-objectives -- --file <objectives.csv|objectives.xlsx> [--site <url>] [--token <bearer>] [--dry-run]
 * Imports the city's objectives of the leidraad organisatiebeheersing (columns thema, code, tekst)
 * into MaturiteitDoelstellingen. Every row is checked first: with any bad row (unknown theme,
 * duplicate code, empty text, a code that exists with another text) nothing is imported.
 * Templates: templates/doelstellingen.csv and templates/doelstellingen.xlsx.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createSp } from '../src/data/node';
import { importMaturity, importObjectives } from '../src/data/importMaturity';
import { parseCsv, rowsFromTable, IObjectiveRow } from '../src/model/maturityImport';
import { fail, flag, parseArgs, siteFrom, tokenFrom } from './cli';

const USAGE = 'Gebruik / usage: npm run import-objectives -- --file doelstellingen.csv|doelstellingen.xlsx [--site <url>] [--token <bearer>]';

/** The cell as text (exceljs gives numbers, rich text, formulas and hyperlinks as objects). */
function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: string; result?: unknown };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text;
    if (o.result !== undefined) return cellText(o.result);
    if (v instanceof Date) return v.toISOString().slice(0, 10);
  }
  return String(v);
}

/** The first worksheet as rows of text (exceljs, kept out of the web part bundles). */
export async function readXlsx(file: string): Promise<string[][]> {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value));
    rows.push(cells);
  }
  return rows;
}

export async function readRows(file: string): Promise<IObjectiveRow[]> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return rowsFromTable(await readXlsx(file));
  if (ext === '.csv' || ext === '.txt') return rowsFromTable(parseCsv(fs.readFileSync(file, 'utf8')));
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
    // The themes must be there to match rows against (idempotent).
    await importMaturity(sp);
    const result = await importObjectives(sp, rows);
    if (result.errors.length) {
      console.error(`${result.errors.length} fout(en); er werd niets geïmporteerd. / ${result.errors.length} error(s); nothing was imported.`);
      for (const e of result.errors) console.error(`  ${e.message}`);
      process.exit(1);
    }
    console.log(`${result.created} doelstelling(en) toegevoegd, ${result.unchanged} al aanwezig. / ${result.created} objective(s) added, ${result.unchanged} already there.`);
  } catch (e) {
    fail(e, site);
  }
}

if (require.main === module) void main();
