import { availableYears, buildReport, defaultReportYear, isPlannedFor, isRealisedBy, isRiskOpenIn, realisationYearFor } from '../../src/model/report';
import { IAction, IRisk } from '../../src/model/types';
import { loadSeedData } from '../helpers/seedData';

// Counts from the city's 2022 report (shared/data/README.md, "Counts").
const EXPECTED_2022: Record<string, [number, number, number, number, number]> = {
  organisatiecultuur: [4, 11, 10, 10, 1],
  'bereiken-doelstellingen': [4, 4, 14, 5, 3],
  'voorkomen-fraude-en-fouten': [6, 5, 14, 6, 3],
  'naleving-wetgeving-en-procedures': [3, 1, 11, 4, 3],
  'efficient-gebruik-middelen': [5, 5, 18, 6, 3],
  'betrouwbare-informatie': [2, 3, 13, 3, 6],
  'bescherming-activa': [3, 2, 12, 4, 1]
};

function action(partial: Partial<IAction>): IAction {
  return { id: 1, title: 'x', subItems: [], status: 'Gepland', domainIds: [1], risks: [], ...partial };
}

describe('the 2022 report regenerated from list data', () => {
  const report = buildReport(loadSeedData(), 2022);

  it('shows the 7 domains in the report order', () => {
    expect(report.domains.map((d) => d.domain.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(report.domains[0].domain.title).toBe('Organisatiecultuur');
    expect(report.planningYear).toBe(2023);
  });

  it.each(Object.keys(EXPECTED_2022))('gives domain %s the source counts of risks, new/older realisations and new/older planning', (key) => {
    const d = report.domains.filter((x) => x.domain.key === key)[0];
    expect([d.risks.length, d.realisationsNew.length, d.realisationsOlder.length, d.planningNew.length, d.planningOlder.length]).toEqual(
      EXPECTED_2022[key]
    );
  });

  it('totals 27 risks, 31 new and 92 older realisations, 38 new and 20 older planning items (per domain)', () => {
    const sum = (f: (d: (typeof report.domains)[0]) => number): number => report.domains.reduce((a, d) => a + f(d), 0);
    expect(sum((d) => d.risks.length)).toBe(27);
    expect(sum((d) => d.realisationsNew.length)).toBe(31);
    expect(sum((d) => d.realisationsOlder.length)).toBe(92);
    expect(sum((d) => d.planningNew.length)).toBe(38);
    expect(sum((d) => d.planningOlder.length)).toBe(20);
  });

  it('shows an action shared by two domains on both cards', () => {
    const titlesOf = (key: string): string[] => {
      const d = report.domains.filter((x) => x.domain.key === key)[0];
      return d.planningNew.map((a) => a.title);
    };
    expect(titlesOf('efficient-gebruik-middelen')).toContain('Uitrol contractbeheer (Yucopia)');
    expect(titlesOf('bescherming-activa')).toContain('Uitrol contractbeheer (Yucopia)');
  });

  it('lists every new item exactly once per domain', () => {
    for (const d of report.domains) {
      const ids = d.realisationsNew.concat(d.realisationsOlder, d.planningNew, d.planningOlder).map((a) => a.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });
});

describe('year logic', () => {
  it('moves a planning item to the realisations of the year it was realised in', () => {
    const a = action({ plannedYear: 2023, status: 'Gerealiseerd', realisedYear: 2023 });
    expect(isPlannedFor(a, 2022)).toBe(true);
    expect(isRealisedBy(a, 2022)).toBe(false);
    expect(isRealisedBy(a, 2023)).toBe(true);
    expect(isPlannedFor(a, 2023)).toBe(false);
  });

  it('keeps planning for later years out of the planning quadrant', () => {
    expect(isPlannedFor(action({ plannedYear: 2025 }), 2022)).toBe(false);
    expect(isPlannedFor(action({ plannedYear: 2023 }), 2022)).toBe(true);
    expect(isPlannedFor(action({ plannedYear: undefined }), 2022)).toBe(true);
  });

  it('never shows cancelled actions', () => {
    const a = action({ status: 'Geschrapt', plannedYear: 2022 });
    expect(isPlannedFor(a, 2022)).toBe(false);
    expect(isRealisedBy(a, 2022)).toBe(false);
  });

  it('marks realised items as new only in their own year', () => {
    const data = loadSeedData();
    data.actions = [action({ id: 5, status: 'Gerealiseerd', realisedYear: 2021 })];
    expect(buildReport(data, 2021).domains[0].realisationsNew.map((a) => a.id)).toEqual([5]);
    expect(buildReport(data, 2022).domains[0].realisationsNew).toEqual([]);
    expect(buildReport(data, 2022).domains[0].realisationsOlder.map((a) => a.id)).toEqual([5]);
    expect(buildReport(data, 2020).domains[0].realisationsOlder).toEqual([]);
  });

  it('keeps a risk on the card until the year it was closed', () => {
    const r: IRisk = { id: 1, title: 'r', domainId: 1, priority: 'Hoog', status: 'Afgesloten', yearIdentified: 2020, yearClosed: 2022 };
    expect(isRiskOpenIn(r, 2019)).toBe(false);
    expect(isRiskOpenIn(r, 2021)).toBe(true);
    expect(isRiskOpenIn(r, 2022)).toBe(false);
    expect(isRiskOpenIn({ ...r, status: 'Open', yearClosed: undefined }, 2030)).toBe(true);
    expect(isRiskOpenIn({ ...r, status: 'Afgesloten', yearClosed: undefined }, 2021)).toBe(false);
  });

  it('sorts high risks before lower ones', () => {
    const data = loadSeedData();
    data.risks = [
      { id: 1, title: 'laag', domainId: 1, priority: 'Laag', status: 'Open' },
      { id: 2, title: 'hoog', domainId: 1, priority: 'Hoog', status: 'Open' }
    ];
    expect(buildReport(data, 2022).domains[0].risks.map((r) => r.title)).toEqual(['hoog', 'laag']);
  });

  it('leaves inactive domains out of the report', () => {
    const data = loadSeedData();
    data.domains[1].active = false;
    expect(buildReport(data, 2022).domains.map((d) => d.domain.order)).toEqual([1, 3, 4, 5, 6, 7]);
  });

  it('opens on the configured year, else the latest year with realisations, else last calendar year', () => {
    const data = loadSeedData();
    expect(defaultReportYear(data, 2021, new Date(2026, 0, 1))).toBe(2021);
    expect(defaultReportYear(data, undefined, new Date(2026, 0, 1))).toBe(2022);
    expect(defaultReportYear(undefined, 0, new Date(2026, 4, 1))).toBe(2025);
  });

  it('opens on the year being reported on: a realisation in January does not flip to the new year; after the final report, the next year', () => {
    const data = loadSeedData();
    const january = new Date(2023, 0, 10);
    data.actions[0].status = 'Gerealiseerd';
    data.actions[0].realisedYear = 2023;
    expect(defaultReportYear(data, undefined, january)).toBe(2022);
    // 2021 final, 2022 not yet: 2022 until its report is final.
    expect(defaultReportYear(data, undefined, new Date(2023, 4, 1), [2021])).toBe(2022);
    // 2022 final: the running year 2023.
    expect(defaultReportYear(data, undefined, new Date(2023, 4, 1), [2021, 2022])).toBe(2023);
    // 2022 final, but 2023 ended too and is not final: 2023.
    expect(defaultReportYear(data, undefined, new Date(2024, 1, 1), [2022])).toBe(2023);
    // The property pane still pins a year.
    expect(defaultReportYear(data, 2020, january, [2022])).toBe(2020);
  });

  it('offers the years that have data', () => {
    expect(availableYears(loadSeedData())).toEqual([2022]);
  });

  it('records a realisation no earlier than the year it was planned for', () => {
    expect(realisationYearFor(action({ plannedYear: 2023 }), 2022)).toBe(2023);
    expect(realisationYearFor(action({ plannedYear: 2021 }), 2022)).toBe(2022);
    expect(realisationYearFor(action({}), 2022)).toBe(2022);
  });
});
