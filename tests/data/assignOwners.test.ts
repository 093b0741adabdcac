/** @jest-environment ./tests/dev/environment.js */
/**
 * Owners and deadlines for many items at once, through PnPjs against the local server (src/app/assignOwners.ts over
 * src/data/ownerAssignment.ts): pieter (control team) assigns, each item with If-Match on its ETag.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { ensureSchema } from '../../src/data/ensureSchema';
import { ensurePermissions } from '../../src/data/permissions';
import { createAssignPort, readPeople } from '../../src/data/ownerAssignment';
import { AssignRefusedError, assignOwners, IAssignTarget } from '../../src/app/assignOwners';
import { createSp } from '../../tools/data/node';
import { ITestServer, startTestServer } from '../helpers/localServer';

let srv: ITestServer;
const as = (user: string): SPFI => createSp(srv.siteUrl, undefined, user);
const list = (user: string, title: string): ReturnType<SPFI['web']['lists']['getByTitle']> => as(user).web.lists.getByTitle(title);
let domainId: number;

async function newAction(title: string, plannedYear: number): Promise<IAssignTarget> {
  const added = (await list('ann', 'Acties').items.add({ Title: title, DomeinenId: [domainId], ActieStatus: 'Gepland', JaarGepland: plannedYear })) as { Id: number };
  const item = (await list('ann', 'Acties').items.getById(added.Id).select('Modified')()) as { Modified: string };
  return { kind: 'action', id: added.Id, title, seenModified: item.Modified };
}

async function ownerAndDeadline(title: string, id: number): Promise<{ owner?: string; deadline?: string }> {
  const item = (await list('ann', title).items.getById(id).select('Eigenaar/Title', 'Deadline').expand('Eigenaar')()) as { Eigenaar?: { Title: string }; Deadline?: string };
  return { owner: item.Eigenaar ? item.Eigenaar.Title : undefined, deadline: item.Deadline || undefined };
}

async function refusal(p: Promise<unknown>): Promise<AssignRefusedError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AssignRefusedError) return e;
    throw e;
  }
  throw new Error('not refused');
}

beforeAll(async () => {
  srv = await startTestServer();
  await ensureSchema(as('ann'));
  await ensurePermissions(as('ann'));
  domainId = ((await list('ann', 'Domeinen').items.add({ Title: 'Betrouwbare informatie', Volgorde: 6 })) as { Id: number }).Id;
});

afterAll(async () => {
  await srv.stop();
});

describe('assigning owners and deadlines (PnPjs, local server)', () => {
  it('pieter gives a domain\'s new planning and a recommendation one owner and one deadline', async () => {
    const a = await newAction('Dataclassificatie', 2026);
    const b = await newAction('Archiefbeheer', 2026);
    const rec = (await list('ann', 'Aanbevelingen').items.add({ Title: 'Register verwerkingen', Prioriteit: 'H' })) as { Id: number };
    const result = await assignOwners(createAssignPort(as('pieter')), {
      targets: [a, b, { kind: 'recommendation', id: rec.Id, title: 'Register verwerkingen' }],
      ownerLogin: 'koen.wouters@stad.example',
      deadline: '2026-11-30'
    });
    expect(result.owner && result.owner.title).toBe('Koen Wouters');
    expect([result.updated.length, result.conflicts.length, result.failed.length]).toEqual([3, 0, 0]);
    for (const t of result.updated) {
      expect(await ownerAndDeadline(t.kind === 'action' ? 'Acties' : 'Aanbevelingen', t.id)).toEqual({ owner: 'Koen Wouters', deadline: '2026-11-30T00:00:00Z' });
    }
  });

  it('a colleague of the tenant who is not yet on the site is added by ensureUser and becomes the owner', async () => {
    const a = await newAction('Nieuwe procedure', 2026);
    const result = await assignOwners(createAssignPort(as('pieter')), { targets: [a], ownerLogin: 'jan.peeters@stad.example' });
    expect(result.updated.map((t) => t.id)).toEqual([a.id]);
    expect((await ownerAndDeadline('Acties', a.id)).owner).toBe('Jan Peeters');
    expect((await readPeople(as('pieter'))).map((p) => p.title)).toContain('Jan Peeters');
  });

  it('an item changed after it was shown is reported and kept; the others are written', async () => {
    const a = await newAction('Wijziging tussendoor', 2026);
    const b = await newAction('Gewoon', 2026);
    await new Promise((r) => setTimeout(r, 1100));
    await list('sofie', 'Acties').items.getById(a.id).update({ Opmerking: 'Sofie was eerst' });
    const result = await assignOwners(createAssignPort(as('pieter')), { targets: [a, b], ownerLogin: 'sofie.maes@stad.example' });
    expect(result.conflicts.map((t) => t.id)).toEqual([a.id]);
    expect(result.updated.map((t) => t.id)).toEqual([b.id]);
    expect((await ownerAndDeadline('Acties', a.id)).owner).toBeUndefined();
  });

  it('a stale ETag on the write itself is a conflict (If-Match, 412), not an overwrite', async () => {
    const a = await newAction('Race', 2026);
    const port = createAssignPort(as('pieter'));
    const [now] = await port.readTargets('action', [a.id]);
    await list('sofie', 'Acties').items.getById(a.id).update({ Opmerking: 'tussendoor' });
    expect(await port.writeTarget('action', a.id, { ownerId: 10 }, now.etag as string)).toBe('conflict');
    expect((await ownerAndDeadline('Acties', a.id)).owner).toBeUndefined();
  });

  it('refuses a deadline before an action\'s planned year, and a group or an unknown login as owner; nothing is written', async () => {
    const a = await newAction('Later gepland', 2027);
    const b = await newAction('Nu gepland', 2026);
    const early = await refusal(assignOwners(createAssignPort(as('pieter')), { targets: [b, a], ownerLogin: 'koen.wouters@stad.example', deadline: '2026-12-31' }));
    expect(early.problems).toEqual(['deadlineBeforePlanned']);
    expect(early.items.map((t) => t.title)).toEqual(['Later gepland']);
    const group = await refusal(assignOwners(createAssignPort(as('pieter')), { targets: [b], ownerLogin: 'c:0-.f|rolemanager|spo-grid-all-users/' + (await import('../../tools/localTenant')).LOCAL_TENANT_ID }));
    expect(group.problems).toEqual(['ownerGroup']);
    const unknown = await refusal(assignOwners(createAssignPort(as('pieter')), { targets: [b], ownerLogin: 'iemand@elders.example' }));
    expect(unknown.problems).toEqual(['ownerUnknown']);
    expect(await ownerAndDeadline('Acties', b.id)).toEqual({ owner: undefined, deadline: undefined });
  });

  it('[W-09] a user deleted from the tenant cannot be written into a person column', async () => {
    const a = await newAction('Na vertrek', 2026);
    const b = await newAction('Ook na vertrek', 2026);
    await srv.store.removeFromTenant('i:0#.f|membership|lies.eeckhout@stad.example');
    let status = 0;
    try {
      await list('ann', 'Acties').items.getById(a.id).update({ EigenaarId: 11 });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(400);
    // The use case stops on the first refusal: nothing half-done.
    const e = await refusal(assignOwners(createAssignPort(as('pieter')), { targets: [a, b], ownerLogin: 'lies.eeckhout@stad.example', deadline: '2026-10-01' }));
    expect(e.problems).toEqual(['ownerDeleted']);
    expect(await ownerAndDeadline('Acties', a.id)).toEqual({ owner: undefined, deadline: undefined });
    expect(await ownerAndDeadline('Acties', b.id)).toEqual({ owner: undefined, deadline: undefined });
  });

  it('koen (an owner, a reader of the site) cannot assign: the writes are refused by SharePoint and reported', async () => {
    const a = await newAction('Niet van koen', 2026);
    const result = await assignOwners(createAssignPort(as('koen')), { targets: [a], deadline: '2026-09-01' });
    expect(result.failed.map((t) => t.id)).toEqual([a.id]);
    expect((await ownerAndDeadline('Acties', a.id)).deadline).toBeUndefined();
  });
});
