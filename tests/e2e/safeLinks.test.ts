/**
 * A hostile page setting ("Pagina met de domeinkaarten" = javascript:...) in the real pages:
 * no javascript:/data:/vbscript: href anywhere on the widget, the audits page, the cards and
 * the Viva card, and clicking the links runs no script.
 */
import { Page } from 'playwright-core';
import { createSp } from '../../tools/data/node';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { useBrowserAndSite } from './harness';

const ctx = useBrowserAndSite();

const HOSTILE: string[] = ['javascript:alert(1)', ' JaVaScRiPt:alert(1)', 'java\tscript:alert(1)', 'javascript&colon;alert(1)', 'data:text/html,<script>alert(1)</script>'];

interface IOpened {
  page: Page;
  dialogs: string[];
}

async function open(path: string, ready: string): Promise<IOpened> {
  const page = await (await ctx.browser.newContext()).newPage();
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    d.dismiss().catch(() => undefined);
  });
  await page.goto(ctx.site.url + path);
  await page.locator(ready).first().waitFor({ timeout: 30000 });
  return { page, dialogs };
}

/** Every href on the page as the browser reads it (controls stripped, entities decoded by the parser). */
function badHrefs(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    (Array.prototype.slice.call(document.querySelectorAll('[href], [src], [action], [formaction]')) as Element[])
      .map((el) => (el as HTMLAnchorElement).href || el.getAttribute('href') || el.getAttribute('src') || '')
      .filter((h) => /^(javascript|data|vbscript):/i.test(h.replace(/[\u0000-\u0020]/g, '')))
  );
}

describe('a javascript: page setting never becomes a link', () => {
  it.each(HOSTILE)('homepage widget with cards page %j', async (bad) => {
    const { page, dialogs } = await open(`/workbench/summary?cardsUrl=${encodeURIComponent(bad)}`, 'li[data-domain-id]');
    expect(await page.locator('#root a[href]').count()).toBeGreaterThan(7);
    expect(await badHrefs(page)).toEqual([]);
    // The domains lead to the Teams app instead (the setting counts as not set).
    const hrefs = await page.locator('#root li[data-domain-id] a').evaluateAll((els) => els.map((e) => e.getAttribute('href') || ''));
    for (const h of hrefs) expect(h.indexOf('https://teams.microsoft.com/l/entity/')).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it.each(HOSTILE)('audits page with cards page %j: the risks of an audit are plain text', async (bad) => {
    // An audit that raised risks: those link to their domain card when the setting is sound.
    const risk = ((await createSp(ctx.site.siteUrl).web.lists.getByTitle('Risicos').items.select('AuditId').filter('AuditId ne null').top(1)()) as Array<{ AuditId: number }>)[0];
    const { page, dialogs } = await open(`/workbench/audits?audit=${risk.AuditId}&cardsUrl=${encodeURIComponent(bad)}`, '.ms-Panel-main');
    await page.getByTestId('audit-risks').waitFor();
    expect(await page.getByTestId('audit-risks').locator('li').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('audit-risks').locator('a').count()).toBe(0);
    expect(await badHrefs(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('domain cards with audits page javascript:: the audit of a risk is named, not linked', async () => {
    const { page, dialogs } = await open(`/workbench/domain-cards?auditsUrl=${encodeURIComponent('javascript:alert(1)')}`, 'section');
    await page.locator('li[data-risk-id] > button').first().click();
    await page.locator('.ms-Panel-main').waitFor();
    expect(await page.getByTestId('risk-audit-link').count()).toBe(0);
    expect(await badHrefs(page)).toEqual([]);
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('Viva card with cards page javascript:: a domain button opens the Teams app, no script runs', async () => {
    const { page, dialogs } = await open(`/workbench/card?cardsUrl=${encodeURIComponent('javascript:alert(1)')}`, '#card-light[data-status="ready"]');
    expect(await badHrefs(page)).toEqual([]);
    // The workbench follows an Action.OpenUrl by setting location: capture where it would go.
    await page.route('https://teams.microsoft.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: 'teams' }));
    await page.locator('#card-light').getByRole('button', { name: 'Per domein' }).click();
    await Promise.all([page.waitForURL(/teams\.microsoft\.com/), page.locator('#quickview-light').getByRole('link', { name: /^Open / }).first().click()]);
    expect(page.url().indexOf('https://teams.microsoft.com/l/entity/')).toBe(0);
    expect(dialogs).toEqual([]);
    await page.close();
  });
});
