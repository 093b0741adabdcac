import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import { IRecommendation } from '../../src/model/types';
import { IRecommendationPlan, IRecommendationRow, planRecommendationImport, recommendationAdds } from '../model/recommendationImport';
import { httpStatusOf } from '../../src/data/errors';
import { ListItem, toDomain } from '../../src/data/mapping';
import { listOf } from '../../src/data/lists';
import { ITEM_QUERIES } from '../../src/data/queries';
import { readAll } from './importData';
import { runImport } from './importRun';

/** The audit named by --audit does not exist: nothing was imported. */
export class UnknownAuditError extends Error {
  public constructor(auditId: number) {
    super(`Er is geen audit met id ${auditId}; er werd niets geïmporteerd. / There is no audit with id ${auditId}; nothing was imported.`);
    this.name = 'UnknownAuditError';
  }
}

export interface IRecommendationImportResult extends IRecommendationPlan {
  auditTitle: string;
  created: number;
}

interface ISiteUser {
  Id: number;
  Email?: string;
  LoginName?: string;
  UserPrincipalName?: string;
}

/**
 * Site user ids for the owners of the file (e-mail address or claims login). Users of the
 * site are matched first; others are added with ensureUser, which SharePoint refuses (400)
 * for anyone who is not an account of the tenant: those stay out of the map (unknown owner).
 */
export async function resolveOwners(sp: SPFI, values: string[]): Promise<Record<string, number>> {
  const users: ISiteUser[] = await sp.web.siteUsers.select('Id', 'Email', 'LoginName', 'UserPrincipalName')();
  const out: Record<string, number> = {};
  for (const value of values) {
    if (out[value] !== undefined) continue;
    const v = value.toLowerCase();
    const known = users.filter(
      (u) =>
        (u.Email || '').toLowerCase() === v ||
        (u.LoginName || '').toLowerCase() === v ||
        (u.UserPrincipalName || '').toLowerCase() === v ||
        (!!u.Email && (u.LoginName || '').toLowerCase().endsWith(`|${v}`))
    )[0];
    if (known) {
      out[value] = known.Id;
      continue;
    }
    // Only an e-mail address or a claims login can name a tenant account; a display name cannot.
    if (!/@|\|/.test(value)) continue;
    try {
      const u = (await sp.web.ensureUser(value)) as ListItem;
      out[value] = (u.Id ?? (u.data && u.data.Id)) as number;
    } catch (e) {
      const status = httpStatusOf(e);
      if (status !== 400 && status !== 404) throw e;
    }
  }
  return out;
}

/**
 * Imports recommendations into one audit. Every row is checked first (owners resolved to
 * site users, deadlines, priority, duplicates, then the list's schema); with any error
 * nothing is written. Recommendations the audit already has (same text) are skipped, so a
 * second run adds nothing. A failed write undoes the run (ImportWriteError).
 */
export async function importRecommendations(sp: SPFI, auditId: number, rows: IRecommendationRow[]): Promise<IRecommendationImportResult> {
  const [audits, recs, domains] = await Promise.all([
    readAll(listOf(sp, 'audits'), ITEM_QUERIES.importAudits.select),
    readAll(listOf(sp, 'recommendations'), ITEM_QUERIES.importRecommendations.select),
    readAll(listOf(sp, 'domains'), ITEM_QUERIES.maturityDomains.select)
  ]);
  const audit = audits.filter((a) => a.Id === auditId)[0];
  if (!audit) throw new UnknownAuditError(auditId);
  const existing = recs
    .filter((r) => r.AuditId === auditId)
    .map((r) => ({ id: r.Id, title: r.Title || '', auditId, priority: 'H', status: 'Open', actions: [] }) as IRecommendation);
  const ownerValues = rows.map((r) => r.owner.replace(/\s+/g, ' ').trim()).filter((v) => !!v);
  const owners = await resolveOwners(sp, ownerValues);
  const plan = planRecommendationImport(rows, existing, owners, domains.map(toDomain));
  const result: IRecommendationImportResult = { ...plan, auditTitle: audit.Title || '', created: 0 };
  if (plan.errors.length) return result;
  await runImport(sp, recommendationAdds(auditId, plan.add), { existing: { audits: [auditId] } });
  result.created = plan.add.length;
  return result;
}
