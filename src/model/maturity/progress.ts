/** Who sees which scores, who has finished, and who may do what in a round. */
import { IMaturityRound, IMaturityScore, IScoringUnit } from './types';
import { IPerson } from '../references';
import { RoundStatus, ROUND_STAGES } from './status';
import { scoreKey } from './units';

/**
 * While a round is being prepared or scored, a rater sees only their own scores (no
 * anchoring on others); from consensus on, everyone sees all scores of the round.
 */
export function othersVisible(status: RoundStatus): boolean {
  return ROUND_STAGES[status].othersVisible;
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
