/**
 * Owners and deadlines for many items at once (issue 21, item 3): the control team picks actions or
 * recommendations (e.g. a domain's new planning), one person of the tenant and a deadline, and the use case
 * writes each item on its own ETag. Plain function over a port: the cards web part and the tests call it alike.
 *
 * Rules: the owner is one person (a group is refused) who still has an account (ensureUser refuses an unknown or
 * removed one; SharePoint refuses a person column with a user deleted from the tenant, which stops the run before
 * anything is written); a deadline before an action's planned year is refused before anything is written; an item
 * changed since it was shown, or between read and write (412), is reported and left as it is.
 */
import { deadlineDate } from '../model/audits';

export type AssignKind = 'action' | 'recommendation';

/** An item as the control team saw and picked it. */
export interface IAssignTarget {
  kind: AssignKind;
  id: number;
  title: string;
  /** Modified as shown (ISO): a later change is reported as a conflict. Absent: only the write's If-Match guards. */
  seenModified?: string;
  /** The ETag as shown, where the screen has it: another ETag now is a conflict. */
  seenEtag?: string;
}

/** A person as the data site knows them (ensureUser). */
export interface IResolvedOwner {
  id: number;
  title: string;
  email?: string;
  loginName: string;
  /** SP.PrincipalType: 1 user, 4 security group, 8 SharePoint group. */
  principalType: number;
}

/** The item as it is now, read just before writing. */
export interface ICurrentTarget {
  id: number;
  title: string;
  plannedYear?: number;
  modified?: string;
  etag?: string;
}

export type WriteOutcome = 'ok' | 'conflict' | 'gone' | 'ownerRefused' | 'failed';

export interface IAssignChanges {
  ownerId?: number;
  /** ISO instant of the day (midnight UTC): a date-only column. */
  deadline?: string;
}

/** What the use case needs from SharePoint (src/data/ownerAssignment.ts; a fake in tests). */
export interface IAssignPort {
  /** The person of `login` as a user of the site; undefined when the tenant has no such account. */
  resolveOwner(login: string): Promise<IResolvedOwner | undefined>;
  /** The items now (missing ids: deleted). */
  readTargets(kind: AssignKind, ids: number[]): Promise<ICurrentTarget[]>;
  /** One item, with If-Match on `etag`. */
  writeTarget(kind: AssignKind, id: number, changes: IAssignChanges, etag: string): Promise<WriteOutcome>;
}

export interface IAssignRequest {
  targets: IAssignTarget[];
  /** Login or e-mail of the new owner; empty: keep the owners. */
  ownerLogin?: string;
  /** YYYY-MM-DD; empty: keep the deadlines. */
  deadline?: string;
}

export type AssignProblem = 'noTargets' | 'nothingToAssign' | 'ownerUnknown' | 'ownerGroup' | 'ownerDeleted' | 'deadlineInvalid' | 'deadlineBeforePlanned';

/** Refused before anything was written; `items` names the items a problem is about (deadline before planned year). */
export class AssignRefusedError extends Error {
  public readonly problems: AssignProblem[];
  public readonly items: IAssignTarget[];
  public constructor(problems: AssignProblem[], items: IAssignTarget[] = []) {
    super(`Owners and deadlines not assigned: ${problems.join(', ')}`);
    this.name = 'AssignRefusedError';
    this.problems = problems;
    this.items = items;
    Object.setPrototypeOf(this, AssignRefusedError.prototype);
  }
}

export interface IAssignResult {
  owner?: IResolvedOwner;
  updated: IAssignTarget[];
  /** Changed by someone else since shown or read: left as it is. */
  conflicts: IAssignTarget[];
  /** Deleted meanwhile, or refused for another reason: nothing written there. */
  failed: IAssignTarget[];
}

function sameInstant(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return true;
  const x = new Date(a).getTime();
  const y = new Date(b).getTime();
  return isNaN(x) || isNaN(y) || x === y;
}

/** What is wrong with the request itself (no I/O). */
export function validateAssignRequest(request: IAssignRequest): AssignProblem[] {
  const problems: AssignProblem[] = [];
  if (!request.targets.length) problems.push('noTargets');
  const login = (request.ownerLogin || '').trim();
  const deadline = (request.deadline || '').trim();
  if (!login && !deadline) problems.push('nothingToAssign');
  if (deadline && (!/^\d{4}-\d{2}-\d{2}$/.test(deadline) || !deadlineDate(deadline))) problems.push('deadlineInvalid');
  return problems;
}

/** Actions whose planned year comes after the deadline's year. */
export function deadlineBeforePlanned(deadline: string, targets: IAssignTarget[], current: ICurrentTarget[]): IAssignTarget[] {
  const year = (deadlineDate(deadline) as Date).getFullYear();
  return targets.filter((t) => {
    if (t.kind !== 'action') return false;
    const now = current.filter((c) => c.id === t.id)[0];
    return !!now && now.plannedYear !== undefined && now.plannedYear > year;
  });
}

async function resolve(port: IAssignPort, login: string): Promise<IResolvedOwner> {
  const owner = await port.resolveOwner(login);
  if (!owner) throw new AssignRefusedError(['ownerUnknown']);
  if (owner.principalType !== 1) throw new AssignRefusedError(['ownerGroup']);
  return owner;
}

function keyOf(kind: AssignKind, id: number): string {
  return `${kind}:${id}`;
}

/** The targets as they are now, by kind and id. */
async function readAll(port: IAssignPort, targets: IAssignTarget[]): Promise<Map<string, ICurrentTarget>> {
  const byKey = new Map<string, ICurrentTarget>();
  const kinds: AssignKind[] = ['action', 'recommendation'];
  await Promise.all(
    kinds.map(async (k) => {
      const ids = targets.filter((t) => t.kind === k).map((t) => t.id);
      if (!ids.length) return;
      for (const item of await port.readTargets(k, ids)) byKey.set(keyOf(k, item.id), item);
    })
  );
  return byKey;
}

/**
 * Assigns the owner and/or the deadline to every target, one write per item with If-Match on the ETag just read.
 * Throws AssignRefusedError (nothing written) for a bad request, an owner who cannot own items, or a deadline
 * before an action's planned year. Otherwise every item ends up in exactly one of updated, conflicts, failed.
 */
export async function assignOwners(port: IAssignPort, request: IAssignRequest): Promise<IAssignResult> {
  const problems = validateAssignRequest(request);
  if (problems.length) throw new AssignRefusedError(problems);
  const login = (request.ownerLogin || '').trim();
  const deadline = (request.deadline || '').trim();
  const owner = login ? await resolve(port, login) : undefined;
  const current = await readAll(port, request.targets);
  const find = (t: IAssignTarget): ICurrentTarget | undefined => current.get(keyOf(t.kind, t.id));
  if (deadline) {
    const early = deadlineBeforePlanned(deadline, request.targets, request.targets.map(find).filter((c): c is ICurrentTarget => !!c));
    if (early.length) throw new AssignRefusedError(['deadlineBeforePlanned'], early);
  }
  const changes: IAssignChanges = {};
  if (owner) changes.ownerId = owner.id;
  if (deadline) {
    const d = deadlineDate(deadline) as Date;
    changes.deadline = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate())).toISOString();
  }
  const result: IAssignResult = { owner, updated: [], conflicts: [], failed: [] };
  for (const t of request.targets) {
    const now = find(t);
    if (!now) {
      result.failed.push(t);
      continue;
    }
    if (!sameInstant(t.seenModified, now.modified) || (!!t.seenEtag && !!now.etag && t.seenEtag !== now.etag)) {
      result.conflicts.push(t);
      continue;
    }
    const outcome = await port.writeTarget(t.kind, t.id, changes, now.etag || '*');
    if (outcome === 'ownerRefused' && result.updated.length === 0) throw new AssignRefusedError(['ownerDeleted']);
    if (outcome === 'ok') result.updated.push(t);
    else if (outcome === 'conflict') result.conflicts.push(t);
    else result.failed.push(t);
  }
  return result;
}
