/**
 * The SharePoint calls of the local list forms and views, with PnPjs directly (local
 * tooling, not product code). Components only see IListPageService.
 */
import { spfi, SPBrowser, SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import { IFieldSchema, IListSchema, LISTS } from '../../src/schema/schema';
import { restName } from '../../tools/schema/validation';
import { listOf } from '../../src/data/lists';

export interface ILookupOption {
  id: number;
  title: string;
}

export interface ILoadedItem {
  /** The REST JSON of the item (REST property names, expanded lookups as objects). */
  values: Record<string, unknown>;
  /** The item's etag, e.g. `"3"`; '*' when the server did not send one. */
  etag: string;
}

export interface IItemsPage {
  items: Record<string, unknown>[];
  hasMore: boolean;
}

/** Pages through a list's items: the first call returns the first page. */
export interface IItemsPager {
  next(): Promise<IItemsPage>;
}

export interface IListPageService {
  loadItem(id: number): Promise<ILoadedItem>;
  lookupOptions(field: IFieldSchema): Promise<ILookupOption[]>;
  siteUsers(): Promise<ILookupOption[]>;
  /** Adds an item; returns its id. */
  addItem(values: Record<string, unknown>): Promise<number>;
  /** MERGE with If-Match: etag; returns the new etag when the server sent one. */
  updateItem(id: number, values: Record<string, unknown>, etag: string): Promise<string | undefined>;
  items(pageSize: number): IItemsPager;
}

/** Select and expand for reading an item with the titles of its lookups and persons. */
export function itemQuery(list: IListSchema, fields: IFieldSchema[]): { select: string[]; expand: string[] } {
  const select = ['Id', 'Title', 'Modified'];
  const expand: string[] = [];
  if (list.template === 101) select.push('FileLeafRef', 'FileRef');
  for (const f of fields) {
    if (f.internalName === 'Title') continue;
    const rest = restName(f);
    if (select.indexOf(rest) < 0) select.push(rest);
    if (f.type === 'Lookup' || f.type === 'LookupMulti' || f.type === 'User' || f.type === 'UserMulti') {
      const shown = f.type === 'User' || f.type === 'UserMulti' ? 'Title' : f.lookupField || 'Title';
      select.push(`${f.internalName}/Id`, `${f.internalName}/${shown}`);
      expand.push(f.internalName);
    }
  }
  return { select, expand };
}

function etagOf(json: Record<string, unknown>): string {
  const minimal = json['odata.etag'];
  if (typeof minimal === 'string') return minimal;
  const meta = json.__metadata as { etag?: unknown } | undefined;
  if (meta && typeof meta.etag === 'string') return meta.etag;
  return '*';
}

function targetList(field: IFieldSchema): IListSchema {
  const l = LISTS.filter((x) => x.key === field.lookupList)[0];
  if (!l) throw new Error(`Lookup field ${field.internalName} points to unknown list '${field.lookupList}'`);
  return l;
}

export class PnPListPageService implements IListPageService {
  private readonly _sp: SPFI;
  private readonly _list: IListSchema;
  private readonly _fields: IFieldSchema[];

  public constructor(siteUrl: string, list: IListSchema, fields: IFieldSchema[]) {
    this._sp = spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }));
    this._list = list;
    this._fields = fields;
  }

  public async loadItem(id: number): Promise<ILoadedItem> {
    const q = itemQuery(this._list, this._fields);
    const json = (await listOf(this._sp, this._list.key)
      .items.getById(id)
      .select(...q.select)
      .expand(...q.expand)()) as Record<string, unknown>;
    return { values: json, etag: etagOf(json) };
  }

  public async lookupOptions(field: IFieldSchema): Promise<ILookupOption[]> {
    const target = targetList(field);
    const shown = field.lookupField || 'Title';
    const out: ILookupOption[] = [];
    // Page by id (always allowed, also past the list view threshold); sort here.
    for await (const page of listOf(this._sp, target.key).items.select('Id', shown).top(2000)) {
      for (const it of page as Record<string, unknown>[]) {
        const t = it[shown];
        out.push({ id: it.Id as number, title: typeof t === 'string' ? t : String(t ?? '') });
      }
    }
    return out.sort((a, b) => a.title.localeCompare(b.title, 'nl') || a.id - b.id);
  }

  public async siteUsers(): Promise<ILookupOption[]> {
    const users = (await this._sp.web.siteUsers.select('Id', 'Title', 'Email', 'PrincipalType')()) as unknown as Record<string, unknown>[];
    return users
      .filter((u) => (u.PrincipalType === undefined || u.PrincipalType === 1) && typeof u.Title === 'string' && u.Title !== '')
      .map((u) => ({ id: u.Id as number, title: u.Email ? `${u.Title as string} (${u.Email as string})` : (u.Title as string) }))
      .sort((a, b) => a.title.localeCompare(b.title, 'nl'));
  }

  public async addItem(values: Record<string, unknown>): Promise<number> {
    const r = (await listOf(this._sp, this._list.key).items.add(values)) as unknown as Record<string, unknown>;
    const data = (r && typeof r.data === 'object' && r.data !== null ? r.data : r) as Record<string, unknown>;
    return Number(data.Id ?? data.ID);
  }

  public async updateItem(id: number, values: Record<string, unknown>, etag: string): Promise<string | undefined> {
    const r = (await listOf(this._sp, this._list.key).items.getById(id).update(values, etag)) as unknown as { etag?: unknown };
    return r && typeof r.etag === 'string' ? r.etag : undefined;
  }

  public items(pageSize: number): IItemsPager {
    const q = itemQuery(this._list, this._fields);
    const iterable = listOf(this._sp, this._list.key)
      .items.select(...q.select)
      .expand(...q.expand)
      .top(pageSize);
    const it = iterable[Symbol.asyncIterator]() as AsyncIterator<Record<string, unknown>[]> & { _next?: unknown };
    let done = false;
    return {
      next: async (): Promise<IItemsPage> => {
        if (done) return { items: [], hasMore: false };
        const r = await it.next();
        // PnPjs' iterator knows whether a next link exists before it is asked again
        // (its _next is null after the last page); else: a short page is the last one.
        const page = r.done ? [] : r.value;
        done = r.done === true || ('_next' in it ? it._next === null : page.length < pageSize);
        return { items: page, hasMore: !done };
      }
    };
  }
}

// ---------------------------------------------------------------- errors

/** The HTTP status of a PnPjs error. */
export function statusOf(e: unknown): number | undefined {
  const s = e && typeof e === 'object' ? (e as { status?: unknown }).status : undefined;
  return typeof s === 'number' ? s : undefined;
}

/** SharePoint's own message (`odata.error.message.value`) from a PnPjs error, else its text. */
export function serverMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const at = text.indexOf('::> ');
  if (at >= 0) {
    const body = text.slice(at + 4);
    try {
      const json = JSON.parse(body) as Record<string, unknown>;
      const err = (json['odata.error'] || json.error) as { message?: { value?: unknown } | string } | undefined;
      const msg = err && (typeof err.message === 'string' ? err.message : err.message && err.message.value);
      if (typeof msg === 'string' && msg) return msg;
    } catch {
      // not JSON: fall through
    }
    if (body.trim()) return body.trim();
  }
  return text;
}
