/** The toolbar filters across all cards (pure, so the counts are easy to test). */
import { htmlToText } from '../../../model/text';
import { IAction, IDomainReport, IReportData, IRisk } from '../../../model/types';

export interface IFilters {
  text: string;
  owner?: string;
  /** A directie or an afdeling name. */
  org?: string;
  status?: string;
  /** "Alleen mijn acties": the current user's id (owner = current user). */
  mine?: number;
}

export const NO_FILTERS: IFilters = { text: '' };

export function filtersActive(f: IFilters): boolean {
  return !!(f.text.trim() || f.owner || f.org || f.status || f.mine !== undefined);
}

/** Lower case without accents, so "efficient" finds "Efficiënt". */
export function normalise(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

function textMatches(parts: Array<string | undefined>, text: string): boolean {
  const q = normalise(text.trim());
  if (!q) return true;
  const hay = normalise(parts.filter((p) => !!p).join('\n'));
  // Every word must occur somewhere (title or description).
  return q.split(/\s+/).every((w) => hay.indexOf(w) >= 0);
}

export function actionMatches(a: IAction, f: IFilters): boolean {
  if (f.owner && (!a.owner || a.owner.title !== f.owner)) return false;
  if (f.mine !== undefined && (!a.owner || a.owner.id !== f.mine)) return false;
  if (f.org && a.directie !== f.org && a.afdeling !== f.org) return false;
  if (f.status && a.status !== f.status) return false;
  return textMatches([a.title, a.shortTitle, htmlToText(a.description), a.subItems.join('\n')], f.text);
}

/** Risks have no owner or organisation unit: those filters leave them out. */
export function riskMatches(r: IRisk, f: IFilters): boolean {
  if (f.owner || f.org || f.mine !== undefined) return false;
  if (f.status && r.status !== f.status) return false;
  return textMatches([r.title, r.source, r.audit ? r.audit.title : undefined, htmlToText(r.notes)], f.text);
}

export function filterDomainReport(d: IDomainReport, f: IFilters): IDomainReport {
  if (!filtersActive(f)) return d;
  const keep = (list: IAction[]): IAction[] => list.filter((a) => actionMatches(a, f));
  return {
    domain: d.domain,
    risks: d.risks.filter((r) => riskMatches(r, f)),
    realisationsNew: keep(d.realisationsNew),
    realisationsOlder: keep(d.realisationsOlder),
    planningNew: keep(d.planningNew),
    planningOlder: keep(d.planningOlder)
  };
}

export function itemCount(d: IDomainReport): number {
  return d.risks.length + d.realisationsNew.length + d.realisationsOlder.length + d.planningNew.length + d.planningOlder.length;
}

export interface IFilterOptions {
  owners: string[];
  orgs: string[];
  statuses: string[];
}

function distinct(values: Array<string | undefined>): string[] {
  const seen: Record<string, true> = {};
  const out: string[] = [];
  for (const v of values) {
    if (v && v.trim() && !seen[v]) {
      seen[v] = true;
      out.push(v);
    }
  }
  return out.sort((a, b) => a.localeCompare(b));
}

const STATUS_ORDER: string[] = ['Open', 'Opgevolgd', 'Gepland', 'Lopend', 'Gerealiseerd', 'Afgesloten', 'Geschrapt'];

/** Only values that occur in the data: a filter never offers an empty choice. */
export function filterOptions(data: IReportData): IFilterOptions {
  const statuses = distinct(data.actions.map((a) => a.status as string).concat(data.risks.map((r) => r.status as string)));
  return {
    owners: distinct(data.actions.map((a) => (a.owner ? a.owner.title : undefined))),
    orgs: distinct(data.actions.map((a) => a.directie).concat(data.actions.map((a) => a.afdeling))),
    statuses: statuses.sort((a, b) => STATUS_ORDER.indexOf(a) - STATUS_ORDER.indexOf(b))
  };
}
