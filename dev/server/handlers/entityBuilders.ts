/**
 * The REST entities of files, folders, items, lists and the web, in one module: they expand into
 * each other ($expand=File, ParentList, RootFolder, Lists), so the handlers share them from here
 * instead of importing each other.
 */
import * as path from 'path';
import { IScope } from '../context';
import { IEntity, NavValue } from '../entities';
import { SPError, fieldOrPropertyNotFound } from '../errors';
import { toSpDate, isIdValued, isLookup, isMulti, isUser, lookupListId } from '../fields';
import { Site, uuidFrom, findItem } from '../site';
import { IItem, IListData, IField } from '../store';
import { userEntityOrNull, userInfoEntity, userEntity } from './users';
import { maskJson } from '../directory';
import { fieldEntity } from './fields';

/** The local site's title (a tenant's data site has its own; the report's organisation name defaults to it). */
export const WEB_TITLE = 'Organisatiebeheersing';

export function fileEntity(s: IScope, list: IListData, item: IItem): IEntity {
  const f = item.file as NonNullable<IItem['file']>;
  const url = s.site.fileUrl(list, item);
  const editLink = `Web/GetFileByServerRelativePath(decodedurl='${url.replace(/'/g, "''")}')`;
  return {
    type: 'SP.File',
    id: `${s.site.siteUrl(s.origin)}/_api/${editLink}`,
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
      ListItemAllFields: () => itemEntity(s, list, item, true),
      Author: () => userEntityOrNull(s, item.AuthorId),
      ModifiedBy: () => userEntityOrNull(s, item.EditorId)
    }
  };
}

export function folderEntity(s: IScope, list: IListData): IEntity {
  const url = s.site.listUrl(list);
  const editLink = `Web/GetFolderByServerRelativePath(decodedurl='${url.replace(/'/g, "''")}')`;
  return {
    type: 'SP.Folder',
    id: `${s.site.siteUrl(s.origin)}/_api/${editLink}`,
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
      Files: () => list.items.filter((i) => !!i.file).map((i) => fileEntity(s, list, i)),
      Folders: () => [],
      ListItemAllFields: () => null
    }
  };
}

export function customFields(list: IListData): IField[] {
  return list.fields.filter((f) => !f.FromBaseType);
}

function unknownItemProperty(name: string): SPError {
  return fieldOrPropertyNotFound(name);
}

/** A list item as SharePoint returns it: default fields, lookups as <Name>Id, navigation for $expand. */
export function itemEntity(s: IScope, list: IListData, item: IItem, withNav: boolean): IEntity {
  const library = list.meta.BaseTemplate === 101;
  const props: Record<string, unknown> = {
    FileSystemObjectType: 0,
    Id: item.Id,
    ServerRedirectedEmbedUri: null,
    ServerRedirectedEmbedUrl: '',
    ContentTypeId: library ? '0x0101008A1A0D6E9C3F4B4AA3B0C3F1C2F1E1AA' : '0x0100B7B4C0E3D1A04F4F9E2A4C6B8D0E1F2A',
    Title: item.values.Title ?? null
  };
  for (const f of customFields(list)) Object.assign(props, columnProps(f, item.values[f.InternalName]));
  Object.assign(props, {
    ID: item.Id,
    Modified: item.Modified,
    Created: item.Created,
    AuthorId: item.AuthorId,
    EditorId: item.EditorId,
    OData__UIVersionString: `${item.Version}.0`,
    GUID: item.GUID
  });
  // A document has no attachments but a copy source and a check-out user (recorded document item, FIDELITY X-07).
  if (library) Object.assign(props, { ComplianceAssetId: null, OData__CopySource: null, CheckoutUserId: null });
  else props.Attachments = false;
  const withFile = library && !!item.file;
  const extra: Record<string, unknown> = {
    FileLeafRef: withFile && item.file ? item.file.Name : `${item.Id}_.000`,
    FileRef: withFile ? s.site.fileUrl(list, item) : `${s.site.listUrl(list)}/${item.Id}_.000`,
    FileDirRef: s.site.listUrl(list),
    AuthorStringId: String(item.AuthorId),
    EditorStringId: String(item.EditorId),
    File_x0020_Type: withFile && item.file ? path.extname(item.file.Name).slice(1) : null,
    ContentTypeId: props.ContentTypeId,
    // The item's internal version counter, as recorded in versions (FIDELITY X-01).
    owshiddenversion: item.Version
  };
  return {
    type: s.site.itemTypeName(list),
    id: item.GUID,
    editLink: `${s.site.listEditLink(list)}/Items(${item.Id})`,
    etag: `"${item.Version}"`,
    props,
    extra,
    nav: withNav ? itemNav(s, list, item) : {},
    unknown: unknownItemProperty
  };
}

/** A column's JSON: lookups and users as <Name>Id (users also <Name>StringId), others by internal name. */
export function columnProps(f: IField, v: unknown): Record<string, unknown> {
  if (!isIdValued(f)) return { [f.InternalName]: v === undefined ? null : v };
  const out: Record<string, unknown> = { [`${f.InternalName}Id`]: isMulti(f) ? (Array.isArray(v) ? v : []) : v ?? null };
  if (isUser(f)) out[`${f.InternalName}StringId`] = isMulti(f) ? (Array.isArray(v) ? v.map(String) : []) : v === null || v === undefined ? null : String(v);
  return out;
}

/** $expand targets: Author, Editor, user and lookup columns, File (libraries), ParentList. */
function itemNav(s: IScope, list: IListData, item: IItem): Record<string, () => NavValue> {
  const nav: Record<string, () => NavValue> = {};
  nav.Author = () => userInfoOrNull(s.site, item.AuthorId);
  nav.Editor = () => userInfoOrNull(s.site, item.EditorId);
  for (const f of customFields(list)) {
    if (isUser(f)) {
      nav[f.InternalName] = () => {
        const v = item.values[f.InternalName];
        if (isMulti(f)) return (Array.isArray(v) ? v : []).map((id) => userInfoOrNull(s.site, id)).filter((x): x is IEntity => !!x);
        return userInfoOrNull(s.site, v);
      };
    } else if (isLookup(f)) {
      nav[f.InternalName] = () => lookupTargets(s, f, item.values[f.InternalName]);
    }
  }
  if (list.meta.BaseTemplate === 101 && item.file) nav.File = () => fileEntity(s, list, item);
  nav.ParentList = () => listEntity(s, list);
  return nav;
}

export function userInfoOrNull(site: Site, id: unknown): IEntity | null {
  const u = site.userById(id);
  return u ? userInfoEntity(u) : null;
}

/** The target items of a lookup value; missing targets (deleted items, lists) are left out. */
function lookupTargets(s: IScope, f: IField, v: unknown): NavValue {
  const target = s.site.findListById(lookupListId(f));
  const find = (id: unknown): IEntity | null => {
    if (!target || typeof id !== 'number') return null;
    const it = findItem(target, id);
    return it ? itemEntity(s, target, it, false) : null;
  };
  if (isMulti(f)) return (Array.isArray(v) ? v : []).map(find).filter((x): x is IEntity => !!x);
  return find(v);
}

export function listEntity(s: IScope, list: IListData): IEntity {
  const m = list.meta;
  const url = s.site.listUrl(list);
  const library = m.BaseTemplate === 101;
  const formBase = library ? `${url}/Forms` : url;
  return {
    type: 'SP.List',
    id: `${s.site.siteUrl(s.origin)}/_api/${s.site.listEditLink(list)}`,
    editLink: s.site.listEditLink(list),
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
      EntityTypeName: s.site.entityTypeName(list),
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
      ListItemEntityTypeFullName: s.site.itemTypeName(list),
      // New lists keep 50 major versions, new libraries 500 (FIDELITY X-05).
      MajorVersionLimit: library ? 500 : 50,
      HasUniqueRoleAssignments: s.site.hasUniquePermissions(list),
      // Item-level permissions: 1 = read/edit all items, 2 = only those the user created, 4 = edit none (FIDELITY K-01, K-03).
      ReadSecurity: 1,
      WriteSecurity: 1,
      NoCrawl: false,
      OnQuickLaunch: false,
      ParentWebUrl: s.site.sitePath,
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
      EffectiveBasePermissions: maskJson(s.site.permsOn(list)),
      ParentWebPath: { DecodedUrl: s.site.sitePath },
      SchemaXml: `<List ID="{${m.Id}}" Title="${m.Title}" BaseType="${library ? 1 : 0}" ServerTemplate="${m.BaseTemplate}" />`
    },
    nav: {
      RootFolder: () => folderEntity(s, list),
      Fields: () => list.fields.map((f) => fieldEntity(s, list, f)),
      Items: () => list.items.filter((i) => s.site.canReadItem(list, i)).map((i) => itemEntity(s, list, i, true)),
      ParentWeb: () => webEntity(s)
    }
  };
}

export function webEntity(s: IScope): IEntity {
  const site = s.site.store.site;
  const url = s.site.siteUrl(s.origin);
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
      LastItemModifiedDate: lastModified(s),
      NoCrawl: false,
      QuickLaunchEnabled: true,
      RecycleBinEnabled: true,
      ServerRelativeUrl: s.site.sitePath,
      SiteLogoUrl: null,
      Title: WEB_TITLE,
      UIVersion: 15,
      Url: url,
      WebTemplate: 'STS',
      WelcomePage: 'SitePages/Home.aspx'
    },
    extra: { EffectiveBasePermissions: maskJson(s.site.permsOn()) },
    nav: {
      Lists: () => s.site.orderedLists().map((l) => listEntity(s, l)),
      CurrentUser: () => userEntity(s, s.site.currentUser()),
      SiteUsers: () => s.site.store.site.users.map((u) => userEntity(s, u))
    }
  };
}

function lastModified(s: IScope): string {
  let last = s.site.store.site.Created;
  for (const l of s.site.store.lists.values()) if (l.meta.LastItemModifiedDate > last) last = l.meta.LastItemModifiedDate;
  return toSpDate(new Date(last));
}
