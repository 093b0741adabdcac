/** Which items count: what SharePoint cannot refuse, the app ignores and shows the facilitator. */
import { IConsensus, IMaturityBreach, IMaturityRound, IMaturityScore, IScoringUnit } from './types';
import { scoreKey } from './units';

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
