/**
 * "Exporteren naar Excel" in Chromium: the button downloads an .xlsx of what is on screen
 * (the export code is bundled and loaded on the click) that exceljs reads back.
 */
import * as ExcelJS from 'exceljs';
import * as fs from 'fs';
import { Page } from 'playwright-core';
import { useBrowserAndSite } from './harness';

const ctx = useBrowserAndSite();

async function download(page: Page): Promise<{ name: string; wb: ExcelJS.Workbook }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30000 }), page.getByRole('button', { name: 'Exporteren naar Excel' }).click()]);
  const file = await dl.path();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file as string) as unknown as ArrayBuffer);
  return { name: dl.suggestedFilename(), wb };
}

describe('Exporteren naar Excel in the local workbench', () => {
  it('the cards: the risks and actions of the year shown, one sheet each, with autofilter and frozen header', async () => {
    const page = await (await ctx.browser.newContext({ acceptDownloads: true })).newPage();
    await page.goto(ctx.site.url + '/workbench/domain-cards');
    await page.locator('section[aria-labelledby]').first().waitFor({ timeout: 30000 });
    const risks = await page.locator('[data-quadrant$="-risks"] li[data-risk-id]').count();
    const { name, wb } = await download(page);
    expect(name).toMatch(/^domeinkaarten-2022-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Risico’s', 'Acties']);
    expect(wb.worksheets[0].rowCount - 1).toBe(risks);
    expect(wb.worksheets[1].rowCount).toBeGreaterThan(50);
    // Risks: 8 columns and the 10 of the assessment (empty for the 2022 risks); actions: 8.
    expect(wb.worksheets[0].autoFilter).toMatch(/^A1:R\d+$/);
    expect(wb.worksheets[1].autoFilter).toMatch(/^A1:H\d+$/);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    }
    await page.close();
  });

  it('the audits page: the 20 audits and their figures', async () => {
    const page = await (await ctx.browser.newContext({ acceptDownloads: true })).newPage();
    await page.goto(ctx.site.url + '/workbench/audits');
    await page.locator('[data-audit-id]').first().waitFor({ timeout: 30000 });
    const { wb } = await download(page);
    const audits = wb.getWorksheet('Audits') as ExcelJS.Worksheet;
    expect(audits.rowCount).toBe(21);
    const info = (audits.getSheetValues() as unknown[][]).filter((r) => r && r[1] === 'Audit informatiebeheer')[0];
    expect(info.slice(7, 10)).toEqual([10, 19, 17]);
    await page.close();
  });
});
