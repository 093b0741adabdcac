import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import { AssignKind, IAssignChanges, IAssignPort, ICurrentTarget, IResolvedOwner, WriteOutcome } from '../app/assignOwners';
import { batchedReads } from './batchRetry';
import { httpStatusOf } from './errors';
import { listOf } from './lists';
import { ListItem } from './mapping';
import { ITEM_QUERIES } from './queries';

/** Ids per $filter: keeps the URL short; every chunk is one part of the same $batch. */
const IDS_PER_READ = 25;

function listKey(kind: AssignKind): 'actions' | 'recommendations' {
  return kind === 'action' ? 'actions' : 'recommendations';
}

function toOwner(u: ListItem): IResolvedOwner {
  return { id: u.Id, title: u.Title, email: u.Email || undefined, loginName: u.LoginName, principalType: typeof u.PrincipalType === 'number' ? u.PrincipalType : 1 };
}

/** People of the site the control team can pick (users with an e-mail address; groups and system accounts left out). */
export async function readPeople(sp: SPFI): Promise<IResolvedOwner[]> {
  const users: ListItem[] = await sp.web.siteUsers.select('Id', 'Title', 'Email', 'LoginName', 'PrincipalType')();
  return users
    .map(toOwner)
    .filter((u) => u.principalType === 1 && !!u.email)
    .sort((a, b) => a.title.localeCompare(b.title));
}

/** The use case's port on SharePoint: ensureUser, the items with their ETags, one MERGE per item with If-Match. */
export function createAssignPort(sp: SPFI): IAssignPort {
  return {
    resolveOwner: async (login) => {
      try {
        return toOwner((await sp.web.ensureUser(login)) as unknown as ListItem);
      } catch (e) {
        // SharePoint refuses a login that is no account of the tenant (400, FIDELITY U-05).
        const status = httpStatusOf(e);
        if (status === 400 || status === 404) return undefined;
        throw e;
      }
    },
    readTargets: async (kind, ids) => {
      const q = kind === 'action' ? ITEM_QUERIES.assignActions : ITEM_QUERIES.assignRecommendations;
      const [queue, execute] = batchedReads(sp);
      const parts: Promise<ListItem[]>[] = [];
      for (let i = 0; i < ids.length; i += IDS_PER_READ) {
        const filter = ids.slice(i, i + IDS_PER_READ).map((id) => `Id eq ${id}`).join(' or ');
        parts.push(queue((s) => listOf(s, listKey(kind)).items.select(...q.select).filter(filter).top(IDS_PER_READ)()));
      }
      await execute();
      const rows = ([] as ListItem[]).concat(...(await Promise.all(parts)));
      return rows.map(
        (r): ICurrentTarget => ({
          id: r.Id,
          title: r.Title,
          plannedYear: typeof r.JaarGepland === 'number' ? r.JaarGepland : undefined,
          modified: r.Modified,
          etag: typeof r['odata.etag'] === 'string' ? r['odata.etag'] : undefined
        })
      );
    },
    writeTarget: async (kind, id, changes: IAssignChanges, etag): Promise<WriteOutcome> => {
      const body: ListItem = {};
      if (changes.ownerId !== undefined) body.EigenaarId = changes.ownerId;
      if (changes.deadline !== undefined) body.Deadline = changes.deadline;
      try {
        await listOf(sp, listKey(kind)).items.getById(id).update(body, etag);
        return 'ok';
      } catch (e) {
        const status = httpStatusOf(e);
        if (status === 412) return 'conflict';
        if (status === 404) return 'gone';
        // The body holds only the owner and a date the use case checked: a 400 is SharePoint refusing the person (FIDELITY W-09).
        if (status === 400 && changes.ownerId !== undefined) return 'ownerRefused';
        return 'failed';
      }
    }
  };
}

/** What the cards' "Eigenaar en deadline toewijzen" needs: the people to pick from and the port of the use case. */
export interface IOwnerAssignment {
  readPeople(): Promise<IResolvedOwner[]>;
  port: IAssignPort;
}

export function createOwnerAssignment(sp: SPFI): IOwnerAssignment {
  return { readPeople: () => readPeople(sp), port: createAssignPort(sp) };
}
