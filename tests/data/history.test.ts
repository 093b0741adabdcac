/** @jest-environment ./tests/dev/environment.js */
import '@pnp/sp/items';
import { ensureSchema } from '../../src/data/ensureSchema';
import { createNodeRepository, createSp } from '../../tools/data/node';
import { versionHistoryUrl } from '../../src/model/links';
import { workbenchRoutes } from '../../dev/workbench/routes';
import { ITestServer, startTestServer } from '../helpers/localServer';

let srv: ITestServer;

beforeAll(async () => {
  srv = await startTestServer({ extraRoutes: workbenchRoutes(() => ({})) });
  await ensureSchema(createSp(srv.siteUrl));
});

afterAll(() => srv.stop());

describe('history of an item', () => {
  it('reads who changed an action or risk last and when (Editor/Title, Modified), and the list ids, through the repository', async () => {
    const acties = createSp(srv.siteUrl, undefined, 'ann').web.getList('/sites/organisatiebeheersing/Lists/Acties');
    const added = await acties.items.add({ Title: 'Historiek', ActieStatus: 'Gepland' });
    await createSp(srv.siteUrl, undefined, 'pieter').web.getList('/sites/organisatiebeheersing/Lists/Acties').items.getById(added.Id).update({ Title: 'Historiek 2' });
    const risk = await createSp(srv.siteUrl, undefined, 'sofie').web.getList('/sites/organisatiebeheersing/Lists/Risicos').items.add({ Title: 'Risico met historiek' });

    const repo = createNodeRepository(srv.siteUrl, undefined, 'lees');
    const data = await repo.loadReportData();
    const a = data.actions.filter((x) => x.id === added.Id)[0];
    expect(a).toMatchObject({ title: 'Historiek 2', modifiedBy: 'Pieter De Smet' });
    expect(a.modified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(data.risks.filter((x) => x.id === risk.Id)[0]).toMatchObject({ modifiedBy: 'Sofie Maes' });

    const perms = await repo.getPermissions();
    const listId = (await acties.select('Id')()).Id;
    expect(perms.listIds).toEqual({ actions: listId, risks: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });

  it('[X-06] serves the version history page of an item (Versions.aspx?list={id}&ID=n) as a table of its versions, as the user who opens it', async () => {
    const sp = createSp(srv.siteUrl, undefined, 'ann');
    const list = sp.web.getList('/sites/organisatiebeheersing/Lists/Acties');
    const added = await list.items.add({ Title: 'Versiepagina' });
    await createSp(srv.siteUrl, undefined, 'pieter').web.getList('/sites/organisatiebeheersing/Lists/Acties').items.getById(added.Id).update({ Title: 'Versiepagina 2' });
    const listId = (await list.select('Id')()).Id as string;

    const page = await fetch(versionHistoryUrl(srv.siteUrl, listId, added.Id), { headers: { 'X-LocalSP-User': 'lees' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('Versiegeschiedenis');
    expect(html).toMatch(/<td>2\.0 \(huidig\)<\/td><td>[^<]+<\/td><td>Pieter De Smet<\/td><td>Versiepagina 2<\/td>/);
    expect(html).toMatch(/<td>1\.0<\/td><td>[^<]+<\/td><td>Ann Janssens<\/td><td>Versiepagina<\/td>/);
    // Without braces too, as some links write it; an item that does not exist says so.
    expect((await fetch(`${srv.siteUrl}/_layouts/15/Versions.aspx?list=${listId}&ID=${added.Id}`)).status).toBe(200);
    const missing = await fetch(`${srv.siteUrl}/_layouts/15/Versions.aspx?list=${listId}&ID=99999`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Item does not exist');
  });
});
