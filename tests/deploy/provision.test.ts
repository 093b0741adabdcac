/** @jest-environment ./tests/dev/environment.js */
import '@pnp/sp/site-groups/web';
import { createSp } from '../../tools/data/node';
import { CONTROL_TEAM_GROUP } from '../../src/data/permissions';
import { seedIfNew } from '../../dev/start';
import { EXAMPLE_NOTE } from '../../dev/exampleOwners';
import '@pnp/sp/items';
import '@pnp/sp/lists';
import { tenantIdFor } from '../../scripts/provision';
import { LOCAL_TENANT_ID } from '../../dev/server/directory';
import { ITestServer, startTestServer } from '../helpers/localServer';

describe('the permission model on a new local site (npm start) and in npm run provision', () => {
  let srv: ITestServer;
  beforeAll(async () => {
    srv = await startTestServer({ controlTeamGroup: false });
  });
  afterAll(() => srv.stop());

  it('npm start\'s first-start seeding creates the control team group through ensurePermissions and puts ann, pieter and sofie in it; a restart changes nothing', async () => {
    const lines: string[] = [];
    await seedIfNew(srv.siteUrl, srv.dataDir, (l) => lines.push(l));
    const sp = createSp(srv.siteUrl);
    const team = (await sp.web.siteGroups.select('Id', 'Title')()).filter((g: { Title: string }) => g.Title === CONTROL_TEAM_GROUP);
    expect(team).toHaveLength(1);
    const members = await sp.web.siteGroups.getById(team[0].Id).users.select('Title')();
    expect(members.map((m: { Title: string }) => m.Title).sort()).toEqual(['Ann Janssens', 'Pieter De Smet', 'Sofie Maes']);
    expect(lines.join('\n')).toContain(CONTROL_TEAM_GROUP);
    // Pieter may now edit and finalise: his rights come from the group.
    const pieter = await createSp(srv.siteUrl, undefined, 'pieter').web.getList('/sites/organisatiebeheersing/Lists/Acties').items.add({ Title: 'Van Pieter' });
    expect(pieter.Id).toBeGreaterThan(0);
    // Example owners and deadlines for part of the 2023 planning (issue 21), marked as example data.
    const owned: Array<{ EigenaarId?: number; Deadline?: string; Opmerking?: string }> = await sp.web
      .getList('/sites/organisatiebeheersing/Lists/Acties')
      .items.select('EigenaarId', 'Deadline', 'Opmerking')
      .filter('JaarGepland eq 2023')
      .top(500)();
    const withOwner = owned.filter((a) => a.EigenaarId);
    expect(withOwner.length).toBe(12);
    expect(new Set(withOwner.map((a) => a.EigenaarId)).size).toBe(3);
    expect(withOwner.every((a) => !!a.Deadline && (a.Opmerking || '').indexOf(EXAMPLE_NOTE) >= 0)).toBe(true);
    expect(withOwner.some((a) => new Date(a.Deadline as string).getTime() < Date.now())).toBe(true);
    const again: string[] = [];
    await seedIfNew(srv.siteUrl, srv.dataDir, (l) => again.push(l));
    expect(again).toEqual([]);
  }, 120000);

  it('npm run provision -- --everyone-reads finds the tenant id: --tenant-id, the token\'s tid, else the local tenant', () => {
    const token = ['eyJhbGciOiJub25lIn0', Buffer.from(JSON.stringify({ tid: 'aaaaaaaa-1111-2222-3333-444444444444' })).toString('base64url'), ''].join('.');
    expect(tenantIdFor('bbbbbbbb-1111-2222-3333-444444444444', token)).toBe('bbbbbbbb-1111-2222-3333-444444444444');
    expect(tenantIdFor(undefined, token)).toBe('aaaaaaaa-1111-2222-3333-444444444444');
    expect(tenantIdFor(undefined, undefined)).toBe(LOCAL_TENANT_ID);
  });
});
