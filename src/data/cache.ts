import { IReportData } from '../model/types';

/**
 * Last-read data per data site AND user, for an instant re-open (stale-while-revalidate).
 * localStorage survives a page reload and a Teams tab switch, but it is shared by everyone
 * who uses the same browser profile: so every entry names its site and user and is only
 * returned to that same pair, expires after MAX_AGE_MS, stays below MAX_ENTRY_CHARS, and
 * at most MAX_ENTRIES entries are kept (oldest dropped). Memory is the fallback (Node,
 * private mode, storage full), keyed the same way.
 */
const memory: Record<string, string> = {};
const PREFIX = 'orgbeheersing:v2:';
/** Older entries (no user in the key) are never read; they are removed on the next write. */
const LEGACY_PREFIX = 'orgbeheersing:';

export const MAX_AGE_MS: number = 24 * 60 * 60 * 1000;
/** About 2 MB of UTF-16 in localStorage: a fraction of the 5 MB an origin gets. */
export const MAX_ENTRY_CHARS: number = 1000000;
export const MAX_ENTRIES: number = 4;

export interface ICacheKey {
  site: string;
  user: string;
}

interface IEntry {
  savedAt: string;
  site: string;
  user: string;
  data: IReportData;
}

function storage(): Storage | undefined {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
}

function keyOf(k: ICacheKey): string {
  return `${PREFIX}${k.site.toLowerCase()}|${k.user.toLowerCase()}`;
}

function readRaw(key: string): string | undefined {
  const s = storage();
  let raw: string | null = null;
  try {
    raw = s ? s.getItem(key) : null;
  } catch {
    raw = null;
  }
  return raw || memory[key];
}

export function readCache(k: ICacheKey, now: Date = new Date()): IReportData | undefined {
  const key = keyOf(k);
  const raw = readRaw(key);
  if (!raw) return undefined;
  try {
    const e = JSON.parse(raw) as Partial<IEntry>;
    // The key already names site and user; the entry says so too, so a copied or tampered key is no way in.
    if (!e || e.site !== k.site.toLowerCase() || e.user !== k.user.toLowerCase()) return undefined;
    const age = now.getTime() - Date.parse(e.savedAt || '');
    if (!(age >= 0 && age <= MAX_AGE_MS)) {
      clearCache(k);
      return undefined;
    }
    return e.data && Array.isArray(e.data.domains) ? e.data : undefined;
  } catch {
    return undefined;
  }
}

export function writeCache(k: ICacheKey, data: IReportData, now: Date = new Date()): void {
  const key = keyOf(k);
  const entry: IEntry = { savedAt: now.toISOString(), site: k.site.toLowerCase(), user: k.user.toLowerCase(), data };
  const raw = JSON.stringify(entry);
  if (raw.length > MAX_ENTRY_CHARS) {
    // Too big to keep: better no instant paint than crowding out the page's other storage.
    clearCache(k);
    return;
  }
  memory[key] = raw;
  const s = storage();
  if (!s) return;
  try {
    prune(s, key);
    s.setItem(key, raw);
  } catch {
    // Quota exceeded: the memory copy still serves this page.
  }
}

/** Drops legacy entries and keeps at most MAX_ENTRIES - 1 others (oldest first out) before a write. */
function prune(s: Storage, keep: string): void {
  const ours: { key: string; savedAt: string }[] = [];
  for (let i = 0; i < s.length; i++) {
    const key = s.key(i);
    if (!key || key === keep || key.indexOf(LEGACY_PREFIX) !== 0) continue;
    if (key.indexOf(PREFIX) !== 0) {
      ours.push({ key, savedAt: '' });
      continue;
    }
    let savedAt = '';
    try {
      savedAt = (JSON.parse(s.getItem(key) || '{}') as Partial<IEntry>).savedAt || '';
    } catch {
      savedAt = '';
    }
    ours.push({ key, savedAt });
  }
  ours.sort((a, b) => (a.savedAt < b.savedAt ? -1 : a.savedAt > b.savedAt ? 1 : 0));
  const legacy = ours.filter((o) => o.key.indexOf(PREFIX) !== 0);
  const current = ours.filter((o) => o.key.indexOf(PREFIX) === 0);
  for (const o of legacy) s.removeItem(o.key);
  while (current.length > MAX_ENTRIES - 1) s.removeItem((current.shift() as { key: string }).key);
}

export function clearCache(k: ICacheKey): void {
  const key = keyOf(k);
  delete memory[key];
  const s = storage();
  if (!s) return;
  try {
    s.removeItem(key);
  } catch {
    // Storage unavailable: nothing stored there either.
  }
}
