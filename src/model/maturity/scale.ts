/** The round's scale: validation of a score, its levels and their labels. */
import { IMaturityRound } from './types';

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
