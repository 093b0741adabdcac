/**
 * Issue 23 item 3, done-when: "a facilitator turns low scores into a bundled, owned action plan".
 * Through the real workbench: targets on the themes, three raters, pieter (facilitator) records the consensus,
 * bundles three proposed units into one action with priority, owner and deadline; the lists show it.
 */
import { Locator, Page } from 'playwright-core';
import { createSp } from '../../tools/data/node';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { useBrowserAndSite } from './harness';

const ctx = useBrowserAndSite();

/** Ids of the local directory (dev/server/directory.ts). */
const SOFIE_ID = 9;

/** The five themes of the demo round, in scoring order. */
const UNITS = [1, 3, 4, 9, 10];
/** Unit 1: spread 2; unit 9: spread 3; units 3 and 4 end below their target 4; unit 10 meets its target 4. */
const SCORES: Record<string, number[]> = {
  ann: [2, 3, 3, 1, 4],
  pieter: [4, 3, 3, 4, 4],
  sofie: [3, 3, 2, 2, 3]
};
const CONSENSUS: Record<number, number> = { 1: 3, 3: 3, 4: 3, 9: 2, 10: 4 };
const TARGETS: Record<number, number> = { 3: 4, 4: 4, 10: 4 };
const BUNDLED = [3, 4, 9];
const TITLE = 'Opvolging en financiële rapportering versterken';
const DEADLINE = '2024-06-30';

interface IThemeItem {
  Id: number;
  Nummer: number;
  DomeinId: number | null;
}

async function open(path: string): Promise<Page> {
  const page = await (await ctx.browser.newContext()).newPage();
  await page.goto(ctx.site.url + path);
  await page.locator('[data-round-id]').waitFor({ timeout: 30000 });
  return page;
}

/** A unit of the consensus view, by the chapter number in its heading. */
function unitRow(page: Page, num: number): Locator {
  return page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`^${num}\\s`) }) });
}

function proposalsRegion(page: Page): Locator {
  return page.getByRole('region', { name: 'Voorstellen voor verbeteracties' });
}

async function scoreAll(user: string): Promise<void> {
  const page = await open(`/workbench/maturity?user=${user}`);
  for (let i = 0; i < UNITS.length; i++) {
    const unit = page.locator('[data-unit^="t:"]').nth(i);
    await unit.locator('label', { hasText: new RegExp(`^${SCORES[user][i]} – `) }).click();
  }
  await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
  await page.getByText('5 score(s) bewaard.').waitFor();
  await page.close();
}

/** Picks an option of a Fluent dropdown by its label. */
async function choose(page: Page, scope: Locator, label: string, option: string): Promise<void> {
  await scope.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option, exact: true }).click();
  expect(await scope.getByRole('combobox', { name: label }).textContent()).toContain(option);
}

describe('Maturiteitsinschatting: a facilitator turns low scores into a bundled, owned action plan (issue 23)', () => {
  const themes: Record<number, IThemeItem> = {};

  it('sets target levels (Doelniveau) on three themes as ann, and ann, pieter and sofie score the round', async () => {
    const sp = createSp(ctx.site.siteUrl, undefined, 'ann');
    const list = sp.web.lists.getByTitle('MaturiteitThemas');
    for (const t of (await list.items.select('Id', 'Nummer', 'DomeinId').top(100)()) as IThemeItem[]) themes[t.Nummer] = t;
    for (const num of Object.keys(TARGETS).map(Number)) await list.items.getById(themes[num].Id).update({ Doelniveau: TARGETS[num] });
    // Theme 3 gets the last domain (the seed leaves it without one), so its domain differs from the fallback (the first).
    const domainIds = ((await sp.web.lists.getByTitle('Domeinen').items.select('Id').top(100)()) as { Id: number }[]).map((d) => d.Id);
    expect(domainIds.length).toBeGreaterThan(1);
    await list.items.getById(themes[3].Id).update({ DomeinId: domainIds[domainIds.length - 1] });
    themes[3].DomeinId = domainIds[domainIds.length - 1];
    const stored = (await list.items.select('Nummer', 'Doelniveau').top(100)()) as { Nummer: number; Doelniveau: number | null }[];
    expect(stored.filter((t) => t.Doelniveau !== null).sort((a, b) => a.Nummer - b.Nummer).map((t) => [t.Nummer, t.Doelniveau])).toEqual([[3, 4], [4, 4], [10, 4]]);
    for (const user of Object.keys(SCORES)) await scoreAll(user);
  });

  it('pieter moves the round to consensus and records it; the units below target or with a spread of 2+ are proposed', async () => {
    const page = await open('/workbench/maturity?user=pieter');
    await page.getByRole('button', { name: 'Naar consensus' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Naar consensus' }).click();
    await page.getByTestId('consensus-view').waitFor();
    for (const num of UNITS) {
      const unit = unitRow(page, num);
      await unit.locator('label', { hasText: new RegExp(`^${CONSENSUS[num]} – `) }).click();
      await unit.getByRole('button', { name: new RegExp(`^Consensus bewaren: ${num} \\S`) }).click();
      await unit.getByText(`Consensus: ${CONSENSUS[num]}`, { exact: true }).first().waitFor();
    }
    await page.getByTestId('consensus-count').getByText('Consensus voor 5 van 5.').waitFor();
    const boxes = proposalsRegion(page).getByRole('checkbox');
    const names = await boxes.evaluateAll((els) => els.map((e) => (e.closest('li') as HTMLElement).textContent || ''));
    // Spread first (discussed first), then below target; theme 10 meets its target and has a spread of 1.
    expect(names).toEqual([
      '9 Facilitaire middelen, opdrachten en contracten — spreiding 3',
      '1 Doelstellingen en procesmanagement — spreiding 2',
      '3 Monitoring — consensus 3, doel 4: onder het doel',
      '4 Financieel management — consensus 3, doel 4: onder het doel'
    ]);
    await page.close();
  });

  it('sofie, a rater who is not the facilitator, sees the proposals but no controls to bundle them', async () => {
    const page = await open('/workbench/maturity?user=sofie');
    await page.getByTestId('consensus-view').waitFor();
    const region = proposalsRegion(page);
    await region.getByText('3 Monitoring — consensus 3, doel 4: onder het doel').waitFor();
    expect(await region.getByText(/onder het doel/).count()).toBe(2);
    expect(await region.getByRole('checkbox').count()).toBe(0);
    expect(await region.getByRole('button').count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Bundelen tot één actie/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Aanmaken in Acties/ }).count()).toBe(0);
    await page.close();
  });

  it('pieter bundles 3, 4 and 9 into one action with title, priority, owner and deadline; Acties holds it once, the consensus links it, the page links to it', async () => {
    const page = await open('/workbench/maturity?user=pieter');
    await page.getByTestId('consensus-view').waitFor();
    const region = proposalsRegion(page);
    for (const num of BUNDLED) {
      // As a user does: a click on the checkbox's label (Fluent draws the box over the input).
      await region.getByText(new RegExp(`^${num} \\S.* — `)).click();
      expect(await region.getByRole('checkbox', { name: new RegExp(`^${num} \\S`) }).isChecked()).toBe(true);
    }
    await region.getByLabel('Titel van de verbeteractie').fill(TITLE);
    await choose(page, region, 'Prioriteit', 'hoog');
    await choose(page, region, 'Eigenaar', 'Sofie Maes');
    await region.getByLabel('Deadline').fill(DEADLINE);
    await region.getByRole('button', { name: 'Bundelen tot één actie (3 doelstelling(en))' }).click();
    expect(await region.getByRole('list').last().textContent()).toContain(`${TITLE} — prioriteit hoog, 3 doelstelling(en)`);
    // The proposals are free again for a next bundle.
    expect(await region.getByRole('checkbox', { checked: true }).count()).toBe(0);
    await region.getByRole('button', { name: 'Aanmaken in Acties (1)' }).click();
    await region.getByText('1 verbeteractie(s) aangemaakt en gekoppeld.').waitFor();

    const sp = createSp(ctx.site.siteUrl, undefined, 'ann');
    const actions = (await sp.web.lists.getByTitle('Acties').items.select('Id', 'Title', 'EigenaarId', 'Deadline', 'DomeinenId', 'JaarGepland', 'ActieStatus', 'Beschrijving').top(5000)()) as {
      Id: number; Title: string; EigenaarId: number | null; Deadline: string | null; DomeinenId: number[] | { results: number[] }; JaarGepland: number; ActieStatus: string; Beschrijving: string;
    }[];
    const created = actions.filter((a) => a.Title === TITLE);
    expect(created).toHaveLength(1);
    const action = created[0];
    expect(action.EigenaarId).toBe(SOFIE_ID);
    expect(action.Deadline).toMatch(new RegExp(`^${DEADLINE}`));
    const domains = Array.isArray(action.DomeinenId) ? action.DomeinenId : action.DomeinenId.results;
    expect(domains).toEqual([themes[3].DomeinId]);
    expect(action).toEqual(expect.objectContaining({ JaarGepland: 2023, ActieStatus: 'Gepland' }));
    // Acties has no priority column: the priority and the bundled units are in the description.
    expect(action.Beschrijving).toContain('prioriteit: hoog');
    for (const name of ['3 Monitoring', '4 Financieel management', '9 Facilitaire middelen']) expect(action.Beschrijving).toContain(name);

    const consensus = (await sp.web.lists.getByTitle('MaturiteitConsensus').items.select('ThemaId', 'ActiesId').top(100)()) as {
      ThemaId: number; ActiesId: number[] | { results: number[] } | null;
    }[];
    const linksOf = (num: number): number[] => {
      const c = consensus.filter((x) => x.ThemaId === themes[num].Id);
      expect(c).toHaveLength(1);
      const ids = c[0].ActiesId;
      return !ids ? [] : Array.isArray(ids) ? ids : ids.results;
    };
    for (const num of BUNDLED) expect(linksOf(num)).toEqual([action.Id]);
    for (const num of UNITS.filter((n) => BUNDLED.indexOf(n) < 0)) expect(linksOf(num)).not.toContain(action.Id);

    // Each bundled unit now shows the action as a link to its item in Acties; the others do not.
    for (const num of BUNDLED) {
      const link = unitRow(page, num).getByRole('link', { name: TITLE });
      expect(await link.getAttribute('href')).toMatch(new RegExp(`/Lists/Acties/DispForm\\.aspx\\?ID=${action.Id}$`));
    }
    expect(await unitRow(page, 1).getByRole('link', { name: TITLE }).count()).toBe(0);
    await page.close();

    // After a reload too: the link comes from the stored consensus, not from the screen's memory.
    const again = await open('/workbench/maturity?user=pieter');
    await again.getByTestId('consensus-view').waitFor();
    expect(await unitRow(again, 4).getByRole('link', { name: TITLE }).getAttribute('href')).toMatch(new RegExp(`ID=${action.Id}$`));
    await again.close();
  });
});
