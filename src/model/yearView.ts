/**
 * What the cards and the widget read for one report year, and how lazily read parts
 * (older titles, descriptions) are merged in. Pure: no I/O.
 */
import { isPlannedFor, isRealisedBy } from './report';
import { IAction, IReportData, IRisk } from './types';

/** Realised in the report year: shown with its title on the card ("nieuw"). */
export function isNewRealisation(a: IAction, year: number): boolean {
  return isRealisedBy(a, year) && a.realisedYear === year;
}

/** Added to the planning for year + 1 and still open at the end of the year: shown with its title. */
export function isNewPlanning(a: IAction, year: number): boolean {
  return isPlannedFor(a, year) && a.plannedYear === year + 1;
}

/** Items whose title the card shows without a toggle opened. */
export function isShownOnCard(a: IAction, year: number): boolean {
  return isNewRealisation(a, year) || isNewPlanning(a, year);
}

/** Ids of the given actions that were read only to be counted (no title yet). */
export function idsWithoutTitle(actions: IAction[]): number[] {
  return actions.filter((a) => a.detail === 'count').map((a) => a.id);
}

const RANK: Record<string, number> = { count: 0, card: 1, full: 2 };

function rank(a: { detail?: string }): number {
  return RANK[a.detail || 'full'];
}

/** `base` with the items of `more` put in place (by id) where they carry at least as much detail. */
export function mergeById<T extends { id: number; detail?: string }>(base: T[], more: T[]): T[] {
  if (more.length === 0) return base;
  const byId: Record<number, T> = {};
  for (const m of more) byId[m.id] = m;
  const seen: Record<number, true> = {};
  const out = base.map((b) => {
    const m = byId[b.id];
    seen[b.id] = true;
    return m && rank(m) >= rank(b) ? m : b;
  });
  for (const m of more) if (!seen[m.id]) out.push(m);
  return out;
}

export function withActions(data: IReportData, more: IAction[]): IReportData {
  return more.length === 0 ? data : { ...data, actions: mergeById(data.actions, more) };
}

export function withRisk(data: IReportData, risk: IRisk): IReportData {
  return { ...data, risks: mergeById(data.risks, [risk]) };
}

/** Splits ids into groups of at most `size` (one query each). */
export function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * The year to read the card titles for before the data is there: the configured year,
 * else the year shown last time (cache), else the previous calendar year (the year a
 * council report is about). When the data then points at another year, its titles are
 * read in a second request.
 */
export function expectedYear(configured: number | undefined, lastShown: number | undefined, today: Date): number {
  if (configured !== undefined && configured > 0) return configured;
  if (lastShown !== undefined) return lastShown;
  return today.getFullYear() - 1;
}
