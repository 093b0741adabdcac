/** @jest-environment ./tests/dev/environment.js */
import '@pnp/sp/security';
import '@pnp/sp/site-users/web';
import '@pnp/sp/site-groups/web';
import { PermissionKind } from '@pnp/sp/security';
import { createSp } from '../../tools/data/node';
import { workbenchRoutes } from '../../dev/workbench/routes';
import { ITestServer, startTestServer } from '../helpers/localServer';
import { createDemoLists, digest } from './fixtures';

const DENIED = { code: '-2147024891, System.UnauthorizedAccessException', message: { lang: 'en-US', value: 'Access denied. You do not have permission to perform this action or access this resource.' } };

let srv: ITestServer;

beforeAll(async () => {
  srv = await startTestServer({ extraRoutes: workbenchRoutes(() => ({})) });
  await createDemoLists(createSp(srv.siteUrl));
});

afterAll(() => srv.stop());

describe('the local user directory', () => {
  it('[U-04] acts as the user the request names (X-LocalSP-User): owner, control team, reader', async () => {
    const who = async (user?: string): Promise<{ Id: number; Title: string }> => createSp(srv.siteUrl, undefined, user).web.currentUser.select('Id', 'Title')();
    expect(await who()).toMatchObject({ Id: 7, Title: 'Ann Janssens' });
    expect(await who('pieter')).toMatchObject({ Id: 8, Title: 'Pieter De Smet' });
    expect(await who('sofie')).toMatchObject({ Id: 9 });
    expect(await who('lees')).toMatchObject({ Id: 11, Title: 'Lies Eeckhout' });
    expect(await who('reader')).toMatchObject({ Id: 11 });
    expect(await who('pieter.desmet@stad.example')).toMatchObject({ Id: 8 });
  });

  it('[R-02] a reader reads, but every write is 403 with SharePoint\'s access denied; a control team member edits but does not manage lists', async () => {
    const lees = createSp(srv.siteUrl, undefined, 'lees');
    expect(await lees.web.lists.getByTitle('Acties').items.select('Id')()).toEqual([]);
    let err: { status?: number; response?: Response } = {};
    try {
      await lees.web.lists.getByTitle('Acties').items.add({ Title: 'Nee' });
    } catch (e) {
      err = e as typeof err;
    }
    expect(err.status).toBe(403);
    expect((await (err.response as Response).json())['odata.error']).toEqual(DENIED);
    expect(await lees.web.lists.getByTitle('Acties').currentUserHasPermissions(PermissionKind.AddListItems)).toBe(false);

    const pieter = createSp(srv.siteUrl, undefined, 'pieter');
    const added = await pieter.web.lists.getByTitle('Acties').items.add({ Title: 'Van Pieter' });
    const item = await pieter.web.lists.getByTitle('Acties').items.getById(added.Id).select('AuthorId', 'EditorId')();
    expect(item).toMatchObject({ AuthorId: 8, EditorId: 8 });
    await expect(pieter.web.lists.add('Nee', '', 100)).rejects.toMatchObject({ status: 403 });
    expect(await pieter.web.currentUserHasPermissions(PermissionKind.ManageLists)).toBe(false);
    expect(await pieter.web.currentUserHasPermissions(PermissionKind.EditListItems)).toBe(true);
    // The owner may ask about a colleague.
    const theirs = await createSp(srv.siteUrl).web.getUserEffectivePermissions('i:0#.f|membership|lies.eeckhout@stad.example');
    expect(theirs).toEqual(expect.objectContaining({ High: '176', Low: '138612833' }));
  });

  it('[U-04] a workbench page with ?user= hands the user to its requests (config) and to list forms (cookie); without it the cookie is cleared', async () => {
    const page = await fetch(`${srv.url}/workbench/domain-cards?user=lees`);
    expect(page.headers.get('set-cookie')).toMatch(/^localsp-user=lees; Path=\//);
    expect(await page.text()).toContain('"user":"lees"');
    const viaCookie = await fetch(`${srv.siteUrl}/_api/web/currentuser?$select=Id`, { headers: { Accept: 'application/json', Cookie: 'localsp-user=lees' } });
    expect(((await viaCookie.json()) as { Id: number }).Id).toBe(11);
    const write = await fetch(`${srv.siteUrl}/_api/web/lists/getByTitle('Acties')/items`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', Cookie: 'localsp-user=lees', 'X-RequestDigest': await digest(srv.siteUrl) },
      body: JSON.stringify({ Title: 'Via formulier' })
    });
    expect(write.status).toBe(403);
    const plain = await fetch(`${srv.url}/workbench/domain-cards`);
    expect(plain.headers.get('set-cookie')).toMatch(/^localsp-user=; Path=\/; Max-Age=0/);
  });

  it('refuses a login that is not in the directory (401) instead of silently acting as someone else', async () => {
    const r = await fetch(`${srv.siteUrl}/_api/web/currentuser`, { headers: { Accept: 'application/json', 'X-LocalSP-User': 'nobody' } });
    expect(r.status).toBe(401);
  });

  it('LOCAL_SP_USER (option user) sets the default identity; a header still overrides it', async () => {
    const other = await startTestServer({ user: 'reader' });
    try {
      expect((await createSp(other.siteUrl).web.currentUser.select('Id')()).Id).toBe(11);
      expect((await createSp(other.siteUrl, undefined, 'ann').web.currentUser.select('Id')()).Id).toBe(7);
    } finally {
      await other.stop();
    }
  });
});

describe('groups and permission levels', () => {
  it('[G-01] a new site has its Owners (3), Visitors (4) and Members (5) groups, PrincipalType 8, LoginName equal to Title', async () => {
    const sp = createSp(srv.siteUrl);
    const groups = await sp.web.siteGroups.select('Id', 'Title', 'LoginName', 'PrincipalType')();
    const byId = (id: number): { Title: string; LoginName: string; PrincipalType: number } => groups.filter((g: { Id: number }) => g.Id === id)[0];
    expect(byId(3)).toMatchObject({ Title: 'Organisatiebeheersing Owners', LoginName: 'Organisatiebeheersing Owners', PrincipalType: 8 });
    expect(byId(4).Title).toBe('Organisatiebeheersing Visitors');
    expect(byId(5).Title).toBe('Organisatiebeheersing Members');
    expect((await sp.web.associatedVisitorGroup.select('Id')()).Id).toBe(4);
    const team = groups.filter((g: { Title: string }) => g.Title === 'Organisatiebeheersing – beheerders')[0];
    const members = await sp.web.siteGroups.getById(team.Id).users.select('Id')();
    expect(members.map((u: { Id: number }) => u.Id).sort()).toEqual([7, 8, 9]);
  });

  it('[R-01] lists the built-in permission levels with their recorded ids and masks (Int64 as strings)', async () => {
    const sp = createSp(srv.siteUrl);
    const contribute = await sp.web.roleDefinitions.getByType(3)();
    expect(contribute).toMatchObject({ Id: 1073741827, Name: 'Contribute', BasePermissions: { High: '432', Low: '1011028719' } });
    const read = await sp.web.roleDefinitions.getByType(2)();
    expect(read).toMatchObject({ Id: 1073741826, BasePermissions: { High: '176', Low: '138612833' } });
    const all = await sp.web.roleDefinitions.select('Id')();
    expect(all.map((d: { Id: number }) => d.Id)).toContain(1073741829);
  });
});
