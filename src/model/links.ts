/**
 * Links the web parts hand out: SharePoint list forms and views (editing happens in
 * the lists' own forms) and deep links to one domain card on a page or in a Teams tab.
 * Pure string work (no DOM, no URL class needed), so it also runs in Node.
 */
import { getList } from '../schema/schema';

export type ListFormName = 'NewForm' | 'EditForm' | 'DispForm';

export interface ISafeUrlOptions {
  /** Accept a site-relative path (`/sites/x/...`); default true. The data site must be absolute. */
  relative?: boolean;
}

/** Hosts on which plain http: is accepted: the local server only. */
const LOCAL_HOSTS: string[] = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The one URL rule for everything that comes from a property, a list item or a tenant
 * property and ends up in an href, a window or a request: `https://<host>...`,
 * `http://` on the local server (localhost/127.0.0.1), or a site-relative path starting
 * with one `/`. Anything else (javascript:, data:, vbscript:, `//host`, `/\host`, text
 * with control characters a browser would drop, such as "java\tscript:") is refused.
 * Returns the trimmed URL, or undefined when it is refused or empty.
 */
export function safeUrl(value: string | undefined, options: ISafeUrlOptions = {}): string | undefined {
  if (typeof value !== 'string') return undefined;
  const url = value.trim();
  if (!url) return undefined;
  // Browsers strip tabs/newlines anywhere and read a backslash as "/" (so "/\evil" is another host);
  // a real link has neither, nor any other control character.
  for (let i = 0; i < url.length; i++) {
    const c = url.charCodeAt(i);
    if (c < 0x20 || c === 0x7f || c === 0x5c || (c >= 0x80 && c <= 0x9f)) return undefined;
  }
  if (url.charAt(0) === '/') return options.relative !== false && url.charAt(1) !== '/' ? url : undefined;
  const m = /^(https?):\/\/([^/?#@]+@)?(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(:\d{1,5})?([/?#].*)?$/i.exec(url);
  if (!m || m[2]) return undefined;
  const host = m[3].toLowerCase();
  if (!/^[a-z0-9[]/.test(host) || host.indexOf('..') >= 0) return undefined;
  if (m[1].toLowerCase() === 'http' && LOCAL_HOSTS.indexOf(host) < 0) return undefined;
  return url;
}

/** Query parameter and anchor prefix that select a domain on the cards page. */
export const DOMAIN_QUERY_PARAM: string = 'domein';
export const DOMAIN_ANCHOR_PREFIX: string = 'domein-';

function trimSlashes(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Folder that holds the list's forms: libraries keep them under Forms/. */
function formsBase(siteUrl: string, listKey: string): string {
  const list = getList(listKey);
  return `${trimSlashes(siteUrl)}/${list.url}${list.template === 101 ? '/Forms' : ''}`;
}

/**
 * SharePoint's own form URL, e.g. `<site>/Lists/Acties/EditForm.aspx?ID=3&Source=...`.
 * Source is where SharePoint returns after save/cancel.
 */
export function listFormUrl(siteUrl: string, listKey: string, form: ListFormName, id?: number, sourceUrl?: string): string {
  const params: string[] = [];
  if (id !== undefined && form !== 'NewForm') params.push(`ID=${id}`);
  if (sourceUrl) params.push(`Source=${encodeURIComponent(sourceUrl)}`);
  const base = `${formsBase(siteUrl, listKey)}/${form}.aspx`;
  return params.length > 0 ? `${base}?${params.join('&')}` : base;
}

/**
 * SharePoint's version history page of a list item:
 * `<site>/_layouts/15/Versions.aspx?list={<list id>}&ID=<item id>` (FIDELITY.md X-06).
 */
export function versionHistoryUrl(siteUrl: string, listId: string, itemId: number): string {
  const guid = listId.replace(/^\{|\}$/g, '');
  return `${trimSlashes(siteUrl)}/_layouts/15/Versions.aspx?list=${encodeURIComponent(`{${guid}}`)}&ID=${itemId}`;
}

/** The list's default view (AllItems.aspx). */
export function listViewUrl(siteUrl: string, listKey: string): string {
  return `${formsBase(siteUrl, listKey)}/AllItems.aspx`;
}

/** Element id of a domain card (the anchor target of `#domein-<key>`). */
export function domainAnchorId(domainKey: string): string {
  return DOMAIN_ANCHOR_PREFIX + domainKey.replace(/[^A-Za-z0-9_-]/g, '-');
}

interface IUrlParts {
  base: string;
  query: string[];
  hash: string;
}

function splitUrl(url: string): IUrlParts {
  let rest = url;
  let hash = '';
  const h = rest.indexOf('#');
  if (h >= 0) {
    hash = rest.slice(h + 1);
    rest = rest.slice(0, h);
  }
  const q = rest.indexOf('?');
  const query = q >= 0 ? rest.slice(q + 1).split('&').filter((p) => p.length > 0) : [];
  return { base: q >= 0 ? rest.slice(0, q) : rest, query, hash };
}

function joinUrl(parts: IUrlParts): string {
  return parts.base + (parts.query.length > 0 ? `?${parts.query.join('&')}` : '') + (parts.hash ? `#${parts.hash}` : '');
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

function paramName(pair: string): string {
  const eq = pair.indexOf('=');
  return safeDecode(eq >= 0 ? pair.slice(0, eq) : pair).toLowerCase();
}

function paramValue(pair: string): string {
  const eq = pair.indexOf('=');
  return eq >= 0 ? safeDecode(pair.slice(eq + 1)) : '';
}

function getParam(query: string[], name: string): string | undefined {
  const n = name.toLowerCase();
  const hit = query.filter((p) => paramName(p) === n)[0];
  return hit === undefined ? undefined : paramValue(hit);
}

function setParam(query: string[], name: string, value: string): string[] {
  const n = name.toLowerCase();
  return query.filter((p) => paramName(p) !== n).concat([`${encodeURIComponent(name)}=${encodeURIComponent(value)}`]);
}

/**
 * The Teams app of this solution (teams/manifest.json): its id and the personal app's
 * static tab. Deep links into the tab are built from these, never pasted by hand.
 */
export const TEAMS_APP_ID: string = 'ae9cbe34-f28a-4b0e-90d2-dcd9b5cbb046';
export const TEAMS_PERSONAL_TAB_ENTITY_ID: string = 'domeinkaarten-ae9cbe34-f28a-4b0e-90d2-dcd9b5cbb046';
/** The personal app's "Mijn acties" tab (Auditopvolging opening on the user's own items). */
export const TEAMS_MINE_TAB_ENTITY_ID: string = 'mijn-acties-94d15802-53bf-46c1-97cd-adaa32507273';

/**
 * Deep link to a Teams tab (https://teams.microsoft.com/l/entity/<appId>/<entityId>),
 * optionally opening one domain: Teams hands `context.subEntityId` to the tab as
 * `page.subPageId` (teams-js v2), which the cards read as the domain to open.
 */
export function teamsTabDeepLink(appId: string, entityId: string, subEntityId?: string, label?: string): string {
  const query: string[] = [];
  if (label) query.push(`label=${encodeURIComponent(label)}`);
  if (subEntityId) query.push(`context=${encodeURIComponent(JSON.stringify({ subEntityId }))}`);
  return `https://teams.microsoft.com/l/entity/${encodeURIComponent(appId)}/${encodeURIComponent(entityId)}${query.length ? `?${query.join('&')}` : ''}`;
}

/** A domain in the personal app's cards (works for anyone who has the app). */
export function teamsDomainLink(domainKey?: string, label?: string): string {
  return teamsTabDeepLink(TEAMS_APP_ID, TEAMS_PERSONAL_TAB_ENTITY_ID, domainKey, label);
}

/** "Mijn acties" in the personal app (works for anyone who has the app). */
export function teamsMineLink(): string {
  return teamsTabDeepLink(TEAMS_APP_ID, TEAMS_MINE_TAB_ENTITY_ID);
}

/**
 * Where a domain opens from the widget or the card: the configured cards page (or pasted
 * tab link) when there is one, else the domain in the Teams personal app.
 */
export function domainTarget(cardsUrl: string | undefined, domainKey: string): string {
  // A refused page (see safeUrl) counts as none: the Teams app still leads somewhere safe.
  return domainCardLink(cardsUrl, domainKey) || teamsDomainLink(domainKey);
}

export function isTeamsDeepLink(url: string): boolean {
  return /^https:\/\/teams\.microsoft\.com\/l\/entity\//i.test(url.trim());
}

/**
 * Link to one domain's card. A page URL gets `?domein=<key>#domein-<key>` (the query
 * survives SharePoint's redirects, the anchor scrolls without script); a Teams tab deep
 * link gets `context={"subEntityId":"<key>"}`, merged into an existing context.
 * Undefined when the page URL is empty or refused by safeUrl.
 */
export function domainCardLink(pageUrl: string | undefined, domainKey: string): string | undefined {
  const cardsUrl = safeUrl(pageUrl);
  if (!cardsUrl) return undefined;
  const parts = splitUrl(cardsUrl);
  if (isTeamsDeepLink(cardsUrl)) {
    let context: Record<string, unknown> = {};
    const existing = getParam(parts.query, 'context');
    if (existing) {
      try {
        const parsed: unknown = JSON.parse(existing);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) context = parsed as Record<string, unknown>;
      } catch {
        // A broken context is replaced rather than kept: Teams would ignore it anyway.
      }
    }
    context.subEntityId = domainKey;
    return joinUrl({ base: parts.base, query: setParam(parts.query, 'context', JSON.stringify(context)), hash: parts.hash });
  }
  return joinUrl({
    base: parts.base,
    query: setParam(parts.query, DOMAIN_QUERY_PARAM, domainKey),
    hash: domainAnchorId(domainKey)
  });
}

/**
 * The domain a visitor asked for: the Teams sub entity (tab deep link) first, then
 * `?domein=`, then a `#domein-<key>` anchor, then a Teams link's context. Undefined
 * when the location names no domain.
 */
export function readDomainFromLocation(href: string, teamsSubEntityId?: string): string | undefined {
  if (teamsSubEntityId && teamsSubEntityId.trim()) return teamsSubEntityId.trim();
  const parts = splitUrl(href);
  const fromQuery = getParam(parts.query, DOMAIN_QUERY_PARAM);
  if (fromQuery && fromQuery.trim()) return fromQuery.trim();
  const hash = safeDecode(parts.hash);
  if (hash.toLowerCase().indexOf(DOMAIN_ANCHOR_PREFIX) === 0 && hash.length > DOMAIN_ANCHOR_PREFIX.length) {
    return hash.slice(DOMAIN_ANCHOR_PREFIX.length);
  }
  const context = getParam(parts.query, 'context');
  if (context) {
    try {
      const parsed = JSON.parse(context) as { subEntityId?: unknown };
      if (parsed && typeof parsed.subEntityId === 'string' && parsed.subEntityId.trim()) return parsed.subEntityId.trim();
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Query parameter and Teams sub entity prefix that select an audit on the audits page. */
export const AUDIT_QUERY_PARAM: string = 'audit';
export const AUDIT_ENTITY_PREFIX: string = 'audit-';

/**
 * Link to one audit on the Auditopvolging page (`?audit=<id>`) or in its Teams tab
 * (`context={"subEntityId":"audit-<id>"}`). Undefined when the page URL is empty or refused.
 */
export function auditLink(pageUrl: string | undefined, auditId: number): string | undefined {
  const auditsUrl = safeUrl(pageUrl);
  if (!auditsUrl) return undefined;
  const parts = splitUrl(auditsUrl);
  if (isTeamsDeepLink(auditsUrl)) {
    return domainCardLink(auditsUrl, AUDIT_ENTITY_PREFIX + auditId);
  }
  return joinUrl({ base: parts.base, query: setParam(parts.query, AUDIT_QUERY_PARAM, String(auditId)), hash: parts.hash });
}

/** The audit a visitor asked for (Teams sub entity `audit-<id>` or `?audit=<id>`), if any. */
export function readAuditFromLocation(href: string, teamsSubEntityId?: string): number | undefined {
  const sub = teamsSubEntityId && teamsSubEntityId.trim();
  const fromSub = sub && sub.indexOf(AUDIT_ENTITY_PREFIX) === 0 ? sub.slice(AUDIT_ENTITY_PREFIX.length) : undefined;
  const parts = splitUrl(href);
  const raw = fromSub || getParam(parts.query, AUDIT_QUERY_PARAM);
  if (!raw && !sub) {
    const context = getParam(parts.query, 'context');
    if (context) {
      try {
        const parsed = JSON.parse(context) as { subEntityId?: unknown };
        if (typeof parsed.subEntityId === 'string' && parsed.subEntityId.indexOf(AUDIT_ENTITY_PREFIX) === 0) {
          return readAuditFromLocation('', parsed.subEntityId);
        }
      } catch {
        return undefined;
      }
    }
  }
  const n = raw && /^\d+$/.test(raw.trim()) ? parseInt(raw.trim(), 10) : NaN;
  return n > 0 ? n : undefined;
}
