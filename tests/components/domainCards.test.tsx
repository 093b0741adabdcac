import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DomainCards, IDomainCardsProps } from '../../src/webparts/domainCards/components/DomainCards';
import { buildReport } from '../../src/model/report';
import { IReportData } from '../../src/model/types';
import { FakeRepository, IFakeRepositoryOptions } from '../helpers/fakeRepository';
import { loadSeedData } from '../helpers/seedData';

const TODAY = new Date(2023, 4, 15);

// Expected 2022 figures per domain: risks / realisations new / older / planning new / older.
const EXPECTED_2022: Array<[number, number, number, number, number]> = [
  [4, 11, 10, 10, 1],
  [4, 4, 14, 5, 3],
  [6, 5, 14, 6, 3],
  [3, 1, 11, 4, 3],
  [5, 5, 18, 6, 3],
  [2, 3, 13, 3, 6],
  [3, 2, 12, 4, 1]
];

function setup(
  options: IFakeRepositoryOptions = {},
  props: Partial<IDomainCardsProps> = {},
  data: IReportData = loadSeedData()
): { repo: FakeRepository; openForm: jest.Mock } {
  const repo = new FakeRepository(data, options);
  const openForm = jest.fn();
  render(<DomainCards repository={repo} showDescriptions={true} isTeams={false} today={TODAY} openForm={openForm} {...props} />);
  return { repo, openForm };
}

async function cards(): Promise<HTMLElement[]> {
  await waitFor(() => expect(screen.getAllByRole('region', { name: /./ }).filter((r) => r.tagName === 'SECTION').length).toBeGreaterThan(0));
  return screen.getAllByRole('region').filter((r) => r.tagName === 'SECTION');
}

function quadrant(card: HTMLElement, name: RegExp): HTMLElement {
  return within(card).getByRole('group', { name });
}

function newLabels(el: HTMLElement): number {
  return within(el).queryAllByText('Nieuw', { exact: true }).length;
}

describe('DomainCards with the 2022 report', () => {
  it('shows one labelled card per domain in domain order with the 2022 counts', async () => {
    setup();
    const sections = await cards();
    const data = loadSeedData();
    const titles = data.domains.slice().sort((a, b) => a.order - b.order).map((d) => d.title);
    expect(sections.map((s) => within(s).getByRole('heading', { level: 2 }).textContent)).toEqual(titles);
    sections.forEach((card, i) => {
      const [risks, realNew, realOlder, planNew, planOlder] = EXPECTED_2022[i];
      expect(card).toHaveAccessibleName(titles[i]);
      expect(within(quadrant(card, /Op te volgen hoge risico's/)).getAllByRole('listitem')).toHaveLength(risks);
      expect(newLabels(quadrant(card, /^Realisaties$/))).toBe(realNew);
      expect(newLabels(quadrant(card, /^Planning 2023$/))).toBe(planNew);
      expect(within(card).getByRole('button', { name: `Eerdere realisaties (${realOlder})` })).toHaveAttribute('aria-expanded', 'false');
      expect(within(card).getByRole('button', { name: `Eerdere planning (${planOlder})` })).toHaveAttribute('aria-expanded', 'false');
      // The header states the counts in words.
      expect(card).toHaveTextContent(`${risks} op te volgen hoge risico's · ${realNew} realisaties in 2022 · ${planNew} nieuw gepland voor 2023`);
    });
  });
});
