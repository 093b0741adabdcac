/** @jest-environment ./tests/dev/environment.js */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import '@pnp/sp/security';
import { PermissionKind } from '@pnp/sp/security';
import { fieldSchemaXml } from '../../src/schema/schema';
import { startTestServer, ITestServer } from '../helpers/localServer';
import { createDemoLists, pnp } from './fixtures';

describe('throttling', () => {
  let srv: ITestServer;
  afterAll(() => srv.stop());

  it('[T-01] answers every Nth request 429 with Retry-After; PnPjs retries and its loads succeed', async () => {
    srv = await startTestServer({ throttleEvery: 3 });
    const sp = pnp(srv.siteUrl);
    await createDemoLists(sp);
    for (let i = 0; i < 5; i++) await sp.web.lists.getByTitle('Acties').items.add({ Title: `T${i}` });
    const [batched, execute] = sp.batched();
    const a = batched.web.lists.getByTitle('Acties').items.select('Title')();
    const b = batched.web.lists.getByTitle('Domeinen').items();
    await execute();
    expect((await a).map((x: { Title: string }) => x.Title)).toEqual(['T0', 'T1', 'T2', 'T3', 'T4']);
    expect(await b).toEqual([]);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    let body: { 'odata.error'?: unknown } = {};
    for (let i = 0; i < 3; i++) {
      const r = await fetch(`${srv.siteUrl}/_api/web`, { headers: { Accept: 'application/json' } });
      statuses.push(r.status);
      if (r.status === 429) {
        retryAfter = r.headers.get('retry-after');
        body = await r.json();
      }
    }
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    expect(retryAfter).toBe('0');
    expect(body['odata.error']).toBeDefined();
  });
});

describe('permission levels', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-sp-perm-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  beforeAll(async () => {
    const owner = await startTestServer({ dataDir });
    const sp = pnp(owner.siteUrl);
    await createDemoLists(sp);
    await sp.web.lists.getByTitle('Acties').items.add({ Title: 'Bestaand' });
    await owner.stop();
  });

  it('[R-02] reader: reads work, every write is 403 access denied, permissions are Read', async () => {
    const srv = await startTestServer({ dataDir, user: 'reader', latencyMs: 5 });
    try {
      const sp = pnp(srv.siteUrl);
      expect(await sp.web.lists.getByTitle('Acties').items.select('Title')()).toEqual([expect.objectContaining({ Title: 'Bestaand' })]);
      let err: { status?: number; response?: Response } = {};
      try {
        await sp.web.lists.getByTitle('Acties').items.add({ Title: 'Nee' });
      } catch (e) {
        err = e as typeof err;
      }
      expect(err.status).toBe(403);
      expect((await (err.response as Response).json())['odata.error']).toEqual({
        code: '-2147024891, System.UnauthorizedAccessException',
        message: { lang: 'en-US', value: 'Access denied. You do not have permission to perform this action or access this resource.' }
      });
      await expect(sp.web.lists.getByTitle('Acties').items.getById(1).update({ Title: 'Nee' })).rejects.toMatchObject({ status: 403 });
      await expect(sp.web.lists.add('Nee', '', 100)).rejects.toMatchObject({ status: 403 });
      const perms = await sp.web.getCurrentUserEffectivePermissions();
      expect(perms).toEqual(expect.objectContaining({ High: '176', Low: '138612833' }));
      expect(sp.web.hasPermissions(perms, PermissionKind.ViewListItems)).toBe(true);
      expect(await sp.web.lists.getByTitle('Acties').currentUserHasPermissions(PermissionKind.EditListItems)).toBe(false);
      expect(await sp.web.currentUserHasPermissions(PermissionKind.ManageLists)).toBe(false);
    } finally {
      await srv.stop();
    }
  });

  it('member: edits items but cannot create lists or fields', async () => {
    const srv = await startTestServer({ dataDir, user: 'member' });
    try {
      const sp = pnp(srv.siteUrl);
      const added = await sp.web.lists.getByTitle('Acties').items.add({ Title: 'Lid' });
      await sp.web.lists.getByTitle('Acties').items.getById(added.Id).update({ Title: 'Lid 2' });
      await expect(sp.web.lists.add('Nee', '', 100)).rejects.toMatchObject({ status: 403 });
      await expect(
        sp.web.lists.getByTitle('Acties').fields.createFieldAsXml(fieldSchemaXml({ internalName: 'Extra', displayName: 'Extra', type: 'Text' }))
      ).rejects.toMatchObject({ status: 403 });
      await expect(sp.web.lists.getByTitle('Acties').fields.getByInternalNameOrTitle('Afdeling').update({ Indexed: true })).rejects.toMatchObject({ status: 403 });
      expect(await sp.web.lists.getByTitle('Acties').currentUserHasPermissions(PermissionKind.EditListItems)).toBe(true);
      expect(await sp.web.currentUserHasPermissions(PermissionKind.ManageLists)).toBe(false);
    } finally {
      await srv.stop();
    }
  });
});
