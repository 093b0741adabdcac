import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { ConflictError } from './IOrgRepository';
import { httpStatusOf, isListValidationFailure, ListValidationError, sharePointMessage } from './errors';
import { listOf } from './lists';
import { ITEM_QUERIES } from './queries';
import { ListItem, toAction, toRecommendation } from './mapping';
import { getList } from '../schema/schema';
import {
  actionChangesFor, IProgressInput, IProgressReport, ProgressState, recommendationChangesFor, ReviewOutcome, validateRefusal
} from '../model/progress';
import { IAction, IRecommendation } from '../model/types';

/** A report or a review that the model refuses; `problems` name what (model/progress ProgressProblem). */
export class ProgressInputError extends Error {
  public readonly problems: string[];
  public constructor(problems: string[]) {
    super(`Invalid progress report: ${problems.join(', ')}`);
    this.name = 'ProgressInputError';
    this.problems = problems;
    Object.setPrototypeOf(this, ProgressInputError.prototype);
  }
}

const REPORT_QUERY = ITEM_QUERIES.progressReports;

function etagOf(item: ListItem): string | undefined {
  const e = item['odata.etag'] || (item.__metadata && item.__metadata.etag);
  return typeof e === 'string' ? e : undefined;
}

export function toProgressReport(item: ListItem): IProgressReport {
  const actionId = typeof item.ActieId === 'number' ? item.ActieId : undefined;
  return {
    id: item.Id,
    target: actionId !== undefined ? { kind: 'action', id: actionId } : { kind: 'recommendation', id: Number(item.AanbevelingId) },
    targetTitle: item.Title || undefined,
    state: item.Voortgang as ProgressState,
    comment: item.Commentaar || undefined,
    proposedDeadline: item.VoorgesteldeDeadline || undefined,
    evidenceUrl: item.Bewijs || undefined,
    outcome: (item.Beoordeling || 'in afwachting') as ReviewOutcome,
    reason: item.Reden || undefined,
    authorId: item.AuthorId,
    authorName: item.Author && item.Author.Title,
    editorId: item.EditorId,
    editorName: item.Editor && item.Editor.Title,
    created: item.Created,
    modified: item.Modified,
    etag: etagOf(item)
  };
}

/** Every progress report (the list is small: a few per action per year), newest first. */
export async function readProgressReports(sp: SPFI): Promise<IProgressReport[]> {
  const items: ListItem[] = await listOf(sp, 'progressReports').items.select(...REPORT_QUERY.select).expand(...REPORT_QUERY.expand).orderBy('Id', false).top(5000)();
  return items.map(toProgressReport);
}

/**
 * Records a report as the signed-in owner. SharePoint makes it theirs (Author) and lets nobody but them and
 * the reviewers change it. The title repeats the target's title so list views read well.
 */
export async function addProgressReport(sp: SPFI, input: IProgressInput, targetTitle: string): Promise<IProgressReport> {
  const body: ListItem = {
    Title: targetTitle.slice(0, 255),
    Voortgang: input.state,
    Commentaar: input.comment.trim(),
    Beoordeling: 'in afwachting'
  };
  if (input.target.kind === 'action') body.ActieId = input.target.id;
  else body.AanbevelingId = input.target.id;
  if (input.proposedDeadline) body.VoorgesteldeDeadline = input.proposedDeadline;
  if (input.evidenceUrl && input.evidenceUrl.trim()) body.Bewijs = input.evidenceUrl.trim();
  const added = await listOf(sp, 'progressReports').items.add(body);
  const id = (added as { Id?: number; ID?: number }).Id ?? (added as { ID?: number }).ID;
  const item: ListItem = await listOf(sp, 'progressReports').items.getById(id as number).select(...REPORT_QUERY.select).expand(...REPORT_QUERY.expand)();
  return toProgressReport(item);
}

async function readTarget(sp: SPFI, report: IProgressReport): Promise<IAction | IRecommendation | undefined> {
  const key = report.target.kind === 'action' ? 'actions' : 'recommendations';
  try {
    const q = ITEM_QUERIES[key];
    const item: ListItem = await listOf(sp, key).items.getById(report.target.id).select(...q.select).expand(...q.expand)();
    return report.target.kind === 'action' ? toAction(item) : toRecommendation(item);
  } catch (e) {
    if (httpStatusOf(e) === 404) return undefined;
    throw e;
  }
}

async function setOutcome(sp: SPFI, report: IProgressReport, outcome: ReviewOutcome, reason: string, etag: string): Promise<string | undefined> {
  const res: { etag?: string } = await listOf(sp, 'progressReports').items.getById(report.id).update({ Beoordeling: outcome, Reden: reason }, etag);
  return res && res.etag;
}

/**
 * The control team accepts a report: first the report is marked 'aanvaard' on the ETag it was read with (the
 * owner changed it meanwhile: ConflictError, nothing written), then the action or recommendation changes on the
 * ETag the reviewer saw (`targetEtag`; changed meanwhile: the review goes back to 'in afwachting' and ConflictError,
 * the target is not overwritten). Both steps stay in the version history.
 */
export async function acceptProgressReport(sp: SPFI, report: IProgressReport, target: IAction | IRecommendation, today: Date = new Date()): Promise<void> {
  let reportEtag: string | undefined;
  try {
    reportEtag = await setOutcome(sp, report, 'aanvaard', '', report.etag || '*');
  } catch (e) {
    if (httpStatusOf(e) === 412) throw new ConflictError('The progress report changed since it was read', undefined);
    throw e;
  }
  const key = report.target.kind === 'action' ? 'actions' : 'recommendations';
  const changes = report.target.kind === 'action' ? actionChangesFor(report, target as IAction, today) : recommendationChangesFor(report, target as IRecommendation);
  try {
    await listOf(sp, key).items.getById(target.id).update(changes, target.etag || '*');
  } catch (e) {
    // Undo the review: the report waits again, the target keeps the newer version.
    await setOutcome(sp, report, 'in afwachting', '', reportEtag || '*');
    if (httpStatusOf(e) === 412) {
      const latest = await readTarget(sp, report);
      throw new ConflictError('Version conflict', report.target.kind === 'action' ? (latest as IAction | undefined) : undefined);
    }
    if (isListValidationFailure(e)) {
      const rule = getList(key).validation;
      throw new ListValidationError(rule ? rule.message : sharePointMessage(e));
    }
    throw e;
  }
}

/** The control team refuses a report with a reason the owner sees under "Mijn acties". */
export async function refuseProgressReport(sp: SPFI, report: IProgressReport, reason: string): Promise<void> {
  const problems = validateRefusal(reason);
  if (problems.length) throw new ProgressInputError(problems);
  try {
    await setOutcome(sp, report, 'geweigerd', reason.trim(), report.etag || '*');
  } catch (e) {
    if (httpStatusOf(e) === 412) throw new ConflictError('The progress report changed since it was read', undefined);
    throw e;
  }
}
