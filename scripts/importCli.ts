/**
 * What the file import CLIs (import-objectives, import-recommendations) share: reading a .csv
 * or .xlsx into rows, the command line (usage, --file, --site, --token, --user), and reporting:
 * with any bad row nothing is imported and every error is listed; a failed write says what
 * was undone. Each CLI says only how its rows are read, written and summarised.
 */
import * as path from 'path';
import { SPFI } from '@pnp/sp';
import { createSp } from '../tools/data/node';
import { parseCsv } from '../tools/model/maturityImport';
import { fail, flag, ICliArgs, parseArgs, siteFrom, tokenFrom } from './cli';
import { readUtf8File, readXlsx } from './importFiles';

/** A .csv (UTF-8) or .xlsx file as rows of the import's shape; any other extension is refused. */
export async function readTableFile<T>(file: string, fromTable: (table: string[][]) => T[]): Promise<T[]> {
  const ext = path.extname(file).toLowerCase();
  if (ext === '.xlsx') return fromTable(await readXlsx(file));
  if (ext === '.csv' || ext === '.txt') return fromTable(parseCsv(readUtf8File(file)));
  throw new Error(`Onbekend bestandstype '${ext}': gebruik .csv of .xlsx. / Unknown file type '${ext}': use .csv or .xlsx.`);
}

export interface IImportCli<T, R extends { errors: { message: string }[] }> {
  usage: string;
  /** Flags that must be given besides --file. */
  required?: string[];
  /** Checks the flags before anything is read: a bilingual message, or undefined when fine. */
  checkArgs?(args: ICliArgs): string | undefined;
  readRows(file: string): Promise<T[]>;
  run(sp: SPFI, rows: T[], args: ICliArgs): Promise<R>;
  /** The line printed after a successful import. */
  summary(result: R): string;
  /** Errors whose message is already the user's message (validation, undone writes): printed as they are. */
  isOwnError(e: unknown): boolean;
}

export async function runImportCli<T, R extends { errors: { message: string }[] }>(cli: IImportCli<T, R>, argv: string[] = process.argv.slice(2)): Promise<void> {
  const args = parseArgs(argv);
  const file = flag(args, 'file');
  if (!file || (cli.required || []).some((name) => !flag(args, name))) {
    console.error(cli.usage);
    process.exit(1);
  }
  const argError = cli.checkArgs && cli.checkArgs(args);
  if (argError) {
    console.error(argError);
    process.exit(1);
  }
  let rows: T[];
  try {
    rows = await cli.readRows(path.resolve(file));
  } catch (e) {
    console.error(`Kan ${file} niet lezen / Cannot read ${file}: ${(e as Error).message}`);
    process.exit(1);
  }
  const site = siteFrom(args);
  try {
    const result = await cli.run(createSp(site, tokenFrom(args), flag(args, 'user')), rows, args);
    if (result.errors.length) {
      console.error(`${result.errors.length} fout(en); er werd niets geïmporteerd. / ${result.errors.length} error(s); nothing was imported.`);
      for (const e of result.errors) console.error(`  ${e.message}`);
      process.exit(1);
    }
    console.log(cli.summary(result));
  } catch (e) {
    if (cli.isOwnError(e)) {
      console.error((e as Error).message);
      process.exit(1);
    }
    fail(e, site);
  }
}
