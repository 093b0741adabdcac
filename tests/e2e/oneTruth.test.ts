/**
 * One truth on every surface, in the browser: the homepage widget (/workbench/summary), the
 * Viva card (/workbench/card) and the domain cards (/workbench/domain-cards) show the figures
 * the model (src/model/figures) computes from the same data read over REST: on the 2022 data,
 * after a doorschuiven, and after adding generated actions shared by several domains, with
 * deadlines, risks of every priority and recommendations.
 */
import { Page } from 'playwright-core';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { useBrowserAndSite } from './harness';
import { createNodeRepository, createSp } from '../../tools/data/node';
import { listOf } from '../../src/data/lists';
import { buildFigures, IFigures } from '../../src/model/figures';
import { defaultReportYear } from '../../src/model/report';
import { IReportData } from '../../src/model/types';

const ctx = useBrowserAndSite();
jest.setTimeout(240000);

interface IShown {
  widget: number[][];
  widgetTotals: string;
  card: string;
  quick: number[][];
  cards: number[][];
  years: string[];
}

async function modelNow(): Promise<{ data: IReportData; f: IFigures }> {
  const data = await createNodeRepository(ctx.site.siteUrl).loadReportData();
  const today = new Date();
  return { data, f: buildFigures(data, defaultReportYear(data, undefined, today, data.finalYears || []), today) };
}

async function open(path: string, ready: string): Promise<Page> {
  // A fresh context each time: no figures cached from an earlier visit.
  const page = await (await ctx.browser.newContext()).newPage();
  await page.goto(ctx.site.url + path);
  await page.locator(ready).first().waitFor({ timeout: 60000 });
  return page;
}

function firstNumber(text: string | null): number {
  const m = /-?\d+/.exec(text || '');
  return m ? Number(m[0]) : NaN;
}

async function readSurfaces(domains: number): Promise<IShown> {
  const widget = await open('/workbench/summary', '#root li[data-domain-id]');
  const rows = await widget.locator('#root li[data-domain-id]').evaluateAll((els) =>
    els.map((el) => ['risks', 'realised', 'planned', 'earlierPlanning', 'overdue'].map((n) => (el.querySelector(`[data-figure="${n}"]`) || { textContent: '' }).textContent || ''))
  );
  const widgetTotals = (await widget.locator('#root [data-testid="summary-totals"]').textContent()) || '';
  const widgetYear = (await widget.locator('#root h2').first().textContent()) || '';
  await widget.close();

  const card = await open('/workbench/card', '#card-light .ac-adaptiveCard');
  await card.locator('#card-dark[data-status="ready"]').waitFor({ timeout: 60000 });
  const cardText = (await card.locator('#card-light').textContent()) || '';
  const quick: number[][] = [];
  for (let i = 0; i < domains; i++) {
    const values = await card.locator('#quickview-light [id^="domain-"]').nth(i).locator('.ac-factset tr td:last-child, .ac-factset .ac-fact-value').allTextContents();
    quick.push(values.map(Number));
  }
  const quickTitle = (await card.locator('#quickview-light').textContent()) || '';
  await card.close();

  const cardsPage = await open('/workbench/domain-cards', 'section[aria-labelledby] h2');
  await cardsPage.waitForFunction((n) => document.querySelectorAll('section[aria-labelledby]').length === n, domains, { timeout: 60000 });
  const cards = await cardsPage.locator('section[aria-labelledby]').evaluateAll((els) =>
    els.map((s) => {
      const counts = ((s.querySelector('h2 + p') || { textContent: '' }).textContent || '').match(/\d+/g) || [];
      const older = /Eerdere planning \((\d+)\)/.exec(s.textContent || '');
      const deadlines = s.querySelector('[data-testid="card-deadlines"]');
      const late = deadlines ? /(\d+) te laat/.exec(deadlines.textContent || '') : null;
      return [Number(counts[0]), Number(counts[1]), Number(counts[3]), older ? Number(older[1]) : 0, late ? Number(late[1]) : 0, Number(counts[2])];
    })
  );
  await cardsPage.close();
  return {
    widget: rows.map((r) => r.map(firstNumber)),
    widgetTotals,
    card: cardText,
    quick,
    cards: cards.map((c) => c.slice(0, 5)),
    years: [widgetYear, /per domein/.test(quickTitle) ? (/(\d{4}) per domein/.exec(quickTitle) || [])[1] || '' : '', String(cards[0][5])]
  };
}

function expectSame(shown: IShown, f: IFigures): void {
  const perDomain = f.domains.map((d) => [d.openHighRisks, d.realised, d.newPlanning, d.earlierPlanning, d.overdue]);
  // The same year everywhere.
  expect(shown.years).toEqual([`Organisatiebeheersing ${f.year}`, String(f.year), String(f.year)]);
  expect(shown.widget).toEqual(perDomain);
  expect(shown.cards).toEqual(perDomain);
  expect(shown.quick).toEqual(f.domains.map((d) => [d.openHighRisks, d.realised, d.earlierPlanning, d.overdue, d.openRecommendations]));
  const t = f.totals;
  expect(shown.card).toContain(`${t.openHighRisks} open hoge risico's`);
  expect(shown.card).toMatch(new RegExp(`${f.year}: ${t.realised} realisatie.*, ${t.earlierPlanning} in eerdere planning, ${t.overdue} te laat`));
  expect(shown.widgetTotals).toMatch(new RegExp(`: ${t.openHighRisks} .*, ${t.realised} realisatie.* in ${f.year}, ${t.newPlanning} actie.* nieuw gepland voor ${f.year + 1}, ${t.earlierPlanning} in eerdere planning, ${t.overdue} te laat, ${t.openRecommendations} open aanbeveling.* uit audits\\.`));
}

describe('one truth on every surface (browser)', () => {
  it('the 2022 data: widget, Viva card and cards show the model figures, on the decided year 2022', async () => {
    const { f } = await modelNow();
    expect(f.year).toBe(2022);
    expect([f.totals.realised, f.mentions.realised, f.totals.earlierPlanning, f.mentions.earlierPlanning]).toEqual([30, 31, 18, 20]);
    expectSame(await readSurfaces(f.domains.length), f);
  });

  it('after one doorschuiven (an earlier planning item of two domains realised in 2022) they still agree, on 2022', async () => {
    const { data } = await modelNow();
    const item = data.actions.filter((a) => a.status !== 'Gerealiseerd' && a.status !== 'Geschrapt' && a.domainIds.length > 1 && (a.plannedYear === undefined || a.plannedYear <= 2022))[0];
    const sp = createSp(ctx.site.siteUrl);
    await listOf(sp, 'actions').items.getById(item.id).update({ ActieStatus: 'Gerealiseerd', JaarGerealiseerd: 2022 });
    // And one Planning 2023 item realised in 2023: the year must not move by itself.
    const next = data.actions.filter((a) => a.plannedYear === 2023 && a.status !== 'Gerealiseerd')[0];
    await listOf(sp, 'actions').items.getById(next.id).update({ ActieStatus: 'Gerealiseerd', JaarGerealiseerd: 2023 });
    const { f } = await modelNow();
    expect(f.year).toBe(2022);
    expect(f.totals.realised).toBe(31);
    expectSame(await readSurfaces(f.domains.length), f);
  });

  it('with generated actions shared by several domains, deadlines, risks of every priority and recommendations', async () => {
    const { data } = await modelNow();
    const sp = createSp(ctx.site.siteUrl);
    const ids = data.domains.filter((d) => d.active).map((d) => d.id);
    const deadlines = ['2025-01-31T00:00:00Z', '2026-06-30T00:00:00Z', '2099-06-30T00:00:00Z', null];
    for (let i = 0; i < 12; i++) {
      const domainIds = [ids[i % ids.length], ids[(i + 2) % ids.length]].concat(i % 4 === 0 ? [ids[(i + 4) % ids.length]] : []);
      const realised = i % 3 === 0;
      await listOf(sp, 'actions').items.add({
        Title: `Gedeelde actie ${i}`,
        DomeinenId: domainIds,
        ActieStatus: realised ? 'Gerealiseerd' : i % 3 === 1 ? 'Lopend' : 'Gepland',
        JaarGepland: realised || i % 2 === 0 ? 2022 : 2023,
        JaarGerealiseerd: realised ? 2022 : null,
        Deadline: deadlines[i % deadlines.length]
      });
    }
    for (const [i, p] of (['Middel', 'Laag', 'Hoog'] as const).entries()) {
      await listOf(sp, 'risks').items.add({ Title: `Risico ${p}`, DomeinId: ids[i], Prioriteit: p, RisicoStatus: 'Open', JaarVastgesteld: 2022 });
    }
    const audit = data.audits.filter((a) => a.domainIds.length > 1)[0] || data.audits[0];
    await listOf(sp, 'recommendations').items.add({ Title: 'Aanbeveling met verstreken deadline', AuditId: audit.id, Prioriteit: 'H', AanbevelingStatus: 'Open', Deadline: '2025-03-31T00:00:00Z' });
    const { f } = await modelNow();
    expect(f.mentions.overdue).toBeGreaterThan(f.totals.overdue);
    expect(f.totals.overdue).toBeGreaterThan(0);
    expectSame(await readSurfaces(f.domains.length), f);
  });
});
