/**
 * GET .../items: $filter/$orderby/$top over list items the way SharePoint does it:
 * column names checked first, the list view threshold, id order, and paging by
 * $skiptoken (`Paged=TRUE&p_ID=n`) in odata.nextLink.
 */
import { contentTypeOf, IApiResponse, IContext } from '../context';
import { checkProjection, collectionBody, IEntity, IProjected, project } from '../entities';
import { badRequest, columnNotFound, lookupThresholdExceeded, throttled } from '../errors';
import { isIdValued, isLookup, isMulti, isUser, lookupListId } from '../fields';
import { compareForSort, evaluate, FilterNode, firstClause, IResolved, memberPaths } from '../odata';
import { parseFilterOr400, parseIntOr400, parseOrderOr400, selectExpand } from '../query';
import { findItem } from '../site';
import { IField, IItem, IListData } from '../store';
import { itemEntity, itemSetName, userInfoOrNull } from './items';

/** List view threshold and paging limits of SharePoint Online. */
export const LIST_VIEW_THRESHOLD = 5000;
export const DEFAULT_ITEM_TOP = 100;

type Resolver = (p: string[]) => IResolved;

export function getItems(c: IContext, r: { list: IListData }): IApiResponse {
  const list = readableView(c, r.list);
  const query = c.query;
  const q = selectExpand(query);
  const topSrc = query.get('$top');
  const top = topSrc === null ? DEFAULT_ITEM_TOP : parseIntOr400(topSrc, '$top');
  // FIDELITY P-02: a page above 5,000 rows is only refused where the threshold applies.
  if (top > LIST_VIEW_THRESHOLD && list.items.length > LIST_VIEW_THRESHOLD) throw throttled();
  const filterSrc = query.get('$filter');
  const tree: FilterNode | undefined = filterSrc ? parseFilterOr400(filterSrc) : undefined;
  const order = query.get('$orderby') ? parseOrderOr400(query.get('$orderby') as string) : [];
  // Validate column names up front (400 before any threshold decision).
  const paths = (tree ? memberPaths(tree) : []).concat(order.map((o) => o.path));
  const columns = paths.map((p) => columnOf(list, p).field);
  checkLookupThreshold(list, q.select, columns);
  checkLookupProjections(c, list, q.select);
  const columnCache = new Map<string, { field: IField; sub?: string }>();
  const column = (p: string[]): { field: IField; sub?: string } => {
    const key = p.join('/');
    let hit = columnCache.get(key);
    if (!hit) columnCache.set(key, (hit = columnOf(list, p)));
    return hit;
  };
  const resolverOf = (i: IItem): Resolver => itemResolver(c, list, i, column);
  // `Id eq a or Id eq b ...`: the rows by id, not a scan per row (same answer, far faster on big lists).
  const ids = tree ? idsOnly(tree) : undefined;
  const matching = (): IItem[] => {
    if (!tree) return list.items.slice();
    if (!ids) return list.items.filter((i) => evaluate(tree, resolverOf(i)));
    return list.items.length > 4 * ids.size ? byIds(list, ids) : list.items.filter((i) => ids.has(i.Id));
  };
  if (!ids) checkThreshold(list, columns, tree, resolverOf);
  let rows = matching();
  // The whole `or` of ids is the first clause (FIDELITY PQ-04).
  if (ids && list.items.length > LIST_VIEW_THRESHOLD && rows.length > LIST_VIEW_THRESHOLD) throw throttled();
  if (order.length) {
    rows.sort((a, b) => {
      for (const k of order) {
        const cmp = compareForSort(resolverOf(a)(k.path).value, resolverOf(b)(k.path).value);
        if (cmp) return k.desc ? -cmp : cmp;
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
  // FIDELITY Q-07: $select/$expand are checked against the list's fields, not against the rows found.
  if (page.length === 0) checkProjection(blankItemEntity(c, list), q.select, q.expand);
  if (token && token.prev) page.reverse();
  const nextLink = rows.length > top && page.length > 0 && !(token && token.prev) ? nextPageLink(c.req.url, page[page.length - 1].Id, top) : undefined;
  const projected: IProjected[] = page.map((i) => project(itemEntity(c, list, i, true), q.select, q.expand));
  const body = collectionBody(projected, c.fmt, c.apiUrl, itemSetName(c, list), nextLink);
  return { status: 200, headers: { 'Content-Type': contentTypeOf(c.fmt) }, body: Buffer.from(JSON.stringify(body)) };
}

/** The entity of an item with no values: its properties and navigation names are the list's. */
function blankItemEntity(c: IContext, list: IListData): IEntity {
  const blank: IItem = { Id: 0, GUID: '', Created: '', Modified: '', AuthorId: 0, EditorId: 0, Version: 1, values: {} };
  const e = itemEntity(c, list, blank, true);
  // A document's File can be expanded; the blank item has no file, so name it here (never read).
  if (list.meta.BaseTemplate === 101 && e.nav) e.nav = { ...e.nav, File: () => null };
  return e;
}

/** SharePoint Online's list view lookup threshold (FIDELITY L-03). */
export const LOOKUP_COLUMN_THRESHOLD = 12;

/**
 * Lookup and person columns one query touches: in $select as X, XId or X/Y, and in
 * $filter/$orderby; without $select every custom lookup of the list is in the view.
 */
function checkLookupThreshold(list: IListData, select: string[][] | undefined, filtered: IField[]): void {
  const isJoin = (f: IField | undefined): f is IField => !!f && (isLookup(f) || isUser(f)) && f.InternalName !== 'FileRef';
  const names = new Set<string>();
  const all = !select || select.some((p) => p[0] === '*');
  if (all) list.fields.filter((f) => !f.FromBaseType && isJoin(f)).forEach((f) => names.add(f.InternalName));
  for (const p of select || []) {
    const head = p[0];
    const field = list.fields.find((f) => f.InternalName.toLowerCase() === head.toLowerCase()) ||
      (/Id$/i.test(head) ? list.fields.find((f) => f.InternalName.toLowerCase() === head.slice(0, -2).toLowerCase()) : undefined);
    if (isJoin(field)) names.add(field.InternalName);
  }
  filtered.filter(isJoin).forEach((f) => names.add(f.InternalName));
  if (names.size > LOOKUP_COLUMN_THRESHOLD) throw lookupThresholdExceeded();
}

/** Column types of a lookup's target list that `$select=Lookup/X` cannot project (FIDELITY Q-06). */
const NOT_PROJECTABLE = ['Note', 'Boolean'];

/** `$select=Lookup/X&$expand=Lookup` where X is a multi-line text or Yes/No column of the target list: 400. */
function checkLookupProjections(c: IContext, list: IListData, select: string[][] | undefined): void {
  for (const p of select || []) {
    if (p.length !== 2) continue;
    const field = list.fields.find((f) => f.InternalName.toLowerCase() === p[0].toLowerCase());
    if (!field || !isLookup(field) || field.FromBaseType) continue;
    const target = c.site.findListById(lookupListId(field));
    const sub = target && target.fields.find((f) => f.InternalName.toLowerCase() === p[1].toLowerCase());
    if (sub && NOT_PROJECTABLE.indexOf(sub.TypeAsString) >= 0) throw badRequest(`The query to field '${sub.InternalName}' is not valid.`);
  }
}

/** Above 5,000 items: non-indexed columns, or a first clause matching more than 5,000 rows, are refused. */
function checkThreshold(list: IListData, columns: IField[], tree: FilterNode | undefined, resolverOf: (i: IItem) => Resolver): void {
  if (list.items.length <= LIST_VIEW_THRESHOLD) return;
  if (columns.some((f) => f.InternalName !== 'ID' && !f.Indexed)) throw throttled();
  if (!tree) return;
  const first = firstClause(tree);
  let n = 0;
  for (const i of list.items) {
    if (evaluate(first, resolverOf(i)) && ++n > LIST_VIEW_THRESHOLD) throw throttled();
  }
}

/** The ids of a filter that is only `Id eq <number>` clauses joined by `or` (either side of eq); otherwise undefined. */
export function idsOnly(tree: FilterNode): Set<number> | undefined {
  const out = new Set<number>();
  const walk = (n: FilterNode): boolean => {
    if (n.kind === 'or') return walk(n.left) && walk(n.right);
    if (n.kind !== 'cmp' || n.op !== 'eq') return false;
    const [m, v] = n.left.kind === 'member' ? [n.left, n.right] : [n.right, n.left];
    if (m.kind !== 'member' || m.path.length !== 1 || !/^id$/i.test(m.path[0])) return false;
    if (v.kind !== 'lit' || typeof v.value !== 'number') return false;
    out.add(v.value);
    return true;
  };
  return walk(tree) ? out : undefined;
}

function byIds(list: IListData, ids: Set<number>): IItem[] {
  const out: IItem[] = [];
  for (const id of ids) {
    const item = findItem(list, id);
    if (item) out.push(item);
  }
  return out;
}

function nextPageLink(url: URL, lastId: number, top: number): string {
  const next = new URL(url.toString());
  next.searchParams.set('$skiptoken', `Paged=TRUE&p_ID=${lastId}`);
  if (!next.searchParams.has('$top')) next.searchParams.set('$top', String(top));
  return next.toString();
}

function parseSkipToken(v: string | null): { id: number; prev: boolean } | undefined {
  if (!v) return undefined;
  const params = new URLSearchParams(v);
  const id = params.get('p_ID');
  if (!id || !/^\d+$/.test(id)) return undefined;
  return { id: parseInt(id, 10), prev: /^true$/i.test(params.get('PagedPrev') || '') };
}

/**
 * The list as the user sees it: without the items item-level read security or unique item permissions hide
 * (FIDELITY K-01); the same object when nothing can be hidden. The threshold is then checked on what the user sees
 * (no source says otherwise; the maturity lists stay far below it).
 */
function readableView(c: IContext, list: IListData): IListData {
  const hidden = Number(list.meta.props.ReadSecurity || 1) === 2 || (c.site.store.site.uniqueScopes || []).some((s) => s.indexOf(`${list.meta.Id}/`) === 0);
  if (!hidden) return list;
  const items = list.items.filter((i) => c.site.canReadItem(list, i));
  return items.length === list.items.length ? list : { ...list, items };
}

/** Resolves a $filter/$orderby member path on a list item, as SharePoint maps columns. */
function itemResolver(c: IContext, list: IListData, item: IItem, column: (p: string[]) => { field: IField; sub?: string }): Resolver {
  return (p: string[]): IResolved => {
    const { field, sub } = column(p);
    const name = field.InternalName;
    if (name === 'ID') return { value: item.Id };
    if (name === 'Created' || name === 'Modified') return { value: item[name] };
    if (name === 'Author' || name === 'Editor') return { value: userProp(c, name === 'Author' ? item.AuthorId : item.EditorId, sub) };
    if (name === 'FileLeafRef') return { value: item.file ? item.file.Name : `${item.Id}_.000` };
    if (name === 'FileRef') return { value: item.file ? c.site.fileUrl(list, item) : `${c.site.listUrl(list)}/${item.Id}_.000` };
    if (name === 'GUID') return { value: item.GUID };
    const v = item.values[name];
    if (isUser(field)) {
      if (isMulti(field)) return { value: (Array.isArray(v) ? v : []).map((id) => userProp(c, id, sub)), multi: true };
      return { value: userProp(c, v, sub) };
    }
    if (isLookup(field)) return lookupValue(c, field, v, sub);
    return { value: v === undefined ? null : v };
  };
}

/** A lookup column in a filter: its id, or a property of the target item (LookupField by default). */
function lookupValue(c: IContext, field: IField, v: unknown, sub: string | undefined): IResolved {
  const subName = sub || field.LookupField || 'Title';
  const target = c.site.findListById(lookupListId(field));
  const proj = (id: unknown): unknown => {
    if (subName.toLowerCase() === 'id') return id;
    const t = target && typeof id === 'number' ? findItem(target, id) : undefined;
    if (!t || !target) return null;
    const e = itemEntity(c, target, t, false);
    const k = Object.keys(e.props).find((x) => x.toLowerCase() === subName.toLowerCase());
    return k ? e.props[k] : null;
  };
  if (isMulti(field)) return { value: (Array.isArray(v) ? v : []).map(proj), multi: true };
  return { value: v === null || v === undefined ? null : proj(v) };
}

function userProp(c: IContext, id: unknown, sub: string | undefined): unknown {
  if (!sub || sub.toLowerCase() === 'id') return typeof id === 'number' ? id : null;
  const e = userInfoOrNull(c.site, id);
  if (!e) return null;
  const k = Object.keys(e.props).find((x) => x.toLowerCase() === sub.toLowerCase());
  return k ? e.props[k] : null;
}

/** The column a path refers to: `X`, `XId`, `X/Id`, `X/Title`, `Id`. */
function columnOf(list: IListData, p: string[]): { field: IField; sub?: string } {
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
    throw columnNotFound(p.join('/'));
  }
  return { field: f, sub };
}
