/** HTML shells of the local workbench pages. Each loads the bundled real components. */
import { escapeHtml } from '../forms/urls';

export interface IWorkbenchConfig {
  page: 'domain-cards' | 'teams' | 'summary' | 'audits' | 'teams-audits' | 'teams-personal' | 'card' | 'maturity' | 'teams-maturity';
  /** Maturity: the round to open (`?round=<id>`). */
  round?: number;
  siteUrl: string;
  theme?: string;
  section?: string;
  locale?: string;
  year?: number;
  domain?: string;
  width?: string;
  /** The web parts' page settings ("Pagina met de domeinkaarten", "... auditopvolging"), as an editor would fill them in. */
  cardsUrl?: string;
  auditsUrl?: string;
  /** Audits: first view ('mine' = the Teams personal app's first screen). */
  view?: string;
  /** `?user=<login>`: the local user the page's requests act as (header X-LocalSP-User); absent = the server's default. */
  user?: string;
  /** The form digest the page carries, as SharePoint pages do (legacyPageContext). */
  digest?: { formDigestValue: string; formDigestTimeoutSeconds: number };
}


/** JSON inside a <script>: '<' escaped so no value can close the script element. */
function scriptJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c');
}

const BASE_CSS = `
  html, body { margin: 0; padding: 0; font-family: 'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, Roboto, 'Helvetica Neue', sans-serif; }
  a { color: inherit; }
  .wb-bar { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; padding: 6px 16px; font-size: 13px; background: #1b1a19; color: #fff; }
  .wb-bar a { color: #fff; }
  .wb-bar a[aria-current="true"] { font-weight: 700; text-decoration: underline; }
  .wb-bar .wb-label { opacity: .8; }
`;

function switcher(label: string, param: string, values: string[], current: string, base: URL): string {
  const links = values
    .map((v) => {
      const u = new URL(base.toString());
      u.searchParams.set(param, v);
      return `<a href="${escapeHtml(u.pathname + u.search)}" aria-current="${v === current}">${escapeHtml(v)}</a>`;
    })
    .join(' ');
  return `<span class="wb-label">${escapeHtml(label)}:</span> ${links}`;
}

function shell(title: string, body: string, cfg: IWorkbenchConfig, lang: string, script: string = '/workbench/app.js'): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${BASE_CSS}</style>
</head>
<body>
${body}
<script>window.__WORKBENCH__ = ${scriptJson(cfg)};</script>
<script src="${escapeHtml(script)}"></script>
</body>
</html>`;
}

/** Viva Connections dashboard stand-in: the card and its quick view, light and dark. */
function cardPage(cfg: IWorkbenchConfig, url: URL, lang: string, locale: string): string {
  const column = (theme: 'light' | 'dark', label: string): string => `
  <section class="dash dash-${theme}" aria-label="${escapeHtml(label)}">
    <h2>${escapeHtml(label)}</h2>
    <div class="ace-card" id="card-${theme}" role="region" aria-label="${escapeHtml(label)}: kaart"></div>
    <div class="ace-quickview" id="quickview-${theme}" role="region" aria-label="${escapeHtml(label)}: snelle weergave" tabindex="-1"></div>
  </section>`;
  const body = `
<div class="wb-bar" role="navigation" aria-label="Workbench">
  <strong>Viva Connections-dashboard (lokaal)</strong>
  ${locale}
  <a href="/">Overzicht</a>
</div>
<main id="dashboard">
${column('light', 'Licht thema')}
${column('dark', 'Donker thema')}
</main>
<style>
  #dashboard { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: 0; }
  .dash { padding: 24px; }
  .dash h2 { font-size: 16px; margin: 0 0 12px; }
  .dash-light { background: #f5f5f5; color: #242424; }
  .dash-dark { background: #1f1f1f; color: #ffffff; }
  .ace-card, .ace-quickview { border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.25); margin-bottom: 16px; overflow: hidden; }
  .ace-card { max-width: 340px; min-height: 140px; }
  .ace-card .ac-adaptiveCard, .ace-quickview .ac-adaptiveCard { padding: 16px !important; }
  .ac-pushButton { font: inherit; font-weight: 600; padding: 5px 12px; border-radius: 4px; cursor: pointer; border: 1px solid; }
  .dash-light .ac-pushButton { background: #0f6cbd; color: #ffffff; border-color: #0f6cbd; }
  .dash-dark .ac-pushButton { background: #479ef5; color: #000000; border-color: #479ef5; }
  .ac-pushButton:focus-visible { outline: 2px solid currentColor; outline-offset: 2px; }
  .dash-dark .ac-pushButton:focus-visible { outline-color: #ffffff; }
  .dash-light .ac-pushButton:focus-visible { outline-color: #242424; }
</style>`;
  return shell('Organisatiebeheersing – Viva Connections-kaart', body, cfg, lang, '/workbench/card.js');
}

export function workbenchPage(cfg: IWorkbenchConfig, url: URL): string {
  const lang = cfg.locale === 'en-us' ? 'en' : 'nl';
  const locale = switcher('Taal', 'locale', ['nl-nl', 'en-us'], cfg.locale || 'nl-nl', url);
  if (cfg.page === 'card') return cardPage(cfg, url, lang, locale);
  if (cfg.page === 'teams' || cfg.page === 'teams-audits' || cfg.page === 'teams-personal' || cfg.page === 'teams-maturity') {
    const tabNames: Record<string, string> = { teams: 'Domeinkaarten', 'teams-audits': 'Auditopvolging', 'teams-personal': 'Mijn acties', 'teams-maturity': 'Maturiteitsinschatting' };
    const tabName = tabNames[cfg.page];
    const body = `
<div class="wb-bar" role="navigation" aria-label="Workbench">
  <strong>Teams-tabblad (lokaal)</strong>
  ${switcher('Thema', 'theme', ['default', 'dark', 'contrast'], cfg.theme || 'default', url)}
  ${switcher('Breedte', 'width', ['desktop', 'mobile'], cfg.width || 'desktop', url)}
  ${locale}
  <span class="wb-label">Live themawissel:</span>
  <button type="button" data-teams-theme="default">default</button>
  <button type="button" data-teams-theme="dark">dark</button>
  <button type="button" data-teams-theme="contrast">contrast</button>
</div>
<div id="teams-frame" data-theme="${escapeHtml(cfg.theme || 'default')}">
  <header id="teams-tabs"><span id="teams-app-name">Organisatiebeheersing</span> <span id="teams-tab">${tabName}</span></header>
  <main id="root" class="${cfg.width === 'mobile' ? 'mobile' : ''}"></main>
</div>
<style>
  #teams-frame { min-height: 100vh; }
  #teams-tabs { display: flex; gap: 16px; align-items: center; padding: 10px 20px; font-weight: 600; border-bottom: 1px solid rgba(128,128,128,.4); }
  #teams-tab { border-bottom: 3px solid currentColor; padding-bottom: 4px; font-weight: 400; }
  #root { padding: 16px 20px; }
  #root.mobile { max-width: 360px; padding: 8px; }
</style>`;
    return shell(`${tabName} – Teams`, body, cfg, lang);
  }
  const section = cfg.section || 'none';
  const title =
    cfg.page === 'summary'
      ? 'Startpagina – Organisatiebeheersing in één oogopslag'
      : cfg.page === 'audits'
        ? 'Auditopvolging'
        : cfg.page === 'maturity'
          ? 'Maturiteitsinschatting'
          : 'Domeinkaarten';
  const layout =
    cfg.page === 'summary'
      ? `<div id="sp-columns"><section id="sp-section" data-section="${escapeHtml(section)}" class="one-third"><div id="root"></div></section>
         <div class="sp-other" aria-hidden="true"><h2>Nieuws</h2><p>Andere webonderdelen van de startpagina.</p></div></div>
         <section class="full" data-section="${escapeHtml(section)}" id="sp-section-full"><div id="root-full"></div></section>`
      : `<section id="sp-section" data-section="${escapeHtml(section)}"><div id="root"></div></section>`;
  const body = `
<div class="wb-bar" role="navigation" aria-label="Workbench">
  <strong>SharePoint-pagina (lokaal)</strong>
  ${switcher('Sectieachtergrond', 'section', ['none', 'neutral', 'soft', 'strong'], section, url)}
  ${locale}
  <a href="/">Overzicht</a>
</div>
<header id="sp-site-header"><span id="sp-site-title">Organisatiebeheersing</span></header>
${layout}
<style>
  #sp-site-header { padding: 16px 32px; font-size: 24px; font-weight: 600; border-bottom: 1px solid #edebe9; }
  #sp-section { padding: 24px 32px; }
  #sp-columns { display: grid; grid-template-columns: minmax(280px, 1fr) 2fr; gap: 24px; padding: 24px 32px; }
  #sp-columns #sp-section { padding: 16px; }
  .full { padding: 24px 32px; }
  .sp-other { color: #605e5c; }
  @media (max-width: 800px) { #sp-columns { grid-template-columns: 1fr; } }
</style>`;
  return shell(title, body, cfg, lang);
}

export function indexPage(baseUrl: string, siteUrl: string, lists: { title: string; url: string }[]): string {
  const sitePath = new URL(siteUrl).pathname;
  const item = (href: string, text: string): string => `<li><a href="${escapeHtml(href)}">${escapeHtml(text)}</a></li>`;
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Organisatiebeheersing – lokale site</title>
<style>${BASE_CSS} main { padding: 24px 32px; max-width: 900px; } code { background: #f3f2f1; padding: 1px 4px; }</style></head>
<body><main>
<h1>Organisatiebeheersing – lokale site</h1>
<p>Lokale SharePoint-compatibele site <code>${escapeHtml(siteUrl)}</code> met de gegevens van het voortgangsrapport 2022.</p>
<h2>Webonderdelen</h2>
<ul>
${item('/workbench/domain-cards', 'Domeinkaarten op een SharePoint-pagina')}
${item('/teams/domain-cards?theme=default', 'Domeinkaarten in een Teams-tabblad (default)')}
${item('/teams/domain-cards?theme=dark', 'Domeinkaarten in een Teams-tabblad (dark)')}
${item('/teams/domain-cards?theme=contrast', 'Domeinkaarten in een Teams-tabblad (contrast)')}
${item('/workbench/summary', 'Startpaginawidget: organisatiebeheersing in één oogopslag')}
${item('/workbench/audits', 'Auditopvolging op een SharePoint-pagina')}
${item('/teams/audits?theme=default', 'Auditopvolging in een Teams-tabblad (default)')}
${item('/teams/audits?theme=dark', 'Auditopvolging in een Teams-tabblad (dark)')}
${item('/teams/audits?theme=contrast', 'Auditopvolging in een Teams-tabblad (contrast)')}
${item('/teams/audits?view=mine', 'Mijn acties (eerste scherm van de persoonlijke Teams-app)')}
${item('/teams/personal', 'Persoonlijke Teams-app: opent op de tenant-root en vindt de gegevenssite via de tenant-eigenschap')}
${item('/workbench/maturity', 'Maturiteitsinschatting op een SharePoint-pagina')}
${item('/teams/maturity?theme=default', 'Maturiteitsinschatting in een Teams-tabblad (default)')}
${item('/teams/maturity?theme=dark', 'Maturiteitsinschatting in een Teams-tabblad (dark)')}
${item('/teams/maturity?theme=contrast', 'Maturiteitsinschatting in een Teams-tabblad (contrast)')}
${item('/workbench/card', 'Viva Connections-kaart en snelle weergave (licht en donker)')}
</ul>
<h2>Gebouwd pakket (SPFx-runtime, na <code>npm run build</code>)</h2>
<ul>
${['Domeinkaarten', 'Startpagina', 'Auditopvolging', 'Maturiteit', 'Dashboard'].map((p) => item(`${sitePath}/SitePages/${p}.aspx`, `${p}.aspx`)).join('\n')}
</ul>
<h2>Lijsten</h2>
<ul>
${lists.map((l) => item(`${sitePath}/${l.url}/${l.url.indexOf('Lists/') === 0 ? 'AllItems.aspx' : 'Forms/AllItems.aspx'}`, l.title)).join('\n')}
</ul>
<h2>REST API</h2>
<ul>
${item(`${sitePath}/_api/web/lists/getByTitle('Risicos')/items`, "/_api/web/lists/getByTitle('Risicos')/items")}
</ul>
<p>${escapeHtml(baseUrl)}</p>
</main></body></html>`;
}

export function closedPage(): string {
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Opgeslagen</title></head>
<body><p>Opgeslagen. U kunt dit venster sluiten. / Saved. You can close this window.</p>
<script>if (window.opener) { window.close(); }</script></body></html>`;
}
