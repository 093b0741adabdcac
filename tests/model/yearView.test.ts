import { buildReport } from '../../src/model/report';
import { chunk, expectedYear, idsWithoutTitle, isShownOnCard, mergeById, withActions } from '../../src/model/yearView';
import { IAction } from '../../src/model/types';
import { loadSeedData } from '../helpers/seedData';

function action(id: number, change: Partial<IAction> = {}): IAction {
  return { id, title: `A${id}`, subItems: [], status: 'Gepland', domainIds: [1], risks: [], ...change };
}

describe('year view logic', () => {
  it('shows on the card exactly the new realisations and the new planning of the year', () => {
    const data = loadSeedData();
    const report = buildReport(data, 2022);
    const shown = data.actions.filter((a) => isShownOnCard(a, 2022)).map((a) => a.id).sort((a, b) => a - b);
    const expected: number[] = [];
    for (const d of report.domains) for (const a of d.realisationsNew.concat(d.planningNew)) if (expected.indexOf(a.id) < 0) expected.push(a.id);
    expect(shown).toEqual(expected.sort((a, b) => a - b));
  });

  it('merges items read later in place, never replacing more detail by less', () => {
    const counted = action(1, { title: '', detail: 'count' });
    const card = action(1, { detail: 'card' });
    const full = action(1, { description: 'x' });
    expect(mergeById([counted], [card])[0]).toBe(card);
    expect(mergeById([full], [card])[0]).toBe(full);
    expect(mergeById([card], [full])[0]).toBe(full);
    expect(mergeById([counted], [action(2, { detail: 'card' })]).map((a) => a.id)).toEqual([1, 2]);
    const data = { domains: [], risks: [], audits: [], actions: [counted, action(3, { title: '', detail: 'count' })] };
    expect(idsWithoutTitle(withActions(data, [card]).actions)).toEqual([3]);
  });

  it('expects the configured year, else the one shown last, else last calendar year', () => {
    const today = new Date(2026, 2, 1);
    expect(expectedYear(2022, 2021, today)).toBe(2022);
    expect(expectedYear(undefined, 2021, today)).toBe(2021);
    expect(expectedYear(undefined, undefined, today)).toBe(2025);
  });

  it('splits ids into groups for one query each', () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 100)).toEqual([]);
  });
});
