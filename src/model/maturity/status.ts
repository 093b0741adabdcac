/**
 * The stages of a round, defined once: the list's choices come from the schema, what each stage means for the app
 * (which view opens, who may write what, which way it may move) is in ROUND_STAGES below.
 */
import { MATURITY_ROUND_STATUSES, RoundStatus } from '../../schema/schema';
import type { IConsensus, IMaturityRound, IMaturityScore, IScoringUnit } from './types';
import { scoreKey } from './units';

export type { RoundStatus } from '../../schema/schema';
/** The list's choices, in order (defined once, in the schema). */
export const ROUND_STATUSES: RoundStatus[] = MATURITY_ROUND_STATUSES;

export type RoundView = 'scoring' | 'consensus' | 'results';

export interface IRoundStage {
  /** The view a round in this stage opens with. */
  view: RoundView;
  /** Raters write scores (and hold Contribute on MaturiteitScores) only in this stage. */
  scoringOpen: boolean;
  /** Everyone sees all scores of the round (no anchoring while scoring). */
  othersVisible: boolean;
  /** The facilitator records consensus. */
  consensusOpen: boolean;
  /** Nothing changes any more. */
  frozen: boolean;
  /** Shown first when the page opens (the latest active round). */
  active: boolean;
  /** The stage it may go back to (only while nothing of this stage has been recorded). */
  back?: RoundStatus;
}

export const ROUND_STAGES: Record<RoundStatus, IRoundStage> = {
  voorbereiding: { view: 'scoring', scoringOpen: false, othersVisible: false, consensusOpen: false, frozen: false, active: false },
  scoren: { view: 'scoring', scoringOpen: true, othersVisible: false, consensusOpen: false, frozen: false, active: true },
  consensus: { view: 'consensus', scoringOpen: false, othersVisible: true, consensusOpen: true, frozen: false, active: true, back: 'scoren' },
  afgesloten: { view: 'results', scoringOpen: false, othersVisible: true, consensusOpen: false, frozen: true, active: false }
};

export type TransitionProblem = 'closed' | 'notNext' | 'noThemes' | 'noRaters' | 'noUnits' | 'noScores' | 'consensusMissing' | 'consensusExists';

export function nextStatus(status: RoundStatus): RoundStatus | undefined {
  const i = ROUND_STATUSES.indexOf(status);
  return i >= 0 && i < ROUND_STATUSES.length - 1 ? ROUND_STATUSES[i + 1] : undefined;
}

/** The stage a round may go back to, if any (consensus → scoren). */
export function backStatus(status: RoundStatus): RoundStatus | undefined {
  return ROUND_STAGES[status].back;
}

/** Writes are refused on a closed round: closing freezes it. */
export function isFrozen(round: Pick<IMaturityRound, 'status'>): boolean {
  return ROUND_STAGES[round.status].frozen;
}

function unitKeys(units: IScoringUnit[]): Record<string, true> {
  const keys: Record<string, true> = {};
  for (const u of units) keys[u.key] = true;
  return keys;
}

/**
 * Whether a round may move to `to`: forward one step at a time, or back from consensus to scoring while no consensus
 * item of the round exists; scoring needs themes and raters, consensus needs scores, closing needs a consensus score
 * for every unit. Returns the problems (empty: allowed) and, for closing, the units without consensus.
 */
export function checkTransition(
  round: IMaturityRound,
  to: RoundStatus,
  units: IScoringUnit[],
  scores: IMaturityScore[],
  consensus: IConsensus[]
): { problems: TransitionProblem[]; missing: IScoringUnit[] } {
  if (round.status === 'afgesloten') return { problems: ['closed'], missing: [] };
  if (backStatus(round.status) === to) {
    return { problems: consensus.some((c) => c.roundId === round.id) ? ['consensusExists'] : [], missing: [] };
  }
  if (nextStatus(round.status) !== to) return { problems: ['notNext'], missing: [] };
  const problems: TransitionProblem[] = [];
  let missing: IScoringUnit[] = [];
  const keys = unitKeys(units);
  if (to === 'scoren') {
    if (round.themeIds.length === 0) problems.push('noThemes');
    else if (units.length === 0) problems.push('noUnits');
    if (round.raters.length === 0) problems.push('noRaters');
  }
  if (to === 'consensus') {
    if (round.raters.length === 0) problems.push('noRaters');
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

/** What a phase change is about, for the confirmation: "3 van 15 scores ingediend". */
export interface ITransitionSummary {
  raters: number;
  units: number;
  /** Scores of the round's raters for its units (as far as this reader sees them). */
  submitted: number;
  /** Raters × units. */
  expected: number;
  /** Raters who scored every unit. */
  finished: number;
  /** Consensus scores recorded. */
  consensus: number;
}

export function transitionSummary(round: IMaturityRound, units: IScoringUnit[], scores: IMaturityScore[], consensus: IConsensus[]): ITransitionSummary {
  const keys = unitKeys(units);
  const raterIds: Record<number, true> = {};
  for (const r of round.raters) raterIds[r.id] = true;
  const seen: Record<string, true> = {};
  const perRater: Record<number, number> = {};
  for (const s of scores) {
    const k = `${s.raterId}|${scoreKey(s)}`;
    if (s.roundId !== round.id || !raterIds[s.raterId] || !keys[scoreKey(s)] || seen[k]) continue;
    seen[k] = true;
    perRater[s.raterId] = (perRater[s.raterId] || 0) + 1;
  }
  const submitted = Object.keys(seen).length;
  const finished = round.raters.filter((r) => units.length > 0 && perRater[r.id] === units.length).length;
  const recorded = consensus.filter((c) => c.roundId === round.id && keys[scoreKey(c)] && typeof c.score === 'number').length;
  return { raters: round.raters.length, units: units.length, submitted, expected: round.raters.length * units.length, finished, consensus: recorded };
}
