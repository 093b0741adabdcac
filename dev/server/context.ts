/**
 * What every handler works with: the request, the resource the URL resolved to, and
 * small helpers to answer (one entity, a collection, an empty answer) in the OData
 * format the client asked for.
 */
import { collectionBody, entityBody, Format, IEntity, project } from './entities';
import { accessDenied, badRequest, versionConflict } from './errors';
import { filterGeneric, selectExpand } from './query';
import { Site } from './site';
import { hasKind, IMask, IRoleDefinition, KIND } from './directory';
import { IField, IGroup, IItem, IListData, IRoleAssignment, IUser } from './store';

export interface IApiRequest {
  /** Effective verb: X-HTTP-Method applied (GET, POST, MERGE, PATCH, PUT, DELETE). */
  method: string;
  url: URL;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: Buffer;
  inBatch?: boolean;
}

export interface IApiResponse {
  status: number;
  headers: Record<string, string>;
  body: Buffer | null;
}

/** What a URL resolves to: the segment chain walks from 'root' through these (see routes.ts). */
export type Resource =
  | { kind: 'root' }
  | { kind: 'contextinfo' }
  | { kind: 'web' }
  | { kind: 'site' }
  | { kind: 'lists' }
  | { kind: 'list'; list: IListData }
  | { kind: 'items'; list: IListData }
  | { kind: 'item'; list: IListData; item: IItem }
  | { kind: 'fields'; list: IListData }
  | { kind: 'field'; list: IListData; field: IField }
  | { kind: 'createField'; list: IListData }
  | { kind: 'users' }
  | { kind: 'user'; user: IUser }
  | { kind: 'ensureUser' }
  | { kind: 'perms'; mask: IMask | null }
  | { kind: 'folder'; list: IListData }
  | { kind: 'folders'; list: IListData }
  | { kind: 'files'; list: IListData }
  | { kind: 'addFile'; list: IListData; name: string; overwrite: boolean; byPath: boolean }
  | { kind: 'file'; list: IListData; item: IItem }
  | { kind: 'fileContent'; list: IListData; item: IItem }
  | { kind: 'listItemAllFields'; list: IListData; item: IItem }
  | { kind: 'storageEntity'; key: string }
  | { kind: 'prop'; entity: IEntity; name: string }
  | { kind: 'groups' }
  | { kind: 'group'; group: IGroup }
  | { kind: 'groupUsers'; group: IGroup }
  | { kind: 'roleDefs' }
  | { kind: 'roleDef'; def: IRoleDefinition }
  | { kind: 'roleAssignments'; scope: string; list?: IListData; item?: IItem }
  | { kind: 'roleAssignment'; assignment: IRoleAssignment }
  | { kind: 'roleBindings'; assignment: IRoleAssignment }
  | { kind: 'roleChange'; scope: string; list?: IListData; item?: IItem; action: 'add' | 'remove'; principalId: number; roleDefId: number }
  | { kind: 'breakInheritance'; scope: string; list: IListData; item?: IItem; copy: boolean }
  | { kind: 'moveFile'; overwrite: boolean }
  | { kind: 'sendEmail' }
  | { kind: 'versions'; list: IListData; item: IItem; file: boolean }
  | { kind: 'version'; list: IListData; item: IItem; file: boolean; versionId: number };

export type Kind = Resource['kind'];
export type ResourceOf<K extends Kind> = Extract<Resource, { kind: K }>;

/** Enough to build entities: their ids and links carry the request's origin. */
export interface IScope {
  site: Site;
  origin: string;
}

export interface IContext extends IScope {
  req: IApiRequest;
  query: URLSearchParams;
  /** <origin><site>/_api */
  apiUrl: string;
  fmt: Format;
  /** The decoded path after _api/. */
  apiPath: string;
  /** The list the URL resolved into, if any: its permissions decide (unique or inherited). */
  list?: IListData;
}

export function json(c: IContext, status: number, body: unknown, headers: Record<string, string> = {}): IApiResponse {
  return { status, headers: { 'Content-Type': contentTypeOf(c.fmt), ...headers }, body: Buffer.from(JSON.stringify(body)) };
}

/**
 * The answer of a service operation that returns nothing (breakroleinheritance, addroleassignment, MoveFileByPath):
 * `{"odata.null":true}` in JSON light, as recorded (FIDELITY R-03); verbose keeps an empty body (no recording).
 */
export function voidResult(c: IContext): IApiResponse {
  return c.fmt === 'verbose' ? empty(200) : json(c, 200, { 'odata.null': true });
}

/** One entity, projected by $select/$expand; its etag goes into the ETag header. */
export function one(c: IContext, e: IEntity, setName: string, status: number = 200, headers: Record<string, string> = {}): IApiResponse {
  const q = selectExpand(c.query);
  const h = e.etag ? { ETag: e.etag, ...headers } : headers;
  return json(c, status, entityBody(project(e, q.select, q.expand), c.fmt, c.apiUrl, setName), h);
}

/** A non-item collection with $filter/$orderby/$skip/$top applied. */
export function many(c: IContext, es: IEntity[], setName: string): IApiResponse {
  const q = selectExpand(c.query);
  const selected = filterGeneric(es, c.query);
  return json(c, 200, collectionBody(selected.map((e) => project(e, q.select, q.expand)), c.fmt, c.apiUrl, setName));
}

export function empty(status: number, headers: Record<string, string> = {}): IApiResponse {
  return { status, headers, body: null };
}

/** Adding, editing or deleting items or documents: checked on the list the URL names (or the web). */
export function requireEdit(c: IContext): void {
  if (!hasKind(c.site.permsOn(c.list), KIND.EditListItems)) throw accessDenied();
}

/** Creating or changing lists and fields: Manage Lists (owners; Edit also has it). */
export function requireManage(c: IContext): void {
  if (!hasKind(c.site.permsOn(c.list), KIND.ManageLists)) throw accessDenied();
}

/**
 * Changing the permissions of a securable: Manage Permissions on it (its own scope, or the one it inherits from).
 * A list's Manage Permissions lets a user manage that list only (FIDELITY K-04).
 */
export function requireManagePermissions(c: IContext, list?: IListData, item?: IItem): void {
  if (!hasKind(c.site.permsOn(list, item), KIND.ManagePermissions)) throw accessDenied();
}

/** Managing groups and permissions: Manage Web / Manage Permissions (site owners). */
export function requireOwner(c: IContext): void {
  if (!hasKind(c.site.permsOn(), KIND.ManageWeb)) throw accessDenied();
}

/** Parses a JSON write body: malformed JSON or a non-object is SharePoint's 400. */
export function parseBody(req: IApiRequest): Record<string, unknown> {
  const text = req.body.toString('utf8').trim();
  if (!text) return {};
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    throw badRequest('Invalid JSON. A token was not recognized in the JSON content.');
  }
  if (!v || typeof v !== 'object' || Array.isArray(v)) {
    throw badRequest("An unexpected 'StartArray' node was found when reading from the JSON reader. A 'StartObject' node was expected.");
  }
  return v as Record<string, unknown>;
}

/** IF-MATCH with another etag than the current version is SharePoint's 412; '*' or none always matches. */
export function checkIfMatch(req: IApiRequest, version: number): void {
  const h = req.headers['if-match'];
  if (!h || h.trim() === '*') return;
  const tags = h.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (tags.indexOf(`"${version}"`) < 0 && tags.indexOf(String(version)) < 0) throw versionConflict(tags[0], `"${version}"`);
}

export function formatOf(accept: string | undefined): Format {
  const a = (accept || '').toLowerCase();
  if (a.indexOf('odata=verbose') >= 0) return 'verbose';
  if (a.indexOf('odata=nometadata') >= 0) return 'nometadata';
  return 'minimal';
}

export function contentTypeOf(fmt: Format): string {
  if (fmt === 'verbose') return 'application/json;odata=verbose;charset=utf-8';
  return `application/json;odata=${fmt === 'minimal' ? 'minimalmetadata' : 'nometadata'};streaming=true;charset=utf-8`;
}
