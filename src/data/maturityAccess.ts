import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/security';
import '@pnp/sp/site-groups/web';
import { IBasePermissions, PermissionKind } from '@pnp/sp/security';
import type { RoleTypeKind } from '@pnp/sp/security/types';
import { IList } from '@pnp/sp/lists';
import { IEnsureChange } from './ensureSchema';
import { httpStatusOf } from './errors';
import { listOf } from './lists';
import { ListItem } from './mapping';
import { PAGE_SIZE } from './paging';
import { getList } from '../schema/schema';
import { ITEM_QUERIES } from './queries';

/**
 * The maturity rules as SharePoint permissions (README, "Permission model"):
 * - MaturiteitScores: item-level security (read and edit only one's own items, schema.ts) and unique permissions:
 *   the control team and the site's Members only read (so they see their own scores only), the facilitators hold
 *   "Maturiteit – facilitator" (see every score: Override List Behaviors; hand out the raters' write access:
 *   Manage Permissions on this list only), and each rater of a round in "scoren" holds Contribute, per user, only
 *   while that round is being scored.
 * - MaturiteitConsensus and MaturiteitRondes: unique permissions; only the facilitators (and the site owners) write.
 */
export const FACILITATOR_GROUP: string = 'Organisatiebeheersing – facilitatoren';
const FACILITATOR_GROUP_DESCRIPTION: string = 'Facilitatoren van de maturiteitsinschatting: bereiden rondes voor, zien alle scores en leggen de consensus vast.';
export const FACILITATOR_LEVEL: string = 'Maturiteit – facilitator';
const FACILITATOR_LEVEL_DESCRIPTION: string = 'Ziet alle items van een lijst met itemrechten (Override List Behaviors) en beheert de rechten van die lijst; wijzigt geen items.';

/** What the facilitator level grants: reading every item, and the permissions of the list it is given on. */
const FACILITATOR_KINDS: PermissionKind[] = [
  PermissionKind.ViewListItems,
  PermissionKind.OpenItems,
  PermissionKind.ViewVersions,
  PermissionKind.CancelCheckout,
  PermissionKind.ViewFormPages,
  PermissionKind.Open,
  PermissionKind.ViewPages,
  PermissionKind.BrowseUserInfo,
  PermissionKind.UseClientIntegration,
  PermissionKind.UseRemoteAPIs,
  PermissionKind.ManagePermissions,
  PermissionKind.EnumeratePermissions
];

/** A 64-bit permission mask as SharePoint takes it: kind k is bit k-1; High and Low as numbers. */
export function permissionMask(kinds: PermissionKind[]): IBasePermissions {
  let high = 0;
  let low = 0;
  for (const k of kinds) {
    const bit = k - 1;
    if (bit < 32) low = (low | (1 << bit)) >>> 0;
    else high = (high | (1 << (bit - 32))) >>> 0;
  }
  return { High: high, Low: low };
}

const READ_KIND: RoleTypeKind = 2;
const CONTRIBUTE_KIND: RoleTypeKind = 3;
/** SP.PrincipalType.User: rater access is given to users; groups keep what ensureMaturityPermissions set. */
const PRINCIPAL_USER: number = 1;

interface IAssignment {
  PrincipalId: number;
  Member?: { PrincipalType?: number };
  RoleDefinitionBindings?: Array<{ Id: number }>;
}

async function assignmentsOf(list: IList): Promise<IAssignment[]> {
  return list.roleAssignments.expand('Member', 'RoleDefinitionBindings').select('PrincipalId', 'Member/PrincipalType', 'RoleDefinitionBindings/Id')();
}

async function roleDefId(sp: SPFI, kind: RoleTypeKind): Promise<number> {
  return ((await sp.web.roleDefinitions.getByType(kind).select('Id')()) as { Id: number }).Id;
}

/** The group by title, created (empty) when missing. */
async function ensureGroup(sp: SPFI, title: string, description: string, note: (c: IEnsureChange) => void): Promise<number> {
  const groups: Array<{ Id: number; Title: string }> = await sp.web.siteGroups.select('Id', 'Title')();
  const found = groups.filter((g) => g.Title.toLowerCase() === title.toLowerCase())[0];
  if (found) return found.Id;
  const added = await sp.web.siteGroups.add({ Title: title, Description: description });
  note({ list: 'web', kind: 'group', name: title });
  return added.Id;
}

/** A custom permission level, added once (found by name; what an admin changed on it is left alone). Returns its id. */
export async function ensurePermissionLevel(
  sp: SPFI,
  level: { name: string; description: string; order: number; kinds: PermissionKind[] },
  note: (c: IEnsureChange) => void
): Promise<number> {
  const defs: Array<{ Id: number; Name: string }> = await sp.web.roleDefinitions.select('Id', 'Name')();
  const found = defs.filter((d) => d.Name === level.name)[0];
  if (found) return found.Id;
  const added = await sp.web.roleDefinitions.add(level.name, level.description, level.order, permissionMask(level.kinds));
  note({ list: 'web', kind: 'roleDefinition', name: level.name });
  return (added.data as { Id: number }).Id;
}

/**
 * Gives a list its own permissions (a copy of the site's) once, then sets the levels of the named groups exactly:
 * missing levels are added, other levels of those groups removed. Principals not named are left as they are.
 */
export async function ensureListLevels(sp: SPFI, key: string, title: string, levels: Array<{ principal: number; roleDefIds: number[]; name: string }>, note: (c: IEnsureChange) => void): Promise<void> {
  const list = listOf(sp, key);
  const info = (await list.select('HasUniqueRoleAssignments')()) as { HasUniqueRoleAssignments?: boolean };
  if (!info.HasUniqueRoleAssignments) {
    await list.breakRoleInheritance(true, false);
    note({ list: title, kind: 'uniquePermissions', name: title });
  }
  const current = await assignmentsOf(list);
  for (const want of levels) {
    const has = ((current.filter((a) => a.PrincipalId === want.principal)[0] || {}).RoleDefinitionBindings || []).map((b) => b.Id);
    for (const id of want.roleDefIds) {
      if (has.indexOf(id) >= 0) continue;
      await list.roleAssignments.add(want.principal, id);
      note({ list: title, kind: 'roleAssignment', name: want.name });
    }
    for (const id of has) {
      if (want.roleDefIds.indexOf(id) >= 0) continue;
      await list.roleAssignments.remove(want.principal, id);
      note({ list: title, kind: 'roleAssignment', name: `${want.name} (-${id})` });
    }
  }
}

/**
 * The maturity lists' permissions (idempotent; a second run changes nothing). Needs a site owner. Lists that do not
 * exist yet are skipped (ensureSchema creates them first).
 */
export async function ensureMaturityPermissions(sp: SPFI, controlTeamId: number, note: (c: IEnsureChange) => void): Promise<void> {
  const facilitators = await ensureGroup(sp, FACILITATOR_GROUP, FACILITATOR_GROUP_DESCRIPTION, note);
  const level = await ensurePermissionLevel(sp, { name: FACILITATOR_LEVEL, description: FACILITATOR_LEVEL_DESCRIPTION, order: 1000, kinds: FACILITATOR_KINDS }, note);
  const [read, contribute] = await Promise.all([roleDefId(sp, READ_KIND), roleDefId(sp, CONTRIBUTE_KIND)]);
  // Facilitators open the site (Read on the web), as the control team does through its own level.
  const web: IAssignment[] = await sp.web.roleAssignments.expand('RoleDefinitionBindings').select('PrincipalId', 'RoleDefinitionBindings/Id')();
  const onWeb = web.filter((a) => a.PrincipalId === facilitators)[0];
  if (!onWeb || !(onWeb.RoleDefinitionBindings || []).some((b) => b.Id === read)) {
    await sp.web.roleAssignments.add(facilitators, read);
    note({ list: 'web', kind: 'roleAssignment', name: `${FACILITATOR_GROUP}: Read` });
  }
  const members = ((await sp.web.associatedMemberGroup.select('Id')()) as { Id: number }).Id;
  const plan: Array<{ key: string; facilitatorLevel: number }> = [
    { key: 'maturityScores', facilitatorLevel: level },
    { key: 'maturityConsensus', facilitatorLevel: contribute },
    { key: 'maturityRounds', facilitatorLevel: contribute }
  ];
  let all = true;
  for (const p of plan) {
    const title = getList(p.key).title;
    try {
      await listOf(sp, p.key).select('Id')();
    } catch (e) {
      if (httpStatusOf(e) !== 404) throw e;
      all = false;
      continue;
    }
    await ensureListLevels(
      sp,
      p.key,
      title,
      [
        { principal: controlTeamId, roleDefIds: [read], name: 'controleteam: Read' },
        { principal: members, roleDefIds: [read], name: 'Members: Read' },
        { principal: facilitators, roleDefIds: [p.facilitatorLevel], name: `${FACILITATOR_GROUP}: ${p.facilitatorLevel === level ? FACILITATOR_LEVEL : 'Contribute'}` }
      ],
      note
    );
  }
  if (all) await syncRaterAccess(sp, note);
}

/**
 * Raters write scores only while their round is in "scoren": each rater of such a round holds Contribute on
 * MaturiteitScores (a role assignment per user, on the list: no item scopes), every other user loses it. Run by the
 * facilitator when a round enters or leaves "scoren" (Manage Permissions on that list), and by ensurePermissions.
 */
export async function syncRaterAccess(sp: SPFI, note: (c: IEnsureChange) => void = () => undefined): Promise<void> {
  const list = listOf(sp, 'maturityScores');
  // A list that still inherits was never set up by ensurePermissions: raters then write through the site's levels.
  const info = (await list.select('HasUniqueRoleAssignments')()) as { HasUniqueRoleAssignments?: boolean };
  if (!info.HasUniqueRoleAssignments) return;
  const [rounds, contribute] = await Promise.all([
    listOf(sp, 'maturityRounds')
      .items.select(...ITEM_QUERIES.maturityRoundRaters.select)
      .filter("RondeStatus eq 'scoren'")
      .top(PAGE_SIZE)(),
    roleDefId(sp, CONTRIBUTE_KIND)
  ]);
  const wanted: Record<number, true> = {};
  for (const r of rounds as ListItem[]) {
    const ids = Array.isArray(r.BeoordelaarsId) ? r.BeoordelaarsId : (r.BeoordelaarsId && r.BeoordelaarsId.results) || [];
    for (const id of ids as number[]) wanted[id] = true;
  }
  const current = await assignmentsOf(list);
  for (const id of Object.keys(wanted).map(Number)) {
    const a = current.filter((x) => x.PrincipalId === id)[0];
    if (a && (a.RoleDefinitionBindings || []).some((b) => b.Id === contribute)) continue;
    await list.roleAssignments.add(id, contribute);
    note({ list: 'MaturiteitScores', kind: 'roleAssignment', name: `beoordelaar ${id}: Contribute` });
  }
  for (const a of current) {
    const user = (a.Member && a.Member.PrincipalType) === PRINCIPAL_USER;
    if (!user || wanted[a.PrincipalId] || !(a.RoleDefinitionBindings || []).some((b) => b.Id === contribute)) continue;
    await list.roleAssignments.remove(a.PrincipalId, contribute);
    note({ list: 'MaturiteitScores', kind: 'roleAssignment', name: `beoordelaar ${a.PrincipalId}: -Contribute` });
  }
}
