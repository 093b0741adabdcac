/**
 * Query options shared by all collections: $select/$expand paths, and
 * $filter/$orderby/$skip/$top over non-item collections (lists, fields, users, files).
 * Item queries (threshold, paging) are in handlers/itemQuery.ts.
 */
import { IEntity } from './entities';
import { badRequest, unknownProperty } from './errors';
import { compareForSort, evaluate, FilterNode, IResolved, ODataSyntaxError, parseFilter, parseList, parseOrderBy } from './odata';

export interface ISelectExpand {
  select?: string[][];
  expand: string[][];
}

export function selectExpand(query: URLSearchParams): ISelectExpand {
  const select = parseList(query.get('$select'));
  const expand = parseList(query.get('$expand')) || [];
  return { select: select ? select.map((s) => s.split('/')) : undefined, expand: expand.map((s) => s.split('/')) };
}

/** Resolves a member path on an entity's properties (case-insensitive, like SharePoint). */
function entityResolver(e: IEntity): (p: string[]) => IResolved {
  return (p: string[]): IResolved => {
    const all = { ...e.props, ...(e.extra || {}) };
    const key = Object.keys(all).find((k) => k.toLowerCase() === p[0].toLowerCase());
    if (!key) throw unknownProperty(p[0], e.type);
    let v = all[key];
    for (const sub of p.slice(1)) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[sub] : undefined;
    return { value: v };
  };
}

export function filterGeneric(es: IEntity[], query: URLSearchParams): IEntity[] {
  let out = es;
  const filterSrc = query.get('$filter');
  if (filterSrc) {
    const tree = parseFilterOr400(filterSrc);
    out = out.filter((e) => evaluate(tree, entityResolver(e)));
  }
  const orderSrc = query.get('$orderby');
  if (orderSrc) {
    const keys = parseOrderOr400(orderSrc);
    out = out.slice().sort((a, b) => {
      for (const k of keys) {
        const c = compareForSort(entityResolver(a)(k.path).value, entityResolver(b)(k.path).value);
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

export function parseFilterOr400(src: string): FilterNode {
  try {
    return parseFilter(src);
  } catch (e) {
    if (e instanceof ODataSyntaxError) throw badRequest(e.message);
    throw e;
  }
}

export function parseOrderOr400(src: string): ReturnType<typeof parseOrderBy> {
  try {
    return parseOrderBy(src);
  } catch (e) {
    if (e instanceof ODataSyntaxError) throw badRequest(e.message);
    throw e;
  }
}

export function parseIntOr400(v: string, name: string): number {
  if (!/^\d+$/.test(v.trim())) throw badRequest(`The value '${v}' of the ${name} query option is not valid.`);
  return parseInt(v, 10);
}
