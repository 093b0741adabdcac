import * as AC from 'adaptivecards';
// jest maps the loc module to nl-nl.js, like SharePoint for a Dutch user.
import * as nl from 'OrgSummaryAdaptiveCardExtensionStrings';
import { cardViewContent, CardStrings, quickViewCard } from '../../src/adaptiveCardExtensions/orgSummary/cardContent';
import { buildCardFigures } from '../../src/model/cardFigures';
import { domainTarget } from '../../src/model/links';
import { EXPECTED_2022, loadSeedData } from '../helpers/seedData';

const strings = nl as unknown as CardStrings;

describe('Viva Connections card content', () => {
  const figures = buildCardFigures(loadSeedData(), 2022);

  it("card view: the year's headline and a button to the quick view", () => {
    const c = cardViewContent({ status: 'ready', figures }, strings);
    expect(c.title).toBe('Organisatiebeheersing');
    expect(c.header).toBe("27 open hoge risico's");
    expect(c.body).toBe(`2022: ${figures.realisedThisYear} realisaties, ${figures.overdue} achterstallig`);
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
      expect(facts).toEqual([EXPECTED_2022[i][0], EXPECTED_2022[i][1], EXPECTED_2022[i][4]]);
    }
    expect(text).toContain('Open Organisatiecultuur');
    const action = (containers[0].items?.[2] as { actions: Array<{ type: string; url: string }> }).actions[0];
    expect(action.type).toBe('Action.OpenUrl');
    expect(action.url).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/entity\/ae9cbe34-f28a-4b0e-90d2-dcd9b5cbb046\//);
  });

  it('quick view links go to the configured cards page when there is one', () => {
    const json = quickViewCard(figures, strings, (key) => domainTarget('https://contoso.sharepoint.com/sites/ob/SitePages/Organisatiebeheersing.aspx', key));
    expect(JSON.stringify(json)).toContain('https://contoso.sharepoint.com/sites/ob/SitePages/Organisatiebeheersing.aspx?domein=');
  });

  it('a 255-character domain title wraps in its heading; the button that cannot wrap gets a cut title', () => {
    const long = 'Organisatiebeheersingsrisicoopvolging'.repeat(7).slice(0, 255);
    const f = { ...figures, domains: figures.domains.map((d, i) => (i === 0 ? { ...d, title: long, shortTitle: long } : d)) };
    const json = quickViewCard(f, strings, (key) => domainTarget(undefined, key));
    const container = json.body[2] as { items: Array<{ type: string; text?: string; wrap?: boolean; actions?: Array<{ title: string }> }> };
    expect(container.items[0]).toMatchObject({ type: 'TextBlock', text: long, wrap: true });
    const button = container.items[2].actions![0].title;
    expect(button.length).toBeLessThanOrEqual(60);
    expect(button).toContain(long.slice(0, 20));
    expect(button.endsWith('…')).toBe(true);
  });
});
