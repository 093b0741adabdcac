/**
 * A tiny in-memory SharePoint behind a mocked global fetch, for the list form tests in
 * jsdom (which has no fetch). It answers the calls PnPjs makes for the forms: contextinfo,
 * items (with $top/$skiptoken paging and odata.nextLink), one item with its etag, site
 * users, add, and MERGE with If-Match (412 on a stale etag). Every request is recorded.
 */

export interface IRecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: unknown;
}

interface IFakeItem {
  Id: number;
  version: number;
  values: Record<string, unknown>;
}

export interface IFakeResponse {
  ok: boolean;
  status: number;
  statusText: string;
  headers: { get(name: string): string | null; has(name: string): boolean };
  text(): Promise<string>;
  json(): Promise<unknown>;
  clone(): IFakeResponse;
}

function response(status: number, body: unknown, headers: Record<string, string> = {}): IFakeResponse {
  const text = body === undefined ? '' : JSON.stringify(body);
  const h: Record<string, string> = {};
  for (const k of Object.keys(headers)) h[k.toLowerCase()] = headers[k];
  if (body !== undefined) h['content-type'] = 'application/json;odata=minimalmetadata';
  const make = (): IFakeResponse => ({
    ok: status >= 200 && status < 300,
    status,
    statusText: String(status),
    headers: { get: (n: string) => h[n.toLowerCase()] ?? null, has: (n: string) => n.toLowerCase() in h },
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
    clone: make
  });
  return make();
}

function spError(status: number, message: string): IFakeResponse {
  return response(status, { 'odata.error': { code: '-1, Microsoft.SharePoint.SPException', message: { lang: 'nl-NL', value: message } } });
}

export class FakeSharePoint {
  public readonly requests: IRecordedRequest[] = [];
  public users: { Id: number; Title: string; Email: string; PrincipalType: number }[] = [
    { Id: 7, Title: 'Ann Janssens', Email: 'ann@stad.example', PrincipalType: 1 },
    { Id: 3, Title: 'Eigenaars van de site', Email: '', PrincipalType: 8 }
  ];
  /** Answer the next write with this error instead (status + message). */
  public failNextWrite: { status: number; message: string } | undefined;
  private readonly _lists: Record<string, IFakeItem[]> = {};
  private readonly _origin: string;
  private _fetch: jest.Mock | undefined;

  public constructor(public readonly siteUrl: string = 'http://localhost:4321/sites/organisatiebeheersing') {
    this._origin = new URL(siteUrl).origin;
  }

  /** Adds items to a list (by title); returns their ids. Version starts at 1. */
  public seed(listTitle: string, rows: Record<string, unknown>[]): number[] {
    const items = (this._lists[listTitle.toLowerCase()] = this._lists[listTitle.toLowerCase()] || []);
    return rows.map((r) => {
      const id = items.length ? items[items.length - 1].Id + 1 : 1;
      items.push({ Id: id, version: 1, values: { ...r } });
      return id;
    });
  }

  /** Simulates someone else saving the item (its etag changes). */
  public touch(listTitle: string, id: number, values: Record<string, unknown> = {}): void {
    const it = this._find(listTitle, id);
    if (!it) throw new Error(`no item ${id}`);
    Object.assign(it.values, values);
    it.version++;
  }

  public item(listTitle: string, id: number): Record<string, unknown> | undefined {
    const it = this._find(listTitle, id);
    return it ? { ...it.values, Id: it.Id, version: it.version } : undefined;
  }

  /** Writes (anything but GET), without the digest request. */
  public writes(): IRecordedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET' && !/_api\/contextinfo$/i.test(r.url));
  }

  public install(): void {
    this._fetch = jest.fn((url: string, init?: { method?: string; headers?: unknown; body?: unknown }) => Promise.resolve(this._handle(String(url), init || {})));
    (globalThis as unknown as { fetch: unknown }).fetch = this._fetch;
  }

  public uninstall(): void {
    delete (globalThis as unknown as { fetch?: unknown }).fetch;
  }

  private _find(listTitle: string, id: number): IFakeItem | undefined {
    return (this._lists[listTitle.toLowerCase()] || []).filter((i) => i.Id === id)[0];
  }

  private _headersOf(h: unknown): Record<string, string> {
    const out: Record<string, string> = {};
    if (h && typeof (h as { forEach?: unknown }).forEach === 'function' && !Array.isArray(h)) {
      (h as { forEach(cb: (v: string, k: string) => void): void }).forEach((v, k) => (out[k.toLowerCase()] = v));
    } else if (h && typeof h === 'object') {
      for (const [k, v] of Object.entries(h as Record<string, string>)) out[k.toLowerCase()] = String(v);
    }
    return out;
  }

  /** The JSON of an item with the selected fields and expanded lookups. */
  private _itemJson(listTitle: string, it: IFakeItem, select: string[], expand: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = { 'odata.etag': `"${it.version}"`, Id: it.Id, ID: it.Id };
    const all: Record<string, unknown> = { ...it.values, Id: it.Id };
    const plain = select.filter((s) => s.indexOf('/') < 0);
    for (const s of plain.length ? plain : Object.keys(all)) out[s] = s in all ? all[s] : null;
    for (const nav of expand) {
      const idValue = all[`${nav}Id`];
      const target = this._lookupTarget(listTitle, nav);
      const entity = (id: unknown): Record<string, unknown> | null => {
        if (typeof id !== 'number') return null;
        if (target === '#users') {
          const u = this.users.filter((x) => x.Id === id)[0];
          return u ? { Id: u.Id, Title: u.Title } : null;
        }
        const t = target ? this._find(target, id) : undefined;
        return t ? { Id: t.Id, Title: t.values.Title } : null;
      };
      out[nav] = Array.isArray(idValue) ? idValue.map(entity).filter((x) => x) : entity(idValue);
    }
    void listTitle;
    return out;
  }

  /** Which list a lookup column points to (enough for the schema lists used in tests). */
  private _lookupTarget(_listTitle: string, nav: string): string | undefined {
    if (nav === 'Eigenaar') return '#users';
    const map: Record<string, string> = { Domein: 'Domeinen', Domeinen: 'Domeinen', Audit: 'Audits', OpvolgingVan: 'Audits', Risicos: 'Risicos', Acties: 'Acties' };
    return map[nav];
  }

  private _handle(url: string, init: { method?: string; headers?: unknown; body?: unknown }): IFakeResponse {
    const headers = this._headersOf(init.headers);
    const method = (headers['x-http-method'] || init.method || 'GET').toUpperCase();
    let body: unknown;
    if (typeof init.body === 'string' && init.body) {
      try {
        body = JSON.parse(init.body);
      } catch {
        body = init.body;
      }
    }
    this.requests.push({ method, url, headers, body });
    const u = new URL(url, this._origin);
    const path = decodeURIComponent(u.pathname);
    const q = u.searchParams;
    const select = (q.get('$select') || '').split(',').filter((x) => x);
    const expand = (q.get('$expand') || '').split(',').filter((x) => x);

    if (/\/_api\/contextinfo$/i.test(path)) return response(200, { FormDigestValue: 'digest', FormDigestTimeoutSeconds: 1800 });
    if (/\/_api\/web\/siteusers$/i.test(path)) return response(200, { value: this.users });

    // Lists are addressed by URL (web.getList), like the product does; the last URL part is the title here.
    const m = /\/_api\/web\/(?:lists\/getByTitle\('([^']+)'\)|getList\('[^']*\/([^'/]+)'\))\/items(?:\((\d+)\))?$/i.exec(path);
    if (!m) return spError(404, `Not in the fake: ${path}`);
    const title = m[1] || m[2];
    m[2] = m[3];
    const items = this._lists[title.toLowerCase()];
    if (!items) return spError(404, `List '${title}' does not exist at site with URL '${this.siteUrl}'.`);

    if (m[2] === undefined) {
      if (method === 'GET') {
        const top = parseInt(q.get('$top') || '100', 10);
        const skip = /p_ID=(\d+)/.exec(q.get('$skiptoken') || '');
        const after = skip ? parseInt(skip[1], 10) : 0;
        const page = items.filter((i) => i.Id > after).slice(0, top);
        const more = items.some((i) => i.Id > (page.length ? page[page.length - 1].Id : after)) && page.length === top;
        const json: Record<string, unknown> = { value: page.map((i) => this._itemJson(title, i, select, expand)) };
        if (more) {
          const next = new URL(u.toString());
          next.searchParams.set('$skiptoken', `Paged=TRUE&p_ID=${page[page.length - 1].Id}`);
          json['odata.nextLink'] = next.toString();
        }
        return response(200, json);
      }
      if (method === 'POST') {
        if (this.failNextWrite) {
          const f = this.failNextWrite;
          this.failNextWrite = undefined;
          return spError(f.status, f.message);
        }
        const [id] = this.seed(title, [body as Record<string, unknown>]);
        return response(201, this._itemJson(title, this._find(title, id) as IFakeItem, [], []));
      }
    } else {
      const it = this._find(title, parseInt(m[2], 10));
      if (!it) return spError(404, 'Item does not exist. It may have been deleted by another user.');
      if (method === 'GET') return response(200, this._itemJson(title, it, select, expand));
      if (method === 'MERGE') {
        if (this.failNextWrite) {
          const f = this.failNextWrite;
          this.failNextWrite = undefined;
          return spError(f.status, f.message);
        }
        const ifMatch = headers['if-match'];
        if (ifMatch && ifMatch !== '*' && ifMatch !== `"${it.version}"`) return spError(412, 'Version conflict.');
        Object.assign(it.values, body as Record<string, unknown>);
        it.version++;
        return response(204, undefined, { ETag: `"${it.version}"` });
      }
    }
    return spError(405, 'Method not allowed');
  }
}
