import { Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { createSp } from '../../tools/data/node';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { useBrowserAndSite } from './harness';

const ctx = useBrowserAndSite();

async function open(path: string): Promise<Page> {
  const page = await (await ctx.browser.newContext()).newPage();
  await page.goto(ctx.site.url + path);
  await page.locator('[data-round-id]').waitFor({ timeout: 30000 });
  return page;
}

async function seriousViolations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).include('#root').analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${label}: ${v.id} (${v.nodes.length}) ${v.nodes[0]?.target} ${v.nodes[0]?.failureSummary}`);
}

/** The five units of the demo round (themes without objectives are scored as a whole), in order. */
const UNITS = ['1', '3', '4', '9', '10'];

/** Scores per rater: unit 9 gets a spread of 3 (discussed first), unit 1 a spread of 2. */
const SCORES: Record<string, number[]> = {
  ann: [2, 3, 3, 1, 4],
  pieter: [4, 3, 3, 4, 4],
  sofie: [3, 3, 2, 2, 3]
};

async function scoreAll(user: string): Promise<void> {
  const page = await open(`/workbench/maturity?user=${user}`);
  // Before this rater scores, none of the other raters' comments is on the page (no anchoring).
  for (const other of Object.keys(SCORES)) if (other !== user) expect(await page.locator('#root').textContent()).not.toContain(`opmerking van ${other}`);
  for (let i = 0; i < UNITS.length; i++) {
    const unit = page.locator(`[data-unit^="t:"]`).nth(i);
    // The levels carry the leidraad's labels ("4 – Beheerst") when the round names none.
    // A real click on the label (no force): the sticky save bar must not be in the way.
    await unit.locator('label', { hasText: new RegExp(`^${SCORES[user][i]} – `) }).click();
    expect(await unit.getByRole('radio', { name: new RegExp(`^${SCORES[user][i]} – `) }).isChecked()).toBe(true);
    await unit.getByRole('textbox').fill(`opmerking van ${user} bij ${UNITS[i]}`);
  }
  // One "Bewaren" for all five.
  await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
  await page.getByText('5 score(s) bewaard.').waitFor();
  await page.getByTestId('my-progress').getByText('U scoorde 5 van 5.').waitFor();
  await page.close();
}

describe('Maturiteitsinschatting in the local workbench, three raters', () => {
  it('starts with the 2023 round of the seed: five themes, in "scoren", no scores', async () => {
    const page = await open('/workbench/maturity?user=ann');
    expect(await page.locator('[data-round-id]').getAttribute('data-status')).toBe('scoren');
    const text = (await page.locator('#root').textContent()) || '';
    for (const t of ['Doelstellingen en procesmanagement', 'Monitoring', 'Financieel management', 'Facilitaire middelen, opdrachten en contracten', 'ICT']) {
      expect(text).toContain(t);
    }
    expect(await page.getByTestId('rater-progress').textContent()).toContain('Ann Janssens: 0 van 5 gescoord — nog bezig');
    expect(await page.getByTestId('my-role').textContent()).toContain('Ann Janssens — beoordelaar');
    expect(await seriousViolations(page, 'scoring')).toEqual([]);
    await page.close();
  });

  it('lets ann, pieter and sofie score as themselves; each sees only their own scores, the facilitator sees who has finished, a rater only their own progress', async () => {
    await scoreAll('ann');
    const pieter = await open('/workbench/maturity?user=pieter');
    expect(await pieter.getByTestId('rater-progress').textContent()).toContain('Ann Janssens: 5 van 5 gescoord — klaar');
    // Pieter's screen never got Ann's values: his own units are still unscored.
    expect(await pieter.getByTestId('my-score').first().textContent()).toBe('nog niet gescoord');
    await pieter.close();
    await scoreAll('pieter');
    await scoreAll('sofie');
    // SharePoint shows sofie (a rater, not the facilitator) only her own scores: her own progress, and the page says so.
    const sofie = await open('/workbench/maturity?user=sofie');
    expect(await sofie.getByTestId('rater-progress').textContent()).toBe('Sofie Maes: 5 van 5 gescoord — klaar');
    expect(await sofie.getByTestId('progress-own-only').textContent()).toContain('De facilitator ziet wie klaar is.');
    await sofie.close();
    // The scores are stored once per rater and unit, as those users.
    const items = await createSp(ctx.site.siteUrl).web.lists.getByTitle('MaturiteitScores').items.select('BeoordelaarId', 'Score').top(100)();
    expect(items).toHaveLength(15);
    expect(new Set(items.map((i: { BeoordelaarId: number }) => i.BeoordelaarId)).size).toBe(3);
  });

  it('the facilitator (pieter) reaches consensus with the spread-2 objectives first, creates an action, closes the round and sees the results', async () => {
    const page = await open('/workbench/maturity?user=pieter');
    await page.getByRole('button', { name: 'Naar consensus' }).click();
    expect(await page.getByRole('dialog').textContent()).toContain('15 van 15 scores ingediend; 3 van 3 beoordelaars zijn klaar.');
    await page.getByRole('dialog').getByRole('button', { name: 'Naar consensus' }).click();
    await page.getByTestId('consensus-view').waitFor();
    const order = await page.locator('[data-unit]').evaluateAll((els) => els.map((e) => e.getAttribute('data-discuss')));
    expect(order).toEqual(['true', 'true', 'false', 'false', 'false']);
    const first = page.locator('[data-unit]').first();
    expect(await first.textContent()).toContain('Bespreken: spreiding 3');
    expect(await first.textContent()).toContain('opmerking van ann bij 9');
    expect(await first.getByTestId('stats').textContent()).toBe('Spreiding: 3 · Mediaan: 2 · Gemiddelde: 2,3');
    expect(await seriousViolations(page, 'consensus')).toEqual([]);

    const consensus: Record<string, number> = { '9': 2, '1': 3, '3': 3, '4': 3, '10': 4 };
    for (const code of ['9', '1', '3', '4', '10']) {
      const unit = page.locator(`[data-unit]`, { has: page.getByRole('heading', { name: new RegExp(`^${code}\\s`) }) });
      await unit.locator('label', { hasText: new RegExp(`^${consensus[code]} – `) }).click();
      await unit.getByRole('button', { name: new RegExp(`^Consensus bewaren: ${code} \\S`) }).click();
      await unit.getByText(`Consensus: ${consensus[code]}`, { exact: true }).first().waitFor();
      if (code === '9') {
        await unit.getByRole('button', { name: 'Verbeteractie maken: 9 Facilitaire middelen, opdrachten en contracten' }).click();
        await unit.getByLabel('Titel van de verbeteractie').fill('Contractbeheer centraal opvolgen');
        await unit.getByRole('button', { name: 'Actie aanmaken in Acties' }).click();
        await unit.getByText("Verbeteractie 'Contractbeheer centraal opvolgen' aangemaakt en gekoppeld.").waitFor();
        // Chapter 9's actions default to its domain (seed), and the new action is a link to its item.
        expect(await unit.getByTestId('created-action').getAttribute('href')).toMatch(/\/Lists\/Acties\/DispForm\.aspx\?ID=\d+$/);
      }
    }
    await page.getByTestId('consensus-count').getByText('Consensus voor 5 van 5.').waitFor();
    await page.getByRole('button', { name: 'Ronde afsluiten' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Ronde afsluiten' }).click();
    await page.getByTestId('results-view').waitFor();
    expect(await page.locator('[data-round-id]').getAttribute('data-status')).toBe('afgesloten');
    const rows = page.getByTestId('results-table').locator('tbody tr');
    expect(await rows.count()).toBe(5);
    expect(await rows.nth(0).textContent()).toContain('1. Doelstellingen en procesmanagement');
    // The first round has nothing to compare with.
    expect(await rows.nth(0).textContent()).toContain('geen vorige ronde');
    // The radar chart names itself and points to the table as its text alternative.
    const radar = page.getByTestId('radar');
    expect(await radar.getAttribute('role')).toBe('img');
    expect(await radar.locator('title').textContent()).toContain('Radardiagram');
    expect(await radar.locator('desc').textContent()).toContain('De tabel hieronder geeft dezelfde cijfers');

    const actions = await createSp(ctx.site.siteUrl).web.lists.getByTitle('Acties').items.select('Title', 'JaarGepland').top(5000)();
    expect(actions.filter((a: { Title: string }) => a.Title === 'Contractbeheer centraal opvolgen')).toEqual([
      expect.objectContaining({ JaarGepland: 2023 })
    ]);
    await page.close();
  });

  it('shows the closed round in the Teams tab in every theme, with no serious accessibility violations', async () => {
    for (const theme of ['default', 'dark', 'contrast']) {
      const page = await open(`/teams/maturity?theme=${theme}&user=sofie`);
      await page.getByTestId('results-view').waitFor();
      expect(await page.locator('#root').textContent()).toContain('Deze ronde is afgesloten');
      expect(await seriousViolations(page, `teams ${theme}`)).toEqual([]);
      await page.close();
    }
    // A narrow Teams mobile tab (390 px): nothing spills out sideways, and the radar's labels are not cut.
    const ctxNarrow = await ctx.browser.newContext({ viewport: { width: 390, height: 800 } });
    const narrow = await ctxNarrow.newPage();
    await narrow.goto(ctx.site.url + '/teams/maturity?user=sofie');
    await narrow.getByTestId('results-view').waitFor();
    const widths = await narrow.evaluate(() => ({ page: document.documentElement.scrollWidth, view: document.documentElement.clientWidth }));
    expect(widths.page).toBeLessThanOrEqual(widths.view);
    expect(await seriousViolations(narrow, 'teams 390 px')).toEqual([]);
    const labels = await narrow.getByTestId('radar-label').allTextContents();
    expect(labels.join(' ')).toContain('Facilitaire');
    expect(labels.join(' ')).not.toContain('…');
    const svg = await narrow.getByTestId('radar').boundingBox();
    for (const box of await narrow.getByTestId('radar-label').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as { left: number; right: number }))) {
      expect(box.left).toBeGreaterThanOrEqual((svg?.x ?? 0) - 1);
      expect(box.right).toBeLessThanOrEqual((svg?.x ?? 0) + (svg?.width ?? 0) + 1);
    }
    await ctxNarrow.close();
  });
});
