import { buildCardFigures } from '../../src/model/cardFigures';
import { EXPECTED_2022, loadSeedData } from '../helpers/seedData';

describe('Viva Connections card figures', () => {
  it('per domain: open high risks, realisations of the year and overdue planning, as in the 2022 report', () => {
    const f = buildCardFigures(loadSeedData(), 2022);
    expect(f.domains.map((d) => [d.openHighRisks, d.realisedThisYear, d.overdue])).toEqual(EXPECTED_2022.map((r) => [r[0], r[1], r[4]]));
    expect(f.domains[0].title).toBe('Organisatiecultuur');
  });

  it('headline counts an action shared by two domains once', () => {
    const data = loadSeedData();
    const f = buildCardFigures(data, 2022);
    const realised = data.actions.filter((a) => a.status === 'Gerealiseerd' && a.realisedYear === 2022);
    const overdue = data.actions.filter(
      (a) => a.status !== 'Gerealiseerd' && a.status !== 'Geschrapt' && (a.plannedYear === undefined || a.plannedYear <= 2022)
    );
    expect(f.openHighRisks).toBe(27);
    expect(f.realisedThisYear).toBe(realised.length);
    expect(f.overdue).toBe(overdue.length);
    // The seed has shared actions, so the distinct count is below the per-domain sum.
    expect(f.realisedThisYear).toBeLessThan(f.domains.reduce((s, d) => s + d.realisedThisYear, 0));
  });

  it('an overdue item realised the next year is no longer overdue in that year', () => {
    const data = loadSeedData();
    const late = data.actions.filter((a) => a.status !== 'Gerealiseerd' && a.status !== 'Geschrapt' && (a.plannedYear === undefined || a.plannedYear <= 2022))[0];
    const before = buildCardFigures(data, 2023).overdue;
    late.status = 'Gerealiseerd';
    late.realisedYear = 2023;
    expect(buildCardFigures(data, 2023).overdue).toBe(before - 1);
  });

  it('uses the domain key for links, or the id when a domain has no key', () => {
    const data = loadSeedData();
    data.domains[0].key = undefined;
    const f = buildCardFigures(data, 2022);
    expect(f.domains[0].key).toBe(String(data.domains[0].id));
    expect(f.domains[1].key).toBe(data.domains[1].key);
  });
});
