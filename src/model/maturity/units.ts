/** What is scored in a round (objectives, or a theme as a whole when it has none), and one item per unit. */
import { IMaturityObjective, IMaturityRound, IMaturityTheme, IScoringUnit } from './types';

export function unitKey(themeId: number | undefined, objectiveId: number | undefined): string {
  return objectiveId !== undefined ? `o:${objectiveId}` : `t:${themeId === undefined ? '-' : themeId}`;
}

function compareCodes(a: string, b: string): number {
  const pa = a.split(/[.\-\s]+/);
  const pb = b.split(/[.\-\s]+/);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = Number(x);
    const ny = Number(y);
    const c = !isNaN(nx) && !isNaN(ny) ? nx - ny : x.localeCompare(y);
    if (c) return c;
  }
  return 0;
}

export function sortThemes(themes: IMaturityTheme[]): IMaturityTheme[] {
  return themes.slice().sort((a, b) => a.number - b.number || a.id - b.id);
}

/** The themes in a round's scope, in the leidraad's order. */
export function roundThemes(round: IMaturityRound, themes: IMaturityTheme[]): IMaturityTheme[] {
  return sortThemes(themes.filter((t) => round.themeIds.indexOf(t.id) >= 0));
}

/** What is scored in a round: each theme's objectives, or the theme itself when it has none. */
export function unitsOfRound(round: IMaturityRound, themes: IMaturityTheme[], objectives: IMaturityObjective[]): IScoringUnit[] {
  const out: IScoringUnit[] = [];
  for (const t of roundThemes(round, themes)) {
    const own = objectives
      .filter((o) => o.themeId === t.id)
      .sort((a, b) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER) || compareCodes(a.code, b.code) || a.id - b.id);
    if (own.length === 0) {
      out.push({ key: unitKey(t.id, undefined), themeId: t.id, themeNumber: t.number, themeTitle: t.title, code: String(t.number), text: t.title });
    } else {
      for (const o of own) {
        out.push({ key: unitKey(t.id, o.id), themeId: t.id, themeNumber: t.number, themeTitle: t.title, objectiveId: o.id, code: o.code, text: o.text });
      }
    }
  }
  return out;
}

export function scoreKey(s: { themeId?: number; objectiveId?: number }): string {
  return unitKey(s.themeId, s.objectiveId);
}

/**
 * One item per round, unit and rater (scores) or per round and unit (consensus): the lowest id wins. SharePoint has no
 * unique key over several columns, so two first saves at the same moment (two windows) can both add; the later one
 * removes itself when it sees the earlier, and until then every reader counts only the earlier.
 */
export function firstPerUnit<T extends { id: number; roundId: number; themeId?: number; objectiveId?: number; raterId?: number }>(items: T[]): T[] {
  const keyOf = (it: T): string => `${it.roundId}|${scoreKey(it)}|${it.raterId ?? ''}`;
  const kept: Record<string, T> = {};
  for (const it of items) {
    const key = keyOf(it);
    if (!kept[key] || it.id < kept[key].id) kept[key] = it;
  }
  return items.filter((it) => kept[keyOf(it)] === it);
}
