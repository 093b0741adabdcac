/** @jest-environment ./tests/dev/environment.js */
/**
 * FIDELITY.md K-01..K-05: item-level read/write security, what Manage Lists and Override List Behaviors bypass,
 * unique permissions on lists and items, and added permission levels, through PnPjs as the local users.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/security';
import '@pnp/sp/site-users/web';
import { PermissionKind } from '@pnp/sp/security';
import { createSp } from '../../tools/data/node';
import { permissionMask } from '../../src/data/maturityAccess';
import { ITestServer, startTestServer } from '../helpers/localServer';

let srv: ITestServer;
const as = (user: string): SPFI => createSp(srv.siteUrl, undefined, user);
const list = (user: string, title: string = 'Eigen'): ReturnType<SPFI['web']['lists']['getByTitle']> => as(user).web.lists.getByTitle(title);

async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (e) {
    return (e as { status: number }).status;
  }
  return 200;
}

async function userId(login: string): Promise<number> {
  const u = (await as('ann').web.ensureUser(`i:0#.f|membership|${login}@stad.example`)) as unknown as { Id?: number; data?: { Id: number } };
  return (u.data ? u.data.Id : u.Id) as number;
}

let pieterItem: number;
let sofieItem: number;

beforeAll(async () => {
  // The default local site: the control team (ann, pieter, sofie) has Contribute on the web, koen and lees Read.
  srv = await startTestServer();
  await as('ann').web.lists.add('Eigen', '', 100, false, { ReadSecurity: 2, WriteSecurity: 2 });
  pieterItem = ((await list('pieter').items.add({ Title: 'van pieter' })) as { Id: number }).Id;
  sofieItem = ((await list('sofie').items.add({ Title: 'van sofie' })) as { Id: number }).Id;
});

afterAll(() => srv.stop());

describe('item-level security and unique permissions on the local server', () => {
  it('[K-01] ReadSecurity 2 is set and read back; a user lists and reads only the items they created (items, items(n), $batch)', async () => {
    expect(await list('sofie').select('ReadSecurity', 'WriteSecurity')()).toMatchObject({ ReadSecurity: 2, WriteSecurity: 2 });
    // A new list reads and writes all items.
    await as('ann').web.lists.add('Gewoon', '', 100);
    expect(await list('sofie', 'Gewoon').select('ReadSecurity', 'WriteSecurity')()).toMatchObject({ ReadSecurity: 1, WriteSecurity: 1 });

    expect((await list('sofie').items.select('Id', 'Title')()).map((i: { Title: string }) => i.Title)).toEqual(['van sofie']);
    expect((await list('koen').items()).length).toBe(0);
    expect(await statusOf(list('sofie').items.getById(pieterItem)())).toBe(404);
    expect(await statusOf(list('sofie').items.getById(sofieItem)())).toBe(200);
    const [batched, execute] = as('sofie').batched();
    const other = batched.web.lists.getByTitle('Eigen').items.getById(pieterItem)();
    const all = batched.web.lists.getByTitle('Eigen').items.select('Title')();
    await execute();
    expect(await statusOf(other)).toBe(404);
    expect((await all).map((i: { Title: string }) => i.Title)).toEqual(['van sofie']);
    // Changing an item one cannot see: it is not there.
    expect(await statusOf(list('sofie').items.getById(pieterItem).update({ Title: 'overschreven' }))).toBe(404);
    expect(await statusOf(list('sofie').items.getById(pieterItem).delete())).toBe(404);
  });

  it('[K-02] Manage Lists (owners) and Override List Behaviors (a level with Cancel Checkout) see every item; Read alone does not', async () => {
    expect((await list('ann').items()).length).toBe(2);
    const l = list('ann');
    await l.breakRoleInheritance(true, false);
    const level = await as('ann').web.roleDefinitions.add('Ziet alles', '', 900, permissionMask([PermissionKind.ViewListItems, PermissionKind.Open, PermissionKind.ViewPages, PermissionKind.CancelCheckout]));
    const koen = await userId('koen.wouters');
    expect((await list('koen').items()).length).toBe(0);
    await l.roleAssignments.add(koen, (level.data as { Id: number }).Id);
    expect((await list('koen').items.select('Title')()).map((i: { Title: string }) => i.Title).sort()).toEqual(['van pieter', 'van sofie']);
    expect(await statusOf(list('koen').items.getById(pieterItem)())).toBe(200);
    // It reads, but holds no Edit Items: a change is refused.
    expect(await statusOf(list('koen').items.getById(pieterItem).update({ Title: 'x' }))).toBe(403);
    await l.roleAssignments.remove(koen, (level.data as { Id: number }).Id);
    expect((await list('koen').items()).length).toBe(0);
  });

  it('[K-03] WriteSecurity 2: another user\'s item is refused with 403 where it can be read; 4: nobody but list managers adds or edits', async () => {
    await as('ann').web.lists.add('Open lezen', '', 100, false, { ReadSecurity: 1, WriteSecurity: 2 });
    const mine = ((await list('pieter', 'Open lezen').items.add({ Title: 'van pieter' })) as { Id: number }).Id;
    expect((await list('sofie', 'Open lezen').items.getById(mine).select('Title')()).Title).toBe('van pieter');
    expect(await statusOf(list('sofie', 'Open lezen').items.getById(mine).update({ Title: 'overschreven' }))).toBe(403);
    expect(await statusOf(list('sofie', 'Open lezen').items.getById(mine).delete())).toBe(403);
    await list('pieter', 'Open lezen').items.getById(mine).update({ Title: 'bijgewerkt' });
    // An owner (Manage Lists) is not bound by it.
    await list('ann', 'Open lezen').items.getById(mine).update({ Title: 'door ann' });

    await list('ann', 'Open lezen').update({ WriteSecurity: 4 });
    expect(await statusOf(list('pieter', 'Open lezen').items.add({ Title: 'nieuw' }))).toBe(403);
    expect(await statusOf(list('pieter', 'Open lezen').items.getById(mine).update({ Title: 'nee' }))).toBe(403);
    expect(await statusOf(list('ann', 'Open lezen').items.add({ Title: 'door ann' }))).toBe(200);
  });

  it('[K-04] breakroleinheritance and addroleassignment on an item and on a list; Manage Permissions on a list manages that list only', async () => {
    await as('ann').web.lists.add('Per item', '', 100);
    const a = ((await list('ann', 'Per item').items.add({ Title: 'alleen sofie' })) as { Id: number }).Id;
    const b = ((await list('ann', 'Per item').items.add({ Title: 'iedereen' })) as { Id: number }).Id;
    const item = list('ann', 'Per item').items.getById(a);
    // A copy of the list's (the web's) assignments; then only the site's owners keep theirs, and sofie reads.
    await item.breakRoleInheritance(true, false);
    const read = ((await as('ann').web.roleDefinitions.getByType(2).select('Id')()) as { Id: number }).Id;
    const copied: Array<{ PrincipalId: number; RoleDefinitionBindings: Array<{ Id: number }> }> = await item.roleAssignments
      .expand('RoleDefinitionBindings')
      .select('PrincipalId', 'RoleDefinitionBindings/Id')();
    for (const x of copied.filter((y) => y.PrincipalId !== 3)) for (const d of x.RoleDefinitionBindings) await item.roleAssignments.remove(x.PrincipalId, d.Id);
    await item.roleAssignments.add(await userId('sofie.maes'), read);
    // An item with its own permissions: visible only to whom it names.
    expect((await list('pieter', 'Per item').items.select('Id')()).map((i: { Id: number }) => i.Id)).toEqual([b]);
    expect(await statusOf(list('pieter', 'Per item').items.getById(a)())).toBe(404);
    expect((await list('sofie', 'Per item').items.getById(a).select('Title')()).Title).toBe('alleen sofie');
    expect(await statusOf(list('sofie', 'Per item').items.getById(a).update({ Title: 'x' }))).toBe(403);
    expect(await list('sofie', 'Per item').items.getById(b).select('Title')()).toMatchObject({ Title: 'iedereen' });
    // Contribute on that one item lets a site reader change it, and nothing else.
    const contribute = ((await as('ann').web.roleDefinitions.getByType(3).select('Id')()) as { Id: number }).Id;
    await item.roleAssignments.add(await userId('koen.wouters'), contribute);
    await list('koen', 'Per item').items.getById(a).update({ Title: 'door koen' });
    expect(await list('sofie', 'Per item').items.getById(a).select('Title')()).toMatchObject({ Title: 'door koen' });
    expect(await statusOf(list('koen', 'Per item').items.getById(b).update({ Title: 'nee' }))).toBe(403);

    // Managing permissions needs Manage Permissions where it applies.
    expect(await statusOf(list('pieter', 'Per item').breakRoleInheritance(true, false))).toBe(403);
    await list('ann', 'Per item').breakRoleInheritance(true, false);
    const manage = await as('ann').web.roleDefinitions.add('Beheert lijst', '', 901, permissionMask([PermissionKind.ViewListItems, PermissionKind.Open, PermissionKind.ViewPages, PermissionKind.ManagePermissions]));
    const pieter = await userId('pieter.desmet');
    await list('ann', 'Per item').roleAssignments.add(pieter, (manage.data as { Id: number }).Id);
    const koen = await userId('koen.wouters');
    await list('pieter', 'Per item').roleAssignments.add(koen, read);
    const onList: Array<{ PrincipalId: number; RoleDefinitionBindings: Array<{ Id: number }> }> = await list('ann', 'Per item')
      .roleAssignments.expand('RoleDefinitionBindings')
      .select('PrincipalId', 'RoleDefinitionBindings/Id')();
    expect(onList.filter((x) => x.PrincipalId === koen)[0].RoleDefinitionBindings.map((d) => d.Id)).toEqual([read]);
    // ... and not on the web or another list.
    expect(await statusOf(as('pieter').web.roleAssignments.add(koen, read))).toBe(403);
    await list('ann', 'Eigen').breakRoleInheritance(true, false);
    expect(await statusOf(list('pieter', 'Eigen').roleAssignments.add(koen, read))).toBe(403);
  });

  it('[K-05] roledefinitions POST adds a permission level (201, RoleTypeKind 0) that can be bound and read back', async () => {
    const r = await fetch(`${srv.siteUrl}/_api/web/roledefinitions`, {
      method: 'POST',
      headers: { Accept: 'application/json;odata=nometadata', 'Content-Type': 'application/json', 'X-RequestDigest': (await (await fetch(`${srv.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json;odata=nometadata' } })).json()).FormDigestValue, 'X-LocalSP-User': 'ann' },
      body: JSON.stringify({ Name: 'Proefniveau', Description: '', Order: 0, BasePermissions: { High: '0', Low: '262144' } })
    });
    expect(r.status).toBe(201);
    const body = (await r.json()) as { Id: number; Name: string; RoleTypeKind: number; Hidden: boolean; BasePermissions: { High: string; Low: string } };
    expect(body).toMatchObject({ Name: 'Proefniveau', RoleTypeKind: 0, Hidden: false, BasePermissions: { High: '0', Low: '262144' } });
    expect(await as('sofie').web.roleDefinitions.getById(body.Id).select('Name')()).toMatchObject({ Name: 'Proefniveau' });
    // Only who manages the site's permissions adds levels.
    expect(await statusOf(as('pieter').web.roleDefinitions.add('Niet van pieter', '', 0, { High: 0, Low: 1 }))).toBe(403);
  });
});
