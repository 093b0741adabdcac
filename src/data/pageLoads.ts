/**
 * Loads shared by the web parts on one page. Each SPFx web part is its own bundle with its
 * own copy of these modules, so the registry lives on globalThis: the domain cards and the
 * homepage widget on one page (or two widgets) then share one read.
 */
interface IPageLoad {
  site: string;
  kind: string;
  promise: Promise<unknown>;
  /** When it finished; undefined while it runs. */
  doneAt?: number;
  failed?: boolean;
}

const KEY = '__organisatiebeheersingPageLoads';

function loads(): IPageLoad[] {
  const g = globalThis as unknown as Record<string, IPageLoad[] | undefined>;
  let list = g[KEY];
  if (!list) {
    list = [];
    g[KEY] = list;
  }
  return list;
}

function norm(site: string): string {
  return site.replace(/\/+$/, '').toLowerCase();
}

/** A load whose kind starts with `kind` for the site that runs now, or finished at most `maxAgeMs` ago. */
export function findLoad<T>(site: string, kind: string, maxAgeMs: number): Promise<T> | undefined {
  const s = norm(site);
  const now = Date.now();
  const hit = loads().filter((l) => l.site === s && l.kind.indexOf(kind) === 0 && !l.failed && (l.doneAt === undefined || now - l.doneAt <= maxAgeMs));
  return hit.length ? (hit[hit.length - 1].promise as Promise<T>) : undefined;
}

/** Runs `start` unless the same load for the site is already running; then it shares that one. */
export function shareLoad<T>(site: string, kind: string, start: () => Promise<T>): Promise<T> {
  const running = loads().filter((l) => l.site === norm(site) && l.kind === kind && l.doneAt === undefined)[0];
  if (running) return running.promise as Promise<T>;
  const entry: IPageLoad = { site: norm(site), kind, promise: Promise.resolve() };
  const list = loads();
  // Keep one finished load per site and kind.
  for (let i = list.length - 1; i >= 0; i--) if (list[i].site === entry.site && list[i].kind === kind) list.splice(i, 1);
  list.push(entry);
  const promise = start();
  entry.promise = promise;
  promise.then(
    () => {
      entry.doneAt = Date.now();
    },
    () => {
      entry.doneAt = Date.now();
      entry.failed = true;
    }
  );
  return promise;
}

/** Forget every load (tests; a page that changed data and must read again). */
export function clearPageLoads(): void {
  loads().length = 0;
}
