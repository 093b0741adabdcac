import * as strings from 'MaturityWebPartStrings';
import { format } from '../../../components/format';
import { MaturityError } from '../../../data/IMaturityRepository';
import { IMaturityRound, levelLabel, RoundStatus, TransitionProblem, IScoringUnit } from '../../../model/maturity';

type S = Record<string, string>;

export function statusText(status: RoundStatus): string {
  return (strings as unknown as S)[`Status_${status}`] || status;
}

/** The message for a failed write: the repository's reason, else a generic one. */
export function errorText(e: unknown, round: IMaturityRound): string {
  if (e instanceof MaturityError || (e && (e as { name?: string }).name === 'MaturityError')) {
    const code = (e as MaturityError).code;
    const t = (strings as unknown as S)[`Error_${code}`];
    if (t) return format(t, round.scaleMin, round.scaleMax);
  }
  return strings.Error_other;
}

export function problemText(problem: TransitionProblem, missing: IScoringUnit[]): string {
  const t = (strings as unknown as S)[`Problem_${problem}`] || strings.Error_transition;
  return format(t, missing.map((u) => u.code).join(', '));
}

export function unitName(unit: IScoringUnit): string {
  return `${unit.code} ${unit.text}`;
}

/** "3 – label" when the round names its levels, else "3". */
export function levelText(round: IMaturityRound, level: number): string {
  const label = levelLabel(round, level);
  return label ? `${level} – ${label}` : String(level);
}
