/**
 * npm run import-recommendations -- --audit <id> --file <aanbevelingen.csv|aanbevelingen.xlsx> [--site <url>] [--token <bearer>]
 * Imports an audit's recommendations (columns aanbeveling, prioriteit H/M/L, eigenaar, deadline,
 * optional domein) into Aanbevelingen, with status Open. Every row is checked first: owners must
 * be users of the tenant (e-mail address or login), deadlines yyyy-mm-dd or dd/mm/yyyy (or an
 * Excel date cell), no recommendation twice in the file. With any bad row nothing is imported.
 * A recommendation the audit already has (same text) is skipped: a second run adds nothing.
 * Templates: templates/aanbevelingen.csv and templates/aanbevelingen.xlsx.
 */
import { importRecommendations, UnknownAuditError } from '../tools/data/importRecommendations';
import { ImportValidationError, ImportWriteError } from '../tools/data/importRun';
import { IRecommendationRow, recommendationRowsFromTable } from '../tools/model/recommendationImport';
import { flag } from './cli';
import { readTableFile, runImportCli } from './importCli';

const USAGE =
  'Gebruik / usage: npm run import-recommendations -- --audit <id> --file aanbevelingen.csv|aanbevelingen.xlsx [--site <url>] [--token <bearer>]';

export function readRecommendationRows(file: string): Promise<IRecommendationRow[]> {
  return readTableFile(file, recommendationRowsFromTable);
}

if (require.main === module)
  void runImportCli({
    usage: USAGE,
    required: ['audit'],
    checkArgs: (args) => {
      const audit = flag(args, 'audit') || '';
      return /^\d+$/.test(audit) && Number(audit) >= 1
        ? undefined
        : `--audit moet het id van de audit zijn (een getal), niet '${audit}'. / --audit must be the audit's id (a number), not '${audit}'.`;
    },
    readRows: readRecommendationRows,
    run: (sp, rows, args) => importRecommendations(sp, Number(flag(args, 'audit')), rows),
    summary: (r) =>
      `${r.auditTitle}: ${r.created} aanbeveling(en) toegevoegd, ${r.unchanged} al aanwezig. / ` +
      `${r.created} recommendation(s) added, ${r.unchanged} already there.`,
    isOwnError: (e) => e instanceof ImportWriteError || e instanceof ImportValidationError || e instanceof UnknownAuditError
  });
