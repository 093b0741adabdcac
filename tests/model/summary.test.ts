import { buildSummary } from '../../src/model/summary';
import { EXPECTED_2022, loadSeedData } from '../helpers/seedData';

describe('summary figures for the homepage widget', () => {
  it('gives per domain open high risks, realisations of the year and new planning (2022)', () => {
    const s = buildSummary(loadSeedData(), 2022);
    expect(s.domains.map((d) => [d.openHighRisks, d.realisedThisYear, d.newPlanning])).toEqual(EXPECTED_2022.map((r) => [r[0], r[1], r[3]]));
    expect(s.totals.openHighRisks).toBe(27);
    expect(s.planningYear).toBe(2023);
  });

  it('has no planning ratio when nothing was planned for the year (2022 data has no JaarGepland 2022)', () => {
    expect(buildSummary(loadSeedData(), 2022).planningRealisedRatio).toBeUndefined();
  });

  it('counts how much of the year planning was realised, an action in two domains once', () => {
    const data = loadSeedData();
    // Realise 2 of the 2023 planning items in 2023, one of them shared by two domains.
    const planned = data.actions.filter((a) => a.plannedYear === 2023);
    const shared = planned.filter((a) => a.domainIds.length > 1)[0];
    const single = planned.filter((a) => a.domainIds.length === 1)[0];
    for (const a of [shared, single]) {
      a.status = 'Gerealiseerd';
      a.realisedYear = 2023;
    }
    const s = buildSummary(data, 2023);
    expect(s.totals.plannedForYear).toBe(planned.length);
    expect(s.totals.plannedForYearRealised).toBe(2);
    expect(s.planningRealisedRatio).toBeCloseTo(2 / planned.length);
    const perDomain = s.domains.filter((d) => d.domainId === shared.domainIds[0])[0];
    expect(perDomain.plannedForYearRealised).toBeGreaterThanOrEqual(1);
  });

  it('only counts high-priority risks as high risks', () => {
    const data = loadSeedData();
    data.risks[0].priority = 'Laag';
    expect(buildSummary(data, 2022).domains[0].openHighRisks).toBe(3);
  });
});
