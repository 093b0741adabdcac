import {
  average, checkScore, checkTransition, consensusOverview, defaultRound, distribution, firstPerUnit, formatDelta, formatScore, IConsensus, IMaturityObjective,
  IMaturityRound, IMaturityScore, IMaturityTheme, isFacilitator, latestClosedRound, levelLabel, median, orphanScores, radarPoints, raterProgress,
  roundResults, splitConsensusBreaches, splitScoreBreaches, spread, unitsOfRound, visibleScores
} from '../../src/model/maturity';

const ANN = { id: 7, title: 'Ann' };
const PIETER = { id: 8, title: 'Pieter' };
const SOFIE = { id: 9, title: 'Sofie' };

const THEMES: IMaturityTheme[] = [
  { id: 11, number: 3, title: 'Monitoring' },
  { id: 10, number: 1, title: 'Doelstellingen en procesmanagement' },
  { id: 12, number: 10, title: 'ICT' }
];
const OBJECTIVES: IMaturityObjective[] = [
  { id: 101, themeId: 10, code: '1.10', text: 'tien' },
  { id: 100, themeId: 10, code: '1.2', text: 'twee' },
  { id: 102, themeId: 11, code: '3.1', text: 'drie-een' }
];

function round(over: Partial<IMaturityRound> = {}): IMaturityRound {
  return { id: 1, title: 'R 2023', year: 2023, themeIds: [10, 11, 12], status: 'scoren', scaleMin: 1, scaleMax: 5, levelLabels: [], raters: [ANN, PIETER, SOFIE], ...over };
}

function score(raterId: number, objectiveId: number | undefined, themeId: number, value?: number, roundId: number = 1): IMaturityScore {
  return { id: raterId * 1000 + (objectiveId || themeId), roundId, themeId, objectiveId, raterId, raterName: [ANN, PIETER, SOFIE].filter((p) => p.id === raterId)[0]?.title, score: value };
}

function cons(objectiveId: number | undefined, themeId: number, value: number, roundId: number = 1): IConsensus {
  return { id: roundId * 1000 + (objectiveId || themeId), roundId, themeId, objectiveId, score: value, actions: [] };
}

describe('statistics', () => {
  it('median of odd and even counts, spread and average', () => {
    expect(median([4, 1, 3])).toBe(3);
    expect(median([1, 2, 4, 5])).toBe(3);
    expect(median([])).toBeUndefined();
    expect(spread([2, 5, 3])).toBe(3);
    expect(spread([4])).toBe(0);
    expect(spread([])).toBeUndefined();
    expect(average([1, 2, 4])).toBeCloseTo(2.333, 3);
  });

  it('counts values per level of the scale', () => {
    expect(distribution([1, 3, 3, 5], 1, 5)).toEqual([1, 0, 2, 0, 1]);
  });

  it('formats scores and deltas with one decimal and a sign', () => {
    expect(formatScore(3)).toBe('3');
    expect(formatScore(2.25)).toBe('2,3');
    expect(formatDelta(0.5)).toBe('+0,5');
    expect(formatDelta(-1)).toBe('−1');
    expect(formatDelta(undefined)).toBe('–');
  });
});

describe('scoring units of a round', () => {
  it('lists objectives per theme in the leidraad order, codes numerically, and a theme without objectives as one unit', () => {
    const units = unitsOfRound(round(), THEMES, OBJECTIVES);
    expect(units.map((u) => u.code)).toEqual(['1.2', '1.10', '3.1', '10']);
    expect(units[3]).toMatchObject({ key: 't:12', themeId: 12, text: 'ICT' });
    expect(units[3].objectiveId).toBeUndefined();
  });

  it('leaves out themes not in scope', () => {
    expect(unitsOfRound(round({ themeIds: [11] }), THEMES, OBJECTIVES).map((u) => u.code)).toEqual(['3.1']);
  });

  it('finds scores of a deleted objective as orphans', () => {
    const units = unitsOfRound(round(), THEMES, OBJECTIVES.filter((o) => o.id !== 100));
    const scores = [score(7, 100, 10, 3), score(7, 101, 10, 4)];
    expect(orphanScores(1, scores, units).map((s) => s.objectiveId)).toEqual([100]);
  });
});

describe('one item per unit (two first saves at once)', () => {
  it('keeps the earliest score of a rater and unit, in the order read', () => {
    const later = { ...score(7, 100, 10, 2), id: 9001 };
    const earlier = { ...score(7, 100, 10, 4), id: 12 };
    const other = score(8, 100, 10, 3);
    expect(firstPerUnit([later, other, earlier]).map((s) => [s.id, s.score])).toEqual([[other.id, 3], [12, 4]]);
  });

  it('keeps scores of other raters, units, theme scores and rounds apart', () => {
    const items = [score(7, 100, 10, 1), score(8, 100, 10, 2), score(7, 101, 10, 3), score(7, undefined, 12, 4), score(7, 100, 10, 5, 2)];
    expect(firstPerUnit(items)).toHaveLength(5);
  });

  it('keeps the earliest consensus of a unit', () => {
    const a = { ...cons(100, 10, 3), id: 5 };
    const b = { ...cons(100, 10, 4), id: 6 };
    expect(firstPerUnit([b, a]).map((c) => c.score)).toEqual([3]);
  });
});

describe('input checks', () => {
  it('accepts whole numbers within the round scale only', () => {
    expect(checkScore(3, round())).toBeUndefined();
    expect(checkScore('5', round())).toBeUndefined();
    expect(checkScore(6, round())).toBe('outOfScale');
    expect(checkScore(0, round())).toBe('outOfScale');
    expect(checkScore(2.5, round())).toBe('notWhole');
    expect(checkScore('', round())).toBe('empty');
    expect(checkScore('abc', round())).toBe('notWhole');
  });

  it('reads the level labels of the round setting', () => {
    const r = round({ levelLabels: ['Niet aanwezig', 'Beperkt'] });
    expect(levelLabel(r, 1)).toBe('Niet aanwezig');
    expect(levelLabel(r, 3)).toBeUndefined();
  });
});

describe('visibility while scoring', () => {
  const scores = [score(7, 100, 10, 3), score(8, 100, 10, 5)];

  it('shows a rater only their own values while the round is scored, but keeps who scored', () => {
    const seen = visibleScores(round(), scores, 7);
    expect(seen.map((s) => [s.raterId, s.score])).toEqual([
      [7, 3],
      [8, undefined]
    ]);
  });

  it('shows all values from consensus on', () => {
    expect(visibleScores(round({ status: 'consensus' }), scores, 7).map((s) => s.score)).toEqual([3, 5]);
  });

  it('knows who has finished', () => {
    const r = round({ themeIds: [11, 12] });
    const units = unitsOfRound(r, THEMES, OBJECTIVES);
    const progress = raterProgress(r, units, [score(7, 102, 11, 2), score(7, undefined, 12, 3), score(8, 102, 11, 4), score(7, 100, 10, 1)]);
    expect(progress.map((p) => [p.rater.title, p.scored, p.total, p.finished])).toEqual([
      ['Ann', 2, 2, true],
      ['Pieter', 1, 2, false],
      ['Sofie', 0, 2, false]
    ]);
  });

  it('lets the facilitator record consensus, or any editor when there is none', () => {
    expect(isFacilitator(round({ facilitator: PIETER }), 8, true)).toBe(true);
    expect(isFacilitator(round({ facilitator: PIETER }), 7, true)).toBe(false);
    expect(isFacilitator(round(), 7, true)).toBe(true);
    expect(isFacilitator(round(), 7, false)).toBe(false);
  });
});

describe('consensus overview', () => {
  it('puts objectives with a spread of 2 or more first (largest first), with median and spread', () => {
    const r = round({ status: 'consensus', themeIds: [10, 11] });
    const units = unitsOfRound(r, THEMES, OBJECTIVES);
    const scores = [score(7, 100, 10, 3), score(8, 100, 10, 3), score(7, 101, 10, 1), score(8, 101, 10, 4), score(9, 101, 10, 2), score(7, 102, 11, 2), score(8, 102, 11, 4)];
    const rows = consensusOverview(r, units, scores, [cons(102, 11, 3)]);
    expect(rows.map((x) => [x.unit.code, x.spread, x.median, x.discuss])).toEqual([
      ['1.10', 3, 2, true],
      ['3.1', 2, 3, true],
      ['1.2', 0, 3, false]
    ]);
    expect(rows[1].consensus?.score).toBe(3);
    expect(rows[0].scores.map((s) => s.raterName)).toEqual(['Ann', 'Pieter', 'Sofie']);
  });

  it('orders the objectives to discuss by spread, the largest disagreement first', () => {
    const r = round({ status: 'consensus', themeIds: [10] });
    const units = unitsOfRound(r, THEMES, OBJECTIVES);
    const scores = [score(7, 100, 10, 1), score(8, 100, 10, 3), score(7, 101, 10, 1), score(8, 101, 10, 5)];
    expect(consensusOverview(r, units, scores, []).map((x) => [x.unit.code, x.spread])).toEqual([
      ['1.10', 4],
      ['1.2', 2]
    ]);
  });
});

describe('status changes', () => {
  const units = unitsOfRound(round(), THEMES, OBJECTIVES);

  it('refuses to start scoring a round without raters or themes', () => {
    expect(checkTransition(round({ status: 'voorbereiding', raters: [] }), 'scoren', units, [], []).problems).toEqual(['noRaters']);
    expect(checkTransition(round({ status: 'voorbereiding', themeIds: [] }), 'scoren', [], [], []).problems).toEqual(['noThemes']);
    expect(checkTransition(round({ status: 'voorbereiding' }), 'scoren', units, [], []).problems).toEqual([]);
  });

  it('moves forward one step, back from consensus to scoring only while no consensus item exists, and never out of a closed round', () => {
    expect(checkTransition(round({ status: 'voorbereiding' }), 'consensus', units, [], []).problems).toEqual(['notNext']);
    expect(checkTransition(round({ status: 'consensus' }), 'scoren', units, [], []).problems).toEqual([]);
    expect(checkTransition(round({ status: 'consensus' }), 'scoren', units, [], [cons(100, 10, 3)]).problems).toEqual(['consensusExists']);
    expect(checkTransition(round({ status: 'consensus' }), 'voorbereiding', units, [], []).problems).toEqual(['notNext']);
    expect(checkTransition(round({ status: 'scoren' }), 'voorbereiding', units, [], []).problems).toEqual(['notNext']);
    expect(checkTransition(round({ status: 'afgesloten' }), 'scoren', units, [], []).problems).toEqual(['closed']);
  });

  it('needs scores for consensus and a consensus for every unit to close', () => {
    expect(checkTransition(round(), 'consensus', units, [], []).problems).toEqual(['noScores']);
    expect(checkTransition(round(), 'consensus', units, [score(7, 100, 10, 2)], []).problems).toEqual([]);
    const r = round({ status: 'consensus' });
    const partial = checkTransition(r, 'afgesloten', units, [], [cons(100, 10, 3), cons(101, 10, 3)]);
    expect(partial.problems).toEqual(['consensusMissing']);
    expect(partial.missing.map((u) => u.code)).toEqual(['3.1', '10']);
    const all = units.map((u) => cons(u.objectiveId, u.themeId, 3));
    expect(checkTransition(r, 'afgesloten', units, [], all).problems).toEqual([]);
  });
});

describe('results and comparison with the previous round', () => {
  const r2021 = round({ id: 1, year: 2021, status: 'afgesloten', themeIds: [10, 11] });
  const r2023 = round({ id: 2, year: 2023, status: 'afgesloten', themeIds: [10, 11, 12] });
  const consensus = [
    cons(100, 10, 2, 1), cons(101, 10, 2, 1), cons(102, 11, 4, 1),
    cons(100, 10, 3, 2), cons(101, 10, 4, 2), cons(102, 11, 3, 2), cons(undefined, 12, 2, 2)
  ];
  const data = { themes: THEMES, objectives: OBJECTIVES, rounds: [r2021, r2023], consensus };

  it('averages the consensus per theme with its distribution and the delta to the last closed round of that theme', () => {
    const res = roundResults(r2023, data);
    expect(res.themes.map((t) => [t.theme.title, t.average, t.previous?.average, t.delta])).toEqual([
      ['Doelstellingen en procesmanagement', 3.5, 2, 1.5],
      ['Monitoring', 3, 4, -1],
      ['ICT', 2, undefined, undefined]
    ]);
    expect(res.themes[0].distribution).toEqual([0, 0, 1, 1, 0]);
    expect(res.previousRounds.map((r) => r.year)).toEqual([2021]);
    expect(res.overall).toBeCloseTo((3.5 + 3 + 2) / 3, 5);
  });

  it('does not compare with rounds that are not closed or come later', () => {
    const open = round({ id: 3, year: 2022, status: 'consensus', themeIds: [10] });
    const res = roundResults(r2021, { ...data, rounds: [r2021, r2023, open] });
    expect(res.themes.every((t) => t.previous === undefined)).toBe(true);
  });

  it('picks the latest closed round for the report and the active round to show first', () => {
    const scoring = round({ id: 4, year: 2024, status: 'scoren' });
    expect(latestClosedRound([r2021, r2023, scoring])?.id).toBe(2);
    expect(latestClosedRound([r2021, r2023], 2022)?.id).toBe(1);
    expect(defaultRound([r2021, r2023, scoring])?.id).toBe(4);
    expect(defaultRound([r2021, r2023])?.id).toBe(2);
  });
});

describe('radar geometry', () => {
  it('puts the first axis straight up and scales values to the radius', () => {
    const pts = radarPoints([5, 5, undefined, 0], 0, 5, 100, 100, 50);
    expect(pts[0]).toEqual({ x: 100, y: 50 });
    expect(pts[1]).toEqual({ x: 150, y: 100 });
    expect(pts[2]).toEqual({ x: 100, y: 100 });
    expect(pts[3]).toEqual({ x: 100, y: 100 });
  });
});

describe('items SharePoint cannot refuse (splitScoreBreaches, splitConsensusBreaches)', () => {
  const round = (facilitator?: number): IMaturityRound => ({
    id: 1, title: 'r', themeIds: [1], status: 'scoren', scaleMin: 1, scaleMax: 5, levelLabels: [], raters: [], facilitator: facilitator === undefined ? undefined : { id: facilitator, title: 'f' }
  });

  it('keeps a score whose author is its rater and that nobody else changed; flags one in another\'s name or changed by another', () => {
    const own = { id: 1, roundId: 1, themeId: 1, raterId: 7, score: 3, authorId: 7, editorId: 7 };
    const forged = { id: 2, roundId: 1, themeId: 1, raterId: 9, score: 1, authorId: 10, editorId: 10 };
    const changed = { id: 3, roundId: 1, themeId: 1, raterId: 8, score: 5, authorId: 8, editorId: 7 };
    const legacy = { id: 4, roundId: 1, themeId: 1, raterId: 11, score: 2 };
    const r = splitScoreBreaches([own, forged, changed, legacy]);
    expect(r.trusted.map((s) => s.id)).toEqual([1, 4]);
    expect(r.breaches).toEqual([
      { list: 'score', id: 2, roundId: 1, kind: 'otherName', authorId: 10, editorId: 10, raterId: 9 },
      { list: 'score', id: 3, roundId: 1, kind: 'changedByOther', authorId: 8, editorId: 7, raterId: 8 }
    ]);
  });

  it("keeps consensus written by the round's facilitator; with no facilitator, anyone's", () => {
    const items = [
      { id: 1, roundId: 1, score: 3, actions: [], authorId: 8, editorId: 8 },
      { id: 2, roundId: 1, score: 3, actions: [], authorId: 9, editorId: 9 },
      { id: 3, roundId: 1, score: 3, actions: [], authorId: 8, editorId: 7 }
    ];
    const r = splitConsensusBreaches(items, [round(8)]);
    expect(r.trusted.map((c) => c.id)).toEqual([1]);
    expect(r.breaches.map((b) => [b.id, b.kind])).toEqual([[2, 'notFacilitator'], [3, 'notFacilitator']]);
    expect(splitConsensusBreaches(items, [round()]).trusted).toHaveLength(3);
  });
});
