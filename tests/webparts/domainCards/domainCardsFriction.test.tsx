import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DomainCards } from '../../../src/webparts/domainCards/components/DomainCards';
import { IYearView, IYearViewRequest } from '../../../src/data/IOrgRepository';
import { buildReport } from '../../../src/model/report';
import { isShownOnCard } from '../../../src/model/yearView';
import { IAction, IRecommendation, IReportData } from '../../../src/model/types';
import { FakeRepository, IFakeRepositoryOptions } from '../../helpers/fakeRepository';
import { loadSeedData } from '../../helpers/seedData';

const TODAY = new Date(2023, 4, 15);
const EDITOR: IFakeRepositoryOptions = { permissions: { canEdit: true, canManageLists: false, canFinalise: true } };

/** Answers like the product's year view: older items only to be counted (no title) until asked for. */
class YearViewRepository extends FakeRepository {
  public async loadYearView(request: IYearViewRequest): Promise<IYearView> {
    const view = await super.loadYearView(request);
    const actions = view.data.actions.map((a): IAction => (isShownOnCard(a, view.year) ? { ...a, detail: 'card' } : { ...a, title: '', shortTitle: undefined, detail: 'count' }));
    return { ...view, data: { ...view.data, actions } };
  }
}

function setup(repo: FakeRepository): HTMLElement {
  return render(<DomainCards repository={repo} showDescriptions={true} isTeams={false} today={TODAY} openForm={jest.fn()} />).container;
}

async function firstCard(container: HTMLElement): Promise<HTMLElement> {
  await waitFor(() => expect(container.querySelectorAll('section')).toHaveLength(7));
  return container.querySelectorAll('section')[0] as HTMLElement;
}

function quadrant(card: HTMLElement, name: string): HTMLElement {
  return card.querySelector(`[data-quadrant$="-${name}"]`) as HTMLElement;
}

/** An element as text (a failing focus check then names it; elements do not cross jest's worker boundary). */
function what(el: Element | null | undefined): string {
  if (!el) return 'nothing';
  const li = el.closest('li[data-item-id]');
  const tab = el.getAttribute('tabindex');
  return `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${tab ? '[tabindex=' + tab + ']' : ''}${li ? ' item ' + li.getAttribute('data-item-id') : ''} "${(el.textContent || '').slice(0, 40)}"`;
}

function olderPlanning(data: IReportData): IAction {
  return buildReport(data, 2022).domains[0].planningOlder[0];
}

/** Opens the older planning item of the first card and confirms "Doorschuiven". */
async function realiseOlder(container: HTMLElement, target: IAction): Promise<HTMLElement> {
  const card = await firstCard(container);
  fireEvent.click(within(card).getByText('Eerdere planning (1)'));
  fireEvent.click((await within(card).findByText(target.shortTitle || target.title)).closest('button') as HTMLElement);
  fireEvent.click(await within(await screen.findByRole('dialog')).findByRole('button', { name: 'Doorschuiven naar realisaties' }));
  fireEvent.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Doorschuiven' }));
  return card;
}

describe('domain cards friction (issue 20, item 4)', () => {
  it('(a) an open "Eerdere realisaties" reads its titles again after a reload (back from a list form), never stuck on "Titels laden…"', async () => {
    const repo = new YearViewRepository(loadSeedData());
    const container = setup(repo);
    const card = await firstCard(container);
    fireEvent.click(within(card).getByText('Eerdere realisaties (10)'));
    await waitFor(() => expect(card.querySelectorAll('[id$="-realisations-older"] li[data-item-id]')).toHaveLength(10));
    // Back from a list form the cards reload: the year view reads the older items only to be counted again.
    fireEvent.click(screen.getByRole('button', { name: 'Vernieuwen' }));
    await waitFor(() => expect(repo.calls.load).toBe(2));
    await waitFor(() => expect(repo.titleLoads).toHaveLength(2));
    await waitFor(() => expect(card.querySelectorAll('[id$="-realisations-older"] li[data-item-id]')).toHaveLength(10));
    expect(within(card).queryByText('Titels laden…')).toBeNull();
  });

  it('(b) after "Doorschuiven" the message is on the card worked in and the item is under the realisations at once, as new', async () => {
    const data = loadSeedData();
    const target = olderPlanning(data);
    const repo = new FakeRepository(data, EDITOR);
    const container = setup(repo);
    await firstCard(container);
    await waitFor(() => expect(repo.calls.load).toBe(1));
    // The reload after the move does not answer yet: what the card shows comes from the write itself.
    repo.setHold(true);
    const card = await realiseOlder(container, target);
    const notice = await within(card).findByTestId('card-notice');
    expect(notice).toHaveTextContent(`'${target.title}' staat nu bij de realisaties van 2022.`);
    const item = quadrant(card, 'realisations').querySelector(`li[data-item-id="${target.id}"]`) as HTMLElement;
    expect(item).not.toBeNull();
    expect(within(item).getByText('Nieuw')).toBeInTheDocument();
    expect(quadrant(card, 'planning').querySelector(`li[data-item-id="${target.id}"]`)).toBeNull();
    expect(repo.calls.load).toBe(2);
    repo.setHold(false);
    repo.release();
  });

  it('(b) the panel offers no "Doorschuiven" for an item that is realised meanwhile, even when the card still lists it under planning', async () => {
    const data = loadSeedData();
    const target = buildReport(data, 2022).domains[0].planningNew[0];
    // Card rows as the product reads them: the panel reads the item's details when it opens.
    const repo = new YearViewRepository(data, EDITOR);
    const container = setup(repo);
    await firstCard(container);
    repo.editElsewhere(target.id, { status: 'Gerealiseerd', realisedYear: 2023 });
    fireEvent.click(container.querySelector(`[data-quadrant$="-planning"] li[data-item-id="${target.id}"] > button`) as HTMLElement);
    const panel = await screen.findByRole('dialog');
    // Its details say it is realised (2023): the panel says so and offers no move.
    await waitFor(() => expect(within(panel).queryByRole('button', { name: 'Doorschuiven naar realisaties' })).toBeNull());
    expect(panel).toHaveTextContent('Gerealiseerd');
  });

  it('(c) after "Doorschuiven" keyboard focus is on the moved item, not the page top', async () => {
    const data = loadSeedData();
    const target = olderPlanning(data);
    const repo = new FakeRepository(data, EDITOR);
    const container = setup(repo);
    const card = await realiseOlder(container, target);
    await waitFor(() => expect(what(document.activeElement)).toBe(what(quadrant(card, 'realisations').querySelector(`li[data-item-id="${target.id}"] > button`))), { timeout: 8000 });
  });

  it('(c) after the dialog that marked recommendations closes, focus is back on the item', async () => {
    const data = loadSeedData();
    const target = olderPlanning(data);
    const rec: IRecommendation = { id: 1, title: 'Aanbeveling 1', auditId: 1, priority: 'H', status: 'Open', actions: [{ id: target.id, title: 'x' }] };
    data.recommendations = [rec];
    const repo = new FakeRepository(data, EDITOR);
    const container = setup(repo);
    const card = await realiseOlder(container, target);
    const offer = await screen.findByRole('alertdialog', { name: 'Aanbevelingen als uitgevoerd markeren?' });
    fireEvent.click(within(offer).getByRole('button', { name: 'Markeren als uitgevoerd' }));
    await waitFor(() => expect(within(card).getByTestId('card-notice')).toHaveTextContent('gemarkeerd als uitgevoerd'));
    await waitFor(() => expect(what(document.activeElement)).toBe(what(quadrant(card, 'realisations').querySelector(`li[data-item-id="${target.id}"] > button`))), { timeout: 8000 });
  });

  it('(c) "Filters wissen" leaves focus in the search box (the button itself turns disabled)', async () => {
    const container = setup(new FakeRepository(loadSeedData()));
    await firstCard(container);
    const search = screen.getByRole('searchbox', { name: 'Zoeken' });
    fireEvent.change(search, { target: { value: 'audit' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filters wissen' }));
    expect(what(document.activeElement)).toBe(what(search));
  });

  it('(c) "Opnieuw proberen" keeps focus on the cards region after a failed load, and on the toggle after failed titles', async () => {
    const repo = new YearViewRepository(loadSeedData(), { failLoads: 1 });
    const container = setup(repo);
    fireEvent.click(await screen.findByRole('button', { name: 'Opnieuw proberen' }));
    const card = await firstCard(container);
    await waitFor(() => expect(what(document.activeElement)).toBe(what(card.parentElement && card.parentElement.parentElement)), { timeout: 8000 });

    repo.loadActionTitles = () => Promise.reject(new Error('503'));
    const toggle = within(card).getByText('Eerdere realisaties (10)').closest('button') as HTMLElement;
    fireEvent.click(toggle);
    fireEvent.click(await within(card).findByText('Opnieuw proberen'));
    expect(what(document.activeElement)).toBe(what(toggle));
  });

  it("a risk's panel names an older action that treats it (read only to be counted) by its title, not by its number", async () => {
    const data = loadSeedData();
    const risk = buildReport(data, 2022).domains[0].risks[0];
    const older = data.actions.filter((a) => !isShownOnCard(a, 2022) && a.status !== 'Geschrapt')[0];
    older.risks = [{ id: risk.id, title: risk.title }];
    const repo = new YearViewRepository(data);
    const card = await firstCard(setup(repo));
    fireEvent.click(quadrant(card, 'risks').querySelector(`[data-risk-id="${risk.id}"] button`) as HTMLElement);
    const linked = await screen.findByTestId('risk-actions', undefined, { timeout: 8000 });
    await waitFor(() => expect(linked.textContent).toContain(older.shortTitle || older.title));
    expect(linked.textContent).not.toContain(`#${older.id}`);
  });
});
