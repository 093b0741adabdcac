/**
 * The risk heat map on the cards, in Chromium: a control-team member scores a 2022 risk in the
 * SharePoint list form, sees it in the matrix (keyboard, text alternative), links an action and
 * sees the link from both panels.
 */
import AxeBuilder from '@axe-core/playwright';
import { spfi, SPBrowser } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { Page } from 'playwright-core';
import { useBrowserAndSite } from './harness';

const ctx = useBrowserAndSite();

async function refresh(page: Page): Promise<void> {
  await page.bringToFront();
  await page.evaluate(() => window.dispatchEvent(new Event('focus')));
}

describe('Risicomatrix on the domain cards', () => {
  it('scores a risk through the list form, shows it in the matrix, and links it to an action both ways', async () => {
    const context = await ctx.browser.newContext();
    const page = await context.newPage();
    await page.goto(ctx.site.url + '/workbench/domain-cards?user=pieter');
    await page.locator('section[aria-labelledby]').first().waitFor({ timeout: 30000 });

    // The 2022 risks are not scored: the matrix says so and lists them as such, with their priority as reported.
    await page.getByTestId('heatmap-toggle').click();
    await page.getByText("Nog geen risico's gescoord", { exact: false }).waitFor();
    await expect(page.getByTestId('heatmap-unscored').locator('summary').textContent()).resolves.toBe('Niet gescoord (27)');
    expect(await page.getByTestId('heatmap-risk').count()).toBe(27);

    // Score the first risk of the first card in its edit form.
    const riskItem = page.locator('[data-quadrant$="-risks"] li[data-risk-id]').first();
    const riskId = Number(await riskItem.getAttribute('data-risk-id'));
    const title = ((await riskItem.locator('button span').first().textContent()) || '').trim();
    await riskItem.locator('button').first().click();
    await page.getByTestId('risk-inherent').getByText('niet gescoord').waitFor();
    const [form] = await Promise.all([context.waitForEvent('page'), page.locator('.ms-Panel-main').getByText('Bewerken', { exact: true }).click()]);
    await form.waitForLoadState();
    await form.getByLabel('Kans', { exact: true }).fill('4');
    await form.getByLabel('Impact', { exact: true }).fill('5');
    await form.getByLabel('Restkans', { exact: true }).fill('2');
    await form.getByLabel('Restimpact', { exact: true }).fill('2');
    await form.locator('form').getByRole('button', { name: 'Opslaan' }).click();
    await form.waitForURL(/DispForm|AllItems|closed/, { timeout: 30000 });
    await form.close();
    await page.keyboard.press('Escape');
    await refresh(page);

    // In cell likelihood 4 × impact 5, reachable by keyboard, with its score and band as text.
    const cell = page.getByTestId('heatmap-cell-4-5');
    await cell.getByRole('button', { name: title }).waitFor({ timeout: 30000 });
    expect(await cell.getByRole('list').getAttribute('aria-label')).toBe("Kans 4 × impact 5 = score 20 (hoog): 1 risico's");
    await cell.getByRole('button', { name: title }).focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('risk-inherent').getByText('kans 4 (Waarschijnlijk) × impact 5 (Zeer groot) = 20').waitFor();
    await expect(page.getByTestId('risk-residual').textContent()).resolves.toContain('= 4');
    await page.keyboard.press('Escape');
    // The residual matrix places it at 2 × 2.
    await page.getByText('Residueel (na maatregelen)').click();
    await page.getByTestId('heatmap-cell-2-2').getByRole('button', { name: title }).waitFor();

    const axe = await new AxeBuilder({ page }).include('[data-testid="heatmap"]').analyze();
    const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.failureSummary + ' ' + n.html).join(' | ')}`)).toEqual([]);

    // With a risk appetite of 3 the residual 4 is above it and nothing treats the risk: marked, as text.
    const sp = spfi(ctx.site.siteUrl).using(SPBrowser({ baseUrl: ctx.site.siteUrl }));
    await sp.web.lists.getByTitle('Instellingen').items.add({ Title: 'Risicobereidheid', Waarde: '3' });
    await page.reload();
    await page.getByTestId('heatmap-toggle').click();
    await page.getByText('Residueel (na maatregelen)').click();
    await page.getByTestId('heatmap-cell-2-2').getByRole('button', { name: `${title} (aandachtspunt)` }).click();
    await page.getByTestId('risk-marks').getByText('Boven de risicobereidheid (3) zonder behandelende actie').waitFor();
    await page.keyboard.press('Escape');

    // Link a planned action to the risk (its Risico's lookup), as the action's form does.
    const actions = sp.web.lists.getByTitle('Acties');
    const planned = (await actions.items.select('Id', 'Title', 'ActieStatus', 'JaarGepland').top(5000)()).filter(
      (a: { ActieStatus: string; JaarGepland: number | null }) => a.ActieStatus === 'Gepland' && a.JaarGepland === 2023
    )[0] as { Id: number; Title: string };
    await actions.items.getById(planned.Id).update({ RisicosId: [riskId] });
    await page.reload();
    await page.getByTestId('heatmap-toggle').click();
    await page.getByText('Residueel (na maatregelen)').click();
    // Treated now: no longer marked.
    await page.getByTestId('heatmap-cell-2-2').getByRole('button', { name: title, exact: true }).click();
    await page.getByTestId('risk-actions').getByText(`(Gepland)`, { exact: false }).waitFor({ timeout: 30000 });
    expect(await page.getByTestId('risk-marks').count()).toBe(0);
    await page.keyboard.press('Escape');
    // And from the action's side: its panel names the risk.
    await page.locator('[data-quadrant$="-planning"] li button').filter({ hasText: planned.Title.slice(0, 30) }).first().click();
    await page.locator('.ms-Panel-main').getByText(title, { exact: true }).waitFor();
    await context.close();
  });

  it('reads well in the Teams dark and contrast themes (axe), with the unscored 2022 risks listed as such', async () => {
    for (const theme of ['dark', 'contrast']) {
      const page = await (await ctx.browser.newContext()).newPage();
      await page.goto(`${ctx.site.url}/teams/domain-cards?theme=${theme}`);
      await page.locator('section[aria-labelledby]').first().waitFor({ timeout: 30000 });
      await page.getByTestId('heatmap-toggle').click();
      await page.getByTestId('heatmap').waitFor();
      await page.getByTestId('heatmap-unscored').locator('summary').click();
      const axe = await new AxeBuilder({ page }).include('[data-testid="heatmap-section"]').analyze();
      const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${theme} ${v.id}: ${v.nodes.map((n) => n.failureSummary + ' ' + n.html).join(' | ')}`)).toEqual([]);
      await page.close();
    }
  });
});
