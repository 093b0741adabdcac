import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { AuditFollowUp } from '../../../src/webparts/auditFollowUp/components/AuditFollowUp';
import { IProgressService } from '../../../src/data/progressService';
import { ConflictError } from '../../../src/data/IOrgRepository';
import { IProgressInput, IProgressReport } from '../../../src/model/progress';
import { IReportData } from '../../../src/model/types';
import { FakeRepository } from '../../helpers/fakeRepository';
import { loadSeedData } from '../../helpers/seedData';

const TODAY = new Date(2023, 4, 15);
const KOEN = { id: 10, title: 'Koen Wouters' };

class FakeProgress implements IProgressService {
  public reports: IProgressReport[] = [];
  public added: IProgressInput[] = [];
  public refused: Array<[number, string]> = [];
  public acceptFails: boolean = false;
  public async load(): Promise<IProgressReport[]> {
    return this.reports.slice();
  }
  public async report(input: IProgressInput, title: string): Promise<IProgressReport> {
    this.added.push(input);
    const r: IProgressReport = { id: this.reports.length + 1, target: input.target, targetTitle: title, state: input.state, comment: input.comment, outcome: 'in afwachting', authorId: KOEN.id, editorId: KOEN.id, authorName: KOEN.title, created: '2023-05-15' };
    this.reports.push(r);
    return r;
  }
  public async accept(): Promise<void> {
    if (this.acceptFails) throw new ConflictError('Version conflict', undefined);
  }
  public async refuse(report: IProgressReport, reason: string): Promise<void> {
    this.refused.push([report.id, reason]);
  }
}

function koenOwnsOne(): { data: IReportData; title: string; id: number } {
  const data = loadSeedData();
  const a = data.actions.filter((x) => x.status === 'Gepland')[0];
  a.owner = KOEN;
  a.plannedYear = 2023;
  return { data, title: a.title, id: a.id };
}

describe('Voortgang melden (Mijn acties)', () => {
  it('an owner reports progress on his own action; the form refuses an unsafe evidence link first', async () => {
    const { data, id } = koenOwnsOne();
    const progress = new FakeProgress();
    render(<AuditFollowUp repository={new FakeRepository(data, { currentUser: KOEN })} progress={progress} isTeams={false} today={TODAY} initialView="mine" />);
    const list = await screen.findByTestId('mine-list');
    fireEvent.click(within(list).getAllByRole('button', { name: /^Voortgang melden: / })[0]);
    fireEvent.click(await screen.findByRole('radio', { name: 'Vertraagd' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Korte toelichting/ }), { target: { value: 'Leverancier laat' } });
    fireEvent.change(screen.getByRole('textbox', { name: /Link naar bewijs/ }), { target: { value: 'javascript:alert(1)' } });
    fireEvent.click(screen.getByRole('button', { name: 'Melding versturen' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('moet met https:// of met / (binnen SharePoint) beginnen');
    expect(progress.added).toHaveLength(0);
    fireEvent.change(screen.getByRole('textbox', { name: /Link naar bewijs/ }), { target: { value: '/sites/ict/Gedeelde%20documenten/plan.pdf' } });
    fireEvent.click(screen.getByRole('button', { name: 'Melding versturen' }));
    await waitFor(() => expect(progress.added).toHaveLength(1));
    expect(progress.added[0]).toMatchObject({ target: { kind: 'action', id }, state: 'vertraagd', comment: 'Leverancier laat' });
    expect(await within(list).findByText(/Laatste melding: Vertraagd — Leverancier laat\./)).toBeInTheDocument();
  });

  it('the owner sees a refusal and its reason', async () => {
    const { data, id } = koenOwnsOne();
    const progress = new FakeProgress();
    progress.reports = [{ id: 1, target: { kind: 'action', id }, state: 'uitgevoerd', comment: 'Klaar', outcome: 'geweigerd', reason: 'Geen bewijs', authorId: 10, editorId: 8, created: '2023-05-01' }];
    render(<AuditFollowUp repository={new FakeRepository(data, { currentUser: KOEN })} progress={progress} isTeams={false} today={TODAY} initialView="mine" />);
    expect(await screen.findByText(/reden: Geen bewijs/)).toBeInTheDocument();
  });
});

describe('review by the control team', () => {
  it('lists pending reports; refusing needs a reason; a conflict says nothing was overwritten', async () => {
    const { data, id } = koenOwnsOne();
    const progress = new FakeProgress();
    progress.reports = [{ id: 1, target: { kind: 'action', id }, state: 'uitgevoerd', comment: 'Klaar', outcome: 'in afwachting', authorId: 10, editorId: 10, authorName: 'Koen Wouters', created: '2023-05-01' }];
    render(<AuditFollowUp repository={new FakeRepository(data, { currentUser: { id: 8, title: 'Pieter De Smet' } })} progress={progress} isTeams={false} today={TODAY} />);
    const section = await screen.findByTestId('pending-reviews');
    expect(section).toHaveTextContent('Voortgangsmeldingen te beoordelen (1)');
    fireEvent.click(within(section).getByRole('button', { name: 'Weigeren' }));
    expect(await within(section).findByText('Geef een reden om te weigeren; de eigenaar ziet ze.')).toBeInTheDocument();
    expect(progress.refused).toEqual([]);
    progress.acceptFails = true;
    fireEvent.click(within(section).getByRole('button', { name: 'Aanvaarden' }));
    expect(await within(section).findByText(/er werd niets overschreven/)).toBeInTheDocument();
    fireEvent.change(within(section).getByRole('textbox', { name: /Reden/ }), { target: { value: 'Voeg bewijs toe' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Weigeren' }));
    await waitFor(() => expect(progress.refused).toEqual([[1, 'Voeg bewijs toe']]));
  });
});
