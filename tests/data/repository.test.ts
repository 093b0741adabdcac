/** @jest-environment ./tests/dev/environment.js */
import { ensureSchema } from '../../src/data/ensureSchema';
import { importReportData } from '../../tools/data/importData';
import { createSp, createNodeRepository } from '../../tools/data/node';
import { ConflictError } from '../../src/data/IOrgRepository';
import { buildReport } from '../../src/model/report';
import { ITestServer, startTestServer, startTestServerOnCopy } from '../helpers/localServer';
import { EXPECTED_2022, loadSeedData } from '../helpers/seedData';

let srv: ITestServer;

beforeAll(async () => {
  srv = await startTestServer();
});

afterAll(async () => {
  await srv.stop();
});

describe('provisioning and import over HTTP, through PnPjs', () => {
  it('creates every list and field once; a second run changes nothing', async () => {
    const sp = createSp(srv.siteUrl);
    const first = await ensureSchema(sp);
    expect(first.changes.filter((c) => c.kind === 'list').map((c) => c.name)).toEqual([
      'Domeinen', 'Audits', 'Risicos', 'Acties', 'Aanbevelingen', 'Rapporten', 'Instellingen',
      'MaturiteitThemas', 'MaturiteitDoelstellingen', 'MaturiteitRondes', 'MaturiteitScores', 'MaturiteitConsensus',
      'Voortgangsmeldingen', 'Herinneringen'
    ]);
    const second = await ensureSchema(sp);
    expect(second.changes).toEqual([]);
  });

  it('imports the 2022 report once; a second import adds nothing', async () => {
    const sp = createSp(srv.siteUrl);
    const first = await importReportData(sp, loadSeedData());
    expect([first.domains.created, first.audits.created, first.risks.created, first.actions.created]).toEqual([7, 20, 27, 170]);
    const second = await importReportData(sp, loadSeedData());
    expect([second.domains.created, second.audits.created, second.risks.created, second.actions.created]).toEqual([0, 0, 0, 0]);
  });
});

describe('the repository against the local server', () => {
  it('loads the report in one batch and regenerates the source counts per domain', async () => {
    const repo = createNodeRepository(srv.siteUrl);
    expect(repo.getCached()).toBeUndefined();
    const data = await repo.loadReportData();
    expect([data.domains.length, data.risks.length, data.actions.length, data.audits.length]).toEqual([7, 27, 170, 20]);
    const report = buildReport(data, 2022);
    expect(report.domains.map((d) => [d.risks.length, d.realisationsNew.length, d.realisationsOlder.length, d.planningNew.length, d.planningOlder.length])).toEqual(EXPECTED_2022);
    const yucopia = data.actions.filter((a) => a.title === 'Uitrol contractbeheer (Yucopia)');
    expect(yucopia).toHaveLength(1);
    expect(yucopia[0].domainIds).toHaveLength(2);
    // A second repository on the same site paints from the cache without a request.
    expect(createNodeRepository(srv.siteUrl).getCached()?.actions.length).toBe(170);
  });

  it('moves a planning item to the realisations and refuses a stale version (412) without overwriting', async () => {
    const repo = createNodeRepository(srv.siteUrl);
    const data = await repo.loadReportData();
    const planned = data.actions.filter((a) => a.plannedYear === 2023)[0];
    const done = await repo.realiseAction(planned, 2023);
    expect(done.status).toBe('Gerealiseerd');
    expect(done.etag).not.toBe(planned.etag);
    // The same stale copy again: someone else changed it meanwhile.
    await expect(repo.realiseAction({ ...planned }, 2024)).rejects.toBeInstanceOf(ConflictError);
    try {
      await repo.realiseAction({ ...planned }, 2024);
    } catch (e) {
      expect((e as ConflictError).latest?.realisedYear).toBe(2023);
    }
    const after = (await repo.loadReportData()).actions.filter((a) => a.id === planned.id)[0];
    expect(after.realisedYear).toBe(2023);
  });

  it('reads recommendations with owner, deadline and linked actions in the same load, and the current user', async () => {
    const sp = createSp(srv.siteUrl);
    const repo = createNodeRepository(srv.siteUrl);
    const before = await repo.loadReportData();
    expect(before.recommendations).toEqual([]);
    const audit = before.audits.filter((a) => a.key === 'audit-informatiebeheer-2022')[0];
    const action = before.actions[0];
    const me = await repo.getCurrentUser();
    expect(me).toMatchObject({ id: 7, title: 'Ann Janssens' });
    await sp.web.lists.getByTitle('Aanbevelingen').items.add({
      Title: 'Archiefbeleid vastleggen', AuditId: audit.id, Prioriteit: 'H', AanbevelingStatus: 'Open',
      ActiesId: [action.id], EigenaarId: me.id, Deadline: '2023-03-01T00:00:00Z', Toelichting: '<p>Uitleg</p>'
    });
    const after = await repo.loadReportData();
    expect(after.recommendations).toHaveLength(1);
    expect(after.recommendations![0]).toMatchObject({
      title: 'Archiefbeleid vastleggen', auditId: audit.id, priority: 'H', status: 'Open',
      actions: [{ id: action.id, title: action.title }], owner: { id: 7, title: 'Ann Janssens' }
    });
    expect(after.recommendations![0].deadline).toMatch(/^2023-03-01/);
    expect(after.recommendations![0].etag).toBeTruthy();
  });

  it('marks recommendations carried out on their ETag; a stale one is left as it is', async () => {
    const sp = createSp(srv.siteUrl);
    const repo = createNodeRepository(srv.siteUrl);
    const list = sp.web.lists.getByTitle('Aanbevelingen');
    const audit = (await repo.loadReportData()).audits[0];
    await list.items.add({ Title: 'R-a', AuditId: audit.id, Prioriteit: 'M', AanbevelingStatus: 'Open' });
    await list.items.add({ Title: 'R-b', AuditId: audit.id, Prioriteit: 'H', AanbevelingStatus: 'Open' });
    const recs = (await repo.loadReportData()).recommendations!.filter((r) => r.title === 'R-a' || r.title === 'R-b');
    const stale = recs.filter((r) => r.title === 'R-b')[0];
    await list.items.getById(stale.id).update({ AanbevelingStatus: 'Niet uitgevoerd' });
    const result = await repo.markRecommendationsCarriedOut(recs);
    expect(result.updated.map((r) => r.title)).toEqual(['R-a']);
    expect(result.conflicts.map((r) => [r.title, r.status])).toEqual([['R-b', 'Niet uitgevoerd']]);
    const fresh = (await repo.loadReportData()).recommendations!;
    expect(fresh.filter((r) => r.title === 'R-a')[0].status).toBe('Uitgevoerd');
    expect(fresh.filter((r) => r.title === 'R-b')[0].status).toBe('Niet uitgevoerd');
  });

  it('tells an owner they may edit and manage lists', async () => {
    expect(await createNodeRepository(srv.siteUrl).getPermissions()).toMatchObject({ canEdit: true, canManageLists: true, canFinalise: true });
  });
});

describe('list validation, enforced like SharePoint', () => {
  it('refuses a realisation year before the planned year (500 List data validation failed); the product shows the list rule in Dutch and the item is kept', async () => {
    const list = createSp(srv.siteUrl).web.lists.getByTitle('Acties');
    const added = await list.items.add({ Title: 'Validatietest', DomeinenId: [1], ActieStatus: 'Gepland', JaarGepland: 2024 });
    const id = (added.Id ?? added.ID) as number;
    await expect(list.items.getById(id).update({ ActieStatus: 'Gerealiseerd', JaarGerealiseerd: 2023 })).rejects.toMatchObject({ status: 500 });
    const repo = createNodeRepository(srv.siteUrl);
    const action = (await repo.loadReportData()).actions.filter((a) => a.id === id)[0];
    await expect(repo.realiseAction(action, 2023)).rejects.toThrow(/Het jaar gerealiseerd kan niet vóór het jaar gepland liggen/);
    const after = await list.items.getById(id).select('ActieStatus', 'JaarGerealiseerd')();
    expect([after.ActieStatus, after.JaarGerealiseerd]).toEqual(['Gepland', null]);
    await list.items.getById(id).update({ ActieStatus: 'Gerealiseerd', JaarGerealiseerd: 2024 });
    await list.items.getById(id).delete();
  });
});

describe('faults', () => {
  it('still loads when every third request is throttled (429 + Retry-After)', async () => {
    const throttled = await startTestServerOnCopy(srv.dataDir, { throttleEvery: 3 });
    try {
      const data = await createNodeRepository(throttled.siteUrl).loadReportData();
      expect(data.actions.length).toBe(170);
    } finally {
      await throttled.stop();
    }
  });

  it('gives a reader no edit rights and refuses their writes', async () => {
    const reader = await startTestServerOnCopy(srv.dataDir, { user: 'reader' });
    try {
      const repo = createNodeRepository(reader.siteUrl);
      expect(await repo.getPermissions()).toMatchObject({ canEdit: false, canManageLists: false, canFinalise: false });
      const data = await repo.loadReportData();
      const planned = data.actions.filter((a) => a.status === 'Gepland')[0];
      await expect(repo.realiseAction(planned, 2023)).rejects.toMatchObject({ status: 403 });
      await expect(ensureSchema(createSp(reader.siteUrl))).rejects.toThrow(/rechten/);
    } finally {
      await reader.stop();
    }
  });

  it('keeps working past the 5,000 item list view threshold (6,000 more actions)', async () => {
    const bodies = [];
    for (let i = 0; i < 6000; i++) bodies.push({ Title: `Bulk ${i}`, DomeinenId: [1], ActieStatus: 'Gerealiseerd', JaarGerealiseerd: 2015 });
    await srv.store.addItems('Acties', bodies);
    const data = await createNodeRepository(srv.siteUrl).loadReportData();
    expect(data.actions.length).toBe(6170);
    // The naive query the product avoids fails like SharePoint does.
    await expect(createSp(srv.siteUrl).web.lists.getByTitle('Acties').items.filter("Directie eq 'x'")()).rejects.toMatchObject({ status: 500 });
  });
});
