import * as AC from 'adaptivecards';
// jest maps the loc module to nl-nl.js, like SharePoint for a Dutch user.
import * as nl from 'OrgSummaryAdaptiveCardExtensionStrings';
import { cardViewContent, CardStrings, quickViewCard } from '../../src/adaptiveCardExtensions/orgSummary/cardContent';
import { buildFigures } from '../../src/model/figures';
import { domainTarget } from '../../src/model/links';
import { EXPECTED_2022, loadSeedData } from '../helpers/seedData';

const strings = nl as unknown as CardStrings;

describe('Viva Connections card content', () => {
  const figures = buildFigures(loadSeedData(), 2022, new Date(2023, 4, 15));

  it("card view: the year's headline and a button to the quick view", () => {
    const c = cardViewContent({ status: 'ready', figures }, strings);
    expect(c.title).toBe('Organisatiebeheersing');
    expect(c.header).toBe("27 open hoge risico's");
    // The same figures and words as the widget: 30 realisations (not 31), 18 in earlier planning, 0 overdue.
    expect(c.body).toBe('2022: 30 realisaties, 18 in eerdere planning, 0 te laat');
    expect(c.quickViewButton).toBe('Per domein');
  });

  it('is never blank: loading, error and no domains say so, without a quick view button', () => {
    expect(cardViewContent({ status: 'loading' }, strings).header).toBe('Cijfers worden geladen…');
    expect(cardViewContent({ status: 'error' }, strings).header).toContain('konden niet geladen worden');
    const empty = cardViewContent({ status: 'ready', figures: { ...figures, domains: [] } }, strings);
    expect(empty.header).toContain('Nog geen domeinen');
    expect(empty.quickViewButton).toBeUndefined();
  });

  it('a configured title replaces the default', () => {
    expect(cardViewContent({ status: 'ready', figures }, strings, 'Interne controle').title).toBe('Interne controle');
  });

  it('quick view: a valid Adaptive Card with the 7 domains, their counts and a link to each domain card', () => {
    const json = quickViewCard(figures, strings, (key) => domainTarget(undefined, key));
    const card = new AC.AdaptiveCard();
    card.parse(json);
    expect(card.validateProperties().validationEvents).toEqual([]);
    const containers = (json.body as Array<{ type: string; items?: unknown[] }>).filter((b) => b.type === 'Container');
    expect(containers).toHaveLength(7);
    const text = JSON.stringify(json);
    for (let i = 0; i < 7; i++) {
      const facts = (containers[i].items?.[1] as { facts: Array<{ value: string }> }).facts.map((f) => Number(f.value));
      expect(facts).toEqual([EXPECTED_2022[i][0], EXPECTED_2022[i][1], EXPECTED_2022[i][4], 0, 0]);
    }
    // A short button label that fits a phone; the tooltip names the domain.
    expect(text).toContain('"title":"Open domeinkaart","tooltip":"Open Organisatiecultuur"');
    // The totals say what counts once and what per domain.
    expect(text).toContain('2022: 30 realisaties, in 7 domeinen 31 vermeldingen. Eerdere planning: 18 acties, 20 vermeldingen.');
    expect(text).not.toMatch(/chterstallig/);
    const action = (containers[0].items?.[2] as { actions: Array<{ type: string; url: string }> }).actions[0];
    expect(action.type).toBe('Action.OpenUrl');
    expect(action.url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\/ae9cbe34-f28a-4b0e-90d2-dcd9b5cbb046\//);
  });

  it('quick view links go to the configured cards page when there is one', () => {
    const json = quickViewCard(figures, strings, (key) => domainTarget('https://contoso.sharepoint.com/sites/ob/SitePages/Organisatiebeheersing.aspx', key));
    expect(JSON.stringify(json)).toContain('https://contoso.sharepoint.com/sites/ob/SitePages/Organisatiebeheersing.aspx?domein=');
  });

  it('a 255-character domain title wraps in its heading; the button, which cannot wrap, keeps its short label', () => {
    const long = 'Organisatiebeheersingsrisicoopvolging'.repeat(7).slice(0, 255);
    const f = { ...figures, domains: figures.domains.map((d, i) => (i === 0 ? { ...d, title: long, shortTitle: long } : d)) };
    const json = quickViewCard(f, strings, (key) => domainTarget(undefined, key));
    // The first domain's container (after the title, intro and totals lines).
    const container = (json.body as Array<{ id?: string }>).filter((b) => b.id === `domain-${f.domains[0].key}`)[0] as unknown as { items: Array<{ type: string; text?: string; wrap?: boolean; actions?: Array<{ title: string; tooltip?: string }> }> };
    expect(container.items[0]).toMatchObject({ type: 'TextBlock', text: long, wrap: true });
    const action = container.items[2].actions![0];
    // Every domain's button has the same short label (fits 390 px, tests/e2e/card.test.ts); the tooltip has the whole name.
    expect(action.title).toBe('Open domeinkaart');
    expect(action.tooltip).toBe(`Open ${long}`);
  });
});
