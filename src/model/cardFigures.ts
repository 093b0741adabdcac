/**
 * Figures of the Viva Connections card: the report year's headline (open high risks,
 * realisations, overdue planning) and the same three per domain for the quick view.
 * Builds on the summary and report year logic, so card, widget and cards agree.
 */
import { buildReport } from './report';
import { buildSummary } from './summary';
import { IAction, IReportData } from './types';

export interface ICardDomainFigures {
  /** Domain key as used in links (`?domein=`, Teams subEntityId). */
  key: string;
  title: string;
  shortTitle: string;
  openHighRisks: number;
  realisedThisYear: number;
  /** Planned for the report year or earlier and still not realised at its end. */
  overdue: number;
}

export interface ICardFigures {
  year: number;
  openHighRisks: number;
  /** Distinct actions realised in the year (an action in two domains counts once). */
  realisedThisYear: number;
  /** Distinct overdue planning items. */
  overdue: number;
  domains: ICardDomainFigures[];
}

function distinctIds(lists: IAction[][]): number {
  const ids: Record<number, true> = {};
  for (const list of lists) for (const a of list) ids[a.id] = true;
  return Object.keys(ids).length;
}

export function buildCardFigures(data: IReportData, year: number): ICardFigures {
  const report = buildReport(data, year);
  const summary = buildSummary(data, year, report);
  const domains: ICardDomainFigures[] = report.domains.map((d, i) => ({
    key: d.domain.key || String(d.domain.id),
    title: d.domain.title,
    shortTitle: d.domain.shortTitle || d.domain.title,
    openHighRisks: summary.domains[i].openHighRisks,
    realisedThisYear: d.realisationsNew.length,
    overdue: d.planningOlder.length
  }));
  return {
    year,
    openHighRisks: summary.totals.openHighRisks,
    realisedThisYear: distinctIds(report.domains.map((d) => d.realisationsNew)),
    overdue: distinctIds(report.domains.map((d) => d.planningOlder)),
    domains
  };
}
