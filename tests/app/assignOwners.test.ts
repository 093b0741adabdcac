/** Owners and deadlines for many items at once: the use case over a fake SharePoint (src/app/assignOwners.ts). */
import {
  AssignKind, AssignRefusedError, assignOwners, IAssignChanges, IAssignPort, IAssignTarget, ICurrentTarget, IResolvedOwner, WriteOutcome
} from '../../src/app/assignOwners';

interface IFakeItem extends ICurrentTarget {
  ownerId?: number;
  deadline?: string;
}

class FakePort implements IAssignPort {
  public people: Record<string, IResolvedOwner> = {
    'koen@stad.example': { id: 10, title: 'Koen Wouters', email: 'koen@stad.example', loginName: 'i:0#.f|membership|koen@stad.example', principalType: 1 },
    everyone: { id: 20, title: 'Everyone except external users', loginName: 'c:0-.f|rolemanager|spo-grid-all-users/x', principalType: 4 },
    'weg@stad.example': { id: 30, title: 'Vertrokken', email: 'weg@stad.example', loginName: 'i:0#.f|membership|weg@stad.example', principalType: 1 }
  };
  public departed: number[] = [30];
  public items: Record<string, IFakeItem> = {};
  public writes: string[] = [];
  /** Someone else changes this item between the read and the write. */
  public changeBeforeWrite: string | undefined;

  public add(kind: AssignKind, item: IFakeItem): void {
    this.items[`${kind}:${item.id}`] = { ...item, etag: '"1"', modified: item.modified || '2026-01-01T00:00:00Z' };
  }

  public async resolveOwner(login: string): Promise<IResolvedOwner | undefined> {
    return this.people[login];
  }

  public async readTargets(kind: AssignKind, ids: number[]): Promise<ICurrentTarget[]> {
    return ids.map((id) => this.items[`${kind}:${id}`]).filter((x) => !!x).map((x) => ({ ...x }));
  }

  public async writeTarget(kind: AssignKind, id: number, changes: IAssignChanges, etag: string): Promise<WriteOutcome> {
    const key = `${kind}:${id}`;
    if (this.changeBeforeWrite === key) this.items[key].etag = '"2"';
    const item = this.items[key];
    if (!item) return 'gone';
    if (etag !== '*' && etag !== item.etag) return 'conflict';
    if (changes.ownerId !== undefined && this.departed.indexOf(changes.ownerId) >= 0) return 'ownerRefused';
    this.writes.push(key);
    if (changes.ownerId !== undefined) item.ownerId = changes.ownerId;
    if (changes.deadline !== undefined) item.deadline = changes.deadline;
    return 'ok';
  }
}

const target = (id: number, kind: AssignKind = 'action', seenModified?: string): IAssignTarget => ({ kind, id, title: `Item ${id}`, seenModified });

async function refusal(p: Promise<unknown>): Promise<AssignRefusedError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AssignRefusedError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('assignOwners (use case)', () => {
  let port: FakePort;
  beforeEach(() => {
    port = new FakePort();
    port.add('action', { id: 1, title: 'Item 1', plannedYear: 2026 });
    port.add('action', { id: 2, title: 'Item 2', plannedYear: 2027 });
    port.add('recommendation', { id: 1, title: 'Aanbeveling 1' });
  });

  it('gives every picked action and recommendation the owner and the deadline (a date-only instant)', async () => {
    const result = await assignOwners(port, { targets: [target(1), target(2), target(1, 'recommendation')], ownerLogin: 'koen@stad.example', deadline: '2027-06-30' });
    expect(result.updated.map((t) => `${t.kind}:${t.id}`)).toEqual(['action:1', 'action:2', 'recommendation:1']);
    expect(result.conflicts).toEqual([]);
    expect(result.failed).toEqual([]);
    expect(port.items['action:2']).toMatchObject({ ownerId: 10, deadline: '2027-06-30T00:00:00.000Z' });
    expect(port.items['recommendation:1'].ownerId).toBe(10);
  });

  it('may set only the owner or only the deadline, but not nothing', async () => {
    await assignOwners(port, { targets: [target(1)], ownerLogin: 'koen@stad.example' });
    expect(port.items['action:1'].ownerId).toBe(10);
    expect(port.items['action:1'].deadline).toBeUndefined();
    await assignOwners(port, { targets: [target(2)], deadline: '2028-01-15' });
    expect(port.items['action:2'].ownerId).toBeUndefined();
    expect(port.items['action:2'].deadline).toBe('2028-01-15T00:00:00.000Z');
    expect((await refusal(assignOwners(port, { targets: [target(1)] }))).problems).toEqual(['nothingToAssign']);
    expect((await refusal(assignOwners(port, { targets: [], ownerLogin: 'koen@stad.example' }))).problems).toEqual(['noTargets']);
    expect((await refusal(assignOwners(port, { targets: [target(1)], deadline: '30/06/2027' }))).problems).toEqual(['deadlineInvalid']);
  });

  it('refuses a deadline before an action\'s planned year, naming the actions, and writes nothing', async () => {
    const e = await refusal(assignOwners(port, { targets: [target(1), target(2)], ownerLogin: 'koen@stad.example', deadline: '2026-12-31' }));
    expect(e.problems).toEqual(['deadlineBeforePlanned']);
    expect(e.items.map((t) => t.id)).toEqual([2]);
    expect(port.writes).toEqual([]);
  });

  it('refuses a group, an unknown login and a user deleted from the tenant as owner, and writes nothing', async () => {
    expect((await refusal(assignOwners(port, { targets: [target(1)], ownerLogin: 'everyone' }))).problems).toEqual(['ownerGroup']);
    expect((await refusal(assignOwners(port, { targets: [target(1)], ownerLogin: 'niemand@elders.example' }))).problems).toEqual(['ownerUnknown']);
    expect((await refusal(assignOwners(port, { targets: [target(1), target(2)], ownerLogin: 'weg@stad.example' }))).problems).toEqual(['ownerDeleted']);
    expect(port.writes).toEqual([]);
  });

  it('reports an item changed since it was shown, or between read and write, and leaves it; the others are written', async () => {
    port.changeBeforeWrite = 'action:2';
    const result = await assignOwners(port, {
      targets: [target(1, 'action', '2025-12-01T00:00:00Z'), target(2), target(1, 'recommendation', '2026-01-01T00:00:00Z')],
      ownerLogin: 'koen@stad.example'
    });
    expect(result.updated.map((t) => `${t.kind}:${t.id}`)).toEqual(['recommendation:1']);
    expect(result.conflicts.map((t) => `${t.kind}:${t.id}`)).toEqual(['action:1', 'action:2']);
    expect(port.items['action:1'].ownerId).toBeUndefined();
    expect(port.items['action:2'].ownerId).toBeUndefined();
  });

  it('reports a recommendation whose ETag changed since it was shown, and leaves it', async () => {
    const result = await assignOwners(port, { targets: [{ kind: 'recommendation', id: 1, title: 'Aanbeveling 1', seenEtag: '"0"' }], ownerLogin: 'koen@stad.example' });
    expect(result.conflicts.map((t) => t.id)).toEqual([1]);
    expect(port.items['recommendation:1'].ownerId).toBeUndefined();
  });

  it('reports an item deleted meanwhile as failed', async () => {
    const result = await assignOwners(port, { targets: [target(1), target(99)], ownerLogin: 'koen@stad.example' });
    expect(result.updated.map((t) => t.id)).toEqual([1]);
    expect(result.failed.map((t) => t.id)).toEqual([99]);
  });
});
