/**
 * The Viva Connections card on the local workbench (/workbench/card): card view and quick
 * view rendered by the `adaptivecards` package, light and dark, with the 2022 figures.
 */
import { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { createSp } from '../../tools/data/node';
import { useBrowserAndSite } from './harness';
import { DOMAIN_TITLES_2022, EXPECTED_2022, loadSeedData } from '../helpers/seedData';
import { buildFigures } from '../../src/model/figures';

const ctx = useBrowserAndSite();

async function openCard(query: string = '', width: number = 1280): Promise<Page> {
  const page = await (await ctx.browser.newContext({ viewport: { width, height: 900 } })).newPage();
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
        expect(values.map(Number)).toEqual([EXPECTED_2022[i][0], EXPECTED_2022[i][1], EXPECTED_2022[i][4], figures.domains[i].overdue, figures.domains[i].openRecommendations]);
      }
      expect(await quick.getByRole('link', { name: 'Open domeinkaart' }).count()).toBe(7);
    }
    await page.close();
  });

  it("the card's button brings the quick view into focus; a domain link opens that domain's card", async () => {
    const page = await openCard();
    await page.locator('#card-light').getByRole('button', { name: 'Per domein' }).click();
    expect(await page.evaluate(() => document.activeElement && document.activeElement.id)).toBe('quickview-light');
    await page.locator('#quickview-light [id^="domain-"]', { hasText: 'Bescherming activa' }).getByRole('link', { name: 'Open domeinkaart' }).click();
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


  it('at phone width (390 px) every quick view button shows its whole text inside the card', async () => {
    const page = await openCard('', 390);
    for (const theme of ['light', 'dark']) {
      const cut = await page.evaluate((id) => {
        const host = document.getElementById(id) as HTMLElement;
        const right = host.getBoundingClientRect().right;
        return (Array.prototype.slice.call(host.querySelectorAll('.ac-pushButton')) as HTMLElement[])
          .filter((b) => {
            const text = (b.firstElementChild as HTMLElement | null) || b;
            return text.scrollWidth > text.clientWidth + 1 || b.getBoundingClientRect().right > right + 0.5;
          })
          .map((b) => b.textContent);
      }, `quickview-${theme}`);
      expect(cut).toEqual([]);
      expect(await page.locator(`#quickview-${theme} .ac-pushButton`).count()).toBeGreaterThanOrEqual(7);
    }
    await page.close();
  });

  it("puts the signed-in user's own overdue and soon-due items first (card and quick view)", async () => {
    const sp = createSp(ctx.site.siteUrl);
    const acties = sp.web.lists.getByTitle('Acties');
    const open = ((await acties.items.select('Id', 'Title', 'ActieStatus').top(5000)()) as Array<{ Id: number; Title: string; ActieStatus: string }>).filter((a) => a.ActieStatus === 'Gepland');
    const day = (n: number): string => new Date(Date.now() + n * 86400000).toISOString().slice(0, 10);
    // sofie (id 9): one overdue, one due in a week; another user's overdue action is not hers.
    await acties.items.getById(open[0].Id).update({ EigenaarId: 9, Deadline: day(-2) });
    await acties.items.getById(open[1].Id).update({ EigenaarId: 9, Deadline: day(7) });
    await acties.items.getById(open[2].Id).update({ EigenaarId: 10, Deadline: day(-2) });
    const page = await openCard('?user=sofie');
    expect(await page.locator('#card-light').textContent()).toContain('Jouw acties: 1 te laat, 1 binnen 30 dagen');
    const mine = page.locator('#quickview-light [id="mine"]');
    const text = (await mine.textContent()) || '';
    expect(text.indexOf(open[0].Title)).toBeGreaterThanOrEqual(0);
    expect(text.indexOf(open[0].Title)).toBeLessThan(text.indexOf(open[1].Title));
    expect(text).not.toContain(open[2].Title);
    // Above the domains.
    const order = await page.evaluate(() => Array.prototype.map.call(document.querySelectorAll('#quickview-light [id]'), (e: Element) => e.id) as string[]);
    expect(order.indexOf('mine')).toBeLessThan(order.findIndex((id) => id.startsWith('domain-')));
    expect(await page.locator('#quickview-light').getByRole('link', { name: 'Open Mijn acties' }).count()).toBe(1);
    // ann owns nothing: the year's headline as before.
    const other = await openCard();
    expect(await other.locator('#card-light').textContent()).toContain("27 open hoge risico's");
    await page.close();
    await other.close();
  });

  it.each([1280, 390])('has no serious or critical axe-core violations (card and quick view, light and dark) at %i px', async (width) => {
    const page = await openCard('?user=sofie', width);
    const results = await new AxeBuilder({ page }).include('#dashboard').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id} (${v.nodes.length}) ${v.nodes[0]?.target} ${v.nodes[0]?.failureSummary}`)).toEqual([]);
    await page.close();
  });
});
