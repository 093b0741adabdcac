/* eslint-disable @rushstack/no-new-null -- the source JSON uses null for "not stated" */
import { IAction, IAudit, IDomain, IReportData, IRisk, AuditStatus } from '../../src/model/types';

/**
 * Converts the structured voortgangsrapport JSON (shared/data) into list-shaped
 * data. Pure: the import CLI writes the result to the lists, tests use it directly.
 *
 * Years: realisations of the report year keep it; older realisations (year null in
 * the source) get no JaarGerealiseerd, which the year logic reads as "realised before
 * the data starts". Planning items added for the planning year keep it as JaarGepland;
 * older ones get none. So the regenerated report shows the source's new/older split.
 * An item listed under several domains (same list, same year, same title) becomes one
 * action with several domains.
 */

export interface ISeedItem {
  title: string;
  year?: number | null;
  addedYear?: number | null;
  description?: string | null;
  children?: string[];
  cardTitle?: string;
  note?: string;
}

export interface ISeedDomain {
  order: number;
  key: string;
  title: string;
  decreeBasis?: string;
  criteriaText?: string;
  criteria?: string[];
  highRisks: { title: string; source?: string | null }[];
  realisations: ISeedItem[];
  planning: ISeedItem[];
}

export interface ISeedReport {
  organisation: string;
  reportYear: number;
  planningYear: number;
  domains: ISeedDomain[];
}

export interface ISeedAudit {
  id: string;
  title: string;
  auditor?: string | null;
  kind?: string | null;
  type?: string;
  year?: number | null;
  status: string;
  findings?: { strengths?: number; improvements?: number; highRecommendations?: number } | null;
  domains?: string[];
  notes?: string | null;
  conclusion?: string;
  followUpOf?: string | null;
}

export interface ISeedAudits {
  audits: ISeedAudit[];
}

/** Shape of key used to recognise the same item in two domains. */
export function normaliseTitle(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const AUDIT_STATUS: Record<string, AuditStatus> = { afgerond: 'Afgerond', gepland: 'Gepland', lopend: 'Lopend' };

function opt<T>(v: T | null | undefined): T | undefined {
  return v === null || v === undefined ? undefined : v;
}

function convertAudits(seed: ISeedAudits | undefined, domainIdByKey: Record<string, number>): IAudit[] {
  if (!seed) return [];
  const idByKey: Record<string, number> = {};
  seed.audits.forEach((a, i) => {
    idByKey[a.id] = i + 1;
  });
  return seed.audits.map((a, i) => {
    const followUp = a.followUpOf ? seed.audits.filter((x) => x.id === a.followUpOf)[0] : undefined;
    const audit: IAudit = {
      id: i + 1,
      key: a.id,
      title: a.title,
      auditor: opt(a.auditor),
      kind: a.kind === 'intern' || a.kind === 'extern' ? a.kind : undefined,
      type: a.type,
      year: opt(a.year),
      status: AUDIT_STATUS[a.status] || 'Afgerond',
      strengths: a.findings ? a.findings.strengths : undefined,
      improvements: a.findings ? a.findings.improvements : undefined,
      highRecommendations: a.findings ? a.findings.highRecommendations : undefined,
      conclusion: a.conclusion,
      // The data's `notes` explain its provenance, in English, for whoever prepared it: not the city's text, so not shown.
      followUpOf: followUp ? { id: idByKey[followUp.id], title: followUp.title } : undefined,
      domainIds: (a.domains || []).map((k) => domainIdByKey[k]).filter((x) => x !== undefined)
    };
    return audit;
  });
}

function describe(item: ISeedItem): string | undefined {
  return item.description ? item.description : undefined;
}

export function convertSeed(report: ISeedReport, audits?: ISeedAudits): IReportData {
  const domains: IDomain[] = report.domains.map((d, i) => ({
    id: i + 1,
    title: d.title,
    order: d.order,
    key: d.key,
    criteriaText: d.criteriaText,
    criteria: d.criteria || [],
    decreeBasis: d.decreeBasis,
    active: true
  }));
  const domainIdByKey: Record<string, number> = {};
  domains.forEach((d) => {
    if (d.key) domainIdByKey[d.key] = d.id;
  });
  const auditList = convertAudits(audits, domainIdByKey);

  const risks: IRisk[] = [];
  report.domains.forEach((d, i) => {
    for (const r of d.highRisks) {
      const source = opt(r.source);
      const audit = source ? auditList.filter((a) => normaliseTitle(a.title) === normaliseTitle(source))[0] : undefined;
      risks.push({
        id: risks.length + 1,
        title: r.title,
        domainId: i + 1,
        source,
        audit: audit ? { id: audit.id, title: audit.title } : undefined,
        priority: 'Hoog',
        status: 'Open'
      });
    }
  });

  const actions: IAction[] = [];
  const byKey: Record<string, IAction> = {};
  const add = (kind: 'r' | 'p', item: ISeedItem, domainId: number): void => {
    const year = kind === 'r' ? opt(item.year) : opt(item.addedYear);
    const key = `${kind}|${year === undefined ? '-' : year}|${normaliseTitle(item.title)}`;
    const existing = byKey[key];
    if (existing && existing.domainIds.indexOf(domainId) < 0) {
      existing.domainIds.push(domainId);
      // The same action described in two domains: keep the fuller text.
      if (!existing.description && item.description) existing.description = item.description;
      return;
    }
    const action: IAction = {
      id: actions.length + 1,
      title: item.title,
      shortTitle: item.cardTitle && item.cardTitle !== item.title ? item.cardTitle : undefined,
      description: describe(item),
      subItems: item.children || [],
      status: kind === 'r' ? 'Gerealiseerd' : 'Gepland',
      plannedYear: kind === 'p' ? year : undefined,
      realisedYear: kind === 'r' ? year : undefined,
      domainIds: [domainId],
      // `note` explains an OCR or listing ambiguity of the source (English, for whoever prepared the data): not imported.
      risks: []
    };
    actions.push(action);
    byKey[key] = action;
  };
  report.domains.forEach((d, i) => {
    d.realisations.forEach((it) => add('r', it, i + 1));
    d.planning.forEach((it) => add('p', it, i + 1));
  });
  return { domains, risks, actions, audits: auditList };
}
