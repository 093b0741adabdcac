import { IAction, IDomainReport, IReport, IReportData, IRisk } from './types';
import { buildAuditAnnex } from './audits';

/**
 * Year logic of the voortgangsrapport:
 * - Realisaties for year Y: realised actions with JaarGerealiseerd <= Y (new when = Y).
 *   A realised action without a year was realised before the data in the lists starts.
 * - Planning for Y: actions not realised by the end of Y, not cancelled, with
 *   JaarGepland <= Y + 1 (new when JaarGepland = Y + 1).
 * - Risks: risks of the domain open at some point in Y.
 */

export function isRealisedBy(action: IAction, year: number): boolean {
  if (action.status !== 'Gerealiseerd') return false;
  return action.realisedYear === undefined || action.realisedYear <= year;
}

export function isPlannedFor(action: IAction, year: number): boolean {
  if (action.status === 'Geschrapt' || isRealisedBy(action, year)) return false;
  return action.plannedYear === undefined || action.plannedYear <= year + 1;
}

export function isRiskOpenIn(risk: IRisk, year: number): boolean {
  if (risk.yearIdentified !== undefined && risk.yearIdentified > year) return false;
  if (risk.status === 'Afgesloten') {
    return risk.yearClosed !== undefined && risk.yearClosed > year;
  }
  return risk.yearClosed === undefined || risk.yearClosed > year;
}

const PRIORITY_RANK: Record<string, number> = { Hoog: 0, Middel: 1, Laag: 2 };

function byId<T extends { id: number }>(a: T, b: T): number {
  return a.id - b.id;
}

function byRealisedYearDesc(a: IAction, b: IAction): number {
  const ya = a.realisedYear === undefined ? -1 : a.realisedYear;
  const yb = b.realisedYear === undefined ? -1 : b.realisedYear;
  return yb - ya || a.id - b.id;
}

export function buildDomainReport(data: IReportData, domainId: number, year: number): IDomainReport | undefined {
  const domain = data.domains.filter((d) => d.id === domainId)[0];
  if (!domain) return undefined;
  const actions = data.actions.filter((a) => a.domainIds.indexOf(domainId) >= 0).sort(byId);
  const realised = actions.filter((a) => isRealisedBy(a, year));
  const planned = actions.filter((a) => isPlannedFor(a, year));
  const risks = data.risks
    .filter((r) => r.domainId === domainId && isRiskOpenIn(r, year))
    .sort((a, b) => (PRIORITY_RANK[a.priority] ?? 3) - (PRIORITY_RANK[b.priority] ?? 3) || a.id - b.id);
  return {
    domain,
    risks,
    realisationsNew: realised.filter((a) => a.realisedYear === year),
    realisationsOlder: realised.filter((a) => a.realisedYear !== year).sort(byRealisedYearDesc),
    planningNew: planned.filter((a) => a.plannedYear === year + 1),
    planningOlder: planned.filter((a) => a.plannedYear !== year + 1)
  };
}

/** The report for `year`: one entry per active domain, in domain order. */
export function buildReport(data: IReportData, year: number): IReport {
  const domains = data.domains
    .filter((d) => d.active)
    .sort((a, b) => a.order - b.order || a.id - b.id);
  const reports: IDomainReport[] = [];
  for (const d of domains) {
    const r = buildDomainReport(data, d.id, year);
    if (r) reports.push(r);
  }
  const report: IReport = { year, planningYear: year + 1, domains: reports, audits: buildAuditAnnex(data, year) };
  // The heat map section (src/model/risks) needs the site's scale and appetite.
  if (data.riskSettings) report.riskSettings = data.riskSettings;
  return report;
}

/** Years that have data (realised, planned minus one, risks identified), newest first. */
export function availableYears(data: IReportData): number[] {
  const years: Record<number, true> = {};
  for (const a of data.actions) {
    if (a.realisedYear !== undefined) years[a.realisedYear] = true;
    if (a.plannedYear !== undefined) years[a.plannedYear - 1] = true;
  }
  for (const r of data.risks) {
    if (r.yearIdentified !== undefined) years[r.yearIdentified] = true;
  }
  return Object.keys(years).map(Number).sort((a, b) => b - a);
}

/**
 * The year every surface opens on: the configured (pinned) year if given, else the year the
 * control team decided (list Instellingen, "Start rapportjaar"): a decision, so realising an
 * action never moves it. Only a site without that setting falls back to the year after the latest finalised report, as long as that year has
 * ended (from January until its report is final the council report on it is still being
 * written); once it is final, or while it is still running, the current year. Without any
 * final report: the latest ended year with realisations (a realisation recorded this January
 * must not flip everyone to a nearly empty new year), else last year.
 */
export function defaultReportYear(data: IReportData | undefined, configured: number | undefined, today: Date, finalYears: number[] = []): number {
  if (configured !== undefined && configured > 0) return configured;
  if (data && data.decidedYear !== undefined && data.decidedYear > 0) return data.decidedYear;
  const thisYear = today.getFullYear();
  if (finalYears.length > 0) {
    return Math.min(Math.max(...finalYears) + 1, thisYear);
  }
  const realisedYears = (data ? data.actions : [])
    .filter((a) => a.status === 'Gerealiseerd' && a.realisedYear !== undefined && a.realisedYear < thisYear)
    .map((a) => a.realisedYear as number);
  if (realisedYears.length > 0) return Math.max(...realisedYears);
  return thisYear - 1;
}

/** The year to record when a planning item is moved to Realisaties from the view of `reportYear`. */
export function realisationYearFor(action: IAction, reportYear: number): number {
  return action.plannedYear !== undefined && action.plannedYear > reportYear ? action.plannedYear : reportYear;
}
