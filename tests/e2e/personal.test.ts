/**
 * The Teams personal app opens on the tenant root, where no web part setting names the data
 * site: it must find the lists through the tenant property (storage entity) that
 * `npm run deploy` records, here set by the local site's start.
 */
import { Browser } from 'playwright-core';
import { createSp } from '../../tools/data/node';
import '@pnp/sp/items';
import { useBrowserAndSite } from './harness';

const ctx = useBrowserAndSite();

describe('Teams personal app on the local site', () => {
  it('finds the data site through the tenant property and opens on "Mijn acties" with the owner\'s actions', async () => {
    const acties = createSp(ctx.site.siteUrl).web.lists.getByTitle('Acties');
    const planned = (await acties.items.select('Id', 'Title', 'ActieStatus').top(5000)()).filter((a: { ActieStatus: string }) => a.ActieStatus === 'Gepland')[0];
    await acties.items.getById(planned.Id).update({ EigenaarId: 7 });

    const page = await (await ctx.browser.newContext()).newPage();
    await page.goto(`${ctx.site.url}/teams/personal?theme=default`);
    const root = page.locator('#root[data-data-site-source]');
    await root.waitFor({ timeout: 30000 });
    expect(await root.getAttribute('data-data-site-source')).toBe('tenant');
    expect(await root.getAttribute('data-data-site')).toBe(ctx.site.siteUrl);
    const list = page.getByTestId('mine-list');
    await list.waitFor({ timeout: 30000 });
    expect(await list.textContent()).toContain(planned.Title);
    await page.close();
  });
});
