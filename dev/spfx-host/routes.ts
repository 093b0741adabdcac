/**
 * Local SharePoint pages that run the built package (`npm run build`, dist/) in SharePoint
 * Framework's own runtime from node_modules: `/sites/<site>/SitePages/<page>.aspx`, plus the
 * files they load (`/_spfx/fx/<package>/<file>`, the package's assets under
 * `/sites/appcatalog/ClientSideAssets/<solution id>/<file>`, `/_spfx/host/<file>`).
 */
import * as fs from 'fs';
import * as http from 'http';
import { APP_COMPONENT, buildHostModules, IHostModule } from './build';
import { assemblyManifests, frameworkFile, frameworkManifests, hasSolutionBuild, hostManifests, Manifest, SOLUTION_ASSET_PATH, solutionFile, solutionManifests } from './manifests';
import { ICanvas, ICanvasControl, ICanvasSection, ILegacyPageContext, sitePage } from './page';
import { LOCAL_TENANT_ID } from '../server/directory';

type Kind = 'DomainCardsWebPart' | 'SummaryWebPart' | 'AuditFollowUpWebPart' | 'MaturityWebPart' | 'OrgSummaryAdaptiveCardExtension';

interface IPageDef {
  title: string;
  sections: (ids: (alias: Kind) => string, q: URLSearchParams, siteUrl: string) => ICanvasSection[];
}

/** Instance ids are stable per page: SharePoint persists them with the web part data. */
function control(kind: 'webpart' | 'ace', componentId: string, instanceId: string, title: string, properties: Record<string, unknown>): ICanvasControl {
  return { kind, componentId, instanceId, title, properties };
}

/**
 * "Pagina met de domeinkaarten" as a page author enters it: the page's address (the property pane
 * refuses a bare file name, and the web parts then link to the Teams app instead).
 */
const CARDS_PAGE = '/sites/organisatiebeheersing/SitePages/Domeinkaarten.aspx';

/**
 * The persisted properties of each page's web parts, as a page author would have set them.
 * "Gegevenssite" names the page's own site: the tenant property the local server records names
 * `localhost`, and the page runs on 127.0.0.1 (see spfxHostRoutes), which the browser treats as
 * another origin.
 */
export const PAGES: Record<string, IPageDef> = {
  domeinkaarten: {
    title: 'Domeinkaarten',
    sections: (id, q, siteUrl) => [
      {
        layout: 'one-column',
        columns: [
          {
            width: 12,
            controls: [
              control('webpart', id('DomainCardsWebPart'), '5b0c6b8e-1d5e-4c3f-9a51-0a4f0c8e1d01', 'Domeinkaarten', {
                siteUrl,
                reportYear: Number(q.get('year')) || 2022,
                domainKey: '',
                showDescriptions: true,
                organisation: '',
                reportIntro: '',
                auditsUrl: ''
              })
            ]
          }
        ]
      }
    ]
  },
  startpagina: {
    title: 'Startpagina',
    sections: (id, q, siteUrl) => [
      {
        layout: 'one-third-left',
        columns: [
          {
            width: 4,
            controls: [control('webpart', id('SummaryWebPart'), '5b0c6b8e-1d5e-4c3f-9a51-0a4f0c8e1d02', 'Organisatiebeheersing in één oogopslag', { siteUrl, reportYear: Number(q.get('year')) || 2022, cardsUrl: CARDS_PAGE })]
          },
          { width: 8, controls: [] }
        ]
      },
      {
        layout: 'one-column',
        columns: [{ width: 12, controls: [control('webpart', id('SummaryWebPart'), '5b0c6b8e-1d5e-4c3f-9a51-0a4f0c8e1d03', 'Organisatiebeheersing (volle breedte)', { siteUrl, reportYear: Number(q.get('year')) || 2022, cardsUrl: CARDS_PAGE })] }]
      }
    ]
  },
  auditopvolging: {
    title: 'Auditopvolging',
    sections: (id, q, siteUrl) => [
      { layout: 'one-column', columns: [{ width: 12, controls: [control('webpart', id('AuditFollowUpWebPart'), '5b0c6b8e-1d5e-4c3f-9a51-0a4f0c8e1d04', 'Auditopvolging', { siteUrl, reportYear: 0, cardsUrl: CARDS_PAGE })] }] }
    ]
  },
  maturiteit: {
    title: 'Maturiteitsinschatting',
    sections: (id, q, siteUrl) => [
      { layout: 'one-column', columns: [{ width: 12, controls: [control('webpart', id('MaturityWebPart'), '5b0c6b8e-1d5e-4c3f-9a51-0a4f0c8e1d05', 'Maturiteitsinschatting', { siteUrl, reportYear: 0 })] }] }
    ]
  },
  dashboard: {
    title: 'Dashboard',
    sections: (id, q, siteUrl) => [
      {
        layout: 'dashboard',
        columns: [
          {
            width: 12,
            controls: [control('ace', id('OrgSummaryAdaptiveCardExtension'), '5b0c6b8e-1d5e-4c3f-9a51-0a4f0c8e1d06', 'Organisatiebeheersing', { title: '', siteUrl, reportYear: 2022, cardsUrl: CARDS_PAGE })]
          }
        ]
      }
    ]
  }
};

const PAGE_FILES: Record<string, string> = {
  domeinkaarten: 'Domeinkaarten.aspx',
  startpagina: 'Startpagina.aspx',
  auditopvolging: 'Auditopvolging.aspx',
  maturiteit: 'Maturiteit.aspx',
  dashboard: 'Dashboard.aspx'
};

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer, cache: boolean = false): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': cache ? 'public, max-age=31536000, immutable' : 'no-store' });
  res.end(body);
}

function sendFile(res: http.ServerResponse, file: string): void {
  const type = file.endsWith('.js') ? 'text/javascript; charset=utf-8' : file.endsWith('.json') ? 'application/json; charset=utf-8' : file.endsWith('.woff') ? 'font/woff' : 'application/octet-stream';
  send(res, 200, type, fs.readFileSync(file));
}

interface IWho {
  login: string;
  title: string;
  email: string;
  id: number;
}

/** What SharePoint renders into the page for the signed-in user: asked from the local site's own REST API. */
async function pageFacts(siteUrl: string, user: string | undefined): Promise<{ who: IWho; digest: { value: string; timeout: number }; web: { id: string; title: string } }> {
  const headers: Record<string, string> = { Accept: 'application/json;odata=nometadata' };
  if (user) headers['X-LocalSP-User'] = user;
  const get = async (p: string, method: string = 'GET'): Promise<Record<string, unknown>> => {
    const r = await fetch(`${siteUrl}/_api/${p}`, { method, headers });
    if (!r.ok) throw new Error(`${p}: HTTP ${r.status}`);
    return (await r.json()) as Record<string, unknown>;
  };
  const [me, info, web] = await Promise.all([get('web/currentuser'), get('contextinfo', 'POST'), get('web?$select=Id,Title')]);
  return {
    who: { login: String(me.LoginName || ''), title: String(me.Title || ''), email: String(me.Email || ''), id: Number(me.Id) || 0 },
    digest: { value: String(info.FormDigestValue || ''), timeout: Number(info.FormDigestTimeoutSeconds) || 1800 },
    web: { id: String(web.Id || ''), title: String(web.Title || '') }
  };
}

function legacyContext(siteUrl: string, facts: Awaited<ReturnType<typeof pageFacts>>, locale: string, requestPath: string): ILegacyPageContext {
  const sitePath = new URL(siteUrl).pathname;
  const upn = facts.who.login.split('|').pop() || facts.who.login;
  return {
    webAbsoluteUrl: siteUrl,
    webServerRelativeUrl: sitePath,
    webTitle: facts.web.title,
    webId: `{${facts.web.id}}`,
    webLanguage: locale === 'en-US' ? 1033 : 1043,
    webTemplate: '64',
    // Read-level masks: SPFx only shows them; the server decides what the user may do.
    webPermMasks: { High: 176, Low: 138612833 },
    siteAbsoluteUrl: siteUrl,
    siteServerRelativeUrl: sitePath,
    siteId: `{${facts.web.id}}`,
    serverRequestPath: requestPath,
    userLoginName: upn,
    userDisplayName: facts.who.title,
    userEmail: facts.who.email,
    userPrincipalName: upn,
    userId: facts.who.id,
    aadTenantId: LOCAL_TENANT_ID,
    aadUserId: '00000000-0000-0000-0000-000000000000',
    aadInstanceUrl: 'https://login.microsoftonline.com',
    currentCultureName: locale,
    currentUICultureName: locale,
    CorrelationId: '00000000-0000-0000-0000-000000000000',
    formDigestValue: facts.digest.value,
    formDigestTimeoutSeconds: facts.digest.timeout,
    serverTime: new Date().toISOString(),
    env: 'prod',
    isAnonymousGuestUser: false,
    isExternalGuestUser: false,
    isEmailAuthenticationGuestUser: false,
    killSwitches: {},
    ExpFeatures: []
  };
}

/**
 * Test faults (page parameter `?fault=`), each something that goes wrong in a tenant:
 * - `oninit`: the web parts get a theme service that throws (pageApp.ts), so their onInit fails;
 * - `render`: react-dom's render throws inside the web parts' render() (pageApp.ts);
 * - `broken-bundle`: the manifests name a bundle file that does not exist, as when an app catalog
 *   serves a package whose assets are missing;
 * - `missing-string`: the Dutch strings file lacks its first string, as a loc file that was not
 *   updated with its mystrings.d.ts;
 * - `externals`: the manifests ask for a React that SharePoint does not serve, as a wrong
 *   externals mapping (config/config.json) or a wrong React version in package.json would.
 * SPFx must show its own error in the web part's place rather than a blank page; the tests check
 * that their detectors see each fault.
 */
export type Fault = 'oninit' | 'render' | 'broken-bundle' | 'missing-string' | 'externals';

const FAULTS: Fault[] = ['oninit', 'render', 'broken-bundle', 'missing-string', 'externals'];
const MISSING_STRING = 'missing-string-';

/** React 16.14.0: a version no SharePoint page serves (SPFx 1.23.2 pages serve 17.0.1). */
const WRONG_REACT_VERSION = '16.14.0';

function faulty(manifests: Manifest[], fault: Fault | undefined): Manifest[] {
  if (fault !== 'broken-bundle' && fault !== 'missing-string' && fault !== 'externals') return manifests;
  return manifests.map((m) => {
    const copy = JSON.parse(JSON.stringify(m)) as Manifest;
    const resources = copy.loaderConfig.scriptResources as Record<string, Manifest>;
    const entry = resources[copy.loaderConfig.entryModuleId];
    if (fault === 'broken-bundle' && entry && entry.type === 'path') entry.path = `missing-${entry.path}`;
    for (const r of Object.values(resources)) {
      if (fault === 'missing-string' && r.type === 'localizedPath' && r.paths && r.paths['nl-NL']) r.paths['nl-NL'] = MISSING_STRING + r.paths['nl-NL'];
      if (fault === 'externals' && r.type === 'component' && r.id === '0d910c1c-13b9-4e1c-9aa4-b008c5e42d7d') r.version = WRONG_REACT_VERSION;
    }
    return copy;
  });
}

/** A strings file (`define([], function () { return { Key: "…", … }; })`) without its first string. */
function withoutFirstString(js: string): string {
  return js.replace(/^(\s*)[A-Za-z_$][\w$]*\s*:\s*(["'`])(?:\\.|(?!\2)[^\\])*\2\s*,?[ \t]*\r?\n/m, '');
}

export function spfxHostRoutes(sitePathIn: string = '/sites/organisatiebeheersing'): (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => Promise<boolean> {
  const pagePrefix = `${sitePathIn.toLowerCase()}/sitepages/`;
  let modules: IHostModule[] | undefined;
  return async (req, res, url) => {
    const p = url.pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    let m = /^\/_spfx\/fx\/([\w-]+)\/([^/]+)$/.exec(p);
    if (m) {
      const f = frameworkFile(m[1], m[2]);
      if (!f) return false;
      sendFile(res, f);
      return true;
    }
    if (p.toLowerCase().indexOf(SOLUTION_ASSET_PATH.toLowerCase()) === 0) {
      // The package's files where SharePoint serves them (includeClientSideAssets), case-insensitive as SharePoint's paths.
      const name = p.slice(SOLUTION_ASSET_PATH.length);
      if (name.indexOf(MISSING_STRING) === 0) {
        const f = solutionFile(name.slice(MISSING_STRING.length));
        if (!f) return false;
        send(res, 200, 'text/javascript; charset=utf-8', withoutFirstString(fs.readFileSync(f, 'utf8')));
        return true;
      }
      const f = solutionFile(name);
      if (!f) return false;
      sendFile(res, f);
      return true;
    }
    m = /^\/_spfx\/host\/([^/]+)$/.exec(p);
    if (m) {
      modules = await buildHostModules();
      const mod = modules.filter((x) => x.file === (m as RegExpExecArray)[1])[0];
      if (!mod) return false;
      send(res, 200, 'text/javascript; charset=utf-8', mod.contents);
      return true;
    }
    if (p.toLowerCase().indexOf(pagePrefix) !== 0 || !/\.aspx$/i.test(p)) return false;
    const key = p.slice(pagePrefix.length).replace(/\.aspx$/i, '').toLowerCase();
    const def = PAGES[key];
    if (!def) return false;
    if (url.hostname === 'localhost') {
      // SPFx's loader takes the host name localhost for its local workbench (EnvironmentType.Local);
      // a SharePoint page runs as EnvironmentType.SharePoint, so the page moves to the loopback address.
      res.writeHead(302, { Location: `${url.protocol}//127.0.0.1:${url.port}${url.pathname}${url.search}`, 'Cache-Control': 'no-store' });
      res.end();
      return true;
    }
    const siteUrl = url.origin + sitePathIn;
    const q = url.searchParams;
    if (!hasSolutionBuild()) {
      send(
        res,
        503,
        'text/html; charset=utf-8',
        `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Geen build</title></head><body><main><h1>Geen gebouwd pakket / No build</h1>` +
          `<p>Deze pagina draait de bundels van <code>npm run build</code> (dist/). Voer eerst <code>npm run build</code> uit.</p>` +
          `<p>This page runs the bundles of <code>npm run build</code> (dist/). Run <code>npm run build</code> first.</p></main></body></html>`
      );
      return true;
    }
    const user = (q.get('user') || '').trim() || undefined;
    const locale = q.get('locale') === 'en-us' ? 'en-US' : 'nl-NL';
    const edit = (q.get('mode') || '').toLowerCase() === 'edit';
    modules = await buildHostModules();
    const solution = solutionManifests(url.origin);
    const idOf = (alias: Kind): string => {
      const found = solution.filter((s) => s.alias === alias)[0];
      return found ? String(found.id) : alias;
    };
    const fault = FAULTS.filter((f) => f === q.get('fault'))[0];
    const hostKind = q.get('host');
    const teams = hostKind === 'teams' || hostKind === 'teams-personal' ? { theme: q.get('theme') || 'default', subPageId: q.get('subPageId') || undefined, kind: hostKind === 'teams-personal' ? ('personal' as const) : ('channel' as const) } : undefined;
    const canvas: ICanvas = {
      mode: edit ? 'edit' : 'read',
      // The personal app opens on the tenant root with no settings: the web parts find the data site themselves.
      sections: def.sections(idOf, q, teams && teams.kind === 'personal' ? '' : siteUrl),
      ...(fault === 'oninit' || fault === 'render' ? { fault } : {}),
      ...(teams ? { teams } : {})
    };
    const facts = await pageFacts(siteUrl, user);
    const manifests = frameworkManifests(url.origin)
      .concat(assemblyManifests(url.origin))
      .concat(hostManifests(url.origin, modules))
      .concat(faulty(solution, fault));
    const withUser = (extra: Record<string, string>): string => {
      const u = new URLSearchParams(q);
      for (const [k, v] of Object.entries(extra)) if (v) u.set(k, v); else u.delete(k);
      const s = u.toString();
      return `${p}${s ? `?${s}` : ''}`;
    };
    const links = [
      { href: withUser({ mode: '' }), text: 'Weergeven', current: !edit },
      { href: withUser({ mode: 'edit' }), text: 'Bewerken', current: edit },
      ...Object.keys(PAGE_FILES).map((k) => ({ href: `${sitePathIn}/SitePages/${PAGE_FILES[k]}${user ? `?user=${encodeURIComponent(user)}` : ''}`, text: PAGES[k].title, current: k === key }))
    ];
    const html = sitePage({
      title: def.title,
      lang: locale === 'en-US' ? 'en' : 'nl',
      siteTitle: facts.web.title || 'Organisatiebeheersing',
      pageContext: legacyContext(siteUrl, facts, locale, p),
      canvas,
      manifests,
      applicationId: APP_COMPONENT.id,
      links
    });
    res.writeHead(200, {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      // The page's REST requests act as this user (as the workbench pages do); no ?user= is the server's default user.
      'Set-Cookie': user ? `localsp-user=${encodeURIComponent(user)}; Path=/; SameSite=Lax` : 'localsp-user=; Path=/; Max-Age=0; SameSite=Lax'
    });
    res.end(html);
    return true;
  };
}
