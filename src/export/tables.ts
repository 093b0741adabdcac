/**
 * What "Exporteren naar Excel" puts in the workbook (pure): the rows that are on screen, one
 * sheet per kind. Headers and status texts come from the web part's loc strings (labels).
 */
import { deadlineDate, executionRate, isStated, recommendationDeadlineState, recommendationsOf } from '../model/audits';
import { cardTitle } from '../model/text';
import { IAction, IAudit, IDomain, IDomainReport, IReportData } from '../model/types';
import { IDateCell, IXlsxSheet } from './xlsx';

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A deadline as a date cell: the calendar day the card shows (see deadlineDate). */
export function dateCell(iso: string | undefined): IDateCell | undefined {
  const d = deadlineDate(iso);
  return d ? { date: `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}` } : undefined;
}

function domainTitles(ids: number[], domains: IDomain[]): string {
  return ids
    .map((id) => domains.filter((d) => d.id === id)[0])
    .filter((d): d is IDomain => !!d)
    .sort((a, b) => a.order - b.order)
    .map((d) => d.title)
    .join('; ');
}

export interface ICardsExportLabels {
  risksSheet: string;
  actionsSheet: string;
  domain: string;
  domains: string;
  risk: string;
  action: string;
  priority: string;
  status: string;
  source: string;
  audit: string;
  yearIdentified: string;
  yearClosed: string;
  part: string;
  realisations: string;
  planning: string;
  plannedYear: string;
  realisedYear: string;
  owner: string;
  deadline: string;
  statusText: (status: string) => string;
}

/**
 * The cards as shown (year and filters applied): every risk with its domain, and every action
 * once, with all its domains, the part of the card it is in, its years, owner and deadline.
 * `titles` gives the titles of older actions that were only counted on screen.
 */
export function cardsSheets(shown: IDomainReport[], domains: IDomain[], labels: ICardsExportLabels, titles: Record<number, IAction> = {}): IXlsxSheet[] {
  const risks = ([] as IXlsxSheet['rows']).concat(
    ...shown.map((d) =>
      d.risks.map((r) => [d.domain.title, r.title, r.priority, labels.statusText(r.status), r.source, r.audit ? r.audit.title : undefined, r.yearIdentified, r.yearClosed])
    )
  );
  const seen: Record<number, true> = {};
  const actions: IXlsxSheet['rows'] = [];
  for (const d of shown) {
    const parts: [IAction[], string][] = [
      [d.realisationsNew.concat(d.realisationsOlder), labels.realisations],
      [d.planningNew.concat(d.planningOlder), labels.planning]
    ];
    for (const [list, part] of parts) {
      for (const listed of list) {
        if (seen[listed.id]) continue;
        seen[listed.id] = true;
        const a = titles[listed.id] ? { ...listed, ...titles[listed.id] } : listed;
        const ids = a.domainIds.length ? a.domainIds : [d.domain.id];
        actions.push([
          cardTitle(a),
          domainTitles(ids, domains) || d.domain.title,
          part,
          labels.statusText(a.status),
          a.plannedYear,
          a.realisedYear,
          a.owner ? a.owner.title : undefined,
          dateCell(a.deadline)
        ]);
      }
    }
  }
  return [
    {
      name: labels.risksSheet,
      columns: [
        { header: labels.domain, width: 30 },
        { header: labels.risk, width: 60 },
        { header: labels.priority, width: 12 },
        { header: labels.status, width: 14 },
        { header: labels.source, width: 30 },
        { header: labels.audit, width: 30 },
        { header: labels.yearIdentified, width: 12 },
        { header: labels.yearClosed, width: 12 }
      ],
      rows: risks
    },
    {
      name: labels.actionsSheet,
      columns: [
        { header: labels.action, width: 60 },
        { header: labels.domains, width: 36 },
        { header: labels.part, width: 14 },
        { header: labels.status, width: 14 },
        { header: labels.plannedYear, width: 12 },
        { header: labels.realisedYear, width: 12 },
        { header: labels.owner, width: 24 },
        { header: labels.deadline, width: 12 }
      ],
      rows: actions
    }
  ];
}

export interface IAuditsExportLabels {
  auditsSheet: string;
  recommendationsSheet: string;
  audit: string;
  year: string;
  auditor: string;
  kind: string;
  type: string;
  status: string;
  strengths: string;
  improvements: string;
  highRecommendations: string;
  carriedOut: string;
  total: string;
  rate: string;
  recommendation: string;
  priority: string;
  owner: string;
  deadline: string;
  deadlineState: string;
  actions: string;
  statusText: (status: string) => string;
  kindText: (kind: string | undefined) => string;
  /** "te laat", "binnen 30 dagen" or empty. */
  deadlineStateText: (state: string) => string;
  notStated: string;
}

/**
 * The audits as shown (filters applied) with their figures and execution rate, and their
 * recommendations with priority, state, owner, deadline and where the deadline stands today.
 */
export function auditsSheets(audits: IAudit[], data: IReportData, labels: IAuditsExportLabels, today: Date): IXlsxSheet[] {
  // As on the page: what the source does not state reads "niet vermeld", never blank or 0.
  const stated = <T extends string | number>(v: T | undefined): T | string => (isStated(v) ? (v as T) : labels.notStated);
  const auditRows: IXlsxSheet['rows'] = audits.map((a) => {
    const rate = executionRate(recommendationsOf(data, a.id));
    return [
      a.title,
      stated(a.year),
      stated(a.auditor),
      labels.kindText(a.kind),
      stated(a.type),
      labels.statusText(a.status),
      stated(a.strengths),
      stated(a.improvements),
      stated(a.highRecommendations),
      rate.total ? rate.carriedOut : undefined,
      rate.total,
      rate.rate === undefined ? undefined : Math.round(rate.rate * 100)
    ];
  });
  const recRows: IXlsxSheet['rows'] = [];
  for (const a of audits) {
    for (const r of recommendationsOf(data, a.id)) {
      recRows.push([
        a.title,
        r.title,
        r.priority,
        labels.statusText(r.status),
        r.owner ? r.owner.title : undefined,
        dateCell(r.deadline),
        labels.deadlineStateText(recommendationDeadlineState(r, today)),
        r.actions.map((x) => x.title).join('; ')
      ]);
    }
  }
  return [
    {
      name: labels.auditsSheet,
      columns: [
        { header: labels.audit, width: 50 },
        { header: labels.year, width: 8 },
        { header: labels.auditor, width: 24 },
        { header: labels.kind, width: 10 },
        { header: labels.type, width: 16 },
        { header: labels.status, width: 12 },
        { header: labels.strengths, width: 10 },
        { header: labels.improvements, width: 14 },
        { header: labels.highRecommendations, width: 16 },
        { header: labels.carriedOut, width: 12 },
        { header: labels.total, width: 12 },
        { header: labels.rate, width: 14 }
      ],
      rows: auditRows
    },
    {
      name: labels.recommendationsSheet,
      columns: [
        { header: labels.audit, width: 40 },
        { header: labels.recommendation, width: 60 },
        { header: labels.priority, width: 10 },
        { header: labels.status, width: 14 },
        { header: labels.owner, width: 24 },
        { header: labels.deadline, width: 12 },
        { header: labels.deadlineState, width: 16 },
        { header: labels.actions, width: 40 }
      ],
      rows: recRows
    }
  ];
}

/** organisatiebeheersing-<what>-<yyyy-mm-dd>.xlsx */
export function exportFileName(what: string, today: Date): string {
  return `${what}-${today.getFullYear()}-${two(today.getMonth() + 1)}-${two(today.getDate())}.xlsx`;
}
