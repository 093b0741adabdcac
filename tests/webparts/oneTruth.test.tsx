/**
 * One truth on every surface (component level): the homepage widget, the domain cards and the
 * Viva card show, for the same data, exactly the figures of src/model/figures. Data: the 2022
 * report, the same after one doorschuiven, and a generated set with shared actions, deadlines
 * and risks of every priority.
 */
import * as React from 'react';
import { cleanup, render, waitFor } from '@testing-library/react';
import * as aceStrings from 'OrgSummaryAdaptiveCardExtensionStrings';
import { Summary } from '../../src/webparts/summary/components/Summary';
import { DomainCards } from '../../src/webparts/domainCards/components/DomainCards';
import { cardViewContent, CardStrings, quickViewCard } from '../../src/adaptiveCardExtensions/orgSummary/cardContent';
import { buildFigures, IFigures } from '../../src/model/figures';
import { IReportData } from '../../src/model/types';
import { FakeRepository } from '../helpers/fakeRepository';
import { loadSeedData } from '../helpers/seedData';
import { generatedData, moveToRealisations } from '../helpers/figureData';

jest.setTimeout(120000);
const SLOW = { timeout: 60000 };

interface ICase {
  name: string;
  data: IReportData;
  today: Date;
}

function cases(): ICase[] {
  const moved = { ...loadSeedData(), decidedYear: 2022 };
  moveToRealisations(moved, 2022);
  const generated = { ...generatedData(7), decidedYear: 2024 };
  return [
    { name: 'the 2022 data', data: { ...loadSeedData(), decidedYear: 2022 }, today: new Date(2023, 4, 15) },
    { name: 'after one doorschuiven', data: moved, today: new Date(2023, 4, 15) },
    { name: 'a generated set with shared actions and deadlines', data: generated, today: new Date(2025, 1, 1) }
  ];
}

function num(text: string | null | undefined): number {
  const m = /-?\d+/.exec(text || '');
  if (!m) throw new Error(`no number in "${text}"`);
  return Number(m[0]);
}

afterEach(cleanup);

describe.each(cases().map((c) => [c.name, c] as [string, ICase]))('one truth: %s', (_name, c) => {
  const f: IFigures = buildFigures(c.data, c.data.decidedYear as number, c.today);

  it('the model itself: totals never exceed the per-domain mentions', () => {
    expect(f.totals.realised).toBeLessThanOrEqual(f.mentions.realised);
    expect(f.domains.length).toBeGreaterThan(0);
  });

  it('the homepage widget shows the model figures per domain and in total', async () => {
    const { container } = render(<Summary repository={new FakeRepository(c.data)} today={c.today} cardsUrl="https://x.example/cards" />);
    await waitFor(() => expect(container.querySelectorAll('li[data-domain-id]')).toHaveLength(f.domains.length), SLOW);
    const rows = Array.prototype.slice.call(container.querySelectorAll('li[data-domain-id]')) as HTMLElement[];
    const read = (row: HTMLElement, name: string): number => num(row.querySelector(`[data-figure="${name}"]`)?.textContent);
    expect(rows.map((r) => [read(r, 'risks'), read(r, 'realised'), read(r, 'planned'), read(r, 'earlierPlanning'), read(r, 'overdue'), read(r, 'openRecommendations')])).toEqual(
      f.domains.map((d) => [d.openHighRisks, d.realised, d.newPlanning, d.earlierPlanning, d.overdue, d.openRecommendations])
    );
    const t = f.totals;
    expect(container.querySelector('[data-testid="summary-totals"]')?.textContent).toMatch(
      new RegExp(`: ${t.openHighRisks} .*, ${t.realised} realisatie.* in ${f.year}, ${t.newPlanning} actie.* nieuw gepland voor ${f.year + 1}, ${t.earlierPlanning} in eerdere planning, ${t.overdue} te laat, ${t.openRecommendations} open aanbeveling.* uit audits\\.`)
    );
  });

  it('the Viva card (card view and quick view) shows the model figures', () => {
    const strings = aceStrings as unknown as CardStrings;
    const view = cardViewContent({ status: 'ready', figures: f }, strings);
    expect(view.header).toBe(`${f.totals.openHighRisks} open hoge risico's`);
    expect(view.body).toMatch(new RegExp(`^${f.year}: ${f.totals.realised} realisatie.*, ${f.totals.earlierPlanning} in eerdere planning, ${f.totals.overdue} te laat$`));
    const card = quickViewCard(f, strings, (k) => k);
    const containers = (card.body as Array<{ type: string; items?: Array<{ facts?: Array<{ value: string }> }> }>).filter((b) => b.type === 'Container');
    expect(containers.map((x) => (x.items?.[1].facts || []).map((v) => Number(v.value)))).toEqual(
      f.domains.map((d) => [d.openHighRisks, d.realised, d.earlierPlanning, d.overdue, d.openRecommendations])
    );
    expect(JSON.stringify(card)).toContain(`Audits: ${f.totals.openRecommendations} open aanbeveling`);
  });

  it('the domain cards show the model figures on each card', async () => {
    const { container } = render(<DomainCards repository={new FakeRepository(c.data)} showDescriptions={false} isTeams={false} today={c.today} openForm={jest.fn()} />);
    await waitFor(() => expect(container.querySelectorAll('section[aria-labelledby]')).toHaveLength(f.domains.length), SLOW);
    const sections = Array.prototype.slice.call(container.querySelectorAll('section[aria-labelledby]')) as HTMLElement[];
    const shown = sections.map((s) => {
      const counts = (s.querySelector('h2 + p')?.textContent || '').match(/\d+/g) || [];
      const older = /Eerdere planning \((\d+)\)/.exec(s.textContent || '');
      const deadlines = s.querySelector('[data-testid="card-deadlines"]')?.textContent;
      return [Number(counts[0]), Number(counts[1]), Number(counts[3]), older ? Number(older[1]) : 0, deadlines ? num(deadlines) : 0];
    });
    expect(shown).toEqual(f.domains.map((d) => [d.openHighRisks, d.realised, d.newPlanning, d.earlierPlanning, d.overdue]));
  });
});
