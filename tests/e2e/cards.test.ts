import { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { spfi, SPBrowser } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { startSite, useBrowserAndSite } from './harness';
import { DOMAIN_TITLES_2022, EXPECTED_2022 } from '../helpers/seedData';
import { copyDataDir } from '../helpers/localServer';
import * as fs from 'fs';

const ctx = useBrowserAndSite();

async function openCards(path: string, page?: Page): Promise<Page> {
  const p = page || (await (await ctx.browser.newContext()).newPage());
  await p.goto(ctx.site.url + path);
  await p.locator('section[aria-labelledby]').first().waitFor({ timeout: 30000 });
  return p;
}

describe('Domeinkaarten in the local workbench', () => {
  it('shows the 7 domain cards of 2022 as landmarks named after their domain, with the source counts', async () => {
    const page = await openCards('/workbench/domain-cards');
    const sections = page.locator('section[aria-labelledby]');
    expect(await sections.count()).toBe(7);
    for (let i = 0; i < 7; i++) {
      await expect(page.getByRole('region', { name: DOMAIN_TITLES_2022[i] }).count()).resolves.toBe(1);
      const card = sections.nth(i);
      const risks = await card.locator('[data-quadrant$="-risks"] li').count();
      expect(risks).toBe(EXPECTED_2022[i][0]);
    }
    // "Nieuw" is a visible text label: 31 new realisations and 38 new planning items across the cards.
    const newLabels = await page.locator('section[aria-labelledby] >> text="Nieuw"').count();
    expect(newLabels).toBe(EXPECTED_2022.reduce((a, r) => a + r[1] + r[3], 0));
    await page.close();
  });

  it('opens the detail panel of an item with the keyboard', async () => {
    const page = await openCards('/workbench/domain-cards');
    const item = page.locator('section[aria-labelledby]').first().locator('[data-quadrant$="-realisations"] li button').first();
    await item.focus();
    await page.keyboard.press('Enter');
    const panel = page.locator('.ms-Panel-main');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('Bewerken');
    // History: who changed it last (the import, as the owner), and SharePoint's version history page.
    await panel.getByText(/Laatst gewijzigd door Ann Janssens op/).waitFor();
    const history = panel.getByRole('link', { name: /Versiegeschiedenis/ });
    const href = (await history.getAttribute('href')) || '';
    expect(href).toMatch(/\/_layouts\/15\/Versions\.aspx\?list=%7B[0-9a-f-]{36}%7D&ID=\d+$/);
    const versions = await page.context().newPage();
    await versions.goto(href);
    expect(await versions.locator('table tbody tr').count()).toBeGreaterThanOrEqual(1);
    expect(await versions.locator('table').textContent()).toContain('Ann Janssens');
    await versions.close();
    await page.close();
  });

  it('runs in the Teams tab frame in the dark and contrast themes, and follows a live theme change', async () => {
    const page = await openCards('/teams/domain-cards?theme=dark');
    const bg = (): Promise<string> => page.evaluate(() => getComputedStyle(document.getElementById('teams-frame') as HTMLElement).backgroundColor);
    expect(await bg()).toBe('rgb(31, 31, 31)');
    await page.click('button[data-teams-theme="contrast"]');
    expect(await bg()).toBe('rgb(0, 0, 0)');
    expect(await page.locator('section[aria-labelledby]').count()).toBe(7);
    await page.close();
  });

  it('has no serious or critical axe-core violations (SharePoint page, also in a strong section, and Teams contrast and dark)', async () => {
    for (const path of ['/workbench/domain-cards', '/workbench/domain-cards?section=strong', '/teams/domain-cards?theme=contrast', '/teams/domain-cards?theme=dark']) {
      const page = await openCards(path);
      const results = await new AxeBuilder({ page }).include('#root').analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${path}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target} ${v.nodes[0]?.failureSummary}`)).toEqual([]);
      await page.close();
    }
  });

  it('at phone width (390 px, Teams mobile tab and page): the domain jump links are at least 24 px high and axe finds nothing serious', async () => {
    for (const path of ['/teams/domain-cards', '/workbench/domain-cards']) {
      const page = await (await ctx.browser.newContext({ viewport: { width: 390, height: 844 } })).newPage();
      await openCards(path, page);
      const nav = page.getByRole('navigation', { name: /domein/i });
      const links = nav.getByRole('link');
      expect(await links.count()).toBe(7);
      for (let i = 0; i < 7; i++) {
        const box = await links.nth(i).boundingBox();
        expect(box && box.height).toBeGreaterThanOrEqual(24);
      }
      const results = await new AxeBuilder({ page }).include('#root').analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${path}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target}`)).toEqual([]);
      await page.close();
    }
  });

  it('renders XSS payloads in titles and descriptions as inert text', async () => {
    const sp = spfi(ctx.site.siteUrl).using(SPBrowser({ baseUrl: ctx.site.siteUrl }));
    const title = '<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> XSS-test';
    await sp.web.lists.getByTitle('Acties').items.add({
      Title: title,
      Beschrijving: '<p>Uitleg <a href="javascript:window.__xss=3">klik</a><img src=x onerror="window.__xss=4"></p><script>window.__xss=5</script>',
      ActieStatus: 'Gerealiseerd',
      JaarGerealiseerd: 2022,
      DomeinenId: [1]
    });
    const page = await openCards('/workbench/domain-cards');
    const item = page.locator('button', { hasText: 'XSS-test' }).first();
    await item.waitFor();
    expect(await item.textContent()).toContain('<script>');
    await item.click();
    await page.locator('.ms-Panel-main').waitFor();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('#root a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('#root [onerror]').count()).toBe(0);
    await page.close();
  });
});

describe('reader mode', () => {
  it('shows no edit actions to a user with read rights only', async () => {
    // A copy: one data folder holds only one server.
    const readerData = copyDataDir(ctx.site.dataDir);
    const reader = await startSite({ user: 'reader', dataDir: readerData });
    try {
      const page = await (await ctx.browser.newContext()).newPage();
      await page.goto(reader.url + '/workbench/domain-cards');
      await page.locator('section[aria-labelledby]').first().waitFor({ timeout: 30000 });
      await page.locator('section[aria-labelledby]').first().locator('li button').first().click();
      await page.locator('.ms-Panel-main').waitFor();
      expect(await page.getByText('Bewerken', { exact: true }).count()).toBe(0);
      expect(await page.getByText('Doorschuiven naar realisaties').count()).toBe(0);
      expect(await page.getByText('Nieuwe actie').count()).toBe(0);
      await page.close();
    } finally {
      await reader.stop();
      fs.rmSync(readerData, { recursive: true, force: true });
    }
  });
});

describe('homepage widget', () => {
  it('shows the 2022 figures for the 7 domains and links to their cards', async () => {
    const page = await (await ctx.browser.newContext()).newPage();
    await page.goto(ctx.site.url + '/workbench/summary');
    const root = page.locator('#root');
    await root.getByText('Organisatiecultuur').first().waitFor({ timeout: 30000 });
    const text = (await root.textContent()) || '';
    for (const t of DOMAIN_TITLES_2022) expect(text).toContain(t);
    const widget = await new AxeBuilder({ page }).include('#root').analyze();
    expect(widget.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    const links = await root.locator('a[href*="domein"]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
    expect(links.length).toBeGreaterThanOrEqual(7);
    await page.goto(links[0]);
    await page.locator('section[aria-labelledby]').first().waitFor({ timeout: 30000 });
    const results = await new AxeBuilder({ page }).include('#root').analyze();
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.close();
  });
});

describe('editing', () => {
  it('edits an item through the local EditForm and shows the change when the user comes back', async () => {
    const context = await ctx.browser.newContext();
    const page = await openCards('/workbench/domain-cards', await context.newPage());
    const first = page.locator('section[aria-labelledby]').nth(1).locator('[data-quadrant$="-realisations"] li button').first();
    const oldTitle = ((await first.locator('span').first().textContent()) || '').trim();
    await first.click();
    const [form] = await Promise.all([context.waitForEvent('page'), page.locator('.ms-Panel-main').getByText('Bewerken', { exact: true }).click()]);
    await form.waitForLoadState();
    const titleInput = form.getByLabel('Actie', { exact: false }).first();
    await titleInput.waitFor({ timeout: 30000 });
    await titleInput.fill(oldTitle + ' (aangepast)');
    await form.locator('form').getByRole('button', { name: 'Opslaan' }).click();
    await form.waitForURL(/DispForm|AllItems|closed/, { timeout: 30000 });
    await form.close();
    await page.bringToFront();
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    await page.getByText(oldTitle + ' (aangepast)').first().waitFor({ timeout: 30000 });
    await context.close();
  });

  it('shows the newer version and overwrites nothing when doorschuiven meets a 412 conflict', async () => {
    const context = await ctx.browser.newContext();
    const page = await openCards('/workbench/domain-cards', await context.newPage());
    const item = page.locator('section[aria-labelledby]').nth(0).locator('[data-quadrant$="-planning"] li button').first();
    const title = ((await item.locator('span').first().textContent()) || '').trim();
    await item.click();
    // Someone else edits the item after the cards were loaded.
    const sp = spfi(ctx.site.siteUrl).using(SPBrowser({ baseUrl: ctx.site.siteUrl }));
    const list = sp.web.lists.getByTitle('Acties');
    const found = await list.items.select('Id', 'Title').top(5000)();
    const target = found.filter((i: { Title: string }) => i.Title === title || i.Title.indexOf(title) === 0)[0];
    await list.items.getById(target.Id).update({ ActieStatus: 'Lopend' });
    await page.locator('.ms-Panel-main').getByText('Doorschuiven naar realisaties').click();
    await page.getByRole('button', { name: 'Doorschuiven', exact: true }).click();
    await page.getByText('intussen door iemand anders gewijzigd').first().waitFor({ timeout: 30000 });
    const after = await list.items.getById(target.Id).select('ActieStatus', 'JaarGerealiseerd')();
    expect(after.ActieStatus).toBe('Lopend');
    expect(after.JaarGerealiseerd).toBeNull();
    await context.close();
  });
});
