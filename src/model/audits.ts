/**
 * The control cycle behind the report (pure): audits -> findings and recommendations ->
 * risks and actions with an owner and a deadline -> realisations -> the next audit.
 * Execution rates, deadlines ("te laat", due within 30 days) with an injectable today,
 * grouping and filters of audits, per-domain audit feeds, "Mijn acties", the report annex.
 */
import { IAction, IAudit, IAuditAnnexEntry, ILookupRef, IRecommendation, IReportData, IRisk } from './types';

/** "Binnenkort": a deadline within this many days from today (today included). */
export const DUE_SOON_DAYS: number = 30;

export type DeadlineState = 'overdue' | 'dueSoon' | 'later' | 'none';

const DAY_MS = 86400000;

/**
 * The calendar day of a deadline. SharePoint's date-only fields arrive as the UTC instant
 * of midnight in the site's time zone, so the local day of that instant is the day meant;
 * a bare "YYYY-MM-DD" is that local day as is.
 */
export function deadlineDate(iso: string | undefined): Date | undefined {
  if (!iso) return undefined;
  const bare = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  const d = bare ? new Date(Number(bare[1]), Number(bare[2]) - 1, Number(bare[3])) : new Date(iso);
  if (isNaN(d.getTime())) return undefined;
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

function dayNumber(d: Date): number {
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS);
}

/**
 * Where a deadline stands on `today`: past it ("te laat"), within DUE_SOON_DAYS, later,
 * or none (no deadline, or the item is done: a realised action is never late).
 */
export function deadlineState(deadline: string | undefined, done: boolean, today: Date, soonDays: number = DUE_SOON_DAYS): DeadlineState {
  const d = deadlineDate(deadline);
  if (done || !d) return 'none';
  const diff = dayNumber(d) - dayNumber(today);
  if (diff < 0) return 'overdue';
  if (diff <= soonDays) return 'dueSoon';
  return 'later';
}

/** Realised or cancelled: no longer followed up. */
export function isActionDone(a: IAction): boolean {
  return a.status === 'Gerealiseerd' || a.status === 'Geschrapt';
}

/** Carried out, or decided not to: no longer open. */
export function isRecommendationDone(r: IRecommendation): boolean {
  return r.status === 'Uitgevoerd' || r.status === 'Niet uitgevoerd';
}

export function actionDeadlineState(a: IAction, today: Date): DeadlineState {
  return deadlineState(a.deadline, isActionDone(a), today);
}

export function recommendationDeadlineState(r: IRecommendation, today: Date): DeadlineState {
  return deadlineState(r.deadline, isRecommendationDone(r), today);
}

/* ---------- "niet vermeld" ---------- */

/** A value the source states: not missing, not blank. A stated 0 is a value. */
export function isStated(v: string | number | undefined): boolean {
  if (v === undefined) return false;
  if (typeof v === 'number') return !isNaN(v);
  return v.trim().length > 0;
}

/** The value as text, or the "niet vermeld" label: never a blank, never an invented zero. */
export function statedOr(v: string | number | undefined, notStated: string): string {
  return isStated(v) ? String(v).trim() : notStated;
}

/** An audit has figures when at least one of strengths, improvements, H-recommendations is stated. */
export function hasFindings(a: IAudit): boolean {
  return isStated(a.strengths) || isStated(a.improvements) || isStated(a.highRecommendations);
}

/* ---------- recommendations and execution rate ---------- */

export interface IExecutionRate {
  total: number;
  carriedOut: number;
  /** 0..1; undefined when there are no recommendations (no division by zero). */
  rate: number | undefined;
  highTotal: number;
  highCarriedOut: number;
  highRate: number | undefined;
}

/** The share of recommendations carried out (status Uitgevoerd), overall and for priority H. */
export function executionRate(recs: IRecommendation[]): IExecutionRate {
  const done = recs.filter((r) => r.status === 'Uitgevoerd');
  const high = recs.filter((r) => r.priority === 'H');
  const highDone = high.filter((r) => r.status === 'Uitgevoerd');
  return {
    total: recs.length,
    carriedOut: done.length,
    rate: recs.length > 0 ? done.length / recs.length : undefined,
    highTotal: high.length,
    highCarriedOut: highDone.length,
    highRate: high.length > 0 ? highDone.length / high.length : undefined
  };
}

/** Whole percent of a 0..1 rate (0 when there is no rate: callers show a sentence instead). */
export function percent(rate: number | undefined): number {
  return rate === undefined ? 0 : Math.round(rate * 100);
}

const PRIORITY_RANK: Record<string, number> = { H: 0, M: 1, L: 2 };

function byPriority(a: IRecommendation, b: IRecommendation): number {
  return (PRIORITY_RANK[a.priority] ?? 3) - (PRIORITY_RANK[b.priority] ?? 3) || a.id - b.id;
}

export function allRecommendations(data: IReportData): IRecommendation[] {
  return data.recommendations || [];
}

/** An audit's recommendations, H first, then M, L. */
export function recommendationsOf(data: IReportData, auditId: number): IRecommendation[] {
  return allRecommendations(data)
    .filter((r) => r.auditId === auditId)
    .sort(byPriority);
}

/** The actions a recommendation links to, and the links whose action no longer exists. */
export function linkedActions(data: IReportData, r: IRecommendation): { found: IAction[]; missing: ILookupRef[] } {
  const found: IAction[] = [];
  const missing: ILookupRef[] = [];
  for (const ref of r.actions) {
    const a = data.actions.filter((x) => x.id === ref.id)[0];
    if (a) found.push(a);
    else missing.push(ref);
  }
  return { found, missing };
}

/** Open recommendations an action answers: realising the action offers to mark these carried out. */
export function openRecommendationsAnsweredBy(data: IReportData, actionId: number): IRecommendation[] {
  return allRecommendations(data)
    .filter((r) => !isRecommendationDone(r) && r.actions.some((x) => x.id === actionId))
    .sort(byPriority);
}

/** All recommendations (open or not) linked to an action. */
export function recommendationsAnsweredBy(data: IReportData, actionId: number): IRecommendation[] {
  return allRecommendations(data)
    .filter((r) => r.actions.some((x) => x.id === actionId))
    .sort(byPriority);
}

/** Items of page `page` (0-based) of `size`: 500 recommendations stay usable. */
export function pageOf<T>(items: T[], page: number, size: number): { items: T[]; page: number; pages: number } {
  const pages = Math.max(1, Math.ceil(items.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  return { items: items.slice(p * size, (p + 1) * size), page: p, pages };
}

/* ---------- audits: filters, grouping, chain, links ---------- */

export interface IAuditFilters {
  /** A year, or NOT_STATED_KEY for audits without a year. */
  year?: string;
  status?: string;
  kind?: string;
  type?: string;
  auditor?: string;
}

/** Filter value for "niet vermeld" (no year, kind, type or auditor). */
export const NOT_STATED_KEY: string = '-';

export function auditFiltersActive(f: IAuditFilters): boolean {
  return !!(f.year || f.status || f.kind || f.type || f.auditor);
}

function matches(value: string | number | undefined, wanted: string | undefined): boolean {
  if (!wanted) return true;
  if (wanted === NOT_STATED_KEY) return !isStated(value);
  return isStated(value) && String(value) === wanted;
}

export function filterAudits(audits: IAudit[], f: IAuditFilters): IAudit[] {
  return audits.filter(
    (a) => matches(a.year, f.year) && matches(a.status, f.status) && matches(a.kind, f.kind) && matches(a.type, f.type) && matches(a.auditor, f.auditor)
  );
}

export interface IAuditFilterOptions {
  years: string[];
  statuses: string[];
  kinds: string[];
  types: string[];
  auditors: string[];
}

function distinct(values: Array<string | number | undefined>, sort: (a: string, b: string) => number): string[] {
  const seen: Record<string, true> = {};
  const out: string[] = [];
  let missing = false;
  for (const v of values) {
    if (!isStated(v)) {
      missing = true;
      continue;
    }
    const s = String(v);
    if (!seen[s]) {
      seen[s] = true;
      out.push(s);
    }
  }
  out.sort(sort);
  // "niet vermeld" is a choice only when some audit lacks the value.
  if (missing) out.push(NOT_STATED_KEY);
  return out;
}

/** Only values that occur, plus "niet vermeld" when some audit lacks one. */
export function auditFilterOptions(audits: IAudit[]): IAuditFilterOptions {
  const alpha = (a: string, b: string): number => a.localeCompare(b);
  return {
    years: distinct(audits.map((a) => a.year), (a, b) => Number(b) - Number(a)),
    statuses: distinct(audits.map((a) => a.status), (a, b) => ['Lopend', 'Gepland', 'Afgerond'].indexOf(a) - ['Lopend', 'Gepland', 'Afgerond'].indexOf(b)),
    kinds: distinct(audits.map((a) => a.kind), alpha),
    types: distinct(audits.map((a) => a.type), alpha),
    auditors: distinct(audits.map((a) => a.auditor), alpha)
  };
}

export interface IAuditYearGroup {
  /** Undefined: year not stated. */
  year: number | undefined;
  audits: IAudit[];
}

/** Audits by year, newest first; audits without a year last, as their own group. */
export function groupAuditsByYear(audits: IAudit[]): IAuditYearGroup[] {
  const byYear: Record<string, IAudit[]> = {};
  for (const a of audits) {
    const k = a.year === undefined ? NOT_STATED_KEY : String(a.year);
    (byYear[k] = byYear[k] || []).push(a);
  }
  return Object.keys(byYear)
    .sort((a, b) => (a === NOT_STATED_KEY ? 1 : b === NOT_STATED_KEY ? -1 : Number(b) - Number(a)))
    .map((k) => ({
      year: k === NOT_STATED_KEY ? undefined : Number(k),
      audits: byYear[k].sort((x, y) => x.title.localeCompare(y.title) || x.id - y.id)
    }));
}

/**
 * The chain of follow-up ("opvolging van"): the audits this one follows up, oldest first,
 * and the audits that follow it up (directly or further on). Safe against cycles.
 */
export function followUpChain(audits: IAudit[], audit: IAudit): { before: IAudit[]; after: IAudit[] } {
  const byId: Record<number, IAudit> = {};
  for (const a of audits) byId[a.id] = a;
  const seen: Record<number, true> = { [audit.id]: true };
  const before: IAudit[] = [];
  let cur = audit.followUpOf ? byId[audit.followUpOf.id] : undefined;
  while (cur && !seen[cur.id]) {
    seen[cur.id] = true;
    before.unshift(cur);
    cur = cur.followUpOf ? byId[cur.followUpOf.id] : undefined;
  }
  const after: IAudit[] = [];
  let frontier = [audit.id];
  while (frontier.length) {
    const next = audits.filter((a) => a.followUpOf && frontier.indexOf(a.followUpOf.id) >= 0 && !seen[a.id]);
    next.forEach((a) => {
      seen[a.id] = true;
      after.push(a);
    });
    frontier = next.map((a) => a.id);
  }
  return { before, after };
}

/** Risks raised by the audit (Audit lookup on the risk). */
export function risksFromAudit(data: IReportData, auditId: number): IRisk[] {
  return data.risks.filter((r) => r.audit && r.audit.id === auditId).sort((a, b) => a.id - b.id);
}

/** Actions that came from the audit: its Audit lookup, or answering one of its recommendations. */
export function actionsFromAudit(data: IReportData, auditId: number): IAction[] {
  const viaRecs: Record<number, true> = {};
  for (const r of recommendationsOf(data, auditId)) for (const a of r.actions) viaRecs[a.id] = true;
  return data.actions.filter((a) => (a.audit && a.audit.id === auditId) || viaRecs[a.id]).sort((a, b) => a.id - b.id);
}

/** Audits that feed a domain: named for the domain, or the source of a risk or action in it. */
export function auditsFeedingDomain(data: IReportData, domainId: number): IAudit[] {
  const ids: Record<number, true> = {};
  for (const a of data.audits) if (a.domainIds.indexOf(domainId) >= 0) ids[a.id] = true;
  for (const r of data.risks) if (r.domainId === domainId && r.audit) ids[r.audit.id] = true;
  for (const a of data.actions) if (a.domainIds.indexOf(domainId) >= 0 && a.audit) ids[a.audit.id] = true;
  return data.audits
    .filter((a) => ids[a.id])
    .sort((a, b) => (b.year ?? -1) - (a.year ?? -1) || a.title.localeCompare(b.title));
}

/** Audits that feed no active domain at all (none named, no risk or action in one): the audits page lists them once, "zonder domein". */
export function auditsWithoutDomain(data: IReportData): IAudit[] {
  const active = data.domains.filter((d) => d.active).map((d) => d.id);
  const fed: Record<number, true> = {};
  for (const id of active) for (const a of auditsFeedingDomain(data, id)) fed[a.id] = true;
  return data.audits.filter((a) => !fed[a.id]).sort((a, b) => (b.year ?? -1) - (a.year ?? -1) || a.title.localeCompare(b.title));
}

/** The domains a recommendation counts under: those of its audit. */
export function recommendationDomainIds(data: IReportData, r: IRecommendation): number[] {
  const audit = data.audits.filter((a) => a.id === r.auditId)[0];
  return audit ? audit.domainIds : [];
}

/* ---------- owners and deadlines ---------- */

export interface IDeadlineCounts {
  overdue: number;
  dueSoon: number;
}

/** Per domain: open actions and open recommendations past their deadline, and due within 30 days. */
export function deadlinesByDomain(data: IReportData, today: Date): Record<number, IDeadlineCounts> {
  const out: Record<number, IDeadlineCounts> = {};
  for (const d of data.domains) out[d.id] = { overdue: 0, dueSoon: 0 };
  const count = (domainIds: number[], state: DeadlineState): void => {
    if (state !== 'overdue' && state !== 'dueSoon') return;
    for (const id of domainIds) {
      if (!out[id]) continue;
      if (state === 'overdue') out[id].overdue++;
      else out[id].dueSoon++;
    }
  };
  for (const a of data.actions) count(a.domainIds, actionDeadlineState(a, today));
  for (const r of allRecommendations(data)) count(recommendationDomainIds(data, r), recommendationDeadlineState(r, today));
  return out;
}

export type MyItem =
  | { kind: 'action'; action: IAction; state: DeadlineState }
  | { kind: 'recommendation'; recommendation: IRecommendation; audit: IAudit | undefined; state: DeadlineState };

const STATE_RANK: Record<DeadlineState, number> = { overdue: 0, dueSoon: 1, later: 2, none: 3 };

function itemDeadline(i: MyItem): number {
  const d = deadlineDate(i.kind === 'action' ? i.action.deadline : i.recommendation.deadline);
  return d ? d.getTime() : Number.MAX_SAFE_INTEGER;
}

/**
 * "Mijn acties": the open actions and open recommendations the user owns (owner id =
 * the current user's id), late ones first, then by deadline.
 */
export function myItems(data: IReportData, userId: number | undefined, today: Date): MyItem[] {
  if (userId === undefined) return [];
  const items: MyItem[] = [];
  for (const a of data.actions) {
    if (a.owner && a.owner.id === userId && !isActionDone(a)) items.push({ kind: 'action', action: a, state: actionDeadlineState(a, today) });
  }
  for (const r of allRecommendations(data)) {
    if (r.owner && r.owner.id === userId && !isRecommendationDone(r)) {
      items.push({ kind: 'recommendation', recommendation: r, audit: data.audits.filter((x) => x.id === r.auditId)[0], state: recommendationDeadlineState(r, today) });
    }
  }
  const title = (i: MyItem): string => (i.kind === 'action' ? i.action.title : i.recommendation.title);
  return items.sort((x, y) => STATE_RANK[x.state] - STATE_RANK[y.state] || itemDeadline(x) - itemDeadline(y) || title(x).localeCompare(title(y)));
}

/**
 * The reminder rule (weekly digest in tools/model/reminders.ts, the Viva card, "Mijn acties"):
 * an item calls for its owner's attention when it is overdue or due within DUE_SOON_DAYS.
 */
export function needsAttention(state: DeadlineState): boolean {
  return state === 'overdue' || state === 'dueSoon';
}

/** The user's own open items that call for attention now, overdue first, then by deadline. */
export function myDueItems(data: IReportData, userId: number | undefined, today: Date): MyItem[] {
  return myItems(data, userId, today).filter((i) => needsAttention(i.state));
}

/* ---------- the report annex ---------- */

/** Audits of the report year and the year before, newest first, with their execution rate. */
export function buildAuditAnnex(data: IReportData, year: number): IAuditAnnexEntry[] {
  const domainTitle = (id: number): { order: number; title: string } | undefined => {
    const d = data.domains.filter((x) => x.id === id)[0];
    return d ? { order: d.order, title: d.title } : undefined;
  };
  return data.audits
    .filter((a) => a.year === year || a.year === year - 1)
    .sort((a, b) => (b.year as number) - (a.year as number) || a.title.localeCompare(b.title) || a.id - b.id)
    .map((audit) => {
      const rate = executionRate(recommendationsOf(data, audit.id));
      return {
        audit,
        domains: audit.domainIds
          .map(domainTitle)
          .filter((d): d is { order: number; title: string } => d !== undefined)
          .sort((a, b) => a.order - b.order)
          .map((d) => d.title),
        recommendations: rate.total,
        carriedOut: rate.carriedOut,
        high: rate.highTotal,
        highCarriedOut: rate.highCarriedOut
      };
    });
}
