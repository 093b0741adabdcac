/** List items: items(n), getItemById, the item entity, and add/update/delete with SharePoint's validation. */
import { checkIfMatch, empty, IApiResponse, IContext, one, parseBody, requireEdit, Resource } from '../context';
import { accessDenied, badRequest, itemNotFound, listDataValidationFailed, unknownProperty } from '../errors';
import { defaultValueOf, IGNORED_WRITE_PROPS, isIdValued, isUser, normaliseValue, toSpDate } from '../fields';
import { firstArg, ISeg, parseArgs } from '../segments';
import { findItem, Site } from '../site';
import { dropVersions, recordVersion } from '../versions';
import { IItem, IListData, newGuid } from '../store';
import { evaluateListFormula, FormulaFieldType, IFormulaList } from '../../../tools/schema/validation';
import { customFields, itemEntity } from './entityBuilders';

export { customFields, itemEntity, columnProps, userInfoOrNull } from './entityBuilders';

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

// ------------------------------------------------------------ handlers (the entity: entityBuilders.ts)

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
  // Built from the list itself: the server knows no product schema.
  const title = list.fields.filter((f) => f.InternalName === 'Title')[0];
  const schema: IFormulaList = {
    template: list.meta.BaseTemplate === 101 ? 101 : 100,
    titleDisplayName: title ? title.Title : undefined,
    fields: customFields(list).map((f) => ({ internalName: f.InternalName, displayName: f.Title, type: f.TypeAsString as FormulaFieldType }))
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
