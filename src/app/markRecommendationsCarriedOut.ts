import { IActionWriter, IMarkResult } from '../data/IOrgRepository';
import { IRecommendation } from '../model/types';

/**
 * After a realisation: the recommendations it answers -> Uitgevoerd, each on its own ETag. A failure of
 * the whole call counts every recommendation as failed, so the caller always has one answer to show.
 */
export async function markRecommendationsCarriedOut(writer: IActionWriter, recommendations: IRecommendation[]): Promise<IMarkResult> {
  try {
    return await writer.markRecommendationsCarriedOut(recommendations);
  } catch {
    return { updated: [], conflicts: [], failed: recommendations.slice() };
  }
}
