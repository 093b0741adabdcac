import * as React from 'react';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Maturity } from '../../../src/webparts/maturity/components/Maturity';
import { IMaturityData, IMaturityRound } from '../../../src/model/maturity';
import { FakeMaturityRepository } from '../../helpers/fakeMaturityRepository';
import { ANN, PIETER, SOFIE, fixtureBase, unitElement } from '../../helpers/maturityFixture';

function data(status: IMaturityRound['status'] = 'scoren', levelLabels: string[] = []): IMaturityData {
  return {
    ...fixtureBase(),
    rounds: [{ id: 2, title: 'Maturiteitsinschatting 2023', year: 2023, themeIds: [1, 3], status, scaleMin: 1, scaleMax: 5, levelLabels, raters: [ANN, PIETER, SOFIE], facilitator: PIETER }],
    consensus: [],
    scores: [
      { id: 500, roundId: 2, themeId: 3, objectiveId: 31, raterId: 8, raterName: 'Pieter De Smet', score: 5, etag: '"1"' },
      { id: 501, roundId: 2, themeId: 3, objectiveId: 31, raterId: 7, raterName: 'Ann Janssens', score: 2, etag: '"1"' }
    ]
  };
}

const unit = unitElement;

describe('Maturiteitsinschatting: a phase changes only after a confirmation with the numbers', () => {
  it('"Naar consensus" says how many scores are in, and Annuleren changes nothing', async () => {
    const repo = new FakeMaturityRepository(data(), PIETER);
    render(<Maturity repository={repo} isTeams={false} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Naar consensus' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('2 van 9 scores ingediend; 0 van 3 beoordelaars zijn klaar.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Annuleren' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(repo.data.rounds[0].status).toBe('scoren');
    fireEvent.click(await screen.findByRole('button', { name: 'Naar consensus' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Naar consensus' }));
    await screen.findByTestId('consensus-view');
    expect(repo.data.rounds[0].status).toBe('consensus');
  });

  it('"Start het scoren" names the raters, the objectives and the scores to give', async () => {
    const repo = new FakeMaturityRepository(data('voorbereiding'), PIETER);
    render(<Maturity repository={repo} isTeams={false} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Start het scoren' }));
    expect((await screen.findByRole('dialog')).textContent).toContain('3 beoordelaar(s) scoren 3 doelstelling(en): 9 scores in totaal.');
    expect(repo.data.rounds[0].status).toBe('voorbereiding');
  });

  it('goes back from consensus to scoring while no consensus exists (the raters regain access), not after', async () => {
    const repo = new FakeMaturityRepository(data('consensus'), PIETER);
    render(<Maturity repository={repo} isTeams={false} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Terug naar scoren' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Terug naar scoren' }));
    await waitFor(() => expect(repo.data.rounds[0].status).toBe('scoren'));
    expect(repo.synced).toEqual([2]);

    const d = data('consensus');
    d.consensus.push({ id: 90, roundId: 2, themeId: 1, score: 3, actions: [] });
    const repo2 = new FakeMaturityRepository(d, PIETER);
    render(<Maturity repository={repo2} isTeams={false} />);
    const back = await screen.findAllByRole('button', { name: 'Terug naar scoren' });
    fireEvent.click(back[back.length - 1]);
    const dialogs = await screen.findAllByRole('dialog');
    fireEvent.click(within(dialogs[dialogs.length - 1]).getByRole('button', { name: 'Terug naar scoren' }));
    await screen.findByText('Er is al een consensus vastgelegd: de ronde kan niet meer terug naar scoren.');
    expect(repo2.data.rounds[0].status).toBe('consensus');
  });
});

describe('Maturiteitsinschatting: one "Bewaren" for all of a rater\'s scores', () => {
  it('saves the levels chosen in several themes at once; after "Vernieuwen" all of them are there', async () => {
    const repo = new FakeMaturityRepository(data(), ANN);
    const { container } = render(<Maturity repository={repo} isTeams={false} />);
    await screen.findByText('Wie is klaar?');
    fireEvent.click(within(unit(container, 't:1')).getByLabelText('4 – Beheerst'));
    fireEvent.click(within(unit(container, 'o:32')).getByLabelText('5 – Geoptimaliseerd'));
    expect(screen.getAllByRole('button', { name: 'Bewaren' })).toHaveLength(1);
    expect(screen.getByTestId('save-bar').textContent).toContain('2 score(s) nog niet bewaard.');
    fireEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    await screen.findByText('2 score(s) bewaard.');
    fireEvent.click(screen.getByRole('button', { name: 'Vernieuwen' }));
    await waitFor(() => expect(within(unit(container, 't:1')).getByTestId('my-score').textContent).toBe('Uw score: 4'));
    expect(within(unit(container, 'o:32')).getByTestId('my-score').textContent).toBe('Uw score: 5');
    expect(screen.getByTestId('my-progress').textContent).toBe('U scoorde 3 van 3.');
  });

  it('keeps keyboard focus on "Bewaren" after saving (a natively disabled button would drop it to the page top)', async () => {
    const repo = new FakeMaturityRepository(data(), ANN);
    const { container } = render(<Maturity repository={repo} isTeams={false} />);
    await screen.findByText('Wie is klaar?');
    fireEvent.click(within(unit(container, 't:1')).getByLabelText('4 – Beheerst'));
    const button = screen.getByRole('button', { name: 'Bewaren' });
    button.focus();
    fireEvent.click(button);
    await screen.findByText(/bewaard/);
    const after = screen.getByRole('button', { name: 'Bewaren' });
    expect(after).toHaveAttribute('aria-disabled', 'true');
    // Browsers move focus off a natively disabled element; this one stays focusable and focused.
    expect(after).not.toHaveAttribute('disabled');
    expect(document.activeElement).toBe(after);
  });

  it('warns before unsaved input is left: another tab or round in the app, and closing the page', async () => {
    const repo = new FakeMaturityRepository(data(), ANN);
    const { container } = render(<Maturity repository={repo} isTeams={false} />);
    await screen.findByText('Wie is klaar?');
    const before = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(before);
    expect(before.defaultPrevented).toBe(false);
    fireEvent.change(within(unit(container, 't:1')).getByRole('textbox'), { target: { value: 'Half getypt' } });
    const leave = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(leave);
    expect(leave.defaultPrevented).toBe(true);
    fireEvent.click(screen.getByRole('tab', { name: 'Consensus' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('nog niet bewaard');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Terug om te bewaren' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(unit(container, 't:1')).getByRole('textbox')).toHaveValue('Half getypt');
    fireEvent.click(screen.getByRole('tab', { name: 'Consensus' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Verdergaan zonder bewaren' }));
    await screen.findByText(/De scores van alle beoordelaars worden/);
  });
});

describe('Maturiteitsinschatting: labels, actions, new rounds', () => {
  it("labels the levels with the leidraad's when the round names none", async () => {
    const repo = new FakeMaturityRepository(data(), ANN);
    const { container } = render(<Maturity repository={repo} isTeams={false} />);
    await screen.findByText('Wie is klaar?');
    expect(within(unit(container, 't:1')).getByLabelText('1 – Ad-hocbasis')).toBeInTheDocument();
    expect(within(unit(container, 't:1')).getByLabelText('3 – Gedefinieerd')).toBeInTheDocument();
  });

  it("creates the improvement action in the theme's domain and links to it", async () => {
    const d = data('consensus');
    d.consensus.push({ id: 94, roundId: 2, themeId: 3, objectiveId: 31, score: 4, actions: [], etag: '"1"' });
    const repo = new FakeMaturityRepository(d, PIETER);
    const { container } = render(<Maturity repository={repo} isTeams={false} />);
    await screen.findByTestId('consensus-view');
    const u = unit(container, 'o:31');
    fireEvent.click(within(u).getByRole('button', { name: 'Verbeteractie maken: 3.1 Doelstelling drie-een' }));
    fireEvent.change(within(u).getByLabelText(/Titel van de verbeteractie/), { target: { value: 'Monitoringplan' } });
    fireEvent.click(within(u).getByRole('button', { name: 'Actie aanmaken in Acties' }));
    const link = (await within(u).findByTestId('created-action')) as HTMLAnchorElement;
    expect(repo.actionsCreated).toEqual([{ title: 'Monitoringplan', domainId: 2 }]);
    const id = repo.data.consensus.filter((c) => c.id === 94)[0].actions[0].id;
    expect(link.getAttribute('href')).toBe(`${repo.siteUrl}/Lists/Acties/DispForm.aspx?ID=${id}`);
    expect(within(u).getByRole('link', { name: 'Monitoringplan' }).getAttribute('href')).toBe(link.getAttribute('href'));
  });

  it('shows the round made with "Nieuwe ronde" when the user comes back, without "Vernieuwen"', async () => {
    const repo = new FakeMaturityRepository(data(), PIETER);
    const opened: string[] = [];
    const { container } = render(<Maturity repository={repo} isTeams={false} openForm={(u) => opened.push(u)} />);
    fireEvent.click(await screen.findByRole('link', { name: /^Nieuwe ronde/ }));
    expect(opened[0]).toContain('/Lists/MaturiteitRondes/NewForm.aspx');
    repo.data.rounds.push({ id: 3, title: 'Maturiteitsinschatting 2025', year: 2025, themeIds: [1], status: 'voorbereiding', scaleMin: 0, scaleMax: 5, levelLabels: [], raters: [ANN], facilitator: PIETER });
    act(() => {
      window.dispatchEvent(new Event('focus'));
    });
    await waitFor(() => expect(container.querySelector('[data-round-id]')?.getAttribute('data-round-id')).toBe('3'));
  });
});

describe('Maturiteitsinschatting: the leidraad in the product (targets, proposals, bundles)', () => {
  function withTargets(): IMaturityData {
    const d = data('consensus');
    d.themes[0].targetLevel = 3;
    d.objectives[0].targetLevel = 4;
    d.consensus.push(
      { id: 93, roundId: 2, themeId: 1, score: 3, actions: [], etag: '"1"' },
      { id: 94, roundId: 2, themeId: 3, objectiveId: 31, score: 2, actions: [], etag: '"1"' },
      { id: 95, roundId: 2, themeId: 3, objectiveId: 32, score: 3, actions: [], etag: '"1"' }
    );
    return d;
  }

  it('proposes the objectives below target or with a large spread, and bundles two into one prioritised action with owner and deadline', async () => {
    const repo = new FakeMaturityRepository(withTargets(), PIETER);
    render(<Maturity repository={repo} isTeams={false} />);
    const proposals = await screen.findByTestId('proposals');
    const items = Array.prototype.slice.call(proposals.querySelectorAll('[data-proposal]')) as HTMLElement[];
    expect(items.map((i) => i.getAttribute('data-proposal'))).toEqual(['o:31']);
    expect(items[0].textContent).toContain('consensus 2, doel 4: onder het doel');
    expect(items[0].textContent).toContain('spreiding 3');
    fireEvent.click(within(proposals).getByRole('checkbox'));
    const form = within(proposals).getByTestId('bundle-form');
    fireEvent.change(within(form).getByLabelText(/Titel van de verbeteractie/), { target: { value: 'Monitoring op orde' } });
    fireEvent.change(within(form).getByLabelText('Deadline'), { target: { value: '2025-06-30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Bundelen tot één actie (1 doelstelling(en))' }));
    expect(within(proposals).getByTestId('bundles').textContent).toContain('Monitoring op orde — prioriteit middel, 1 doelstelling(en)');
    fireEvent.click(within(proposals).getByRole('button', { name: 'Aanmaken in Acties (1)' }));
    await within(proposals).findByText('1 verbeteractie(s) aangemaakt en gekoppeld.');
    expect(repo.bundlesCreated).toEqual([
      expect.objectContaining({ title: 'Monitoring op orde', domainId: 2, priority: 'middel', deadline: '2025-06-30', units: [expect.objectContaining({ code: '3.1' })] })
    ]);
  });

  it('shows current against target per theme in the results', async () => {
    const d = withTargets();
    d.rounds[0].status = 'afgesloten';
    const repo = new FakeMaturityRepository(d, PIETER);
    render(<Maturity repository={repo} isTeams={false} />);
    const table = await screen.findByTestId('results-table');
    const targets = Array.prototype.slice.call(table.querySelectorAll('[data-testid="target"]')) as HTMLElement[];
    expect(targets.map((t) => t.textContent)).toEqual(['3', '4']);
    // The chart draws the targets too, named in its legend.
    expect(screen.getByTestId('radar').querySelector('[data-series="target"]')).not.toBeNull();
    expect(screen.getByText('Doelniveau')).toBeInTheDocument();
  });
});
