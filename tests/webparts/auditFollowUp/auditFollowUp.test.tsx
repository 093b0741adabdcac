import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AuditFollowUp, IAuditFollowUpProps } from '../../../src/webparts/auditFollowUp/components/AuditFollowUp';
import { IRecommendation, IReportData } from '../../../src/model/types';
import { FakeRepository, IFakeRepositoryOptions } from '../../helpers/fakeRepository';
import { loadSeedData } from '../../helpers/seedData';

const TODAY = new Date(2023, 4, 15);

function setup(data: IReportData = loadSeedData(), props: Partial<IAuditFollowUpProps> = {}, options: IFakeRepositoryOptions = {}): { repo: FakeRepository; openForm: jest.Mock; container: HTMLElement } {
  const repo = new FakeRepository(data, options);
  const openForm = jest.fn();
  const { container } = render(<AuditFollowUp repository={repo} isTeams={false} today={TODAY} openForm={openForm} {...props} />);
  return { repo, openForm, container };
}

function rec(id: number, auditId: number, priority: 'H' | 'M' | 'L', status: IRecommendation['status'], extra: Partial<IRecommendation> = {}): IRecommendation {
  return { id, title: `Aanbeveling ${id}`, auditId, priority, status, actions: [], ...extra };
}

function infoAuditId(data: IReportData): number {
  return data.audits.filter((a) => a.key === 'audit-informatiebeheer-2022')[0].id;
}

async function auditItems(container: HTMLElement): Promise<HTMLElement[]> {
  await waitFor(() => expect(container.querySelectorAll('[data-audit-id]').length).toBeGreaterThan(0));
  return Array.prototype.slice.call(container.querySelectorAll('[data-audit-id]')) as HTMLElement[];
}

function itemFor(container: HTMLElement, title: string): HTMLElement {
  const hit = (Array.prototype.slice.call(container.querySelectorAll('[data-audit-id]')) as HTMLElement[]).filter(
    (el) => (el.querySelector('h3') || { textContent: '' }).textContent === title
  )[0];
  if (!hit) throw new Error(`no audit ${title}`);
  return hit;
}

describe('Auditopvolging: the audit list', () => {
  it('shows the 20 audits of the seed grouped by year, those without a year under "Jaar niet vermeld"', async () => {
    const { container } = setup();
    expect(await auditItems(container)).toHaveLength(20);
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['Audits 2023', 'Audits 2022', 'Audits 2021', 'Jaar niet vermeld']);
    expect(screen.getByTestId('audit-count')).toHaveTextContent('20 van 20 audits');
  });

  it('shows the 10/19/17 figures of the information management audit, and "niet vermeld" (never 0 or blank) for the others', async () => {
    const { container } = setup();
    await auditItems(container);
    const info = itemFor(container, 'Audit informatiebeheer');
    expect(within(info).getByTestId('findings')).toHaveTextContent('10 sterktes · 19 verbeterpunten · 17 hoog prioritaire aanbevelingen');
    const burgerzaken = itemFor(container, 'Audit burgerzaken');
    expect(burgerzaken).toHaveTextContent('Auditor: niet vermeld');
    expect(burgerzaken).toHaveTextContent('Soort: niet vermeld');
    expect(burgerzaken).not.toHaveTextContent(/\b0 sterktes/);
    // Unknown findings and no recommendations are said once for the list, not on every card.
    expect(within(burgerzaken).queryByTestId('findings')).toBeNull();
    expect(within(burgerzaken).queryByTestId('execution-rate')).toBeNull();
    expect(container.querySelectorAll('[data-testid="findings"]')).toHaveLength(1);
    expect(screen.getByTestId('audits-unrecorded')).toHaveTextContent('Bij 19 van de 20 audits zijn nog geen bevindingen of aanbevelingen opgenomen');
    // The audit with 17 H-recommendations says what is known instead of "Nog geen aanbevelingen opgenomen".
    expect(within(info).getByTestId('execution-rate')).toHaveTextContent('Volgens het auditrapport 17 hoog prioritaire aanbevelingen');
    expect(container).not.toHaveTextContent('Nog geen aanbevelingen opgenomen');
  });

  it('"Per domein" names an audit without year or figures by its title only, never "(niet vermeld) — niet vermeld"', async () => {
    const { container } = setup();
    await auditItems(container);
    fireEvent.click(screen.getByRole('tab', { name: 'Per domein' }));
    await waitFor(() => expect(container.querySelectorAll('section[data-domain-id]').length).toBeGreaterThan(0));
    expect(container).not.toHaveTextContent('(niet vermeld)');
    expect(container).not.toHaveTextContent('— niet vermeld');
    expect(container).toHaveTextContent('(2022) — 10 sterktes · 19 verbeterpunten · 17 hoog prioritaire aanbevelingen');
  });

  it('shows the execution rate as text, overall and for H only', async () => {
    const data = loadSeedData();
    const id = infoAuditId(data);
    data.recommendations = [rec(1, id, 'H', 'Uitgevoerd'), rec(2, id, 'H', 'Open'), rec(3, id, 'H', 'Uitgevoerd'), rec(4, id, 'M', 'Open')];
    const { container } = setup(data);
    await auditItems(container);
    const rate = within(itemFor(container, 'Audit informatiebeheer')).getByTestId('execution-rate');
    expect(rate).toHaveTextContent('2 van 4 aanbevelingen uitgevoerd (50%)');
    expect(rate).toHaveTextContent('H-aanbevelingen: 2 van 3 uitgevoerd (67%)');
  });

  it('filters by kind and year, offering "niet vermeld"', async () => {
    const { container } = setup();
    await auditItems(container);
    fireEvent.click(screen.getByRole('combobox', { name: /Soort/ }));
    fireEvent.click(await screen.findByRole('option', { name: 'niet vermeld' }));
    await waitFor(() => expect(screen.getByTestId('audit-count')).toHaveTextContent('11 van 20 audits'));
    fireEvent.click(screen.getByRole('combobox', { name: /Jaar/ }));
    fireEvent.click(await screen.findByRole('option', { name: '2023' }));
    await waitFor(() => expect(screen.getByTestId('audit-count')).toHaveTextContent('1 van 20 audits'));
    expect(container.querySelectorAll('[data-audit-id]')).toHaveLength(1);
    expect(itemFor(container, 'Informatieveiligheidstest (phishing) + e-learning')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Filters wissen' }));
    await waitFor(() => expect(screen.getByTestId('audit-count')).toHaveTextContent('20 van 20 audits'));
  });
});

describe('Auditopvolging: one audit', () => {
  it('opens from a deep link with its chain, risks, and its recommendations with owner, deadline, overdue mark and a deleted action', async () => {
    const data = loadSeedData();
    const follow = data.audits.filter((a) => a.key === 'opvolgaudit-burgerzaken')[0];
    const base = data.audits.filter((a) => a.key === 'audit-burgerzaken')[0];
    const action = data.actions[0];
    data.recommendations = [
      rec(1, base.id, 'H', 'Open', { owner: { id: 8, title: 'Pieter De Smet' }, deadline: '2023-03-01', actions: [{ id: action.id, title: action.title }, { id: 9999, title: 'Oude actie' }] }),
      rec(2, base.id, 'M', 'In uitvoering', { deadline: '2023-06-01' })
    ];
    setup(data, { initialAuditId: base.id });
    const panel = await screen.findByRole('dialog');
    expect(within(panel).getByText('Audit burgerzaken')).toBeInTheDocument();
    expect(panel).toHaveTextContent('Jaar' + 'niet vermeld');
    expect(within(panel).getByRole('button', { name: follow.title })).toBeInTheDocument();
    expect(panel).toHaveTextContent('Aanbevelingen (2)');
    const first = panel.querySelector('[data-recommendation-id="1"]') as HTMLElement;
    expect(first).toHaveTextContent('Eigenaar: Pieter De Smet');
    expect(within(first).getByText('te laat: deadline 1 maart 2023')).toHaveAttribute('data-deadline', 'overdue');
    expect(first).toHaveTextContent('Oude actie (actie verwijderd)');
    expect(first).toHaveTextContent(`${action.title} (Gerealiseerd)`);
    const second = panel.querySelector('[data-recommendation-id="2"]') as HTMLElement;
    expect(within(second).getByText('binnen 30 dagen: deadline 1 juni 2023')).toHaveAttribute('data-deadline', 'dueSoon');
    // Follow the chain to the follow-up audit.
    fireEvent.click(within(panel).getByRole('button', { name: follow.title }));
    await waitFor(() => expect(screen.getByRole('dialog')).toHaveTextContent('Opvolging van'));
  });

  it('lists the risks from an audit with links to their domain card', async () => {
    const data = loadSeedData();
    const risk = data.risks.filter((r) => r.audit)[0];
    setup(data, { initialAuditId: risk.audit!.id, cardsUrl: 'https://contoso.sharepoint.com/SitePages/Kaarten.aspx' });
    const panel = await screen.findByRole('dialog');
    const link = within(within(panel).getByTestId('audit-risks')).getAllByRole('link')[0];
    expect(link.textContent).toContain(risk.title);
    expect(link.getAttribute('href')).toMatch(/Kaarten\.aspx\?domein=.*#domein-/);
  });

  it('pages 500 recommendations on one audit', async () => {
    const data = loadSeedData();
    const id = infoAuditId(data);
    data.recommendations = [];
    for (let i = 1; i <= 500; i++) data.recommendations.push(rec(i, id, 'H', i <= 100 ? 'Uitgevoerd' : 'Open'));
    setup(data, { initialAuditId: id });
    const panel = await screen.findByRole('dialog');
    expect(panel.querySelectorAll('[data-recommendation-id]')).toHaveLength(25);
    expect(panel).toHaveTextContent('Pagina 1 van 20 (500 aanbevelingen)');
    expect(panel).toHaveTextContent('100 van 500 aanbevelingen uitgevoerd (20%)');
    fireEvent.click(within(panel).getByRole('button', { name: 'Volgende' }));
    expect(panel).toHaveTextContent('Pagina 2 van 20');
    expect(panel.querySelector('[data-recommendation-id="26"]')).not.toBeNull();
  });

  it('says so when the deep-linked audit does not exist', async () => {
    setup(loadSeedData(), { initialAuditId: 4242 });
    expect(await screen.findByText(/De gevraagde audit \(nummer 4242\) bestaat niet/)).toBeInTheDocument();
  });

  it('edits through the list forms: the audit EditForm and a new recommendation (editors only)', async () => {
    const data = loadSeedData();
    const { openForm } = setup(data, { initialAuditId: infoAuditId(data) });
    const panel = await screen.findByRole('dialog');
    await waitFor(() => expect(within(panel).getByRole('link', { name: /Nieuwe aanbeveling/ })).toBeInTheDocument());
    fireEvent.click(within(panel).getByRole('link', { name: /^Bewerken/ }));
    expect(openForm).toHaveBeenCalledWith(expect.stringMatching(/Lists\/Audits\/EditForm\.aspx\?ID=\d+$/));
    fireEvent.click(within(panel).getByRole('link', { name: /Nieuwe aanbeveling/ }));
    expect(openForm).toHaveBeenLastCalledWith(expect.stringMatching(/Lists\/Aanbevelingen\/NewForm\.aspx$/));
  });

  it('shows a reader no edit buttons', async () => {
    const data = loadSeedData();
    setup(data, { initialAuditId: infoAuditId(data) }, { permissions: { canEdit: false, canManageLists: false, canFinalise: false } });
    const panel = await screen.findByRole('dialog');
    await new Promise((r) => setTimeout(r, 20));
    expect(within(panel).queryByRole('link', { name: /^Bewerken/ })).toBeNull();
    expect(screen.queryByRole('link', { name: /Nieuwe audit/ })).toBeNull();
  });
});

describe('Auditopvolging: per domain and Mijn acties', () => {
  it('says how many open recommendations there are (glossary: "open aanbevelingen"), the same figure as the widget and the Viva card', async () => {
    const data = loadSeedData();
    const info = infoAuditId(data);
    data.recommendations = [rec(1, info, 'H', 'Open'), rec(2, info, 'H', 'In uitvoering'), rec(3, info, 'M', 'Uitgevoerd'), rec(4, info, 'L', 'Niet uitgevoerd')];
    const { container } = setup(data);
    await auditItems(container);
    expect(screen.getByTestId('open-recommendations')).toHaveTextContent('2 open aanbevelingen');
    fireEvent.click(screen.getByRole('tab', { name: 'Per domein' }));
    const section = await screen.findByRole('region', { name: 'Betrouwbare informatie' });
    expect(section).toHaveTextContent('2 open aanbevelingen');
  });

  it('"Per domein" says once, in plain words, which audits belong to no domain ("Zonder domein")', async () => {
    const data = loadSeedData();
    const lone = data.audits.filter((a) => a.key !== 'audit-informatiebeheer-2022')[0];
    lone.domainIds = [];
    for (const r of data.risks) if (r.audit && r.audit.id === lone.id) r.audit = undefined;
    for (const a of data.actions) if (a.audit && a.audit.id === lone.id) a.audit = undefined;
    data.recommendations = [rec(1, lone.id, 'H', 'Open')];
    const { container } = setup(data);
    await auditItems(container);
    fireEvent.click(screen.getByRole('tab', { name: 'Per domein' }));
    const none = await screen.findByRole('region', { name: 'Zonder domein' });
    expect(within(none).getByRole('button', { name: lone.title })).toBeInTheDocument();
    expect(none).toHaveTextContent(/aan geen domein gekoppeld; hun 1 open aanbeveling telt in geen enkel domein mee/);
    expect(container.querySelectorAll('[data-testid="no-domain"]')).toHaveLength(1);
    expect(container).not.toHaveTextContent('(niet vermeld)');
  });

  it('lists per domain the audits that feed it', async () => {
    const { container } = setup();
    await auditItems(container);
    fireEvent.click(screen.getByRole('tab', { name: 'Per domein' }));
    const section = await screen.findByRole('region', { name: 'Betrouwbare informatie' });
    expect(within(section).getByRole('button', { name: 'Audit informatiebeheer' })).toBeInTheDocument();
    expect(section).toHaveTextContent('10 sterktes · 19 verbeterpunten · 17 hoog prioritaire aanbevelingen');
  });

  it('"Mijn acties" shows what the current user owns, late first, with the deadline as text', async () => {
    const data = loadSeedData();
    const [a1, a2] = data.actions.filter((a) => a.status === 'Gepland');
    a1.owner = { id: 7, title: 'Ann Janssens' };
    a1.deadline = '2023-04-01';
    a2.owner = { id: 8, title: 'Pieter De Smet' };
    data.recommendations = [rec(1, infoAuditId(data), 'H', 'Open', { owner: { id: 7, title: 'Ann Janssens' }, deadline: '2023-12-01' })];
    setup(data, { initialView: 'mine' });
    const list = await screen.findByTestId('mine-list');
    const items = list.querySelectorAll('li[data-mine]');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent(a1.title);
    expect(items[0]).toHaveTextContent('te laat: deadline 1 april 2023');
    expect(items[1]).toHaveTextContent('Aanbeveling 1');
    expect(items[1]).toHaveTextContent('uit Audit informatiebeheer');
    // Each "open in the list" link names its item for screen readers.
    expect(within(items[1] as HTMLElement).getByRole('link', { name: 'Openen in de lijst: Aanbeveling 1 (opent in een nieuw venster)' })).toBeInTheDocument();
    expect(screen.getByText(/met Ann Janssens als eigenaar/)).toBeInTheDocument();
  });

  it('"Mijn acties" puts the overdue and due-within-30-days items first and says how many (the reminder rule)', async () => {
    const data = loadSeedData();
    const [a1, a2, a3] = data.actions.filter((a) => a.status === 'Gepland');
    a1.owner = { id: 7, title: 'Ann Janssens' };
    a1.deadline = '2023-09-01';
    a2.owner = { id: 7, title: 'Ann Janssens' };
    a2.deadline = '2023-05-01';
    a3.owner = { id: 7, title: 'Ann Janssens' };
    a3.deadline = '2023-06-01';
    setup(data, { initialView: 'mine' });
    const list = await screen.findByTestId('mine-list');
    const items = list.querySelectorAll('li[data-mine]');
    expect(Array.prototype.map.call(items, (i: HTMLElement) => (i.textContent || '').indexOf(a2.title) >= 0 ? 'a2' : (i.textContent || '').indexOf(a3.title) >= 0 ? 'a3' : 'a1')).toEqual(['a2', 'a3', 'a1']);
    expect(screen.getByTestId('mine-due')).toHaveTextContent('1 te laat, 1 binnen 30 dagen');
  });

  it('"Mijn acties" follows whichever user the data site says is current', async () => {
    const data = loadSeedData();
    const a = data.actions.filter((x) => x.status === 'Gepland')[0];
    a.owner = { id: 8, title: 'Pieter De Smet' };
    setup(data, { initialView: 'mine' }, { currentUser: { id: 8, title: 'Pieter De Smet' } });
    const list = await screen.findByTestId('mine-list');
    expect(list).toHaveTextContent(a.title);
  });

  it('"Mijn acties" says there is nothing when the user owns nothing open', async () => {
    setup(loadSeedData(), { initialView: 'mine' });
    expect(await screen.findByText('U bent nergens eigenaar van een open actie of aanbeveling.')).toBeInTheDocument();
  });

  it('shows an error with retry when loading fails, then the audits', async () => {
    const { container } = setup(loadSeedData(), {}, { failLoads: 1 });
    fireEvent.click(await screen.findByRole('button', { name: 'Opnieuw proberen' }));
    expect(await auditItems(container)).toHaveLength(20);
  });
});
