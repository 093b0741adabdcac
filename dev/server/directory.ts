/**
 * The local tenant's directory: who the users are, which SharePoint groups they are in,
 * and which permission levels (role definitions) those groups hold on the web or on a
 * list with unique permissions. Effective permissions are computed from it the way
 * SharePoint does (the union of the masks of every role assignment that names the user
 * or a group the user is in), so a test can act as each user (`?user=<login>`).
 */
import type { IGroup, IMask, IRoleDefinition, ISiteData, IUser } from './store';

export type Role = 'owner' | 'member' | 'reader' | 'none';

export type { IMask, IRoleDefinition } from './store';

/**
 * Built-in permission levels of SharePoint Online, as recorded from a real tenant
 * (FIDELITY.md R-01: pnpcore GetWebRoleDefinitions recording; ids, RoleTypeKind, Order, masks).
 */
export const ROLE_DEFINITIONS: IRoleDefinition[] = [
  { Id: 1073741829, Name: 'Full Control', Description: 'Has full control.', RoleTypeKind: 5, Order: 1, Hidden: false, BasePermissions: { High: 2147483647, Low: 4294967295 } },
  { Id: 1073741828, Name: 'Design', Description: 'Can view, add, update, delete, approve, and customize.', RoleTypeKind: 4, Order: 32, Hidden: false, BasePermissions: { High: 432, Low: 1012866047 } },
  { Id: 1073741830, Name: 'Edit', Description: 'Can add, edit and delete lists; can view, add, update and delete list items and documents.', RoleTypeKind: 6, Order: 48, Hidden: false, BasePermissions: { High: 432, Low: 1011030767 } },
  { Id: 1073741827, Name: 'Contribute', Description: 'Can view, add, update, and delete list items and documents.', RoleTypeKind: 3, Order: 64, Hidden: false, BasePermissions: { High: 432, Low: 1011028719 } },
  { Id: 1073741969, Name: 'Review', Description: 'Can view and review list items and documents.', RoleTypeKind: 7, Order: 112, Hidden: false, BasePermissions: { High: 176, Low: 138629217 } },
  { Id: 1073741826, Name: 'Read', Description: 'Can view pages and list items and download documents.', RoleTypeKind: 2, Order: 128, Hidden: false, BasePermissions: { High: 176, Low: 138612833 } },
  { Id: 1073741832, Name: 'Restricted View', Description: 'Can view pages, list items, and documents. Documents can be viewed in the browser but not downloaded.', RoleTypeKind: 8, Order: 144, Hidden: true, BasePermissions: { High: 65584, Low: 134418433 } },
  { Id: 1073741825, Name: 'Limited Access', Description: 'Can view specific lists, document libraries, list items, folders, or documents when given permissions.', RoleTypeKind: 1, Order: 160, Hidden: true, BasePermissions: { High: 48, Low: 134287360 } }
];

export const FULL_CONTROL = 1073741829;
export const EDIT = 1073741830;
export const CONTRIBUTE = 1073741827;
export const READ = 1073741826;

/** SP.PermissionKind numbers the server checks (kind k is bit k-1 of the 64-bit mask). */
export const KIND = {
  ViewListItems: 1, AddListItems: 2, EditListItems: 3, DeleteListItems: 4,
  /** "Override List Behaviors" (formerly Cancel Checkout): reads and edits every item despite item-level security (FIDELITY K-02). */
  CancelCheckout: 9,
  ManageLists: 12, ManagePermissions: 26, ManageWeb: 31
};

/** Permission levels of the site: the built-in ones and those added with `roledefinitions` POST (FIDELITY K-05). */
export function roleDefinitionsOf(site: ISiteData): IRoleDefinition[] {
  return ROLE_DEFINITIONS.concat(site.roleDefinitions || []);
}

export const CONTROL_TEAM_GROUP = 'Organisatiebeheersing – beheerders';

/** The local tenant's id (shared with the scripts, which must not import the server). */
export { LOCAL_TENANT_ID } from '../../tools/localTenant';
export const EVERYONE_CLAIM_PREFIX = 'c:0-.f|rolemanager|spo-grid-all-users/';
export const EVERYONE_TITLE = 'Everyone except external users';

export function isEveryoneClaim(login: string): boolean {
  return login.toLowerCase().indexOf(EVERYONE_CLAIM_PREFIX) === 0;
}

/**
 * The people of the local site. `key` is the short login of `?user=` and LOCAL_SP_USER;
 * the old role names still work: owner = ann, member = pieter, reader = lees.
 */
export const DIRECTORY: { key: string; user: IUser }[] = [
  { key: 'ann', user: { Id: 7, Title: 'Ann Janssens', Email: 'ann.janssens@stad.example', LoginName: 'i:0#.f|membership|ann.janssens@stad.example', FirstName: 'Ann', LastName: 'Janssens', JobTitle: 'Algemeen directeur', Department: 'Algemene directie' } },
  { key: 'pieter', user: { Id: 8, Title: 'Pieter De Smet', Email: 'pieter.desmet@stad.example', LoginName: 'i:0#.f|membership|pieter.desmet@stad.example', FirstName: 'Pieter', LastName: 'De Smet', JobTitle: 'Organisatiebeheerser', Department: 'Interne controle' } },
  { key: 'sofie', user: { Id: 9, Title: 'Sofie Maes', Email: 'sofie.maes@stad.example', LoginName: 'i:0#.f|membership|sofie.maes@stad.example', FirstName: 'Sofie', LastName: 'Maes', JobTitle: 'Financieel directeur', Department: 'Financiën' } },
  { key: 'koen', user: { Id: 10, Title: 'Koen Wouters', Email: 'koen.wouters@stad.example', LoginName: 'i:0#.f|membership|koen.wouters@stad.example', FirstName: 'Koen', LastName: 'Wouters', JobTitle: 'Diensthoofd ICT', Department: 'ICT' } },
  { key: 'lees', user: { Id: 11, Title: 'Lies Eeckhout', Email: 'lies.eeckhout@stad.example', LoginName: 'i:0#.f|membership|lies.eeckhout@stad.example', FirstName: 'Lies', LastName: 'Eeckhout', JobTitle: 'Medewerker', Department: 'Burgerzaken' } }
];

/**
 * People of the local tenant who are not (yet) users of the site: `ensureUser` adds them, as SharePoint adds a tenant
 * account on first use. Any other login is not in the tenant, and ensureUser refuses it (FIDELITY U-05).
 */
export const TENANT_PEOPLE: IUser[] = [
  { Id: 0, Title: 'Nieuwe Collega', Email: 'nieuwe.collega@stad.example', LoginName: 'i:0#.f|membership|nieuwe.collega@stad.example', FirstName: 'Nieuwe', LastName: 'Collega', JobTitle: 'Medewerker', Department: 'Personeel' },
  { Id: 0, Title: 'Jan Peeters', Email: 'jan.peeters@stad.example', LoginName: 'i:0#.f|membership|jan.peeters@stad.example', FirstName: 'Jan', LastName: 'Peeters', JobTitle: 'Auditor', Department: 'Interne audit' }
];

export const ROLE_ALIASES: Record<string, string> = { owner: 'ann', member: 'pieter', reader: 'lees' };

/**
 * Groups and role assignments of a new local site, added once to a site that has none
 * (also to data folders made before the directory existed). Owners/Visitors/Members with
 * ids 3/4/5 and their default levels as on a new SharePoint Online site (FIDELITY.md G-01);
 * the control team group as an admin sets it up (omitted with controlTeam = false, so
 * provisioning can be tested on a site without it).
 */
export function ensureDirectory(site: ISiteData, siteTitle: string, controlTeam: boolean): boolean {
  let changed = false;
  for (const d of DIRECTORY) {
    if (site.users.some((u) => u.LoginName.toLowerCase() === d.user.LoginName.toLowerCase())) continue;
    const taken = site.users.some((u) => u.Id === d.user.Id);
    const u = { ...d.user, Id: taken ? site.nextUserId++ : d.user.Id };
    site.users.push(u);
    if (u.Id >= site.nextUserId) site.nextUserId = u.Id + 1;
    changed = true;
  }
  if (site.groups) return changed;
  const id = (key: string): number => userByKey(site, key)?.Id ?? -1;
  site.groups = [
    { Id: 3, Title: `${siteTitle} Owners`, Description: null, OwnerId: 3, Members: [id('ann')], AllowMembersEditMembership: false },
    { Id: 4, Title: `${siteTitle} Visitors`, Description: null, OwnerId: 3, Members: [id('koen'), id('lees')], AllowMembersEditMembership: false },
    { Id: 5, Title: `${siteTitle} Members`, Description: null, OwnerId: 3, Members: [], AllowMembersEditMembership: true }
  ];
  site.roleAssignments = [
    { scope: 'web', principalId: 3, roleDefIds: [FULL_CONTROL] },
    { scope: 'web', principalId: 4, roleDefIds: [READ] },
    { scope: 'web', principalId: 5, roleDefIds: [EDIT] }
  ];
  site.uniqueScopes = [];
  if (controlTeam) {
    const g: IGroup = { Id: site.nextUserId++, Title: CONTROL_TEAM_GROUP, Description: null, OwnerId: 3, Members: [id('ann'), id('pieter'), id('sofie')], AllowMembersEditMembership: false };
    site.groups.push(g);
    site.roleAssignments.push({ scope: 'web', principalId: g.Id, roleDefIds: [CONTRIBUTE] });
  }
  return true;
}

export function userByKey(site: ISiteData, key: string): IUser | undefined {
  const d = DIRECTORY.find((x) => x.key === key);
  return d ? site.users.find((u) => u.LoginName.toLowerCase() === d.user.LoginName.toLowerCase()) : undefined;
}

/** `ann`, `owner`, an e-mail address or a claims login; undefined when nobody matches. */
export function resolveLogin(site: ISiteData, login: string): IUser | undefined {
  const l = login.trim().toLowerCase();
  if (!l) return undefined;
  const key = ROLE_ALIASES[l] || l;
  const byKey = userByKey(site, key);
  if (byKey) return byKey;
  return site.users.find((u) => u.LoginName.toLowerCase() === l || u.Email.toLowerCase() === l || l.endsWith(`|${u.Email.toLowerCase()}`));
}

/** The scope key of one list item (a securable of its own once its inheritance is broken). */
export function itemScopeKey(listId: string, itemId: number): string {
  return `${listId}/${itemId}`;
}

/**
 * The securable that decides: the item once it has unique permissions, else its list once that has them, else the web.
 */
export function scopeOf(site: ISiteData, listId: string | undefined, itemId?: number): string {
  const unique = site.uniqueScopes || [];
  if (listId && itemId !== undefined && unique.indexOf(itemScopeKey(listId, itemId)) >= 0) return itemScopeKey(listId, itemId);
  return listId && unique.indexOf(listId) >= 0 ? listId : 'web';
}

/** Union of the masks of every assignment on the scope that names the user or one of their groups. */
export function effectiveMask(site: ISiteData, userId: number, scope: string): IMask {
  const principals = new Set<number>([userId]);
  // Every user of the directory is internal, so a member of "Everyone except external users".
  const me = site.users.find((u) => u.Id === userId);
  if (me && (me.PrincipalType || 1) === 1) for (const u of site.users) if (isEveryoneClaim(u.LoginName)) principals.add(u.Id);
  for (const g of site.groups || []) if (g.Members.some((m) => principals.has(m))) principals.add(g.Id);
  let high = 0;
  let low = 0;
  const defs = roleDefinitionsOf(site);
  for (const a of site.roleAssignments || []) {
    if (a.scope !== scope || !principals.has(a.principalId)) continue;
    for (const id of a.roleDefIds) {
      const def = defs.find((d) => d.Id === id);
      if (!def) continue;
      high = (high | def.BasePermissions.High) >>> 0;
      low = (low | def.BasePermissions.Low) >>> 0;
    }
  }
  return { High: high, Low: low };
}

export function hasKind(mask: IMask, kind: number): boolean {
  const bit = kind - 1;
  return bit < 32 ? ((mask.Low >>> bit) & 1) === 1 : ((mask.High >>> (bit - 32)) & 1) === 1;
}

export function roleOfMask(mask: IMask): Role {
  if (hasKind(mask, KIND.ManageWeb)) return 'owner';
  if (hasKind(mask, KIND.EditListItems)) return 'member';
  if (hasKind(mask, KIND.ViewListItems)) return 'reader';
  return 'none';
}

/** Int64 masks travel as strings in JSON, as SharePoint sends them. */
export function maskJson(mask: IMask): { High: string; Low: string } {
  return { High: String(mask.High), Low: String(mask.Low) };
}
