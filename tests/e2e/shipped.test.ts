/**
 * The built package in SharePoint Framework's own runtime: the local SharePoint pages
 * (/sites/organisatiebeheersing/SitePages/*.aspx, dev/spfx-host) load the ship build's bundles
 * from dist/ through sp-loader with the solution's manifests, and sp-webpart-base,
 * sp-property-pane and sp-adaptive-card-extension-base from node_modules run them.
 * Needs `npm run build` first (CI builds before the browser tests); skipped without it.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import { createLocalServer } from '../../dev/server/index';
import { recordDataSite, seedIfNew } from '../../dev/start';
import { spfxHostRoutes } from '../../dev/spfx-host/routes';
import { buildHostModules } from '../../dev/spfx-host/build';
import { hasSolutionBuild, SOLUTION_ASSET_PATH, SOLUTION_DIST } from '../../dev/spfx-host/manifests';
import { launchBrowser } from './harness';
import { DOMAIN_TITLES_2022, EXPECTED_2022 } from '../helpers/seedData';

const built = hasSolutionBuild();
if (!built) {
  // eslint-disable-next-line no-console
  console.warn('tests/e2e/shipped.test.ts skipped: dist/ has no ship build. Run `npm run build` first (CI does).');
}
const describeBuilt = built ? describe : describe.skip;

const SITE = '/sites/organisatiebeheersing';
const CARDS_ID = '5b0c6b8e-1d5e-4c3f-9a51-0a4f0c8e1d01';

/** The bundle file of a component of the ship build, from its manifest in dist/. */
function shippedBundle(alias: string): string {
  for (const f of fs.readdirSync(SOLUTION_DIST).filter((n) => n.endsWith('.manifest.json'))) {
    const m = JSON.parse(fs.readFileSync(path.join(SOLUTION_DIST, f), 'utf8'));
    if (m.alias === alias) return m.loaderConfig.scriptResources[m.loaderConfig.entryModuleId].path as string;
  }
  throw new Error(`no ${alias} in dist/`);
}

interface IOpened {
  page: Page;
  requests: { url: string; method: string; digest?: string }[];
}

describeBuilt('the built package on local SharePoint pages (SPFx runtime)', () => {
  let browser: Browser;
  let url: string;
  let stop: () => Promise<void>;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgb-shipped-'));
    const [b, , srv] = await Promise.all([
      launchBrowser(),
      // The page's own modules (shims, page application) are built once, before the first page.
      buildHostModules(),
      createLocalServer({ port: 0, dataDir, controlTeamGroup: false, extraRoutes: spfxHostRoutes() })
    ]);
    browser = b;
    await seedIfNew(srv.siteUrl, dataDir, () => undefined);
    await recordDataSite(srv);
    url = srv.url;
    stop = () => srv.close();
  }, 300000);

  afterAll(async () => {
    await browser?.close();
    await stop?.();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function open(pagePath: string, ready: string = '[data-status="rendered"], [data-status="error"]'): Promise<IOpened> {
    const page = await (await browser.newContext()).newPage();
    const requests: IOpened['requests'] = [];
    page.on('request', (r) => requests.push({ url: r.url(), method: r.method(), digest: r.headers()['x-requestdigest'] }));
    await page.goto(`${url}${SITE}/SitePages/${pagePath}`, { timeout: 120000 });
    await page.locator(ready).first().waitFor({ timeout: 120000 });
    return { page, requests };
  }

  it('Domeinkaarten.aspx loads the ship build from dist/ through sp-loader, renders the 7 domain cards of 2022 from the local server and loads the report chunk on demand', async () => {
    const { page, requests } = await open('Domeinkaarten.aspx');
    await page.locator('section[aria-labelledby]').nth(6).waitFor({ timeout: 60000 });
    const files = requests.map((r) => new URL(r.url).pathname);
    // The bundle and the Dutch strings of the ship build, by the names in its manifest.
    expect(files).toContain(`${SOLUTION_ASSET_PATH}${shippedBundle('DomainCardsWebPart')}`);
    expect(files.some((f) => f.indexOf(SOLUTION_ASSET_PATH) === 0 && /\/DomainCardsWebPartStrings_nl-nl_[0-9a-f]+\.js$/.test(f))).toBe(true);
    // SPFx's runtime from node_modules: the loader assembly and the web part base.
    expect(files).toContain('/_spfx/fx/sp-loader/sp-loader-assembly_en-us.js');
    expect(files.some((f) => /^\/_spfx\/fx\/sp-webpart-base\/sp-webpart-base_[\w-]+_[0-9a-f]+\.js$/.test(f))).toBe(true);
    // No copy of the workbench's esbuild bundle on this page.
    expect(files.filter((f) => f.indexOf('/workbench/') === 0)).toEqual([]);
    // SharePoint's environment (not the localhost workbench), and the web part's container is SPFx's.
    expect(new URL(page.url()).hostname).toBe('127.0.0.1');
    const sections = page.locator('section[aria-labelledby]');
    expect(await sections.count()).toBe(7);
    for (let i = 0; i < 7; i++) {
      await expect(page.getByRole('region', { name: DOMAIN_TITLES_2022[i] }).count()).resolves.toBe(1);
      expect(await sections.nth(i).locator('[data-quadrant$="-risks"] li').count()).toBe(EXPECTED_2022[i][0]);
    }
    // The data path of a tenant: REST on the page's own site with the page's digest, no contextinfo round trip.
    const digest = await page.evaluate(() => (window as unknown as { _spPageContextInfo: { formDigestValue: string } })._spPageContextInfo.formDigestValue);
    const api = requests.filter((r) => r.url.indexOf(`${SITE}/_api/`) > 0);
    expect(api.length).toBeGreaterThan(0);
    expect(api.every((r) => new URL(r.url).hostname === '127.0.0.1')).toBe(true);
    expect(api.filter((r) => /\/_api\/contextinfo/i.test(r.url))).toEqual([]);
    const posts = api.filter((r) => r.method === 'POST');
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((r) => r.digest === digest)).toBe(true);
    // The report chunk of the ship build loads on demand, from the same place, and writes the council note.
    // With includeClientSideAssets, under the app catalog's ClientSideAssets folder of the solution (a path under a site).
    const reportChunk = (): boolean => requests.some((r) => new URL(r.url).pathname.indexOf(SOLUTION_ASSET_PATH) === 0 && /\/chunk\.report_[0-9a-f]+\.js$/.test(new URL(r.url).pathname));
    expect(reportChunk()).toBe(false);
    await page.getByRole('button', { name: 'Rapport maken' }).click();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120000 }), page.getByRole('menuitem', { name: /Word-nota/ }).click()]);
    expect(download.suggestedFilename()).toBe('Voortgangsrapport organisatiebeheersing 2022.docx');
    expect(reportChunk()).toBe(true);
    await page.close();
  });

  it('?user= picks the local user: the page context is theirs and a reader gets no edit buttons', async () => {
    const owner = await open('Domeinkaarten.aspx?user=ann');
    await owner.page.locator('section[aria-labelledby]').first().waitFor({ timeout: 60000 });
    expect(await owner.page.evaluate(() => (window as unknown as { _spPageContextInfo: { userDisplayName: string } })._spPageContextInfo.userDisplayName)).toBe('Ann Janssens');
    await owner.page.getByRole('button', { name: /^Nieuw risico/ }).first().waitFor({ timeout: 30000 });
    await owner.page.close();
    const reader = await open('Domeinkaarten.aspx?user=lees');
    await reader.page.locator('section[aria-labelledby]').first().waitFor({ timeout: 60000 });
    expect(await reader.page.evaluate(() => (window as unknown as { _spPageContextInfo: { userDisplayName: string } })._spPageContextInfo.userDisplayName)).toBe('Lies Eeckhout');
    expect(await reader.page.getByRole('button', { name: /^Nieuw risico/ }).count()).toBe(0);
    await reader.page.close();
  });

  it('Startpagina.aspx: the widget in a one-third column and full width, with the 2022 figures', async () => {
    const { page, requests } = await open('Startpagina.aspx');
    expect(requests.map((r) => new URL(r.url).pathname)).toContain(`${SOLUTION_ASSET_PATH}${shippedBundle('SummaryWebPart')}`);
    const third = page.locator('[data-sp-column="4"] [data-sp-instance]');
    const full = page.locator('[data-sp-section="one-column"] [data-sp-instance]');
    for (const zone of [third, full]) {
      await zone.getByText(DOMAIN_TITLES_2022[6]).first().waitFor({ timeout: 60000 });
      const text = (await zone.textContent()) || '';
      expect(text).toContain(`${EXPECTED_2022[0][0]} hoge risico's op te volgen`);
      expect(text).toContain(`${EXPECTED_2022[0][1]} gerealiseerd in 2022`);
      expect(text).toContain(`${EXPECTED_2022[0][3]} nieuw gepland voor 2023`);
    }
    // The one-third column really is narrower than the full-width section.
    const [w3, wf] = await Promise.all([third.boundingBox(), full.boundingBox()]);
    expect((w3 as { width: number }).width).toBeLessThan((wf as { width: number }).width / 2);
    await page.close();
  });

  it('Auditopvolging.aspx and Maturiteit.aspx render the 20 audits and the 2023 round', async () => {
    const audits = await open('Auditopvolging.aspx');
    await audits.page.locator('[data-audit-id]').nth(19).waitFor({ timeout: 60000 });
    expect(await audits.page.locator('[data-audit-id]').count()).toBe(20);
    await audits.page.close();
    const maturity = await open('Maturiteit.aspx?user=ann');
    await maturity.page.locator('[data-round-id]').waitFor({ timeout: 60000 });
    expect(await maturity.page.locator('[data-round-id]').getAttribute('data-status')).toBe('scoren');
    await maturity.page.close();
  });

  it("edit mode: SPFx's property pane opens and a changed property re-renders the web part", async () => {
    const { page } = await open('Domeinkaarten.aspx?mode=edit');
    await page.getByText('realisaties in 2022').first().waitFor({ timeout: 60000 });
    await page.getByRole('button', { name: 'Webonderdeel bewerken: Domeinkaarten' }).click();
    const pane = page.locator('#spPropertyPaneContainerNoFlexbox');
    const year = pane.getByLabel('Rapportjaar');
    await year.waitFor({ timeout: 60000 });
    // The pane is built from the web part's getPropertyPaneConfiguration (its loc strings).
    expect(await pane.textContent()).toContain('Lijsten controleren');
    await year.fill('2021');
    await page.getByText('realisaties in 2021').first().waitFor({ timeout: 60000 });
    expect(await page.getByText('realisaties in 2022').count()).toBe(0);
    // The changed value is what SharePoint would save with the page.
    const saved = await page.evaluate((id) => (window as unknown as { __spfxHost: { serialize(i: string): { properties: Record<string, unknown> } } }).__spfxHost.serialize(id).properties, CARDS_ID);
    expect(String(saved.reportYear)).toBe('2021');
    await page.close();
  });

  it('Dashboard.aspx: the ACE renders its card view and, from its button, the quick view with the 7 domains', async () => {
    const { page, requests } = await open('Dashboard.aspx');
    expect(requests.map((r) => new URL(r.url).pathname)).toContain(`${SOLUTION_ASSET_PATH}${shippedBundle('OrgSummaryAdaptiveCardExtension')}`);
    const card = page.locator('.ace-card');
    await card.getByText("27 open hoge risico's").waitFor({ timeout: 60000 });
    await card.getByRole('button', { name: 'Per domein' }).click();
    const quick = page.locator('.ace-quickview');
    await quick.getByText('Organisatiebeheersing 2022 per domein').waitFor({ timeout: 30000 });
    const text = (await quick.textContent()) || '';
    for (const t of DOMAIN_TITLES_2022) expect(text).toContain(t);
    await page.close();
  });

  it('as a Teams tab (?host=teams): context.sdks.microsoftTeams drives the theme, live changes re-render, Teams-only actions appear', async () => {
    const { page } = await open('Domeinkaarten.aspx?host=teams&theme=dark');
    const card = page.locator('section[aria-labelledby]').first();
    await card.waitFor({ timeout: 60000 });
    const background = (): Promise<string> => card.evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await background()).toBe('rgb(38, 38, 38)');
    // "Link delen" (a Teams deep link, named "Link naar <domein> delen in Teams") exists only in Teams.
    expect(await card.getByRole('button', { name: /^Link naar .* delen in Teams$/ }).count()).toBe(1);
    await page.locator('button[data-teams-theme="contrast"]').click();
    await page.waitForFunction(() => getComputedStyle(document.querySelector('section[aria-labelledby]') as Element).backgroundColor === 'rgb(0, 0, 0)', undefined, { timeout: 30000 });
    expect(await page.evaluate(() => document.body.getAttribute('data-teams-theme'))).toBe('contrast');
    await page.close();
    const sharePoint = await open('Domeinkaarten.aspx');
    await sharePoint.page.locator('section[aria-labelledby]').first().waitFor({ timeout: 60000 });
    expect(await sharePoint.page.getByRole('button', { name: /^Link naar .* delen in Teams$/ }).count()).toBe(0);
    await sharePoint.page.close();
  });

  it("a web part whose onInit fails shows SPFx's own error in its place, not a blank page", async () => {
    const { page } = await open('Domeinkaarten.aspx?fault=oninit', '[data-status="error"]');
    const zone = page.locator(`[data-sp-instance="${CARDS_ID}"]`);
    expect(await zone.textContent()).toContain('Something went wrong');
    expect(await page.locator('section[aria-labelledby]').count()).toBe(0);
    // The rest of the page is still there.
    expect(await page.locator('#sp-site-title').textContent()).toBe('Organisatiebeheersing');
    await page.close();
  });
});
