import { IReportData } from '../model/types';

/**
 * Last-read data per data site, for an instant re-open (stale-while-revalidate).
 * localStorage survives a page reload and a Teams tab switch; memory is the fallback
 * (Node, private mode, storage full).
 */
const memory: Record<string, string> = {};
const PREFIX = 'orgbeheersing:';

function storage(): Storage | undefined {
  try {
    return typeof window !== 'undefined' && window.localStorage ? window.localStorage : undefined;
  } catch {
    return undefined;
  }
}

export function readCache(key: string): IReportData | undefined {
  const raw = (storage() && storage()!.getItem(PREFIX + key)) || memory[PREFIX + key];
  if (!raw) return undefined;
  try {
    const parsed = JSON.parse(raw) as { data?: IReportData };
    return parsed && parsed.data && Array.isArray(parsed.data.domains) ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function writeCache(key: string, data: IReportData): void {
  const raw = JSON.stringify({ savedAt: new Date().toISOString(), data });
  memory[PREFIX + key] = raw;
  const s = storage();
  if (!s) return;
  try {
    s.setItem(PREFIX + key, raw);
  } catch {
    // Quota exceeded: the memory copy still serves this page.
  }
}

export function clearCache(key: string): void {
  delete memory[PREFIX + key];
  const s = storage();
  if (s) s.removeItem(PREFIX + key);
}
