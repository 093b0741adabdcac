/** @jest-environment ./tests/dev/environment.js */
/**
 * Instellingen (report year, organisation) are the control team's decisions: after the product's own provisioning
 * (ensureSchema, ensurePermissions) SharePoint lets only the control team and the site owners write them, over REST
 * as each local user. pieter and sofie are in the control team; koen owns actions and, for this test, is also in the
 * site's Members group (Edit on every list); lees only reads the site.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/security';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/site-users/web';
import { ensureSchema } from '../../src/data/ensureSchema';
import { ensurePermissions } from '../../src/data/permissions';
import { queueSettingsRead, writeSetting } from '../../src/data/settings';
import { createSp } from '../../tools/data/node';
import { ITestServer, startTestServer } from '../helpers/localServer';

let srv: ITestServer;
const as = (user: string): SPFI => createSp(srv.siteUrl, undefined, user);

async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (e) {
    return (e as { status: number }).status;
  }
  return 200;
}

beforeAll(async () => {
  srv = await startTestServer();
  const sp = as('ann');
  await ensureSchema(sp);
  // koen edits the lists as a member of the site's Members group (Edit), like any list editor who is not in the control team.
  await sp.web.associatedMemberGroup.users.add('i:0#.f|membership|koen.wouters@stad.example');
});

afterAll(() => srv.stop());

describe('Instellingen: only the control team and the site owners write', () => {
  it('before provisioning every list editor can change the report year (what this fixes)', async () => {
    expect(await statusOf(writeSetting(as('koen'), 'Rapportjaar', '2021'))).toBe(200);
  });

  it('after ensurePermissions: pieter, sofie (control team) and ann (owner) write; koen (Members, owner of actions) and lees (reader) get 403', async () => {
    const changes = await ensurePermissions(as('ann'));
    expect(changes.filter((c) => c.list === 'Instellingen').map((c) => c.kind)).toContain('uniquePermissions');
    expect(await statusOf(writeSetting(as('pieter'), 'Rapportjaar', '2022'))).toBe(200);
    expect(await statusOf(writeSetting(as('sofie'), 'Organisatie', 'Stad Voorbeeld'))).toBe(200);
    expect(await statusOf(writeSetting(as('ann'), 'Rapportjaar', '2023'))).toBe(200);
    expect(await statusOf(writeSetting(as('koen'), 'Rapportjaar', '2020'))).toBe(403);
    expect(await statusOf(writeSetting(as('koen'), 'NieuweInstelling', 'x'))).toBe(403);
    expect(await statusOf(writeSetting(as('lees'), 'Rapportjaar', '2020'))).toBe(403);
    // Everyone still reads them: every surface opens on the decided year.
    for (const user of ['koen', 'lees', 'pieter']) expect((await queueSettingsRead(as(user))).reportYear).toBe(2023);
  });

  it('a second ensurePermissions changes nothing on Instellingen', async () => {
    const again = await ensurePermissions(as('ann'));
    expect(again.filter((c) => c.list === 'Instellingen')).toEqual([]);
    expect(await statusOf(writeSetting(as('koen'), 'Rapportjaar', '2020'))).toBe(403);
  });
});
