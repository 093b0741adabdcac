/** @jest-environment ./tests/dev/environment.js */
import { buildCouncilReport } from '../../src/app/councilReport';
import { finaliseReport } from '../../src/app/finaliseReport';
import { markRecommendationsCarriedOut } from '../../src/app/markRecommendationsCarriedOut';
import { prepareFinalisation } from '../../src/app/prepareFinalisation';
import { realiseAction } from '../../src/app/realiseAction';
import { startReportYear } from '../../src/app/startReportYear';
import { IDataAccess } from '../../src/data/createDataAccess';
import { ensureSchema } from '../../src/data/ensureSchema';
import { buildReport } from '../../src/model/report';
import { importReportData } from '../../tools/data/importData';
import { createNodeAccess, createSp } from '../../tools/data/node';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { ITestServer, startTestServer } from '../helpers/localServer';
import { loadSeedData } from '../helpers/seedData';

// Storage is what is integrated here; the documents themselves are tested in tests/report.
jest.mock('../../src/report/index', () => ({
  buildWordReport: async () => new Uint8Array([1, 2, 3]),
  buildSlideDeck: async () => new Uint8Array([4, 5, 6]),
  reportFileName: (year: number, kind: string) => `Voortgangsrapport organisatiebeheersing ${year}.${kind}`
}));

let srv: ITestServer;
let access: IDataAccess;

beforeAll(async () => {
  srv = await startTestServer();
  await ensureSchema(createSp(srv.siteUrl));
  await importReportData(createSp(srv.siteUrl), loadSeedData());
  // The owner: may edit the lists and add to Rapporten; built by the one factory, through PnPjs.
  access = createNodeAccess(srv.siteUrl, undefined, 'ann');
}, 120000);

afterAll(() => srv.stop());

describe('use cases through PnPjs against the local server', () => {
  it('realises a planning item in the year shown; a stale copy then meets a conflict and changes nothing', async () => {
    const data = await access.reportData.loadReportData();
    const action = buildReport(data, 2022).domains[0].planningNew[0];
    const year = action.plannedYear as number;
    expect(action.etag).toBeDefined();
    // Shown in 2022, planned for 2023: realised in its planned year (the list's rule allows no earlier one).
    const outcome = await realiseAction(access.actions, data, action, 2022);
    expect(outcome).toMatchObject({ kind: 'realised', year, action: { id: action.id, status: 'Gerealiseerd', realisedYear: year } });
    const after = (await access.reportData.loadReportData()).actions.filter((a) => a.id === action.id)[0];
    expect(after).toMatchObject({ status: 'Gerealiseerd', realisedYear: year });

    // The same (now stale) copy again: SharePoint answers 412, the item stays as the first write left it.
    const again = await realiseAction(access.actions, data, action, year + 1);
    expect(again).toMatchObject({ kind: 'conflict', latest: { id: action.id, realisedYear: year } });
  });

  it('marks open recommendations carried out, each on its own ETag', async () => {
    const before = await access.reportData.loadReportData();
    const audit = before.audits[0];
    for (const title of ['Archiefbeleid vastleggen', 'Bewaartermijnen toepassen']) {
      await createSp(srv.siteUrl).web.lists.getByTitle('Aanbevelingen').items.add({ Title: title, AuditId: audit.id, Prioriteit: 'H', AanbevelingStatus: 'Open', ActiesId: [before.actions[0].id] });
    }
    const data = await access.reportData.loadReportData();
    const open = (data.recommendations || []).filter((r) => r.status !== 'Uitgevoerd').slice(0, 2);
    expect(open.length).toBe(2);
    const result = await markRecommendationsCarriedOut(access.actions, open);
    expect(result.updated.map((r) => r.id)).toEqual(open.map((r) => r.id));
    const now = (await access.reportData.loadReportData()).recommendations || [];
    expect(open.map((o) => now.filter((r) => r.id === o.id)[0].status)).toEqual(['Uitgevoerd', 'Uitgevoerd']);
  });

  it('finalises the year as one set in Rapporten; preparing again says it would replace it', async () => {
    const first = await prepareFinalisation(access.reports, access.reportData, 2022);
    expect(first.existing).toEqual([]);
    await finaliseReport(access.reports, access.maturity, { year: 2022, data: first.data, organisation: 'Gemeente Voorbeeld', replace: false });
    const stored = (await access.reports.getStoredReports()).filter((r) => r.year === 2022);
    expect(stored.map((r) => r.format).sort()).toEqual(['Gegevens', 'PowerPoint', 'Word']);
    const snapshot = await access.reports.getReportSnapshot(2022);
    expect(snapshot && snapshot.actions.length).toBe(first.data.actions.length);
    const second = await prepareFinalisation(access.reports, access.reportData, 2022);
    expect(second.existing).toHaveLength(3);
  });

  it('builds the council report from the site, with the maturity lists as they are', async () => {
    const data = await access.reportData.loadReportData();
    const report = await buildCouncilReport(data, 2022, access.maturity);
    expect(report.domains).toHaveLength(7);
    expect(report.maturity).toBeDefined();
  });

  it('starts the next report year: the setting moves and the cards open on it', async () => {
    expect(await startReportYear(access.settings, 2022)).toBe(2023);
    expect((await access.settings.getSettings()).reportYear).toBe(2023);
    const fresh = createNodeAccess(srv.siteUrl, undefined, 'lees');
    expect((await fresh.yearView.loadYearView({ today: new Date(2024, 1, 1) })).year).toBe(2023);
  });
});
