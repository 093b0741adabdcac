/**
 * Long text in the real pages: a 255-character unbroken title (a domain, an action, a risk,
 * an audit, a recommendation, a maturity theme) and 10,000-character comments must wrap,
 * never make a page or a part of it scroll sideways.
 */
import { Page } from 'playwright-core';
import { createSp } from '../../tools/data/node';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import { useBrowserAndSite } from './harness';

const ctx = useBrowserAndSite();

/** Unbroken: no space, hyphen or other break opportunity in 255 characters. */
function unbroken(prefix: string, length: number): string {
  return (prefix + 'Organisatiebeheersingsrisicoopvolgingsactieplan'.repeat(Math.ceil(length / 40))).slice(0, length);
}

const TITLE = (p: string): string => unbroken(p, 255);
const COMMENT = (p: string): string => unbroken(p, 10000);

interface IItem {
  Id: number;
}

async function first(list: string, filter?: string): Promise<number> {
  let q = createSp(ctx.site.siteUrl, undefined, 'ann').web.lists.getByTitle(list).items.select('Id').top(1);
  if (filter) q = q.filter(filter);
  const items = (await q()) as IItem[];
  return items[0].Id;
}

async function update(list: string, id: number, values: Record<string, unknown>, user: string = 'ann'): Promise<void> {
  await createSp(ctx.site.siteUrl, undefined, user).web.lists.getByTitle(list).items.getById(id).update(values);
}

let auditId = 0;
let riskId = 0;
let roundId = 0;
let themeIds: number[] = [];

/** What scrolls sideways: the document, and any box in the web part (panels included) wider than its room. */
async function sideways(page: Page, scope: string = '#root'): Promise<string[]> {
  return page.evaluate((sel: string) => {
    const out: string[] = [];
    const doc = document.scrollingElement as HTMLElement;
    if (doc.scrollWidth > doc.clientWidth + 1) out.push(`document ${doc.scrollWidth} > ${doc.clientWidth}`);
    const roots = Array.prototype.slice.call(document.querySelectorAll(`${sel}, .ms-Panel-main, .ms-Dialog-main`)) as HTMLElement[];
    for (const root of roots) {
      const limit = root.getBoundingClientRect().right + 1;
      const all = [root].concat(Array.prototype.slice.call(root.querySelectorAll('*')) as HTMLElement[]);
      for (const el of all) {
        const style = getComputedStyle(el);
        if (style.display === 'none' || style.visibility === 'hidden') continue;
        const r = el.getBoundingClientRect();
        const name = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}.${String(el.getAttribute('class') || '').split(' ')[0]}`;
        // Off-screen helpers (visually hidden text) are 1px wide on purpose.
        if (r.width <= 1) continue;
        if (r.right > limit) out.push(`${name} ends at ${Math.round(r.right)} > ${Math.round(limit)}`);
        // Content wider than its box (shown past it or scrolled). SVG shapes are no boxes; Fluent's wrapping
        // Stack reaches half a gap past its box by design (a few px); a long word overflows by thousands.
        if (el instanceof SVGElement) continue;
        const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll' || style.overflowX === 'visible';
        if (scrolls && el.scrollWidth > el.clientWidth + 8 && el.clientWidth > 1) out.push(`${name} content ${el.scrollWidth} > ${el.clientWidth}`);
      }
    }
    return out.slice(0, 10);
  }, scope);
}

async function open(path: string, ready: string): Promise<Page> {
  const page = await (await ctx.browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(ctx.site.url + path);
  await page.locator(ready).first().waitFor({ timeout: 30000 });
  // Let late layout (fonts, charts) settle.
  await page.waitForTimeout(300);
  return page;
}

describe('long text wraps everywhere', () => {
  beforeAll(async () => {
    const domainId = await first('Domeinen');
    await update('Domeinen', domainId, { Title: TITLE('Domein'), KorteTitel: TITLE('Kort') });
    const actionId = await first('Acties', `DomeinenId eq ${domainId}`).catch(() => first('Acties'));
    await update('Acties', actionId, { Title: TITLE('Actie') });
    const risk = ((await createSp(ctx.site.siteUrl, undefined, 'ann')
      .web.lists.getByTitle('Risicos')
      .items.select('Id', 'AuditId')
      .filter('AuditId ne null')
      .top(1)()) as Array<{ Id: number; AuditId: number }>)[0];
    riskId = risk.Id;
    await update('Risicos', risk.Id, { Title: TITLE('Risico') });
    auditId = risk.AuditId;
    await update('Audits', auditId, { Title: TITLE('Audit') });
    await createSp(ctx.site.siteUrl, undefined, 'ann')
      .web.lists.getByTitle('Aanbevelingen')
      .items.add({ Title: TITLE('Aanbeveling'), AuditId: auditId, Prioriteit: 'H' });

    const sp = createSp(ctx.site.siteUrl, undefined, 'ann');
    const round = ((await sp.web.lists.getByTitle('MaturiteitRondes').items.select('Id', 'ThemasId').top(1)()) as Array<{ Id: number; ThemasId: number[] }>)[0];
    roundId = round.Id;
    themeIds = round.ThemasId;
    await update('MaturiteitThemas', themeIds[0], { Title: TITLE('Thema') });
    // Each rater writes their own scores (as SharePoint would require with blind scoring).
    for (const rater of ['ann', 'pieter', 'sofie']) {
      const me = (await createSp(ctx.site.siteUrl, undefined, rater).web.currentUser()) as { Id: number };
      for (const themeId of themeIds) {
        await createSp(ctx.site.siteUrl, undefined, rater)
          .web.lists.getByTitle('MaturiteitScores')
          .items.add({ RondeId: roundId, ThemaId: themeId, BeoordelaarId: me.Id, Score: 3, Opmerking: COMMENT(`Opmerking${rater}`) });
      }
    }
  });

  const PAGES: Array<[string, string, string]> = [
    ['/workbench/domain-cards', 'section', '#root'],
    ['/teams/domain-cards?width=mobile', 'section', '#root'],
    ['/teams/audits?width=mobile', '[data-audit-id]', '#root'],
    ['/workbench/summary', 'li[data-domain-id]', '#root, #root-full'],
    ['/workbench/card', '#card-light[data-status="ready"]', '#quickview-light, #card-light, #quickview-dark, #card-dark']
  ];
  it.each(PAGES)('%s', async (path, ready, scope) => {
    const page = await open(path, ready);
    // A long title (the domain's, its short wording, an audit's) is on the page.
    expect(await page.locator(scope.split(',')[0]).textContent()).toMatch(/(Domein|Kort|Audit)Organisatiebeheersings/);
    expect(await sideways(page, scope)).toEqual([]);
    await page.close();
  });

  it('the details panel of the long risk on the cards, naming its long audit', async () => {
    const page = await open('/workbench/domain-cards', 'section');
    await page.locator(`li[data-risk-id="${riskId}"] > button`).click();
    const panel = page.locator('.ms-Panel-main');
    await panel.getByText(TITLE('Audit')).waitFor();
    expect(await panel.textContent()).toContain(TITLE('Risico'));
    expect(await sideways(page)).toEqual([]);
    await page.close();
  });

  it('the audits page and the panel of the long audit', async () => {
    const page = await open(`/workbench/audits?audit=${auditId}`, '.ms-Panel-main');
    expect(await page.locator('.ms-Panel-main').textContent()).toContain(TITLE('Audit'));
    expect(await sideways(page)).toEqual([]);
    await page.close();
  });

  it('maturity as the facilitator pieter: scoring, consensus and results', async () => {
    let page = await open('/workbench/maturity?user=pieter', '[data-round-id]');
    expect(await page.locator('#root').textContent()).toContain(TITLE('Thema'));
    expect(await sideways(page)).toEqual([]);
    await page.close();

    // The facilitator (pieter) moves the round and records the consensus, as the maturity rules want.
    await update('MaturiteitRondes', roundId, { RondeStatus: 'consensus' }, 'pieter');
    page = await open('/workbench/maturity?user=pieter', '[data-testid="consensus-view"]');
    expect(await page.locator('#root').textContent()).toContain(COMMENT('Opmerkingann'));
    expect(await sideways(page)).toEqual([]);
    await page.close();

    for (const themeId of themeIds) {
      await createSp(ctx.site.siteUrl, undefined, 'pieter')
        .web.lists.getByTitle('MaturiteitConsensus')
        .items.add({ RondeId: roundId, ThemaId: themeId, Score: 3, Opmerking: COMMENT('Consensus') });
    }
    await update('MaturiteitRondes', roundId, { RondeStatus: 'afgesloten' }, 'pieter');
    page = await open('/workbench/maturity?user=pieter', '[data-testid="results-view"]');
    expect(await page.getByTestId('results-table').textContent()).toContain(TITLE('Thema'));
    expect(await sideways(page)).toEqual([]);
    await page.close();
  });
});
