import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Summary, ISummaryProps } from '../../../src/webparts/summary/components/Summary';
import { domainCardLink, readDomainFromLocation, TEAMS_APP_ID, TEAMS_PERSONAL_TAB_ENTITY_ID } from '../../../src/model/links';
import { IReportData } from '../../../src/model/types';
import { FakeRepository, IFakeRepositoryOptions } from '../../helpers/fakeRepository';
import { EXPECTED_2022, loadSeedData } from '../../helpers/seedData';

const TODAY = new Date(2023, 4, 15);
const CARDS = 'https://contoso.sharepoint.com/sites/organisatiebeheersing/SitePages/Domeinkaarten.aspx';

// 2022 per domain: open high risks / realised in 2022 / newly planned for 2023.
const EXPECTED: Array<[number, number, number]> = EXPECTED_2022.map((r) => [r[0], r[1], r[3]] as [number, number, number]);

function setup(options: IFakeRepositoryOptions = {}, props: Partial<ISummaryProps> = {}, data: IReportData = loadSeedData()): { repo: FakeRepository; container: HTMLElement } {
  const repo = new FakeRepository(data, options);
  const { container } = render(<Summary repository={repo} cardsUrl={CARDS} today={TODAY} {...props} />);
  return { repo, container };
}

async function rows(container: HTMLElement, n: number): Promise<HTMLElement[]> {
  await waitFor(() => expect(container.querySelectorAll('li[data-domain-id]')).toHaveLength(n));
  return Array.prototype.slice.call(container.querySelectorAll('li[data-domain-id]')) as HTMLElement[];
}

function figure(row: HTMLElement, name: string): string {
  return (row.querySelector(`[data-figure="${name}"]`) as HTMLElement).textContent || '';
}

describe('Summary', () => {
  it('shows the 2022 figures for all 7 domains in words', async () => {
    const data = loadSeedData();
    const { container } = setup({}, {}, data);
    const all = await rows(container, 7);
    const titles = data.domains.slice().sort((a, b) => a.order - b.order).map((d) => d.shortTitle || d.title);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Organisatiebeheersing 2022');
    all.forEach((row, i) => {
      const [risks, realised, planned] = EXPECTED[i];
      expect(row).toHaveTextContent(titles[i]);
      expect(figure(row, 'risks')).toBe(`${risks} hoge risico's op te volgen`);
      expect(figure(row, 'realised')).toBe(`${realised} gerealiseerd in 2022`);
      expect(figure(row, 'planned')).toBe(`${planned} nieuw gepland voor 2023`);
    });
    const sum = (k: number): number => EXPECTED_2022.reduce((n, e) => n + e[k], 0);
    // Totals count an action in two domains once (30 realisations, 18 in earlier planning), the
    // per-domain mentions are said as such (31 and 20): never two numbers for one thing.
    expect(screen.getByTestId('summary-totals')).toHaveTextContent(
      `In totaal (elke actie één keer): 27 hoge risico's, 30 realisaties in 2022, 34 acties nieuw gepland voor 2023, 18 in eerdere planning, 0 te laat, 0 open aanbevelingen uit audits.`
    );
    expect([sum(1), sum(3)]).toEqual([31, 38]);
    expect(screen.getByTestId('summary-mentions')).toHaveTextContent(`in 7 domeinen ${sum(1)} vermeldingen van realisaties, ${sum(3)} van nieuwe planning en ${sum(4)} van eerdere planning.`);
    all.forEach((row, i) => expect(figure(row, 'earlierPlanning')).toBe(`${EXPECTED_2022[i][4]} in eerdere planning`));
    // The seed holds no actions planned for 2022 itself: the headline says what is there instead
    // of "no planned actions" right above "10 nieuw gepland voor 2023".
    expect(screen.getByTestId('summary-overall')).toHaveTextContent(
      `Voor 2022 zelf stonden geen acties gepland; 18 acties uit eerdere planning zijn nog open en 34 acties zijn nieuw gepland voor 2023.`
    );
    expect(container).not.toHaveTextContent('staan nog geen geplande acties');
    // Said once, not repeated on every row.
    expect(container).not.toHaveTextContent('Geen acties gepland voor 2022');
  });

  it('links to the cards overall and to each domain card', async () => {
    const data = loadSeedData();
    const { container } = setup({}, {}, data);
    const all = await rows(container, 7);
    const sorted = data.domains.slice().sort((a, b) => a.order - b.order);
    all.forEach((row, i) => {
      const link = within(row).getByRole('link');
      expect(link).toHaveAttribute('href', domainCardLink(CARDS, sorted[i].key as string));
      expect(link.getAttribute('href')).toContain(`#domein-${sorted[i].key}`);
      expect(link).toHaveAccessibleName(`${sorted[i].title}: domeinkaart openen`);
    });
    expect(screen.getByRole('link', { name: 'Alle domeinkaarten bekijken' })).toHaveAttribute('href', CARDS);
  });

  it('links into a Teams tab with the domain as sub entity, in a new window', async () => {
    const teams = 'https://teams.microsoft.com/l/entity/app-id/domeinkaarten';
    const { container } = setup({}, { cardsUrl: teams });
    const all = await rows(container, 7);
    const link = within(all[6]).getByRole('link');
    expect(decodeURIComponent(link.getAttribute('href') || '')).toContain('"subEntityId":"bescherming-activa"');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  });

  it('without a cards page links each domain into the Teams personal app (generated, not pasted), in a new window', async () => {
    const { container } = setup({}, { cardsUrl: '' });
    const all = await rows(container, 7);
    const link = within(all[6]).getByRole('link');
    const href = link.getAttribute('href') || '';
    expect(href.indexOf(`https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/${TEAMS_PERSONAL_TAB_ENTITY_ID}`)).toBe(0);
    expect(readDomainFromLocation(href)).toBe('bescherming-activa');
    expect(link).toHaveAttribute('target', '_blank');
    const all7 = screen.getByRole('link', { name: 'Alle domeinkaarten bekijken' });
    expect(readDomainFromLocation(all7.getAttribute('href') || '')).toBeUndefined();
    expect(container).not.toHaveTextContent('eigenschappenvenster');
  });

  it('shows the realised share of the year planning per domain and overall, with text', async () => {
    const data = loadSeedData();
    // Domain 1: three actions planned for 2022, two of them realised in 2022.
    const d1 = data.actions.filter((a) => a.domainIds.length === 1 && a.domainIds[0] === 1);
    const realisedNew = d1.filter((a) => a.realisedYear === 2022).slice(0, 2);
    realisedNew.forEach((a) => (a.plannedYear = 2022));
    const open = d1.filter((a) => a.status === 'Gepland' && a.plannedYear === undefined)[0];
    open.plannedYear = 2022;
    const { container } = setup({}, {}, data);
    const all = await rows(container, 7);
    expect(all[0]).toHaveTextContent('Planning 2022: 2 van 3 gerealiseerd (67%)');
    expect((all[0].querySelector('[aria-hidden="true"] > div') as HTMLElement).style.width).toBe('67%');
    expect(all[1]).toHaveTextContent('Geen acties gepland voor 2022');
    expect(screen.getByTestId('summary-overall')).toHaveTextContent('2 van de 3 acties gepland voor 2022 zijn gerealiseerd (67%).');
  });

  it('follows the configured report year', async () => {
    const { container } = setup({}, { reportYear: 2021 });
    const all = await rows(container, 7);
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Organisatiebeheersing 2021');
    expect(figure(all[0], 'realised')).toBe('0 gerealiseerd in 2021');
    expect(figure(all[0], 'planned')).toBe('0 nieuw gepland voor 2022');
  });

  it('shows a shimmer while loading, an error with retry, and recovers', async () => {
    const { container, repo } = setup({ failLoads: 1, holdLoads: true });
    expect(screen.getByTestId('loading-view')).toHaveTextContent('Samenvatting laden…');
    repo.release();
    expect(await screen.findByText(/De samenvatting kon niet geladen worden/)).toBeInTheDocument();
    repo.setHold(false);
    fireEvent.click(screen.getByText('Opnieuw proberen'));
    await rows(container, 7);
    expect(repo.calls.load).toBe(2);
  });

  it('keeps cached figures when the refresh fails', async () => {
    const { container } = setup({ cached: loadSeedData(), failLoads: 1 });
    expect(container.querySelectorAll('li[data-domain-id]')).toHaveLength(7);
    expect(await screen.findByText(/kon niet bijgewerkt worden/)).toBeInTheDocument();
    expect(container.querySelectorAll('li[data-domain-id]')).toHaveLength(7);
  });

  it('tells what to do when there are no domains', async () => {
    setup({}, {}, { domains: [], risks: [], actions: [], audits: [] });
    expect(await screen.findByText('Nog geen domeinen')).toBeInTheDocument();
    expect(screen.getByText(/De coördinator interne controle vult ze aan/)).toBeInTheDocument();
  });

  it('uses the short title when a domain has one', async () => {
    const data = loadSeedData();
    data.domains[2].shortTitle = 'Fraude';
    const { container } = setup({}, {}, data);
    const all = await rows(container, 7);
    expect(within(all[2]).getByRole('link')).toHaveTextContent(/^Fraude$/);
  });
});

describe('Summary: overdue per domain', () => {
  it('shows per domain the number of open actions and recommendations past their deadline', async () => {
    const data = loadSeedData();
    const planned = data.actions.filter((a) => a.status === 'Gepland' && a.domainIds.length === 1 && a.domainIds[0] === 1);
    planned[0].deadline = '2023-01-31';
    planned[1].deadline = '2023-05-01';
    planned[2].deadline = '2023-12-01';
    const info = data.audits.filter((a) => a.key === 'audit-informatiebeheer-2022')[0];
    data.recommendations = [{ id: 1, title: 'R', auditId: info.id, priority: 'H', status: 'Open', actions: [], deadline: '2023-02-01' }];
    const { container } = setup({}, {}, data);
    const all = await rows(container, 7);
    expect(figure(all[0], 'overdue')).toBe('2 te laat (deadline verstreken)');
    expect(figure(all[1], 'overdue')).toBe('0 te laat (deadline verstreken)');
    const infoDomains = data.domains.filter((d) => info.domainIds.indexOf(d.id) >= 0).map((d) => d.order - 1);
    for (const i of infoDomains) expect(figure(all[i], 'overdue')).toBe('1 te laat (deadline verstreken)');
  });
});

describe('Summary: the default year follows the cards\' rule', () => {
  it('opens on the year after the latest final report once that year has ended (final 2022, today May 2024: 2023)', async () => {
    const reports = [{ name: 'Voortgangsrapport 2022.docx', year: 2022, format: 'Word' as const, url: 'https://contoso.sharepoint.com/r.docx', modified: '2023-05-10T08:00:00Z' }];
    setup({ storedReports: reports }, { today: new Date(2024, 4, 15) });
    await waitFor(() => expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Organisatiebeheersing 2023'));
  });
});
