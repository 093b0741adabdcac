/**
 * The leidraad in the product: target levels per theme or objective, improvement proposals from the consensus (below
 * target, or a large spread), and bundles of objectives turned into one action.
 */
import { DISCUSS_SPREAD, IConsensus, IMaturityObjective, IMaturityRound, IMaturityTheme, IScoringUnit } from './types';
import { IUnitScores } from './consensus';
import { average } from './stats';
import { scoreKey } from './units';

/** A unit's target: the objective's own, else its theme's. */
export function unitTarget(unit: IScoringUnit, themes: IMaturityTheme[], objectives: IMaturityObjective[]): number | undefined {
  const o = unit.objectiveId !== undefined ? objectives.filter((x) => x.id === unit.objectiveId)[0] : undefined;
  if (o && o.targetLevel !== undefined) return o.targetLevel;
  const t = themes.filter((x) => x.id === unit.themeId)[0];
  return t ? t.targetLevel : undefined;
}

/** A theme's target for the results: its own, else the average of its objectives' targets. */
export function themeTarget(theme: IMaturityTheme, objectives: IMaturityObjective[]): number | undefined {
  if (theme.targetLevel !== undefined) return theme.targetLevel;
  return average(objectives.filter((o) => o.themeId === theme.id && o.targetLevel !== undefined).map((o) => o.targetLevel as number));
}

export type ProposalReason = 'belowTarget' | 'spread';

export interface IProposal {
  unit: IScoringUnit;
  reasons: ProposalReason[];
  consensus?: IConsensus;
  target?: number;
  spread?: number;
}

/** Units worth an improvement action: a consensus below the target, or raters far apart (spread of DISCUSS_SPREAD or more). */
export function improvementProposals(rows: IUnitScores[], themes: IMaturityTheme[], objectives: IMaturityObjective[]): IProposal[] {
  const out: IProposal[] = [];
  for (const r of rows) {
    const target = unitTarget(r.unit, themes, objectives);
    const score = r.consensus ? r.consensus.score : undefined;
    const reasons: ProposalReason[] = [];
    if (target !== undefined && typeof score === 'number' && score < target) reasons.push('belowTarget');
    if (r.spread !== undefined && r.spread >= DISCUSS_SPREAD) reasons.push('spread');
    if (reasons.length) out.push({ unit: r.unit, reasons, consensus: r.consensus, target, spread: r.spread });
  }
  return out;
}

export type ActionPriority = 'hoog' | 'middel' | 'laag';
export const ACTION_PRIORITIES: ActionPriority[] = ['hoog', 'middel', 'laag'];

/** Several objectives → one improvement action, prioritised, with an owner and a deadline. */
export interface IActionBundle {
  title: string;
  /** Keys of the round's units (see unitKey). */
  unitKeys: string[];
  domainId?: number;
  priority: ActionPriority;
  ownerId?: number;
  /** yyyy-mm-dd. */
  deadline?: string;
}

export type BundleProblem = 'noTitle' | 'noUnits' | 'otherRound' | 'noConsensus' | 'noDomain' | 'badDeadline';

/**
 * What is wrong with a bundle: every unit must be one of this round's (an objective of another round is refused) and
 * have a consensus item to link the action from.
 */
export function checkBundle(round: IMaturityRound, bundle: IActionBundle, units: IScoringUnit[], consensus: IConsensus[]): BundleProblem[] {
  const problems: BundleProblem[] = [];
  if (!bundle.title.trim()) problems.push('noTitle');
  if (!bundle.unitKeys.length) problems.push('noUnits');
  const own: Record<string, IScoringUnit> = {};
  for (const u of units) own[u.key] = u;
  if (bundle.unitKeys.some((k) => !own[k])) problems.push('otherRound');
  else if (bundle.unitKeys.some((k) => !consensus.some((c) => c.roundId === round.id && scoreKey(c) === k))) problems.push('noConsensus');
  if (bundle.domainId === undefined) problems.push('noDomain');
  if (bundle.deadline !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(bundle.deadline)) problems.push('badDeadline');
  return problems;
}

/** Bundles in the order to create them: priority first, then as given. */
export function byPriority(bundles: IActionBundle[]): IActionBundle[] {
  return bundles
    .map((b, i) => ({ b, i }))
    .sort((x, y) => ACTION_PRIORITIES.indexOf(x.b.priority) - ACTION_PRIORITIES.indexOf(y.b.priority) || x.i - y.i)
    .map((x) => x.b);
}
