/** Results of a round per theme, compared with the previous closed round. */
import { IConsensus, IMaturityResultsData, IMaturityRound, IMaturityTheme, IScoringUnit } from './types';
import { average, distribution, round1 } from './stats';
import { ROUND_STAGES } from './status';
import { roundThemes, scoreKey, unitsOfRound } from './units';
import { themeTarget } from './targets';

export interface IThemeResult {
  theme: IMaturityTheme;
  /** Average of the consensus scores of the theme's units (undefined: none yet). */
  average?: number;
  /** Consensus scores per level of the scale, lowest first. */
  distribution: number[];
  scored: number;
  total: number;
  previous?: { round: IMaturityRound; average: number };
  /** average - previous average, one decimal. */
  delta?: number;
  /** The level aimed at (the theme's, else its objectives' average), if any. */
  target?: number;
}

export interface IRoundResults {
  round: IMaturityRound;
  themes: IThemeResult[];
  /** Average over the themes' averages. */
  overall?: number;
  /** The earlier closed round(s) the comparison uses. */
  previousRounds: IMaturityRound[];
}

function roundOrder(a: IMaturityRound, b: IMaturityRound): number {
  return (a.year ?? 0) - (b.year ?? 0) || a.id - b.id;
}

function themeAverage(round: IMaturityRound, theme: IMaturityTheme, units: IScoringUnit[], consensus: IConsensus[]): { avg?: number; values: number[] } {
  const keys: Record<string, true> = {};
  for (const u of units) if (u.themeId === theme.id) keys[u.key] = true;
  const values = consensus
    .filter((c) => c.roundId === round.id && keys[scoreKey(c)] && typeof c.score === 'number')
    .map((c) => c.score as number);
  return { avg: average(values), values };
}

/**
 * Per theme of the round: the consensus average and its distribution, and the delta with the
 * most recent earlier closed round that scored the same theme.
 */
export function roundResults(round: IMaturityRound, data: IMaturityResultsData): IRoundResults {
  const units = unitsOfRound(round, data.themes, data.objectives);
  const earlier = data.rounds.filter((r) => r.id !== round.id && r.status === 'afgesloten' && roundOrder(r, round) < 0).sort(roundOrder).reverse();
  const used: IMaturityRound[] = [];
  const themes = roundThemes(round, data.themes).map((theme) => {
    const own = themeAverage(round, theme, units, data.consensus);
    const unitsOfTheme = units.filter((u) => u.themeId === theme.id);
    const result: IThemeResult = {
      theme,
      average: own.avg,
      distribution: distribution(own.values, round.scaleMin, round.scaleMax),
      scored: own.values.length,
      total: unitsOfTheme.length,
      target: themeTarget(theme, data.objectives)
    };
    for (const prev of earlier) {
      if (prev.themeIds.indexOf(theme.id) < 0) continue;
      const p = themeAverage(prev, theme, unitsOfRound(prev, data.themes, data.objectives), data.consensus);
      // Consensus of objectives deleted since still counts for the earlier round.
      const pv = p.avg !== undefined ? p : consensusOfThemeAnyUnit(prev, theme, data.consensus);
      if (pv.avg === undefined) continue;
      result.previous = { round: prev, average: pv.avg };
      if (own.avg !== undefined) result.delta = round1(round1(own.avg) - round1(pv.avg));
      if (used.indexOf(prev) < 0) used.push(prev);
      break;
    }
    return result;
  });
  const avgs = themes.map((t) => t.average).filter((v): v is number => v !== undefined);
  return { round, themes, overall: average(avgs), previousRounds: used };
}

function consensusOfThemeAnyUnit(round: IMaturityRound, theme: IMaturityTheme, consensus: IConsensus[]): { avg?: number; values: number[] } {
  const values = consensus.filter((c) => c.roundId === round.id && c.themeId === theme.id && typeof c.score === 'number').map((c) => c.score as number);
  return { avg: average(values), values };
}

/** The latest closed round (of year <= `year` when given), for the council report. */
export function latestClosedRound(rounds: IMaturityRound[], year?: number): IMaturityRound | undefined {
  const closed = rounds.filter((r) => r.status === 'afgesloten' && (year === undefined || r.year === undefined || r.year <= year)).sort(roundOrder);
  return closed[closed.length - 1];
}

/** The round shown first: one being scored or in consensus (latest), else the latest round. */
export function defaultRound(rounds: IMaturityRound[]): IMaturityRound | undefined {
  const sorted = rounds.slice().sort(roundOrder);
  const active = sorted.filter((r) => ROUND_STAGES[r.status].active);
  return active.length ? active[active.length - 1] : sorted[sorted.length - 1];
}

export function formatScore(v: number | undefined, locale: string = 'nl-BE'): string {
  if (v === undefined) return '–';
  return round1(v).toLocaleString(locale, { minimumFractionDigits: Number.isInteger(round1(v)) ? 0 : 1, maximumFractionDigits: 1 });
}

export function formatDelta(v: number | undefined, locale: string = 'nl-BE'): string {
  if (v === undefined) return '–';
  if (v === 0) return '0';
  return (v > 0 ? '+' : '−') + formatScore(Math.abs(v), locale);
}
