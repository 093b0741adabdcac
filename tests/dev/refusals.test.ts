/** @jest-environment ./tests/dev/environment.js */
/**
 * What SharePoint Online refuses and the local server must refuse too (dev/server/FIDELITY.md):
 * batch limits, expired digests, a timed-out batch part, indexes on columns that cannot be
 * indexed, over-long list titles, and $select of a missing field on an empty list.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import { fieldSchemaXml } from '../../src/schema/schema';
import { pageContextSp } from '../../tools/data/browser';
import { workbenchRoutes } from '../../dev/workbench/routes';
import { optionsFromEnv } from '../../dev/server/index';
import { ITestServer, startTestServer } from '../helpers/localServer';
import { digest, INTERNAL_NAME_HINT, pnp } from './fixtures';

interface ISpFailure {
  status: number;
  code: string;
  message: string;
}

function parseFailure(status: number, text: string): ISpFailure {
  const body = JSON.parse(text) as { 'odata.error'?: { code: string; message: { value: string } } };
  const oe = body['odata.error'];
  return { status, code: oe ? oe.code : '', message: oe ? oe.message.value : '' };
}

/** The status, odata.error code and message of a failed PnPjs call. */
async function failure(p: Promise<unknown>): Promise<ISpFailure> {
  try {
    await p;
  } catch (e) {
    const err = e as { status: number; response?: Response; message: string };
    if (err.response) return parseFailure(err.status, await err.response.clone().text());
    const m = /::> (\{.*\})\s*$/s.exec(err.message);
    return m ? parseFailure(err.status, m[1]) : { status: err.status, code: '', message: err.message };
  }
  throw new Error('expected the request to fail');
}

const wait = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

let srv: ITestServer;
let sp: SPFI;

beforeAll(async () => {
  srv = await startTestServer();
  sp = pnp(srv.siteUrl);
  await sp.web.lists.add('Proef', '', 100);
  const fields = sp.web.lists.getByTitle('Proef').fields;
  await fields.createFieldAsXml({ SchemaXml: fieldSchemaXml({ internalName: 'Jaar', displayName: 'Jaar', type: 'Number' }), Options: INTERNAL_NAME_HINT });
  await fields.createFieldAsXml({ SchemaXml: fieldSchemaXml({ internalName: 'Toelichting', displayName: 'Toelichting', type: 'Note' }), Options: INTERNAL_NAME_HINT });
  await fields.createFieldAsXml({ SchemaXml: fieldSchemaXml({ internalName: 'Eigenaars', displayName: 'Eigenaars', type: 'UserMulti' }), Options: INTERNAL_NAME_HINT });
  const doel = ((await sp.web.lists.add('Doel', '', 100)) as { Id: string }).Id;
  await fields.createFieldAsXml({
    SchemaXml: fieldSchemaXml({ internalName: 'Doelen', displayName: 'Doelen', type: 'LookupMulti', lookupList: 'x', lookupField: 'Title' }, doel),
    Options: INTERNAL_NAME_HINT
  });
  for (let i = 0; i < 3; i++) await sp.web.lists.getByTitle('Proef').items.add({ Title: `Item ${i}`, Jaar: 2020 + i });
});

afterAll(() => srv.stop());

/** A raw $batch of `parts` GETs (and an optional padded write), as PnPjs writes it. */
function batchBody(api: string, gets: number, padBytes: number = 0): string {
  const lines: string[] = [];
  for (let i = 0; i < gets; i++) {
    lines.push('--batch_x', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '', `GET ${api}/web/lists/getByTitle('Proef')/items?$select=Title HTTP/1.1`, 'accept: application/json', '');
  }
  if (padBytes) {
    lines.push('--batch_x', 'Content-Type: multipart/mixed; boundary="changeset_y"', '', '--changeset_y', 'Content-Type: application/http', 'Content-Transfer-Encoding: binary', '');
    lines.push(`POST ${api}/web/lists/getByTitle('Proef')/items HTTP/1.1`, 'accept: application/json', 'content-type: application/json', '');
    lines.push(JSON.stringify({ Title: 'Groot', Toelichting: 'x'.repeat(padBytes) }), '', '--changeset_y--');
  }
  lines.push('--batch_x--', '');
  return lines.join('\r\n');
}

async function postBatch(body: string): Promise<Response> {
  return fetch(`${srv.siteUrl}/_api/$batch`, {
    method: 'POST',
    headers: { Accept: 'application/json', 'Content-Type': 'multipart/mixed; boundary=batch_x', 'X-RequestDigest': await digest(srv.siteUrl) },
    body
  });
}

describe('$batch limits', () => {
  it('[B-11] a batch of more than 100 operations is refused as a whole; 100 are answered', async () => {
    const api = `${srv.siteUrl}/_api`;
    const ok = await postBatch(batchBody(api, 100));
    expect(ok.status).toBe(200);
    expect((await ok.text()).match(/HTTP\/1\.1 200 OK/g)).toHaveLength(100);
    const r = await postBatch(batchBody(api, 101));
    expect(parseFailure(r.status, await r.text())).toEqual({
      status: 400,
      code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      message: "The current batch message contains too many parts. Only batch messages with a maximum number of '100' query operations and change sets are allowed."
    });
    // Through PnPjs, told to put 101 requests in one batch: every request fails, none is answered.
    const [batched, execute] = sp.batched({ maxRequests: 101 });
    const reads = Array.from({ length: 101 }, () => batched.web.lists.getByTitle('Proef').items.select('Title')().then(() => 'answered', () => 'failed'));
    await expect(execute()).rejects.toMatchObject({ status: 400 });
    expect(await Promise.race([Promise.all(reads), wait(200).then(() => 'pending')])).not.toContain('answered');
  });

  it('[B-12] a batch body over 1 MB is refused before any part runs', async () => {
    const api = `${srv.siteUrl}/_api`;
    const before = (await sp.web.lists.getByTitle('Proef').items.select('Id')()).length;
    const r = await postBatch(batchBody(api, 1, 1048576));
    const f = parseFailure(r.status, await r.text());
    expect(f.status).toBe(400);
    expect(f.message).toMatch(/^The maximum number of bytes allowed to be read from the stream has been exceeded\. After the last read operation, a total of \d+ bytes has been read from the stream; however a maximum of 1048576 bytes is allowed\.$/);
    expect((await sp.web.lists.getByTitle('Proef').items.select('Id')()).length).toBe(before);
    // Just under the limit the same batch is run.
    const small = await postBatch(batchBody(api, 1, 1000000));
    expect(small.status).toBe(200);
    expect(await small.text()).toMatch(/HTTP\/1\.1 201 Created/);
  });
});

describe('a batch part that times out (fault switch)', () => {
  it('[B-13] the switches come from the environment (LOCAL_SP_BATCH_PART_TIMEOUT_EVERY, LOCAL_SP_DIGEST_TIMEOUT_S)', () => {
    expect(optionsFromEnv({ LOCAL_SP_BATCH_PART_TIMEOUT_EVERY: '4', LOCAL_SP_DIGEST_TIMEOUT_S: '60' })).toMatchObject({ batchPartTimeoutEvery: 4, digestTimeoutSeconds: 60 });
    expect(optionsFromEnv({})).not.toHaveProperty('batchPartTimeoutEvery');
    expect(optionsFromEnv({})).not.toHaveProperty('digestTimeoutSeconds');
  });

  it('[B-13] every Nth part answers 500 ClientServiceTimeoutException, the others are answered', async () => {
    const slow = await startTestServer({ batchPartTimeoutEvery: 3 });
    try {
      const ssp = pnp(slow.siteUrl);
      await ssp.web.lists.add('Proef', '', 100);
      const [batched, execute] = ssp.batched();
      const reads = Array.from({ length: 6 }, () => batched.web.lists.getByTitle('Proef').items.select('Title')());
      await execute();
      const settled = await Promise.allSettled(reads);
      expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'rejected']);
      const f = await failure(reads[2]);
      expect(f).toEqual({ status: 500, code: '-2146233083, Microsoft.SharePoint.Client.ClientServiceTimeoutException', message: 'The operation has timed out.' });
      // Requests outside a batch are not affected.
      expect(await ssp.web.lists.getByTitle('Proef').items.select('Title')()).toEqual([]);
    } finally {
      await slow.stop();
    }
  });
});

describe('form digests expire', () => {
  let short: ITestServer;
  beforeAll(async () => {
    short = await startTestServer({ digestTimeoutSeconds: 1 });
    await pnp(short.siteUrl).web.lists.add('Proef', '', 100);
  });
  afterAll(() => short.stop());

  const post = (dg: string): Promise<Response> =>
    fetch(`${short.siteUrl}/_api/web/lists/getByTitle('Proef')/items`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-RequestDigest': dg },
      body: JSON.stringify({ Title: 'x' })
    });

  it('[D-03] an expired digest answers 403 -2130575252; a missing or foreign one -2130575251', async () => {
    const info = (await (await fetch(`${short.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json' } })).json()) as {
      FormDigestTimeoutSeconds: number;
      FormDigestValue: string;
    };
    expect(info.FormDigestTimeoutSeconds).toBe(1);
    expect((await post(info.FormDigestValue)).status).toBe(201);
    await wait(2100);
    const text = "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again.";
    const expired = await post(info.FormDigestValue);
    expect(parseFailure(expired.status, await expired.text())).toEqual({ status: 403, code: '-2130575252, Microsoft.SharePoint.SPException', message: text });
    const foreign = await post('0x00,1 Jan 2020 00:00:00 -0000');
    expect(parseFailure(foreign.status, await foreign.text())).toEqual({ status: 403, code: '-2130575251, Microsoft.SharePoint.SPException', message: text });
    const none = await fetch(`${short.siteUrl}/_api/web/lists/getByTitle('Proef')/items`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
      body: JSON.stringify({ Title: 'x' })
    });
    expect(parseFailure(none.status, await none.text()).code).toBe('-2130575251, Microsoft.SharePoint.SPException');
  });

  it('[D-04] PnPjs asks for a new digest once the old one expired (browser and SPFx page behaviours)', async () => {
    const browser = pnp(short.siteUrl);
    await browser.web.lists.getByTitle('Proef').items.add({ Title: 'voor' });
    const page = (await (await fetch(`${short.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json' } })).json()) as {
      FormDigestValue: string;
      FormDigestTimeoutSeconds: number;
    };
    const spfx = pageContextSp(short.siteUrl, { formDigestValue: page.FormDigestValue, formDigestTimeoutSeconds: page.FormDigestTimeoutSeconds });
    await wait(2100);
    await expect(browser.web.lists.getByTitle('Proef').items.add({ Title: 'na (browser)' })).resolves.toBeDefined();
    await expect(spfx.web.lists.getByTitle('Proef').items.add({ Title: 'na (pagina)' })).resolves.toBeDefined();
    // A batch takes its digest the same way.
    const [batched, execute] = browser.batched();
    const add = batched.web.lists.getByTitle('Proef').items.add({ Title: 'na (batch)' });
    await wait(2100);
    await execute();
    await expect(add).resolves.toBeDefined();
  });
});

describe('the workbench page digest', () => {
  it('[D-04] a workbench page carries a digest with the server\'s lifetime; writes from the page still work after it expired', async () => {
    const wb = await startTestServer({ digestTimeoutSeconds: 1, extraRoutes: workbenchRoutes(() => ({})) });
    try {
      await pnp(wb.siteUrl).web.lists.add('Proef', '', 100);
      const html = await (await fetch(`${wb.url}/workbench/domain-cards?user=pieter`)).text();
      const m = /window\.__WORKBENCH__ = (\{.*?\});<\/script>/s.exec(html);
      expect(m).not.toBeNull();
      const cfg = JSON.parse((m as RegExpExecArray)[1].replace(/\\u003c/g, '<')) as { digest: { formDigestValue: string; formDigestTimeoutSeconds: number } };
      expect(cfg.digest.formDigestTimeoutSeconds).toBe(1);
      const page = pageContextSp(wb.siteUrl, cfg.digest);
      await wait(2100);
      const added = (await page.web.lists.getByTitle('Proef').items.add({ Title: 'na het verlopen' })) as { Title: string };
      expect(added.Title).toBe('na het verlopen');
    } finally {
      await wb.stop();
    }
  });
});

describe('columns that cannot be indexed', () => {
  it('[F-08] Indexed on a multi-line text or a multi-value column is refused; the column stays unindexed', async () => {
    const fields = sp.web.lists.getByTitle('Proef').fields;
    for (const name of ['Toelichting', 'Eigenaars', 'Doelen']) {
      const f = await failure(fields.getByInternalNameOrTitle(name).update({ Indexed: true }));
      expect(f).toEqual({ status: 500, code: '-2147467259, Microsoft.SharePoint.SPException', message: 'Cannot complete this action.\n\nPlease try again.' });
      expect(((await fields.getByInternalNameOrTitle(name).select('Indexed')()) as { Indexed: boolean }).Indexed).toBe(false);
    }
    await fields.getByInternalNameOrTitle('Jaar').update({ Indexed: true });
    expect(((await fields.getByInternalNameOrTitle('Jaar').select('Indexed')()) as { Indexed: boolean }).Indexed).toBe(true);
    // Also when the column is created with Indexed="TRUE": nothing is added.
    const xml = '<Field Type="Note" Name="Uitleg" StaticName="Uitleg" DisplayName="Uitleg" Indexed="TRUE" />';
    expect((await failure(fields.createFieldAsXml({ SchemaXml: xml, Options: INTERNAL_NAME_HINT }))).status).toBe(500);
    expect(((await fields.select('InternalName')()) as { InternalName: string }[]).map((x) => x.InternalName)).not.toContain('Uitleg');
  });
});

describe('list titles', () => {
  it('[B-14] a list title over 255 characters is refused, on add and on rename', async () => {
    const long = 'L'.repeat(256);
    const f = await failure(sp.web.lists.add(long, '', 100));
    expect(f.status).toBe(400);
    expect(srv.store.listTitles()).not.toContain(long);
    await sp.web.lists.add('L'.repeat(255), '', 100);
    expect(srv.store.listTitles()).toContain('L'.repeat(255));
    expect((await failure(sp.web.lists.getByTitle('Proef').update({ Title: long }))).status).toBe(400);
    expect(srv.store.listTitles()).toContain('Proef');
  });
});

describe('queries on an empty list', () => {
  beforeAll(() => sp.web.lists.add('Leeg', '', 100));

  it('[Q-07] $select or $expand of a field that does not exist is refused also when no row is found', async () => {
    const leeg = sp.web.lists.getByTitle('Leeg').items;
    expect(await failure(leeg.select('Id', 'Bestaatniet')())).toEqual({
      status: 400,
      code: '-1, Microsoft.SharePoint.SPException',
      message: "The field or property 'Bestaatniet' does not exist."
    });
    expect((await failure(leeg.select('Id', 'Bestaatniet/Title').expand('Bestaatniet')())).message).toBe("The field or property 'Bestaatniet' does not exist.");
    // A filter that finds nothing on a list with rows: the same answer.
    const proef = sp.web.lists.getByTitle('Proef').items;
    expect((await failure(proef.select('Id', 'Bestaatniet').filter('Jaar eq 1900')())).status).toBe(400);
    // Fields that exist (built-in, Author projection) answer an empty page.
    expect(await leeg.select('Id', 'Title', 'Modified', 'Author/Title').expand('Author')()).toEqual([]);
    expect(await proef.select('Id', 'Jaar').filter('Jaar eq 1900')()).toEqual([]);
  });

  it('[Q-08] $filter and $orderby on a column that does not exist are refused on an empty list too', async () => {
    const leeg = sp.web.lists.getByTitle('Leeg').items;
    const filter = await failure(leeg.filter('Jaartal eq 2001')());
    expect(filter).toEqual({ status: 400, code: '-2147024809, System.ArgumentException', message: "Column 'Jaartal' does not exist. It may have been deleted by another user." });
    expect((await failure(leeg.orderBy('Jaartal')())).message).toBe("Column 'Jaartal' does not exist. It may have been deleted by another user.");
  });
});
