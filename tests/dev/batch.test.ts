/** @jest-environment ./tests/dev/environment.js */
import { SPFI } from '@pnp/sp';
import { startTestServer, ITestServer } from '../helpers/localServer';
import { createDemoLists, digest, pnp } from './fixtures';

let srv: ITestServer;
let sp: SPFI;

beforeAll(async () => {
  srv = await startTestServer();
  sp = pnp(srv.siteUrl);
  await createDemoLists(sp);
  await sp.web.lists.getByTitle('Domeinen').items.add({ Title: 'Organisatiecultuur', Volgorde: 1 });
});
afterAll(() => srv.stop());

describe('$batch', () => {
  it('[B-04] runs mixed reads and writes in order; a failing part does not stop the others', async () => {
    const [batched, execute] = sp.batched();
    const acties = batched.web.lists.getByTitle('Acties');
    const before = acties.items.select('Id')();
    const a1 = acties.items.add({ Title: 'Eerste', DomeinenId: [1] });
    const missing = batched.web.lists.getByTitle('Bestaat niet').items();
    const a2 = acties.items.add({ Title: 'Tweede' });
    const badUpdate = acties.items.getById(4242).update({ Title: 'x' });
    const domain = batched.web.lists.getByTitle('Domeinen').items.getById(1).select('Title')();
    const fields = acties.fields.filter("InternalName eq 'Status'").select('Choices')();
    await execute();
    expect(await before).toEqual([]);
    const [r1, r2] = await Promise.all([a1, a2]);
    expect(r1).toMatchObject({ Title: 'Eerste', DomeinenId: [1] });
    expect(r2.Id).toBe(r1.Id + 1);
    await expect(missing).rejects.toMatchObject({ status: 404 });
    await expect(badUpdate).rejects.toMatchObject({ status: 404 });
    expect(await domain).toMatchObject({ Title: 'Organisatiecultuur' });
    expect((await fields)[0].Choices).toEqual(['Gepland', 'Lopend', 'Gerealiseerd']);
    const all = await sp.web.lists.getByTitle('Acties').items.select('Title')();
    expect(all.map((i: { Title: string }) => i.Title)).toEqual(['Eerste', 'Tweede']);
  });

  it('splits more than 20 requests over several batches (PnPjs) and answers each in order', async () => {
    const [batched, execute] = sp.batched();
    const list = batched.web.lists.getByTitle('Acties');
    const adds = Array.from({ length: 45 }, (_, i) => list.items.add({ Title: `Bulk ${i}` }));
    await execute();
    const results = await Promise.all(adds);
    expect(results.map((r) => r.Title)).toEqual(Array.from({ length: 45 }, (_, i) => `Bulk ${i}`));
    expect(new Set(results.map((r) => r.Id)).size).toBe(45);
  });

  it('writes the reply PnPjs parses: flat parts, CRLF, a line end after the closing boundary', async () => {
    const dg = await digest(srv.siteUrl);
    const api = `${srv.siteUrl}/_api`;
    const body = [
      '--batch_1',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `GET ${api}/web/lists/getByTitle('Domeinen')/items?$select=Title HTTP/1.1`,
      'accept: application/json',
      '',
      '--batch_1',
      'Content-Type: multipart/mixed; boundary="changeset_2"',
      '',
      '--changeset_2',
      'Content-Type: application/http',
      'Content-Transfer-Encoding: binary',
      '',
      `MERGE ${api}/web/lists/getByTitle('Domeinen')/items(1) HTTP/1.1`,
      'accept: application/json',
      'content-type: application/json;charset=utf-8',
      'if-match: *',
      '',
      '{"Title":"Cultuur"}',
      '',
      '--changeset_2--',
      '',
      '--batch_1--',
      ''
    ].join('\n');
    const r = await fetch(`${api}/$batch`, { method: 'POST', headers: { 'Content-Type': 'multipart/mixed; boundary=batch_1', 'X-RequestDigest': dg }, body });
    expect(r.status).toBe(200);
    const text = await r.text();
    const boundary = /boundary=(batchresponse_[0-9a-f-]+)/.exec(r.headers.get('content-type') || '')?.[1];
    expect(boundary).toBeDefined();
    // CRLF throughout, as recorded from SharePoint Online (FIDELITY B-04).
    expect(text.endsWith(`--${boundary}--\r\n`)).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.split(`--${boundary}\r\n`)).toHaveLength(3);
    expect(text).toContain('HTTP/1.1 204 No Content\r\n');
    expect((await sp.web.lists.getByTitle('Domeinen').items.getById(1)()).Title).toBe('Cultuur');
    const noDigest = await fetch(`${api}/$batch`, { method: 'POST', headers: { 'Content-Type': 'multipart/mixed; boundary=batch_1' }, body });
    expect(noDigest.status).toBe(403);
  });
});
