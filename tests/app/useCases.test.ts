/** @jest-environment node */
import { buildCouncilReport, IMaturityResultsSource } from '../../src/app/councilReport';
import { finaliseReport, snapshotName } from '../../src/app/finaliseReport';
import { markRecommendationsCarriedOut } from '../../src/app/markRecommendationsCarriedOut';
import { prepareFinalisation } from '../../src/app/prepareFinalisation';
import { realiseAction } from '../../src/app/realiseAction';
import { reportOrganisation } from '../../src/app/reportOrganisation';
import { canStartNextYear, startReportYear } from '../../src/app/startReportYear';
import { ReportExistsError } from '../../src/data/IOrgRepository';
import { ListValidationError } from '../../src/data/errors';
import { buildReport } from '../../src/model/report';
import { IAction, IRecommendation, IReportData } from '../../src/model/types';
import { FakeRepository, NO_MATURITY } from '../helpers/fakeRepository';
import { loadSeedData } from '../helpers/seedData';

// The documents themselves are tested in tests/report; here: what the use case does with them.
jest.mock('../../src/report/index', () => ({
  buildWordReport: async () => new Uint8Array([1, 2]),
  buildSlideDeck: async () => new Uint8Array([3, 4]),
  reportFileName: (year: number, kind: string) => `Voortgangsrapport organisatiebeheersing ${year}.${kind}`
}));

function rec(id: number, actionId: number, status: IRecommendation['status'] = 'Open'): IRecommendation {
  return { id, auditId: 1, title: `Aanbeveling ${id}`, priority: 'H', status, actions: [{ id: actionId, title: 'x' }] };
}

function planned(data: IReportData): IAction {
  return buildReport(data, 2022).domains[0].planningNew[0];
}

describe('use case: build the council report', () => {
  it('is the year report with the maturity section when the maturity lists answer', async () => {
    const data = loadSeedData();
    const report = await buildCouncilReport(data, 2022, NO_MATURITY);
    expect(report.domains.map((d) => d.domain.id)).toEqual(buildReport(data, 2022).domains.map((d) => d.domain.id));
    expect(report.maturity).toBeDefined();
  });

  it('leaves the maturity section out when the maturity lists fail (an older site), and without a source', async () => {
    const failing: IMaturityResultsSource = { loadResults: () => Promise.reject(new Error('404 list does not exist')) };
    expect((await buildCouncilReport(loadSeedData(), 2022, failing)).maturity).toBeUndefined();
    expect((await buildCouncilReport(loadSeedData(), 2022, undefined)).maturity).toBeUndefined();
  });
});

describe('use case: finalise a year report', () => {
  it('stores the Word note, the slide deck and the JSON snapshot of the data as one set', async () => {
    const repo = new FakeRepository(loadSeedData());
    const data = loadSeedData();
    const stored = await finaliseReport(repo, NO_MATURITY, { year: 2022, data, organisation: 'Gemeente Voorbeeld', replace: false, now: new Date('2023-03-01T10:00:00Z') });
    expect(stored.map((r) => r.format)).toEqual(['Word', 'PowerPoint', 'Gegevens']);
    const call = repo.finalised[0];
    expect(call.year).toBe(2022);
    expect(call.replace).toBe(false);
    expect(call.files.map((f) => f.name)).toEqual(['Voortgangsrapport organisatiebeheersing 2022.docx', 'Voortgangsrapport organisatiebeheersing 2022.pptx', 'Voortgangsrapport organisatiebeheersing 2022 - gegevens.json']);
    expect(call.files.every((f) => f.bytes > 0)).toBe(true);
    const snapshot = JSON.parse(call.snapshot as string);
    expect(snapshot).toMatchObject({ year: 2022, organisation: 'Gemeente Voorbeeld', finalisedAt: '2023-03-01T10:00:00.000Z' });
    expect(snapshot.data.actions).toHaveLength(data.actions.length);
    expect(snapshotName('Voortgangsrapport 2022.docx')).toBe('Voortgangsrapport 2022 - gegevens.json');
  });

  it('passes "replace" on and lets ReportExistsError reach the caller (never overwrites silently)', async () => {
    const repo = new FakeRepository(loadSeedData());
    await finaliseReport(repo, NO_MATURITY, { year: 2022, data: loadSeedData(), organisation: 'X', replace: true });
    expect(repo.finalised[0].replace).toBe(true);
    const theirs = { name: 'Voortgangsrapport 2022.docx', year: 2022, format: 'Word' as const, url: 'u' };
    repo.finaliseReport = () => Promise.reject(new ReportExistsError([theirs]));
    await expect(finaliseReport(repo, NO_MATURITY, { year: 2022, data: loadSeedData(), organisation: 'X', replace: false })).rejects.toBeInstanceOf(ReportExistsError);
  });

  it('prepares with a repair first, then fresh data (not the cache) and the year\'s existing report', async () => {
    const cached = loadSeedData();
    cached.actions = [];
    const other = { name: 'Voortgangsrapport 2021.docx', year: 2021, format: 'Word' as const, url: 'a' };
    const mine = { name: 'Voortgangsrapport 2022.docx', year: 2022, format: 'Word' as const, url: 'b' };
    const repo = new FakeRepository(loadSeedData(), { cached, storedReports: [other, mine] });
    repo.nextRepair = { removed: 2, completedYears: [] };
    const p = await prepareFinalisation(repo, repo, 2022);
    expect(repo.repairs).toEqual([false]);
    expect(p.repaired.removed).toBe(2);
    expect(p.data.actions.length).toBeGreaterThan(0);
    expect(repo.calls.load).toBe(1);
    expect(p.existing).toEqual([mine]);
  });
});

describe('use case: realise an action and mark its recommendations carried out', () => {
  it('realises in the year shown and offers the open recommendations the action answers', async () => {
    const data = loadSeedData();
    const action = planned(data);
    data.recommendations = [rec(1, action.id), rec(2, action.id, 'Uitgevoerd'), rec(3, action.id + 1000)];
    const repo = new FakeRepository(data);
    // An item of the planning that was due in the year shown.
    const outcome = await realiseAction(repo, data, { ...action, plannedYear: 2022, etag: '"1"' }, 2022);
    expect(outcome.kind).toBe('realised');
    if (outcome.kind !== 'realised') return;
    expect(outcome.year).toBe(2022);
    expect(outcome.action).toMatchObject({ id: action.id, status: 'Gerealiseerd', realisedYear: 2022 });
    expect(outcome.toMark.map((r) => r.id)).toEqual([1]);
    expect(repo.calls.realise).toEqual([{ id: action.id, year: 2022 }]);
  });

  it('uses the planned year when it is later than the year shown', async () => {
    const data = loadSeedData();
    const action = { ...planned(data), plannedYear: 2024, etag: '"1"' };
    const repo = new FakeRepository(data);
    const outcome = await realiseAction(repo, data, action, 2022);
    expect(outcome.kind === 'realised' && outcome.year).toBe(2024);
  });

  it('on a changed item answers what it is now, without retrying', async () => {
    const data = loadSeedData();
    const action = planned(data);
    const repo = new FakeRepository(data);
    repo.editElsewhere(action.id, { status: 'Lopend' });
    const outcome = await realiseAction(repo, data, { ...action, etag: '"1"' }, 2022);
    expect(outcome).toMatchObject({ kind: 'conflict', latest: { id: action.id, status: 'Lopend' } });
    expect(repo.calls.realise).toHaveLength(1);
  });

  it("answers the list's validation rule, and any other failure as failed", async () => {
    const data = loadSeedData();
    const repo = new FakeRepository(data);
    repo.realiseAction = () => Promise.reject(new ListValidationError('Het jaar gerealiseerd kan niet vóór het jaar gepland liggen.'));
    expect(await realiseAction(repo, data, planned(data), 2022)).toEqual({ kind: 'invalid', message: 'Het jaar gerealiseerd kan niet vóór het jaar gepland liggen.' });
    repo.realiseAction = () => Promise.reject(new Error('503'));
    expect((await realiseAction(repo, data, planned(data), 2022)).kind).toBe('failed');
  });

  it('marks each recommendation on its own ETag; a failed call counts all as failed', async () => {
    const data = loadSeedData();
    data.recommendations = [rec(1, 5), rec(2, 5)];
    const repo = new FakeRepository(data);
    const [r1, r2] = repo.data.recommendations!.map((r) => ({ ...r }));
    repo.editRecommendationElsewhere(2, { status: 'Niet uitgevoerd' });
    const result = await markRecommendationsCarriedOut(repo, [r1, r2]);
    expect(result.updated.map((r) => r.id)).toEqual([1]);
    expect(result.conflicts.map((r) => [r.id, r.status])).toEqual([[2, 'Niet uitgevoerd']]);
    repo.markRecommendationsCarriedOut = () => Promise.reject(new Error('offline'));
    expect(await markRecommendationsCarriedOut(repo, [r1, r2])).toEqual({ updated: [], conflicts: [], failed: [r1, r2] });
  });
});

describe('use case: start a report year', () => {
  it('decides the next year for every surface', async () => {
    const repo = new FakeRepository(loadSeedData());
    expect(await startReportYear(repo, 2022)).toBe(2023);
    expect((await repo.getSettings()).reportYear).toBe(2023);
  });

  it('is offered only once the year has a final report (a snapshot alone does not count)', () => {
    const snap = { name: 'x.json', year: 2022, format: 'Gegevens' as const, url: 'x' };
    const word = { name: 'x.docx', year: 2022, format: 'Word' as const, url: 'y' };
    expect(canStartNextYear(2022, [snap])).toBe(false);
    expect(canStartNextYear(2022, [snap, word])).toBe(true);
    expect(canStartNextYear(2023, [snap, word])).toBe(false);
  });
});

describe('use case: the organisation on the report', () => {
  it('takes the site setting, else the page property, else the site title', async () => {
    const repo = new FakeRepository(loadSeedData());
    expect(await reportOrganisation(repo, undefined)).toBe('Organisatiebeheersing');
    expect(await reportOrganisation(repo, 'Van de pagina')).toBe('Van de pagina');
    await repo.setOrganisation('Gemeente Voorbeeld');
    expect(await reportOrganisation(repo, 'Van de pagina')).toBe('Gemeente Voorbeeld');
  });
});

describe('use case: make a report to download', () => {
  it('uses the data this browser read last, else reads fresh, and names the organisation of the site setting', async () => {
    const { makeReport } = await import('../../src/app/makeReport');
    const fresh = new FakeRepository(loadSeedData());
    await fresh.setOrganisation('Gemeente Voorbeeld');
    const doc = await makeReport(fresh, fresh, NO_MATURITY, { year: 2022, format: 'pptx' });
    expect(doc.name).toBe('Voortgangsrapport organisatiebeheersing 2022.pptx');
    expect(fresh.calls.load).toBe(1);
    const cached = new FakeRepository(loadSeedData(), { cached: loadSeedData() });
    await makeReport(cached, cached, NO_MATURITY, { year: 2022, format: 'docx' });
    expect(cached.calls.load).toBe(0);
  });
});
