/**
 * The SharePoint REST API subset PnPjs uses: URL parsing, resources, handlers.
 * Handlers are synchronous over the in-memory store; the HTTP layer (index.ts)
 * serialises writes and makes them durable before it answers.
 */
import * as crypto from 'crypto';
import * as path from 'path';
import {
  badRequest,
  builtInFields,
  CODE_ARGUMENT,
  CODE_INVALID_QUERY,
  defaultValueOf,
  encodeEntityName,
  fieldFromSchemaXml,
  fieldJson,
  fieldODataType,
  IGNORED_WRITE_PROPS,
  isIdValued,
  isLookup,
  isMulti,
  isUser,
  lookupListId,
  normaliseValue,
  SPError,
  toSpDate,
  unknownProperty,
  updateField,
  urlNameFromTitle
} from './fields';
import { collectionBody, entityBody, Format, IEntity, IProjected, NavValue, project, valueBody } from './entities';
import { compareForSort, evaluate, firstClause, FilterNode, IResolved, memberPaths, ODataSyntaxError, parseFilter, parseList, parseOrderBy } from './odata';
import { IField, IItem, IListData, IUser, newGuid, Store } from './store';
import { evaluateListFormula } from '../../src/schema/validation';
import { FieldType, IListSchema } from '../../src/schema/schema';

export type Role = 'owner' | 'member' | 'reader';

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

/** List view threshold and paging limits of SharePoint Online. */
export const LIST_VIEW_THRESHOLD = 5000;
export const DEFAULT_ITEM_TOP = 100;
export const DIGEST_TIMEOUT_SECONDS = 1800;

/** Bitmasks of SharePoint's permission levels (SP.BasePermissions, Int64 as strings in JSON). */
export const PERMISSIONS: Record<Role, { High: string; Low: string }> = {
  owner: { High: '2147483647', Low: '4294967295' }, // Full Control
  member: { High: '432', Low: '1011028719' }, // Contribute
  reader: { High: '176', Low: '138612833' } // Read
};

const CURRENT_USER_ID = 7;

export const STATUS_TEXT: Record<number, string> = {
  200: 'OK', 201: 'Created', 204: 'No Content', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found',
  405: 'Method Not Allowed', 409: 'Conflict', 412: 'Precondition Failed', 413: 'Payload Too Large', 429: 'Too Many Requests',
  500: 'Internal Server Error', 503: 'Service Unavailable'
};

export function accessDenied(): SPError {
  return new SPError(403, '-2147024891, System.UnauthorizedAccessException', 'Access denied. You do not have permission to perform this action or access this resource.');
}

function notFoundResource(seg: string): SPError {
  return new SPError(404, '-1, Microsoft.SharePoint.Client.ResourceNotFoundException', `Cannot find resource for the request ${seg}.`);
}

function itemNotFound(): SPError {
  return new SPError(404, CODE_ARGUMENT, 'Item does not exist. It may have been deleted by another user.');
}

function versionConflict(): SPError {
  return new SPError(412, '-2130575305, Microsoft.SharePoint.SPException', 'Version conflict.');
}

function fileNotFound(url: string): SPError {
  return new SPError(404, '-2130575338, Microsoft.SharePoint.SPException', `The file ${url} does not exist.`);
}

function throttled(): SPError {
  return new SPError(
    500,
    '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
    'The attempted operation is prohibited because it exceeds the list view threshold.'
  );
}

export function errorJson(code: string, message: string): string {
  return JSON.stringify({ 'odata.error': { code, message: { lang: 'en-US', value: message } } });
}

// ---------------------------------------------------------------- URL parsing

interface ISeg {
  name: string;
  lower: string;
  args?: string;
}

type Lit = string | number | boolean | null;

/** Splits an _api path into segments; '(...)' arguments may contain quoted '/' and ')'. */
export function parseSegments(p: string): ISeg[] {
  const segs: ISeg[] = [];
  let i = 0;
  while (i < p.length) {
    if (p[i] === '/') {
      i++;
      continue;
    }
    let name = '';
    while (i < p.length && p[i] !== '/' && p[i] !== '(') name += p[i++];
    let args: string | undefined;
    if (p[i] === '(') {
      let depth = 0;
      let inQ = false;
      let j = i;
      for (; j < p.length; j++) {
        const c = p[j];
        if (inQ) {
          if (c === "'") {
            if (p[j + 1] === "'") j++;
            else inQ = false;
          }
          continue;
        }
        if (c === "'") inQ = true;
        else if (c === '(') depth++;
        else if (c === ')' && --depth === 0) break;
      }
      if (j >= p.length) throw badRequest(`The expression "${p}" is not valid.`);
      args = p.slice(i + 1, j);
      i = j + 1;
    }
    segs.push({ name, lower: name.toLowerCase(), args });
  }
  return segs;
}

function unquote(v: string): string {
  return v.slice(1, -1).replace(/''/g, "'");
}

function literal(raw: string, query: URLSearchParams): Lit {
  const v = raw.trim();
  if (v.startsWith('@')) {
    const aliased = query.get(v);
    if (aliased === null) throw badRequest(`The parameter alias ${v} has no value.`);
    return literal(aliased, new URLSearchParams());
  }
  if (/^'.*'$/s.test(v)) return unquote(v);
  if (/^guid'.*'$/i.test(v)) return unquote(v.slice(4)).toLowerCase();
  if (/^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  if (/^null$/i.test(v)) return null;
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}

interface IArgs {
  positional: Lit[];
  named: Record<string, Lit>;
}

function parseArgs(args: string | undefined, query: URLSearchParams): IArgs {
  const out: IArgs = { positional: [], named: {} };
  if (args === undefined || args.trim() === '') return out;
  const parts: string[] = [];
  let cur = '';
  let inQ = false;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (c === "'") {
      if (inQ && args[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      inQ = !inQ;
    }
    if (c === ',' && !inQ) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  for (const part of parts) {
    const m = /^\s*([A-Za-z_][\w]*)\s*=\s*([\s\S]*)$/.exec(part);
    if (m && !/^\s*'/.test(part)) out.named[m[1].toLowerCase()] = literal(m[2], query);
    else out.positional.push(literal(part, query));
  }
  return out;
}

function firstArg(a: IArgs): Lit {
  if (a.positional.length) return a.positional[0];
  const keys = Object.keys(a.named);
  return keys.length ? a.named[keys[0]] : null;
}

// ---------------------------------------------------------------- resources

type Resource =
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
  | { kind: 'perms'; role: Role | null }
  | { kind: 'folder'; list: IListData }
  | { kind: 'folders'; list: IListData }
  | { kind: 'files'; list: IListData }
  | { kind: 'addFile'; list: IListData; name: string; overwrite: boolean }
  | { kind: 'file'; list: IListData; item: IItem }
  | { kind: 'fileContent'; list: IListData; item: IItem }
  | { kind: 'listItemAllFields'; list: IListData; item: IItem }
  | { kind: 'prop'; entity: IEntity; name: string };

interface IQuery {
  select?: string[][];
  expand: string[][];
}

export class SharePointApi {
  public readonly store: Store;
  public readonly sitePath: string;
  public role: Role;

  public constructor(store: Store, sitePath: string, role: Role) {
    this.store = store;
    this.sitePath = sitePath.replace(/\/+$/, '');
    this.role = role;
  }

  // ------------------------------------------------------------ digests

  /** A form digest like SharePoint's: 0x<HMAC>,<UTC time>; valid for 30 minutes, also after a restart. */
  public newDigest(now: Date = new Date()): string {
    const stamp = now.toUTCString().replace(/^\w+, /, '').replace('GMT', '-0000');
    const mac = crypto.createHmac('sha256', this.store.site.digestSecret).update(stamp).digest('hex').toUpperCase();
    return `0x${mac},${stamp}`;
  }

  public isValidDigest(value: string | undefined): boolean {
    if (!value) return false;
    const comma = value.indexOf(',');
    if (comma < 0) return false;
    const stamp = value.slice(comma + 1);
    const expected = crypto.createHmac('sha256', this.store.site.digestSecret).update(stamp).digest('hex').toUpperCase();
    if (value.slice(0, comma) !== `0x${expected}`) return false;
    const issued = Date.parse(stamp.replace('-0000', 'GMT'));
    return !isNaN(issued) && Date.now() - issued < DIGEST_TIMEOUT_SECONDS * 1000;
  }

  // ------------------------------------------------------------ urls

  private _siteUrl(origin: string): string {
    return origin + this.sitePath;
  }

  public listUrl(list: IListData): string {
    return list.meta.BaseTemplate === 101 ? `${this.sitePath}/${list.meta.UrlName}` : `${this.sitePath}/Lists/${list.meta.UrlName}`;
  }

  private _listEditLink(list: IListData): string {
    return `Web/Lists(guid'${list.meta.Id}')`;
  }

  public itemTypeName(list: IListData): string {
    const name = encodeEntityName(list.meta.UrlName);
    return list.meta.BaseTemplate === 101 ? `SP.Data.${name}Item` : `SP.Data.${name}ListItem`;
  }

  private _entityTypeName(list: IListData): string {
    const name = encodeEntityName(list.meta.UrlName);
    return list.meta.BaseTemplate === 101 ? name : `${name}List`;
  }

  public findListByTitle(title: string): IListData | undefined {
    const lower = title.toLowerCase();
    for (const id of this.store.site.lists) {
      const l = this.store.lists.get(id);
      if (l && l.meta.Title.toLowerCase() === lower) return l;
    }
    return undefined;
  }

  public findListById(id: string): IListData | undefined {
    return this.store.lists.get(id.replace(/[{}]/g, '').toLowerCase());
  }

  private _listByUrl(url: string): IListData | undefined {
    const u = normPath(url);
    for (const l of this.store.lists.values()) {
      if (normPath(this.listUrl(l)) === u) return l;
    }
    return undefined;
  }

  private _listNotFound(title: string, origin: string): SPError {
    return new SPError(404, CODE_ARGUMENT, `List '${title}' does not exist at site with URL '${this._siteUrl(origin)}'.`);
  }

  /** Finds a document in a library by its server-relative URL. */
  public findFile(serverRelativeUrl: string): { list: IListData; item: IItem } | undefined {
    const target = normPath(serverRelativeUrl);
    for (const list of this.store.lists.values()) {
      if (list.meta.BaseTemplate !== 101) continue;
      const root = normPath(this.listUrl(list));
      if (target.indexOf(root + '/') !== 0) continue;
      const name = target.slice(root.length + 1);
      const item = list.items.find((i) => !!i.file && i.file.Name.toLowerCase() === name);
      if (item) return { list, item };
    }
    return undefined;
  }

  private _fileUrl(list: IListData, item: IItem): string {
    return `${this.listUrl(list)}/${item.file ? item.file.Name : ''}`;
  }

  // ------------------------------------------------------------ entities

  private _webEntity(origin: string): IEntity {
    const site = this.store.site;
    const url = this._siteUrl(origin);
    return {
      type: 'SP.Web',
      id: `${url}/_api/Web`,
      editLink: 'Web',
      props: {
        AllowRssFeeds: true,
        Configuration: 0,
        Created: toSpDate(new Date(site.Created)),
        Description: '',
        Id: site.WebId,
        IsMultilingual: false,
        Language: 1043,
        LastItemModifiedDate: this._lastModified(),
        NoCrawl: false,
        QuickLaunchEnabled: true,
        RecycleBinEnabled: true,
        ServerRelativeUrl: this.sitePath,
        SiteLogoUrl: null,
        Title: 'Organisatiebeheersing',
        UIVersion: 15,
        Url: url,
        WebTemplate: 'STS',
        WelcomePage: 'SitePages/Home.aspx'
      },
      extra: { EffectiveBasePermissions: PERMISSIONS[this.role] },
      nav: {
        Lists: () => this._orderedLists().map((l) => this._listEntity(l, origin)),
        CurrentUser: () => this._userEntity(this._currentUser(), origin),
        SiteUsers: () => this.store.site.users.map((u) => this._userEntity(u, origin))
      }
    };
  }

  private _lastModified(): string {
    let last = this.store.site.Created;
    for (const l of this.store.lists.values()) if (l.meta.LastItemModifiedDate > last) last = l.meta.LastItemModifiedDate;
    return toSpDate(new Date(last));
  }

  private _orderedLists(): IListData[] {
    return this.store.site.lists.map((id) => this.store.lists.get(id)).filter((l): l is IListData => !!l);
  }

  private _listEntity(list: IListData, origin: string): IEntity {
    const m = list.meta;
    const url = this.listUrl(list);
    const library = m.BaseTemplate === 101;
    const formBase = library ? `${url}/Forms` : url;
    return {
      type: 'SP.List',
      id: `${this._siteUrl(origin)}/_api/${this._listEditLink(list)}`,
      editLink: this._listEditLink(list),
      etag: `"${m.Version}"`,
      props: {
        AllowContentTypes: true,
        BaseTemplate: m.BaseTemplate,
        BaseType: library ? 1 : 0,
        ContentTypesEnabled: false,
        Created: toSpDate(new Date(m.Created)),
        Description: m.Description,
        Direction: 'none',
        DocumentTemplateUrl: library ? `${url}/Forms/template.dotx` : null,
        DraftVersionVisibility: 0,
        EnableAttachments: !library,
        EnableFolderCreation: library,
        EnableMinorVersions: false,
        EnableModeration: false,
        EnableVersioning: true,
        EntityTypeName: this._entityTypeName(list),
        ForceCheckout: false,
        HasExternalDataSource: false,
        Hidden: false,
        Id: m.Id,
        ImageUrl: library ? '/_layouts/15/images/itdl.png' : '/_layouts/15/images/itgen.png',
        IrmEnabled: false,
        IsApplicationList: false,
        IsCatalog: false,
        IsPrivate: false,
        ItemCount: list.items.length,
        LastItemDeletedDate: toSpDate(new Date(m.LastItemDeletedDate)),
        LastItemModifiedDate: toSpDate(new Date(m.LastItemModifiedDate)),
        ListItemEntityTypeFullName: this.itemTypeName(list),
        MajorVersionLimit: 500,
        NoCrawl: false,
        OnQuickLaunch: false,
        ParentWebUrl: this.sitePath,
        TemplateFeatureId: library ? '00bfea71-e717-4e80-aa17-d0c71b360101' : '00bfea71-de22-43b2-a848-c05709900100',
        Title: m.Title,
        ValidationFormula: m.ValidationFormula,
        ValidationMessage: m.ValidationMessage,
        ...m.props
      },
      extra: {
        DefaultViewUrl: `${formBase}/AllItems.aspx`,
        DefaultNewFormUrl: `${formBase}/NewForm.aspx`,
        DefaultEditFormUrl: `${formBase}/EditForm.aspx`,
        DefaultDisplayFormUrl: `${formBase}/DispForm.aspx`,
        EffectiveBasePermissions: PERMISSIONS[this.role],
        ParentWebPath: { DecodedUrl: this.sitePath },
        SchemaXml: `<List ID="{${m.Id}}" Title="${m.Title}" BaseType="${library ? 1 : 0}" ServerTemplate="${m.BaseTemplate}" />`
      },
      nav: {
        RootFolder: () => this._folderEntity(list, origin),
        Fields: () => list.fields.map((f) => this._fieldEntity(list, f, origin)),
        Items: () => list.items.map((i) => this._itemEntity(list, i, origin, true)),
        ParentWeb: () => this._webEntity(origin)
      }
    };
  }

  private _fieldEntity(list: IListData, f: IField, origin: string): IEntity {
    const editLink = `${this._listEditLink(list)}/Fields(guid'${f.Id}')`;
    const props = fieldJson(f, this.store.site.WebId);
    props.Scope = this.listUrl(list);
    return { type: fieldODataType(f), id: `${this._siteUrl(origin)}/_api/${editLink}`, editLink, props };
  }

  private _currentUser(): IUser {
    const u = this.store.site.users.find((x) => x.Id === CURRENT_USER_ID);
    return u || this.store.site.users[0];
  }

  private _userEntity(u: IUser, origin: string): IEntity {
    const editLink = `Web/GetUserById(${u.Id})`;
    return {
      type: 'SP.User',
      id: `${this._siteUrl(origin)}/_api/${editLink}`,
      editLink,
      props: {
        Id: u.Id,
        IsHiddenInUI: false,
        LoginName: u.LoginName,
        Title: u.Title,
        PrincipalType: 1,
        Email: u.Email,
        Expiration: '',
        IsEmailAuthenticationGuestUser: false,
        IsShareByEmailGuestUser: false,
        IsSiteAdmin: u.Id === CURRENT_USER_ID && this.role === 'owner',
        UserId: { NameId: crypto.createHash('md5').update(u.LoginName).digest('hex').slice(0, 16), NameIdIssuer: 'urn:federation:microsoftonline' },
        UserPrincipalName: u.Email
      }
    };
  }

  /** A person as expanded from a User column (the hidden User Information List). */
  private _userInfoEntity(u: IUser): IEntity {
    return {
      type: 'SP.Data.UserInfoItem',
      id: crypto.createHash('md5').update(`user:${u.Id}`).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5'),
      props: {
        Id: u.Id,
        ID: u.Id,
        Title: u.Title,
        Name: u.LoginName,
        EMail: u.Email,
        FirstName: u.FirstName || null,
        LastName: u.LastName || null,
        JobTitle: u.JobTitle || null,
        Department: u.Department || null,
        UserName: u.Email,
        SipAddress: u.Email,
        Office: null,
        MobilePhone: null,
        Picture: null,
        IsSiteAdmin: false,
        Deleted: false
      },
      unknown: (name) => badRequest(`The field or property '${name}' does not exist.`, '-2146232832, Microsoft.SharePoint.SPException')
    };
  }

  private _userById(id: unknown): IUser | undefined {
    return typeof id === 'number' ? this.store.site.users.find((u) => u.Id === id) : undefined;
  }

  private _folderEntity(list: IListData, origin: string): IEntity {
    const url = this.listUrl(list);
    const editLink = `Web/GetFolderByServerRelativePath(decodedurl='${url.replace(/'/g, "''")}')`;
    return {
      type: 'SP.Folder',
      id: `${this._siteUrl(origin)}/_api/${editLink}`,
      editLink,
      props: {
        Exists: true,
        IsWOPIEnabled: false,
        ItemCount: list.items.length,
        Name: list.meta.UrlName,
        ProgID: null,
        ServerRelativeUrl: url,
        TimeCreated: toSpDate(new Date(list.meta.Created)),
        TimeLastModified: toSpDate(new Date(list.meta.LastItemModifiedDate)),
        UniqueId: uuidFrom(`folder:${list.meta.Id}`),
        WelcomePage: ''
      },
      extra: { ServerRelativePath: { DecodedUrl: url } },
      nav: {
        Files: () => list.items.filter((i) => !!i.file).map((i) => this._fileEntity(list, i, origin)),
        Folders: () => [],
        ListItemAllFields: () => null
      }
    };
  }

  private _fileEntity(list: IListData, item: IItem, origin: string): IEntity {
    const f = item.file as NonNullable<IItem['file']>;
    const url = this._fileUrl(list, item);
    const editLink = `Web/GetFileByServerRelativePath(decodedurl='${url.replace(/'/g, "''")}')`;
    return {
      type: 'SP.File',
      id: `${this._siteUrl(origin)}/_api/${editLink}`,
      editLink,
      props: {
        CheckInComment: '',
        CheckOutType: 2,
        ContentTag: `{${f.UniqueId.toUpperCase()}},${f.Version},${item.Version}`,
        CustomizedPageStatus: 0,
        ETag: `"{${f.UniqueId.toUpperCase()}},${f.Version}"`,
        Exists: true,
        IrmEnabled: false,
        Length: String(f.Length),
        Level: 1,
        LinkingUri: null,
        LinkingUrl: '',
        MajorVersion: f.Version,
        MinorVersion: 0,
        Name: f.Name,
        ServerRelativeUrl: url,
        TimeCreated: f.TimeCreated,
        TimeLastModified: f.TimeLastModified,
        Title: (item.values.Title as string | null) ?? null,
        UIVersion: f.Version * 512,
        UIVersionLabel: `${f.Version}.0`,
        UniqueId: f.UniqueId
      },
      extra: { ServerRelativePath: { DecodedUrl: url } },
      nav: {
        ListItemAllFields: () => this._itemEntity(list, item, origin, true),
        Author: () => this._userEntityOrNull(item.AuthorId, origin),
        ModifiedBy: () => this._userEntityOrNull(item.EditorId, origin)
      }
    };
  }

  private _userEntityOrNull(id: number, origin: string): IEntity | null {
    const u = this._userById(id);
    return u ? this._userEntity(u, origin) : null;
  }

  private _customFields(list: IListData): IField[] {
    return list.fields.filter((f) => !f.FromBaseType);
  }

  /** A list item as SharePoint returns it: default fields, lookups as <Name>Id, navigation for $expand. */
  private _itemEntity(list: IListData, item: IItem, origin: string, withNav: boolean): IEntity {
    const library = list.meta.BaseTemplate === 101;
    const props: Record<string, unknown> = {
      FileSystemObjectType: 0,
      Id: item.Id,
      ServerRedirectedEmbedUri: null,
      ServerRedirectedEmbedUrl: '',
      ContentTypeId: library ? '0x0101008A1A0D6E9C3F4B4AA3B0C3F1C2F1E1AA' : '0x0100B7B4C0E3D1A04F4F9E2A4C6B8D0E1F2A',
      Title: item.values.Title ?? null
    };
    for (const f of this._customFields(list)) {
      const v = item.values[f.InternalName];
      if (isIdValued(f)) {
        props[`${f.InternalName}Id`] = isMulti(f) ? (Array.isArray(v) ? v : []) : v ?? null;
        if (isUser(f)) props[`${f.InternalName}StringId`] = isMulti(f) ? (Array.isArray(v) ? v.map(String) : []) : v === null || v === undefined ? null : String(v);
      } else props[f.InternalName] = v === undefined ? null : v;
    }
    Object.assign(props, {
      ID: item.Id,
      Modified: item.Modified,
      Created: item.Created,
      AuthorId: item.AuthorId,
      EditorId: item.EditorId,
      OData__UIVersionString: `${item.Version}.0`,
      Attachments: false,
      GUID: item.GUID
    });
    const fileRef = library && item.file ? this._fileUrl(list, item) : `${this.listUrl(list)}/${item.Id}_.000`;
    const extra: Record<string, unknown> = {
      FileLeafRef: library && item.file ? item.file.Name : `${item.Id}_.000`,
      FileRef: fileRef,
      FileDirRef: this.listUrl(list),
      AuthorStringId: String(item.AuthorId),
      EditorStringId: String(item.EditorId),
      File_x0020_Type: library && item.file ? path.extname(item.file.Name).slice(1) : null,
      ContentTypeId: props.ContentTypeId
    };
    const nav: Record<string, () => NavValue> = {};
    if (withNav) {
      nav.Author = () => this._userInfoOrNull(item.AuthorId);
      nav.Editor = () => this._userInfoOrNull(item.EditorId);
      for (const f of this._customFields(list)) {
        if (isUser(f)) {
          nav[f.InternalName] = () => {
            const v = item.values[f.InternalName];
            if (isMulti(f)) return (Array.isArray(v) ? v : []).map((id) => this._userInfoOrNull(id)).filter((x): x is IEntity => !!x);
            return this._userInfoOrNull(v);
          };
        } else if (isLookup(f)) {
          nav[f.InternalName] = () => this._lookupTargets(f, item.values[f.InternalName], origin);
        }
      }
      if (library && item.file) nav.File = () => this._fileEntity(list, item, origin);
      nav.ParentList = () => this._listEntity(list, origin);
    }
    const type = this.itemTypeName(list);
    return {
      type,
      id: item.GUID,
      editLink: `${this._listEditLink(list)}/Items(${item.Id})`,
      etag: `"${item.Version}"`,
      props,
      extra,
      nav,
      unknown: (name) => badRequest(`The field or property '${name}' does not exist.`, '-2146232832, Microsoft.SharePoint.SPException')
    };
  }

  private _userInfoOrNull(id: unknown): IEntity | null {
    const u = this._userById(id);
    return u ? this._userInfoEntity(u) : null;
  }

  /** The target items of a lookup value; missing targets (deleted items, lists) are left out. */
  private _lookupTargets(f: IField, v: unknown, origin: string): NavValue {
    const target = this.findListById(lookupListId(f));
    const find = (id: unknown): IEntity | null => {
      if (!target || typeof id !== 'number') return null;
      const it = findItem(target, id);
      return it ? this._itemEntity(target, it, origin, false) : null;
    };
    if (isMulti(f)) return (Array.isArray(v) ? v : []).map(find).filter((x): x is IEntity => !!x);
    return find(v);
  }

  // ------------------------------------------------------------ routing

  private _resolve(segs: ISeg[], query: URLSearchParams, origin: string): Resource {
    let cur: Resource = { kind: 'root' };
    for (const seg of segs) cur = this._step(cur, seg, query, origin);
    return cur;
  }

  private _step(cur: Resource, seg: ISeg, query: URLSearchParams, origin: string): Resource {
    const args = (): IArgs => parseArgs(seg.args, query);
    const s = seg.lower;
    const prop = (entity: IEntity): Resource => {
      if (seg.args === undefined) {
        const key = Object.keys(entity.props).concat(Object.keys(entity.extra || {})).find((k) => k.toLowerCase() === s);
        if (key) return { kind: 'prop', entity, name: key };
      }
      throw notFoundResource(seg.name);
    };
    switch (cur.kind) {
      case 'root':
        if (s === 'contextinfo') return { kind: 'contextinfo' };
        if (s === 'web') return { kind: 'web' };
        if (s === 'site') return { kind: 'site' };
        if (s === 'lists') return seg.args !== undefined ? this._listFromArgs(args(), origin) : { kind: 'lists' };
        break;
      case 'site':
        if (s === 'rootweb') return { kind: 'web' };
        break;
      case 'web':
        switch (s) {
          case 'lists':
            return seg.args !== undefined ? this._listFromArgs(args(), origin) : { kind: 'lists' };
          case 'currentuser':
            return { kind: 'user', user: this._currentUser() };
          case 'siteusers':
            return seg.args !== undefined ? { kind: 'user', user: this._userByLogin(String(firstArg(args()))) } : { kind: 'users' };
          case 'getuserbyid': {
            const u = this._userById(firstArg(args()));
            if (!u) throw new SPError(404, CODE_ARGUMENT, 'User cannot be found.');
            return { kind: 'user', user: u };
          }
          case 'ensureuser':
            return { kind: 'ensureUser' };
          case 'effectivebasepermissions':
            return { kind: 'perms', role: this.role };
          case 'getusereffectivepermissions':
            return { kind: 'perms', role: this._roleOfLogin(String(firstArg(args()))) };
          case 'getlist': {
            const l = this._listByUrl(String(firstArg(args())));
            if (!l) throw new SPError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
            return { kind: 'list', list: l };
          }
          case 'getfolderbyserverrelativepath':
          case 'getfolderbyserverrelativeurl': {
            const url = String(firstArg(args()));
            const l = this._listByUrl(url);
            if (!l) throw new SPError(404, '-2147024894, System.IO.FileNotFoundException', 'File Not Found.');
            return { kind: 'folder', list: l };
          }
          case 'getfilebyserverrelativepath':
          case 'getfilebyserverrelativeurl': {
            const url = String(firstArg(args()));
            const found = this.findFile(url);
            if (!found) throw fileNotFound(url);
            return { kind: 'file', list: found.list, item: found.item };
          }
          default:
            return prop(this._webEntity(origin));
        }
      case 'lists':
        if (s === 'getbytitle') {
          const title = String(firstArg(args()));
          const l = this.findListByTitle(title);
          if (!l) throw this._listNotFound(title, origin);
          return { kind: 'list', list: l };
        }
        if (s === 'getbyid') return this._listFromArgs(args(), origin);
        break;
      case 'list':
        switch (s) {
          case 'items':
            return seg.args !== undefined ? this._itemFromArgs(cur.list, args()) : { kind: 'items', list: cur.list };
          case 'fields':
            return seg.args !== undefined ? this._fieldById(cur.list, String(firstArg(args()))) : { kind: 'fields', list: cur.list };
          case 'rootfolder':
            return { kind: 'folder', list: cur.list };
          case 'effectivebasepermissions':
            return { kind: 'perms', role: this.role };
          case 'getusereffectivepermissions':
            return { kind: 'perms', role: this._roleOfLogin(String(firstArg(args()))) };
          case 'getitembyid':
            return this._itemFromArgs(cur.list, args());
          default:
            return prop(this._listEntity(cur.list, origin));
        }
      case 'items':
        if (s === 'getbyid') return this._itemFromArgs(cur.list, args());
        break;
      case 'item':
        if (s === 'file' && cur.item.file) return { kind: 'file', list: cur.list, item: cur.item };
        if (s === 'effectivebasepermissions') return { kind: 'perms', role: this.role };
        if (s === 'getusereffectivepermissions') return { kind: 'perms', role: this._roleOfLogin(String(firstArg(args()))) };
        return prop(this._itemEntity(cur.list, cur.item, origin, false));
      case 'fields':
        if (s === 'getbyinternalnameortitle' || s === 'getbytitle' || s === 'getbyid') {
          const name = String(firstArg(args()));
          const list = cur.list;
          const f =
            s === 'getbyid'
              ? list.fields.find((x) => x.Id === name.replace(/[{}]/g, '').toLowerCase())
              : (s === 'getbyinternalnameortitle' ? list.fields.find((x) => x.InternalName === name) : undefined) || list.fields.find((x) => x.Title === name);
          if (!f) {
            throw new SPError(400, CODE_ARGUMENT, `Column '${name}' does not exist. It may have been deleted by another user.  ${this.listUrl(list)}`);
          }
          return { kind: 'field', list, field: f };
        }
        if (s === 'createfieldasxml') return { kind: 'createField', list: cur.list };
        break;
      case 'field':
        return prop(this._fieldEntity(cur.list, cur.field, origin));
      case 'user':
        return prop(this._userEntity(cur.user, origin));
      case 'users':
        if (s === 'getbyid') {
          const u = this._userById(firstArg(args()));
          if (!u) throw new SPError(404, CODE_ARGUMENT, 'User cannot be found.');
          return { kind: 'user', user: u };
        }
        if (s === 'getbyemail' || s === 'getbyloginname') return { kind: 'user', user: this._userByLogin(String(firstArg(args()))) };
        break;
      case 'folder':
        if (s === 'files') {
          if (seg.args !== undefined) {
            const name = String(firstArg(args()));
            const found = this.findFile(`${this.listUrl(cur.list)}/${name}`);
            if (!found) throw fileNotFound(`${this.listUrl(cur.list)}/${name}`);
            return { kind: 'file', list: found.list, item: found.item };
          }
          return { kind: 'files', list: cur.list };
        }
        if (s === 'folders') return { kind: 'folders', list: cur.list };
        return prop(this._folderEntity(cur.list, origin));
      case 'files':
        if (s === 'addusingpath' || s === 'add') {
          const a = args();
          const name = String(a.named.decodedurl ?? a.named.url ?? firstArg(a) ?? '');
          const overwrite = a.named.overwrite === true;
          return { kind: 'addFile', list: cur.list, name, overwrite };
        }
        if (s === 'getbyurl') {
          const name = String(firstArg(args()));
          const found = this.findFile(`${this.listUrl(cur.list)}/${name}`);
          if (!found) throw fileNotFound(name);
          return { kind: 'file', list: found.list, item: found.item };
        }
        break;
      case 'file':
        if (s === '$value') return { kind: 'fileContent', list: cur.list, item: cur.item };
        if (s === 'listitemallfields') return { kind: 'listItemAllFields', list: cur.list, item: cur.item };
        return prop(this._fileEntity(cur.list, cur.item, origin));
      default:
        break;
    }
    throw notFoundResource(seg.name);
  }

  private _listFromArgs(a: IArgs, origin: string): Resource {
    const id = String(firstArg(a) ?? '');
    const l = this.findListById(id);
    if (!l) throw new SPError(404, CODE_ARGUMENT, `List does not exist.\n\nThe page you selected contains a list that does not exist.  It may have been deleted by another user.`.replace(/\n/g, ' '));
    void origin;
    return { kind: 'list', list: l };
  }

  private _itemFromArgs(list: IListData, a: IArgs): Resource {
    const id = firstArg(a);
    if (typeof id !== 'number' || !Number.isInteger(id)) throw badRequest(`The expression "items(${String(id)})" is not valid.`);
    const item = findItem(list, id);
    if (!item) throw itemNotFound();
    return { kind: 'item', list, item };
  }

  private _fieldById(list: IListData, id: string): Resource {
    const f = list.fields.find((x) => x.Id === id.replace(/[{}]/g, '').toLowerCase());
    if (!f) throw new SPError(400, CODE_ARGUMENT, 'Invalid field name. {' + id + '}');
    return { kind: 'field', list, field: f };
  }

  private _userByLogin(login: string): IUser {
    const l = login.toLowerCase();
    const u = this.store.site.users.find((x) => x.LoginName.toLowerCase() === l || x.Email.toLowerCase() === l || l.endsWith(`|${x.Email.toLowerCase()}`));
    if (!u) throw new SPError(404, CODE_ARGUMENT, 'User cannot be found.');
    return u;
  }

  private _roleOfLogin(login: string): Role | null {
    let u: IUser;
    try {
      u = this._userByLogin(login);
    } catch {
      return null;
    }
    // Colleagues are site members; the current user has the server's role.
    return u.Id === CURRENT_USER_ID ? this.role : 'member';
  }

  // ------------------------------------------------------------ dispatch

  /** Handles one API request (never a $batch envelope). Throws SPError for client errors. */
  public dispatch(req: IApiRequest, apiPath: string): IApiResponse {
    const origin = req.url.origin;
    const apiUrl = `${this._siteUrl(origin)}/_api`;
    const query = req.url.searchParams;
    const fmt = formatOf(req.headers.accept);
    const segs = parseSegments(apiPath);
    const res = this._resolve(segs, query, origin);
    const m = req.method;
    const json = (status: number, body: unknown, headers: Record<string, string> = {}): IApiResponse => ({
      status,
      headers: { 'Content-Type': contentTypeOf(fmt), ...headers },
      body: Buffer.from(JSON.stringify(body))
    });
    const q = (): IQuery => this._query(query);
    const one = (e: IEntity, setName: string, status: number = 200, headers: Record<string, string> = {}): IApiResponse => {
      const qq = q();
      const h = e.etag ? { ETag: e.etag, ...headers } : headers;
      return json(status, entityBody(project(e, qq.select, qq.expand), fmt, apiUrl, setName), h);
    };
    const many = (es: IEntity[], setName: string): IApiResponse => {
      const qq = q();
      const selected = this._filterGeneric(es, query);
      return json(200, collectionBody(selected.map((e) => project(e, qq.select, qq.expand)), fmt, apiUrl, setName));
    };
    const empty = (status: number, headers: Record<string, string> = {}): IApiResponse => ({ status, headers, body: null });
    const notAllowed = (): never => {
      throw new SPError(405, CODE_INVALID_QUERY, `The HTTP method '${m}' cannot be used for this resource.`);
    };
    const isRead = m === 'GET' || m === 'HEAD';

    switch (res.kind) {
      case 'contextinfo': {
        if (m !== 'POST') notAllowed();
        const info = {
          FormDigestTimeoutSeconds: DIGEST_TIMEOUT_SECONDS,
          FormDigestValue: this.newDigest(),
          LibraryVersion: '16.0.25000.12000',
          SiteFullUrl: this._siteUrl(origin),
          SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
          WebFullUrl: this._siteUrl(origin)
        };
        return json(200, valueBody('GetContextWebInformation', 'SP.ContextWebInformation', info, fmt, apiUrl));
      }
      case 'web':
        if (!isRead) notAllowed();
        return one(this._webEntity(origin), 'SP.Web');
      case 'site':
        if (!isRead) notAllowed();
        return json(200, entityBody(project({
          type: 'SP.Site',
          id: `${apiUrl}/Site`,
          editLink: 'Site',
          props: { Id: this.store.site.SiteId, ReadOnly: false, ServerRelativeUrl: this.sitePath, Url: this._siteUrl(origin) }
        }, q().select, []), fmt, apiUrl, 'SP.Site'));
      case 'lists':
        if (isRead) return many(this._orderedLists().map((l) => this._listEntity(l, origin)), 'SP.ApiData.Lists');
        if (m === 'POST') return this._addList(req, origin, (e) => one(e, 'SP.ApiData.Lists', 201));
        return notAllowed();
      case 'list':
        if (isRead) return one(this._listEntity(res.list, origin), 'SP.ApiData.Lists');
        if (m === 'MERGE' || m === 'PATCH') {
          this._requireManage();
          checkIfMatch(req, res.list.meta.Version);
          this._updateList(res.list, parseBody(req));
          return empty(204, { ETag: `"${res.list.meta.Version}"` });
        }
        if (m === 'DELETE') {
          this._requireManage();
          checkIfMatch(req, res.list.meta.Version);
          this._deleteListGuarded(res.list);
          return empty(200);
        }
        return notAllowed();
      case 'items':
        if (isRead) return this._queryItems(res.list, req, fmt, apiUrl, origin);
        if (m === 'POST') {
          this._requireEdit();
          if (res.list.meta.BaseTemplate === 101) {
            throw badRequest('To add an item to a document library, use SPFileCollection.Add()', '-2147024809, System.ArgumentException');
          }
          const item = this._addItem(res.list, parseBody(req));
          const e = this._itemEntity(res.list, item, origin, true);
          return one(e, `SP.ListData.${this._entityTypeName(res.list)}Items`, 201, { Location: `${apiUrl}/${e.editLink}` });
        }
        return notAllowed();
      case 'item':
      case 'listItemAllFields':
        if (isRead) return one(this._itemEntity(res.list, res.item, origin, true), `SP.ListData.${this._entityTypeName(res.list)}Items`);
        if (m === 'MERGE' || m === 'PATCH') {
          this._requireEdit();
          checkIfMatch(req, res.item.Version);
          this._updateItem(res.list, res.item, parseBody(req));
          return empty(204, { ETag: `"${res.item.Version}"` });
        }
        if (m === 'DELETE' && res.kind === 'item') {
          this._requireEdit();
          checkIfMatch(req, res.item.Version);
          this._deleteItem(res.list, res.item);
          return empty(200);
        }
        return notAllowed();
      case 'fields':
        if (isRead) return many(res.list.fields.map((f) => this._fieldEntity(res.list, f, origin)), 'SP.ApiData.Fields');
        return notAllowed();
      case 'createField': {
        if (m !== 'POST') notAllowed();
        this._requireManage();
        const body = parseBody(req);
        const params = (body.parameters || body) as Record<string, unknown>;
        if (typeof params.SchemaXml !== 'string') throw badRequest("The parameter 'SchemaXml' is missing.", CODE_ARGUMENT);
        const f = fieldFromSchemaXml(params.SchemaXml);
        if (res.list.fields.some((x) => x.InternalName.toLowerCase() === f.InternalName.toLowerCase())) {
          throw new SPError(500, '-2130575340, Microsoft.SharePoint.SPException', `A duplicate field name "${f.InternalName}" was found.`);
        }
        res.list.fields.push(f);
        res.list.meta.Version++;
        this.store.markList(res.list.meta.Id);
        return one(this._fieldEntity(res.list, f, origin), 'SP.ApiData.Fields', 201);
      }
      case 'field':
        if (isRead) return one(this._fieldEntity(res.list, res.field, origin), 'SP.ApiData.Fields');
        if (m === 'MERGE' || m === 'PATCH') {
          this._requireManage();
          updateField(res.field, parseBody(req));
          res.list.meta.Version++;
          this.store.markList(res.list.meta.Id);
          return empty(204);
        }
        if (m === 'DELETE') {
          this._requireManage();
          if (res.field.FromBaseType) throw new SPError(500, '-2146232832, Microsoft.SharePoint.SPException', 'You cannot delete a hidden column.');
          res.list.fields = res.list.fields.filter((f) => f !== res.field);
          res.list.meta.Version++;
          this.store.markList(res.list.meta.Id);
          return empty(200);
        }
        return notAllowed();
      case 'users':
        if (!isRead) notAllowed();
        return many(this.store.site.users.map((u) => this._userEntity(u, origin)), 'SP.ApiData.Users');
      case 'user':
        if (!isRead) notAllowed();
        return one(this._userEntity(res.user, origin), 'SP.ApiData.Users');
      case 'ensureUser': {
        if (m !== 'POST') notAllowed();
        this._requireEdit();
        const body = parseBody(req);
        const login = typeof body.logonName === 'string' ? body.logonName : '';
        return one(this._userEntity(this._ensureUser(login), origin), 'SP.ApiData.Users');
      }
      case 'perms': {
        if (!isRead) notAllowed();
        const bits = res.role ? PERMISSIONS[res.role] : { High: '0', Low: '0' };
        const name = apiPath.toLowerCase().indexOf('getusereffectivepermissions') >= 0 ? 'GetUserEffectivePermissions' : 'EffectiveBasePermissions';
        return json(200, valueBody(name, 'SP.BasePermissions', { ...bits }, fmt, apiUrl));
      }
      case 'folder':
        if (!isRead) notAllowed();
        return one(this._folderEntity(res.list, origin), 'SP.ApiData.Folders');
      case 'folders':
        if (!isRead) notAllowed();
        return many([], 'SP.ApiData.Folders');
      case 'files':
        if (!isRead) notAllowed();
        return many(res.list.items.filter((i) => !!i.file).map((i) => this._fileEntity(res.list, i, origin)), 'SP.ApiData.Files');
      case 'addFile': {
        if (m !== 'POST') notAllowed();
        this._requireEdit();
        const item = this._putFile(res.list, res.name, req.body, res.overwrite);
        return one(this._fileEntity(res.list, item, origin), 'SP.ApiData.Files', 200);
      }
      case 'file':
        if (isRead) return one(this._fileEntity(res.list, res.item, origin), 'SP.ApiData.Files');
        if (m === 'DELETE') {
          this._requireEdit();
          this._deleteItem(res.list, res.item);
          return empty(200);
        }
        return notAllowed();
      case 'fileContent': {
        const f = res.item.file as NonNullable<IItem['file']>;
        if (isRead) {
          const bytes = this.store.readContent(res.list.meta.Id, f.UniqueId);
          return { status: 200, headers: { 'Content-Type': mimeOf(f.Name), ETag: `"{${f.UniqueId.toUpperCase()}},${f.Version}"` }, body: bytes };
        }
        if (m === 'PUT' || m === 'POST') {
          this._requireEdit();
          this._putFile(res.list, f.Name, req.body, true);
          return empty(204);
        }
        return notAllowed();
      }
      case 'prop': {
        if (!isRead) notAllowed();
        const v = res.name in res.entity.props ? res.entity.props[res.name] : (res.entity.extra || {})[res.name];
        const type = typeof v === 'number' ? (Number.isInteger(v) ? 'Edm.Int32' : 'Edm.Double') : typeof v === 'boolean' ? 'Edm.Boolean' : v && typeof v === 'object' ? `SP.${res.name}` : 'Edm.String';
        return json(200, valueBody(res.name, type, v, fmt, apiUrl));
      }
      default:
        throw notFoundResource(apiPath);
    }
  }

  private _query(query: URLSearchParams): IQuery {
    const select = parseList(query.get('$select'));
    const expand = parseList(query.get('$expand')) || [];
    return { select: select ? select.map((s) => s.split('/')) : undefined, expand: expand.map((s) => s.split('/')) };
  }

  /** $filter/$orderby/$skip/$top over a non-item collection (lists, fields, users, files). */
  private _filterGeneric(es: IEntity[], query: URLSearchParams): IEntity[] {
    let out = es;
    const filterSrc = query.get('$filter');
    const resolver = (e: IEntity) => (p: string[]): IResolved => {
      const all = { ...e.props, ...(e.extra || {}) };
      const key = Object.keys(all).find((k) => k.toLowerCase() === p[0].toLowerCase());
      if (!key) throw unknownProperty(p[0], e.type);
      let v = all[key];
      for (const sub of p.slice(1)) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[sub] : undefined;
      return { value: v };
    };
    if (filterSrc) {
      const tree = parseFilterOr400(filterSrc);
      out = out.filter((e) => evaluate(tree, resolver(e)));
    }
    const orderSrc = query.get('$orderby');
    if (orderSrc) {
      const keys = parseOrderOr400(orderSrc);
      out = out.slice().sort((a, b) => {
        for (const k of keys) {
          const c = compareForSort(resolver(a)(k.path).value, resolver(b)(k.path).value);
          if (c) return k.desc ? -c : c;
        }
        return 0;
      });
    }
    const skip = query.get('$skip');
    if (skip) out = out.slice(parseIntOr400(skip, '$skip'));
    const top = query.get('$top');
    if (top) out = out.slice(0, parseIntOr400(top, '$top'));
    return out;
  }

  // ------------------------------------------------------------ item queries

  /** Resolves a $filter/$orderby member path on a list item, as SharePoint maps columns. */
  private _itemResolver(list: IListData, item: IItem, origin: string): (p: string[]) => IResolved {
    return (p: string[]): IResolved => {
      const { field, sub } = this._columnOf(list, p);
      const name = field.InternalName;
      if (name === 'ID') return { value: item.Id };
      if (name === 'Created' || name === 'Modified') return { value: item[name] };
      if (name === 'Author' || name === 'Editor') {
        const id = name === 'Author' ? item.AuthorId : item.EditorId;
        return { value: this._userProp(id, sub) };
      }
      if (name === 'FileLeafRef') return { value: item.file ? item.file.Name : `${item.Id}_.000` };
      if (name === 'FileRef') return { value: item.file ? this._fileUrl(list, item) : `${this.listUrl(list)}/${item.Id}_.000` };
      if (name === 'GUID') return { value: item.GUID };
      const v = item.values[name];
      if (isUser(field)) {
        if (isMulti(field)) return { value: (Array.isArray(v) ? v : []).map((id) => this._userProp(id, sub)), multi: true };
        return { value: this._userProp(v, sub) };
      }
      if (isLookup(field)) {
        const subName = sub || field.LookupField || 'Title';
        const target = this.findListById(lookupListId(field));
        const proj = (id: unknown): unknown => {
          if (subName.toLowerCase() === 'id') return id;
          const t = target && typeof id === 'number' ? findItem(target, id) : undefined;
          if (!t || !target) return null;
          const e = this._itemEntity(target, t, origin, false);
          const k = Object.keys(e.props).find((x) => x.toLowerCase() === subName.toLowerCase());
          return k ? e.props[k] : null;
        };
        if (isMulti(field)) return { value: (Array.isArray(v) ? v : []).map(proj), multi: true };
        return { value: v === null || v === undefined ? null : proj(v) };
      }
      return { value: v === undefined ? null : v };
    };
  }

  private _userProp(id: unknown, sub: string | undefined): unknown {
    if (!sub || sub.toLowerCase() === 'id') return typeof id === 'number' ? id : null;
    const u = this._userById(id);
    if (!u) return null;
    const e = this._userInfoEntity(u);
    const k = Object.keys(e.props).find((x) => x.toLowerCase() === sub.toLowerCase());
    return k ? e.props[k] : null;
  }

  /** The column a path refers to: `X`, `XId`, `X/Id`, `X/Title`, `Id`. */
  private _columnOf(list: IListData, p: string[]): { field: IField; sub?: string } {
    const head = p[0];
    const byName = (n: string): IField | undefined => list.fields.find((f) => f.InternalName === n) || list.fields.find((f) => f.InternalName.toLowerCase() === n.toLowerCase());
    if (/^id$/i.test(head)) return { field: byName('ID') as IField };
    let f = byName(head);
    let sub = p.length > 1 ? p.slice(1).join('/') : undefined;
    if (!f && /Id$/.test(head)) {
      const base = byName(head.slice(0, -2));
      if (base && (isIdValued(base) || base.InternalName === 'Author' || base.InternalName === 'Editor')) {
        f = base;
        sub = 'Id';
      }
    }
    if (!f) {
      throw new SPError(400, CODE_ARGUMENT, `Column '${p.join('/')}' does not exist. It may have been deleted by another user.`);
    }
    return { field: f, sub };
  }

  private _queryItems(list: IListData, req: IApiRequest, fmt: Format, apiUrl: string, origin: string): IApiResponse {
    const query = req.url.searchParams;
    const qq = this._query(query);
    const topSrc = query.get('$top');
    const top = topSrc === null ? DEFAULT_ITEM_TOP : parseIntOr400(topSrc, '$top');
    if (top > LIST_VIEW_THRESHOLD) {
      throw badRequest(`The $top query option value ${top} is not valid: the maximum is ${LIST_VIEW_THRESHOLD}.`, CODE_ARGUMENT);
    }
    const filterSrc = query.get('$filter');
    const tree: FilterNode | undefined = filterSrc ? parseFilterOr400(filterSrc) : undefined;
    const order = query.get('$orderby') ? parseOrderOr400(query.get('$orderby') as string) : [];
    // Validate column names up front (400 before any threshold decision).
    const paths = (tree ? memberPaths(tree) : []).concat(order.map((o) => o.path));
    const columns = paths.map((p) => this._columnOf(list, p).field);
    const resolverOf = (i: IItem): ((p: string[]) => IResolved) => this._itemResolver(list, i, origin);
    if (list.items.length > LIST_VIEW_THRESHOLD) {
      if (columns.some((f) => f.InternalName !== 'ID' && !f.Indexed)) throw throttled();
      if (tree) {
        const first = firstClause(tree);
        let n = 0;
        for (const i of list.items) {
          if (evaluate(first, resolverOf(i)) && ++n > LIST_VIEW_THRESHOLD) throw throttled();
        }
      }
    }
    let rows = tree ? list.items.filter((i) => evaluate(tree, resolverOf(i))) : list.items.slice();
    if (order.length) {
      rows.sort((a, b) => {
        for (const k of order) {
          const c = compareForSort(resolverOf(a)(k.path).value, resolverOf(b)(k.path).value);
          if (c) return k.desc ? -c : c;
        }
        return a.Id - b.Id;
      });
    } else rows.sort((a, b) => a.Id - b.Id);
    const token = parseSkipToken(query.get('$skiptoken'));
    if (token) {
      const reverse = token.prev;
      const idx = order.length ? rows.findIndex((i) => i.Id === token.id) : -1;
      if (idx >= 0) rows = reverse ? rows.slice(0, idx).reverse() : rows.slice(idx + 1);
      else rows = reverse ? rows.filter((i) => i.Id < token.id).reverse() : rows.filter((i) => i.Id > token.id);
    }
    const page = rows.slice(0, top);
    if (token && token.prev) page.reverse();
    let nextLink: string | undefined;
    if (rows.length > top && page.length > 0 && !(token && token.prev)) {
      const next = new URL(req.url.toString());
      next.searchParams.set('$skiptoken', `Paged=TRUE&p_ID=${page[page.length - 1].Id}`);
      if (!next.searchParams.has('$top')) next.searchParams.set('$top', String(top));
      nextLink = next.toString();
    }
    const projected: IProjected[] = page.map((i) => project(this._itemEntity(list, i, origin, true), qq.select, qq.expand));
    const body = collectionBody(projected, fmt, apiUrl, `SP.ListData.${this._entityTypeName(list)}Items`, nextLink);
    return { status: 200, headers: { 'Content-Type': contentTypeOf(fmt) }, body: Buffer.from(JSON.stringify(body)) };
  }

  // ------------------------------------------------------------ writes

  private _requireEdit(): void {
    if (this.role === 'reader') throw accessDenied();
  }

  private _requireManage(): void {
    if (this.role !== 'owner') throw accessDenied();
  }

  private _addList(req: IApiRequest, origin: string, respond: (e: IEntity) => IApiResponse): IApiResponse {
    this._requireManage();
    const body = parseBody(req);
    checkListKeys(body, true);
    const title = typeof body.Title === 'string' ? body.Title.trim() : '';
    if (!title) throw badRequest('The list title cannot be empty.', CODE_ARGUMENT);
    if (this.findListByTitle(title)) {
      throw new SPError(
        500,
        '-2130575342, Microsoft.SharePoint.SPException',
        'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.'
      );
    }
    const template = body.BaseTemplate === undefined ? 100 : Number(body.BaseTemplate);
    if (template !== 100 && template !== 101) throw badRequest(`List template ${String(body.BaseTemplate)} is not supported by the local server (100 list, 101 library).`, CODE_ARGUMENT);
    let urlName = urlNameFromTitle(title);
    const taken = (n: string): boolean => this._orderedLists().some((l) => l.meta.UrlName.toLowerCase() === n.toLowerCase());
    for (let k = 1; taken(urlName); k++) urlName = `${urlNameFromTitle(title)}${k}`;
    const now = new Date().toISOString();
    const list: IListData = {
      meta: {
        Id: newGuid(),
        Title: title,
        Description: typeof body.Description === 'string' ? body.Description : '',
        BaseTemplate: template,
        UrlName: urlName,
        Created: now,
        LastItemModifiedDate: now,
        LastItemDeletedDate: now,
        ValidationFormula: '',
        ValidationMessage: '',
        Version: 1,
        NextItemId: 1,
        props: {}
      },
      fields: builtInFields(template),
      items: []
    };
    applyListProps(list, body);
    this.store.addList(list);
    return respond(this._listEntity(list, origin));
  }

  private _updateList(list: IListData, body: Record<string, unknown>): void {
    checkListKeys(body, false);
    if (typeof body.Title === 'string' && body.Title.trim() && body.Title.trim().toLowerCase() !== list.meta.Title.toLowerCase()) {
      if (this.findListByTitle(body.Title.trim())) {
        throw new SPError(500, '-2130575342, Microsoft.SharePoint.SPException', 'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.');
      }
    }
    applyListProps(list, body);
    list.meta.Version++;
    this.store.markList(list.meta.Id);
  }

  private _deleteListGuarded(list: IListData): void {
    this.store.removeList(list.meta.Id);
  }

  /** Validates a whole write body before anything changes; returns the normalised values. */
  private _itemValues(list: IListData, body: Record<string, unknown>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const type = this.itemTypeName(list);
    for (const key of Object.keys(body)) {
      if (IGNORED_WRITE_PROPS.indexOf(key) >= 0) continue;
      let field = list.fields.find((f) => f.InternalName === key);
      if (field && isIdValued(field)) {
        throw badRequest(
          "A 'PrimitiveValue' node with non-null value was found when trying to read the value of a navigation property; however, a 'StartArray' node, a 'StartObject' node, or a 'PrimitiveValue' node with null value was expected."
        );
      }
      if (!field && /Id$/.test(key)) {
        const base = list.fields.find((f) => f.InternalName === key.slice(0, -2));
        if (base && isIdValued(base)) field = base;
      }
      if (!field && /StringId$/.test(key)) {
        const base = list.fields.find((f) => f.InternalName === key.slice(0, -8));
        if (base && isUser(base)) {
          const raw = body[key];
          out[base.InternalName] = normaliseValue(base, Array.isArray(raw) ? raw.map(Number) : raw === null ? null : Number(raw), this.store.site.users);
          continue;
        }
      }
      if (!field || (field.FromBaseType && field.InternalName !== 'Title' && field.InternalName !== 'FileLeafRef')) {
        if (field && field.ReadOnlyField) continue;
        throw unknownProperty(key, type);
      }
      if (field.InternalName === 'FileLeafRef') continue; // renaming documents is not supported locally
      out[field.InternalName] = normaliseValue(field, body[key], this.store.site.users);
    }
    return out;
  }

  /** items.add without HTTP (bulk loads in tests and tools); same validation and defaults. */
  public addItemForTool(list: IListData, body: Record<string, unknown>): IItem {
    if (list.meta.BaseTemplate === 101) throw badRequest('To add an item to a document library, use SPFileCollection.Add()');
    return this._addItem(list, body);
  }

  private _addItem(list: IListData, body: Record<string, unknown>, file?: IItem['file']): IItem {
    const values: Record<string, unknown> = {};
    for (const f of this._customFields(list)) values[f.InternalName] = defaultValueOf(f);
    values.Title = null;
    Object.assign(values, this._itemValues(list, body));
    this._checkListValidation(list, values);
    const now = toSpDate(new Date());
    const item: IItem = {
      Id: list.meta.NextItemId++,
      GUID: newGuid(),
      Created: now,
      Modified: now,
      AuthorId: CURRENT_USER_ID,
      EditorId: CURRENT_USER_ID,
      Version: 1,
      values
    };
    if (file) item.file = file;
    list.items.push(item);
    list.meta.LastItemModifiedDate = new Date().toISOString();
    this.store.markList(list.meta.Id);
    return item;
  }

  /** SharePoint refuses an item that fails the list's validation formula, with the list's message. */
  private _checkListValidation(list: IListData, values: Record<string, unknown>): void {
    const formula = list.meta.ValidationFormula;
    if (!formula) return;
    const schema: IListSchema = {
      key: list.meta.Id,
      title: list.meta.Title,
      description: '',
      template: 100,
      url: '',
      fields: this._customFields(list).map((f) => ({ internalName: f.InternalName, displayName: f.Title, type: f.TypeAsString as FieldType }))
    };
    if (evaluateListFormula(schema, formula, values) === false) {
      throw new SPError(400, '-2130575163, Microsoft.SharePoint.SPException', list.meta.ValidationMessage || 'List data validation failed.');
    }
  }

  private _updateItem(list: IListData, item: IItem, body: Record<string, unknown>): void {
    const values = this._itemValues(list, body);
    this._checkListValidation(list, { ...item.values, ...values });
    Object.assign(item.values, values);
    item.Version++;
    item.Modified = toSpDate(new Date());
    item.EditorId = CURRENT_USER_ID;
    list.meta.LastItemModifiedDate = new Date().toISOString();
    this.store.markList(list.meta.Id);
  }

  private _deleteItem(list: IListData, item: IItem): void {
    list.items = list.items.filter((i) => i !== item);
    list.meta.LastItemDeletedDate = new Date().toISOString();
    if (item.file) this.store.putContent(list.meta.Id, item.file.UniqueId, null);
    this.store.markList(list.meta.Id);
  }

  private _putFile(list: IListData, name: string, content: Buffer, overwrite: boolean): IItem {
    const clean = name.replace(/^\/+/, '');
    if (!clean || /[\\/:*?"<>|#%]/.test(clean) || clean.length > 400) {
      throw badRequest(`The file name '${name}' is not valid.`, '-2130575245, Microsoft.SharePoint.SPException');
    }
    const existing = this.findFile(`${this.listUrl(list)}/${clean}`);
    const now = toSpDate(new Date());
    if (existing) {
      if (!overwrite) {
        throw new SPError(400, '-2130575257, Microsoft.SharePoint.SPException', `A file with the name ${list.meta.UrlName}/${clean} already exists.`);
      }
      const f = existing.item.file as NonNullable<IItem['file']>;
      f.Length = content.length;
      f.TimeLastModified = now;
      f.Version++;
      existing.item.Version++;
      existing.item.Modified = now;
      existing.item.EditorId = CURRENT_USER_ID;
      list.meta.LastItemModifiedDate = new Date().toISOString();
      this.store.putContent(list.meta.Id, f.UniqueId, content);
      this.store.markList(list.meta.Id);
      return existing.item;
    }
    const file = { Name: clean, UniqueId: newGuid(), Length: content.length, TimeCreated: now, TimeLastModified: now, Version: 1 };
    this.store.putContent(list.meta.Id, file.UniqueId, content);
    return this._addItem(list, {}, file);
  }

  private _ensureUser(login: string): IUser {
    try {
      return this._userByLogin(login);
    } catch {
      const email = login.split('|').pop() || '';
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
        throw new SPError(400, CODE_ARGUMENT, `The specified user ${login} could not be found.`);
      }
      const local = email.split('@')[0];
      const title = local
        .split(/[._-]+/)
        .filter((x) => x)
        .map((x) => x.charAt(0).toUpperCase() + x.slice(1))
        .join(' ');
      const u: IUser = { Id: this.store.site.nextUserId++, Title: title, Email: email.toLowerCase(), LoginName: `i:0#.f|membership|${email.toLowerCase()}` };
      this.store.site.users.push(u);
      this.store.markSite();
      return u;
    }
  }
}

// ---------------------------------------------------------------- helpers

const LIST_SETTABLE: string[] = [
  'Title', 'Description', 'AllowContentTypes', 'ContentTypesEnabled', 'OnQuickLaunch', 'EnableVersioning', 'EnableAttachments',
  'EnableFolderCreation', 'EnableMinorVersions', 'EnableModeration', 'ForceCheckout', 'MajorVersionLimit', 'Hidden', 'NoCrawl',
  'ValidationFormula', 'ValidationMessage', 'Direction', 'ImageUrl', 'IrmEnabled', 'DraftVersionVisibility', 'ReadSecurity',
  'WriteSecurity', 'DocumentTemplateType', 'TemplateFeatureId', 'DefaultContentApprovalWorkflowId', 'ListExperienceOptions',
  'DisableGridEditing', 'ExcludeFromOfflineClient', 'EnableAssignToEmail', 'DefaultDisplayFormUrl', 'DefaultEditFormUrl', 'DefaultNewFormUrl'
];

function checkListKeys(body: Record<string, unknown>, adding: boolean): void {
  for (const k of Object.keys(body)) {
    if (k === '__metadata') continue;
    if (k === 'BaseTemplate' && adding) continue;
    if (LIST_SETTABLE.indexOf(k) < 0) throw unknownProperty(k, 'SP.List');
  }
}

function applyListProps(list: IListData, body: Record<string, unknown>): void {
  for (const k of Object.keys(body)) {
    if (k === '__metadata' || k === 'BaseTemplate') continue;
    const v = body[k];
    if (k === 'Title') {
      if (typeof v === 'string' && v.trim()) list.meta.Title = v.trim();
    } else if (k === 'Description') list.meta.Description = v === null ? '' : String(v);
    else if (k === 'ValidationFormula') list.meta.ValidationFormula = v === null ? '' : String(v);
    else if (k === 'ValidationMessage') list.meta.ValidationMessage = v === null ? '' : String(v);
    else list.meta.props[k] = v;
  }
}

export function findItem(list: IListData, id: number): IItem | undefined {
  // Items are kept in id order (appended with increasing ids): binary search.
  const items = list.items;
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = items[mid].Id;
    if (v === id) return items[mid];
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

function normPath(p: string): string {
  let s = p;
  try {
    s = decodeURIComponent(p);
  } catch {
    /* already decoded */
  }
  s = s.replace(/^https?:\/\/[^/]+/i, '');
  if (!s.startsWith('/')) s = '/' + s;
  return s.replace(/\/+$/, '').toLowerCase();
}

function uuidFrom(seed: string): string {
  return crypto.createHash('md5').update(seed).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
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

function parseFilterOr400(src: string): FilterNode {
  try {
    return parseFilter(src);
  } catch (e) {
    if (e instanceof ODataSyntaxError) throw badRequest(e.message);
    throw e;
  }
}

function parseOrderOr400(src: string): ReturnType<typeof parseOrderBy> {
  try {
    return parseOrderBy(src);
  } catch (e) {
    if (e instanceof ODataSyntaxError) throw badRequest(e.message);
    throw e;
  }
}

function parseIntOr400(v: string, name: string): number {
  if (!/^\d+$/.test(v.trim())) throw badRequest(`The value '${v}' of the ${name} query option is not valid.`);
  return parseInt(v, 10);
}

function parseSkipToken(v: string | null): { id: number; prev: boolean } | undefined {
  if (!v) return undefined;
  const params = new URLSearchParams(v);
  const id = params.get('p_ID');
  if (!id || !/^\d+$/.test(id)) return undefined;
  return { id: parseInt(id, 10), prev: /^true$/i.test(params.get('PagedPrev') || '') };
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

function checkIfMatch(req: IApiRequest, version: number): void {
  const h = req.headers['if-match'];
  if (!h || h.trim() === '*') return;
  const tags = h.split(',').map((t) => t.trim().replace(/^W\//, ''));
  if (tags.indexOf(`"${version}"`) < 0 && tags.indexOf(String(version)) < 0) throw versionConflict();
}

const MIME: Record<string, string> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml'
};

export function mimeOf(name: string): string {
  return MIME[path.extname(name).toLowerCase()] || 'application/octet-stream';
}
