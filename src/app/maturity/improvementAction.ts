/** Use case: the facilitator turns a consensus into an improvement action in Acties. */
import { IMaturityRepository, MaturityError } from '../../data/IMaturityRepository';
import {
  byPriority, checkBundle, IActionBundle, IConsensus, IMaturityData, IMaturityRound, IMaturityTheme, IScoringUnit, scoreKey, unitsOfRound
} from '../../model/maturity';
import { listFormUrl } from '../../model/links';
import { ILookupRef } from '../../model/references';

export interface ICreatedAction {
  consensus: IConsensus;
  action: ILookupRef;
  /** The action's display form, to open it. */
  url: string;
}

/** The domain an action from this theme defaults to: the theme's, else the first one. */
export function defaultDomain(theme: IMaturityTheme | undefined, domains: ILookupRef[]): number | undefined {
  if (theme && theme.domainId !== undefined && domains.some((d) => d.id === theme.domainId)) return theme.domainId;
  return domains.length ? domains[0].id : undefined;
}

/** The link to an action in Acties. */
export function actionUrl(siteUrl: string, actionId: number): string {
  return listFormUrl(siteUrl, 'actions', 'DispForm', actionId);
}

/** Creates the action (planned, in the round's year and the domain) and links it from the consensus. */
export async function createImprovementAction(
  repository: IMaturityRepository,
  input: { round: IMaturityRound; unit: IScoringUnit; consensus: IConsensus | undefined; title: string; domainId: number | undefined }
): Promise<ICreatedAction> {
  const title = input.title.trim();
  if (!input.consensus || typeof input.consensus.score !== 'number') throw new MaturityError('noConsensus', 'Leg eerst de consensusscore vast.');
  if (!title || input.domainId === undefined) throw new MaturityError('actionInput', 'Geef een titel en een domein.');
  const before: Record<number, true> = {};
  for (const a of input.consensus.actions) before[a.id] = true;
  const consensus = await repository.createImprovementAction(input.round, input.unit, input.consensus, title, input.domainId);
  const action = consensus.actions.filter((a) => !before[a.id])[0] || { id: 0, title };
  return { consensus, action, url: actionUrl(repository.siteUrl, action.id) };
}

export interface IBundleOutcome {
  bundle: IActionBundle;
  /** The consensus items now linking the new action. */
  linked?: IConsensus[];
  error?: unknown;
}

/**
 * Creates one action per bundle (highest priority first), each linked from the consensus of its objectives. A bundle
 * that fails the checks (e.g. an objective of another round) is refused before anything is written; the others go on.
 */
export async function createBundledActions(repository: IMaturityRepository, round: IMaturityRound, data: Pick<IMaturityData, 'themes' | 'objectives' | 'consensus'>, bundles: IActionBundle[]): Promise<IBundleOutcome[]> {
  const units = unitsOfRound(round, data.themes, data.objectives);
  const out: IBundleOutcome[] = [];
  for (const bundle of byPriority(bundles)) {
    const problems = checkBundle(round, bundle, units, data.consensus);
    if (problems.length) {
      out.push({ bundle, error: new MaturityError(problems[0] === 'otherRound' ? 'otherRound' : 'actionInput', problems.join(', ')) });
      continue;
    }
    const chosen = units.filter((u) => bundle.unitKeys.indexOf(u.key) >= 0);
    const consensus = chosen.map((u) => data.consensus.filter((c) => c.roundId === round.id && scoreKey(c) === u.key)[0]);
    try {
      const linked = await repository.createBundledAction(round, {
        title: bundle.title.trim(),
        units: chosen,
        consensus,
        domainId: bundle.domainId as number,
        priority: bundle.priority,
        ownerId: bundle.ownerId,
        deadline: bundle.deadline
      });
      out.push({ bundle, linked });
    } catch (error) {
      out.push({ bundle, error });
    }
  }
  return out;
}
