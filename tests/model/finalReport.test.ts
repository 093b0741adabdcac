import { changesAfterFinal, compareWithSnapshot, finalReportDate } from '../../src/model/finalReport';
import { buildReport } from '../../src/model/report';
import { IReportData } from '../../src/model/types';
import { loadSeedData } from '../helpers/seedData';

describe('finalReportDate', () => {
  it('is the latest stored date of the year\'s final files; undefined for a year that is not final', () => {
    const reports = [
      { year: 2022, modified: '2023-05-10T08:00:00Z', format: 'Word' },
      { year: 2022, modified: '2023-05-10T08:00:02Z', format: 'Gegevens' },
      { year: 2021, modified: '2022-06-01T08:00:00Z', format: 'Word' },
      { year: 2022, format: 'PowerPoint' }
    ];
    expect(finalReportDate(reports, 2022)).toBe('2023-05-10T08:00:02Z');
    expect(finalReportDate(reports, 2021)).toBe('2022-06-01T08:00:00Z');
    expect(finalReportDate(reports, 2023)).toBeUndefined();
  });
});

describe('changesAfterFinal', () => {
  it('marks the actions and risks modified later than the final report, with the date of the change', () => {
    const data = loadSeedData();
    data.actions[0].modified = '2023-05-10T08:00:03Z';
    data.actions[1].modified = '2023-05-10T08:00:02Z';
    data.actions[2].modified = '2023-01-01T00:00:00Z';
    data.risks[0].modified = '2024-02-01T10:00:00Z';
    const changed = changesAfterFinal(data, '2023-05-10T08:00:02Z');
    expect(changed.actions).toEqual({ [data.actions[0].id]: '2023-05-10T08:00:03Z' });
    expect(changed.risks).toEqual({ [data.risks[0].id]: '2024-02-01T10:00:00Z' });
  });

  it('marks nothing when the year is not final or dates are unknown', () => {
    const data = loadSeedData();
    data.actions[0].modified = '2030-01-01T00:00:00Z';
    expect(changesAfterFinal(data, undefined)).toEqual({ actions: {}, risks: {} });
    data.actions[0].modified = undefined;
    expect(changesAfterFinal(data, '2023-01-01T00:00:00Z').actions).toEqual({});
  });
});

describe('compareWithSnapshot', () => {
  it('puts the final report\'s counts and items per domain next to today\'s, and says which domains differ', () => {
    const snapshot: IReportData = loadSeedData();
    const today: IReportData = JSON.parse(JSON.stringify(snapshot));
    const first = buildReport(today, 2022).domains[0];
    // Since the report: one new realisation of 2022 in the first domain.
    today.actions.push({ id: 9999, title: 'Na het rapport', subItems: [], status: 'Gerealiseerd', realisedYear: 2022, plannedYear: 2022, domainIds: [first.domain.id], risks: [] });
    const cmp = compareWithSnapshot(today, snapshot, 2022);
    const c = cmp[first.domain.id];
    expect(c.todayCounts.realisationsNew).toBe((c.finalCounts?.realisationsNew || 0) + 1);
    expect(c.changed).toBe(true);
    expect((c.final?.realisationsNew || []).map((a) => a.id)).not.toContain(9999);
    const others = Object.keys(cmp).map(Number).filter((id) => id !== first.domain.id);
    expect(others.length).toBe(6);
    for (const id of others) expect(cmp[id].changed).toBe(false);
  });

  it('says a domain was not in the final report when the snapshot lacks it', () => {
    const today = loadSeedData();
    const snapshot: IReportData = { ...today, domains: today.domains.slice(1) };
    const missing = today.domains[0];
    const cmp = compareWithSnapshot(today, snapshot, 2022);
    expect(cmp[missing.id]).toMatchObject({ final: undefined, finalCounts: undefined, changed: true });
  });
});
