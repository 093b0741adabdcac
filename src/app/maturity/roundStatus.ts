/** Use case: a round changes stage (facilitator only), with the raters' write access following the stage. */
import { IMaturityRepository, IMaturityScreen } from '../../data/IMaturityRepository';
import { checkTransition, IMaturityData, IMaturityRound, IScoringUnit, ROUND_STAGES, RoundStatus, TransitionProblem, unitsOfRound } from '../../model/maturity';

export type StatusChange =
  /** Not allowed (nothing written): the problems, and for closing the units without consensus. */
  | { kind: 'blocked'; problems: TransitionProblem[]; missing: IScoringUnit[] }
  /** Changed, and the round read again in its new stage (from consensus on with everyone's values). */
  | { kind: 'changed'; round: IMaturityRound; screen: IMaturityScreen }
  /** Changed, but reading it again failed: the caller shows the error and retries the read. */
  | { kind: 'changedUnread'; round: IMaturityRound; error: Error };

/**
 * Writes the status and, when the round enters or leaves "scoren", gives or takes the raters' Contribute on
 * MaturiteitScores. Throws MaturityError (code 'raterAccess' when the status did change but the access did not).
 */
export async function moveRound(repository: IMaturityRepository, round: IMaturityRound, to: RoundStatus): Promise<IMaturityRound> {
  const from = round.status;
  const updated = await repository.setRoundStatus(round, to);
  if (ROUND_STAGES[from].scoringOpen || ROUND_STAGES[to].scoringOpen) await repository.syncRaterAccess(updated);
  return updated;
}

/** Checks the change against what is on screen, moves the round and reads it again. */
export async function changeRoundStatus(repository: IMaturityRepository, data: IMaturityData, round: IMaturityRound, to: RoundStatus): Promise<StatusChange> {
  const units = unitsOfRound(round, data.themes, data.objectives);
  const check = checkTransition(round, to, units, data.scores, data.consensus);
  if (check.problems.length) return { kind: 'blocked', problems: check.problems, missing: check.missing };
  const updated = await moveRound(repository, round, to);
  try {
    return { kind: 'changed', round: updated, screen: await repository.load(updated.id) };
  } catch (e) {
    return { kind: 'changedUnread', round: updated, error: e as Error };
  }
}
