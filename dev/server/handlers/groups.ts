/**
 * SharePoint groups, permission levels (role definitions) and role assignments on the
 * web and on lists: what provisioning of the permission model calls (src/data/permissions.ts),
 * nothing more. The directory they read and change lives in directory.ts.
 */
import { IApiResponse, IContext, IScope, many, one, parseBody, requireManagePermissions, requireOwner, Resource, voidResult } from '../context';
import { IRoleDefinition, itemScopeKey, maskJson, roleDefinitionsOf, scopeOf } from '../directory';
import { IEntity } from '../entities';
import { badRequest, SPError } from '../errors';
import { firstArg, ISeg, parseArgs } from '../segments';
import { IGroup, IItem, IListData, IRoleAssignment, ISiteData } from '../store';
import { userEntity } from './users';

function siteData(c: IScope): ISiteData {
  return c.site.store.site;
}

function groups(c: IScope): IGroup[] {
  return siteData(c).groups || (siteData(c).groups = []);
}

function assignments(c: IScope): IRoleAssignment[] {
  return siteData(c).roleAssignments || (siteData(c).roleAssignments = []);
}

// Not recorded: SharePoint's answer for a group id/name that does not exist. The product
// never relies on it (it lists the groups and compares titles); the text follows U-03's.
function groupNotFound(): SPError {
  return new SPError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Group cannot be found.');
}

function principalNotFound(): SPError {
  return new SPError(404, '-2146232832, Microsoft.SharePoint.SPException', 'User cannot be found.');
}

// ------------------------------------------------------------ navigation

/** `sitegroups` is the collection; `sitegroups(5)` one group. */
export function siteGroupsSegment(c: IContext, cur: Resource, seg: ISeg): Resource {
  return seg.args !== undefined ? groupByIdSegment(c, cur, seg) : { kind: 'groups' };
}

export function groupByIdSegment(c: IContext, _cur: Resource, seg: ISeg): Resource {
  const id = Number(firstArg(parseArgs(seg.args, c.query)));
  const g = groups(c).find((x) => x.Id === id);
  if (!g) throw groupNotFound();
  return { kind: 'group', group: g };
}

export function groupByNameSegment(c: IContext, _cur: Resource, seg: ISeg): Resource {
  const name = String(firstArg(parseArgs(seg.args, c.query))).toLowerCase();
  const g = groups(c).find((x) => x.Title.toLowerCase() === name);
  if (!g) throw groupNotFound();
  return { kind: 'group', group: g };
}

/** web/associatedOwnerGroup, ...MemberGroup, ...VisitorGroup: the site's groups 3, 5 and 4 (G-01). */
export function associatedGroupSegment(id: number): (c: IContext) => Resource {
  return (c) => {
    const g = groups(c).find((x) => x.Id === id);
    if (!g) throw groupNotFound();
    return { kind: 'group', group: g };
  };
}

export function roleDefinitionsSegment(c: IContext, cur: Resource, seg: ISeg): Resource {
  if (seg.args === undefined) return { kind: 'roleDefs' };
  return roleDefinitionBy(c, (d) => d.Id === Number(firstArg(parseArgs(seg.args, c.query))))();
}

function roleDefinitionBy(c: IScope, match: (d: IRoleDefinition) => boolean): () => Resource {
  return () => {
    const def = roleDefinitionsOf(siteData(c)).find(match);
    if (!def) throw new SPError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Permission level cannot be found.');
    return { kind: 'roleDef', def };
  };
}

export const roleDefinitionChildren = {
  getbytype: (c: IContext, _cur: Resource, seg: ISeg): Resource => roleDefinitionBy(c, (d) => d.RoleTypeKind === Number(firstArg(parseArgs(seg.args, c.query))))(),
  getbyid: (c: IContext, _cur: Resource, seg: ISeg): Resource => roleDefinitionBy(c, (d) => d.Id === Number(firstArg(parseArgs(seg.args, c.query))))(),
  getbyname: (c: IContext, _cur: Resource, seg: ISeg): Resource => {
    const name = String(firstArg(parseArgs(seg.args, c.query))).toLowerCase();
    return roleDefinitionBy(c, (d) => d.Name.toLowerCase() === name)();
  }
};

interface IScopeRef {
  scope: string;
  list?: IListData;
  item?: IItem;
}

/** The securable the URL names: the web, a list or an item (their own scope only once inheritance is broken). */
function scopeOfResource(cur: Resource): IScopeRef {
  if (cur.kind === 'item') return { scope: itemScopeKey(cur.list.meta.Id, cur.item.Id), list: cur.list, item: cur.item };
  return cur.kind === 'list' ? { scope: cur.list.meta.Id, list: cur.list } : { scope: 'web' };
}

/** `roleassignments` on web or list; `roleassignments(5)` the assignment of principal 5. */
export function roleAssignmentsSegment(c: IContext, cur: Resource, seg: ISeg): Resource {
  const s = scopeOfResource(cur);
  if (seg.args === undefined) return { kind: 'roleAssignments', ...s };
  return roleAssignmentOf(c, s, Number(firstArg(parseArgs(seg.args, c.query))));
}

/** The scope whose assignments apply: the securable's own once unique, else the one it inherits from. */
function effectiveScope(c: IScope, s: IScopeRef): string {
  if (s.scope === 'web') return 'web';
  return scopeOf(siteData(c), s.list && s.list.meta.Id, s.item && s.item.Id);
}

function roleAssignmentOf(c: IContext, s: IScopeRef, principalId: number): Resource {
  const a = assignments(c).find((x) => x.scope === effectiveScope(c, s) && x.principalId === principalId);
  if (!a) throw principalNotFound();
  return { kind: 'roleAssignment', assignment: a };
}

export const roleAssignmentsChildren = {
  getbyprincipalid: (c: IContext, cur: Resource, seg: ISeg): Resource => roleAssignmentOf(c, cur as IScopeRef, Number(firstArg(parseArgs(seg.args, c.query)))),
  addroleassignment: (c: IContext, cur: Resource, seg: ISeg): Resource => roleChange(c, cur, seg, 'add'),
  removeroleassignment: (c: IContext, cur: Resource, seg: ISeg): Resource => roleChange(c, cur, seg, 'remove')
};

function roleChange(c: IContext, cur: Resource, seg: ISeg, action: 'add' | 'remove'): Resource {
  const a = parseArgs(seg.args, c.query);
  const s = cur as IScopeRef;
  return { kind: 'roleChange', scope: s.scope, list: s.list, item: s.item, action, principalId: Number(a.named.principalid), roleDefId: Number(a.named.roledefid) };
}

/** list/breakroleinheritance(...) and items(n)/breakroleinheritance(...). */
export function breakInheritanceSegment(c: IContext, cur: Resource, seg: ISeg): Resource {
  const a = parseArgs(seg.args, c.query);
  const s = scopeOfResource(cur);
  return { kind: 'breakInheritance', scope: s.scope, list: s.list as IListData, item: s.item, copy: a.named.copyroleassignments !== false };
}

// ------------------------------------------------------------ entities

function ownerTitle(c: IScope, g: IGroup): string {
  const owner = groups(c).find((x) => x.Id === g.OwnerId);
  if (owner) return owner.Title;
  const u = c.site.userById(g.OwnerId);
  return u ? u.Title : '';
}

/** SP.Group as recorded (G-01, G-03): LoginName equals Title, PrincipalType 8. */
export function groupEntity(c: IScope, g: IGroup): IEntity {
  const editLink = `Web/SiteGroups/GetById(${g.Id})`;
  return {
    type: 'SP.Group',
    id: `${c.site.siteUrl(c.origin)}/_api/${editLink}`,
    editLink,
    props: {
      Id: g.Id,
      IsHiddenInUI: false,
      LoginName: g.Title,
      Title: g.Title,
      PrincipalType: 8,
      AllowMembersEditMembership: g.AllowMembersEditMembership,
      AllowRequestToJoinLeave: false,
      AutoAcceptRequestToJoinLeave: false,
      Description: g.Description,
      OnlyAllowMembersViewMembership: true,
      OwnerTitle: ownerTitle(c, g),
      RequestToJoinLeaveEmailSetting: null
    },
    nav: { Users: () => memberEntities(c, g) }
  };
}

function memberEntities(c: IScope, g: IGroup): IEntity[] {
  return g.Members.map((id) => c.site.userById(id)).filter((u): u is NonNullable<typeof u> => !!u).map((u) => userEntity(c, u));
}

function roleDefEntity(c: IScope, d: IRoleDefinition): IEntity {
  const editLink = `Web/RoleDefinitions(${d.Id})`;
  return {
    type: 'SP.RoleDefinition',
    id: `${c.site.siteUrl(c.origin)}/_api/${editLink}`,
    editLink,
    props: { BasePermissions: maskJson(d.BasePermissions), Description: d.Description, Hidden: d.Hidden, Id: d.Id, Name: d.Name, Order: d.Order, RoleTypeKind: d.RoleTypeKind }
  };
}

function principalEntity(c: IScope, id: number): IEntity | null {
  const g = groups(c).find((x) => x.Id === id);
  if (g) return groupEntity(c, g);
  const u = c.site.userById(id);
  return u ? userEntity(c, u) : null;
}

function assignmentEntity(c: IScope, a: IRoleAssignment): IEntity {
  const editLink = `Web/RoleAssignments/GetByPrincipalId(${a.principalId})`;
  return {
    type: 'SP.RoleAssignment',
    id: `${c.site.siteUrl(c.origin)}/_api/${editLink}`,
    editLink,
    props: { PrincipalId: a.principalId },
    nav: {
      Member: () => principalEntity(c, a.principalId),
      RoleDefinitionBindings: () => bindingsOf(c, a)
    }
  };
}

function bindingsOf(c: IScope, a: IRoleAssignment): IEntity[] {
  const defs = roleDefinitionsOf(siteData(c));
  return a.roleDefIds.map((id) => defs.find((d) => d.Id === id)).filter((d): d is IRoleDefinition => !!d).map((d) => roleDefEntity(c, d));
}

// ------------------------------------------------------------ handlers

export function getGroups(c: IContext): IApiResponse {
  return many(c, groups(c).map((g) => groupEntity(c, g)), 'SP.ApiData.Groups');
}

export function getGroup(c: IContext, r: { group: IGroup }): IApiResponse {
  return one(c, groupEntity(c, r.group), 'SP.ApiData.Groups');
}

/** sitegroups POST {Title, Description}: a new group owned by the user who creates it, answered 201 (G-04). */
export function postGroup(c: IContext): IApiResponse {
  requireOwner(c);
  const body = parseBody(c.req);
  const title = typeof body.Title === 'string' ? body.Title.trim() : '';
  if (!title) throw badRequest('The group name is empty.', '-2146232832, Microsoft.SharePoint.SPException');
  if (groups(c).some((g) => g.Title.toLowerCase() === title.toLowerCase())) {
    // Not recorded; reported in public issues for duplicate group names.
    throw new SPError(400, '-2146232832, Microsoft.SharePoint.SPException', 'The specified name is already in use.');
  }
  const site = siteData(c);
  const g: IGroup = {
    Id: site.nextUserId++,
    Title: title,
    Description: typeof body.Description === 'string' ? body.Description : null,
    // Recorded: OwnerTitle is the creating user's name (G-04).
    OwnerId: c.site.currentUser().Id,
    Members: [],
    AllowMembersEditMembership: body.AllowMembersEditMembership === true
  };
  groups(c).push(g);
  c.site.store.markSite();
  return one(c, groupEntity(c, g), 'SP.ApiData.Groups', 201);
}

export function getGroupUsers(c: IContext, r: { group: IGroup }): IApiResponse {
  return many(c, memberEntities(c, r.group), 'SP.ApiData.Users');
}

/** sitegroups(5)/users POST {LoginName}: adds a site user (ensured first) to the group. */
export function postGroupUser(c: IContext, r: { group: IGroup }): IApiResponse {
  requireOwner(c);
  const body = parseBody(c.req);
  const u = c.site.userByLogin(typeof body.LoginName === 'string' ? body.LoginName : '');
  if (r.group.Members.indexOf(u.Id) < 0) r.group.Members.push(u.Id);
  c.site.store.markSite();
  return one(c, userEntity(c, u), 'SP.ApiData.Users', 201);
}

export function getRoleDefinitions(c: IContext): IApiResponse {
  return many(c, roleDefinitionsOf(siteData(c)).map((d) => roleDefEntity(c, d)), 'SP.ApiData.RoleDefinitions');
}

/** First id of an added permission level; the recorded one got 1073741959 on a tenant with several earlier additions. */
const FIRST_CUSTOM_ROLE_ID = 1073741950;

/**
 * roledefinitions POST {Name, Description, Order, BasePermissions: {High, Low}}: a new permission level, answered
 * 201 with `RoleTypeKind` 0 and `Hidden` false (FIDELITY K-05). Needs Manage Permissions on the web.
 */
export function postRoleDefinition(c: IContext): IApiResponse {
  requireManagePermissions(c);
  const body = parseBody(c.req);
  const name = typeof body.Name === 'string' ? body.Name.trim() : '';
  if (!name) throw badRequest('The permission level name is empty.', '-2146232832, Microsoft.SharePoint.SPException');
  const site = siteData(c);
  if (roleDefinitionsOf(site).some((d) => d.Name.toLowerCase() === name.toLowerCase())) {
    // Not recorded: the product looks the level up by name before adding it.
    throw new SPError(400, '-2146232832, Microsoft.SharePoint.SPException', 'The permission level name is already in use.');
  }
  const bp = (body.BasePermissions || {}) as { High?: unknown; Low?: unknown };
  const own = site.roleDefinitions || (site.roleDefinitions = []);
  const def: IRoleDefinition = {
    Id: own.reduce((m, d) => Math.max(m, d.Id + 1), FIRST_CUSTOM_ROLE_ID),
    Name: name,
    Description: typeof body.Description === 'string' ? body.Description : '',
    RoleTypeKind: 0,
    Order: typeof body.Order === 'number' ? body.Order : 0,
    Hidden: false,
    BasePermissions: { High: Number(bp.High || 0) >>> 0, Low: Number(bp.Low || 0) >>> 0 }
  };
  own.push(def);
  c.site.store.markSite();
  return one(c, roleDefEntity(c, def), 'SP.ApiData.RoleDefinitions', 201);
}

export function getRoleDefinition(c: IContext, r: { def: IRoleDefinition }): IApiResponse {
  return one(c, roleDefEntity(c, r.def), 'SP.ApiData.RoleDefinitions');
}

export function getRoleAssignments(c: IContext, r: IScopeRef): IApiResponse {
  const scope = effectiveScope(c, r);
  return many(c, assignments(c).filter((a) => a.scope === scope).map((a) => assignmentEntity(c, a)), 'SP.ApiData.RoleAssignments');
}

export function getRoleAssignment(c: IContext, r: { assignment: IRoleAssignment }): IApiResponse {
  return one(c, assignmentEntity(c, r.assignment), 'SP.ApiData.RoleAssignments');
}

export function getRoleBindings(c: IContext, r: { assignment: IRoleAssignment }): IApiResponse {
  return many(c, bindingsOf(c, r.assignment), 'SP.ApiData.RoleDefinitions');
}

/**
 * addroleassignment / removeroleassignment(principalid=, roledefid=). On a list that still
 * inherits, SharePoint refuses (the list must break inheritance first).
 */
export function postRoleChange(c: IContext, r: IScopeRef & { action: 'add' | 'remove'; principalId: number; roleDefId: number }): IApiResponse {
  requireManagePermissions(c, r.list, r.item);
  if (r.scope !== 'web' && (siteData(c).uniqueScopes || []).indexOf(r.scope) < 0) {
    throw new SPError(400, '-2146232832, Microsoft.SharePoint.SPException', 'This operation is not allowed on an object that inherits permissions.');
  }
  if (!principalEntity(c, r.principalId)) throw principalNotFound();
  if (!roleDefinitionsOf(siteData(c)).some((d) => d.Id === r.roleDefId)) throw new SPError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Permission level cannot be found.');
  const list = assignments(c);
  let a = list.find((x) => x.scope === r.scope && x.principalId === r.principalId);
  if (r.action === 'add') {
    if (!a) list.push((a = { scope: r.scope, principalId: r.principalId, roleDefIds: [] }));
    if (a.roleDefIds.indexOf(r.roleDefId) < 0) a.roleDefIds.push(r.roleDefId);
  } else if (a) {
    a.roleDefIds = a.roleDefIds.filter((id) => id !== r.roleDefId);
    if (!a.roleDefIds.length) siteData(c).roleAssignments = list.filter((x) => x !== a);
  }
  c.site.store.markSite();
  return voidResult(c);
}

/**
 * breakroleinheritance(copyroleassignments, clearsubscopes) on a list or an item: the securable gets its own
 * assignments (a copy of those it inherited, or none); a no-op when already unique (FIDELITY R-03, K-04).
 * Needs Manage Permissions where the securable stands now.
 */
export function postBreakInheritance(c: IContext, r: { scope: string; list: IListData; item?: IItem; copy: boolean }): IApiResponse {
  requireManagePermissions(c, r.list, r.item);
  const site = siteData(c);
  const unique = site.uniqueScopes || (site.uniqueScopes = []);
  if (unique.indexOf(r.scope) < 0) {
    const from = scopeOf(site, r.list.meta.Id, r.item && r.item.Id);
    unique.push(r.scope);
    if (r.copy) {
      for (const a of assignments(c).filter((x) => x.scope === from)) {
        assignments(c).push({ scope: r.scope, principalId: a.principalId, roleDefIds: a.roleDefIds.slice() });
      }
    }
    c.site.store.markSite();
  }
  return voidResult(c);
}
