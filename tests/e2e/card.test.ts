/**
 * The Viva Connections card on the local workbench (/workbench/card): card view and quick
 * view rendered by the `adaptivecards` package, light and dark, with the 2022 figures.
 */
import { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { useBrowserAndSite } from './harness';
import { DOMAIN_TITLES_2022, EXPECTED_2022, loadSeedData } from '../helpers/seedData';
import { buildFigures } from '../../src/model/figures';

const ctx = useBrowserAndSite();

async function openCard(query: string = ''): Promise<Page> {
  const page = await (await ctx.browser.newContext()).newPage();
  await page.goto(`${ctx.site.url}/workbench/card${query}`);
  await page.locator('#card-dark[data-status="ready"]').waitFor({ timeout: 30000 });
  return page;
}

describe('Viva Connections card in the local workbench', () => {
  // Headline figures from the source data, independent of the page.
  const figures = buildFigures(loadSeedData(), 2022, new Date());

  it("the card shows 2022's headline in the light and the dark theme", async () => {
    const page = await openCard();
    for (const theme of ['light', 'dark']) {
      const card = page.locator(`#card-${theme}`);
      const text = (await card.textContent()) || '';
      expect(text).toContain('Organisatiebeheersing');
      expect(text).toContain("27 open hoge risico's");
      expect(text).toContain(`2022: ${figures.totals.realised} realisaties, ${figures.totals.earlierPlanning} in eerdere planning, ${figures.totals.overdue} te laat`);
      expect(await card.getByRole('button', { name: 'Per domein' }).count()).toBe(1);
    }
    // Dark really is dark: the Adaptive Card's own background.
    const bg = await page.evaluate(() => getComputedStyle(document.querySelector('#card-dark .ac-adaptiveCard') as HTMLElement).backgroundColor);
    expect(bg).toBe('rgb(41, 41, 41)');
    await page.close();
  });

  it('the quick view lists the 7 domains with their 2022 counts', async () => {
    const page = await openCard();
    for (const theme of ['light', 'dark']) {
      const quick = page.locator(`#quickview-${theme}`);
      const text = (await quick.textContent()) || '';
      expect(text).toContain('Organisatiebeheersing 2022 per domein');
      for (let i = 0; i < 7; i++) {
        const domain = quick.locator(`[id^="domain-"]`).nth(i);
        const dtext = (await domain.textContent()) || '';
        expect(dtext).toContain(DOMAIN_TITLES_2022[i]);
        const values = await domain.locator('.ac-factset tr td:last-child, .ac-factset .ac-fact-value').allTextContents();
        expect(values.map(Number)).toEqual([EXPECTED_2022[i][0], EXPECTED_2022[i][1], EXPECTED_2022[i][4], figures.domains[i].overdue]);
      }
      expect(await quick.getByRole('link', { name: /^Open / }).count()).toBe(7);
    }
    await page.close();
  });

  it("the card's button brings the quick view into focus; a domain link opens that domain's card", async () => {
    const page = await openCard();
    await page.locator('#card-light').getByRole('button', { name: 'Per domein' }).click();
    expect(await page.evaluate(() => document.activeElement && document.activeElement.id)).toBe('quickview-light');
    await page.locator('#quickview-light').getByRole('link', { name: 'Open Bescherming activa' }).click();
    await page.waitForURL(/\/workbench\/domain-cards\?domein=/);
    const key = new URL(page.url()).searchParams.get('domein');
    expect(key).toBeTruthy();
    await page.locator('section[aria-labelledby]').first().waitFor({ timeout: 30000 });
    await page.close();
  });

  it('speaks English with ?locale=en-us', async () => {
    const page = await openCard('?locale=en-us');
    expect(await page.locator('#card-light').textContent()).toContain('27 open high risks');
    expect(await page.locator('#quickview-light').textContent()).toContain('Organisational control 2022 by domain');
    await page.close();
  });

  it('has no serious or critical axe-core violations (card and quick view, light and dark)', async () => {
    const page = await openCard();
    const results = await new AxeBuilder({ page }).include('#dashboard').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target} ${v.nodes[0]?.failureSummary}`)).toEqual([]);
    await page.close();
  });
});
