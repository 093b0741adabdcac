/** @jest-environment ./tests/dev/environment.js */
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/fields';
import { ensureSchema, ProvisioningError } from '../../src/data/ensureSchema';
import { createNodeRepository, createSp } from '../../tools/data/node';
import { LISTS } from '../../src/schema/schema';
import { ITestServer, startTestServer } from '../helpers/localServer';

let srv: ITestServer;

beforeAll(async () => {
  srv = await startTestServer();
});

afterAll(() => srv.stop());

describe('ensureSchema against the strict local SharePoint', () => {
  it('creates every field with the internal name of the schema (AddFieldInternalNameHint), versioning on', async () => {
    const sp = createSp(srv.siteUrl);
    await ensureSchema(sp);
    for (const schema of LISTS) {
      const list = sp.web.getList(`/sites/organisatiebeheersing/${schema.url}`);
      const fields = (await list.fields.select('InternalName', 'Title')()) as { InternalName: string; Title: string }[];
      const byName: Record<string, string> = {};
      for (const f of fields) byName[f.InternalName] = f.Title;
      for (const f of schema.fields) expect([schema.title, f.internalName, byName[f.internalName]]).toEqual([schema.title, f.internalName, f.displayName]);
      const info = (await list.select('EnableVersioning', 'MajorVersionLimit')()) as { EnableVersioning: boolean; MajorVersionLimit: number };
      expect(info.EnableVersioning).toBe(true);
      expect(info.MajorVersionLimit).toBeGreaterThan(0);
    }
  });

  it('finds lists by URL: a list an admin renamed is neither created again nor changed back', async () => {
    const sp = createSp(srv.siteUrl);
    const acties = sp.web.getList('/sites/organisatiebeheersing/Lists/Acties');
    await acties.update({ Title: 'Acties en realisaties', Description: 'Door de beheerder aangepast', OnQuickLaunch: false });
    const again = await ensureSchema(sp);
    expect(again.changes).toEqual([]);
    const info = (await acties.select('Title', 'Description', 'OnQuickLaunch')()) as Record<string, unknown>;
    expect(info).toMatchObject({ Title: 'Acties en realisaties', Description: 'Door de beheerder aangepast', OnQuickLaunch: false });
    const titles = ((await sp.web.lists.select('Title')()) as { Title: string }[]).map((l) => l.Title);
    expect(titles.filter((t) => t === 'Acties')).toEqual([]);
    // The data layer still reads the renamed list.
    const data = await createNodeRepository(srv.siteUrl).loadReportData();
    expect(data.actions).toEqual([]);
  });

  it('never takes a read error (503) for a missing list: it stops, says so, and creates nothing', async () => {
    const sp = createSp(srv.siteUrl);
    const realFetch = global.fetch;
    const posts: string[] = [];
    const spy = jest.spyOn(global, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = String(input instanceof Request ? input.url : input);
      if ((init?.method || 'GET') !== 'GET') posts.push(url);
      if (/getList\(/i.test(url) && /Risicos/.test(decodeURIComponent(url))) {
        return new Response(JSON.stringify({ 'odata.error': { code: '-1, Microsoft.SharePoint.SPException', message: { lang: 'en-US', value: 'Server Too Busy' } } }), {
          status: 503,
          headers: { 'Content-Type': 'application/json', 'Retry-After': '0' }
        });
      }
      return realFetch(input, init);
    });
    try {
      const err = await ensureSchema(sp).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ProvisioningError);
      expect((err as ProvisioningError).status).toBe(503);
      expect((err as Error).message).toMatch(/Kon de lijst Lists\/Risicos niet lezen .*Nothing was changed/);
    } finally {
      spy.mockRestore();
    }
    expect(posts.filter((u) => /\/_api\/web\/lists$/i.test(u.split('?')[0]))).toEqual([]);
    const titles = ((await sp.web.lists.select('Title')()) as { Title: string }[]).map((l) => l.Title);
    expect(titles.filter((t) => /^Risicos/.test(t))).toEqual(['Risicos']);
  });

  it('adds the Finalisatie column to a Rapporten library made before it, changing nothing else; the earlier final report still counts; twice changes nothing', async () => {
    const sp = createSp(srv.siteUrl);
    await ensureSchema(sp);
    const repo = createNodeRepository(srv.siteUrl, undefined, 'ann');
    const enc = (t: string): ArrayBuffer => new TextEncoder().encode(t).buffer as ArrayBuffer;
    await repo.finaliseReport(2016, [{ name: 'Voortgangsrapport 2016.docx', format: 'Word', content: enc('word') }], false);
    // A library as an earlier version provisioned it: no Finalisatie column, a report without a set id.
    const rapporten = sp.web.getList('/sites/organisatiebeheersing/Rapporten');
    await rapporten.fields.getByInternalNameOrTitle('Finalisatie').delete();
    const again = await ensureSchema(sp);
    expect(again.changes.map((c) => [c.list, c.kind, c.name])).toEqual([['Rapporten', 'field', 'Finalisatie']]);
    const fields = (await rapporten.fields.select('InternalName', 'TypeAsString')()) as Array<{ InternalName: string; TypeAsString: string }>;
    expect(fields.filter((f) => f.InternalName === 'Finalisatie').map((f) => f.TypeAsString)).toEqual(['Text']);
    expect((await repo.getStoredReports()).map((r) => [r.name, r.year])).toEqual([['Voortgangsrapport 2016.docx', 2016]]);
    expect((await ensureSchema(sp)).changes).toEqual([]);
  });
});
