/**
 * Risk assessment (pure): likelihood × impact on the site's scale, inherent and residual, the risk
 * appetite, the marks for bad or missing input and the heat map. Risks without scores (the 2022
 * report's) stay unscored: nothing here invents a score from the priority "Hoog".
 */
import { IAction, IDomainReport, IRisk, IRiskSettings, RiskTreatment } from './types';

export type { IRiskSettings } from './types';

/** Default Dutch labels of a 1-5 scale, low to high. */
export const DEFAULT_LIKELIHOOD_LABELS: string[] = ['Zeer onwaarschijnlijk', 'Onwaarschijnlijk', 'Mogelijk', 'Waarschijnlijk', 'Zeer waarschijnlijk'];
export const DEFAULT_IMPACT_LABELS: string[] = ['Zeer beperkt', 'Beperkt', 'Matig', 'Groot', 'Zeer groot'];
export const RISK_TREATMENT_VALUES: RiskTreatment[] = ['verminderen', 'aanvaarden', 'overdragen', 'vermijden'];

export interface IRiskScale {
  /** Number of levels: scores run 1..levels on both axes. */
  levels: number;
  likelihoodLabels: string[];
  impactLabels: string[];
}

/** The scale of the site: as many levels as labels (likelihood and impact must agree, else the default). */
export function riskScale(settings: IRiskSettings | undefined): IRiskScale {
  const l = settings && settings.likelihoodLabels;
  const i = settings && settings.impactLabels;
  if (l && i && l.length === i.length && l.length >= 2) return { levels: l.length, likelihoodLabels: l, impactLabels: i };
  if (l && !i && l.length === 5) return { levels: 5, likelihoodLabels: l, impactLabels: DEFAULT_IMPACT_LABELS };
  if (i && !l && i.length === 5) return { levels: 5, likelihoodLabels: DEFAULT_LIKELIHOOD_LABELS, impactLabels: i };
  return { levels: 5, likelihoodLabels: DEFAULT_LIKELIHOOD_LABELS, impactLabels: DEFAULT_IMPACT_LABELS };
}

function onScale(v: number | undefined, scale: IRiskScale): boolean {
  return v !== undefined && Math.round(v) === v && v >= 1 && v <= scale.levels;
}

/** Likelihood × impact when both are on the scale, else undefined (unscored or out of scale). */
export function score(likelihood: number | undefined, impact: number | undefined, scale: IRiskScale): number | undefined {
  return onScale(likelihood, scale) && onScale(impact, scale) ? (likelihood as number) * (impact as number) : undefined;
}

export function inherentScore(r: IRisk, scale: IRiskScale): number | undefined {
  return score(r.likelihood, r.impact, scale);
}

export function residualScore(r: IRisk, scale: IRiskScale): number | undefined {
  return score(r.residualLikelihood, r.residualImpact, scale);
}

/** Does the risk carry any score at all (scored or not, on the scale or not)? */
export function isScored(r: IRisk): boolean {
  return r.likelihood !== undefined || r.impact !== undefined || r.residualLikelihood !== undefined || r.residualImpact !== undefined;
}

/** The appetite of a domain: its own when set, else the site's. */
export function appetiteFor(settings: IRiskSettings | undefined, domainTitle: string | undefined): number | undefined {
  if (!settings) return undefined;
  const own = domainTitle && settings.appetiteByDomain ? settings.appetiteByDomain[domainTitle.trim().toLowerCase()] : undefined;
  return own !== undefined ? own : settings.appetite;
}

/** The actions that treat the risk (their Risico's lookup names it), cancelled ones included: the panel shows their state. */
export function treatingActions(risk: IRisk, actions: IAction[]): IAction[] {
  return actions.filter((a) => a.risks.some((x) => x.id === risk.id));
}

/** What is wrong with a risk's assessment; every mark is also shown as text. */
export interface IRiskMarks {
  /** A likelihood or impact outside the site's scale (SharePoint's columns allow 1-10; the site may use fewer levels). */
  outOfScale: boolean;
  /** Only one of likelihood and impact (inherent or residual) is filled in. */
  incomplete: boolean;
  /** Residual score above the inherent one: allowed, but marked. */
  residualAboveInherent: boolean;
  /** Treatment "aanvaarden" without a reason or without who accepted it. */
  acceptedWithoutReason: boolean;
  /** Score above the appetite, not accepted, and no action (other than cancelled) treats it. */
  aboveAppetiteUntreated: boolean;
}

function outOf(v: number | undefined, scale: IRiskScale): boolean {
  return v !== undefined && !onScale(v, scale);
}

export function riskMarks(risk: IRisk, actions: IAction[], scale: IRiskScale, appetite: number | undefined): IRiskMarks {
  const r = risk;
  const inherent = inherentScore(r, scale);
  const residual = residualScore(r, scale);
  const one = (a: number | undefined, b: number | undefined): boolean => (a === undefined) !== (b === undefined);
  // The current exposure: after the measures when assessed, else before.
  const exposure = residual !== undefined ? residual : inherent;
  const treated = treatingActions(r, actions).some((a) => a.status !== 'Geschrapt');
  return {
    outOfScale: [r.likelihood, r.impact, r.residualLikelihood, r.residualImpact].some((v) => outOf(v, scale)),
    incomplete: one(r.likelihood, r.impact) || one(r.residualLikelihood, r.residualImpact),
    residualAboveInherent: inherent !== undefined && residual !== undefined && residual > inherent,
    acceptedWithoutReason: r.treatment === 'aanvaarden' && (!r.acceptanceReason || !r.acceptanceReason.trim() || !r.acceptedBy),
    aboveAppetiteUntreated:
      appetite !== undefined && exposure !== undefined && exposure > appetite && r.treatment !== 'aanvaarden' && r.status !== 'Afgesloten' && !treated
  };
}

export function hasMarks(m: IRiskMarks): boolean {
  return m.outOfScale || m.incomplete || m.residualAboveInherent || m.acceptedWithoutReason || m.aboveAppetiteUntreated;
}

export type HeatKind = 'inherent' | 'residual';
/** A cell's band: above the appetite, or (without one) the upper, middle or lower third of the scores. */
export type HeatBand = 'above' | 'within' | 'high' | 'medium' | 'low';

export interface IHeatCell {
  likelihood: number;
  impact: number;
  score: number;
  band: HeatBand;
  risks: IRisk[];
}

export interface IHeatMap {
  kind: HeatKind;
  scale: IRiskScale;
  appetite?: number;
  /** Rows from the highest likelihood down; columns from the lowest impact up (the usual picture). */
  rows: IHeatCell[][];
  /** Risks with no (or an incomplete or out-of-scale) score of this kind: listed, never placed. */
  unscored: IRisk[];
  scoredCount: number;
}

export function band(scoreValue: number, scale: IRiskScale, appetite: number | undefined): HeatBand {
  if (appetite !== undefined) return scoreValue > appetite ? 'above' : 'within';
  const share = scoreValue / (scale.levels * scale.levels);
  return share >= 0.6 ? 'high' : share >= 0.3 ? 'medium' : 'low';
}

/** The matrix of `risks` (each once), inherent or residual. */
export function heatMap(risks: IRisk[], kind: HeatKind, scale: IRiskScale, appetite?: number): IHeatMap {
  const rows: IHeatCell[][] = [];
  for (let l = scale.levels; l >= 1; l--) {
    const row: IHeatCell[] = [];
    for (let i = 1; i <= scale.levels; i++) row.push({ likelihood: l, impact: i, score: l * i, band: band(l * i, scale, appetite), risks: [] });
    rows.push(row);
  }
  const unscored: IRisk[] = [];
  let scoredCount = 0;
  const seen: Record<number, true> = {};
  for (const r of risks) {
    if (seen[r.id]) continue;
    seen[r.id] = true;
    const l = kind === 'inherent' ? r.likelihood : r.residualLikelihood;
    const i = kind === 'inherent' ? r.impact : r.residualImpact;
    if (score(l, i, scale) === undefined) {
      unscored.push(r);
      continue;
    }
    rows[scale.levels - (l as number)][(i as number) - 1].risks.push(r);
    scoredCount++;
  }
  return { kind, scale, appetite, rows, unscored, scoredCount };
}

/** Heat maps per domain (the domain's appetite) and overall (the site's), of the risks shown. */
export interface IRiskHeatMaps {
  overall: { inherent: IHeatMap; residual: IHeatMap };
  domains: Array<{ domainId: number; title: string; inherent: IHeatMap; residual: IHeatMap }>;
}

export function heatMaps(domains: IDomainReport[], settings: IRiskSettings | undefined): IRiskHeatMaps {
  const scale = riskScale(settings);
  const all = ([] as IRisk[]).concat(...domains.map((d) => d.risks));
  const overallAppetite = settings ? settings.appetite : undefined;
  return {
    overall: { inherent: heatMap(all, 'inherent', scale, overallAppetite), residual: heatMap(all, 'residual', scale, overallAppetite) },
    domains: domains.map((d) => {
      const appetite = appetiteFor(settings, d.domain.title);
      return { domainId: d.domain.id, title: d.domain.title, inherent: heatMap(d.risks, 'inherent', scale, appetite), residual: heatMap(d.risks, 'residual', scale, appetite) };
    })
  };
}

/** Whether any of the risks has a score on the scale (the report adds its heat map only then). */
export function anyScored(risks: IRisk[], scale: IRiskScale): boolean {
  return risks.some((r) => inherentScore(r, scale) !== undefined || residualScore(r, scale) !== undefined);
}

/** "3 × 4 = 12" or undefined. */
export function scoreText(l: number | undefined, i: number | undefined, scale: IRiskScale): string | undefined {
  const s = score(l, i, scale);
  return s === undefined ? undefined : `${l} × ${i} = ${s}`;
}
