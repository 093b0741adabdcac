/**
 * The HTML of a local SharePoint page (`/sites/<site>/SitePages/<page>.aspx`) that starts SPFx
 * the way SharePoint's pages do: `_spPageContextInfo` in the page, the sp-loader assembly as
 * the first script, then `spModuleLoader.start(preloadedData, ...)` with the page's manifests.
 */
import { escapeHtml } from '../forms/urls';
import type { Manifest } from './manifests';

/** The fields of `_spPageContextInfo` SPFx reads (sp-loader's start, PageContext, PnPjs' SPFx behaviour). */
export interface ILegacyPageContext {
  webAbsoluteUrl: string;
  webServerRelativeUrl: string;
  webTitle: string;
  webId: string;
  webLanguage: number;
  webTemplate: string;
  webPermMasks: { High: number; Low: number };
  siteAbsoluteUrl: string;
  siteServerRelativeUrl: string;
  siteId: string;
  serverRequestPath: string;
  userLoginName: string;
  userDisplayName: string;
  userEmail: string;
  userPrincipalName: string;
  userId: number;
  aadTenantId: string;
  aadUserId: string;
  aadInstanceUrl: string;
  currentCultureName: string;
  currentUICultureName: string;
  CorrelationId: string;
  formDigestValue: string;
  formDigestTimeoutSeconds: number;
  serverTime: string;
  env: string;
  isAnonymousGuestUser: boolean;
  isExternalGuestUser: boolean;
  isEmailAuthenticationGuestUser: boolean;
  killSwitches: Record<string, boolean>;
  ExpFeatures: number[];
  [key: string]: unknown;
}

export interface ICanvasControl {
  kind: 'webpart' | 'ace';
  componentId: string;
  instanceId: string;
  title: string;
  properties: Record<string, unknown>;
}

export interface ICanvasColumn {
  /** Twelfths: 12 = one column, 4 = one-third, 8 = two-thirds. */
  width: number;
  controls: ICanvasControl[];
}

export interface ICanvasSection {
  layout: 'one-column' | 'one-third-left' | 'dashboard';
  columns: ICanvasColumn[];
}

export interface ICanvas {
  mode: 'read' | 'edit';
  /**
   * `?host=teams`: the page is a Teams tab; the web parts get `context.sdks.microsoftTeams` with a
   * teams-js stand-in (pageApp.ts) whose context has this theme, and the frame's buttons change it live.
   */
  teams?: {
    theme: string;
    /** `?subPageId=`: the sub entity of the deep link that opened the tab (a domain key). */
    subPageId?: string;
    /** `?host=teams-personal`: the personal app (no team or channel in its context). */
    kind?: 'channel' | 'personal';
  };
  /**
   * Tests only: `oninit`, the web parts' theme service throws, so their onInit fails; `render`,
   * react-dom's render throws inside the web parts' render (pageApp.ts).
   */
  fault?: 'oninit' | 'render';
  sections: ICanvasSection[];
}

/** JSON inside a <script>: '<' escaped so no value can close the script element. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c');
}

const CSS = `
  html, body { margin: 0; padding: 0; font-family: 'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif; }
  .sp-suitebar { display: flex; gap: 12px; align-items: center; padding: 6px 16px; font-size: 13px; background: #1b1a19; color: #fff; }
  .sp-suitebar a { color: #fff; }
  #sp-site-header { padding: 16px 32px; font-size: 24px; font-weight: 600; border-bottom: 1px solid #edebe9; }
  #spPageCanvasContent { padding: 0 0 32px; }
  .CanvasZone { display: grid; gap: 24px; padding: 24px 32px; }
  .CanvasZone--one-column { grid-template-columns: 1fr; }
  .CanvasZone--one-third-left { grid-template-columns: 1fr 2fr; }
  .CanvasZone--dashboard { grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); background: #f5f5f5; }
  .ControlZone-toolbar:empty { display: none; }
  .ControlZone-toolbar { margin-bottom: 4px; }
  .ControlZone { min-width: 0; }
  .ace-card, .ace-quickview { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.25); margin-bottom: 16px; overflow: hidden; }
  .ace-quickview:empty { display: none; }
  .ace-card { padding: 16px; max-width: 340px; }
  .ace-cardbar { font-weight: 600; margin-bottom: 8px; }
  .ace-header { font-size: 18px; font-weight: 600; margin: 0 0 4px; }
  .ace-body { margin: 0 0 12px; color: #424242; }
  .ace-button { font: inherit; font-weight: 600; padding: 5px 12px; border-radius: 4px; border: 1px solid #0f6cbd; background: #0f6cbd; color: #fff; cursor: pointer; }
  /* SharePoint's page frame: the property pane opens in its own container at the right. */
  #spPropertyPaneContainerNoFlexbox { position: fixed; top: 0; right: 0; bottom: 0; z-index: 10; background: #fff; box-shadow: -2px 0 8px rgba(0,0,0,.2); overflow: auto; }
  #spPropertyPaneContainerNoFlexbox:empty { display: none; }
  @media (max-width: 800px) { .CanvasZone--one-third-left { grid-template-columns: 1fr; } }
`;

export interface ISitePageOptions {
  title: string;
  lang: string;
  siteTitle: string;
  pageContext: ILegacyPageContext;
  canvas: ICanvas;
  manifests: Manifest[];
  applicationId: string;
  /** Links of the bar above the page (display/edit, other pages). */
  links: { href: string; text: string; current?: boolean }[];
}

export function sitePage(o: ISitePageOptions): string {
  const links = o.links.map((l) => `<a href="${escapeHtml(l.href)}"${l.current ? ' aria-current="page"' : ''}>${escapeHtml(l.text)}</a>`).join(' ');
  const preloaded = { clientSideApplicationId: o.applicationId, spPageContextInfo: o.pageContext, buildNumber: 'localsp', manifests: o.manifests };
  return `<!doctype html>
<html lang="${escapeHtml(o.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
<style>${CSS}</style>
</head>
<body>
<nav class="sp-suitebar" aria-label="SharePoint (lokaal)"><strong>SharePoint (lokaal, gebouwd pakket)</strong> ${links}</nav>
<div id="spPageChromeAppDiv">
<header id="sp-site-header"><span id="sp-site-title">${escapeHtml(o.siteTitle)}</span></header>
${o.canvas.teams ? `<div id="teams-bar" role="toolbar" aria-label="Teams-thema"><span>Teams-tabblad, live themawissel:</span> ${['default', 'dark', 'contrast'].map((t) => `<button type="button" data-teams-theme="${t}">${t}</button>`).join(' ')}</div>` : ''}
<main id="spPageCanvasContent" aria-label="${escapeHtml(o.title)}"></main>
</div>
<div id="spPropertyPaneContainerNoFlexbox"></div>
<script type="application/json" id="localsp-canvas">${scriptJson(o.canvas)}</script>
<script>var _spPageContextInfo = ${scriptJson(o.pageContext)};</script>
<script src="/_spfx/fx/sp-loader/sp-loader-assembly_en-us.js"></script>
<script>
  (function () {
    var preloaded = ${scriptJson(preloaded)};
    preloaded.spPageContextInfo = window._spPageContextInfo;
    // SharePoint's telemetry backend (sp-telemetry's 1DS chunks) is not on npm: real-time telemetry
    // stays off, as SPFx itself does when its debug loader takes over (_SPStarter._isTelemetryDisabled).
    window.spModuleLoader._isTelemetryDisabled = true;
    window.spModuleLoader.start(preloaded, document.getElementById('spPageChromeAppDiv'), {}).catch(function (e) {
      document.body.setAttribute('data-spfx-app', 'failed');
      console.error(e);
    });
  })();
</script>
</body>
</html>`;
}
