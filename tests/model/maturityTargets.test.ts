import {
  byPriority, checkBundle, consensusOverview, IActionBundle, IMaturityObjective, IMaturityRound, IMaturityTheme, improvementProposals, roundResults, themeTarget, unitsOfRound, unitTarget
} from '../../src/model/maturity';

const THEMES: IMaturityTheme[] = [
  { id: 1, number: 1, title: 'Doelstellingen', targetLevel: 3 },
  { id: 3, number: 3, title: 'Monitoring' }
];
const OBJECTIVES: IMaturityObjective[] = [
  { id: 31, themeId: 3, code: '3.1', text: 'een', targetLevel: 4 },
  { id: 32, themeId: 3, code: '3.2', text: 'twee', targetLevel: 2 }
];
const ROUND: IMaturityRound = { id: 2, title: 'R', year: 2023, themeIds: [1, 3], status: 'consensus', scaleMin: 1, scaleMax: 5, levelLabels: [], raters: [{ id: 7, title: 'A' }, { id: 8, title: 'B' }] };

describe('targets and improvement proposals', () => {
  it("takes an objective's own target, else its theme's; a theme's is its own or its objectives' average", () => {
    const units = unitsOfRound(ROUND, THEMES, OBJECTIVES);
    expect(units.map((u) => unitTarget(u, THEMES, OBJECTIVES))).toEqual([3, 4, 2]);
    expect(themeTarget(THEMES[0], OBJECTIVES)).toBe(3);
    expect(themeTarget(THEMES[1], OBJECTIVES)).toBe(3);
    expect(themeTarget({ id: 9, number: 9, title: 'x' }, OBJECTIVES)).toBeUndefined();
  });

  it('proposes objectives whose consensus is below target or whose raters were far apart', () => {
    const units = unitsOfRound(ROUND, THEMES, OBJECTIVES);
    const rows = consensusOverview(
      ROUND,
      units,
      [
        { id: 1, roundId: 2, themeId: 3, objectiveId: 32, raterId: 7, score: 1 },
        { id: 2, roundId: 2, themeId: 3, objectiveId: 32, raterId: 8, score: 4 }
      ],
      [
        { id: 10, roundId: 2, themeId: 1, score: 3, actions: [] },
        { id: 11, roundId: 2, themeId: 3, objectiveId: 31, score: 2, actions: [] },
        { id: 12, roundId: 2, themeId: 3, objectiveId: 32, score: 2, actions: [] }
      ]
    );
    const p = improvementProposals(rows, THEMES, OBJECTIVES);
    expect(p.map((x) => [x.unit.code, x.reasons])).toEqual([
      ['3.2', ['spread']],
      ['3.1', ['belowTarget']]
    ]);
    const results = roundResults(ROUND, { themes: THEMES, objectives: OBJECTIVES, rounds: [ROUND], consensus: rows.map((r) => r.consensus!).filter((c) => c) });
    expect(results.themes.map((t) => [t.average, t.target])).toEqual([[3, 3], [2, 3]]);
  });

  it('refuses a bundle with an objective of another round, without consensus, title or domain; orders by priority', () => {
    const units = unitsOfRound(ROUND, THEMES, OBJECTIVES);
    const consensus = [{ id: 11, roundId: 2, themeId: 3, objectiveId: 31, score: 2, actions: [] }];
    const ok: IActionBundle = { title: 'Plan', unitKeys: ['o:31'], domainId: 2, priority: 'laag' };
    expect(checkBundle(ROUND, ok, units, consensus)).toEqual([]);
    expect(checkBundle(ROUND, { ...ok, unitKeys: ['o:31', 'o:77'] }, units, consensus)).toEqual(['otherRound']);
    expect(checkBundle(ROUND, { ...ok, unitKeys: ['o:32'] }, units, consensus)).toEqual(['noConsensus']);
    expect(checkBundle(ROUND, { ...ok, unitKeys: ['o:31'] }, units, [{ ...consensus[0], roundId: 5 }])).toEqual(['noConsensus']);
    expect(checkBundle(ROUND, { ...ok, title: ' ', domainId: undefined, deadline: '31/12/2025' }, units, consensus)).toEqual(['noTitle', 'noDomain', 'badDeadline']);
    const high = { ...ok, title: 'Hoog', priority: 'hoog' as const };
    expect(byPriority([ok, high]).map((b) => b.title)).toEqual(['Hoog', 'Plan']);
  });
});
