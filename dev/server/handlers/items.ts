/** List items: items(n), getItemById, the item entity, and add/update/delete with SharePoint's validation. */
import { checkIfMatch, empty, IApiResponse, IContext, IScope, one, parseBody, requireEdit, Resource } from '../context';
import { IEntity, NavValue } from '../entities';
import { accessDenied, badRequest, fieldOrPropertyNotFound, itemNotFound, listDataValidationFailed, SPError, unknownProperty } from '../errors';
import { defaultValueOf, IGNORED_WRITE_PROPS, isIdValued, isLookup, isMulti, isUser, lookupListId, normaliseValue, toSpDate } from '../fields';
import { firstArg, ISeg, parseArgs } from '../segments';
import { findItem, Site } from '../site';
import { dropVersions, recordVersion } from '../versions';
import { IField, IItem, IListData, newGuid } from '../store';
import { evaluateListFormula } from '../../../tools/schema/validation';
import { FieldType, IListSchema } from '../../../src/schema/schema';
import * as path from 'path';
import { fileEntity } from './files';
import { listEntity } from './lists';
import { userInfoEntity } from './users';

// ------------------------------------------------------------ navigation

/** `items` is the collection; `items(3)` one item. */
export function itemsSegment(c: IContext, cur: { list: IListData }, seg: ISeg): Resource {
  return seg.args !== undefined ? itemSegment(c, cur, seg) : { kind: 'items', list: cur.list };
}

/** items(3), items/getById(3), getItemById(3). */
export function itemSegment(c: IContext, cur: { list: IListData }, seg: ISeg): Resource {
  const id = firstArg(parseArgs(seg.args, c.query));
  if (typeof id !== 'number' || !Number.isInteger(id)) throw badRequest(`The expression "items(${String(id)})" is not valid.`);
  const item = findItem(cur.list, id);
  // An item the user may not read (item-level read security, unique permissions) is not there for them (FIDELITY K-01).
  if (!item || !c.site.canReadItem(cur.list, item)) throw itemNotFound();
  return { kind: 'item', list: cur.list, item };
}

// ------------------------------------------------------------ entity

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

// ------------------------------------------------------------ handlers

export function itemSetName(c: IContext, list: IListData): string {
  return `SP.ListData.${c.site.entityTypeName(list)}Items`;
}

export function getItem(c: IContext, r: { list: IListData; item: IItem }): IApiResponse {
  return one(c, itemEntity(c, r.list, r.item, true), itemSetName(c, r.list));
}

export function postItem(c: IContext, r: { list: IListData }): IApiResponse {
  if (!c.site.canAddItem(r.list)) throw accessDenied();
  if (r.list.meta.BaseTemplate === 101) {
    throw badRequest('To add an item to a document library, use SPFileCollection.Add()', '-2147024809, System.ArgumentException');
  }
  const item = addItem(c.site, r.list, parseBody(c.req), undefined, isJsonLight(c));
  const e = itemEntity(c, r.list, item, true);
  return one(c, e, itemSetName(c, r.list), 201, { Location: `${c.apiUrl}/${e.editLink}` });
}

export function mergeItem(c: IContext, r: { list: IListData; item: IItem }): IApiResponse {
  requireItemEdit(c, r.list, r.item);
  checkIfMatch(c.req, r.item.Version);
  const values = itemValues(c.site, r.list, parseBody(c.req), isJsonLight(c));
  checkListValidation(r.list, { ...r.item.values, ...values });
  recordVersion(c.site, r.list, r.item, !!r.item.file);
  Object.assign(r.item.values, values);
  r.item.Version++;
  r.item.Modified = toSpDate(new Date());
  // A document's columns are part of the document: the file gets the new version too (FIDELITY X-07).
  if (r.item.file) {
    r.item.file.Version++;
    r.item.file.TimeLastModified = r.item.Modified;
  }
  r.item.EditorId = c.site.currentUser().Id;
  r.list.meta.LastItemModifiedDate = new Date().toISOString();
  c.site.store.markList(r.list.meta.Id);
  return empty(204, { ETag: `"${r.item.Version}"` });
}

/** Edit Items on the item's scope and the list's WriteSecurity (FIDELITY K-03); documents keep the list-level check. */
function requireItemEdit(c: IContext, list: IListData, item: IItem): void {
  if (item.file) requireEdit(c);
  else if (!c.site.canWriteItem(list, item)) throw accessDenied();
}

export function deleteItemHandler(c: IContext, r: { list: IListData; item: IItem }): IApiResponse {
  requireItemEdit(c, r.list, r.item);
  checkIfMatch(c.req, r.item.Version);
  deleteItem(c.site, r.list, r.item);
  return empty(200);
}

// ------------------------------------------------------------ writes (also used by files and tools)

/** Validates a whole write body before anything changes; returns the normalised values. */
/** A JSON light body (PnPjs' default); verbose bodies wrap collections in {results}. */
function isJsonLight(c: IContext): boolean {
  return !/odata=verbose/i.test(c.req.headers['content-type'] || '');
}

function itemValues(site: Site, list: IListData, body: Record<string, unknown>, jsonLight: boolean = false): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const users = site.store.site.users;
  for (const key of Object.keys(body)) {
    // __metadata belongs to verbose bodies only; in JSON light it is an unknown property (FIDELITY W-08).
    if (key === '__metadata' && jsonLight) throw unknownProperty(key, site.itemTypeName(list));
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
        out[base.InternalName] = normaliseValue(base, Array.isArray(raw) ? raw.map(Number) : raw === null ? null : Number(raw), users, jsonLight);
        continue;
      }
    }
    if (!field || (field.FromBaseType && field.InternalName !== 'Title' && field.InternalName !== 'FileLeafRef')) {
      if (field && field.ReadOnlyField) continue;
      throw unknownProperty(key, site.itemTypeName(list));
    }
    if (field.InternalName === 'FileLeafRef') continue; // renaming documents is not supported locally
    out[field.InternalName] = normaliseValue(field, body[key], users, jsonLight);
  }
  return out;
}

export function addItem(site: Site, list: IListData, body: Record<string, unknown>, file?: IItem['file'], jsonLight: boolean = false): IItem {
  const values: Record<string, unknown> = {};
  for (const f of customFields(list)) values[f.InternalName] = defaultValueOf(f);
  values.Title = null;
  Object.assign(values, itemValues(site, list, body, jsonLight));
  checkListValidation(list, values);
  const now = toSpDate(new Date());
  const item: IItem = {
    Id: list.meta.NextItemId++,
    GUID: newGuid(),
    Created: now,
    Modified: now,
    AuthorId: site.currentUser().Id,
    EditorId: site.currentUser().Id,
    Version: 1,
    values
  };
  if (file) item.file = file;
  list.items.push(item);
  list.meta.LastItemModifiedDate = new Date().toISOString();
  site.store.markList(list.meta.Id);
  return item;
}

/** items.add without HTTP (bulk loads in tests and tools); same validation and defaults. */
export function addItemForTool(site: Site, list: IListData, body: Record<string, unknown>): IItem {
  if (list.meta.BaseTemplate === 101) throw badRequest('To add an item to a document library, use SPFileCollection.Add()');
  return addItem(site, list, body);
}

/** SharePoint refuses an item that fails the list's validation formula, with the list's message. */
function checkListValidation(list: IListData, values: Record<string, unknown>): void {
  const formula = list.meta.ValidationFormula;
  if (!formula) return;
  const schema: IListSchema = {
    key: list.meta.Id,
    title: list.meta.Title,
    description: '',
    template: 100,
    url: '',
    fields: customFields(list).map((f) => ({ internalName: f.InternalName, displayName: f.Title, type: f.TypeAsString as FieldType }))
  };
  if (evaluateListFormula(schema, formula, values) === false) {
    throw listDataValidationFailed();
  }
}

export function deleteItem(site: Site, list: IListData, item: IItem): void {
  list.items = list.items.filter((i) => i !== item);
  list.meta.LastItemDeletedDate = new Date().toISOString();
  if (item.file) site.store.putContent(list.meta.Id, item.file.UniqueId, null);
  dropVersions(site, list, item);
  site.store.markList(list.meta.Id);
}
