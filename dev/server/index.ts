/**
 * The local SharePoint-compatible server: the REST API subset PnPjs uses, over
 * node:http, persisted crash-safely in a data folder. Generic: lists and fields are
 * created over REST like on a tenant. Fault switches simulate throttling, latency and
 * reduced permissions.
 */
import * as crypto from 'crypto';
import * as http from 'http';
import * as path from 'path';
import { AddressInfo } from 'net';
import { SharePointApi } from './api';
import { contentTypeOf, formatOf, IApiRequest, IApiResponse } from './context';
import { accessDenied, errorJson, STATUS_TEXT } from './errors';
import { mimeOf } from './handlers/files';
import { Role } from './site';
import { DIRECTORY, effectiveMask, ensureDirectory, hasKind, KIND } from './directory';
import { IOutboxMessage, IUser } from './store';
import { outboxPage } from './outbox';
import { WEB_TITLE } from './handlers/web';
import { boundaryOf, parseBatch, partRequest, renderBatchResponse } from './batch';
import { badRequest, CODE_INVALID_QUERY, SPError } from './fields';
import { addDefaultLibraries } from './handlers/lists';
import { IItem, IListData, Store } from './store';
import { acquireLock } from './lock';
import { escapeHtml } from './html';

export { StoreLoadError } from './store';
export { DataFolderLockedError } from './lock';

export interface ILocalServerOptions {
  /** 0 picks a free port. Default 4321. */
  port?: number;
  /** Interface to listen on; default loopback only (127.0.0.1 and ::1, so `localhost` works either way). */
  host?: string;
  dataDir: string;
  /** Default '/sites/organisatiebeheersing'. */
  sitePath?: string;
  /** Every Nth API request answers 429. */
  throttleEvery?: number;
  /** Retry-After seconds of throttled answers; default 1. */
  retryAfterSeconds?: number;
  /** Delay before each API request. */
  latencyMs?: number;
  /** Lifetime of the form digests contextinfo issues (FormDigestTimeoutSeconds); default 1800 as on SharePoint Online. */
  digestTimeoutSeconds?: number;
  /** Every Nth part of a $batch (counted over all batches) answers ClientServiceTimeoutException instead of running (FIDELITY B-13). */
  batchPartTimeoutEvery?: number;
  /**
   * Who a request without `?user=` on its page (header X-LocalSP-User, cookie localsp-user)
   * acts as: a login of the directory (ann, pieter, sofie, koen, lees) or a role alias
   * (owner = ann, member = pieter, reader = lees). Default owner.
   */
  user?: Role | string;
  /** Whether a new site starts with the control team group (default true; false to test provisioning it). */
  controlTeamGroup?: boolean;
  /** Other pages (workbench, forms): return true when handled. */
  extraRoutes?: (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => boolean | Promise<boolean>;
}

/** Read-only view of the data for tests and tools, plus a fast bulk insert (same validation as REST). */
export interface ILocalStoreAccess {
  dataDir: string;
  listTitles(): string[];
  /** A copy of a list's stored data, or undefined. */
  list(title: string): IListData | undefined;
  /** Adds items as `items.add` would (validated, defaults applied), in one durable write. Returns the new ids. */
  addItems(title: string, bodies: Record<string, unknown>[]): Promise<number[]>;
  /** Sets a tenant property (storage entity), as `m365 spo storageentity set` does on a tenant. */
  setStorageEntity(key: string, value: string, comment?: string, description?: string): Promise<void>;
  /** The messages SendEmail accepted (`/_outbox`). */
  outbox(): IOutboxMessage[];
  /** An admin deletes the account from the tenant: it stays in the site's user list, mail to it fails (FIDELITY M-03). */
  removeFromTenant(login: string): Promise<void>;
}

export interface ILocalServer {
  server: http.Server;
  /** http://localhost:PORT */
  url: string;
  /** http://localhost:PORT/sites/organisatiebeheersing */
  siteUrl: string;
  port: number;
  close(): Promise<void>;
  store: ILocalStoreAccess;
}

export const DEFAULT_SITE_PATH = '/sites/organisatiebeheersing';
const MAX_BODY_BYTES = 250 * 1024 * 1024;

/**
 * Options from the environment: PORT, LOCAL_SP_DATA, LOCAL_SP_THROTTLE_EVERY, LOCAL_SP_LATENCY_MS, LOCAL_SP_USER,
 * LOCAL_SP_RETRY_AFTER, LOCAL_SP_DIGEST_TIMEOUT_S, LOCAL_SP_BATCH_PART_TIMEOUT_EVERY.
 */
export function optionsFromEnv(env: Record<string, string | undefined> = process.env): Partial<ILocalServerOptions> & { dataDir: string } {
  const int = (v: string | undefined): number | undefined => {
    if (v === undefined || v.trim() === '') return undefined;
    const n = parseInt(v, 10);
    return isNaN(n) || n < 0 ? undefined : n;
  };
  const user = (env.LOCAL_SP_USER || '').toLowerCase();
  const opts: Partial<ILocalServerOptions> & { dataDir: string } = {
    port: int(env.PORT) ?? 4321,
    dataDir: env.LOCAL_SP_DATA || '.local-sp'
  };
  if (int(env.LOCAL_SP_THROTTLE_EVERY)) opts.throttleEvery = int(env.LOCAL_SP_THROTTLE_EVERY);
  if (int(env.LOCAL_SP_LATENCY_MS)) opts.latencyMs = int(env.LOCAL_SP_LATENCY_MS);
  if (int(env.LOCAL_SP_RETRY_AFTER) !== undefined) opts.retryAfterSeconds = int(env.LOCAL_SP_RETRY_AFTER);
  if (int(env.LOCAL_SP_DIGEST_TIMEOUT_S)) opts.digestTimeoutSeconds = int(env.LOCAL_SP_DIGEST_TIMEOUT_S);
  if (int(env.LOCAL_SP_BATCH_PART_TIMEOUT_EVERY)) opts.batchPartTimeoutEvery = int(env.LOCAL_SP_BATCH_PART_TIMEOUT_EVERY);
  if (user) opts.user = user;
  if (env.LOCAL_SP_HOST) opts.host = env.LOCAL_SP_HOST;
  return opts;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new SPError(413, '-2147024809, System.ArgumentException', 'The request body is too large.'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function lowerHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function errorResponse(e: unknown, accept: string | undefined): IApiResponse {
  const err = e instanceof SPError ? e : new SPError(500, '-2146233088, System.InvalidOperationException', (e as Error)?.message || String(e));
  const fmt = formatOf(accept);
  const body =
    fmt === 'verbose'
      ? JSON.stringify({ error: { code: err.code, message: { lang: 'en-US', value: err.message } } })
      : errorJson(err.code, err.message);
  return { status: err.status, headers: { 'Content-Type': contentTypeOf(fmt) }, body: Buffer.from(body) };
}

export async function createLocalServer(opts: ILocalServerOptions): Promise<ILocalServer> {
  const sitePath = (opts.sitePath || DEFAULT_SITE_PATH).replace(/\/+$/, '');
  const apiPrefix = `${sitePath}/_api/`.toLowerCase();
  const dataDir = path.resolve(opts.dataDir);
  const releaseLock = acquireLock(dataDir);
  let store: Store;
  try {
    store = await Store.open(dataDir, DIRECTORY.map((d) => d.user));
    if (store.site.lists.length === 0) {
      addDefaultLibraries(store);
      await store.flush();
    }
  } catch (e) {
    releaseLock();
    throw e;
  }
  const api = new SharePointApi(store, sitePath, opts.user || 'owner');
  if (opts.digestTimeoutSeconds && opts.digestTimeoutSeconds > 0) api.digestTimeoutSeconds = opts.digestTimeoutSeconds;
  if (!api.resolveLogin(api.defaultLogin)) {
    releaseLock();
    throw new Error(`LOCAL_SP_USER '${api.defaultLogin}' is not a user of the local site (ann, pieter, sofie, koen, lees, or owner/member/reader).`);
  }
  if (ensureDirectory(store.site, WEB_TITLE, opts.controlTeamGroup !== false)) {
    store.markSite();
    await store.flush();
  }
  const retryAfter = opts.retryAfterSeconds ?? 1;
  const log = process.env.LOCAL_SP_LOG === '1';
  let apiCount = 0;
  let batchPartCount = 0;

  /** Runs a write exclusively and makes it durable before the answer is sent. */
  const write = (fn: () => IApiResponse | IApiResponse[]): Promise<IApiResponse | IApiResponse[]> =>
    store.exclusive(async () => {
      let result: IApiResponse | IApiResponse[];
      try {
        result = fn();
      } catch (e) {
        // A failed single write must not leave half-applied changes in memory.
        if (store.dirty && !(e instanceof SPError)) await store.reload();
        throw e;
      }
      if (store.dirty) {
        try {
          await store.flush();
        } catch (e) {
          await store.reload();
          throw new SPError(500, '-2147024809, System.IO.IOException', `The change could not be saved: ${(e as Error).message}`);
        }
      }
      return result;
    });

  /** The user a request acts as: header (workbench PnPjs), cookie (pages and forms), else the default. */
  const identity = (h: Record<string, string>): IUser => {
    const cookie = /(?:^|;\s*)localsp-user=([^;]*)/.exec(h.cookie || '');
    const login = h['x-localsp-user'] || (cookie ? decodeURIComponent(cookie[1]) : '') || api.defaultLogin;
    const u = api.resolveLogin(login);
    // Not a SharePoint answer: the local stand-in for a failed sign-in.
    if (!u) throw new SPError(401, '-2147024891, System.UnauthorizedAccessException', `The local user '${login}' does not exist. Use ann, pieter, sofie, koen or lees.`);
    return u;
  };

  /** Reads need View Items on the web; writes need edit rights somewhere (the handlers check the list itself). */
  const checkAccess = (write: boolean): void => {
    const web = api.permsOn();
    if (!hasKind(web, KIND.ViewListItems)) throw accessDenied();
    if (!write || hasKind(web, KIND.EditListItems)) return;
    // Edit rights on some list or item with its own permissions (e.g. a rater's Contribute on the scores list).
    const me = api.currentUser().Id;
    const unique = (store.site.uniqueScopes || []).some((scope) => hasKind(effectiveMask(store.site, me, scope), KIND.EditListItems));
    if (!unique) throw accessDenied();
  };

  /** A bearer token, else a form digest this site issued that has not expired (FIDELITY D-02, D-03). */
  const checkAuth = (h: Record<string, string>): void => {
    if (/^bearer\s+\S+/i.test(h.authorization || '')) return;
    const state = api.digestState(h['x-requestdigest']);
    if (state === 'expired') throw securityValidation(true);
    if (state !== 'valid') throw securityValidation(false);
  };

  const handleBatch = async (req: IApiRequest, user: IUser): Promise<IApiResponse> => {
    const boundary = boundaryOf(req.headers['content-type']);
    if (!boundary) throw badRequest('The batch request must have Content-Type multipart/mixed with a boundary.');
    // FIDELITY B-12: the body is read up to 1 MB, before any part runs.
    if (req.body.length > MAX_BATCH_BYTES) throw batchTooLarge(req.body.length);
    const parts = parseBatch(req.body.toString('utf8'), boundary);
    // FIDELITY B-11: at most 100 operations (changeset operations counted one by one).
    if (parts.length > MAX_BATCH_PARTS) throw batchTooManyParts();
    const timedOut = parts.map(() => {
      batchPartCount++;
      return !!opts.batchPartTimeoutEvery && opts.batchPartTimeoutEvery > 0 && batchPartCount % opts.batchPartTimeoutEvery === 0;
    });
    const run = (): IApiResponse[] =>
      parts.map((part, i) => {
        try {
          if (timedOut[i]) throw partTimedOut();
          const preq = partRequest(part, req.url);
          const p = preq.url.pathname.toLowerCase();
          if (p.indexOf(apiPrefix) !== 0) throw badRequest(`The batch part URL '${part.url}' is not an API URL of this site.`);
          if (p.slice(apiPrefix.length) === '$batch') throw badRequest('A batch cannot contain a batch.');
          return api.asUser(user, () => {
            checkAccess(preq.method !== 'GET');
            return api.dispatch(preq, decodePath(preq.url.pathname.slice(apiPrefix.length)));
          });
        } catch (e) {
          return errorResponse(e, part.headers.accept);
        }
      });
    const hasWrites = parts.some((p) => p.method !== 'GET');
    const responses = (hasWrites ? await write(run) : run()) as IApiResponse[];
    const id = crypto.randomUUID();
    return {
      status: 200,
      headers: { 'Content-Type': `multipart/mixed; boundary=batchresponse_${id}` },
      body: Buffer.from(renderBatchResponse(responses, id))
    };
  };

  const handleApi = async (req: http.IncomingMessage, url: URL, prefixLength: number = apiPrefix.length): Promise<IApiResponse> => {
    const headers = lowerHeaders(req.headers);
    apiCount++;
    if (opts.throttleEvery && opts.throttleEvery > 0 && apiCount % opts.throttleEvery === 0) {
      const r = errorResponse(
        new SPError(429, '-2147024860, Microsoft.SharePoint.SPRequestThrottledException', 'The request has been throttled. Wait the number of seconds in Retry-After and try again.'),
        headers.accept
      );
      r.headers['Retry-After'] = String(retryAfter);
      return r;
    }
    if (opts.latencyMs) await new Promise((r) => setTimeout(r, opts.latencyMs));
    try {
      const body = await readBody(req);
      let method = (req.method || 'GET').toUpperCase();
      if (method === 'POST' && headers['x-http-method']) method = headers['x-http-method'].toUpperCase();
      const apiPath = decodePath(url.pathname.slice(prefixLength));
      const areq: IApiRequest = { method, url, headers, body };
      const isWrite = method !== 'GET' && method !== 'HEAD';
      if (apiPath.toLowerCase() === '$batch') {
        if (method !== 'POST') throw new SPError(405, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', 'Batch requests must use POST.');
        const user = identity(headers);
        checkAuth(headers);
        return await handleBatch(areq, user);
      }
      const user = identity(headers);
      if (isWrite && apiPath.toLowerCase() !== 'contextinfo') {
        checkAuth(headers);
        // Any user of the site may send mail (to other users of the site, FIDELITY M-01): no edit rights needed.
        const editing = apiPath.toLowerCase() !== 'sp.utilities.utility.sendemail';
        return (await write(() =>
          api.asUser(user, () => {
            checkAccess(editing);
            return api.dispatch(areq, apiPath);
          })
        )) as IApiResponse;
      }
      return api.asUser(user, () => {
        if (apiPath.toLowerCase() !== 'contextinfo') checkAccess(false);
        return api.dispatch(areq, apiPath);
      });
    } catch (e) {
      return errorResponse(e, headers.accept);
    }
  };

  const send = (res: http.ServerResponse, r: IApiResponse, head: boolean): void => {
    const headers: Record<string, string> = {
      'Cache-Control': 'private, max-age=0',
      SPRequestGuid: crypto.randomUUID(),
      'X-SharePointHealthScore': '0',
      DataServiceVersion: '3.0',
      'X-Content-Type-Options': 'nosniff',
      ...r.headers
    };
    if (r.body) headers['Content-Length'] = String(r.body.length);
    res.writeHead(r.status, STATUS_TEXT[r.status] || '', headers);
    res.end(head || !r.body ? undefined : r.body);
  };

  const serveDownload = (res: http.ServerResponse, url: URL, head: boolean): boolean => {
    let target = url.pathname;
    if (/\/_layouts\/15\/download\.aspx$/i.test(url.pathname) && url.searchParams.get('SourceUrl')) target = url.searchParams.get('SourceUrl') as string;
    const found = api.findFile(target);
    if (!found) return false;
    const f = found.item.file as NonNullable<IItem['file']>;
    const bytes = store.readContent(found.list.meta.Id, f.UniqueId);
    res.writeHead(200, {
      'Content-Type': mimeOf(f.Name),
      'Content-Length': String(bytes.length),
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(f.Name)}`,
      'Cache-Control': 'private, max-age=0'
    });
    res.end(head ? undefined : bytes);
    return true;
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const started = Date.now();
    if (log) res.on('finish', () => console.log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));
    const url = new URL(req.url || '/', `http://${req.headers.host || 'localhost'}`);
    const method = (req.method || 'GET').toUpperCase();
    if (method === 'OPTIONS') {
      res.writeHead(200, { Allow: 'GET, HEAD, POST, PUT, PATCH, MERGE, DELETE, OPTIONS', 'Content-Length': '0' });
      res.end();
      return;
    }
    const lower = url.pathname.toLowerCase();
    if (lower.indexOf(apiPrefix) === 0 || lower === apiPrefix.slice(0, -1)) {
      send(res, await handleApi(req, url), method === 'HEAD');
      return;
    }
    // Tenant properties are read from any web, also the tenant root (the Teams personal app's web).
    if (/^\/_api\/web\/getstorageentity\(/.test(lower) && (method === 'GET' || method === 'HEAD')) {
      send(res, await handleApi(req, url, '/_api/'.length), method === 'HEAD');
      return;
    }
    // The local outbox (not SharePoint): what SendEmail accepted, as JSON and as a page.
    if ((method === 'GET' || method === 'HEAD') && (lower === '/_outbox' || lower === `${sitePath.toLowerCase()}/_outbox` || lower === '/outbox' || lower === `${sitePath.toLowerCase()}/outbox`)) {
      const messages = store.site.outbox || [];
      const json = lower.endsWith('/_outbox');
      const body = Buffer.from(json ? JSON.stringify(messages, null, 2) : outboxPage(messages));
      res.writeHead(200, { 'Content-Type': json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8', 'Content-Length': String(body.length), 'Cache-Control': 'no-store' });
      res.end(method === 'HEAD' ? undefined : body);
      return;
    }
    if (opts.extraRoutes && (await opts.extraRoutes(req, res, url))) return;
    if ((method === 'GET' || method === 'HEAD') && serveDownload(res, url, method === 'HEAD')) return;
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>404 NOT FOUND</title></head><body><h1>404 NOT FOUND</h1><p>${escapeHtml(url.pathname)} does not exist on this local site.</p><p><a href="/">Start</a></p></body></html>`;
    res.writeHead(404, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': String(Buffer.byteLength(html)) });
    res.end(method === 'HEAD' ? undefined : html);
  };

  const listener: http.RequestListener = (req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) send(res, errorResponse(e, req.headers.accept), false);
      else res.destroy();
    });
  };
  let servers: http.Server[];
  try {
    servers = await listenAll(listener, opts.port ?? 4321, opts.host);
  } catch (e) {
    releaseLock();
    throw e;
  }
  const server = servers[0];
  const port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;

  const access: ILocalStoreAccess = {
    dataDir: store.dir,
    listTitles: () => store.site.lists.map((id) => store.lists.get(id)?.meta.Title || ''),
    list: (title) => {
      const l = api.findListByTitle(title);
      return l ? (JSON.parse(JSON.stringify(l)) as IListData) : undefined;
    },
    addItems: async (title, bodies) =>
      store.exclusive(async () => {
        const l = api.findListByTitle(title);
        if (!l) throw new Error(`List '${title}' does not exist.`);
        const ids = bodies.map((b) => api.addItemForTool(l, b).Id);
        await store.flush();
        return ids;
      }),
    setStorageEntity: async (key, value, comment, description) =>
      store.exclusive(async () => {
        store.site.storageEntities = { ...(store.site.storageEntities || {}), [key]: { Value: value, Comment: comment ?? null, Description: description ?? null } };
        store.markSite();
        await store.flush();
      }),
    outbox: () => JSON.parse(JSON.stringify(store.site.outbox || [])) as IOutboxMessage[],
    removeFromTenant: async (login) =>
      store.exclusive(async () => {
        store.site.departed = (store.site.departed || []).concat([login]);
        store.markSite();
        await store.flush();
      })
  };

  return {
    server,
    url,
    siteUrl: url + sitePath,
    port,
    store: access,
    close: async () => {
      await Promise.all(
        servers.map(
          (srv) =>
            new Promise<void>((resolve) => {
              srv.close(() => resolve());
              srv.closeAllConnections();
            })
        )
      );
      // Let a write in progress finish before the caller moves on.
      await store.exclusive(async () => undefined);
      releaseLock();
    }
  };
}

function listen(listener: http.RequestListener, port: number, host: string): Promise<http.Server> {
  const server = http.createServer(listener);
  server.keepAliveTimeout = 5000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

/**
 * The given host only, or else loopback only: 127.0.0.1, plus ::1 on the same port when
 * the machine has IPv6 (`localhost` may resolve to either). A local site with test
 * data and no real sign-in must not be reachable from the network by default.
 */
async function listenAll(listener: http.RequestListener, port: number, host: string | undefined): Promise<http.Server[]> {
  if (host) return [await listen(listener, port, host)];
  const v4 = await listen(listener, port, '127.0.0.1');
  try {
    return [v4, await listen(listener, (v4.address() as AddressInfo).port, '::1')];
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRNOTAVAIL' || code === 'EAFNOSUPPORT') return [v4];
    await new Promise((r) => v4.close(r));
    throw e;
  }
}

/** FIDELITY D-02 (missing or not issued here: -2130575251) and D-03 (expired: -2130575252); same text. */
function securityValidation(expired: boolean): SPError {
  return new SPError(
    403,
    `${expired ? '-2130575252' : '-2130575251'}, Microsoft.SharePoint.SPException`,
    "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again."
  );
}

/** FIDELITY B-11: SharePoint's REST batches take at most 100 operations. */
export const MAX_BATCH_PARTS = 100;
/** FIDELITY B-12: SharePoint reads at most 1,048,576 bytes of a $batch body. */
export const MAX_BATCH_BYTES = 1048576;

function batchTooManyParts(): SPError {
  return new SPError(
    400,
    CODE_INVALID_QUERY,
    `The current batch message contains too many parts. Only batch messages with a maximum number of '${MAX_BATCH_PARTS}' query operations and change sets are allowed.`
  );
}

function batchTooLarge(bytes: number): SPError {
  return new SPError(
    400,
    CODE_INVALID_QUERY,
    `The maximum number of bytes allowed to be read from the stream has been exceeded. After the last read operation, a total of ${bytes} bytes has been read from the stream; however a maximum of ${MAX_BATCH_BYTES} bytes is allowed.`
  );
}

/** FIDELITY B-13: a batch part that ran out of time (fault switch batchPartTimeoutEvery). */
function partTimedOut(): SPError {
  return new SPError(500, '-2146233083, Microsoft.SharePoint.Client.ClientServiceTimeoutException', 'The operation has timed out.');
}

function decodePath(p: string): string {
  try {
    return decodeURIComponent(p);
  } catch {
    throw badRequest('The request URL is not valid.');
  }
}
