import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DomainCards, IDomainCardsProps } from '../../../src/webparts/domainCards/components/DomainCards';
import { buildReport } from '../../../src/model/report';
import { IAction, IReportData } from '../../../src/model/types';
import { ListValidationError } from '../../../src/data/errors';
import { FakeRepository, IFakeRepositoryOptions } from '../../helpers/fakeRepository';
import { EXPECTED_2022, loadSeedData } from '../../helpers/seedData';

const TODAY = new Date(2023, 4, 15);


interface ISetup {
  repo: FakeRepository;
  openForm: jest.Mock;
  container: HTMLElement;
}

function setup(options: IFakeRepositoryOptions = {}, props: Partial<IDomainCardsProps> = {}, data: IReportData = loadSeedData()): ISetup {
  const repo = new FakeRepository(data, options);
  const openForm = jest.fn();
  const { container } = render(
    <DomainCards repository={repo} showDescriptions={true} isTeams={false} today={TODAY} openForm={openForm} {...props} />
  );
  return { repo, openForm, container };
}

function sections(container: HTMLElement): HTMLElement[] {
  return Array.prototype.slice.call(container.querySelectorAll('section')) as HTMLElement[];
}

async function cards(container: HTMLElement, count?: number): Promise<HTMLElement[]> {
  await waitFor(() => {
    const n = sections(container).length;
    if (count === undefined) expect(n).toBeGreaterThan(0);
    else expect(n).toBe(count);
  });
  return sections(container);
}

type QuadrantName = 'criteria' | 'risks' | 'realisations' | 'planning';

function quadrant(card: HTMLElement, name: QuadrantName): HTMLElement {
  const q = card.querySelector(`[data-quadrant$="-${name}"]`);
  if (!q) throw new Error(`no ${name} quadrant`);
  return q as HTMLElement;
}

function newLabels(el: HTMLElement): number {
  return within(el).queryAllByText('Nieuw', { exact: true }).length;
}

function itemTitles(el: HTMLElement): string[] {
  return Array.prototype.map.call(el.querySelectorAll('li[data-item-id] > button > span:first-child'), (s: HTMLElement) => s.textContent) as string[];
}

function cardByTitle(container: HTMLElement, title: string): HTMLElement {
  const card = sections(container).filter((s) => (s.querySelector('h2') || { textContent: '' }).textContent === title)[0];
  if (!card) throw new Error(`no card ${title}`);
  return card;
}

function firstPlanningOlder(data: IReportData, domainIndex: number, year: number): IAction {
  return buildReport(data, year).domains[domainIndex].planningOlder[0];
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('DomainCards: the 2022 report', () => {
  it('shows one labelled card per domain in domain order with the 2022 counts', async () => {
    const { container } = setup();
    const all = await cards(container, 7);
    const titles = loadSeedData()
      .domains.slice()
      .sort((a, b) => a.order - b.order)
      .map((d) => d.title);
    all.forEach((card, i) => {
      const [risks, realNew, realOlder, planNew, planOlder] = EXPECTED_2022[i];
      expect(card).toHaveAttribute('aria-labelledby', card.querySelector('h2')!.id);
      expect(card.querySelector('h2')!.textContent).toBe(titles[i]);
      expect(quadrant(card, 'risks').querySelectorAll('li[data-risk-id]')).toHaveLength(risks);
      expect(newLabels(quadrant(card, 'realisations'))).toBe(realNew);
      expect(newLabels(quadrant(card, 'planning'))).toBe(planNew);
      expect(newLabels(quadrant(card, 'risks')) + newLabels(quadrant(card, 'criteria'))).toBe(0);
      const olderReal = within(card).getByText(`Eerdere realisaties (${realOlder})`).closest('button')!;
      expect(olderReal).toHaveAttribute('aria-expanded', 'false');
      expect(within(card).getByText(`Eerdere planning (${planOlder})`).closest('button')).toHaveAttribute('aria-expanded', 'false');
      const riskWords = risks === 1 ? 'hoog risico' : "hoge risico's";
      const realWords = realNew === 1 ? 'realisatie' : 'realisaties';
      expect(card).toHaveTextContent(`${risks} op te volgen ${riskWords} · ${realNew} ${realWords} in 2022 · ${planNew} nieuw gepland voor 2023`);
      expect(within(quadrant(card, 'planning')).getByRole('heading', { level: 3 })).toHaveTextContent('Planning 2023');
    });
    expect(all[0]).toHaveAccessibleName(titles[0]);
  });

  it('expands older realisations on request, without "Nieuw" labels', async () => {
    const { container } = setup();
    const card = (await cards(container, 7))[0];
    const real = quadrant(card, 'realisations');
    expect(itemTitles(real)).toHaveLength(11);
    const toggle = within(real).getByText('Eerdere realisaties (10)').closest('button')!;
    fireEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(itemTitles(real)).toHaveLength(21);
    expect(newLabels(real)).toBe(11);
    fireEvent.click(toggle);
    expect(itemTitles(real)).toHaveLength(11);
  });

  it('shows criteria as bullets and the full criteria text behind "Meer"', async () => {
    const data = loadSeedData();
    const { container } = setup({}, {}, data);
    const card = (await cards(container, 7))[0];
    const criteria = quadrant(card, 'criteria');
    expect(within(criteria).getAllByRole('listitem')).toHaveLength(data.domains[0].criteria.length);
    const more = within(criteria).getByRole('button', { name: /Meer/ });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(more);
    expect(criteria).toHaveTextContent(data.domains[0].criteriaText!.slice(0, 40));
    expect(within(criteria).getByRole('button', { name: /Minder/ })).toHaveAttribute('aria-expanded', 'true');
  });

  it('shows sub-items as nested bullets under their action', async () => {
    const data = loadSeedData();
    const withSubs = data.actions.filter((a) => a.subItems.length > 0 && a.realisedYear === 2022)[0];
    const { container } = setup({}, {}, data);
    await cards(container, 7);
    const li = container.querySelector(`li[data-item-id="${withSubs.id}"]`)!;
    expect(li.querySelectorAll('ul > li')).toHaveLength(withSubs.subItems.length);
    expect(li).toHaveTextContent(withSubs.subItems[0]);
  });
});

describe('DomainCards: year picker', () => {
  it('switching to 2021 turns the 2022 realisations into planning without "Nieuw"', async () => {
    const data = loadSeedData();
    // One older realisation dated 2021 makes 2021 a year with data.
    const older = buildReport(data, 2022).domains[0].realisationsOlder[0];
    data.actions.filter((a) => a.id === older.id)[0].realisedYear = 2021;
    const newIn2022 = buildReport(data, 2022).domains[0].realisationsNew[0];
    const { container } = setup({}, {}, data);
    let card = (await cards(container, 7))[0];
    expect(itemTitles(quadrant(card, 'realisations'))).toContain(newIn2022.title);

    fireEvent.click(screen.getByRole('combobox', { name: /Rapportjaar/ }));
    fireEvent.click(await screen.findByRole('option', { name: '2021' }));

    card = sections(container)[0];
    const expected = buildReport(data, 2021).domains[0];
    await waitFor(() => expect(within(quadrant(card, 'planning')).getByRole('heading', { level: 3 })).toHaveTextContent('Planning 2022'));
    expect(newLabels(quadrant(card, 'realisations'))).toBe(expected.realisationsNew.length);
    expect(expected.realisationsNew.map((a) => a.id)).toEqual([older.id]);
    expect(itemTitles(quadrant(card, 'realisations'))).not.toContain(newIn2022.title);
    fireEvent.click(within(quadrant(card, 'planning')).getByText(`Eerdere planning (${expected.planningOlder.length})`));
    expect(itemTitles(quadrant(card, 'planning'))).toContain(newIn2022.title);
    expect(newLabels(quadrant(card, 'planning'))).toBe(expected.planningNew.length);
    expect(card).toHaveTextContent('1 realisatie in 2021');
  });

  it('opens on the configured report year', async () => {
    const { container } = setup({}, { reportYear: 2021 });
    const card = (await cards(container, 7))[0];
    expect(within(quadrant(card, 'planning')).getByRole('heading', { level: 3 })).toHaveTextContent('Planning 2022');
    expect(newLabels(card)).toBe(0);
  });
});

describe('DomainCards: details', () => {
  it('opens a panel with description, sub-items, domains, years and list links', async () => {
    const data = loadSeedData();
    const multi = data.actions.filter((a) => a.id === 129)[0];
    multi.owner = { id: 7, title: 'An Peeters', email: 'an.peeters@mechelen.be' };
    multi.directie = 'Directie Bedrijfsvoering';
    multi.deadline = '2023-06-30T00:00:00Z';
    multi.subItems = ['Aankoop', 'Uitrol'];
    const { container, openForm } = setup({ permissions: { canEdit: true, canManageLists: false, canFinalise: true } }, {}, data);
    await cards(container, 7);
    const button = container.querySelector(`li[data-item-id="${multi.id}"] > button`) as HTMLElement;
    fireEvent.click(button);
    const panel = await screen.findByRole('dialog');
    expect(within(panel).getByText(multi.title)).toBeInTheDocument();
    expect(panel).toHaveTextContent(multi.description ? multi.description.slice(0, 30) : '');
    expect(panel).toHaveTextContent('Efficiënt gebruik middelen');
    expect(panel).toHaveTextContent('Bescherming activa');
    expect(panel).toHaveTextContent('Aankoop');
    expect(panel).toHaveTextContent('An Peeters');
    expect(panel).toHaveTextContent('Directie Bedrijfsvoering');
    expect(panel).toHaveTextContent('30 juni 2023');
    expect(panel).toHaveTextContent('Jaar gepland2023');
    expect(panel).toHaveTextContent('Jaar gerealiseerdnog niet gerealiseerd');
    const open = within(panel).getByRole('link', { name: /Openen in de lijst/ });
    expect(open).toHaveAttribute('href', `https://contoso.sharepoint.com/sites/organisatiebeheersing/Lists/Acties/DispForm.aspx?ID=${multi.id}`);
    fireEvent.click(within(panel).getByRole('link', { name: /Bewerken/ }));
    expect(openForm).toHaveBeenCalledWith(`https://contoso.sharepoint.com/sites/organisatiebeheersing/Lists/Acties/EditForm.aspx?ID=${multi.id}`);
  });

  it('says "vóór 2022" for a realisation without a year', async () => {
    const data = loadSeedData();
    const older = buildReport(data, 2022).domains[0].realisationsOlder[0];
    const { container } = setup({}, {}, data);
    const card = (await cards(container, 7))[0];
    fireEvent.click(within(card).getByText('Eerdere realisaties (10)'));
    fireEvent.click(container.querySelector(`li[data-item-id="${older.id}"] > button`) as HTMLElement);
    const panel = await screen.findByRole('dialog');
    expect(panel).toHaveTextContent('Jaar gerealiseerdvóór 2022');
    expect(panel).toHaveTextContent('StatusGerealiseerd');
  });

  it('shows a risk with its source and links to the risks list', async () => {
    const data = loadSeedData();
    const risk = buildReport(data, 2022).domains[0].risks[0];
    const { container } = setup({}, {}, data);
    await cards(container, 7);
    fireEvent.click(container.querySelector(`[data-quadrant$="-risks"] li[data-risk-id="${risk.id}"] > button`) as HTMLElement);
    const panel = await screen.findByRole('dialog');
    expect(panel).toHaveTextContent(`PrioriteitHoog`);
    expect(within(panel).getByRole('link', { name: /Openen in de lijst/ }).getAttribute('href')).toMatch(new RegExp(`/Lists/Risicos/DispForm\\.aspx\\?ID=${risk.id}$`));
  });
});

describe('DomainCards: history in the detail panel', () => {
  const IDS = { actions: '0f6f2c2e-1111-4c3b-9d7e-aaaaaaaaaaaa', risks: '0f6f2c2e-2222-4c3b-9d7e-bbbbbbbbbbbb' };

  it('says who changed an action last and when, and links to its version history page', async () => {
    const data = loadSeedData();
    const action = data.actions.filter((a) => a.id === 129)[0];
    action.modified = '2023-03-14T09:30:00Z';
    action.modifiedBy = 'Pieter De Smet';
    const { container } = setup({ permissions: { canEdit: true, canManageLists: false, canFinalise: true, listIds: IDS } }, {}, data);
    await cards(container, 7);
    fireEvent.click(container.querySelector(`li[data-item-id="129"] > button`) as HTMLElement);
    const panel = await screen.findByRole('dialog');
    expect(panel).toHaveTextContent('Laatst gewijzigd door Pieter De Smet op 14 maart 2023');
    const link = within(panel).getByRole('link', { name: /Versiegeschiedenis/ });
    expect(link).toHaveAttribute(
      'href',
      `https://contoso.sharepoint.com/sites/organisatiebeheersing/_layouts/15/Versions.aspx?list=%7B${IDS.actions}%7D&ID=129`
    );
    expect(link).toHaveAttribute('target', '_blank');
  });

  it('shows the same for a risk, and no version link while the list id is unknown', async () => {
    const data = loadSeedData();
    const risk = buildReport(data, 2022).domains[0].risks[0];
    const stored = data.risks.filter((r) => r.id === risk.id)[0];
    stored.modified = '2022-11-02T10:00:00Z';
    stored.modifiedBy = 'Ann Janssens';
    const { container } = setup({ permissions: { canEdit: false, canManageLists: false, canFinalise: false } }, {}, data);
    await cards(container, 7);
    fireEvent.click(container.querySelector(`[data-quadrant$="-risks"] li[data-risk-id="${risk.id}"] > button`) as HTMLElement);
    const panel = await screen.findByRole('dialog');
    expect(panel).toHaveTextContent('Laatst gewijzigd door Ann Janssens op 2 november 2022');
    expect(within(panel).queryByRole('link', { name: /Versiegeschiedenis/ })).toBeNull();
  });
});

describe('DomainCards: after the year is final', () => {
  const FINAL_2022 = [
    { name: 'Voortgangsrapport 2022.docx', year: 2022, format: 'Word' as const, url: 'https://contoso.sharepoint.com/x.docx', modified: '2023-05-10T08:00:00Z' },
    { name: 'Voortgangsrapport 2022 - gegevens.json', year: 2022, format: 'Gegevens' as const, url: 'https://contoso.sharepoint.com/x.json', modified: '2023-05-10T08:00:01Z' }
  ];

  it('marks items changed after the final report with the date of the change, as text', async () => {
    const data = loadSeedData();
    const first = buildReport(data, 2022).domains[0];
    const changedAction = first.realisationsNew[0];
    const changedRisk = first.risks[0];
    for (const a of data.actions) a.modified = '2023-05-01T00:00:00Z';
    data.actions.filter((a) => a.id === changedAction.id)[0].modified = '2023-06-01T09:00:00Z';
    data.risks.filter((r) => r.id === changedRisk.id)[0].modified = '2023-07-02T09:00:00Z';
    const { container } = setup({ storedReports: FINAL_2022 }, { reportYear: 2022 }, data);
    const card = (await cards(container, 7))[0];
    await waitFor(() => expect(within(card).getAllByText(/gewijzigd na definitief rapport/)).toHaveLength(2));
    expect(card.querySelector(`li[data-item-id="${changedAction.id}"]`)).toHaveTextContent('gewijzigd na definitief rapport (1 juni 2023)');
    expect(card.querySelector(`li[data-risk-id="${changedRisk.id}"]`)).toHaveTextContent('gewijzigd na definitief rapport (2 juli 2023)');
    expect(container.querySelectorAll('[data-testid="changed-after-final"]')).toHaveLength(2);
  });

  it('marks nothing on a year that is not final', async () => {
    const data = loadSeedData();
    for (const a of data.actions) a.modified = '2024-01-01T00:00:00Z';
    const { container } = setup({ storedReports: FINAL_2022 }, { reportYear: 2021 }, data);
    await cards(container, 7);
    expect(screen.queryByText(/Toon definitief rapport/)).toBeNull();
    expect(container.querySelectorAll('[data-testid="changed-after-final"]')).toHaveLength(0);
  });

  it('shows the final report of the year next to today\'s data, read-only, with the toggle', async () => {
    const snapshot = loadSeedData();
    const data: IReportData = JSON.parse(JSON.stringify(snapshot));
    const first = buildReport(data, 2022).domains[0];
    data.actions.push({ id: 9999, title: 'Na het rapport gerealiseerd', subItems: [], status: 'Gerealiseerd', realisedYear: 2022, plannedYear: 2022, domainIds: [first.domain.id], risks: [] });
    const { container, repo } = setup({ storedReports: FINAL_2022, snapshot, permissions: { canEdit: false, canManageLists: false, canFinalise: false } }, { reportYear: 2022 }, data);
    const card = (await cards(container, 7))[0];
    expect(container.querySelectorAll('[data-testid="final-snapshot"]')).toHaveLength(0);
    fireEvent.click(await screen.findByRole('switch', { name: 'Toon definitief rapport 2022' }));
    await waitFor(() => expect(container.querySelectorAll('[data-testid="final-snapshot"]')).toHaveLength(7));
    expect(repo.snapshotReads).toEqual([2022]);
    const final = within(card).getByTestId('final-snapshot');
    expect(final).toHaveTextContent('Definitief rapport 2022 (alleen lezen)');
    const [risks, realNew, , planNew] = EXPECTED_2022[0];
    expect(final).toHaveTextContent(`${risks} hoge risico's · ${realNew} gerealiseerd in 2022 · ${planNew} nieuw gepland voor 2023`);
    expect(final).not.toHaveTextContent('Na het rapport gerealiseerd');
    // Today's quadrant has it; the frozen report has no buttons.
    expect(quadrant(card, 'realisations')).toHaveTextContent('Na het rapport gerealiseerd');
    expect(within(final).queryAllByRole('button')).toHaveLength(0);
  });
});

describe('DomainCards: rich text is sanitised', () => {
  it('renders hostile titles as text and descriptions without scripts, handlers or javascript: links', async () => {
    const data = loadSeedData();
    const a = buildReport(data, 2022).domains[0].realisationsNew[0];
    const stored = data.actions.filter((x) => x.id === a.id)[0];
    stored.title = '<img src=x onerror=alert(1)> Titel';
    stored.shortTitle = undefined;
    stored.description =
      '<p>Uitleg<img src="x" onerror="window.__pwned=1"><script>window.__pwned=2</script>' +
      '<a href="javascript:window.__pwned=3">slecht</a> <a href="JaVa&#x09;script:alert(1)">ook slecht</a> ' +
      '<a href="data:text/html,<script>alert(1)</script>">data</a> <a href="https://www.mechelen.be" onclick="alert(1)">goed</a></p>';
    const { container } = setup({}, {}, data);
    await cards(container, 7);
    const li = container.querySelector(`li[data-item-id="${a.id}"]`) as HTMLElement;
    expect(li).toHaveTextContent('<img src=x onerror=alert(1)> Titel');
    expect(li.querySelector('img')).toBeNull();
    fireEvent.click(li.querySelector('button') as HTMLElement);
    const panel = await screen.findByRole('dialog');
    expect(panel).toHaveTextContent('Uitleg');
    expect(document.querySelectorAll('script')).toHaveLength(0);
    expect(document.querySelectorAll('[onerror], [onclick]')).toHaveLength(0);
    const links = within(panel).getAllByText(/slecht|data|goed/).map((el) => el.closest('a')!);
    for (const link of links.slice(0, 3)) expect(link.getAttribute('href')).toBeNull();
    const good = within(panel).getByText('goed').closest('a')!;
    expect(good).toHaveAttribute('href', 'https://www.mechelen.be');
    expect(good).toHaveAttribute('target', '_blank');
    expect(good).toHaveAttribute('rel', 'noopener noreferrer');
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

describe('DomainCards: permissions', () => {
  async function openPlanningItem(container: HTMLElement): Promise<HTMLElement> {
    const card = (await cards(container, 7))[0];
    const first = quadrant(card, 'planning').querySelector('li[data-item-id] > button') as HTMLElement;
    fireEvent.click(first);
    return screen.findByRole('dialog');
  }

  it('readers see no edit actions anywhere', async () => {
    const { container, repo } = setup({ permissions: { canEdit: false, canManageLists: false, canFinalise: false } });
    await waitFor(() => expect(repo.calls.permissions).toBe(1));
    const panel = await openPlanningItem(container);
    expect(within(panel).getByRole('link', { name: /Openen in de lijst/ })).toBeInTheDocument();
    expect(screen.queryByText('Bewerken')).toBeNull();
    expect(screen.queryByText('Doorschuiven naar realisaties')).toBeNull();
    expect(screen.queryByText('Nieuwe actie')).toBeNull();
    expect(screen.queryByText('Nieuw risico')).toBeNull();
  });

  it('a failing permission check counts as reader', async () => {
    const { container, repo } = setup({ permissionsFail: true });
    await waitFor(() => expect(repo.calls.permissions).toBe(1));
    await openPlanningItem(container);
    expect(screen.queryByText('Bewerken')).toBeNull();
    expect(screen.queryByText('Nieuwe actie')).toBeNull();
  });

  it('editors get new-item buttons that open the NewForm, and the data reloads when they come back', async () => {
    const { container, repo, openForm } = setup({ permissions: { canEdit: true, canManageLists: false, canFinalise: true } });
    const card = (await cards(container, 7))[2];
    const newAction = await within(card).findByText('Nieuwe actie');
    await waitFor(() => expect(repo.calls.load).toBe(1));
    fireEvent.click(newAction);
    expect(openForm).toHaveBeenLastCalledWith('https://contoso.sharepoint.com/sites/organisatiebeheersing/Lists/Acties/NewForm.aspx');
    fireEvent.click(within(card).getByText('Nieuw risico'));
    expect(openForm).toHaveBeenLastCalledWith('https://contoso.sharepoint.com/sites/organisatiebeheersing/Lists/Risicos/NewForm.aspx');
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await waitFor(() => expect(repo.calls.load).toBe(2));
    // Focus without an open form does not reload again.
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    expect(repo.calls.load).toBe(2);
  });

  it('opens forms in a new window by default', async () => {
    const open = jest.spyOn(window, 'open').mockImplementation(() => null);
    const repo = new FakeRepository(loadSeedData(), { permissions: { canEdit: true, canManageLists: false, canFinalise: true } });
    const { container } = render(<DomainCards repository={repo} showDescriptions={true} isTeams={true} today={TODAY} />);
    const card = (await cards(container, 7))[0];
    fireEvent.click(await within(card).findByText('Nieuwe actie'));
    expect(open).toHaveBeenCalledWith(expect.stringContaining('/Lists/Acties/NewForm.aspx'), '_blank', 'noopener');
  });
});

describe('DomainCards: doorschuiven naar realisaties', () => {
  it('asks for confirmation with the year, realises the action in that year and reloads', async () => {
    const data = loadSeedData();
    const target = firstPlanningOlder(data, 0, 2022);
    const { container, repo } = setup({ permissions: { canEdit: true, canManageLists: false, canFinalise: true } }, {}, data);
    let card = (await cards(container, 7))[0];
    await waitFor(() => expect(repo.calls.load).toBe(1));
    fireEvent.click(within(card).getByText('Eerdere planning (1)'));
    fireEvent.click(container.querySelector(`li[data-item-id="${target.id}"] > button`) as HTMLElement);
    const panel = await screen.findByRole('dialog');
    fireEvent.click(await within(panel).findByRole('button', { name: 'Doorschuiven naar realisaties' }));
    const confirm = await screen.findByRole('alertdialog');
    expect(confirm).toHaveTextContent(`'${target.title}' wordt geregistreerd als gerealiseerd in 2022`);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Doorschuiven' }));

    await waitFor(() => expect(repo.calls.load).toBe(2));
    expect(repo.calls.realise).toEqual([{ id: target.id, year: 2022 }]);
    expect(await screen.findByText(`'${target.title}' staat nu bij de realisaties van 2022.`)).toBeInTheDocument();
    card = sections(container)[0];
    await waitFor(() => expect(newLabels(quadrant(card, 'realisations'))).toBe(12));
    expect(within(card).queryByText(/Eerdere planning/)).toBeNull();
  });

  it('uses the planned year for an item planned after the report year, and stays on the year shown', async () => {
    const data = loadSeedData();
    const target = buildReport(data, 2022).domains[0].planningNew[0];
    // Read in 2026 with no report year set: 2022 is shown as the latest year with realisations.
    const { container, repo } = setup({ permissions: { canEdit: true, canManageLists: false, canFinalise: true } }, { today: new Date(2026, 11, 4) }, data);
    await cards(container, 7);
    fireEvent.click(container.querySelector(`li[data-item-id="${target.id}"] > button`) as HTMLElement);
    fireEvent.click(await within(await screen.findByRole('dialog')).findByRole('button', { name: 'Doorschuiven naar realisaties' }));
    const confirm = await screen.findByRole('alertdialog');
    expect(confirm).toHaveTextContent('gerealiseerd in 2023');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Doorschuiven' }));
    await waitFor(() => expect(repo.calls.realise).toEqual([{ id: target.id, year: 2023 }]));
    // 2023 now has a realisation, so it would be the default year; the page stays on the year it showed.
    await waitFor(() => expect(repo.calls.load).toBe(2));
    const card = sections(container)[0];
    await waitFor(() => expect(within(quadrant(card, 'planning')).getByRole('heading', { level: 3 })).toHaveTextContent('Planning 2023'));
    expect(screen.getByRole('combobox', { name: /Rapportjaar/ })).toHaveTextContent('2022');
  });

  it("when the list's validation rule refuses the move, shows that rule in Dutch and changes nothing", async () => {
    const data = loadSeedData();
    const target = buildReport(data, 2022).domains[0].planningNew[0];
    const { container, repo } = setup({ permissions: { canEdit: true, canManageLists: false, canFinalise: false } }, {}, data);
    repo.realiseAction = async () => {
      throw new ListValidationError('Het jaar gerealiseerd kan niet vóór het jaar gepland liggen.');
    };
    await cards(container, 7);
    fireEvent.click(container.querySelector(`li[data-item-id="${target.id}"] > button`) as HTMLElement);
    fireEvent.click(await within(await screen.findByRole('dialog')).findByRole('button', { name: 'Doorschuiven naar realisaties' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Doorschuiven' }));
    expect(await screen.findByText('Doorschuiven is niet gelukt. Er werd niets gewijzigd. Het jaar gerealiseerd kan niet vóór het jaar gepland liggen.')).toBeInTheDocument();
    expect(repo.data.actions.filter((a) => a.id === target.id)[0].status).toBe('Gepland');
  });

  it('on a 412 conflict shows who won, does not retry or overwrite, and reloads', async () => {
    const data = loadSeedData();
    const target = firstPlanningOlder(data, 0, 2022);
    const { container, repo } = setup({ permissions: { canEdit: true, canManageLists: false, canFinalise: true } }, {}, data);
    const card = (await cards(container, 7))[0];
    await waitFor(() => expect(repo.calls.load).toBe(1));
    fireEvent.click(within(card).getByText('Eerdere planning (1)'));
    fireEvent.click(container.querySelector(`li[data-item-id="${target.id}"] > button`) as HTMLElement);
    fireEvent.click(await within(await screen.findByRole('dialog')).findByRole('button', { name: 'Doorschuiven naar realisaties' }));
    // Meanwhile a colleague edits the item in the list.
    repo.editElsewhere(target.id, { title: 'Deontologie opfrissing (herwerkt)', status: 'Lopend' });
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Doorschuiven' }));

    const msg = await screen.findByText(/Dit item werd intussen door iemand anders gewijzigd/);
    expect(msg).toHaveTextContent("'Deontologie opfrissing (herwerkt)' (status: Lopend)");
    await waitFor(() => expect(repo.calls.load).toBe(2));
    expect(repo.calls.realise).toHaveLength(1);
    expect(repo.data.actions.filter((a) => a.id === target.id)[0].status).toBe('Lopend');
    await waitFor(() => expect(sections(container)[0]).toHaveTextContent('Deontologie opfrissing (herwerkt)'));
  });
});

describe('DomainCards: filters', () => {
  it('text search narrows the cards, announces the count and "Filters wissen" restores all', async () => {
    const data = loadSeedData();
    const { container } = setup({}, {}, data);
    await cards(container, 7);
    const search = screen.getByRole('searchbox', { name: 'Zoeken' });
    fireEvent.change(search, { target: { value: 'yucopia' } });
    const expectedDomains = data.domains.filter((d) => data.actions.some((a) => a.domainIds.indexOf(d.id) >= 0 && /yucopia/i.test(a.title + (a.description || ''))));
    await waitFor(() => expect(sections(container)).toHaveLength(expectedDomains.length));
    expect(expectedDomains.length).toBeGreaterThan(0);
    expect(expectedDomains.length).toBeLessThan(7);
    expect(screen.getByTestId('filter-results')).toHaveAttribute('aria-live', 'polite');
    expect(screen.getByTestId('filter-results')).toHaveTextContent(new RegExp(`resulta(at|ten) in ${expectedDomains.length} ${expectedDomains.length === 1 ? 'domein' : 'domeinen'}$`));
    for (const card of sections(container)) expect(card).toHaveTextContent(/Yucopia/i);
    // Quadrants left empty by the filter say so; they do not claim nothing was entered.
    expect(container).toHaveTextContent('Geen items die aan de filters voldoen.');
    expect(container).not.toHaveTextContent('Nog niets ingevuld');
    // The search box's own clear button speaks Dutch too.
    expect(screen.getByRole('button', { name: 'Zoektekst wissen' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Filters wissen' }));
    await cards(container, 7);
    expect(screen.getByTestId('filter-results')).toHaveTextContent('');
  });

  it('filters on owner and organisation unit across cards', async () => {
    const data = loadSeedData();
    const picked = [data.actions[0], data.actions[60], data.actions[120]];
    picked.forEach((a) => {
      a.owner = { id: 5, title: 'Els Janssens' };
      a.afdeling = 'Dienst Financiën';
    });
    const inReport = (id: number) => (d: ReturnType<typeof buildReport>['domains'][number]): boolean =>
      [d.realisationsNew, d.realisationsOlder, d.planningNew, d.planningOlder].some((list) => list.some((x) => x.id === id));
    const report = buildReport(data, 2022);
    const visible = report.domains.filter((d) => picked.some((a) => inReport(a.id)(d)));
    const expectedIds = picked.filter((a) => report.domains.some(inReport(a.id))).map((a) => a.id);
    const { container } = setup({}, {}, data);
    await cards(container, 7);
    fireEvent.click(screen.getByRole('combobox', { name: /Eigenaar/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Els Janssens' }));
    await waitFor(() => expect(sections(container)).toHaveLength(visible.length));
    expect(visible.length).toBeGreaterThan(0);
    expect(visible.length).toBeLessThan(7);
    const shownIds = sections(container).reduce<number[]>(
      (ids, sec) => ids.concat(Array.prototype.map.call(sec.querySelectorAll('li[data-item-id]'), (li: HTMLElement) => Number(li.getAttribute('data-item-id'))) as number[]),
      []
    );
    expect(new Set(shownIds)).toEqual(new Set(expectedIds));
    expect(screen.getByRole('combobox', { name: /Directie\/afdeling/ })).toBeInTheDocument();
  });

  it('filters on status', async () => {
    const { container } = setup();
    await cards(container, 7);
    fireEvent.click(screen.getByRole('combobox', { name: /Status/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'Gepland' }));
    await waitFor(() => expect(within(sections(container)[0]).queryByText(/Eerdere realisaties/)).toBeNull());
    for (const card of sections(container)) {
      expect(quadrant(card, 'realisations').querySelectorAll('li[data-item-id]')).toHaveLength(0);
      expect(quadrant(card, 'risks').querySelectorAll('li[data-risk-id]')).toHaveLength(0);
      expect(within(quadrant(card, 'realisations')).getByText('Geen items die aan de filters voldoen.')).toBeInTheDocument();
    }
  });
});

describe('DomainCards: states', () => {
  it('shows a shimmer while loading, never a blank area', async () => {
    const { container, repo } = setup({ holdLoads: true });
    expect(screen.getByTestId('loading-view')).toHaveTextContent('Domeinkaarten laden…');
    expect(sections(container)).toHaveLength(0);
    await act(async () => repo.release());
    await cards(container, 7);
    expect(screen.queryByTestId('loading-view')).toBeNull();
  });

  it('says SharePoint is busy when it throttled (503/429), with technical detail, and recovers on "Opnieuw proberen"', async () => {
    const { container, repo } = setup({ failLoads: 1 });
    expect(await screen.findByText(/SharePoint is even druk/)).toBeInTheDocument();
    expect(screen.queryByText(/Controleer de verbinding/)).toBeNull();
    const details = container.querySelector('details')!;
    expect(details).toHaveTextContent('Technische details');
    expect(details).toHaveTextContent('HTTP 503');
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    await cards(container, 7);
    expect(repo.calls.load).toBe(2);
    expect(screen.queryByText(/SharePoint is even druk/)).toBeNull();
  });

  it('asks to check the connection or the data site when the read failed otherwise', async () => {
    setup({ failLoads: 1, failStatus: 0 });
    expect(await screen.findByText(/De gegevens konden niet geladen worden. Controleer de verbinding/)).toBeInTheDocument();
  });

  it('paints cached data before the load resolves and marks the refresh', async () => {
    const cached = loadSeedData();
    const fresh = loadSeedData();
    fresh.actions.filter((a) => a.id === 23)[0].title = 'Gunning soft HR (bijgewerkt)';
    const repo = new FakeRepository(fresh, { cached, holdLoads: true });
    const { container } = render(<DomainCards repository={repo} showDescriptions={true} isTeams={false} today={TODAY} />);
    // First render already has the cards, from the cache.
    expect(sections(container)).toHaveLength(7);
    expect(repo.calls.getCached).toBe(1);
    expect(screen.getByText('Bijwerken…')).toBeInTheDocument();
    expect(screen.queryByTestId('loading-view')).toBeNull();
    await act(async () => repo.release());
    await waitFor(() => expect(screen.queryByText('Bijwerken…')).toBeNull());
    expect(container).toHaveTextContent('Gunning soft HR (bijgewerkt)');
  });

  it('keeps cached cards with a warning when the refresh fails, and retries', async () => {
    const repo = new FakeRepository(loadSeedData(), { cached: loadSeedData(), failLoads: 1 });
    const { container } = render(<DomainCards repository={repo} showDescriptions={true} isTeams={false} today={TODAY} />);
    expect(await screen.findByText(/konden niet bijgewerkt worden/)).toBeInTheDocument();
    expect(sections(container)).toHaveLength(7);
    fireEvent.click(screen.getByText('Opnieuw proberen'));
    await waitFor(() => expect(screen.queryByText(/konden niet bijgewerkt worden/)).toBeNull());
    expect(sections(container)).toHaveLength(7);
  });

  it('"Vernieuwen" reloads the data', async () => {
    const { container, repo } = setup();
    await cards(container, 7);
    await waitFor(() => expect(repo.calls.load).toBe(1));
    fireEvent.click(screen.getByText('Vernieuwen'));
    await waitFor(() => expect(repo.calls.load).toBe(2));
  });

  it('without domains tells a reader to ask the coordinator', async () => {
    const { repo } = setup({ permissions: { canEdit: false, canManageLists: false, canFinalise: false } }, {}, { domains: [], risks: [], actions: [], audits: [] });
    await waitFor(() => expect(repo.calls.permissions).toBe(1));
    expect(await screen.findByText('Nog geen domeinen')).toBeInTheDocument();
    expect(screen.getByText(/Vraag de coördinator interne controle/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Lijst Domeinen openen' })).toBeNull();
  });

  it('without domains points an owner to "Lijsten controleren" and the Domeinen list', async () => {
    const { openForm } = setup({ permissions: { canEdit: true, canManageLists: true, canFinalise: true } }, {}, { domains: [], risks: [], actions: [], audits: [] });
    expect(await screen.findByText(/Lijsten controleren/)).toBeInTheDocument();
    fireEvent.click(await screen.findByRole('button', { name: 'Lijst Domeinen openen' }));
    expect(openForm).toHaveBeenCalledWith('https://contoso.sharepoint.com/sites/organisatiebeheersing/Lists/Domeinen/AllItems.aspx');
  });

  it('a domain without items says "Nog niets ingevuld" per quadrant', async () => {
    const data = loadSeedData();
    data.domains.push({ id: 99, title: 'Nieuw domein', order: 8, key: 'nieuw', criteria: [], active: true });
    const { container } = setup({}, {}, data);
    const card = (await cards(container, 8))[7];
    expect(within(card).getAllByText('Nog niets ingevuld')).toHaveLength(4);
  });
});

describe('DomainCards: single domain and deep links', () => {
  it('shows only the pinned domain (by key or id) without the domain navigation', async () => {
    const { container } = setup({}, { domainKey: 'bescherming-activa' });
    const [card] = await cards(container, 1);
    expect(card.querySelector('h2')).toHaveTextContent('Bescherming activa');
    expect(screen.queryByRole('navigation')).toBeNull();
  });

  it('accepts a domain id', async () => {
    const { container } = setup({}, { domainKey: '3' });
    const [card] = await cards(container, 1);
    expect(card.querySelector('h2')).toHaveTextContent('Voorkomen van fraude en fouten');
  });

  it('says so when the pinned domain does not exist', async () => {
    setup({}, { domainKey: 'bestaat-niet' });
    expect(await screen.findByText(/Het domein 'bestaat-niet' werd niet gevonden/)).toBeInTheDocument();
  });

  it('moves focus to the deep-linked card', async () => {
    const { container } = setup({}, { initialDomainKey: 'betrouwbare-informatie' });
    await cards(container, 7);
    await waitFor(() => expect(document.activeElement).toBe(cardByTitle(container, 'Betrouwbare informatie').querySelector('h2')));
    expect(cardByTitle(container, 'Betrouwbare informatie').id).toBe('domein-betrouwbare-informatie');
  });

  it('offers a domain navigation with anchors on multi-domain pages', async () => {
    const { container } = setup();
    await cards(container, 7);
    const nav = screen.getByRole('navigation', { name: 'Ga naar domein' });
    expect(within(nav).getAllByRole('link')).toHaveLength(7);
    expect(within(nav).getByRole('link', { name: 'Bescherming activa' })).toHaveAttribute('href', '#domein-bescherming-activa');
  });
});

describe('DomainCards: report actions slot', () => {
  it('renders the report buttons with the year on screen', async () => {
    const render2 = jest.fn((ctx: { reportYear: number; canEdit: boolean }) => <button type="button">Rapport maken {ctx.reportYear}</button>);
    const { container } = setup({}, { renderReportActions: render2 });
    await cards(container, 7);
    expect(screen.getByText('Rapport maken 2022').tagName).toBe('BUTTON');
  });
});

describe('DomainCards: audits, deadlines and Mijn acties', () => {
  function rec(id: number, auditId: number, status: 'Open' | 'Uitgevoerd', actionId: number, extra: object = {}): import('../../../src/model/types').IRecommendation {
    return { id, title: `Aanbeveling ${id}`, auditId, priority: 'H', status, actions: [{ id: actionId, title: 'x' }], ...extra };
  }

  it('marks planned actions past their deadline ("te laat", with the date, as text) and due within 30 days; not realised ones', async () => {
    const data = loadSeedData();
    const report = buildReport(data, 2022).domains[0];
    const late = report.planningNew[0];
    const soon = report.planningNew[1];
    const realised = report.realisationsNew[0];
    data.actions.filter((a) => a.id === late.id)[0].deadline = '2023-03-01';
    data.actions.filter((a) => a.id === soon.id)[0].deadline = '2023-06-01';
    data.actions.filter((a) => a.id === realised.id)[0].deadline = '2022-01-01';
    const { container } = setup({}, {}, data);
    const card = (await cards(container, 7))[0];
    const lateLi = container.querySelector(`li[data-item-id="${late.id}"]`) as HTMLElement;
    expect(within(lateLi).getByText('te laat: deadline 1 maart 2023')).toHaveAttribute('data-deadline', 'overdue');
    const soonLi = container.querySelector(`li[data-item-id="${soon.id}"]`) as HTMLElement;
    expect(within(soonLi).getByText('binnen 30 dagen: deadline 1 juni 2023')).toHaveAttribute('data-deadline', 'dueSoon');
    expect(container.querySelector(`li[data-item-id="${realised.id}"] [data-deadline]`)).toBeNull();
    expect(within(card).getByTestId('card-deadlines')).toHaveTextContent('Deadlines: 1 te laat · 1 binnen 30 dagen');
    expect(within(sections(container)[1]).queryByTestId('card-deadlines')).toBeNull();
  });

  it('opens the audit a high risk came from on the audits page', async () => {
    const data = loadSeedData();
    const risk = data.risks.filter((r) => r.audit)[0];
    const { container } = setup({}, { auditsUrl: '/workbench/audits' }, data);
    await cards(container, 7);
    fireEvent.click(container.querySelector(`li[data-risk-id="${risk.id}"] > button`) as HTMLElement);
    const panel = await screen.findByRole('dialog');
    const link = within(panel).getByRole('link', { name: `Audit openen: ${risk.audit!.title}` });
    expect(link).toHaveAttribute('href', `/workbench/audits?audit=${risk.audit!.id}`);
  });

  it('after doorschuiven offers to mark the recommendations the action answers; a changed one is not overwritten', async () => {
    const data = loadSeedData();
    const target = buildReport(data, 2022).domains[0].planningNew[0];
    data.recommendations = [rec(1, 1, 'Open', target.id), rec(2, 1, 'Open', target.id), rec(3, 1, 'Uitgevoerd', target.id)];
    const { container, repo } = setup({ permissions: { canEdit: true, canManageLists: false, canFinalise: true } }, {}, data);
    await cards(container, 7);
    await waitFor(() => expect(repo.calls.load).toBe(1));
    fireEvent.click(container.querySelector(`li[data-item-id="${target.id}"] > button`) as HTMLElement);
    const panel = await screen.findByRole('dialog');
    expect(panel).toHaveTextContent('Beantwoordt aanbevelingen');
    fireEvent.click(await within(panel).findByRole('button', { name: 'Doorschuiven naar realisaties' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Doorschuiven' }));
    const offer = await screen.findByRole('alertdialog', { name: 'Aanbevelingen als uitgevoerd markeren?' });
    expect(offer).toHaveTextContent("beantwoordt 2 open aanbeveling(en): 'Aanbeveling 1', 'Aanbeveling 2'");
    // Someone else changes recommendation 2 meanwhile.
    repo.editRecommendationElsewhere(2, { status: 'Niet uitgevoerd' });
    fireEvent.click(within(offer).getByRole('button', { name: 'Markeren als uitgevoerd' }));
    expect(await screen.findByText(/1 aanbeveling\(en\) gemarkeerd als uitgevoerd\. Intussen door iemand anders gewijzigd, niets overschreven: 'Aanbeveling 2' \(Niet uitgevoerd\)/)).toBeInTheDocument();
    expect(repo.calls.mark).toEqual([[1, 2]]);
    expect(repo.data.recommendations!.map((r) => r.status)).toEqual(['Uitgevoerd', 'Niet uitgevoerd', 'Uitgevoerd']);
  });

  it('does not offer marking when the action answers no open recommendation', async () => {
    const data = loadSeedData();
    const target = buildReport(data, 2022).domains[0].planningNew[0];
    const { container, repo } = setup({ permissions: { canEdit: true, canManageLists: false, canFinalise: true } }, {}, data);
    await cards(container, 7);
    fireEvent.click(container.querySelector(`li[data-item-id="${target.id}"] > button`) as HTMLElement);
    fireEvent.click(await within(await screen.findByRole('dialog')).findByRole('button', { name: 'Doorschuiven naar realisaties' }));
    fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Doorschuiven' }));
    await waitFor(() => expect(repo.calls.load).toBe(2));
    expect(screen.queryByRole('alertdialog', { name: 'Aanbevelingen als uitgevoerd markeren?' })).toBeNull();
  });

  it('"Alleen mijn acties" keeps the actions the current user owns', async () => {
    const data = loadSeedData();
    const mine = buildReport(data, 2022).domains[2].planningNew.filter((a) => a.domainIds.length === 1)[0];
    data.actions.filter((a) => a.id === mine.id)[0].owner = { id: 7, title: 'Ann Janssens' };
    data.actions.filter((a) => a.id !== mine.id)[0].owner = { id: 8, title: 'Pieter De Smet' };
    const { container } = setup({}, {}, data);
    await cards(container, 7);
    fireEvent.click(await screen.findByRole('switch', { name: 'Alleen mijn acties' }));
    await waitFor(() => expect(sections(container)).toHaveLength(1));
    expect(itemTitles(sections(container)[0])).toEqual([mine.shortTitle || mine.title]);
    expect(screen.getByTestId('filter-results')).toHaveTextContent('1 resultaat in 1 domein');
    expect(screen.getByTestId('filter-results')).not.toHaveTextContent('resultaten');
  });
});

describe('sharing a domain in Teams', () => {
  it('in Teams each card has a share button that hands the domain key and title to Teams', async () => {
    const shareDomain = jest.fn();
    const data = loadSeedData();
    const { container } = setup({}, { isTeams: true, shareDomain }, data);
    await cards(container, 7);
    const last = data.domains.slice().sort((a, b) => a.order - b.order)[6];
    fireEvent.click(screen.getByRole('button', { name: `Link naar ${last.title} delen in Teams` }));
    expect(shareDomain).toHaveBeenCalledWith(last.key, last.title);
  });

  it('outside Teams there is no share button', async () => {
    const { container } = setup();
    await cards(container, 7);
    expect(screen.queryAllByRole('button', { name: /delen in Teams/ })).toHaveLength(0);
  });
});

