import * as strings from 'DomainCardsWebPartStrings';
import { format } from '../../../components/format';
import { IRiskMarks, IRiskScale, score } from '../../../model/risks';
import { RiskTreatment } from '../../../model/types';

/** The words of the risk assessment on the cards, the panel and the Excel export (loc strings). */

const TREATMENTS: Record<RiskTreatment, string> = {
  verminderen: strings.TreatmentVerminderen,
  aanvaarden: strings.TreatmentAanvaarden,
  overdragen: strings.TreatmentOverdragen,
  vermijden: strings.TreatmentVermijden
};

export function treatmentLabel(t: RiskTreatment | undefined): string | undefined {
  return t ? TREATMENTS[t] : undefined;
}

/** "kans 3 (Mogelijk) × impact 4 (Groot) = 12", or "niet gescoord". */
export function scoreLine(l: number | undefined, i: number | undefined, scale: IRiskScale): string {
  const s = score(l, i, scale);
  if (s === undefined) return strings.RiskNotScored;
  return format(strings.RiskScoreText, l as number, scale.likelihoodLabels[(l as number) - 1], i as number, scale.impactLabels[(i as number) - 1], s);
}

/** Every mark as a sentence (the marks are never colour only). */
export function markTexts(m: IRiskMarks, scale: IRiskScale, appetite: number | undefined): string[] {
  const out: string[] = [];
  if (m.outOfScale) out.push(format(strings.MarkOutOfScale, scale.levels));
  if (m.incomplete) out.push(strings.MarkIncomplete);
  if (m.residualAboveInherent) out.push(strings.MarkResidualAbove);
  if (m.acceptedWithoutReason) out.push(strings.MarkAcceptedNoReason);
  if (m.aboveAppetiteUntreated) out.push(format(strings.MarkUntreated, appetite === undefined ? '' : appetite));
  return out;
}
