/** Use case: the facilitator records the consensus score of a unit. */
import { IMaturityRepository, MaturityError } from '../../data/IMaturityRepository';
import { checkScore, IConsensus, IMaturityRound, IScoringUnit, ROUND_STAGES } from '../../model/maturity';

/**
 * Records (or updates, on its ETag) the consensus of a unit. Refused without a request when no level is chosen, the
 * level is off the scale, or the round is not in consensus as shown; the repository checks the stored round again.
 */
export async function recordConsensus(
  repository: IMaturityRepository,
  input: { round: IMaturityRound; unit: IScoringUnit; score: number | undefined; comment: string; existing?: IConsensus }
): Promise<IConsensus> {
  const { round } = input;
  if (input.score === undefined || checkScore(input.score, round)) throw new MaturityError('outOfScale', 'Kies een niveau op de schaal.');
  if (ROUND_STAGES[round.status].frozen) throw new MaturityError('frozen', 'De ronde is afgesloten.');
  if (!ROUND_STAGES[round.status].consensusOpen) throw new MaturityError('notConsensus', 'De ronde is niet in de fase consensus.');
  return repository.saveConsensus({ round, unit: input.unit, score: input.score, comment: input.comment.trim() || undefined, existing: input.existing });
}
