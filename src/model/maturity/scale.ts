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

/**
 * Audit Vlaanderen's maturity levels (its assessment scale, https://auditvlaanderen.be/benchmark-van-de-maturiteitsniveaus),
 * by level number: offered when a round names none of its levels ("Niveaus").
 */
export const LEIDRAAD_LEVEL_LABELS: Record<number, string> = {
  0: 'Onbestaand',
  1: 'Ad-hocbasis',
  2: 'Gestructureerde aanzet',
  3: 'Gedefinieerd',
  4: 'Beheerst',
  5: 'Geoptimaliseerd'
};

/** Whether the round names its levels itself (else the leidraad's labels are used). */
export function hasOwnLevelLabels(round: Pick<IMaturityRound, 'levelLabels'>): boolean {
  return round.levelLabels.some((l) => !!l && !!l.trim());
}

/** The label of a level: the round's setting, else (a round that names none) the leidraad's label of that number. */
export function levelLabel(round: Pick<IMaturityRound, 'scaleMin' | 'levelLabels'>, level: number): string | undefined {
  if (!hasOwnLevelLabels(round)) return LEIDRAAD_LEVEL_LABELS[level];
  const l = round.levelLabels[level - round.scaleMin];
  return l && l.trim() ? l.trim() : undefined;
}
