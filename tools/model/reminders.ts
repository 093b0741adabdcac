/**
 * Reminders (pure): who gets which message, in Dutch, with links to the items. The weekly digest per owner (due
 * within 30 days, overdue, refused progress reports), the escalation to the control team (overdue more than N
 * days) and the monthly summary for the algemeen directeur (the one-truth figures of model/figures). Each message
 * has a key (kind, week or month, recipient): a key that was sent is never sent again (src/data/reminders.ts).
 */
import { actionDeadlineState, allRecommendations, deadlineDate, DeadlineState, DUE_SOON_DAYS, needsAttention, recommendationDeadlineState } from '../../src/model/audits';
import { buildFigures } from '../../src/model/figures';
import { listFormUrl } from '../../src/model/links';
import { IProgressReport, latestReportOn, pendingReports, reviewOf } from '../../src/model/progress';
import { IPerson, IReportData } from '../../src/model/types';
import { escapeHtml } from '../../src/model/text';

export type ReminderKind = 'overzicht' | 'escalatie' | 'maandoverzicht';

/** Default: escalate an item to the control team once it is more than this many days overdue. */
export const DEFAULT_ESCALATION_DAYS: number = 30;

export interface IReminderMessage {
  /** `<kind>|<period>|<address>`: the sent-log's key. */
  key: string;
  kind: ReminderKind;
  /** ISO week (2026-W49) for digests and escalations, month (2026-12) for the summary. */
  period: string;
  to: IPerson;
  subject: string;
  /** HTML. */
  body: string;
}

export interface IReminderInput {
  data: IReportData;
  reports: IProgressReport[];
  today: Date;
  siteUrl: string;
  controlTeam: IPerson[];
  /** The algemeen directeur (monthly summary); none: no summary. */
  director?: IPerson;
  escalationDays?: number;
}

/** One followed-up item of an owner. */
export interface IFollowUpItem {
  kind: 'action' | 'recommendation';
  id: number;
  title: string;
  owner?: IPerson;
  deadline?: string;
  state: DeadlineState;
  /** Days past the deadline (0 when not overdue). */
  daysOverdue: number;
  url: string;
}

const DAY_MS = 86400000;

function dayNumber(d: Date): number {
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS);
}

/** ISO 8601 week of a day, e.g. 2026-W49 (weeks start on Monday; week 1 holds the year's first Thursday). */
export function isoWeek(day: Date): string {
  const d = new Date(Date.UTC(day.getFullYear(), day.getMonth(), day.getDate()));
  const dow = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - dow);
  const yearStart = new Date(Date.UTC(d.getUTCFullYear(), 0, 1));
  const week = Math.ceil(((d.getTime() - yearStart.getTime()) / DAY_MS + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function monthOf(day: Date): string {
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}`;
}

function dutchDate(iso: string | undefined): string {
  const d = deadlineDate(iso);
  return d ? `${d.getDate()}/${d.getMonth() + 1}/${d.getFullYear()}` : '';
}

/** Open actions and recommendations with an owner and where their deadline stands today. */
export function followUpItems(data: IReportData, today: Date, siteUrl: string): IFollowUpItem[] {
  const items: IFollowUpItem[] = [];
  const overdueDays = (deadline: string | undefined, state: DeadlineState): number => {
    const d = deadlineDate(deadline);
    return state === 'overdue' && d ? dayNumber(today) - dayNumber(d) : 0;
  };
  for (const a of data.actions) {
    const state = actionDeadlineState(a, today);
    items.push({ kind: 'action', id: a.id, title: a.title, owner: a.owner, deadline: a.deadline, state, daysOverdue: overdueDays(a.deadline, state), url: listFormUrl(siteUrl, 'actions', 'DispForm', a.id) });
  }
  for (const r of allRecommendations(data)) {
    const state = recommendationDeadlineState(r, today);
    items.push({ kind: 'recommendation', id: r.id, title: r.title, owner: r.owner, deadline: r.deadline, state, daysOverdue: overdueDays(r.deadline, state), url: listFormUrl(siteUrl, 'recommendations', 'DispForm', r.id) });
  }
  return items;
}

function itemLine(i: IFollowUpItem, withOwner: boolean): string {
  const what = i.kind === 'action' ? 'Actie' : 'Aanbeveling';
  const when = i.state === 'overdue' ? `deadline ${dutchDate(i.deadline)}, ${i.daysOverdue} dagen te laat` : `deadline ${dutchDate(i.deadline)}`;
  const owner = withOwner && i.owner ? ` — eigenaar: ${escapeHtml(i.owner.title)}` : '';
  return `<li>${what}: <a href="${escapeHtml(i.url)}">${escapeHtml(i.title)}</a> (${when})${owner}</li>`;
}

function section(title: string, lines: string[]): string {
  return lines.length ? `<h3>${title}</h3><ul>${lines.join('')}</ul>` : '';
}

function frame(greeting: string, content: string, siteUrl: string): string {
  return (
    `<div style="font-family:Segoe UI,Arial,sans-serif"><p>${greeting}</p>${content}` +
    `<p>Voortgang melden kan in "Mijn acties" (Teams, app Organisatiebeheersing) of op <a href="${escapeHtml(siteUrl)}">de site organisatiebeheersing</a>.</p>` +
    `<p style="color:#605e5c">Automatisch bericht van Organisatiebeheersing.</p></div>`
  );
}

function keyOf(kind: ReminderKind, period: string, to: IPerson): string {
  return `${kind}|${period}|${(to.email || String(to.id)).toLowerCase()}`;
}

/** Refusals an owner still has to act on: the latest report on the item was refused. */
function openRefusals(reports: IProgressReport[], ownerId: number, controlTeamIds: number[]): IProgressReport[] {
  return reports.filter((r) => {
    if (r.authorId !== ownerId || reviewOf(r, controlTeamIds).outcome !== 'geweigerd') return false;
    const latest = latestReportOn(reports, r.target);
    return !!latest && latest.id === r.id;
  });
}

/** The weekly digest per owner with something to say (due within 30 days, overdue, refusals). */
export function ownerDigests(input: IReminderInput): IReminderMessage[] {
  const period = isoWeek(input.today);
  const items = followUpItems(input.data, input.today, input.siteUrl);
  const teamIds = input.controlTeam.map((p) => p.id);
  const owners: Record<number, IPerson> = {};
  for (const i of items) if (i.owner && needsAttention(i.state)) owners[i.owner.id] = i.owner;
  for (const r of input.reports) {
    const item = items.filter((i) => i.kind === r.target.kind && i.id === r.target.id)[0];
    if (item && item.owner && item.owner.id === r.authorId && openRefusals(input.reports, r.authorId, teamIds).length) owners[r.authorId] = item.owner;
  }
  const out: IReminderMessage[] = [];
  for (const owner of Object.keys(owners).map((k) => owners[Number(k)]).sort((a, b) => a.id - b.id)) {
    const mine = items.filter((i) => i.owner && i.owner.id === owner.id);
    const overdue = mine.filter((i) => i.state === 'overdue').sort((a, b) => b.daysOverdue - a.daysOverdue);
    const soon = mine.filter((i) => i.state === 'dueSoon').sort((a, b) => (a.deadline || '').localeCompare(b.deadline || ''));
    const refusals = openRefusals(input.reports, owner.id, teamIds);
    const refusalLines = refusals.map((r) => {
      const item = items.filter((i) => i.kind === r.target.kind && i.id === r.target.id)[0];
      const link = item ? `<a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a>` : escapeHtml(r.targetTitle || '');
      return `<li>${link}: geweigerd — ${escapeHtml(r.reason || '')}</li>`;
    });
    const content =
      section(`Te laat (${overdue.length})`, overdue.map((i) => itemLine(i, false))) +
      section(`Deadline binnen ${DUE_SOON_DAYS} dagen (${soon.length})`, soon.map((i) => itemLine(i, false))) +
      section(`Geweigerde voortgangsmeldingen (${refusals.length})`, refusalLines);
    const parts: string[] = [];
    if (overdue.length) parts.push(`${overdue.length} te laat`);
    if (soon.length) parts.push(`${soon.length} binnenkort`);
    if (refusals.length) parts.push(`${refusals.length} geweigerd`);
    out.push({
      key: keyOf('overzicht', period, owner),
      kind: 'overzicht',
      period,
      to: owner,
      subject: `Organisatiebeheersing: uw acties (${parts.join(', ')})`,
      body: frame(`Beste ${escapeHtml(owner.title)},<br>dit is het wekelijkse overzicht van de acties en aanbevelingen waarvan u eigenaar bent.`, content, input.siteUrl)
    });
  }
  return out;
}

/** Items overdue more than N days, to every member of the control team (one message each). */
export function escalations(input: IReminderInput): IReminderMessage[] {
  const days = input.escalationDays ?? DEFAULT_ESCALATION_DAYS;
  const period = isoWeek(input.today);
  const late = followUpItems(input.data, input.today, input.siteUrl)
    .filter((i) => i.state === 'overdue' && i.daysOverdue > days)
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.title.localeCompare(b.title));
  if (!late.length) return [];
  const content = section(`Meer dan ${days} dagen te laat (${late.length})`, late.map((i) => itemLine(i, true)));
  return input.controlTeam.map((to) => ({
    key: keyOf('escalatie', period, to),
    kind: 'escalatie' as ReminderKind,
    period,
    to,
    subject: `Organisatiebeheersing: ${late.length} ${late.length === 1 ? 'item' : 'items'} meer dan ${days} dagen te laat`,
    body: frame(`Beste ${escapeHtml(to.title)},<br>deze acties en aanbevelingen zijn meer dan ${days} dagen over hun deadline.`, content, input.siteUrl)
  }));
}

/** The monthly summary for the algemeen directeur: the card figures of this year, deadlines and pending reports. */
export function monthlySummary(input: IReminderInput): IReminderMessage[] {
  if (!input.director) return [];
  const year = input.today.getFullYear();
  // The same figures and words as the cards, the widget and the Viva card (README: Woordenlijst).
  const figures = buildFigures(input.data, year, input.today).totals;
  const items = followUpItems(input.data, input.today, input.siteUrl);
  const soon = items.filter((i) => i.state === 'dueSoon').length;
  const pending = pendingReports(input.reports, input.controlTeam.map((p) => p.id)).length;
  const row = (label: string, value: number): string => `<tr><td>${label}</td><td style="text-align:right">${value}</td></tr>`;
  const table =
    `<table>${row(`Realisaties in ${year}`, figures.realised)}${row('Open hoge risico\'s', figures.openHighRisks)}` +
    `${row('In eerdere planning', figures.earlierPlanning)}${row('Te laat (deadline verstreken)', figures.overdue)}` +
    `${row(`Deadline binnen ${DUE_SOON_DAYS} dagen`, soon)}${row('Voortgangsmeldingen te beoordelen', pending)}</table>`;
  const period = monthOf(input.today);
  return [
    {
      key: keyOf('maandoverzicht', period, input.director),
      kind: 'maandoverzicht',
      period,
      to: input.director,
      subject: `Organisatiebeheersing: maandoverzicht ${period}`,
      body: frame(`Beste ${escapeHtml(input.director.title)},<br>de stand van de opvolging op ${input.today.getDate()}/${input.today.getMonth() + 1}/${year}:`, table, input.siteUrl)
    }
  ];
}

/** Every message of a run, digests first. */
export function planReminders(input: IReminderInput): IReminderMessage[] {
  return ownerDigests(input).concat(escalations(input), monthlySummary(input));
}
