/**
 * SharePoint groups, permission levels (role definitions) and role assignments on the
 * web and on lists: what provisioning of the permission model calls (src/data/permissions.ts),
 * nothing more. The directory they read and change lives in directory.ts.
 */
import { IApiResponse, IContext, IScope, many, one, parseBody, requireOwner, Resource, voidResult } from '../context';
import { IRoleDefinition, maskJson, ROLE_DEFINITIONS } from '../directory';
import { IEntity } from '../entities';
import { badRequest, SPError } from '../errors';
import { firstArg, ISeg, parseArgs } from '../segments';
import { IGroup, IListData, IRoleAssignment, ISiteData } from '../store';
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
  return roleDefinitionBy((d) => d.Id === Number(firstArg(parseArgs(seg.args, c.query))))();
}

function roleDefinitionBy(match: (d: IRoleDefinition) => boolean): () => Resource {
  return () => {
    const def = ROLE_DEFINITIONS.find(match);
    if (!def) throw new SPError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Permission level cannot be found.');
    return { kind: 'roleDef', def };
  };
}

export const roleDefinitionChildren = {
  getbytype: (c: IContext, _cur: Resource, seg: ISeg): Resource => roleDefinitionBy((d) => d.RoleTypeKind === Number(firstArg(parseArgs(seg.args, c.query))))(),
  getbyid: (c: IContext, _cur: Resource, seg: ISeg): Resource => roleDefinitionBy((d) => d.Id === Number(firstArg(parseArgs(seg.args, c.query))))(),
  getbyname: (c: IContext, _cur: Resource, seg: ISeg): Resource => {
    const name = String(firstArg(parseArgs(seg.args, c.query))).toLowerCase();
    return roleDefinitionBy((d) => d.Name.toLowerCase() === name)();
  }
};

/** The securable the URL names: the web, or a list (its own scope only once inheritance is broken). */
function scopeOfResource(cur: Resource): { scope: string; list?: IListData } {
  return cur.kind === 'list' ? { scope: cur.list.meta.Id, list: cur.list } : { scope: 'web' };
}

/** `roleassignments` on web or list; `roleassignments(5)` the assignment of principal 5. */
export function roleAssignmentsSegment(c: IContext, cur: Resource, seg: ISeg): Resource {
  const s = scopeOfResource(cur);
  if (seg.args === undefined) return { kind: 'roleAssignments', ...s };
  return roleAssignmentOf(c, s, Number(firstArg(parseArgs(seg.args, c.query))));
}

function effectiveScope(c: IScope, s: { scope: string; list?: IListData }): string {
  return s.scope !== 'web' && (siteData(c).uniqueScopes || []).indexOf(s.scope) < 0 ? 'web' : s.scope;
}

function roleAssignmentOf(c: IContext, s: { scope: string; list?: IListData }, principalId: number): Resource {
  const a = assignments(c).find((x) => x.scope === effectiveScope(c, s) && x.principalId === principalId);
  if (!a) throw principalNotFound();
  return { kind: 'roleAssignment', assignment: a };
}

export const roleAssignmentsChildren = {
  getbyprincipalid: (c: IContext, cur: Resource, seg: ISeg): Resource =>
    roleAssignmentOf(c, cur as { scope: string; list?: IListData }, Number(firstArg(parseArgs(seg.args, c.query)))),
  addroleassignment: (c: IContext, cur: Resource, seg: ISeg): Resource => roleChange(c, cur, seg, 'add'),
  removeroleassignment: (c: IContext, cur: Resource, seg: ISeg): Resource => roleChange(c, cur, seg, 'remove')
};

function roleChange(c: IContext, cur: Resource, seg: ISeg, action: 'add' | 'remove'): Resource {
  const a = parseArgs(seg.args, c.query);
  const s = cur as { scope: string; list?: IListData };
  return { kind: 'roleChange', scope: s.scope, action, principalId: Number(a.named.principalid), roleDefId: Number(a.named.roledefid) };
}

export function breakInheritanceSegment(c: IContext, cur: Resource, seg: ISeg): Resource {
  const a = parseArgs(seg.args, c.query);
  return { kind: 'breakInheritance', list: (cur as { list: IListData }).list, copy: a.named.copyroleassignments !== false };
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
  return a.roleDefIds.map((id) => ROLE_DEFINITIONS.find((d) => d.Id === id)).filter((d): d is IRoleDefinition => !!d).map((d) => roleDefEntity(c, d));
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
  return many(c, ROLE_DEFINITIONS.map((d) => roleDefEntity(c, d)), 'SP.ApiData.RoleDefinitions');
}

export function getRoleDefinition(c: IContext, r: { def: IRoleDefinition }): IApiResponse {
  return one(c, roleDefEntity(c, r.def), 'SP.ApiData.RoleDefinitions');
}

export function getRoleAssignments(c: IContext, r: { scope: string; list?: IListData }): IApiResponse {
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
export function postRoleChange(c: IContext, r: { scope: string; action: 'add' | 'remove'; principalId: number; roleDefId: number }): IApiResponse {
  requireOwner(c);
  if (r.scope !== 'web' && (siteData(c).uniqueScopes || []).indexOf(r.scope) < 0) {
    throw new SPError(400, '-2146232832, Microsoft.SharePoint.SPException', 'This operation is not allowed on an object that inherits permissions.');
  }
  if (!principalEntity(c, r.principalId)) throw principalNotFound();
  if (!ROLE_DEFINITIONS.some((d) => d.Id === r.roleDefId)) throw new SPError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Permission level cannot be found.');
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

/** list/breakroleinheritance(copyroleassignments=true, clearsubscopes=true): a no-op when already unique. */
export function postBreakInheritance(c: IContext, r: { list: IListData; copy: boolean }): IApiResponse {
  requireOwner(c);
  const site = siteData(c);
  const unique = site.uniqueScopes || (site.uniqueScopes = []);
  if (unique.indexOf(r.list.meta.Id) < 0) {
    unique.push(r.list.meta.Id);
    if (r.copy) {
      for (const a of assignments(c).filter((x) => x.scope === 'web')) {
        assignments(c).push({ scope: r.list.meta.Id, principalId: a.principalId, roleDefIds: a.roleDefIds.slice() });
      }
    }
    c.site.store.markSite();
  }
  return voidResult(c);
}
