import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { Maturity } from '../../../src/webparts/maturity/components/Maturity';
import { IMaturityData, IMaturityRound } from '../../../src/model/maturity';
import { FakeMaturityRepository } from '../../helpers/fakeMaturityRepository';
import { ANN, PIETER, SOFIE, fixtureBase, unitElement } from '../../helpers/maturityFixture';

function data(status: IMaturityRound['status'] = 'scoren'): IMaturityData {
  return {
    ...fixtureBase(),
    rounds: [
      { id: 1, title: 'Maturiteitsinschatting 2021', year: 2021, themeIds: [1, 3], status: 'afgesloten', scaleMin: 1, scaleMax: 5, levelLabels: [], raters: [ANN] },
      { id: 2, title: 'Maturiteitsinschatting 2023', year: 2023, themeIds: [1, 3], status, scaleMin: 1, scaleMax: 5, levelLabels: ['Niet aanwezig'], raters: [ANN, PIETER, SOFIE], facilitator: PIETER }
    ],
    consensus: [
      { id: 90, roundId: 1, themeId: 1, score: 2, actions: [] },
      { id: 91, roundId: 1, themeId: 3, objectiveId: 31, score: 3, actions: [] },
      { id: 92, roundId: 1, themeId: 3, objectiveId: 32, score: 3, actions: [] }
    ],
    scores: [
      { id: 500, roundId: 2, themeId: 3, objectiveId: 31, raterId: 8, raterName: 'Pieter De Smet', score: 5, comment: 'Pieters opmerking', etag: '"1"' },
      { id: 501, roundId: 2, themeId: 3, objectiveId: 31, raterId: 7, raterName: 'Ann Janssens', score: 2, comment: 'Anns opmerking', etag: '"1"' }
    ]
  };
}

const unit = unitElement;

describe('Maturiteitsinschatting: scoring', () => {
  it("shows a rater only their own scores while scoring, and who has finished", async () => {
    const repo = new FakeMaturityRepository(data(), ANN);
    const { container } = render(<Maturity repository={repo} isTeams={false} />);
    await screen.findByText('Wie is klaar?');
    expect(within(unit(container, 'o:31')).getByTestId('my-score').textContent).toBe('Uw score: 2');
    // Pieter's 5 and comment never reach Ann's screen.
    expect(container.textContent).not.toContain('Pieters opmerking');
    const progress = screen.getByTestId('rater-progress');
    expect(progress.textContent).toContain('Ann Janssens: 1 van 3 gescoord — nog bezig');
    expect(progress.textContent).toContain('Pieter De Smet: 1 van 3 gescoord');
    expect(screen.getByTestId('my-role').textContent).toContain('beoordelaar');
    // The round's level labels are shown with the levels.
    expect(within(unit(container, 't:1')).getByLabelText('1 – Niet aanwezig')).toBeInTheDocument();
  });

  it('tells a rater whom SharePoint shows only their own scores that the progress is theirs alone', async () => {
    const repo = new FakeMaturityRepository(data(), ANN);
    repo.ownScoresOnly = true;
    render(<Maturity repository={repo} isTeams={false} />);
    await screen.findByText('Wie is klaar?');
    expect(screen.getByTestId('progress-own-only').textContent).toContain('alleen de eigen scores');
    const progress = screen.getByTestId('rater-progress');
    expect(progress.textContent).toContain('Ann Janssens: 1 van 3 gescoord');
    // Pieter's progress is not readable for Ann: no "0 van 3" guess for him.
    expect(progress.textContent).not.toContain('Pieter De Smet');
  });

  it('shows the facilitator the items the app ignores (a score in someone else\'s name)', async () => {
    const d = data();
    d.breaches = [{ list: 'score', id: 777, roundId: 2, kind: 'otherName', authorId: 9, raterId: 7 }];
    const repo = new FakeMaturityRepository(d, PIETER);
    render(<Maturity repository={repo} isTeams={false} />);
    expect((await screen.findByTestId('breaches')).textContent).toBe(
      '1 item(s) tellen niet mee: een score ingevoerd in naam van iemand anders of gewijzigd door een ander, of een consensus die niet door de facilitator werd vastgelegd (lijstitems 777).'
    );
  });

  it('saves a score with a comment and updates the progress', async () => {
    const repo = new FakeMaturityRepository(data(), ANN);
    const { container } = render(<Maturity repository={repo} isTeams={false} />);
    await screen.findByText('Wie is klaar?');
    const theme = unit(container, 't:1');
    fireEvent.click(within(theme).getByLabelText('4'));
    fireEvent.change(within(theme).getByRole('textbox'), { target: { value: 'Goed op weg' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    await screen.findByText('Score 4 bewaard voor 1 Doelstellingen en procesmanagement.');
    expect(repo.data.scores.filter((s) => s.raterId === 7 && s.themeId === 1)[0]).toMatchObject({ score: 4, comment: 'Goed op weg' });
    expect(screen.getByTestId('rater-progress').textContent).toContain('Ann Janssens: 2 van 3 gescoord');
    expect(screen.getByTestId('my-progress').textContent).toBe('U scoorde 2 van 3.');
  });

  it('says in Dutch that SharePoint refused a score (no write access), and keeps what was typed', async () => {
    const repo = new FakeMaturityRepository(data(), ANN);
    repo.denyScores = true;
    const { container } = render(<Maturity repository={repo} isTeams={false} />);
    await screen.findByText('Wie is klaar?');
    const theme = unit(container, 't:1');
    fireEvent.click(within(theme).getByLabelText('4'));
    fireEvent.change(within(theme).getByRole('textbox'), { target: { value: 'Geweigerd' } });
    fireEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    await within(theme).findByText('SharePoint weigert deze wijziging: u hebt er geen rechten voor (bv. de ronde is niet in de fase scoren, of u bent niet de facilitator).');
    expect(within(theme).getByRole('textbox')).toHaveValue('Geweigerd');
  });

  it('tells a conflict (the score was changed in another window) instead of overwriting it', async () => {
    const repo = new FakeMaturityRepository(data(), ANN);
    const { container } = render(<Maturity repository={repo} isTeams={false} />);
    await screen.findByText('Wie is klaar?');
    repo.data.scores.filter((s) => s.id === 501)[0].etag = '"9"';
    const u = unit(container, 'o:31');
    fireEvent.click(within(u).getByLabelText('3'));
    fireEvent.click(screen.getByRole('button', { name: 'Bewaren' }));
    await waitFor(() => expect(container.textContent).toContain('Dit werd intussen elders gewijzigd'));
    expect(repo.data.scores.filter((s) => s.id === 501)[0].score).toBe(2);
  });

  it('refuses to start the consensus stage without scores for a non-facilitator and shows none of the buttons to a reader', async () => {
    const repo = new FakeMaturityRepository(data(), { id: 11, title: 'Lies Eeckhout' }, { canEdit: false, canManageLists: false, canFinalise: false });
    render(<Maturity repository={repo} isTeams={false} />);
    await screen.findByText('Wie is klaar?');
    expect(screen.queryByRole('button', { name: 'Naar consensus' })).toBeNull();
    expect(screen.getByText(/U bent geen beoordelaar in deze ronde/)).toBeInTheDocument();
  });
});

describe('Maturiteitsinschatting: consensus and closing', () => {
  it('lets the facilitator move to consensus, then shows all scores with spread and median, the spread of 2 or more first', async () => {
    const repo = new FakeMaturityRepository(data(), PIETER);
    const { container } = render(<Maturity repository={repo} isTeams={false} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Naar consensus' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Naar consensus' }));
    await screen.findByTestId('consensus-view');
    const units = Array.prototype.slice.call(container.querySelectorAll('[data-unit]')) as HTMLElement[];
    expect(units.map((u) => u.getAttribute('data-unit'))).toEqual(['o:31', 't:1', 'o:32']);
    expect(units[0].textContent).toContain('Bespreken: spreiding 3');
    expect(within(units[0]).getByTestId('stats').textContent).toBe('Spreiding: 3 · Mediaan: 3,5 · Gemiddelde: 3,5');
    expect(within(units[0]).getByText('Pieters opmerking')).toBeInTheDocument();
    expect(within(units[0]).getByText('Anns opmerking')).toBeInTheDocument();
  });

  it('opens the consensus only with everyone\'s scores: while they are read, no spread is computed from the facilitator\'s own', async () => {
    const repo = new FakeMaturityRepository(data(), PIETER);
    const { container } = render(<Maturity repository={repo} isTeams={false} />);
    const toConsensus = await screen.findByRole('button', { name: 'Naar consensus' });
    let release: () => void = () => undefined;
    repo.holdLoads = new Promise<void>((r) => (release = r));
    fireEvent.click(toConsensus);
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Naar consensus' }));
    await waitFor(() => expect(repo.data.rounds[1].status).toBe('consensus'));
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId('consensus-view')).toBeNull();
    release();
    await screen.findByTestId('consensus-view');
    expect(unit(container, 'o:31').textContent).toContain('Bespreken: spreiding 3');
  });

  it('says so and offers a retry when the round cannot be read after the change, then opens the consensus', async () => {
    const repo = new FakeMaturityRepository(data(), PIETER);
    const { container } = render(<Maturity repository={repo} isTeams={false} />);
    const toConsensus = await screen.findByRole('button', { name: 'Naar consensus' });
    fireEvent.click(toConsensus);
    const dialog = await screen.findByRole('dialog');
    repo.failLoad = new TypeError('Failed to fetch');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Naar consensus' }));
    await screen.findByText(/kon niet geladen worden/);
    expect(repo.data.rounds[1].status).toBe('consensus');
    repo.failLoad = undefined;
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    await screen.findByTestId('consensus-view');
    expect(unit(container, 'o:31').textContent).toContain('Bespreken: spreiding 3');
  });

  it('records a consensus, creates an improvement action in the theme\'s domain, and refuses to close with consensus missing', async () => {
    const repo = new FakeMaturityRepository(data('consensus'), PIETER);
    const { container } = render(<Maturity repository={repo} isTeams={false} />);
    await screen.findByTestId('consensus-view');
    const u = unit(container, 'o:31');
    fireEvent.click(within(u).getByLabelText('3'));
    fireEvent.click(within(u).getByRole('button', { name: 'Consensus bewaren: 3.1 Doelstelling drie-een' }));
    await within(u).findByText('Consensus: 3', { selector: 'strong' });
    fireEvent.click(within(u).getByRole('button', { name: 'Verbeteractie maken: 3.1 Doelstelling drie-een' }));
    fireEvent.change(within(u).getByLabelText(/Titel van de verbeteractie/), { target: { value: 'Monitoringplan' } });
    fireEvent.click(within(u).getByRole('button', { name: 'Actie aanmaken in Acties' }));
    await within(u).findByText("Verbeteractie 'Monitoringplan' aangemaakt en gekoppeld.");
    expect(repo.actionsCreated).toEqual([{ title: 'Monitoringplan', domainId: 2 }]);

    fireEvent.click(screen.getByRole('button', { name: 'Ronde afsluiten' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Ronde afsluiten' }));
    await screen.findByText('Nog geen consensus voor: 1, 3.2.');
    expect(repo.data.rounds[1].status).toBe('consensus');
  });

  it('closes a round with full consensus and shows the results with the deltas against the previous round', async () => {
    const d = data('consensus');
    d.consensus.push(
      { id: 93, roundId: 2, themeId: 1, score: 3, actions: [] },
      { id: 94, roundId: 2, themeId: 3, objectiveId: 31, score: 4, actions: [] },
      { id: 95, roundId: 2, themeId: 3, objectiveId: 32, score: 3, actions: [] }
    );
    const repo = new FakeMaturityRepository(d, PIETER);
    render(<Maturity repository={repo} isTeams={false} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Ronde afsluiten' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Ronde afsluiten' }));
    await screen.findByTestId('results-view');
    expect(repo.data.rounds[1].status).toBe('afgesloten');
    expect(screen.getByText('Deze ronde is afgesloten: de scores en de consensus liggen vast.')).toBeInTheDocument();
    const table = screen.getByTestId('results-table');
    const rows = Array.prototype.slice.call(table.querySelectorAll('tbody tr')) as HTMLElement[];
    expect(rows[0].textContent).toContain('1. Doelstellingen en procesmanagement');
    expect(within(rows[0]).getByTestId('delta').textContent).toBe('+1');
    expect(within(rows[1]).getByTestId('delta').textContent).toBe('+0,5');
    expect(rows[1].textContent).toContain('1× 3, 1× 4');
    // The chart has a text alternative and says the table holds the figures.
    const chart = screen.getByRole('img', { name: /Radardiagram/, hidden: true });
    expect(chart.querySelector('desc')?.textContent).toContain('De tabel hieronder geeft dezelfde cijfers');
    // Closed: no more stage button, nothing editable.
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Ronde afsluiten', hidden: true })).toBeNull());
  });
});

describe('Maturiteitsinschatting: states', () => {
  it('a failed "Vernieuwen" keeps the round and what is being typed, and says the data could not be refreshed', async () => {
    const repo = new FakeMaturityRepository(data(), ANN);
    const { container } = render(<Maturity repository={repo} isTeams={false} />);
    await screen.findByText('Wie is klaar?');
    const theme = unit(container, 't:1');
    fireEvent.change(within(theme).getByRole('textbox'), { target: { value: 'Nog niet bewaard' } });
    repo.failLoad = new TypeError('Failed to fetch');
    fireEvent.click(screen.getByRole('button', { name: 'Vernieuwen' }));
    expect(await screen.findByText('De gegevens konden niet bijgewerkt worden. U ziet de laatst geladen versie.')).toBeInTheDocument();
    expect(screen.queryByText(/kon niet geladen worden/)).toBeNull();
    expect(within(unit(container, 't:1')).getByRole('textbox')).toHaveValue('Nog niet bewaard');
    expect(screen.getByText('Wie is klaar?')).toBeInTheDocument();
  });

  it('shows an error with retry, and an empty state that offers a new round to editors', async () => {
    const repo = new FakeMaturityRepository(data(), ANN);
    repo.failLoad = Object.assign(new Error('boom'), { status: 500 });
    render(<Maturity repository={repo} isTeams={false} />);
    await screen.findByText(/kon niet geladen worden/);
    repo.failLoad = undefined;
    repo.data.rounds = [];
    repo.data.scores = [];
    fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    await screen.findByText('Nog geen ronde');
    expect(screen.getByRole('button', { name: 'Nieuwe ronde' })).toBeInTheDocument();
  });
});
