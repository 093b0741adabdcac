/**
 * After a year is final: which items changed after its final report, and how the frozen
 * snapshot of that year compares with today's data, per domain. Pure; no I/O.
 */
import { buildReport } from './report';
import { IDomain, IDomainReport, IReportData } from './types';

/** What the model needs of a stored final report (src/data IStoredReport has more). */
export interface IFinalReportFile {
  year: number;
  /** ISO date the file was stored (Modified). */
  modified?: string;
  format?: string;
}

/** Items changed after the final report: id -> ISO date of the change. */
export interface IChangedAfterFinal {
  actions: Record<number, string>;
  risks: Record<number, string>;
}

function time(iso: string | undefined): number {
  const t = iso ? Date.parse(iso) : NaN;
  return isNaN(t) ? NaN : t;
}

/**
 * When `year` was made final: the latest stored date among its final report files (a year
 * finalised again counts from the last time). Undefined when the year is not final.
 */
export function finalReportDate(reports: IFinalReportFile[], year: number): string | undefined {
  let best: string | undefined;
  for (const r of reports) {
    if (r.year !== year || isNaN(time(r.modified))) continue;
    if (best === undefined || time(r.modified) > time(best)) best = r.modified;
  }
  return best;
}

/** Actions and risks whose Modified is later than the final report's date. */
export function changesAfterFinal(data: IReportData, reportDate: string | undefined): IChangedAfterFinal {
  const out: IChangedAfterFinal = { actions: {}, risks: {} };
  const limit = time(reportDate);
  if (isNaN(limit)) return out;
  for (const a of data.actions) if (time(a.modified) > limit) out.actions[a.id] = a.modified as string;
  for (const r of data.risks) if (time(r.modified) > limit) out.risks[r.id] = r.modified as string;
  return out;
}

export interface IDomainCounts {
  risks: number;
  realisationsNew: number;
  realisationsTotal: number;
  planningNew: number;
  planningTotal: number;
}

export function domainCounts(d: IDomainReport): IDomainCounts {
  return {
    risks: d.risks.length,
    realisationsNew: d.realisationsNew.length,
    realisationsTotal: d.realisationsNew.length + d.realisationsOlder.length,
    planningNew: d.planningNew.length,
    planningTotal: d.planningNew.length + d.planningOlder.length
  };
}

/** One domain of the final report next to today's: undefined `final` when the domain was not in it. */
export interface IDomainComparison {
  final?: IDomainReport;
  finalCounts?: IDomainCounts;
  todayCounts: IDomainCounts;
  /** Counts differ between the final report and today. */
  changed: boolean;
}

function sameDomain(a: IDomain, b: IDomain): boolean {
  if (a.key && b.key) return a.key.toLowerCase() === b.key.toLowerCase();
  return a.id === b.id || a.title.trim().toLowerCase() === b.title.trim().toLowerCase();
}

/**
 * The final report of `year` (built from its JSON snapshot with the same year logic) next to
 * today's data, keyed by today's domain id. Domains are matched by key, else id or title.
 */
export function compareWithSnapshot(today: IReportData, snapshot: IReportData, year: number): Record<number, IDomainComparison> {
  const now = buildReport(today, year).domains;
  const then = buildReport(snapshot, year).domains;
  const out: Record<number, IDomainComparison> = {};
  for (const d of now) {
    const final = then.filter((f) => sameDomain(f.domain, d.domain))[0];
    const todayCounts = domainCounts(d);
    const finalCounts = final ? domainCounts(final) : undefined;
    out[d.domain.id] = { final, finalCounts, todayCounts, changed: !finalCounts || JSON.stringify(finalCounts) !== JSON.stringify(todayCounts) };
  }
  return out;
}
