import * as http from 'http';
import { LISTS } from '../../src/schema/schema';
import { IBundle } from './build';
import { closedPage, indexPage, IWorkbenchConfig, workbenchPage } from './pages';
import { formShellHtml, parseListPageUrl } from '../forms/index';
import { isVersionsPage, serveVersionsPage } from './versionsPage';

function send(res: http.ServerResponse, status: number, type: string, body: string | Uint8Array, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(body);
}

/**
 * `?user=<login>` on a workbench page: the page's PnPjs requests carry it as a header, and a
 * session cookie carries it to the list forms opened from the page. A page without `?user=`
 * clears the cookie, so it acts as the server's default user (LOCAL_SP_USER) again.
 */
function userCookie(user: string | undefined): Record<string, string> {
  return {
    'Set-Cookie': user ? `localsp-user=${encodeURIComponent(user)}; Path=/; SameSite=Lax` : 'localsp-user=; Path=/; Max-Age=0; SameSite=Lax'
  };
}

function num(v: string | null): number | undefined {
  const n = v ? parseInt(v, 10) : NaN;
  return isNaN(n) ? undefined : n;
}

/**
 * The form digest a SharePoint page carries (SPFx: pageContext.legacyPageContext.formDigestValue),
 * issued by the server for this page: the workbench asks its own contextinfo endpoint while it
 * builds the page, so the browser starts with a digest and never calls contextinfo itself.
 */
async function pageDigest(siteUrl: string, user: string | undefined): Promise<IWorkbenchConfig['digest']> {
  try {
    // Issued for the user the page acts as, like the digest a SharePoint page is rendered with.
    const headers: Record<string, string> = { Accept: 'application/json;odata=nometadata' };
    if (user) headers['X-LocalSP-User'] = user;
    const res = await fetch(`${siteUrl}/_api/contextinfo`, { method: 'POST', headers });
    if (!res.ok) return undefined;
    const info = (await res.json()) as { FormDigestValue?: string; FormDigestTimeoutSeconds?: number };
    return info.FormDigestValue ? { formDigestValue: info.FormDigestValue, formDigestTimeoutSeconds: info.FormDigestTimeoutSeconds || 1800 } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Pages of the local workbench, served next to the REST API by the local server.
 * Returns true when it handled the request.
 */
export function workbenchRoutes(
  bundles: () => Record<string, IBundle>,
  sitePathIn: string = '/sites/organisatiebeheersing'
): (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<boolean> {
  const sitePath = sitePathIn.toLowerCase();
  return async (req: http.IncomingMessage, res: http.ServerResponse, url: URL): Promise<boolean> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    // The site URL follows the host the browser used (any port).
    const siteUrl = url.origin + sitePathIn;
    const p = url.pathname.replace(/\/+$/, '') || '/';
    const q = url.searchParams;
    const common = {
      siteUrl,
      locale: q.get('locale') || undefined,
      year: num(q.get('year')),
      domain: q.get('domain') || undefined,
      user: (q.get('user') || '').trim() || undefined
    };
    if (p === '/') {
      send(res, 200, 'text/html; charset=utf-8', indexPage(url.origin, siteUrl, LISTS.map((l) => ({ title: l.title, url: l.url }))));
      return true;
    }
    if (p.indexOf('/workbench/') === 0 && /\.(js|css)$/.test(p)) {
      const b = bundles()[p.slice('/workbench/'.length)];
      if (!b) return false;
      send(res, 200, b.contentType, b.contents);
      return true;
    }
    let cfg: IWorkbenchConfig | undefined;
    if (p === '/workbench/domain-cards') cfg = { ...common, page: 'domain-cards', section: q.get('section') || 'none', auditsUrl: q.get('auditsUrl') || undefined };
    if (p === '/workbench/summary') cfg = { ...common, page: 'summary', section: q.get('section') || 'none', cardsUrl: q.get('cardsUrl') || undefined };
    if (p === '/workbench/card') cfg = { ...common, page: 'card', cardsUrl: q.get('cardsUrl') || undefined };
    if (p === '/teams/domain-cards') cfg = { ...common, page: 'teams', theme: q.get('theme') || 'default', width: q.get('width') || 'desktop' };
    if (p === '/workbench/audits') {
      cfg = { ...common, page: 'audits', section: q.get('section') || 'none', view: q.get('view') || undefined, cardsUrl: q.get('cardsUrl') || undefined };
    }
    if (p === '/teams/audits') {
      cfg = { ...common, page: 'teams-audits', theme: q.get('theme') || 'default', width: q.get('width') || 'desktop', view: q.get('view') || undefined };
    }
    // The Teams personal app opens on the tenant root: no data site is configured there.
    if (p === '/teams/personal') {
      cfg = { ...common, siteUrl: url.origin, page: 'teams-personal', theme: q.get('theme') || 'default', width: q.get('width') || 'desktop', view: 'mine' };
    }
    if (p === '/workbench/maturity') cfg = { ...common, page: 'maturity', section: q.get('section') || 'none', round: num(q.get('round')) };
    if (p === '/teams/maturity') {
      cfg = { ...common, page: 'teams-maturity', theme: q.get('theme') || 'default', width: q.get('width') || 'desktop', round: num(q.get('round')) };
    }
    if (cfg) {
      cfg.digest = await pageDigest(siteUrl, cfg.user);
      send(res, 200, 'text/html; charset=utf-8', workbenchPage(cfg, url), userCookie(cfg.user));
      return true;
    }
    if (p === '/workbench/closed') {
      send(res, 200, 'text/html; charset=utf-8', closedPage());
      return true;
    }
    if (isVersionsPage(p, sitePath)) return serveVersionsPage(req, res, url, siteUrl).then(() => true);
    if (p.toLowerCase().indexOf(sitePath + '/') === 0 && /\.aspx$/i.test(p)) {
      const formCfg = parseListPageUrl(url.pathname, url.search);
      if (!formCfg) return false;
      send(res, 200, 'text/html; charset=utf-8', formShellHtml({ ...formCfg, siteUrl }, '/workbench/forms.js'));
      return true;
    }
    return false;
  };
}
