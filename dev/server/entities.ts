/**
 * REST entities and their JSON: $select/$expand projection and the three OData
 * formats SharePoint speaks (JSON light minimal/no metadata, and verbose).
 */
import { badRequest, SPError } from './fields';

export type Format = 'minimal' | 'nometadata' | 'verbose';

export type NavValue = IEntity | IEntity[] | null;

export interface IEntity {
  /** odata.type, e.g. SP.List, SP.Data.RisicosListItem */
  type: string;
  /** odata.id: absolute URL (or GUID for list items) */
  id: string;
  /** odata.editLink: relative to {web}/_api */
  editLink?: string;
  /** odata.etag, e.g. "3" with quotes */
  etag?: string;
  /** Properties returned without $select. */
  props: Record<string, unknown>;
  /** Properties returned only when selected. */
  extra?: Record<string, unknown>;
  /** Navigation properties, returned only with $expand. */
  nav?: Record<string, () => NavValue>;
  /** The 400 for an unknown property in $select/$expand. */
  unknown?: (name: string) => SPError;
}

/** A projected entity: metadata plus chosen values, format-independent. */
export interface IProjected {
  __entity: IEntity;
  values: Record<string, unknown>;
}

function findKey(obj: Record<string, unknown> | Record<string, () => NavValue> | undefined, name: string): string | undefined {
  if (!obj) return undefined;
  if (Object.prototype.hasOwnProperty.call(obj, name)) return name;
  const lower = name.toLowerCase();
  return Object.keys(obj).find((k) => k.toLowerCase() === lower);
}

function defaultUnknown(e: IEntity): (name: string) => SPError {
  return (name) => badRequest(`The property '${name}' does not exist on type '${e.type}'. Make sure to only use property names that are defined by the type.`);
}

/**
 * Applies $select and $expand to an entity. `select` undefined means default
 * properties; paths are split on '/'.
 */
/**
 * The refusals of `project` for one entity, without reading any value: what SharePoint checks
 * of $select/$expand before it reads rows, so also when no row matches (FIDELITY Q-07).
 */
export function checkProjection(e: IEntity, select: string[][] | undefined, expand: string[][]): void {
  const unknown = e.unknown || defaultUnknown(e);
  const expanded: Record<string, true> = {};
  for (const p of expand) {
    const key = findKey(e.nav, p[0]);
    if (!key) throw unknown(p[0]);
    expanded[key] = true;
  }
  for (const p of select || []) {
    if (p[0] === '*') continue;
    const navKey = findKey(e.nav, p[0]);
    if (p.length > 1 || (navKey && expanded[navKey])) {
      if (!navKey) throw unknown(p[0]);
      if (!expanded[navKey]) {
        throw badRequest(
          `The query to field '${p.join('/')}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${p[0]}.`
        );
      }
      continue;
    }
    if (findKey(e.props, p[0]) || findKey(e.extra, p[0])) continue;
    throw unknown(p[0]);
  }
}

export function project(e: IEntity, select: string[][] | undefined, expand: string[][]): IProjected {
  const unknown = e.unknown || defaultUnknown(e);
  const values: Record<string, unknown> = {};
  const all = !select || select.some((p) => p.length === 1 && p[0] === '*');
  if (all) Object.assign(values, e.props);
  const expanded: Record<string, string> = {};
  for (const p of expand) {
    const key = findKey(e.nav, p[0]);
    if (!key) throw unknown(p[0]);
    expanded[key] = key;
  }
  const navSelected: Record<string, boolean> = {};
  for (const p of select || []) {
    if (p[0] === '*') continue;
    const navKey = findKey(e.nav, p[0]);
    if (p.length > 1 || (navKey && expanded[navKey])) {
      if (!navKey) throw unknown(p[0]);
      if (!expanded[navKey]) {
        throw badRequest(
          `The query to field '${p.join('/')}' is not valid. The $select query string must specify the target fields and the $expand query string must contains ${p[0]}.`
        );
      }
      navSelected[navKey] = true;
      continue;
    }
    const key = findKey(e.props, p[0]);
    if (key) {
      values[key] = e.props[key];
      continue;
    }
    const extraKey = findKey(e.extra, p[0]);
    if (extraKey && e.extra) {
      values[extraKey] = e.extra[extraKey];
      continue;
    }
    throw unknown(p[0]);
  }
  for (const key of Object.keys(expanded)) {
    if (!all && !navSelected[key]) continue;
    const sub = (select || []).filter((p) => p.length > 1 && p[0].toLowerCase() === key.toLowerCase()).map((p) => p.slice(1));
    const subExpand = expand.filter((p) => p.length > 1 && p[0].toLowerCase() === key.toLowerCase()).map((p) => p.slice(1));
    const nav = (e.nav as Record<string, () => NavValue>)[key]();
    const subSelect = sub.length ? sub : undefined;
    if (nav === null) values[key] = null;
    else if (Array.isArray(nav)) values[key] = nav.map((n) => project(n, subSelect, subExpand));
    else values[key] = project(nav, subSelect, subExpand);
  }
  return { __entity: e, values };
}

function isProjected(v: unknown): v is IProjected {
  return !!v && typeof v === 'object' && '__entity' in (v as object);
}

function collectionType(arr: unknown[]): string {
  if (arr.length && typeof arr[0] === 'number') return 'Collection(Edm.Int32)';
  return 'Collection(Edm.String)';
}

/** Serialises a projected entity in one format. Nested entities carry less metadata, as in SharePoint. */
export function render(p: IProjected, fmt: Format, apiUrl: string, nested: boolean = false): Record<string, unknown> {
  const e = p.__entity;
  const out: Record<string, unknown> = {};
  if (fmt === 'minimal') {
    out['odata.type'] = e.type;
    out['odata.id'] = e.id;
    if (!nested) {
      if (e.etag) out['odata.etag'] = e.etag;
      if (e.editLink) out['odata.editLink'] = e.editLink;
    }
  } else if (fmt === 'verbose') {
    const meta: Record<string, unknown> = { id: e.id, uri: e.editLink ? `${apiUrl}/${e.editLink}` : e.id };
    if (e.etag) meta.etag = e.etag;
    meta.type = e.type;
    out.__metadata = meta;
  }
  for (const k of Object.keys(p.values)) {
    const v = p.values[k];
    if (isProjected(v)) out[k] = render(v, fmt, apiUrl, true);
    else if (Array.isArray(v) && v.length && isProjected(v[0])) {
      const arr = (v as IProjected[]).map((x) => render(x, fmt, apiUrl, true));
      out[k] = fmt === 'verbose' ? { results: arr } : arr;
    } else if (Array.isArray(v) && fmt === 'verbose') {
      out[k] = { __metadata: { type: collectionType(v) }, results: v };
    } else out[k] = v;
  }
  return out;
}

/** A JSON body for one entity (`/@Element`). */
export function entityBody(p: IProjected, fmt: Format, apiUrl: string, setName: string): Record<string, unknown> {
  const body = render(p, fmt, apiUrl);
  if (fmt === 'verbose') return { d: body };
  if (fmt === 'minimal') return { 'odata.metadata': `${apiUrl}/$metadata#${setName}/@Element`, ...body };
  return body;
}

/** A JSON body for a collection, with the next page link when there is one. */
export function collectionBody(items: IProjected[], fmt: Format, apiUrl: string, setName: string, nextLink?: string): Record<string, unknown> {
  const value = items.map((p) => render(p, fmt, apiUrl));
  if (fmt === 'verbose') {
    const d: Record<string, unknown> = { results: value };
    if (nextLink) d.__next = nextLink;
    return { d };
  }
  const body: Record<string, unknown> = {};
  if (fmt === 'minimal') body['odata.metadata'] = `${apiUrl}/$metadata#${setName}`;
  body.value = value;
  if (nextLink) body['odata.nextLink'] = nextLink;
  return body;
}

/** A complex value (e.g. SP.BasePermissions) or a primitive property. */
export function valueBody(name: string, type: string, value: unknown, fmt: Format, apiUrl: string): Record<string, unknown> {
  const complex = !!value && typeof value === 'object' && !Array.isArray(value);
  if (fmt === 'verbose') {
    const v = complex ? { __metadata: { type }, ...(value as object) } : value;
    return { d: { [name]: v } };
  }
  const body: Record<string, unknown> = {};
  if (fmt === 'minimal') body['odata.metadata'] = `${apiUrl}/$metadata#${type}`;
  if (complex) Object.assign(body, value as object);
  else body.value = value;
  return body;
}
