import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DomainCards } from '../../../src/webparts/domainCards/components/DomainCards';
import { IYearView, IYearViewRequest } from '../../../src/data/IOrgRepository';
import { isShownOnCard } from '../../../src/model/yearView';
import { IAction } from '../../../src/model/types';
import { FakeRepository } from '../../helpers/fakeRepository';
import { loadSeedData } from '../../helpers/seedData';

const TODAY = new Date(2023, 4, 15);

/** A data site that answers like the product's year view: older items without title, card rows without description. */
class YearViewRepository extends FakeRepository {
  public detailLoads: number[] = [];
  public failTitles = 0;

  public async loadYearView(request: IYearViewRequest): Promise<IYearView> {
    const view = await super.loadYearView(request);
    const actions = view.data.actions.map(
      (a): IAction =>
        isShownOnCard(a, view.year)
          ? { ...a, detail: 'card', description: undefined, etag: undefined }
          : { ...a, title: '', shortTitle: undefined, detail: 'count', description: undefined, etag: undefined }
    );
    return { ...view, data: { ...view.data, actions } };
  }

  public async loadActionTitles(ids: number[]): Promise<IAction[]> {
    if (this.failTitles > 0) {
      this.failTitles--;
      throw new Error('503');
    }
    return super.loadActionTitles(ids);
  }

  public heldDetails: Array<() => void> = [];

  public async loadActionDetails(id: number): Promise<IAction | undefined> {
    this.detailLoads.push(id);
    await new Promise<void>((resolve) => this.heldDetails.push(resolve));
    return super.loadActionDetails(id);
  }
}

function firstCard(container: HTMLElement): HTMLElement {
  return container.querySelectorAll('section')[0] as HTMLElement;
}

describe('domain cards: older titles and descriptions are read when asked for', () => {
  it('reads the older titles when the toggle opens, with a loading state and a retry after an error', async () => {
    const repo = new YearViewRepository(loadSeedData());
    repo.failTitles = 1;
    const { container } = render(<DomainCards repository={repo} showDescriptions={true} isTeams={false} today={TODAY} />);
    await waitFor(() => expect(container.querySelectorAll('section')).toHaveLength(7));
    const card = firstCard(container);
    expect(repo.titleLoads).toHaveLength(0);
    fireEvent.click(within(card).getByText('Eerdere realisaties (10)'));
    expect(await within(card).findByText('De titels konden niet geladen worden.')).toBeInTheDocument();
    fireEvent.click(within(card).getByText('Opnieuw proberen'));
    await waitFor(() => expect(card.querySelectorAll('[id$="-realisations-older"] li[data-item-id]')).toHaveLength(10));
    // The failed read and the retry; the retry answered the 10 titles.
    expect(repo.titleLoads.map((ids) => ids.length)).toEqual([10]);
    expect(within(card).queryByText('Titels laden…')).toBeNull();
  });

  it('reads an item’s description when its details open, and only then offers to move it (it needs the ETag)', async () => {
    const data = loadSeedData();
    const repo = new YearViewRepository(data);
    const { container } = render(<DomainCards repository={repo} showDescriptions={true} isTeams={false} today={TODAY} />);
    await waitFor(() => expect(container.querySelectorAll('section')).toHaveLength(7));
    const planned = container.querySelector('[data-quadrant$="-planning"] li[data-item-id] button') as HTMLElement;
    const id = Number((planned.closest('li') as HTMLElement).getAttribute('data-item-id'));
    fireEvent.click(planned);
    expect(await screen.findByText('Beschrijving en details laden…')).toBeInTheDocument();
    expect(repo.detailLoads).toEqual([id]);
    // Without its ETag the item cannot be moved safely: no button yet.
    expect(screen.queryByText('Doorschuiven naar realisaties')).toBeNull();
    repo.heldDetails.forEach((r) => r());
    await waitFor(() => expect(screen.queryByText('Beschrijving en details laden…')).toBeNull());
    expect(await screen.findByText('Doorschuiven naar realisaties')).toBeInTheDocument();
  });
});
