/**
 * The reporting year is decided by the control team ("Start rapportjaar"), and the cards and
 * the homepage widget open on that same year; realising an item never moves them.
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { DomainCards } from '../../../src/webparts/domainCards/components/DomainCards';
import { ReportActions } from '../../../src/webparts/domainCards/report/ReportActions';
import { Summary } from '../../../src/webparts/summary/components/Summary';
import { IStoredReport } from '../../../src/data/IOrgRepository';
import { FakeRepository, NO_MATURITY } from '../../helpers/fakeRepository';
import { loadSeedData } from '../../helpers/seedData';

jest.mock('../../../src/report/index', () => ({
  buildWordReport: async () => new Uint8Array([1]),
  buildSlideDeck: async () => new Uint8Array([2]),
  reportFileName: (year: number, kind: string) => `Voortgangsrapport ${year}.${kind}`
}));

// Late in 2026: without a decision the year would follow the latest realisation.
const TODAY = new Date(2026, 11, 4);
const FINAL_2022: IStoredReport[] = [{ name: 'Voortgangsrapport 2022.docx', year: 2022, format: 'Word', url: 'https://contoso.sharepoint.com/r.docx', modified: '2023-05-10T08:00:00Z' }];

function dataRealisedIn2023(): ReturnType<typeof loadSeedData> {
  const data = loadSeedData();
  // "Doorschuiven" of a Planning 2023 item records 2023 as its realisation year.
  const item = data.actions.filter((a) => a.plannedYear === 2023 && a.status !== 'Gerealiseerd')[0];
  item.status = 'Gerealiseerd';
  item.realisedYear = 2023;
  return data;
}

function renderCards(repo: FakeRepository): HTMLElement {
  return render(
    <DomainCards
      repository={repo}
      showDescriptions={false}
      isTeams={false}
      today={TODAY}
      openForm={jest.fn()}
      renderReportActions={(ctx) => <ReportActions repository={repo} maturity={NO_MATURITY} {...ctx} />}
    />
  ).container;
}

jest.setTimeout(90000);
const SLOW = { timeout: 30000 };

function shownYear(): string {
  return screen.getByRole('combobox', { name: /Rapportjaar/ }).textContent || '';
}

describe('the decided reporting year on every surface', () => {
  it('cards and widget stay on the decided 2022 after an item is realised in 2023', async () => {
    const data = { ...dataRealisedIn2023(), decidedYear: 2022 };
    const repo = new FakeRepository(data);
    const cards = renderCards(repo);
    await waitFor(() => expect(cards.querySelectorAll('section').length).toBe(7), SLOW);
    expect(shownYear()).toContain('2022');
    render(<Summary repository={new FakeRepository(data)} today={TODAY} cardsUrl="https://x.example/cards" />);
    await waitFor(() => expect(screen.getByRole('heading', { name: /Organisatiebeheersing 20\d\d/ })).toHaveTextContent('Organisatiebeheersing 2022'), SLOW);
  });

  it('"Start rapportjaar 2023" is offered once 2022 is final, and moves the cards to 2023', async () => {
    const repo = new FakeRepository({ ...loadSeedData(), decidedYear: 2022 }, { storedReports: FINAL_2022, permissions: { canEdit: true, canManageLists: false, canFinalise: true } });
    const cards = renderCards(repo);
    const start = await screen.findByRole('button', { name: 'Start rapportjaar 2023' }, SLOW);
    expect(cards.querySelectorAll('section').length).toBe(7);
    expect(shownYear()).toContain('2022');
    fireEvent.click(start);
    expect(await screen.findByText(/Rapportjaar 2023 is gestart/, undefined, SLOW)).toBeDefined();
    expect(repo.data.decidedYear).toBe(2023);
    await waitFor(() => expect(shownYear()).toContain('2023'), SLOW);
    expect(screen.queryByRole('button', { name: 'Start rapportjaar 2023' })).toBeNull();
  });

  it('is not offered before the year is final, nor to someone who may not finalise', async () => {
    const repo = new FakeRepository({ ...loadSeedData(), decidedYear: 2022 }, { permissions: { canEdit: true, canManageLists: false, canFinalise: true } });
    const cards = renderCards(repo);
    await waitFor(() => expect(cards.querySelectorAll('section').length).toBe(7), SLOW);
    expect(screen.queryByRole('button', { name: /Start rapportjaar/ })).toBeNull();
  });
});
