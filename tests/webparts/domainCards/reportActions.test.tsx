import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { ReportActions } from '../../../src/webparts/domainCards/report/ReportActions';
import { ReportExistsError } from '../../../src/data/IOrgRepository';
import { FakeRepository, NO_MATURITY } from '../../helpers/fakeRepository';
import { loadSeedData } from '../../helpers/seedData';

jest.mock('../../../src/report/index', () => ({
  buildWordReport: async () => new Uint8Array([1]),
  buildSlideDeck: async () => new Uint8Array([2]),
  reportFileName: (year: number, kind: string) => `Voortgangsrapport ${year}.${kind}`
}));

describe('Definitief maken', () => {
  it('is not offered to someone who may not add to the Rapporten library', () => {
    render(<ReportActions repository={new FakeRepository(loadSeedData())} maturity={NO_MATURITY} reportYear={2022} canEdit={true} canFinalise={false} />);
    expect(screen.queryByRole('button', { name: 'Definitief maken' })).toBeNull();
  });

  it('stops with a clear message when the fresh read fails, and stores nothing (never the cached data)', async () => {
    const repo = new FakeRepository(loadSeedData(), { cached: loadSeedData(), failLoads: 1 });
    const finalise = jest.spyOn(repo, 'finaliseReport');
    render(<ReportActions repository={repo} maturity={NO_MATURITY} reportYear={2022} canEdit={true} canFinalise={true} />);
    fireEvent.click(screen.getByRole('button', { name: 'Definitief maken' }));
    expect(await screen.findByText(/konden niet vers gelezen worden; er werd niets definitief gemaakt/)).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(finalise).not.toHaveBeenCalled();
  });

  it('reads fresh data, shows the year and the counts per domain before anything is stored, then stores Word, deck and data', async () => {
    const repo = new FakeRepository(loadSeedData());
    const finalise = jest.spyOn(repo, 'finaliseReport');
    render(<ReportActions repository={repo} maturity={NO_MATURITY} reportYear={2022} canEdit={true} canFinalise={true} organisation="Gemeente Voorbeeld" />);
    fireEvent.click(screen.getByRole('button', { name: 'Definitief maken' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('Rapportjaar: 2022');
    expect(dialog).toHaveTextContent('Organisatiecultuur');
    expect(repo.calls.load).toBe(1);
    expect(finalise).not.toHaveBeenCalled();
    fireEvent.click(screen.getAllByRole('button', { name: 'Definitief maken' }).slice(-1)[0]);
    await waitFor(() => expect(finalise).toHaveBeenCalledTimes(1));
    const [year, files, replace] = finalise.mock.calls[0];
    expect([year, replace]).toEqual([2022, false]);
    expect(files.map((f) => f.format)).toEqual(['Word', 'PowerPoint', 'Gegevens']);
    const snapshot = JSON.parse(new TextDecoder().decode(files[2].content)) as { year: number; organisation: string; data: { actions: unknown[] } };
    expect([snapshot.year, snapshot.organisation, snapshot.data.actions.length]).toEqual([2022, 'Gemeente Voorbeeld', 170]);
    expect(await screen.findByText('Het rapport 2022 is definitief bewaard.')).toBeInTheDocument();
  });

  it('asks again, naming the other final report, when someone else finalised the year meanwhile', async () => {
    const repo = new FakeRepository(loadSeedData());
    const theirs = { name: 'Voortgangsrapport 2022.docx', year: 2022, format: 'Word' as const, url: 'x', modified: '2023-03-01T10:00:00Z' };
    const finalise = jest.spyOn(repo, 'finaliseReport').mockRejectedValueOnce(new ReportExistsError([theirs]));
    render(<ReportActions repository={repo} maturity={NO_MATURITY} reportYear={2022} canEdit={true} canFinalise={true} />);
    fireEvent.click(screen.getByRole('button', { name: 'Definitief maken' }));
    await screen.findByRole('dialog');
    fireEvent.click(screen.getAllByRole('button', { name: 'Definitief maken' }).slice(-1)[0]);
    expect(await screen.findByText(/Iemand anders heeft het rapport 2022 intussen definitief gemaakt/)).toBeInTheDocument();
    expect(screen.getByText(/laatst bewaard 2023-03-01/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Vervangen' }));
    await waitFor(() => expect(finalise).toHaveBeenCalledTimes(2));
    expect(finalise.mock.calls[1][2]).toBe(true);
  });

  it('on load, for a control-team member, cleans up after an interrupted finalisation and says so quietly (readers: never)', async () => {
    const reader = new FakeRepository(loadSeedData());
    const readerRepair = jest.fn(async () => ({ removed: 2, completedYears: [] as number[] }));
    Object.assign(reader, { repairFinalisations: readerRepair });
    const { unmount } = render(<ReportActions repository={reader} maturity={NO_MATURITY} reportYear={2022} canEdit={false} canFinalise={false} />);
    await waitFor(() => expect(screen.getByRole('button', { name: /Rapport maken/ })).toBeInTheDocument());
    expect(readerRepair).not.toHaveBeenCalled();
    unmount();

    const repo = new FakeRepository(loadSeedData());
    const repair = jest.fn(async () => ({ removed: 2, completedYears: [] as number[] }));
    Object.assign(repo, { repairFinalisations: repair });
    render(<ReportActions repository={repo} maturity={NO_MATURITY} reportYear={2022} canEdit={true} canFinalise={true} />);
    expect(await screen.findByText("Een onderbroken 'Definitief maken' werd opgeruimd (tijdelijke bestanden verwijderd uit Rapporten: 2).")).toBeInTheDocument();
    expect(repair).toHaveBeenCalledWith(true);
    // A message, not an error.
    expect(screen.queryByText(/mislukt/)).toBeNull();
  });

  it('"Definitief maken" first finishes an interrupted finalisation of the year, says so, then reads fresh data', async () => {
    const repo = new FakeRepository(loadSeedData());
    const order: string[] = [];
    const repair = jest.fn(async (onlyIfSeen?: boolean) => {
      order.push(`repair ${onlyIfSeen}`);
      return onlyIfSeen ? { removed: 0, completedYears: [] as number[] } : { removed: 0, completedYears: [2022] };
    });
    Object.assign(repo, { repairFinalisations: repair });
    const load = repo.loadReportData.bind(repo);
    jest.spyOn(repo, 'loadReportData').mockImplementation(async () => {
      order.push('load');
      return load();
    });
    render(<ReportActions repository={repo} maturity={NO_MATURITY} reportYear={2022} canEdit={true} canFinalise={true} />);
    await waitFor(() => expect(repair).toHaveBeenCalledWith(true));
    fireEvent.click(screen.getByRole('button', { name: 'Definitief maken' }));
    await screen.findByRole('dialog');
    expect(order).toEqual(['repair true', 'repair false', 'load']);
    expect(screen.getByText("Een onderbroken 'Definitief maken' van 2022 werd afgewerkt: het definitieve rapport 2022 is nu volledig.")).toBeInTheDocument();
  });
});
