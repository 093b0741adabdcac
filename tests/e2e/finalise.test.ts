import { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import { createNodeRepository, createSp } from '../../tools/data/node';
import { useBrowserAndSite } from './harness';

const ctx = useBrowserAndSite();

async function openCards(path: string): Promise<Page> {
  const page = await (await ctx.browser.newContext()).newPage();
  await page.goto(ctx.site.url + path);
  await page.locator('section[aria-labelledby]').first().waitFor({ timeout: 30000 });
  return page;
}

describe('the year-end procedure in the browser (local users)', () => {
  it('?user=lees (a reader) sees no edit, doorschuif or finalise actions', async () => {
    const page = await openCards('/workbench/domain-cards?user=lees&year=2022');
    // Rights are read after the data: give them time to arrive before asserting absence.
    await page.waitForLoadState('networkidle');
    expect(await page.getByRole('button', { name: 'Definitief maken' }).count()).toBe(0);
    expect(await page.getByText('Nieuwe actie').count()).toBe(0);
    await page.locator('section[aria-labelledby]').first().locator('[data-quadrant$="-planning"] li button').first().click();
    await page.locator('.ms-Panel-main').waitFor();
    expect(await page.locator('.ms-Panel-main').getByText('Bewerken', { exact: true }).count()).toBe(0);
    expect(await page.getByText('Doorschuiven naar realisaties').count()).toBe(0);
    await page.close();
  });

  it('?user=pieter (control team) finalises 2022: button, preview (no serious/critical axe violations), confirm, stored in Rapporten', async () => {
    const page = await openCards('/workbench/domain-cards?user=pieter&year=2022');
    await page.getByRole('button', { name: 'Definitief maken' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('table').waitFor({ timeout: 30000 });
    expect(await dialog.textContent()).toContain('Rapportjaar: 2022');
    expect(await dialog.getByRole('row').count()).toBe(8);
    const axe = await new AxeBuilder({ page }).include('.ms-Dialog-main').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    // Focus starts on Annuleren: Enter twice never finalises an official report by accident.
    await page.waitForFunction(() => (document.activeElement?.textContent || '').trim() === 'Annuleren', undefined, { timeout: 5000 });
    await dialog.getByRole('button', { name: 'Definitief maken' }).click();
    await page.getByText('Het rapport 2022 is definitief bewaard.').waitFor({ timeout: 60000 });
    const stored = await createNodeRepository(ctx.site.siteUrl, undefined, 'pieter').getStoredReports();
    expect(stored.filter((r) => r.year === 2022).map((r) => r.format).sort()).toEqual(['Gegevens', 'PowerPoint', 'Word']);
    await page.close();
  });

  it('after 2022 is final: an action edited later is marked "gewijzigd na definitief rapport", and the final report shows next to today\'s', async () => {
    // Modified has whole seconds: make sure the edit is later than the report.
    await new Promise((r) => setTimeout(r, 1100));
    const acties = createSp(ctx.site.siteUrl, undefined, 'pieter').web.getList('/sites/organisatiebeheersing/Lists/Acties');
    const realised: Array<{ Id: number; Title: string; JaarGerealiseerd: number | null }> = await acties.items.select('Id', 'Title', 'JaarGerealiseerd').top(5000)();
    const target = realised.filter((a) => a.JaarGerealiseerd === 2022)[0];
    await acties.items.getById(target.Id).update({ Title: `${target.Title} (bijgewerkt)` });

    const page = await openCards('/workbench/domain-cards?user=pieter&year=2022');
    const item = page.locator(`li[data-item-id="${target.Id}"]`).first();
    await item.getByText(/gewijzigd na definitief rapport \(\d+ \S+ \d{4}\)/).waitFor({ timeout: 30000 });
    expect(await page.locator('[data-testid="changed-after-final"]').count()).toBeGreaterThanOrEqual(1);
    await page.getByRole('switch', { name: 'Toon definitief rapport 2022' }).click();
    await page.locator('[data-testid="final-snapshot"]').first().waitFor({ timeout: 30000 });
    expect(await page.locator('[data-testid="final-snapshot"]').count()).toBe(7);
    expect(await page.locator('[data-testid="final-snapshot"]').first().textContent()).toContain('Definitief rapport 2022 (alleen lezen)');
    await page.close();
  });

  it('a leftover of an interrupted finalisation: the reader\'s cards ignore it; a control-team member\'s cards remove it and say so quietly', async () => {
    const sp = createSp(ctx.site.siteUrl, undefined, 'pieter');
    const folder = sp.web.getFolderByServerRelativePath('/sites/organisatiebeheersing/Rapporten');
    // What the earlier code left when killed after its first upload: a temporary file with its year and Definitief = ja.
    const name = '~definitief-kq1abcde00000-Voortgangsrapport 2021.docx';
    await folder.files.addUsingPath(name, new TextEncoder().encode('half').buffer as ArrayBuffer, { Overwrite: false });
    await (await sp.web.getFileByServerRelativePath(`/sites/organisatiebeheersing/Rapporten/${name}`).getItem()).update({ Rapportjaar: 2021, Definitief: true });
    const names = async (): Promise<string[]> =>
      ((await sp.web.getList('/sites/organisatiebeheersing/Rapporten').items.select('FileLeafRef')()) as Array<{ FileLeafRef: string }>).map((i) => i.FileLeafRef);

    const reader = await openCards('/workbench/domain-cards?user=lees&year=2021');
    await reader.waitForLoadState('networkidle');
    expect(await reader.getByRole('link', { name: /Definitief rapport 2021/ }).count()).toBe(0);
    expect(await names()).toContain(name);
    await reader.close();

    const page = await openCards('/workbench/domain-cards?user=pieter&year=2021');
    await page.getByText("Een onderbroken 'Definitief maken' werd opgeruimd (tijdelijke bestanden verwijderd uit Rapporten: 1).").waitFor({ timeout: 30000 });
    expect(await page.locator('.ms-MessageBar--error').count()).toBe(0);
    expect(await names()).not.toContain(name);
    await page.close();
  });
});
