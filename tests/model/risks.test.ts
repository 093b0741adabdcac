import {
  anyScored, appetiteFor, band, DEFAULT_LIKELIHOOD_LABELS, hasMarks, heatMap, heatMaps, inherentScore, residualScore, riskMarks, riskScale, treatingActions
} from '../../src/model/risks';
import { settingsFromRows } from '../../src/model/settings';
import { IAction, IDomainReport, IRisk } from '../../src/model/types';

const risk = (id: number, extra: Partial<IRisk> = {}): IRisk => ({ id, title: `Risico ${id}`, priority: 'Hoog', status: 'Open', domainId: 1, ...extra });
const action = (id: number, riskIds: number[], status: IAction['status'] = 'Gepland'): IAction => ({
  id, title: `Actie ${id}`, subItems: [], status, domainIds: [1], risks: riskIds.map((r) => ({ id: r, title: '' }))
});
const scale = riskScale(undefined);

describe('risk settings (Instellingen)', () => {
  it('reads the labels, the site appetite and a domain appetite; a bad number is left out', () => {
    const s = settingsFromRows([
      { Title: 'Kansniveaus', Waarde: 'Zelden; Soms; Vaak' },
      { Title: 'Impactniveaus', Waarde: 'Klein;Middel;Groot' },
      { Title: 'Risicobereidheid', Waarde: '4' },
      { Title: 'Risicobereidheid: Betrouwbare informatie', Waarde: '2' },
      { Title: 'Risicobereidheid: Bescherming activa', Waarde: 'veel' }
    ]);
    expect(s.risk).toEqual({
      likelihoodLabels: ['Zelden', 'Soms', 'Vaak'],
      impactLabels: ['Klein', 'Middel', 'Groot'],
      appetite: 4,
      appetiteByDomain: { 'betrouwbare informatie': 2 }
    });
    expect(riskScale(s.risk).levels).toBe(3);
    expect(appetiteFor(s.risk, 'Betrouwbare informatie')).toBe(2);
    expect(appetiteFor(s.risk, 'Organisatiecultuur')).toBe(4);
  });

  it('has no risk settings without those rows, and the default 1-5 scale with Dutch labels', () => {
    expect(settingsFromRows([{ Title: 'Rapportjaar', Waarde: '2022' }]).risk).toBeUndefined();
    expect(scale.levels).toBe(5);
    expect(scale.likelihoodLabels).toEqual(DEFAULT_LIKELIHOOD_LABELS);
  });

  it('falls back to the default scale when the likelihood and impact labels disagree in number', () => {
    expect(riskScale({ likelihoodLabels: ['a', 'b', 'c'], impactLabels: ['a', 'b'] }).levels).toBe(5);
  });
});

describe('scores', () => {
  it('multiplies likelihood by impact on the scale, and leaves an unscored risk unscored (never derived from "Hoog")', () => {
    expect(inherentScore(risk(1, { likelihood: 4, impact: 5 }), scale)).toBe(20);
    expect(residualScore(risk(1, { likelihood: 4, impact: 5, residualLikelihood: 2, residualImpact: 3 }), scale)).toBe(6);
    expect(inherentScore(risk(2), scale)).toBeUndefined();
    expect(inherentScore(risk(3, { likelihood: 7, impact: 2 }), scale)).toBeUndefined();
    expect(anyScored([risk(2), risk(3)], scale)).toBe(false);
    expect(anyScored([risk(2), risk(4, { residualLikelihood: 1, residualImpact: 1 })], scale)).toBe(true);
  });
});

describe('marks', () => {
  it('marks a likelihood outside the site scale, an incomplete score and a residual above the inherent one', () => {
    expect(riskMarks(risk(1, { likelihood: 6, impact: 2 }), [], scale, undefined).outOfScale).toBe(true);
    expect(riskMarks(risk(1, { likelihood: 3 }), [], scale, undefined).incomplete).toBe(true);
    const m = riskMarks(risk(1, { likelihood: 2, impact: 2, residualLikelihood: 3, residualImpact: 3 }), [], scale, undefined);
    expect(m.residualAboveInherent).toBe(true);
    expect(hasMarks(riskMarks(risk(2), [], scale, 10))).toBe(false);
  });

  it('marks an accepted risk without a reason or without who accepted it', () => {
    expect(riskMarks(risk(1, { treatment: 'aanvaarden' }), [], scale, undefined).acceptedWithoutReason).toBe(true);
    expect(riskMarks(risk(1, { treatment: 'aanvaarden', acceptanceReason: 'Kost te hoog', acceptedBy: { id: 1, title: 'Ann' } }), [], scale, undefined).acceptedWithoutReason).toBe(false);
  });

  it('marks a risk above the appetite that no (uncancelled) action treats; accepted or closed risks are not', () => {
    const high = risk(1, { likelihood: 4, impact: 4 });
    expect(riskMarks(high, [], scale, 12).aboveAppetiteUntreated).toBe(true);
    expect(riskMarks(high, [action(9, [1], 'Geschrapt')], scale, 12).aboveAppetiteUntreated).toBe(true);
    expect(riskMarks(high, [action(9, [1], 'Lopend')], scale, 12).aboveAppetiteUntreated).toBe(false);
    expect(riskMarks(high, [], scale, 16).aboveAppetiteUntreated).toBe(false);
    expect(riskMarks(high, [], scale, undefined).aboveAppetiteUntreated).toBe(false);
    expect(riskMarks({ ...high, treatment: 'aanvaarden' }, [], scale, 12).aboveAppetiteUntreated).toBe(false);
    // The residual score, once assessed, is the exposure.
    expect(riskMarks({ ...high, residualLikelihood: 2, residualImpact: 2 }, [], scale, 12).aboveAppetiteUntreated).toBe(false);
  });

  it('finds the actions that treat a risk through their Risico\'s lookup', () => {
    expect(treatingActions(risk(1), [action(1, [1, 2]), action(2, [2]), action(3, [1], 'Gerealiseerd')]).map((a) => a.id)).toEqual([1, 3]);
  });
});

describe('heat map', () => {
  it('places each scored risk once in its cell (likelihood rows high first), lists the rest as unscored', () => {
    const a = risk(1, { likelihood: 5, impact: 1 });
    const b = risk(2, { likelihood: 1, impact: 5, residualLikelihood: 1, residualImpact: 2 });
    const map = heatMap([a, b, a, risk(3), risk(4, { likelihood: 9, impact: 1 })], 'inherent', scale, 4);
    expect(map.rows[0][0]).toMatchObject({ likelihood: 5, impact: 1, score: 5, band: 'above', risks: [a] });
    expect(map.rows[4][4]).toMatchObject({ likelihood: 1, impact: 5, band: 'above', risks: [b] });
    expect(map.rows[4][0]).toMatchObject({ score: 1, band: 'within', risks: [] });
    expect(map.scoredCount).toBe(2);
    expect(map.unscored.map((r) => r.id)).toEqual([3, 4]);
    const residual = heatMap([a, b], 'residual', scale);
    expect(residual.rows[4][1].risks).toEqual([b]);
    expect(residual.unscored).toEqual([a]);
  });

  it('bands by thirds of the highest score without an appetite', () => {
    expect([band(25, scale, undefined), band(10, scale, undefined), band(4, scale, undefined)]).toEqual(['high', 'medium', 'low']);
  });

  it('has a map per domain with its own appetite and an overall one with the site\'s', () => {
    const d = (id: number, title: string, risks: IRisk[]): IDomainReport => ({
      domain: { id, title, order: id, criteria: [], active: true }, risks, realisationsNew: [], realisationsOlder: [], planningNew: [], planningOlder: []
    });
    const maps = heatMaps([d(1, 'A', [risk(1, { likelihood: 2, impact: 2 })]), d(2, 'B', [risk(2, { domainId: 2, likelihood: 2, impact: 2 })])], {
      appetite: 6,
      appetiteByDomain: { b: 3 }
    });
    expect(maps.overall.inherent.scoredCount).toBe(2);
    expect(maps.overall.inherent.rows[3][1].band).toBe('within');
    expect(maps.domains[1].inherent.rows[3][1].band).toBe('above');
    expect(maps.domains[0].inherent.appetite).toBe(6);
  });
});
