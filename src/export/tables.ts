/**
 * What "Exporteren naar Excel" puts in the workbook (pure): the rows that are on screen, one
 * sheet per kind. Headers and status texts come from the web part's loc strings (labels).
 */
import { deadlineDate, executionRate, isStated, recommendationDeadlineState, recommendationsOf } from '../model/audits';
import { cardTitle } from '../model/text';
import { appetiteFor, inherentScore, IRiskMarks, IRiskScale, residualScore, riskMarks, riskScale } from '../model/risks';
import { IAction, IAudit, IDomain, IDomainReport, IReportData, IRisk, IRiskSettings, RiskTreatment } from '../model/types';
import { CellValue, IDateCell, IXlsxSheet } from './xlsx';

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
  /** The risk assessment (src/model/risks); absent: the sheet has no score columns. */
  assessment?: {
    likelihood: string;
    impact: string;
    score: string;
    residualLikelihood: string;
    residualImpact: string;
    residualScore: string;
    treatment: string;
    owner: string;
    reviewDate: string;
    marks: string;
    treatmentText: (t: RiskTreatment | undefined) => string | undefined;
    /** The marks of a risk in words ("; " between them). */
    marksText: (m: IRiskMarks, scale: IRiskScale, appetite: number | undefined) => string[];
  };
}

/** One column of a sheet: its header, width and the cell of a row. */
interface IColumn<T> {
  header: string;
  width: number;
  cell: (row: T) => CellValue;
}

/** Columns and rows from one list of column definitions, so a header never drifts from its cells. */
function sheet<T>(name: string, columns: IColumn<T>[], rows: T[]): IXlsxSheet {
  return { name, columns: columns.map((c) => ({ header: c.header, width: c.width })), rows: rows.map((r) => columns.map((c) => c.cell(r))) };
}

interface IRiskRow {
  domain: string;
  risk: IRisk;
}

interface IActionRow {
  action: IAction;
  domains: string;
  part: string;
}

function riskColumns(labels: ICardsExportLabels, settings: IRiskSettings | undefined, actions: IAction[]): IColumn<IRiskRow>[] {
  const base: IColumn<IRiskRow>[] = [
    { header: labels.domain, width: 30, cell: (r) => r.domain },
    { header: labels.risk, width: 60, cell: (r) => r.risk.title },
    { header: labels.priority, width: 12, cell: (r) => r.risk.priority },
    { header: labels.status, width: 14, cell: (r) => labels.statusText(r.risk.status) },
    { header: labels.source, width: 30, cell: (r) => r.risk.source },
    { header: labels.audit, width: 30, cell: (r) => (r.risk.audit ? r.risk.audit.title : undefined) },
    { header: labels.yearIdentified, width: 12, cell: (r) => r.risk.yearIdentified },
    { header: labels.yearClosed, width: 12, cell: (r) => r.risk.yearClosed }
  ];
  const rl = labels.assessment;
  if (!rl) return base;
  const scale = riskScale(settings);
  // Scores as entered (empty: not scored); the score only when both lie on the site's scale.
  return base.concat([
    { header: rl.likelihood, width: 8, cell: (r) => r.risk.likelihood },
    { header: rl.impact, width: 8, cell: (r) => r.risk.impact },
    { header: rl.score, width: 8, cell: (r) => inherentScore(r.risk, scale) },
    { header: rl.residualLikelihood, width: 10, cell: (r) => r.risk.residualLikelihood },
    { header: rl.residualImpact, width: 10, cell: (r) => r.risk.residualImpact },
    { header: rl.residualScore, width: 10, cell: (r) => residualScore(r.risk, scale) },
    { header: rl.treatment, width: 14, cell: (r) => rl.treatmentText(r.risk.treatment) },
    { header: rl.owner, width: 24, cell: (r) => (r.risk.owner ? r.risk.owner.title : undefined) },
    { header: rl.reviewDate, width: 12, cell: (r) => dateCell(r.risk.reviewDate) },
    {
      header: rl.marks,
      width: 40,
      cell: (r) => {
        const appetite = appetiteFor(settings, r.domain);
        return rl.marksText(riskMarks(r.risk, actions, scale, appetite), scale, appetite).join('; ') || undefined;
      }
    }
  ]);
}

function actionColumns(labels: ICardsExportLabels): IColumn<IActionRow>[] {
  return [
    { header: labels.action, width: 60, cell: (r) => cardTitle(r.action) },
    { header: labels.domains, width: 36, cell: (r) => r.domains },
    { header: labels.part, width: 14, cell: (r) => r.part },
    { header: labels.status, width: 14, cell: (r) => labels.statusText(r.action.status) },
    { header: labels.plannedYear, width: 12, cell: (r) => r.action.plannedYear },
    { header: labels.realisedYear, width: 12, cell: (r) => r.action.realisedYear },
    { header: labels.owner, width: 24, cell: (r) => (r.action.owner ? r.action.owner.title : undefined) },
    { header: labels.deadline, width: 12, cell: (r) => dateCell(r.action.deadline) }
  ];
}

/**
 * The cards as shown (year and filters applied): every risk with its domain (and its assessment),
 * and every action once, with all its domains, the part of the card it is in, its years, owner
 * and deadline. `titles` gives the titles of older actions that were only counted on screen;
 * `data` the site's risk settings and every action (which actions treat a risk).
 */
export function cardsSheets(
  shown: IDomainReport[],
  domains: IDomain[],
  labels: ICardsExportLabels,
  titles: Record<number, IAction> = {},
  data?: Pick<IReportData, 'actions' | 'riskSettings'>
): IXlsxSheet[] {
  const riskRows: IRiskRow[] = ([] as IRiskRow[]).concat(...shown.map((d) => d.risks.map((risk) => ({ domain: d.domain.title, risk }))));
  const seen: Record<number, true> = {};
  const actionRows: IActionRow[] = [];
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
        actionRows.push({ action: a, domains: domainTitles(ids, domains) || d.domain.title, part });
      }
    }
  }
  const allActions = data ? data.actions : actionRows.map((r) => r.action);
  return [
    sheet(labels.risksSheet, riskColumns(labels, data ? data.riskSettings : undefined, allActions), riskRows),
    sheet(labels.actionsSheet, actionColumns(labels), actionRows)
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
