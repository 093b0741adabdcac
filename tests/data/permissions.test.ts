/** @jest-environment ./tests/dev/environment.js */
import '@pnp/sp/security';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/site-users/web';
import { PermissionKind } from '@pnp/sp/security';
import { createSp } from '../../tools/data/node';
import { CONTROL_TEAM_GROUP, ensurePermissions, everyoneClaim, EVERYONE_WARNING } from '../../src/data/permissions';
import { LOCAL_TENANT_ID } from '../../dev/server/directory';
import { ITestServer, startTestServer } from '../helpers/localServer';

let srv: ITestServer;

// A site as a tenant has it before provisioning: Owners, Members, Visitors, no control team group.
beforeAll(async () => {
  srv = await startTestServer({ controlTeamGroup: false });
});

afterAll(() => srv.stop());

interface IAssignment {
  PrincipalId: number;
  RoleDefinitionBindings: Array<{ Id: number; Name: string }>;
}

async function snapshot(): Promise<string> {
  const sp = createSp(srv.siteUrl);
  const groups = await sp.web.siteGroups.select('Id', 'Title')();
  const assignments: IAssignment[] = await sp.web.roleAssignments.expand('RoleDefinitionBindings').select('PrincipalId', 'RoleDefinitionBindings/Id', 'RoleDefinitionBindings/Name')();
  const visitors = await sp.web.associatedVisitorGroup.users.select('LoginName')();
  return JSON.stringify({ groups, assignments, visitors });
}

describe('ensurePermissions (src/data/permissions.ts) against the local server', () => {
  it('a reader gets 403 and nothing changes', async () => {
    const before = await snapshot();
    await expect(ensurePermissions(createSp(srv.siteUrl, undefined, 'lees'), {})).rejects.toMatchObject({ name: 'ProvisioningError', status: 403 });
    expect(await snapshot()).toBe(before);
  });

  it('[G-04] creates the control team group once (POST sitegroups, 201) and gives it Contribute on the web; Owners, Members and Visitors stay as they are; a second run changes nothing', async () => {
    const sp = createSp(srv.siteUrl, undefined, 'ann');
    const before: IAssignment[] = await sp.web.roleAssignments.expand('RoleDefinitionBindings').select('PrincipalId', 'RoleDefinitionBindings/Id')();
    const lines: string[] = [];
    const changes = await ensurePermissions(sp, {}, (l) => lines.push(l));
    // The control team group and its level; then the maturity facilitators' group, their permission level and Read on
    // the web (the maturity lists do not exist on this site, so nothing else).
    expect(changes.map((c) => c.kind)).toEqual(['group', 'roleAssignment', 'group', 'roleDefinition', 'roleAssignment']);
    expect(lines.join('\n')).toContain(CONTROL_TEAM_GROUP);

    const groups: Array<{ Id: number; Title: string; PrincipalType: number; OwnerTitle: string }> = await sp.web.siteGroups.select('Id', 'Title', 'PrincipalType', 'OwnerTitle')();
    const team = groups.filter((g) => g.Title === CONTROL_TEAM_GROUP);
    expect(team).toHaveLength(1);
    expect(team[0]).toMatchObject({ PrincipalType: 8, OwnerTitle: 'Ann Janssens' });
    const after: IAssignment[] = await sp.web.roleAssignments.expand('RoleDefinitionBindings').select('PrincipalId', 'RoleDefinitionBindings/Id')();
    expect(after.filter((a) => a.PrincipalId === team[0].Id)[0].RoleDefinitionBindings.map((b) => b.Id)).toEqual([1073741827]);
    // The site's own groups keep their levels.
    for (const a of before) expect(after.filter((x) => x.PrincipalId === a.PrincipalId)[0]).toEqual(a);

    // A member of the group may now edit (Contribute) but not manage lists.
    await sp.web.siteGroups.getById(team[0].Id).users.add('i:0#.f|membership|koen.wouters@stad.example');
    const koen = createSp(srv.siteUrl, undefined, 'koen');
    expect(await koen.web.currentUserHasPermissions(PermissionKind.EditListItems)).toBe(true);
    expect(await koen.web.currentUserHasPermissions(PermissionKind.ManageLists)).toBe(false);

    const state = await snapshot();
    expect(await ensurePermissions(sp, {})).toEqual([]);
    expect(await snapshot()).toBe(state);
  });

  it('[U-01] with everyoneReads adds "Everyone except external users" (its claim) to the Visitors group, warns, and does so once', async () => {
    const sp = createSp(srv.siteUrl, undefined, 'ann');
    const lines: string[] = [];
    const changes = await ensurePermissions(sp, { everyoneReads: true, tenantId: LOCAL_TENANT_ID }, (l) => lines.push(l));
    expect(changes.map((c) => c.kind)).toEqual(['groupMember']);
    expect(lines).toContain(EVERYONE_WARNING);
    const visitors: Array<{ LoginName: string; Title: string; PrincipalType: number }> = await sp.web.associatedVisitorGroup.users.select('LoginName', 'Title', 'PrincipalType')();
    expect(visitors.filter((u) => u.LoginName === everyoneClaim(LOCAL_TENANT_ID))[0]).toMatchObject({ Title: 'Everyone except external users', PrincipalType: 4 });
    expect(await ensurePermissions(sp, { everyoneReads: true, tenantId: LOCAL_TENANT_ID })).toEqual([]);

    // ensureUser of the claim with another tenant's id: SharePoint's 400 (recorded).
    const r = await fetch(`${srv.siteUrl}/_api/web/ensureuser`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-RequestDigest': await digest() },
      body: JSON.stringify({ logonName: everyoneClaim('00000000-0000-0000-0000-000000000000') })
    });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { 'odata.error': { code: string; message: { value: string } } })['odata.error']).toMatchObject({
      code: '-2146232832, Microsoft.SharePoint.SPException',
      message: { value: `The specified user ${everyoneClaim('00000000-0000-0000-0000-000000000000')} could not be found.` }
    });
  });

  it('[R-03] addroleassignment binds a permission level to a principal on the web; removeroleassignment takes it away', async () => {
    const sp = createSp(srv.siteUrl, undefined, 'ann');
    const read = await sp.web.roleDefinitions.getByType(2).select('Id')();
    await sp.web.roleAssignments.add(10, read.Id);
    const bindings = async (): Promise<number[]> =>
      ((await sp.web.roleAssignments.expand('RoleDefinitionBindings').select('PrincipalId', 'RoleDefinitionBindings/Id')()) as IAssignment[])
        .filter((a) => a.PrincipalId === 10)
        .map((a) => a.RoleDefinitionBindings.map((b) => b.Id))[0] || [];
    expect(await bindings()).toEqual([1073741826]);
    await sp.web.roleAssignments.remove(10, read.Id);
    expect(await bindings()).toEqual([]);
    await expect(createSp(srv.siteUrl, undefined, 'pieter').web.roleAssignments.add(10, read.Id)).rejects.toMatchObject({ status: 403 });
  });

  it('without everyoneReads leaves the Visitors group as it is; everyoneReads without a tenant id says what is missing', async () => {
    const sp = createSp(srv.siteUrl, undefined, 'ann');
    const before = await snapshot();
    expect(await ensurePermissions(sp, {})).toEqual([]);
    await expect(ensurePermissions(sp, { everyoneReads: true })).rejects.toThrow(/tenant/);
    expect(await snapshot()).toBe(before);
  });
});

async function digest(): Promise<string> {
  const r = await fetch(`${srv.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json' } });
  return ((await r.json()) as { FormDigestValue: string }).FormDigestValue;
}
