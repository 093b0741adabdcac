/** @jest-environment ./tests/dev/environment.js */
/**
 * The Viva card's reads against the local server: the homepage widget's counts path (one $batch, no titles of
 * actions, no descriptions) plus, for the signed-in user, the names of their own overdue and soon-due items.
 */
import * as nl from 'OrgSummaryAdaptiveCardExtensionStrings';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import { ensureSchema } from '../../src/data/ensureSchema';
import { loadCardFigures } from '../../src/data/cardData';
import { PnPSummarySource } from '../../src/data/summarySource';
import { clearPageLoads } from '../../src/data/pageLoads';
import { buildFigures } from '../../src/model/figures';
import { cardViewContent, CardStrings, quickViewCard } from '../../src/adaptiveCardExtensions/orgSummary/cardContent';
import { importReportData } from '../../tools/data/importData';
import { createSp } from '../../tools/data/node';
import { ITestServer, startTestServer } from '../helpers/localServer';
import { pageDigest, recordRequests } from '../helpers/pageContext';
import { pageContextSp } from '../../tools/data/browser';
import { loadSeedData } from '../helpers/seedData';
import { InjectHeaders } from '@pnp/queryable';

const strings = nl as unknown as CardStrings;
let srv: ITestServer;

/** The card as a user opens it: SPFx behaviour with the page's digest, as that local user. */
async function cardSource(user: string): Promise<PnPSummarySource> {
  const sp = pageContextSp(srv.siteUrl, await pageDigest(srv.siteUrl)).using(InjectHeaders({ 'X-LocalSP-User': user }));
  return new PnPSummarySource(sp, srv.siteUrl, user, { mine: true });
}

function isoDay(d: Date): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const today = new Date();
const inDays = (n: number): string => isoDay(new Date(today.getFullYear(), today.getMonth(), today.getDate() + n));
const titles: Record<string, string> = {};

beforeAll(async () => {
  srv = await startTestServer();
  const sp = createSp(srv.siteUrl);
  await ensureSchema(sp);
  await importReportData(sp, loadSeedData());
  // sofie (id 9) owns three open actions: one overdue, one due in 10 days, one due in 90 days; and a recommendation due in 5 days.
  const acties = sp.web.lists.getByTitle('Acties');
  const open = ((await acties.items.select('Id', 'Title', 'ActieStatus').top(5000)()) as Array<{ Id: number; Title: string; ActieStatus: string }>).filter((a) => a.ActieStatus === 'Gepland' || a.ActieStatus === 'Lopend');
  const plan: Array<[string, string]> = [['overdue', inDays(-3)], ['soon', inDays(10)], ['later', inDays(90)]];
  for (let i = 0; i < plan.length; i++) {
    await acties.items.getById(open[i].Id).update({ EigenaarId: 9, Deadline: plan[i][1] });
    titles[plan[i][0]] = open[i].Title;
  }
  const audit = ((await sp.web.lists.getByTitle('Audits').items.select('Id').top(1)()) as Array<{ Id: number }>)[0];
  await sp.web.lists.getByTitle('Aanbevelingen').items.add({ Title: 'Toegangsrechten jaarlijks herzien', AuditId: audit.Id, Prioriteit: 'H', AanbevelingStatus: 'Open', EigenaarId: 9, Deadline: inDays(5) });
});

afterAll(() => srv.stop());

beforeEach(() => clearPageLoads());

describe('Viva card data', () => {
  it("reads through the widget's counts path: the same figures, one $batch, no descriptions", async () => {
    const source = await cardSource('lees');
    const rec = recordRequests();
    let loaded;
    try {
      loaded = await loadCardFigures(source, 2022, today);
    } finally {
      rec.stop();
    }
    // lees owns nothing: one request, the counts batch (with who is signed in).
    expect(rec.log.map((r) => r.method)).toEqual(['POST']);
    expect(rec.log[0].url).toMatch(/\/_api\/\$batch$/);
    expect(rec.log[0].text).not.toMatch(/Beschrijving|Toelichting|Opmerking/);
    const widget = new PnPSummarySource(pageContextSp(srv.siteUrl, await pageDigest(srv.siteUrl)), srv.siteUrl, 'widget');
    const widgetFigures = buildFigures(await widget.loadSummary(), 2022, today);
    expect(loaded.figures.domains).toEqual(widgetFigures.domains);
    expect(loaded.figures.totals).toEqual(widgetFigures.totals);
    expect(loaded.mine).toEqual({ overdue: 0, dueSoon: 0, items: [] });
  });

  it("puts the signed-in user's own overdue and soon-due items first on the card and the quick view", async () => {
    const source = await cardSource('sofie');
    const rec = recordRequests();
    let loaded;
    try {
      loaded = await loadCardFigures(source, 2022, today);
    } finally {
      rec.stop();
    }
    // The counts batch, then one small read of the names of her due actions.
    expect(rec.log).toHaveLength(2);
    expect(loaded.mine && [loaded.mine.overdue, loaded.mine.dueSoon]).toEqual([1, 2]);
    const card = cardViewContent({ status: 'ready', figures: loaded.figures, mine: loaded.mine }, strings);
    expect(card.header).toBe('Jouw acties: 1 te laat, 2 binnen 30 dagen');
    expect(card.body).toMatch(/^\d+ open hoge risico's\. 2022: /);
    const quick = quickViewCard(loaded.figures, strings, (k) => k, loaded.mine, 'https://teams.microsoft.com/l/entity/x/y');
    const first = quick.body[0] as { id: string; items: Array<{ text?: string }> };
    expect(first.id).toBe('mine');
    const lines = first.items.map((i) => i.text || '').filter((t) => /^(Actie|Aanbeveling):/.test(t));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(`Actie: ${titles.overdue}`);
    expect(lines[0]).toContain('te laat');
    expect(lines.join('\n')).toContain('Aanbeveling: Toegangsrechten jaarlijks herzien');
    expect(lines.join('\n')).toContain(`Actie: ${titles.soon}`);
    expect(lines.join('\n')).not.toContain(titles.later);
  });

  it("another user's card does not show sofie's items", async () => {
    const loaded = await loadCardFigures(await cardSource('pieter'), 2022, today);
    expect(loaded.mine && loaded.mine.items).toEqual([]);
    expect(cardViewContent({ status: 'ready', figures: loaded.figures, mine: loaded.mine }, strings).header).toMatch(/open hoge risico's$/);
  });
});
