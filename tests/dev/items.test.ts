/** @jest-environment ./tests/dev/environment.js */
import * as fs from 'fs';
import * as path from 'path';
import { SPFI } from '@pnp/sp';
import { startTestServer, ITestServer } from '../helpers/localServer';
import { createDemoLists, digest, pnp } from './fixtures';

let srv: ITestServer;
let sp: SPFI;
let d: Record<string, number>;

beforeAll(async () => {
  srv = await startTestServer();
  sp = pnp(srv.siteUrl);
  await createDemoLists(sp);
  d = {};
  for (const [i, t] of ['Organisatiecultuur', 'Bereiken doelstellingen', 'Bescherming activa'].entries()) {
    d[t] = (await sp.web.lists.getByTitle('Domeinen').items.add({ Title: t, Volgorde: i + 1 })).Id;
  }
});
afterAll(() => srv.stop());

const acties = (): ReturnType<SPFI['web']['lists']['getByTitle']> => sp.web.lists.getByTitle('Acties');

describe('list items', () => {
  it('adds an item: 201, Id, etag "1", defaults applied, HTML stored as given', async () => {
    const added = await acties().items.add({ Title: 'Uitrol <b>contractbeheer</b>', Jaar: 2022, DomeinenId: [d.Organisatiecultuur, d['Bescherming activa']] });
    expect(added).toMatchObject({ Id: expect.any(Number), ID: added.Id, 'odata.etag': '"1"', Status: 'Gepland', DomeinenId: [1, 3], DomeinId: null, EigenaarId: null });
    expect(added.Title).toBe('Uitrol <b>contractbeheer</b>');
    const dom = await sp.web.lists.getByTitle('Domeinen').items.getById(d.Organisatiecultuur)();
    expect(dom.Actief).toBe(true);
  });

  it('expands single and multi lookups and persons, omitting missing lookup targets', async () => {
    const item = await acties().items.add({ Title: 'Risicoanalyse', DomeinId: d['Bereiken doelstellingen'], DomeinenId: [d.Organisatiecultuur, 999], EigenaarId: 8 });
    const got = await acties()
      .items.getById(item.Id)
      .select('Id', 'Domein/Id', 'Domein/Title', 'Domeinen/Id', 'Domeinen/Title', 'Eigenaar/Id', 'Eigenaar/Title', 'Eigenaar/EMail', 'DomeinenId')
      .expand('Domein', 'Domeinen', 'Eigenaar')();
    expect(got.Domein).toMatchObject({ Id: d['Bereiken doelstellingen'], Title: 'Bereiken doelstellingen' });
    expect(got.Domeinen).toEqual([expect.objectContaining({ Id: d.Organisatiecultuur, Title: 'Organisatiecultuur' })]);
    expect(got.DomeinenId).toEqual([d.Organisatiecultuur, 999]);
    expect(got.Eigenaar).toMatchObject({ Id: 8, Title: expect.any(String), EMail: expect.stringMatching(/@stad\.example$/) });
    const none = await acties().items.getById(1).select('Domein/Title', 'Eigenaar/Title').expand('Domein', 'Eigenaar')();
    expect(none.Domein).toBeNull();
    expect(none.Eigenaar).toBeNull();
  });

  it('needs $expand for a projected lookup field', async () => {
    await expect(acties().items.select('Domein/Title')()).rejects.toMatchObject({ status: 400 });
  });

  it('updates with MERGE: 204 with a new etag; a stale etag gets 412 and changes nothing', async () => {
    const item = await acties().items.add({ Title: 'Versie' });
    const r = await acties().items.getById(item.Id).update({ Status: 'Lopend' }, '"1"');
    expect(r.etag).toBe('"2"');
    let err: { status?: number; response?: Response } = {};
    try {
      await acties().items.getById(item.Id).update({ Status: 'Gerealiseerd' }, '"1"');
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.status).toBe(412);
    const body = await (err.response as Response).json();
    expect(body['odata.error'].code).toBe('-1, Microsoft.SharePoint.Client.ClientServiceException');
    await expect(acties().items.getById(item.Id).delete('"1"')).rejects.toMatchObject({ status: 412 });
    const now = await acties().items.getById(item.Id).select('Status')();
    expect(now.Status).toBe('Lopend');
    await acties().items.getById(item.Id).delete('"2"');
    const gone = await fetch(`${srv.siteUrl}/_api/web/lists/getByTitle('Acties')/items(${item.Id})`, { headers: { Accept: 'application/json' } });
    expect(gone.status).toBe(404);
    expect((await gone.json())['odata.error'].message.value).toBe('Item does not exist. It may have been deleted by another user.');
  });

  it('rejects invalid writes with 400: unknown property, type, unknown user', async () => {
    const cases: Record<string, unknown>[] = [{ Title: 'x', Foo: 1 }, { Title: 'x', Jaar: 'twee' }, { Title: 'x', EigenaarId: 4242 }];
    for (const c of cases) await expect(acties().items.add(c)).rejects.toMatchObject({ status: 400 });
    try {
      await acties().items.add({ Title: 'x', Foo: 1 });
    } catch (e) {
      const body = await (e as { response: Response }).response.json();
      expect(body['odata.error'].message.value).toBe(
        "The property 'Foo' does not exist on type 'SP.Data.ActiesListItem'. Make sure to only use property names that are defined by the type."
      );
    }
  });

  it('requires a form digest (or bearer token) for writes', async () => {
    const url = `${srv.siteUrl}/_api/web/lists/getByTitle('Acties')/items`;
    const body = JSON.stringify({ Title: 'Zonder digest' });
    const none = await fetch(url, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json' }, body });
    expect(none.status).toBe(403);
    expect((await none.json())['odata.error'].message.value).toMatch(/^The security validation for this page is invalid/);
    const forged = await fetch(url, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-RequestDigest': '0xABC,01 Jan 2026 00:00:00 -0000' }, body });
    expect(forged.status).toBe(403);
    const bearer = await fetch(url, { method: 'POST', headers: { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: 'Bearer local' }, body });
    expect(bearer.status).toBe(201);
    expect(bearer.headers.get('etag')).toBe('"1"');
  });

  it('answers malformed JSON with 400 and loses nothing', async () => {
    const before = await acties().items.select('Id', 'Title').top(500)();
    const dg = await digest(srv.siteUrl);
    const h = { Accept: 'application/json', 'Content-Type': 'application/json', 'X-RequestDigest': dg };
    const url = `${srv.siteUrl}/_api/web/lists/getByTitle('Acties')/items`;
    for (const bad of ['{"Title": ', '[1,2]', 'not json', '{"Title":"a"}}']) {
      const r = await fetch(url, { method: 'POST', headers: h, body: bad });
      expect(r.status).toBe(400);
      expect((await r.json())['odata.error'].code).toBe('-1, Microsoft.SharePoint.Client.InvalidClientQueryException');
    }
    const merge = await fetch(`${url}(${before[0].Id})`, { method: 'POST', headers: { ...h, 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' }, body: '{"Title":' });
    expect(merge.status).toBe(400);
    expect(await acties().items.select('Id', 'Title').top(500)()).toEqual(before);
    // and the store on disk is still valid JSON with the same items
    const file = path.join(srv.dataDir, 'lists', `${(await acties().select('Id')()).Id}.json`);
    expect(JSON.parse(fs.readFileSync(file, 'utf8')).items).toHaveLength(before.length);
  });
});

describe('queries', () => {
  beforeAll(async () => {
    const [batched, execute] = sp.batched();
    const list = batched.web.lists.getByTitle('Acties');
    for (let i = 0; i < 250; i++) {
      void list.items.add({
        Title: `Actie ${String(i).padStart(3, '0')}${i % 10 === 0 ? " O'Brien" : ''}`,
        Jaar: 2020 + (i % 5),
        Status: ['Gepland', 'Lopend', 'Gerealiseerd'][i % 3],
        DomeinenId: i % 2 ? [d.Organisatiecultuur] : [d['Bescherming activa'], d['Bereiken doelstellingen']],
        Deadline: `2023-0${1 + (i % 9)}-15T00:00:00Z`,
        Afdeling: i % 4 === 0 ? null : 'ICT'
      });
    }
    await execute();
  });

  const items = (): ReturnType<ReturnType<typeof acties>['items']['select']> => acties().items.select('Id', 'Title', 'Jaar', 'Status', 'DomeinenId');

  it('returns 100 items by default and at most $top', async () => {
    expect(await acties().items()).toHaveLength(100);
    expect(await acties().items.top(7)()).toHaveLength(7);
  });

  it('answers $top above 5000 on a small list with all its items (FIDELITY P-02)', async () => {
    expect((await acties().items.select('Id').top(5001)()).length).toBeGreaterThan(100);
  });

  it('filters with eq/ne/gt/le, and/or/not, startswith, substringof, null, datetime and multi lookups', async () => {
    const all = (await acties().items.select('Id', 'Title', 'Jaar', 'Status', 'DomeinenId', 'Afdeling', 'Deadline').top(5000)()) as Array<Record<string, unknown>>;
    const check = async (filter: string, pred: (i: Record<string, unknown>) => boolean): Promise<void> => {
      const got = await acties().items.select('Id').filter(filter).top(5000)();
      expect(got.map((g: { Id: number }) => g.Id)).toEqual(all.filter(pred).map((i) => i.Id));
    };
    await check("Jaar eq 2022 and Status eq 'Lopend'", (i) => i.Jaar === 2022 && i.Status === 'Lopend');
    await check("(Jaar le 2021 or Jaar gt 2023) and not (Status ne 'Gepland')", (i) => typeof i.Jaar === 'number' && (i.Jaar <= 2021 || i.Jaar > 2023) && i.Status === 'Gepland');
    await check("startswith(Title,'Actie 01')", (i) => String(i.Title).startsWith('Actie 01'));
    await check("substringof('O''Brien',Title)", (i) => String(i.Title).includes("O'Brien"));
    await check('Afdeling eq null', (i) => i.Afdeling === null);
    await check(`Domeinen/Id eq ${d.Organisatiecultuur}`, (i) => (i.DomeinenId as number[]).includes(d.Organisatiecultuur));
    await check("Deadline ge datetime'2023-08-01T00:00:00Z'", (i) => typeof i.Deadline === 'string' && (i.Deadline as string) >= '2023-08-01');
  });

  it('answers a bad $filter or unknown column with 400', async () => {
    await expect(acties().items.filter('Jaar eq')()).rejects.toMatchObject({ status: 400 });
    await expect(acties().items.filter('Kleur eq 1')()).rejects.toMatchObject({ status: 400 });
  });

  it('orders by several keys', async () => {
    const got = (await items().orderBy('Jaar', false).orderBy('Title').top(5000)()) as Array<{ Jaar: number; Title: string }>;
    const sorted = got.slice().sort((a, b) => b.Jaar - a.Jaar || a.Title.localeCompare(b.Title));
    expect(got.map((g) => g.Title)).toEqual(sorted.map((g) => g.Title));
  });

  it('pages with odata.nextLink through all items (async iteration) and by skiptoken', async () => {
    const total = (await acties().items.select('Id').top(5000)()).length;
    expect(total).toBeGreaterThan(250);
    const seen: number[] = [];
    let pages = 0;
    for await (const page of acties().items.select('Id').top(100)) {
      pages++;
      seen.push(...page.map((p: { Id: number }) => p.Id));
    }
    expect(pages).toBe(Math.ceil(total / 100));
    expect(new Set(seen).size).toBe(total);
    expect(seen).toEqual(seen.slice().sort((a, b) => a - b));
    const second = await acties().items.select('Id').top(10).skip(seen[9])();
    expect(second.map((s: { Id: number }) => s.Id)).toEqual(seen.slice(10, 20));
    const raw = await (await fetch(`${srv.siteUrl}/_api/web/lists/getByTitle('Acties')/items?$select=Id&$top=5`, { headers: { Accept: 'application/json' } })).json();
    expect(raw['odata.nextLink']).toBe(`${srv.siteUrl}/_api/web/lists/getByTitle('Acties')/items?%24select=Id&%24top=5&%24skiptoken=Paged%3DTRUE%26p_ID%3D${seen[4]}`);
  });

  it('pages a filtered, ordered query without gaps or repeats', async () => {
    const expected = (await items().filter("Status eq 'Lopend'").orderBy('Jaar').top(5000)()).map((i: { Id: number }) => i.Id);
    const seen: number[] = [];
    for await (const page of acties().items.select('Id').filter("Status eq 'Lopend'").orderBy('Jaar').top(30)) seen.push(...page.map((p: { Id: number }) => p.Id));
    expect(seen).toEqual(expected);
  });

  it('returns verbose collections with __next and multi lookups as results', async () => {
    const r = await (await fetch(`${srv.siteUrl}/_api/web/lists/getByTitle('Acties')/items?$select=Id,DomeinenId&$top=2`, { headers: { Accept: 'application/json;odata=verbose' } })).json();
    expect(r.d.results).toHaveLength(2);
    expect(r.d.__next).toContain('skiptoken');
    expect(r.d.results[0].DomeinenId.__metadata).toEqual({ type: 'Collection(Edm.Int32)' });
    expect(Array.isArray(r.d.results[0].DomeinenId.results)).toBe(true);
    expect(r.d.results[0].__metadata).toMatchObject({ etag: expect.any(String), type: 'SP.Data.ActiesListItem' });
  });
});
