/**
 * Maturiteitsinschatting (self-assessment after Audit Vlaanderen's leidraad organisatiebeheersing):
 * rounds, individual scores, consensus and the comparison between rounds. Pure: no I/O.
 */
import { ILookupRef, IPerson } from './references';
import { MATURITY_ROUND_STATUSES, RoundStatus } from '../schema/schema';

export type { RoundStatus } from '../schema/schema';
/** The list's choices, in order (defined once, in the schema). */
export const ROUND_STATUSES: RoundStatus[] = MATURITY_ROUND_STATUSES;

/** The scale of the seed: "Per doelstelling wordt een score gegeven tussen 1 en 5". */
export const DEFAULT_SCALE: { min: number; max: number } = { min: 1, max: 5 };
/** A spread (highest minus lowest score) of this size or more is discussed first. */
export const DISCUSS_SPREAD: number = 2;

export interface IMaturityTheme {
  id: number;
  /** Chapter of the leidraad (0-10). */
  number: number;
  title: string;
  key?: string;
  /** Domain that improvement actions from this theme belong to, if set. */
  domainId?: number;
}

export interface IMaturityObjective {
  id: number;
  themeId?: number;
  code: string;
  text: string;
  order?: number;
}

export interface IMaturityRound {
  id: number;
  title: string;
  year?: number;
  themeIds: number[];
  status: RoundStatus;
  scaleMin: number;
  scaleMax: number;
  /** Labels of the levels, lowest first (a setting of the round; may be empty). */
  levelLabels: string[];
  raters: IPerson[];
  facilitator?: IPerson;
  notes?: string;
  etag?: string;
}

export interface IMaturityScore {
  id: number;
  roundId: number;
  themeId?: number;
  /** Undefined: a score for the theme as a whole (a theme without objectives yet). */
  objectiveId?: number;
  raterId: number;
  raterName?: string;
  /** Undefined when the value is not visible to the reader (another rater's, while scoring). */
  score?: number;
  comment?: string;
  etag?: string;
  /** Who created and who last changed the item (SharePoint's Author and Editor): the rater is the author. */
  authorId?: number;
  editorId?: number;
}

export interface IConsensus {
  id: number;
  roundId: number;
  themeId?: number;
  objectiveId?: number;
  score?: number;
  comment?: string;
  actions: ILookupRef[];
  etag?: string;
  authorId?: number;
  editorId?: number;
}

/** What a maturity screen reads in one go. */
export interface IMaturityData {
  themes: IMaturityTheme[];
  objectives: IMaturityObjective[];
  rounds: IMaturityRound[];
  consensus: IConsensus[];
  /** Scores as far as the reader may see them (see visibleScores). */
  scores: IMaturityScore[];
  domains: ILookupRef[];
  /** Items the app ignores because SharePoint cannot refuse them (see splitScoreBreaches, splitConsensusBreaches). */
  breaches?: IMaturityBreach[];
}

/**
 * Why an item is ignored: a score whose author is not its rater (written in someone else's name) or that someone
 * other than its author changed; a consensus item not written by the round's facilitator.
 */
export type BreachKind = 'otherName' | 'changedByOther' | 'notFacilitator';

export interface IMaturityBreach {
  list: 'score' | 'consensus';
  id: number;
  roundId: number;
  kind: BreachKind;
  authorId?: number;
  editorId?: number;
  raterId?: number;
}

/** What results and the council report need (no individual scores). */
export type IMaturityResultsData = Pick<IMaturityData, 'themes' | 'objectives' | 'rounds' | 'consensus'>;

/** What is scored: an objective, or a theme as a whole when it has no objectives yet. */
export interface IScoringUnit {
  key: string;
  themeId: number;
  themeNumber: number;
  themeTitle: string;
  objectiveId?: number;
  code: string;
  text: string;
}

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

/**
 * SharePoint keeps a score's author (the rater, who created it) but cannot check a column against it, and a user who
 * may override list behaviours (the facilitator, an owner) can change anyone's item. So a score counts only when its
 * author is its rater and nobody else changed it; the others are returned as breaches, for the facilitator to see.
 * Items read without Author (older callers) count as before.
 */
export function splitScoreBreaches(scores: IMaturityScore[]): { trusted: IMaturityScore[]; breaches: IMaturityBreach[] } {
  const trusted: IMaturityScore[] = [];
  const breaches: IMaturityBreach[] = [];
  for (const s of scores) {
    const base = { list: 'score' as const, id: s.id, roundId: s.roundId, authorId: s.authorId, editorId: s.editorId, raterId: s.raterId };
    if (s.authorId !== undefined && s.authorId !== s.raterId) breaches.push({ ...base, kind: 'otherName' });
    else if (s.authorId !== undefined && s.editorId !== undefined && s.editorId !== s.authorId) breaches.push({ ...base, kind: 'changedByOther' });
    else trusted.push(s);
  }
  return { trusted, breaches };
}

/** Consensus counts only when the round's facilitator wrote and last changed it (a round without one: anyone who may). */
export function splitConsensusBreaches(consensus: IConsensus[], rounds: IMaturityRound[]): { trusted: IConsensus[]; breaches: IMaturityBreach[] } {
  const trusted: IConsensus[] = [];
  const breaches: IMaturityBreach[] = [];
  for (const c of consensus) {
    const round = rounds.filter((r) => r.id === c.roundId)[0];
    const f = round && round.facilitator ? round.facilitator.id : undefined;
    const foreign = f !== undefined && ((c.authorId !== undefined && c.authorId !== f) || (c.editorId !== undefined && c.editorId !== f));
    if (foreign) breaches.push({ list: 'consensus', id: c.id, roundId: c.roundId, kind: 'notFacilitator', authorId: c.authorId, editorId: c.editorId });
    else trusted.push(c);
  }
  return { trusted, breaches };
}

/** Scores of a round that belong to no current unit (objective deleted, theme out of scope, objectives imported later). */
export function orphanScores<T extends { roundId: number; themeId?: number; objectiveId?: number }>(roundId: number, items: T[], units: IScoringUnit[]): T[] {
  const keys: Record<string, true> = {};
  for (const u of units) keys[u.key] = true;
  return items.filter((s) => s.roundId === roundId && !keys[scoreKey(s)]);
}

// ------------------------------------------------------------------ statistics

export function median(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  const v = values.slice().sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

/** Highest minus lowest score; 0 for one score, undefined for none. */
export function spread(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  return Math.max(...values) - Math.min(...values);
}

export function average(values: number[]): number | undefined {
  if (values.length === 0) return undefined;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/** Rounded to one decimal, for display and comparison. */
export function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** How many values fall on each level of the scale, lowest first. */
export function distribution(values: number[], scaleMin: number, scaleMax: number): number[] {
  const out: number[] = [];
  for (let l = scaleMin; l <= scaleMax; l++) out.push(values.filter((v) => v === l).length);
  return out;
}

// ------------------------------------------------------------------ validation of input

export type ScoreProblem = 'empty' | 'notWhole' | 'outOfScale';

/** A score must be a whole number within the round's scale. */
export function checkScore(value: unknown, round: Pick<IMaturityRound, 'scaleMin' | 'scaleMax'>): ScoreProblem | undefined {
  if (value === undefined || value === null || value === '') return 'empty';
  const n = typeof value === 'number' ? value : Number(String(value).trim().replace(',', '.'));
  if (!isFinite(n)) return 'notWhole';
  if (Math.floor(n) !== n) return 'notWhole';
  if (n < round.scaleMin || n > round.scaleMax) return 'outOfScale';
  return undefined;
}

export function scaleLevels(round: Pick<IMaturityRound, 'scaleMin' | 'scaleMax'>): number[] {
  const out: number[] = [];
  for (let l = round.scaleMin; l <= round.scaleMax; l++) out.push(l);
  return out;
}

/** The label of a level (the round's setting), if any. */
export function levelLabel(round: Pick<IMaturityRound, 'scaleMin' | 'levelLabels'>, level: number): string | undefined {
  const l = round.levelLabels[level - round.scaleMin];
  return l && l.trim() ? l.trim() : undefined;
}

// ------------------------------------------------------------------ visibility and progress

/**
 * While a round is being prepared or scored, a rater sees only their own scores (no
 * anchoring on others); from consensus on, everyone sees all scores of the round.
 */
export function othersVisible(status: RoundStatus): boolean {
  return status === 'consensus' || status === 'afgesloten';
}

/** The scores a reader may see: others' values are dropped while scoring (who scored stays known). */
export function visibleScores(round: Pick<IMaturityRound, 'id' | 'status'>, scores: IMaturityScore[], readerId: number | undefined): IMaturityScore[] {
  const own = scores.filter((s) => s.roundId === round.id);
  if (othersVisible(round.status)) return own;
  return own.map((s) => (s.raterId === readerId ? s : { id: s.id, roundId: s.roundId, themeId: s.themeId, objectiveId: s.objectiveId, raterId: s.raterId, raterName: s.raterName }));
}

export interface IRaterProgress {
  rater: IPerson;
  scored: number;
  total: number;
  finished: boolean;
}

/** Per rater of the round: how many units they scored; finished when all of them. */
export function raterProgress(round: IMaturityRound, units: IScoringUnit[], scores: IMaturityScore[]): IRaterProgress[] {
  const keys: Record<string, true> = {};
  for (const u of units) keys[u.key] = true;
  return round.raters.map((rater) => {
    const done: Record<string, true> = {};
    for (const s of scores) if (s.roundId === round.id && s.raterId === rater.id && keys[scoreKey(s)]) done[scoreKey(s)] = true;
    const scored = Object.keys(done).length;
    return { rater, scored, total: units.length, finished: units.length > 0 && scored === units.length };
  });
}

export function isRater(round: IMaturityRound, userId: number | undefined): boolean {
  return userId !== undefined && round.raters.some((r) => r.id === userId);
}

/** The facilitator records the consensus; a round without one lets any editor do it. */
export function isFacilitator(round: IMaturityRound, userId: number | undefined, canEdit: boolean): boolean {
  if (!canEdit) return false;
  return round.facilitator ? round.facilitator.id === userId : true;
}

// ------------------------------------------------------------------ consensus

export interface IUnitScores {
  unit: IScoringUnit;
  scores: IMaturityScore[];
  values: number[];
  median?: number;
  spread?: number;
  average?: number;
  consensus?: IConsensus;
  /** Spread of DISCUSS_SPREAD or more: discussed first. */
  discuss: boolean;
}

/** Per unit all scores side by side with spread and median; spread >= 2 first (largest first), then the leidraad's order. */
export function consensusOverview(round: IMaturityRound, units: IScoringUnit[], scores: IMaturityScore[], consensus: IConsensus[]): IUnitScores[] {
  const rows = units.map((unit, index) => {
    const own = scores
      .filter((s) => s.roundId === round.id && scoreKey(s) === unit.key)
      .sort((a, b) => (a.raterName || '').localeCompare(b.raterName || '') || a.raterId - b.raterId);
    const values = own.map((s) => s.score).filter((v): v is number => typeof v === 'number');
    const sp = spread(values);
    return {
      index,
      row: {
        unit,
        scores: own,
        values,
        median: median(values),
        spread: sp,
        average: average(values),
        consensus: consensus.filter((c) => c.roundId === round.id && scoreKey(c) === unit.key)[0],
        discuss: sp !== undefined && sp >= DISCUSS_SPREAD
      }
    };
  });
  // To discuss first, the largest disagreement at the top; then the leidraad's order.
  rows.sort((a, b) => {
    if (a.row.discuss !== b.row.discuss) return a.row.discuss ? -1 : 1;
    if (a.row.discuss) return (b.row.spread || 0) - (a.row.spread || 0) || a.index - b.index;
    return a.index - b.index;
  });
  return rows.map((r) => r.row);
}

// ------------------------------------------------------------------ status changes

export type TransitionProblem = 'closed' | 'notNext' | 'noThemes' | 'noRaters' | 'noUnits' | 'noScores' | 'consensusMissing';

export function nextStatus(status: RoundStatus): RoundStatus | undefined {
  const i = ROUND_STATUSES.indexOf(status);
  return i >= 0 && i < ROUND_STATUSES.length - 1 ? ROUND_STATUSES[i + 1] : undefined;
}

/**
 * Whether a round may move to `to`: only forward, one step at a time; scoring needs themes
 * and raters, consensus needs scores, closing needs a consensus score for every unit.
 * Returns the problems (empty: allowed) and, for closing, the units without consensus.
 */
export function checkTransition(
  round: IMaturityRound,
  to: RoundStatus,
  units: IScoringUnit[],
  scores: IMaturityScore[],
  consensus: IConsensus[]
): { problems: TransitionProblem[]; missing: IScoringUnit[] } {
  if (round.status === 'afgesloten') return { problems: ['closed'], missing: [] };
  if (nextStatus(round.status) !== to) return { problems: ['notNext'], missing: [] };
  const problems: TransitionProblem[] = [];
  let missing: IScoringUnit[] = [];
  if (to === 'scoren') {
    if (round.themeIds.length === 0) problems.push('noThemes');
    else if (units.length === 0) problems.push('noUnits');
    if (round.raters.length === 0) problems.push('noRaters');
  }
  if (to === 'consensus') {
    if (round.raters.length === 0) problems.push('noRaters');
    const keys: Record<string, true> = {};
    for (const u of units) keys[u.key] = true;
    if (!scores.some((s) => s.roundId === round.id && keys[scoreKey(s)])) problems.push('noScores');
  }
  if (to === 'afgesloten') {
    const done: Record<string, true> = {};
    for (const c of consensus) if (c.roundId === round.id && typeof c.score === 'number') done[scoreKey(c)] = true;
    missing = units.filter((u) => !done[u.key]);
    if (missing.length) problems.push('consensusMissing');
  }
  return { problems, missing };
}

/** Writes are refused on a closed round: closing freezes it. */
export function isFrozen(round: Pick<IMaturityRound, 'status'>): boolean {
  return round.status === 'afgesloten';
}

// ------------------------------------------------------------------ results and comparison

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
      total: unitsOfTheme.length
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
  const active = sorted.filter((r) => r.status === 'scoren' || r.status === 'consensus');
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

// ------------------------------------------------------------------ radar geometry

export interface IRadarPoint {
  x: number;
  y: number;
}

/**
 * Points of a radar chart: axis i of n at angle -90° + i * 360/n, value scaled from
 * [min, max] to [0, radius] around (cx, cy). A missing value sits at the centre.
 */
export function radarPoints(values: (number | undefined)[], min: number, max: number, cx: number, cy: number, radius: number): IRadarPoint[] {
  const n = values.length;
  return values.map((v, i) => {
    const angle = -Math.PI / 2 + (i * 2 * Math.PI) / Math.max(n, 1);
    const f = v === undefined || max === min ? 0 : Math.max(0, Math.min(1, (v - min) / (max - min)));
    return { x: round2(cx + Math.cos(angle) * radius * f), y: round2(cy + Math.sin(angle) * radius * f) };
  });
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** The council report's section: the latest closed round up to `year` compared with the one before. */
export function maturityReportSection(data: IMaturityResultsData, year: number): { results?: IRoundResults } {
  const round = latestClosedRound(data.rounds, year);
  return { results: round ? roundResults(round, data) : undefined };
}

/** One line per theme for the report: "1. Thema: 3,5 (2021: 2; +1,5)". */
export function themeResultLine(t: IThemeResult): string {
  const head = `${t.theme.number}. ${t.theme.title}: ${formatScore(t.average)}`;
  if (!t.previous) return `${head} (geen vorige ronde)`;
  return `${head} (${t.previous.round.year ?? t.previous.round.title}: ${formatScore(t.previous.average)}; ${formatDelta(t.delta)})`;
}
