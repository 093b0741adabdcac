/**
 * Issue 21, done when: koen reports progress on his own action from the Teams personal app ("Mijn acties"), cannot
 * change anything else (a direct MERGE on the action is 403), pieter accepts the report on the cards and the cards show
 * the result; the reminder run then puts the right digests for the example owners in the outbox.
 */
import { spawn } from 'child_process';
import * as path from 'path';
import { Page } from 'playwright-core';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { createSp } from '../../tools/data/node';
import { addExampleOwners } from '../../dev/exampleOwners';
import { useBrowserAndSite } from './harness';

const ROOT = path.resolve(__dirname, '..', '..');
const ctx = useBrowserAndSite();
const KOEN = 10;

function reminders(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', 'reminders.ts'), ...args], { cwd: ROOT, env: { ...process.env, SP_TOKEN: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (e) {
    return (e as { status?: number }).status ?? -1;
  }
  return 200;
}

async function open(path: string): Promise<Page> {
  const page = await (await ctx.browser.newContext()).newPage();
  await page.goto(`${ctx.site.url}${path}`);
  return page;
}

describe('owners take part (issue 21)', () => {
  it('koen reports, cannot change the action, pieter accepts on the cards, the reminders reach the example owners', async () => {
    const today = new Date();
    const iso = today.toISOString().slice(0, 10);
    const ann = createSp(ctx.site.siteUrl, undefined, 'ann');
    expect(await addExampleOwners(ann, today)).toBe(12);
    const acties = ann.web.lists.getByTitle('Acties');
    const mine = (await acties.items.select('Id', 'Title', 'JaarGepland').filter(`EigenaarId eq ${KOEN}`).orderBy('Id').top(50)()) as Array<{ Id: number; Title: string }>;
    expect(mine.length).toBe(4);
    const action = mine[0];

    // koen, in the personal app: "Voortgang melden" on his first action (45 days overdue).
    const personal = await open('/teams/personal?user=koen&theme=default');
    const item = personal.locator('[data-testid="mine-list"] li', { has: personal.locator(`a[href$="DispForm.aspx?ID=${action.Id}"]`) });
    await item.waitFor({ timeout: 60000 });
    await item.getByRole('button', { name: /^Voortgang melden: / }).click();
    await personal.getByRole('radio', { name: 'Uitgevoerd' }).check();
    await personal.getByRole('textbox', { name: /Korte toelichting/ }).fill('Opgeleverd en getest');
    await personal.getByRole('button', { name: 'Melding versturen' }).click();
    await item.getByText(/Laatste melding: Uitgevoerd — Opgeleverd en getest\./).waitFor({ timeout: 30000 });
    await personal.close();

    // Nothing else is his to change, not even through REST.
    const asKoen = createSp(ctx.site.siteUrl, undefined, 'koen').web.lists.getByTitle('Acties');
    expect(await statusOf(asKoen.items.getById(action.Id).update({ ActieStatus: 'Gerealiseerd', JaarGerealiseerd: today.getFullYear() }))).toBe(403);
    expect(await statusOf(asKoen.items.getById(mine[1].Id).update({ Deadline: `${today.getFullYear() + 1}-01-01T00:00:00Z` }))).toBe(403);
    expect(((await acties.items.getById(action.Id).select('ActieStatus')()) as { ActieStatus: string }).ActieStatus).toBe('Gepland');

    // pieter, on the cards of 2022 (the action is 2023 planning): the card counts the report, the panel accepts it.
    const cards = await open('/workbench/domain-cards?user=pieter&year=2022');
    await cards.getByTestId('card-pending-reports').first().waitFor({ timeout: 60000 });
    expect(await cards.getByTestId('card-pending-reports').first().textContent()).toBe('1 voortgangsmelding(en) te beoordelen');
    await cards.locator(`li[data-item-id="${action.Id}"] button`).first().click();
    const reviews = cards.getByTestId('panel-pending-reviews');
    await reviews.waitFor({ timeout: 30000 });
    expect(await reviews.textContent()).toContain('Koen Wouters: Uitgevoerd. Opgeleverd en getest');
    const accept = reviews.getByRole('button', { name: 'Aanvaarden' });
    await accept.waitFor({ timeout: 30000 });
    await cards.waitForFunction(() => {
      const b = Array.from(document.querySelectorAll('[data-testid="panel-pending-reviews"] button')).filter((x) => x.textContent === 'Aanvaarden')[0];
      return !!b && !b.hasAttribute('disabled') && b.getAttribute('aria-disabled') !== 'true';
    }, undefined, { timeout: 30000 });
    await accept.click();
    await cards.getByText('Aanvaard: de actie werd bijgewerkt.').waitFor({ timeout: 30000 });
    await cards.close();
    const stored = (await acties.items.getById(action.Id).select('ActieStatus', 'JaarGerealiseerd')()) as { ActieStatus: string; JaarGerealiseerd: number };
    expect(stored).toMatchObject({ ActieStatus: 'Gerealiseerd', JaarGerealiseerd: today.getFullYear() });

    // The cards of this year show it among the realisations; nothing waits for review any more.
    const thisYear = await open(`/workbench/domain-cards?user=pieter&year=${today.getFullYear()}`);
    await thisYear.locator(`[data-quadrant$="-realisations"] li[data-item-id="${action.Id}"]`).first().waitFor({ timeout: 60000 });
    expect(await thisYear.getByTestId('card-pending-reports').count()).toBe(0);
    await thisYear.close();

    // The reminders: one digest per example owner, koen's without the realised action.
    const run = await reminders(['--site', ctx.site.siteUrl, '--today', iso]);
    expect(run.code).toBe(0);
    const outbox = (await (await fetch(`${ctx.site.url}/_outbox`)).json()) as Array<{ to: string[]; subject: string }>;
    const digests = outbox.filter((m) => /uw acties/.test(m.subject)).map((m) => `${m.to[0]} ${m.subject}`).sort();
    expect(digests).toEqual([
      'koen.wouters@stad.example Organisatiebeheersing: uw acties (1 te laat, 2 binnenkort)',
      'lies.eeckhout@stad.example Organisatiebeheersing: uw acties (2 te laat)',
      'sofie.maes@stad.example Organisatiebeheersing: uw acties (2 binnenkort)'
    ]);
  });

  it('pieter gives a domain\'s new planning one owner and one deadline from the card; koen has no such button', async () => {
    const ann = createSp(ctx.site.siteUrl, undefined, 'ann');
    const reader = await open('/workbench/domain-cards?user=koen&year=2022');
    await reader.locator('section[data-domain-id]').first().waitFor({ timeout: 60000 });
    expect(await reader.getByRole('button', { name: /^Eigenaar en deadline toewijzen/ }).count()).toBe(0);
    await reader.close();

    const cards = await open('/workbench/domain-cards?user=pieter&year=2022');
    const card = cards.locator('section[data-domain-id]').filter({ has: cards.locator('[data-quadrant$="-planning"] li[data-item-id]') }).first();
    await card.waitFor({ timeout: 60000 });
    const domainId = Number(await card.getAttribute('data-domain-id'));
    await card.getByRole('button', { name: /^Eigenaar en deadline toewijzen: / }).click();
    const panel = cards.locator('.ms-Panel-main');
    await panel.waitFor({ timeout: 30000 });
    const picked = await panel.getByRole('checkbox', { checked: true }).count();
    expect(picked).toBeGreaterThan(0);
    await panel.getByRole('combobox', { name: /Eigenaar/ }).fill('jan.peeters@stad.example');
    await panel.locator('input[type="date"]').fill('2023-11-30');
    await panel.getByRole('button', { name: 'Toewijzen' }).click();
    await panel.getByTestId('bulk-assign-result').waitFor({ timeout: 30000 });
    expect(await panel.getByTestId('bulk-assign-result').textContent()).toContain(`${picked} actie(s) bijgewerkt.`);
    await cards.close();

    const rows = (await ann.web.lists
      .getByTitle('Acties')
      .items.select('Id', 'DomeinenId', 'JaarGepland', 'Eigenaar/Title', 'Deadline')
      .expand('Eigenaar')
      .filter('JaarGepland eq 2023')
      .top(500)()) as Array<{ DomeinenId: number[]; Eigenaar?: { Title: string }; Deadline?: string }>;
    const assigned = rows.filter((r) => r.Eigenaar && r.Eigenaar.Title === 'Jan Peeters');
    expect(assigned.length).toBe(picked);
    for (const r of assigned) {
      expect(r.DomeinenId).toContain(domainId);
      expect(r.Deadline).toBe('2023-11-30T00:00:00Z');
    }
  });
});
