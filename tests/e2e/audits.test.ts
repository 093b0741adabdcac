import { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { spfi, SPBrowser, SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { useBrowserAndSite } from './harness';

const ctx = useBrowserAndSite();
let sp: SPFI;

beforeAll(() => {
  sp = spfi(ctx.site.siteUrl).using(SPBrowser({ baseUrl: ctx.site.siteUrl }));
});

async function open(path: string): Promise<Page> {
  const page = await (await ctx.browser.newContext()).newPage();
  await page.goto(ctx.site.url + path);
  return page;
}

async function openAt(path: string, width: number): Promise<Page> {
  const page = await (await ctx.browser.newContext({ viewport: { width, height: 900 } })).newPage();
  await page.goto(ctx.site.url + path);
  return page;
}

async function openAudits(path: string = '/workbench/audits'): Promise<Page> {
  const page = await open(path);
  await page.locator('[data-audit-id]').first().waitFor({ timeout: 30000 });
  return page;
}

async function infoAuditId(): Promise<number> {
  const audits = await sp.web.lists.getByTitle('Audits').items.select('Id', 'Sleutel').top(5000)();
  return audits.filter((a: { Sleutel: string }) => a.Sleutel === 'audit-informatiebeheer-2022')[0].Id;
}

async function seriousViolations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('#root').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target} ${v.nodes[0]?.failureSummary}`);
}

describe('Auditopvolging in the local workbench', () => {
  it('shows the 20 audits of the 2022 import and the 10/19/17 figures of the information management audit', async () => {
    const page = await openAudits();
    expect(await page.locator('[data-audit-id]').count()).toBe(20);
    const info = page.locator('[data-audit-id]', { has: page.getByRole('heading', { name: 'Audit informatiebeheer', exact: true }) });
    expect(await info.getByTestId('findings').textContent()).toContain('10 sterktes · 19 verbeterpunten · 17 hoog prioritaire aanbevelingen');
    // Most audits have no figures, auditor or year: said once for the list, never on every card.
    expect(await page.getByText('Jaar niet vermeld').count()).toBe(1);
    expect(await page.locator('[data-testid="findings"]').count()).toBe(1);
    expect(await page.getByTestId('audits-unrecorded').textContent()).toContain('Bij 19 van de 20 audits');
    await page.close();
  });

  it('shows the execution rate of recommendations created through PnPjs', async () => {
    const auditId = await infoAuditId();
    const list = sp.web.lists.getByTitle('Aanbevelingen');
    const add = (title: string, p: string, status: string): Promise<unknown> => list.items.add({ Title: title, AuditId: auditId, Prioriteit: p, AanbevelingStatus: status });
    await add('Informatiebeheersplan opmaken', 'H', 'Uitgevoerd');
    await add('Rollen en verantwoordelijkheden vastleggen', 'H', 'Uitgevoerd');
    await add('Bewaartermijnen bepalen', 'H', 'Open');
    await add('Opleiding medewerkers', 'M', 'In uitvoering');
    const page = await openAudits(`/workbench/audits?audit=${auditId}`);
    const info = page.locator(`[data-audit-id="${auditId}"]`);
    const rate = (await info.getByTestId('execution-rate').textContent()) || '';
    expect(rate).toContain('2 van 4 aanbevelingen uitgevoerd (50%)');
    expect(rate).toContain('H-aanbevelingen: 2 van 3 uitgevoerd (67%)');
    // The deep link opened the audit's panel with the recommendations.
    const panel = page.locator('.ms-Panel-main');
    await panel.getByText('Aanbevelingen (4)').waitFor();
    expect(await panel.locator('[data-recommendation-id]').count()).toBe(4);
    expect(await seriousViolations(page, 'audit panel')).toEqual([]);
    await page.close();
  });

  it('a high risk on a domain card opens the audit it came from', async () => {
    const risks = await sp.web.lists.getByTitle('Risicos').items.select('Id', 'Title', 'AuditId').top(5000)();
    const risk = risks.filter((r: { AuditId: number | null }) => typeof r.AuditId === 'number')[0];
    const page = await open('/workbench/domain-cards');
    await page.locator('section[aria-labelledby]').first().waitFor({ timeout: 30000 });
    await page.locator(`li[data-risk-id="${risk.Id}"] > button`).click();
    const link = page.locator('.ms-Panel-main').getByTestId('risk-audit-link');
    const auditTitle = ((await link.textContent()) || '').trim();
    await link.click();
    await page.waitForURL(new RegExp(`/workbench/audits\\?audit=${risk.AuditId}$`));
    const panel = page.locator('.ms-Panel-main');
    await panel.waitFor({ timeout: 30000 });
    expect(await panel.locator('.ms-Panel-headerText').textContent()).toBe(auditTitle);
    // ... and the audit shows the risk that came from it.
    expect(await panel.getByTestId('audit-risks').textContent()).toContain(risk.Title);
    await page.close();
  });

  it('marks an overdue planned action on the cards and lists it under "Mijn acties" for the current user', async () => {
    const actions = sp.web.lists.getByTitle('Acties');
    const planned = (await actions.items.select('Id', 'Title', 'ActieStatus', 'JaarGepland', 'DomeinenId').top(5000)()).filter(
      (a: { ActieStatus: string; JaarGepland: number | null; DomeinenId: number[] }) => a.ActieStatus === 'Gepland' && a.JaarGepland === 2023 && a.DomeinenId.length === 1
    )[0];
    await actions.items.getById(planned.Id).update({ Deadline: '2023-01-15T12:00:00Z', EigenaarId: 7 });
    const cards = await open('/workbench/domain-cards?year=2022');
    await cards.locator('section[aria-labelledby]').first().waitFor({ timeout: 30000 });
    const mark = cards.locator(`li[data-item-id="${planned.Id}"] [data-deadline="overdue"]`);
    expect(await mark.textContent()).toMatch(/^te laat: deadline 15 januari 2023$/);
    expect(await cards.getByTestId('card-deadlines').first().textContent()).toContain('1 te laat');
    await cards.close();

    const mine = await open('/teams/audits?view=mine&theme=dark');
    const list = mine.getByTestId('mine-list');
    await list.waitFor({ timeout: 30000 });
    expect(await list.textContent()).toContain(planned.Title);
    expect(await list.textContent()).toContain('te laat: deadline 15 januari 2023');
    expect(await mine.getByText(/met Ann Janssens als eigenaar/).count()).toBe(1);
    expect(await seriousViolations(mine, 'mijn acties dark')).toEqual([]);
    await mine.close();

    const widget = await open('/workbench/summary');
    await widget.locator('#root [data-figure="overdue"]').first().waitFor({ timeout: 30000 });
    const overdue = await widget.locator('#root [data-figure="overdue"]').allTextContents();
    expect(overdue.filter((t) => t.startsWith('1 ')).length).toBe(1);
    await widget.close();
  });

  it('has no serious or critical axe-core violations (SharePoint page, Teams default, dark and contrast, per domain)', async () => {
    const bad: string[] = [];
    for (const path of ['/workbench/audits', '/workbench/audits?section=strong', '/teams/audits?theme=default', '/teams/audits?theme=dark', '/teams/audits?theme=contrast']) {
      const page = await openAudits(path);
      bad.push(...(await seriousViolations(page, path)));
      await page.close();
    }
    const page = await openAudits('/teams/audits?theme=contrast');
    await page.getByRole('tab', { name: 'Per domein' }).click();
    await page.getByRole('region', { name: 'Betrouwbare informatie' }).waitFor();
    bad.push(...(await seriousViolations(page, 'per domein contrast')));
    await page.close();
    expect(bad).toEqual([]);
  });

  it.each([1280, 390])('at %i px the widget and the audits page show the open recommendations and have no serious or critical axe-core violations', async (width) => {
    const bad: string[] = [];
    const widget = await openAt('/workbench/summary', width);
    await widget.locator('#root [data-figure="openRecommendations"]').first().waitFor({ timeout: 30000 });
    // Counted once in the total (the recommendations added above: 2 of 4 still open).
    expect(await widget.locator('#root').getByTestId('summary-totals').textContent()).toMatch(/, \d+ open aanbevelingen? uit audits\./);
    bad.push(...(await seriousViolations(widget, `widget ${width}`)));
    const overflow = await widget.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await widget.close();
    const audits = await openAt('/workbench/audits', width);
    await audits.locator('[data-audit-id]').first().waitFor({ timeout: 30000 });
    expect(await audits.getByTestId('open-recommendations').textContent()).toMatch(/^\d+ open aanbevelingen?/);
    bad.push(...(await seriousViolations(audits, `audits ${width}`)));
    await audits.getByRole('tab', { name: 'Per domein' }).click();
    await audits.getByRole('region', { name: 'Betrouwbare informatie' }).waitFor();
    expect(await audits.getByRole('region', { name: 'Betrouwbare informatie' }).textContent()).toMatch(/open aanbeveling/);
    bad.push(...(await seriousViolations(audits, `per domein ${width}`)));
    await audits.getByRole('tab', { name: 'Mijn acties' }).click();
    await audits.getByRole('heading', { name: 'Mijn acties', level: 2 }).waitFor();
    bad.push(...(await seriousViolations(audits, `mijn acties ${width}`)));
    await audits.close();
    expect(bad).toEqual([]);
  });
});
