/**
 * The URLs SharePoint uses for list forms and views, and the HTML shell the local
 * server answers them with. Pure: no DOM, safe to import from the server.
 *
 *   <site>/Lists/<List>/{NewForm,EditForm,DispForm,AllItems}.aspx?ID=n&Source=...
 *   <site>/<Library>/Forms/{NewForm,EditForm,DispForm,AllItems}.aspx?ID=n&Source=...
 */
import { IListSchema, LISTS } from '../../src/schema/schema';
import { FormsLocale, getStrings } from './strings';
import { escapeHtml } from '../server/html';

export type ListPageName = 'NewForm' | 'EditForm' | 'DispForm' | 'AllItems';

export interface IListPageConfig {
  /** Absolute (or server-relative, resolved against the page's origin) site URL. */
  siteUrl: string;
  listTitle: string;
  page: ListPageName;
  id?: number;
  /** Where to go after save or cancel (SharePoint's Source parameter). */
  source?: string;
  locale?: FormsLocale;
}

const PAGES: ListPageName[] = ['NewForm', 'EditForm', 'DispForm', 'AllItems'];

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The schema list with this title (case-insensitive). */
export function listByTitle(title: string): IListSchema | undefined {
  const t = title.toLowerCase();
  return LISTS.filter((l) => l.title.toLowerCase() === t)[0];
}

/**
 * Maps a list page URL to its configuration, or undefined when the path is not a list
 * form or view of a schema list. The site URL returned is the server-relative part
 * before the list (e.g. `/sites/organisatiebeheersing`).
 */
export function parseListPageUrl(pathname: string, search: string): IListPageConfig | undefined {
  const path = safeDecode(pathname).replace(/\/+$/, '');
  const m = /^(.*?)\/(lists\/[^/]+|[^/]+\/forms)\/([^/]+)\.aspx$/i.exec(path);
  if (!m) return undefined;
  const page = PAGES.filter((p) => p.toLowerCase() === m[3].toLowerCase())[0];
  if (!page) return undefined;
  const isLibraryPath = /\/forms$/i.test(m[2]);
  const listUrl = (isLibraryPath ? m[2].replace(/\/forms$/i, '') : m[2]).toLowerCase();
  const list = LISTS.filter((l) => l.url.toLowerCase() === listUrl && (l.template === 101) === isLibraryPath)[0];
  if (!list) return undefined;
  const q = new URLSearchParams(search.replace(/^\?/, ''));
  const param = (name: string): string | undefined => {
    let found: string | undefined;
    q.forEach((v, k) => {
      if (found === undefined && k.toLowerCase() === name.toLowerCase()) found = v;
    });
    return found;
  };
  const cfg: IListPageConfig = { siteUrl: m[1], listTitle: list.title, page };
  const idText = param('ID');
  if (idText !== undefined && /^\d+$/.test(idText.trim())) cfg.id = parseInt(idText, 10);
  if ((page === 'EditForm' || page === 'DispForm') && cfg.id === undefined) return undefined;
  const source = param('Source');
  if (source) cfg.source = source;
  const locale = (param('locale') || '').toLowerCase();
  if (locale === 'en-us' || locale === 'nl-nl') cfg.locale = locale;
  return cfg;
}

/** The URL of a list form or view of a schema list. */
export function listPageUrl(siteUrl: string, list: IListSchema, page: ListPageName, opts: { id?: number; source?: string; locale?: FormsLocale } = {}): string {
  const base = siteUrl.replace(/\/+$/, '') + '/' + list.url + (list.template === 101 ? '/Forms/' : '/') + page + '.aspx';
  const params: string[] = [];
  if (opts.id !== undefined) params.push('ID=' + opts.id);
  if (opts.source) params.push('Source=' + encodeURIComponent(opts.source));
  if (opts.locale && opts.locale !== 'nl-nl') params.push('locale=' + opts.locale);
  return params.length ? `${base}?${params.join('&')}` : base;
}

export function pageLabel(page: ListPageName, locale?: FormsLocale): string {
  const s = getStrings(locale);
  switch (page) {
    case 'NewForm': return s.pageNewForm;
    case 'EditForm': return s.pageEditForm;
    case 'DispForm': return s.pageDispForm;
    default: return s.pageAllItems;
  }
}

export { escapeHtml } from '../server/html';

/** The HTML page the local server answers a list form or view URL with. */
export function formShellHtml(cfg: IListPageConfig, scriptUrl: string): string {
  const s = getStrings(cfg.locale);
  const title = `${cfg.listTitle} - ${pageLabel(cfg.page, cfg.locale)}`;
  return `<!doctype html>
<html lang="${escapeHtml(s.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  html, body { margin: 0; padding: 0; font-family: "Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, "Helvetica Neue", sans-serif; background: #faf9f8; color: #323130; }
  #root { min-height: 100vh; }
  .list-page-loading { padding: 24px; }
</style>
</head>
<body>
<div id="root"><p class="list-page-loading" role="status">${escapeHtml(s.loading)}</p></div>
<script src="${escapeHtml(scriptUrl)}"></script>
</body>
</html>
`;
}
