/** Use case: a rater saves all their changed scores at once ("Bewaren"). */
import { IMaturityRepository } from '../../data/IMaturityRepository';
import { IMaturityRound, IMaturityScore, IScoringUnit } from '../../model/maturity';

/** What the rater has on screen for a unit. */
export interface IScoreDraft {
  unit: IScoringUnit;
  score?: number;
  comment: string;
  /** The stored score, if any (updated on its ETag). */
  stored?: IMaturityScore;
}

export interface ISaveScoresResult {
  saved: IMaturityScore[];
  failed: { unit: IScoringUnit; error: unknown }[];
}

/** A draft differs from what is stored (a unit without a chosen level is not saved). */
export function isChanged(d: IScoreDraft): boolean {
  const storedComment = (d.stored && d.stored.comment) || '';
  return d.score !== undefined && (!d.stored || d.stored.score !== d.score || storedComment !== d.comment.trim());
}

/** Unsaved input: a changed level or comment. */
export function isDirty(d: IScoreDraft): boolean {
  return d.score !== (d.stored ? d.stored.score : undefined) || d.comment !== ((d.stored && d.stored.comment) || '');
}

/**
 * Saves every changed draft, one after the other (each on its own ETag: one conflict does not stop the others).
 */
export async function saveScores(repository: IMaturityRepository, round: IMaturityRound, drafts: IScoreDraft[]): Promise<ISaveScoresResult> {
  const result: ISaveScoresResult = { saved: [], failed: [] };
  for (const d of drafts.filter(isChanged)) {
    const score = d.score as number;
    try {
      result.saved.push(await repository.saveScore({ round, unit: d.unit, score, comment: d.comment.trim() || undefined, existing: d.stored }));
    } catch (error) {
      result.failed.push({ unit: d.unit, error });
    }
  }
  return result;
}
