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
import { importObjectives } from '../tools/data/importMaturity';
import { ImportWriteError } from '../tools/data/importRun';
import { rowsFromTable, IObjectiveRow } from '../tools/model/maturityImport';
import { readTableFile, runImportCli } from './importCli';

const USAGE = 'Gebruik / usage: npm run import-objectives -- --file doelstellingen.csv|doelstellingen.xlsx [--site <url>] [--token <bearer>]';

export function readRows(file: string): Promise<IObjectiveRow[]> {
  return readTableFile(file, rowsFromTable);
}

if (require.main === module)
  void runImportCli({
    usage: USAGE,
    readRows,
    // Missing leidraad themes are added in the same run, after every row is found valid.
    run: (sp, rows) => importObjectives(sp, rows),
    summary: (r) => `${r.created} doelstelling(en) toegevoegd, ${r.unchanged} al aanwezig. / ${r.created} objective(s) added, ${r.unchanged} already there.`,
    isOwnError: (e) => e instanceof ImportWriteError
  });
