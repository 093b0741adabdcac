/**
 * The main scenarios, the host's faults and Teams on the shipped bundles: the local SharePoint
 * pages of dev/spfx-host run what `npm run build` put in dist/ through SPFx's own runtime
 * (sp-loader, sp-webpart-base, sp-property-pane, sp-adaptive-card-extension-base). Selectors
 * are roles, labels and the solution's loc strings. Needs `npm run build` first; skipped without it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vm from 'vm';
import { Browser, Page } from 'playwright-core';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { createLocalServer } from '../../dev/server/index';
import { recordDataSite, seedIfNew } from '../../dev/start';
import { spfxHostRoutes } from '../../dev/spfx-host/routes';
import { buildHostModules } from '../../dev/spfx-host/build';
import { hasSolutionBuild, SOLUTION_ASSET_PATH } from '../../dev/spfx-host/manifests';
import { createNodeRepository, createSp } from '../../tools/data/node';
import { launchBrowser } from './harness';
import { DOMAIN_TITLES_2022 } from '../helpers/seedData';

const built = hasSolutionBuild();
if (!built) {
  // eslint-disable-next-line no-console
  console.warn('tests/e2e/shippedScenarios.test.ts skipped: dist/ has no ship build. Run `npm run build` first (CI does).');
}
const describeBuilt = built ? describe : describe.skip;

const SITE = '/sites/organisatiebeheersing';
const CARDS_ID = '5b0c6b8e-1d5e-4c3f-9a51-0a4f0c8e1d01';
const ROOT = path.resolve(__dirname, '../..');

interface IOpened {
  page: Page;
  requests: { url: string; method: string }[];
  responses: { url: string; status: number; body?: string }[];
  console: string[];
}

/** The keys a web part's mystrings.d.ts declares (what its code may read). */
function declaredStrings(dts: string): string[] {
  return Array.from(fs.readFileSync(path.join(ROOT, dts), 'utf8').matchAll(/^\s*([A-Za-z_$][\w$]*)\s*:\s*string;/gm)).map((m) => m[1]);
}

/** Runs a shipped strings file (`define([], function () { return {...}; })`) and returns its object. */
function stringsOf(js: string): Record<string, unknown> {
  let out: Record<string, unknown> = {};
  vm.runInNewContext(js, { define: (_deps: unknown, f: () => Record<string, unknown>) => (out = f()) });
  return out;
}

/** Declared keys that the strings file the page loaded lacks or leaves empty. */
function missingStrings(declared: string[], loaded: Record<string, unknown>): string[] {
  return declared.filter((k) => typeof loaded[k] !== 'string' || !(loaded[k] as string).trim());
}

describeBuilt('the shipped bundles on local SharePoint pages: scenarios, faults, Teams', () => {
  let browser: Browser;
  let url: string;
  let siteUrl: string;
  let stop: () => Promise<void>;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgb-shipped-s-'));
    const [b, , srv] = await Promise.all([
      launchBrowser(),
      buildHostModules(),
      createLocalServer({ port: 0, dataDir, controlTeamGroup: false, extraRoutes: spfxHostRoutes() })
    ]);
    browser = b;
    await seedIfNew(srv.siteUrl, dataDir, () => undefined);
    await recordDataSite(srv);
    url = srv.url.replace('//localhost:', '//127.0.0.1:');
    siteUrl = srv.siteUrl;
    stop = () => srv.close();
  }, 300000);

  afterAll(async () => {
    await browser?.close();
    await stop?.();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(pagePath: string, ready: string = '[data-status="rendered"], [data-status="error"]', base: string = url): Promise<IOpened> {
    const page = await (await browser.newContext()).newPage();
    const opened: IOpened = { page, requests: [], responses: [], console: [] };
    page.on('request', (r) => opened.requests.push({ url: r.url(), method: r.method() }));
    page.on('response', (r) => {
      const entry: IOpened['responses'][number] = { url: r.url(), status: r.status() };
      opened.responses.push(entry);
      if (/Strings_[\w-]+\.js$/.test(new URL(r.url()).pathname)) r.text().then((t) => (entry.body = t), () => undefined);
    });
    page.on('console', (m) => opened.console.push(`${m.type()}: ${m.text()}`));
    await page.goto(`${base}${SITE}/SitePages/${pagePath}`, { timeout: 120000 });
    await page.locator(ready).first().waitFor({ timeout: 120000 });
    return opened;
  }

  const cards = (p: Page) => p.getByRole('region', { name: DOMAIN_TITLES_2022[0] });
  const acties = () => createSp(siteUrl).web.lists.getByTitle('Acties');

  describe('main scenarios', () => {
    it("a domain card's item opens its detail panel (a dialog with the item, its history and the edit actions)", async () => {
      const { page } = await open('Domeinkaarten.aspx');
      // A realisation of the first card (its quadrant is named by the heading "Realisaties").
      const item = cards(page).locator('[data-quadrant$="-realisations"] li[data-item-id]').first();
      await item.waitFor({ timeout: 60000 });
      const title = ((await item.getByRole('button').first().textContent()) || '').trim();
      await item.getByRole('button').first().click();
      // Fluent's Panel (a dialog): the item, who changed it last, SharePoint's version history, "Bewerken".
      const history = page.getByRole('dialog').getByText(/Laatst gewijzigd door .+ op/);
      await history.waitFor({ timeout: 30000 });
      const panel = history.locator('xpath=ancestor::*[@role="dialog"][1]');
      expect(await panel.textContent()).toContain(title.slice(0, 15));
      expect(await panel.getByText('Bewerken', { exact: true }).count()).toBe(1);
      expect(await panel.getByRole('link', { name: /Versiegeschiedenis/ }).getAttribute('href')).toMatch(/\/_layouts\/15\/Versions\.aspx\?list=%7B[0-9a-f-]{36}%7D&ID=\d+$/);
      await page.keyboard.press('Escape');
      await history.waitFor({ state: 'hidden', timeout: 30000 });
      await page.close();
    });

    it('doorschuiven: a planned action moves to the realisations and the list item changes on the server', async () => {
      const { page } = await open('Domeinkaarten.aspx');
      const planned = (await acties().items.select('Id', 'Title', 'ActieStatus', 'JaarGerealiseerd', 'JaarGepland').top(5000)()).filter(
        (a: { ActieStatus: string; JaarGepland: number | null }) => a.ActieStatus === 'Gepland' && a.JaarGepland === 2023
      );
      const card = cards(page);
      await card.waitFor({ timeout: 60000 });
      const row = card.locator('li[data-item-id]').filter({ has: page.getByRole('button') }).filter({ hasText: /\S/ });
      // The first planned item of the first card that the server says is planned.
      const ids = await row.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-item-id'))));
      const target = planned.filter((a: { Id: number }) => ids.indexOf(a.Id) >= 0)[0] as { Id: number; Title: string };
      expect(target).toBeDefined();
      await card.locator(`li[data-item-id="${target.Id}"]`).first().getByRole('button').first().click();
      await page.getByRole('dialog').getByRole('button', { name: 'Doorschuiven naar realisaties' }).click();
      // The confirmation names the year it is realised in ("… wordt geregistreerd als gerealiseerd in <year> …").
      const confirm = page.getByText(/wordt geregistreerd als gerealiseerd in \d{4}/);
      await confirm.waitFor({ timeout: 30000 });
      const year = Number((/gerealiseerd in (\d{4})/.exec((await confirm.textContent()) || '') as RegExpExecArray)[1]);
      await page.getByRole('button', { name: 'Doorschuiven', exact: true }).click();
      await page.getByText(`'${target.Title}' staat nu bij de realisaties van ${year}.`).first().waitFor({ timeout: 60000 });
      const after = await acties().items.getById(target.Id).select('ActieStatus', 'JaarGerealiseerd')();
      expect(after.ActieStatus).toBe('Gerealiseerd');
      expect(after.JaarGerealiseerd).toBe(year);
      await page.close();
      // The cards of that year show it among the realisations, read fresh from the server.
      const later = await open(`Domeinkaarten.aspx?year=${year}`);
      await cards(later.page).locator(`[data-quadrant$="-realisations"] li[data-item-id="${target.Id}"]`).first().waitFor({ timeout: 60000 });
      await later.page.close();
    });

    it("'Definitief maken' (control team): the report chunk loads from the package's ClientSideAssets folder and the three files land in Rapporten", async () => {
      const { page, requests } = await open('Domeinkaarten.aspx?user=pieter');
      await cards(page).waitFor({ timeout: 60000 });
      await page.getByRole('button', { name: 'Definitief maken' }).click();
      const dialog = page.getByRole('dialog');
      await dialog.getByRole('table').waitFor({ timeout: 60000 });
      expect(await dialog.textContent()).toContain('Rapportjaar: 2022');
      await dialog.getByRole('button', { name: 'Definitief maken' }).click();
      await page.getByText('Het rapport 2022 is definitief bewaard.').waitFor({ timeout: 120000 });
      // The lazy chunk came from the same folder as the bundle: the app catalog site's ClientSideAssets/<solution id>/.
      const chunk = requests.map((r) => new URL(r.url)).filter((u) => /\/chunk\.report_[0-9a-f]+\.js$/.test(u.pathname));
      expect(chunk.length).toBeGreaterThan(0);
      expect(chunk.every((u) => u.pathname.indexOf(SOLUTION_ASSET_PATH) === 0)).toBe(true);
      const stored = await createNodeRepository(siteUrl, undefined, 'pieter').getStoredReports();
      expect(stored.filter((r) => r.year === 2022).map((r) => r.format).sort()).toEqual(['Gegevens', 'PowerPoint', 'Word']);
      await page.close();
    });

    it('maturity: a rater (sofie) scores a theme and the score is stored on the server as hers', async () => {
      const { page } = await open('Maturiteit.aspx?user=sofie');
      const unit = page.locator('[data-unit^="t:"]').first();
      await unit.waitFor({ timeout: 60000 });
      // Level 3 carries the leidraad's label ("3 – Gedefinieerd"); one "Bewaren" saves all of the rater's scores.
      await unit.getByRole('radio', { name: /^3 – / }).check({ force: true });
      await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
      await page.getByText(/^Score 3 bewaard voor \S.*\.$/).waitFor({ timeout: 60000 });
      const scores = await createSp(siteUrl).web.lists.getByTitle('MaturiteitScores').items.select('BeoordelaarId', 'Score').top(100)();
      // Sofie is local user 9 (dev/server/directory.ts).
      expect(scores.filter((s: { BeoordelaarId: number; Score: number }) => s.BeoordelaarId === 9 && s.Score === 3)).toHaveLength(1);
      await page.close();
    });

    it("the audits page: an audit's details open with its findings", async () => {
      const { page } = await open('Auditopvolging.aspx');
      const details = page.getByRole('button', { name: 'Details van Audit informatiebeheer' });
      await details.waitFor({ timeout: 60000 });
      await details.click();
      const panel = page.getByRole('dialog');
      await panel.getByRole('heading', { name: 'Audit informatiebeheer' }).first().waitFor({ timeout: 30000 });
      expect(await panel.textContent()).toMatch(/Aanbevelingen/);
      await page.close();
    });

    it("the widget: a domain's link opens the cards page on that domain", async () => {
      const { page } = await open('Startpagina.aspx');
      const link = page.getByRole('link', { name: `${DOMAIN_TITLES_2022[6]}: domeinkaart openen` }).first();
      await link.waitFor({ timeout: 60000 });
      // "Pagina met de domeinkaarten" is set: the link leads to that page with the domain (it opens in a new tab).
      const href = (await link.getAttribute('href')) || '';
      expect(href).toMatch(/^\/sites\/organisatiebeheersing\/SitePages\/Domeinkaarten\.aspx\?domein=[\w-]+#domein-[\w-]+$/);
      await page.goto(new URL(href, page.url()).href);
      const region = page.getByRole('region', { name: DOMAIN_TITLES_2022[6] });
      await region.waitFor({ timeout: 120000 });
      // The deep link brings the requested card into focus.
      await page.waitForFunction((name) => {
        const el = document.activeElement;
        const section = el && el.closest('section[aria-labelledby]');
        return !!section && (section.textContent || '').indexOf(name) >= 0;
      }, DOMAIN_TITLES_2022[6], { timeout: 60000 });
      await page.close();
    });

    it("the Viva card: card view figures, the quick view with the 7 domains, and a domain link to the cards page", async () => {
      const { page } = await open('Dashboard.aspx');
      const card = page.getByRole('region', { name: 'Organisatiebeheersing' });
      await card.getByText("27 open hoge risico's").waitFor({ timeout: 60000 });
      await card.getByRole('button', { name: 'Per domein' }).click();
      const quick = page.getByText('Organisatiebeheersing 2022 per domein');
      await quick.waitFor({ timeout: 30000 });
      const text = (await page.locator('#spPageCanvasContent').textContent()) || '';
      for (const t of DOMAIN_TITLES_2022) expect(text).toContain(t);
      // One "Open domeinkaart" per domain, in domain order (its tooltip names the domain).
      const open7 = page.getByRole('link', { name: 'Open domeinkaart', exact: true });
      expect(await open7.count()).toBe(7);
      await open7.nth(6).click();
      await page.waitForURL(/\/SitePages\/Domeinkaarten\.aspx\?domein=/, { timeout: 60000 });
      await page.getByRole('region', { name: DOMAIN_TITLES_2022[6] }).waitFor({ timeout: 120000 });
      await page.close();
    });
  });

  describe("the host's faults show SPFx's own error, and the detectors see them", () => {
    async function spfxError(pageQuery: string): Promise<{ opened: IOpened; zone: string; error: string }> {
      const opened = await open(`Domeinkaarten.aspx?${pageQuery}`, '[data-status="error"]');
      const zone = opened.page.locator(`[data-sp-instance="${CARDS_ID}"]`);
      return { opened, zone: (await zone.textContent()) || '', error: (await zone.locator('[data-error]').getAttribute('data-error').catch(() => null)) || '' };
    }

    it('?fault=broken-bundle: the bundle is missing (404) and SPFx shows "Something went wrong" in its place, not a blank page', async () => {
      const { opened, zone, error } = await spfxError('fault=broken-bundle');
      expect(zone).toContain('Something went wrong');
      expect(zone).toContain('Technical Details');
      // Which fault: the loader could not load the entry bundle (a 404 on the package's asset path).
      expect(opened.responses.filter((r) => r.status === 404 && new URL(r.url).pathname.indexOf(`${SOLUTION_ASSET_PATH}missing-domain-cards-web-part_`) === 0).length).toBeGreaterThan(0);
      expect(error.length).toBeGreaterThan(0);
      expect(opened.console.filter((c) => /Could not load domain-cards-web-part in require/.test(c)).length).toBeGreaterThan(0);
      expect(await opened.page.locator('#sp-site-title').textContent()).toBe('Organisatiebeheersing');
      await opened.page.close();
    });

    it("?fault=render: a throw in the web part's render() shows SPFx's error with the message and the web part's call stack", async () => {
      const { opened, zone } = await spfxError('fault=render');
      expect(zone).toContain('Something went wrong');
      expect(zone).toContain('Fout in render (testfout)');
      // The stack names the shipped bundle's render, called by SPFx's web part base.
      expect(zone).toMatch(/domain-cards-web-part_[0-9a-f]+\.js/);
      expect(zone).toContain('_renderWithAccessibleTitle');
      expect(await opened.page.getByRole('region', { name: DOMAIN_TITLES_2022[0] }).count()).toBe(0);
      await opened.page.close();
    });

    it('every declared loc string is in the Dutch strings file the page loaded, and the check fails on ?fault=missing-string', async () => {
      const declared = declaredStrings('src/webparts/domainCards/loc/mystrings.d.ts');
      const loaded = async (query: string): Promise<string[]> => {
        const opened = await open(`Domeinkaarten.aspx${query}`);
        await opened.page.getByRole('region', { name: DOMAIN_TITLES_2022[0] }).waitFor({ timeout: 60000 });
        const file = opened.responses.filter((r) => /DomainCardsWebPartStrings_nl-nl_[0-9a-f]+\.js$/.test(new URL(r.url).pathname))[0];
        expect(file).toBeDefined();
        await opened.page.waitForFunction(() => true);
        for (let i = 0; i < 50 && file.body === undefined; i++) await new Promise((r) => setTimeout(r, 100));
        // What the web part shows never reads "undefined" (a string the code reads but the file lacks).
        const text = (await opened.page.locator(`[data-sp-instance="${CARDS_ID}"]`).textContent()) || '';
        await opened.page.close();
        return missingStrings(declared, stringsOf(file.body || '')).concat(/\bundefined\b/.test(text) ? ['"undefined" on the page'] : []);
      };
      expect(declared.length).toBeGreaterThan(50);
      expect(await loaded('')).toEqual([]);
      // The same check on a strings file without its first string names that string.
      expect(await loaded('?fault=missing-string')).toEqual([declared[0]]);
    });

    it('the widget, the audits page, maturity and the Viva card also load a Dutch strings file with every declared string', async () => {
      const parts: Array<[string, string, RegExp]> = [
        ['Startpagina.aspx', 'src/webparts/summary/loc/mystrings.d.ts', /SummaryWebPartStrings_nl-nl_[0-9a-f]+\.js$/],
        ['Auditopvolging.aspx', 'src/webparts/auditFollowUp/loc/mystrings.d.ts', /AuditFollowUpWebPartStrings_nl-nl_[0-9a-f]+\.js$/],
        ['Maturiteit.aspx', 'src/webparts/maturity/loc/mystrings.d.ts', /MaturityWebPartStrings_nl-nl_[0-9a-f]+\.js$/],
        ['Dashboard.aspx', 'src/adaptiveCardExtensions/orgSummary/loc/mystrings.d.ts', /OrgSummaryAdaptiveCardExtensionStrings_nl-nl_[0-9a-f]+\.js$/]
      ];
      for (const [pagePath, dts, file] of parts) {
        const declared = declaredStrings(dts);
        const opened = await open(pagePath);
        await opened.page.waitForLoadState('networkidle');
        const loaded = opened.responses.filter((r) => file.test(new URL(r.url).pathname))[0];
        for (let i = 0; i < 50 && loaded && loaded.body === undefined; i++) await new Promise((r) => setTimeout(r, 100));
        const text = (await opened.page.locator('body').textContent()) || '';
        await opened.page.close();
        expect({ pagePath, loaded: !!loaded, missing: loaded ? missingStrings(declared, stringsOf(loaded.body || '')) : declared, undefinedShown: /\bundefined\b/.test(text) }).toEqual({
          pagePath,
          loaded: true,
          missing: [],
          undefinedShown: false
        });
      }
    });

    it("every component the shipped manifests depend on is one SharePoint's page serves; ?fault=externals (React 16) makes SPFx ask the server and fail", async () => {
      const unknownComponents = (o: IOpened): string[] => o.requests.filter((r) => /\/_api\/web\/GetClientSideComponents/i.test(r.url)).map((r) => r.url);
      for (const pagePath of ['Domeinkaarten.aspx', 'Startpagina.aspx', 'Auditopvolging.aspx', 'Maturiteit.aspx', 'Dashboard.aspx']) {
        const opened = await open(pagePath);
        await opened.page.waitForLoadState('networkidle');
        expect({ pagePath, unknown: unknownComponents(opened), notShimmed: opened.console.filter((c) => c.indexOf('is not shimmed') >= 0) }).toEqual({ pagePath, unknown: [], notShimmed: [] });
        expect(await opened.page.locator('[data-status="error"]').count()).toBe(0);
        await opened.page.close();
      }
      const { opened, zone, error } = await spfxError('fault=externals');
      expect(unknownComponents(opened).length).toBeGreaterThan(0);
      expect(zone).toContain('Something went wrong');
      expect(error.length).toBeGreaterThan(0);
      expect(opened.console.filter((c) => /Could not load domain-cards-web-part in require\. Error: ManifestProvider GetClientSideComponents failed/.test(c)).length).toBeGreaterThan(0);
      await opened.page.close();
    });
  });

  describe('Teams: the tab frame runs the shipped cards with context.sdks.microsoftTeams', () => {
    it('theme default → dark → contrast applies live; the deep link\'s subPageId opens that domain; forms open through app.openLink', async () => {
      // A deep link's sub entity names a domain by key or list item id (readDomainFromLocation).
      const domains = await createSp(siteUrl).web.lists.getByTitle('Domeinen').items.select('Id', 'Title').top(100)();
      const target = domains.filter((d: { Title: string }) => d.Title === DOMAIN_TITLES_2022[6])[0] as { Id: number };
      const { page } = await open(`Domeinkaarten.aspx?host=teams&theme=default&subPageId=${target.Id}`);
      const card = page.getByRole('region', { name: DOMAIN_TITLES_2022[0] });
      await card.waitFor({ timeout: 60000 });
      // The sub entity of the deep link: that domain's card has the focus.
      await page.waitForFunction((name) => {
        const el = document.activeElement;
        const section = el && el.closest('section[aria-labelledby]');
        return !!section && (section.textContent || '').indexOf(name) >= 0;
      }, DOMAIN_TITLES_2022[6], { timeout: 60000 });
      const bg = (): Promise<string> => card.evaluate((el) => getComputedStyle(el).backgroundColor);
      const seen = [await bg()];
      for (const theme of ['dark', 'contrast']) {
        await page.getByRole('toolbar', { name: 'Teams-thema' }).getByRole('button', { name: theme }).click();
        await page.waitForFunction((prev) => getComputedStyle(document.querySelector('section[aria-labelledby]') as Element).backgroundColor !== prev, seen[seen.length - 1], { timeout: 30000 });
        seen.push(await bg());
      }
      expect(seen[1]).toBe('rgb(38, 38, 38)');
      expect(seen[2]).toBe('rgb(0, 0, 0)');
      expect(new Set(seen).size).toBe(3);
      // "Bewerken" in a Teams tab asks Teams to open the form (app.openLink), it does not open a window itself.
      await card.locator('[data-quadrant$="-realisations"] li[data-item-id]').first().getByRole('button').first().click();
      await page.getByRole('dialog').getByText('Bewerken', { exact: true }).click();
      await page.waitForFunction(() => ((window as unknown as { __spfxHost: { teamsCalls: unknown[] } }).__spfxHost.teamsCalls || []).length > 0, undefined, { timeout: 30000 });
      const calls = await page.evaluate(() => (window as unknown as { __spfxHost: { teamsCalls: { api: string; arg: unknown }[] } }).__spfxHost.teamsCalls);
      expect(calls[0].api).toBe('app.openLink');
      expect(String(calls[0].arg)).toMatch(/\/sites\/organisatiebeheersing\/Lists\/.+EditForm\.aspx\?ID=\d+/);
      // "Link delen" goes through Teams' own share dialog with the domain as subPageId.
      await page.keyboard.press('Escape');
      await card.getByRole('button', { name: /^Link naar .* delen in Teams$/ }).click();
      const shared = await page.evaluate(() => (window as unknown as { __spfxHost: { teamsCalls: { api: string; arg: { subPageId: string } }[] } }).__spfxHost.teamsCalls.filter((c) => c.api === 'pages.shareDeepLink'));
      expect(shared).toHaveLength(1);
      expect(shared[0].arg.subPageId).toBeTruthy();
      await page.close();
    });

    it("the personal app (no team, no settings) finds the data site through the tenant property, on 127.0.0.1 as well as on localhost", async () => {
      for (const base of [url, url.replace('//127.0.0.1:', '//localhost:')]) {
        const { page } = await open('Domeinkaarten.aspx?host=teams-personal&theme=dark', '[data-status="rendered"], [data-status="error"]', base);
        await page.getByRole('region', { name: DOMAIN_TITLES_2022[0] }).waitFor({ timeout: 60000 });
        expect(await page.locator('[data-status="error"]').count()).toBe(0);
        await page.close();
      }
    });

    it('the personal app\'s other tab (Auditopvolging) opens on "Mijn acties" for the signed-in user', async () => {
      const { page } = await open('Auditopvolging.aspx?host=teams-personal&theme=default&user=ann');
      await page.getByRole('tab', { name: 'Mijn acties', selected: true }).waitFor({ timeout: 60000 });
      await page.getByText(/^(Open acties en aanbevelingen met .+ als eigenaar, de late eerst\.|U bent nergens eigenaar van een open actie of aanbeveling\.)$/).first().waitFor({ timeout: 60000 });
      expect(await page.locator('[data-status="error"]').count()).toBe(0);
      await page.close();
    });
  });

  describe('host names', () => {
    it('the pages work when opened on localhost and on 127.0.0.1 (localhost moves to 127.0.0.1: SPFx takes localhost for its local workbench)', async () => {
      for (const base of [url, url.replace('//127.0.0.1:', '//localhost:')]) {
        const { page } = await open('Startpagina.aspx', '[data-status="rendered"], [data-status="error"]', base);
        await page.getByText(DOMAIN_TITLES_2022[6]).first().waitFor({ timeout: 60000 });
        expect(await page.locator('[data-status="error"]').count()).toBe(0);
        expect(new URL(page.url()).hostname).toBe('127.0.0.1');
        await page.close();
      }
    });
  });
});
