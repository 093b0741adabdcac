import { buildFigures, FIGURE_NAMES, IFigures } from '../../src/model/figures';
import { buildReport } from '../../src/model/report';
import { IAction, IReportData } from '../../src/model/types';
import { EXPECTED_2022, loadSeedData } from '../helpers/seedData';
import { generatedData, moveToRealisations } from '../helpers/figureData';

const TODAY = new Date(2023, 4, 15);

function distinct(lists: IAction[][]): number {
  const ids: Record<number, true> = {};
  for (const l of lists) for (const a of l) ids[a.id] = true;
  return Object.keys(ids).length;
}

/** The figures worked out independently from the report (what the cards list) and the raw data. */
function fromReport(data: IReportData, year: number): Pick<IFigures['totals'], 'realised' | 'newPlanning' | 'earlierPlanning' | 'openHighRisks'> {
  const r = buildReport(data, year);
  return {
    realised: distinct(r.domains.map((d) => d.realisationsNew)),
    newPlanning: distinct(r.domains.map((d) => d.planningNew)),
    earlierPlanning: distinct(r.domains.map((d) => d.planningOlder)),
    openHighRisks: r.domains.reduce((n, d) => n + d.risks.filter((x) => x.priority === 'Hoog').length, 0)
  };
}

describe('one definition of every figure (src/model/figures)', () => {
  it('2022: per domain as in the council report; totals count an action in two domains once', () => {
    const f = buildFigures(loadSeedData(), 2022, TODAY);
    expect(f.domains.map((d) => [d.openHighRisks, d.realised, d.newPlanning, d.earlierPlanning])).toEqual(EXPECTED_2022.map((r) => [r[0], r[1], r[3], r[4]]));
    // The numbers of issue 20: 31 and 20 are mentions in the domains, 30 and 18 actions.
    expect(f.totals.realised).toBe(30);
    expect(f.mentions.realised).toBe(31);
    expect(f.domainsWith.realised).toBe(7);
    expect(f.totals.earlierPlanning).toBe(18);
    expect(f.mentions.earlierPlanning).toBe(20);
    expect(f.totals.openHighRisks).toBe(27);
    expect(f.totals).toMatchObject(fromReport(loadSeedData(), 2022));
  });

  it('overdue is past the deadline (actions and recommendations), a different idea from earlier planning', () => {
    const data = loadSeedData();
    const f0 = buildFigures(data, 2022, TODAY);
    expect(f0.totals.overdue).toBe(0);
    const shared = data.actions.filter((a) => a.status === 'Gepland' && a.domainIds.length > 1)[0];
    shared.deadline = '2023-01-31';
    const f = buildFigures(data, 2022, TODAY);
    expect(f.totals.overdue).toBe(1);
    expect(f.mentions.overdue).toBe(shared.domainIds.length);
    // The day itself is not late yet.
    expect(buildFigures(data, 2022, new Date(2023, 0, 31)).totals.overdue).toBe(0);
    // Realised: never late.
    shared.status = 'Gerealiseerd';
    shared.realisedYear = 2023;
    expect(buildFigures(data, 2022, TODAY).totals.overdue).toBe(0);
  });

  it('open recommendations count once in total and in each domain of their audit', () => {
    const data = loadSeedData();
    const audit = data.audits.filter((a) => a.domainIds.length > 1)[0];
    data.recommendations = [
      { id: 1, title: 'open', auditId: audit.id, priority: 'H', status: 'Open', actions: [] },
      { id: 2, title: 'done', auditId: audit.id, priority: 'H', status: 'Uitgevoerd', actions: [] }
    ];
    const f = buildFigures(data, 2022, TODAY);
    expect(f.totals.openRecommendations).toBe(1);
    expect(f.mentions.openRecommendations).toBe(audit.domainIds.length);
  });

  it('after one doorschuiven the moved item leaves the planning and its figures move with it', () => {
    const data = loadSeedData();
    const before = buildFigures(data, 2022, TODAY);
    const moved = moveToRealisations(data, 2022);
    const after = buildFigures(data, 2022, TODAY);
    expect(after.totals.earlierPlanning).toBe(before.totals.earlierPlanning - 1);
    expect(after.totals.realised).toBe(before.totals.realised + 1);
    expect(after.mentions.realised).toBe(before.mentions.realised + moved.domainIds.length);
    expect(after.totals).toMatchObject(fromReport(data, 2022));
  });

  it('a generated data set with shared actions and deadlines: totals = distinct items, mentions = per-domain sums', () => {
    for (const seed of [1, 2, 3]) {
      const data = generatedData(seed);
      const f = buildFigures(data, 2024, new Date(2025, 1, 1));
      expect(f.totals).toMatchObject(fromReport(data, 2024));
      for (const n of FIGURE_NAMES) {
        expect(f.mentions[n]).toBe(f.domains.reduce((s, d) => s + d[n], 0));
        expect(f.totals[n]).toBeLessThanOrEqual(f.mentions[n]);
      }
      const overdue =
        data.actions.filter((a) => a.status !== 'Gerealiseerd' && a.status !== 'Geschrapt' && !!a.deadline && a.deadline < '2025-02-01').length +
        (data.recommendations || []).filter((m) => m.status === 'Open' && !!m.deadline && m.deadline < '2025-02-01').length;
      expect(f.totals.overdue).toBe(overdue);
      // Shared actions make the difference visible.
      expect(f.mentions.realised).toBeGreaterThan(f.totals.realised);
    }
  });
});
