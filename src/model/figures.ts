/**
 * One definition of every figure the surfaces show (cards, homepage widget, Viva card,
 * personal app, report), so no two screens can disagree. The words for these ideas are in
 * the README's "Woordenlijst / Glossary"; every loc file uses them.
 *
 * - realised: actions realised in the report year (status Gerealiseerd, JaarGerealiseerd = Y).
 * - newPlanning: open actions newly planned for Y + 1.
 * - earlierPlanning: planned for Y or earlier (or before the data starts), not realised by
 *   the end of Y, not cancelled ("Eerdere planning").
 * - overdue: open actions and open recommendations whose deadline has passed today ("te laat").
 * - openHighRisks: risks with priority Hoog open at some point in Y.
 * - openRecommendations: recommendations not carried out and not decided against.
 *
 * Per domain an action counts in each of its domains (a mention); the totals count each item
 * once. `mentions` is the per-domain sum, so a screen can say "30 realisaties, in 7 domeinen
 * 31 vermeldingen".
 */
import { actionDeadlineState, allRecommendations, isRecommendationDone, MyItem, myDueItems, recommendationDeadlineState, recommendationDomainIds } from './audits';
import { buildReport, isRealisedBy } from './report';
import { IDomainReport, IReport, IReportData, IRisk } from './types';

export interface IFigureSet {
  openHighRisks: number;
  realised: number;
  newPlanning: number;
  earlierPlanning: number;
  overdue: number;
  openRecommendations: number;
}

export type FigureName = keyof IFigureSet;

export const FIGURE_NAMES: FigureName[] = ['openHighRisks', 'realised', 'newPlanning', 'earlierPlanning', 'overdue', 'openRecommendations'];

export interface IDomainFigures extends IFigureSet {
  domainId: number;
  /** Domain key as used in links (`?domein=`, Teams subEntityId); the id when it has none. */
  key: string;
  title: string;
  shortTitle: string;
  /** Actions planned for the report year itself (JaarGepland = Y), and of those realised by its end. */
  plannedForYear: number;
  plannedForYearRealised: number;
}

export interface IFigures {
  year: number;
  planningYear: number;
  /** Active domains in domain order. */
  domains: IDomainFigures[];
  /** Each action, risk or recommendation counted once. */
  totals: IFigureSet & { plannedForYear: number; plannedForYearRealised: number };
  /** The per-domain sums: an item in two domains counts twice. */
  mentions: IFigureSet;
  /** How many domains have at least one of the figure (for "in 7 domeinen 31 vermeldingen"). */
  domainsWith: IFigureSet;
}

type IdSets = Record<FigureName | 'plannedForYear' | 'plannedForYearRealised', Record<string, true>>;

function emptySets(): IdSets {
  return { openHighRisks: {}, realised: {}, newPlanning: {}, earlierPlanning: {}, overdue: {}, openRecommendations: {}, plannedForYear: {}, plannedForYearRealised: {} };
}

function size(s: Record<string, true>): number {
  return Object.keys(s).length;
}

/** The open high risks of a domain's report: what every surface counts as "hoge risico's". */
export function highRisksOf(d: IDomainReport): IRisk[] {
  return d.risks.filter((x) => x.priority === 'Hoog');
}

/** Every figure of the report year `year`, per domain and in total; `today` decides what is overdue. */
export function buildFigures(data: IReportData, year: number, today: Date, report?: IReport): IFigures {
  const r = report || buildReport(data, year);
  const all = emptySets();
  const recs = allRecommendations(data);
  const domains: IDomainFigures[] = r.domains.map((d) => {
    const id = d.domain.id;
    const mine = emptySets();
    const add = (name: keyof IdSets, key: string): void => {
      mine[name][key] = true;
      all[name][key] = true;
    };
    for (const x of highRisksOf(d)) add('openHighRisks', `r${x.id}`);
    for (const a of d.realisationsNew) add('realised', `a${a.id}`);
    for (const a of d.planningNew) add('newPlanning', `a${a.id}`);
    for (const a of d.planningOlder) add('earlierPlanning', `a${a.id}`);
    for (const a of data.actions) {
      if (a.domainIds.indexOf(id) < 0) continue;
      if (actionDeadlineState(a, today) === 'overdue') add('overdue', `a${a.id}`);
      if (a.plannedYear === year && a.status !== 'Geschrapt') {
        add('plannedForYear', `a${a.id}`);
        if (isRealisedBy(a, year)) add('plannedForYearRealised', `a${a.id}`);
      }
    }
    for (const rec of recs) {
      if (recommendationDomainIds(data, rec).indexOf(id) < 0) continue;
      if (!isRecommendationDone(rec)) add('openRecommendations', `m${rec.id}`);
      if (recommendationDeadlineState(rec, today) === 'overdue') add('overdue', `m${rec.id}`);
    }
    return {
      domainId: id,
      key: d.domain.key || String(id),
      title: d.domain.title,
      shortTitle: d.domain.shortTitle || d.domain.title,
      openHighRisks: size(mine.openHighRisks),
      realised: size(mine.realised),
      newPlanning: size(mine.newPlanning),
      earlierPlanning: size(mine.earlierPlanning),
      overdue: size(mine.overdue),
      openRecommendations: size(mine.openRecommendations),
      plannedForYear: size(mine.plannedForYear),
      plannedForYearRealised: size(mine.plannedForYearRealised)
    };
  });
  // Every open recommendation counts once in the total, also one of an audit without a domain
  // (no domain to count it under; the audits page lists those "zonder domein").
  for (const rec of recs) if (!isRecommendationDone(rec)) all.openRecommendations[`m${rec.id}`] = true;
  const mentions = {} as IFigureSet;
  const domainsWith = {} as IFigureSet;
  for (const n of FIGURE_NAMES) {
    mentions[n] = domains.reduce((s, d) => s + d[n], 0);
    domainsWith[n] = domains.filter((d) => d[n] > 0).length;
  }
  return {
    year,
    planningYear: year + 1,
    domains,
    totals: {
      openHighRisks: size(all.openHighRisks),
      realised: size(all.realised),
      newPlanning: size(all.newPlanning),
      earlierPlanning: size(all.earlierPlanning),
      overdue: size(all.overdue),
      openRecommendations: size(all.openRecommendations),
      plannedForYear: size(all.plannedForYear),
      plannedForYearRealised: size(all.plannedForYearRealised)
    },
    mentions,
    domainsWith
  };
}

/** True when an item in more than one domain makes the per-domain sum differ from the total. */
export function countsShared(f: IFigures, name: FigureName): boolean {
  return f.mentions[name] !== f.totals[name];
}

/** The signed-in user's own open items that need attention now (the reminder rule: overdue or due within 30 days). */
export interface IMyFigures {
  overdue: number;
  dueSoon: number;
  /** Overdue first, then by deadline. */
  items: MyItem[];
}

/** What the Viva card and "Mijn acties" put first: the user's own overdue and soon-due items. */
export function myFigures(data: IReportData, userId: number | undefined, today: Date): IMyFigures {
  const items = myDueItems(data, userId, today);
  return { overdue: items.filter((i) => i.state === 'overdue').length, dueSoon: items.filter((i) => i.state === 'dueSoon').length, items };
}
