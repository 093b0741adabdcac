/**
 * The people who do the work, on the domain cards: "Voortgang melden" in an owner's action panel (the same form as
 * under "Mijn acties"), the control team's review there and on the card, and "Eigenaar en deadline toewijzen".
 */
import * as React from 'react';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { DomainCards } from '../../../src/webparts/domainCards/components/DomainCards';
import { AuditFollowUp } from '../../../src/webparts/auditFollowUp/components/AuditFollowUp';
import { isRecommendationDone } from '../../../src/model/audits';
import { IProgressService } from '../../../src/data/progressService';
import { IOwnerAssignment } from '../../../src/data/ownerAssignment';
import { AssignKind, IAssignChanges, IAssignPort, ICurrentTarget, IResolvedOwner, WriteOutcome } from '../../../src/app/assignOwners';
import { buildReport } from '../../../src/model/report';
import { IAction, IRecommendation, IReportData } from '../../../src/model/types';
import { IProgressInput, IProgressReport } from '../../../src/model/progress';
import { FakeRepository } from '../../helpers/fakeRepository';
import { loadSeedData } from '../../helpers/seedData';

const TODAY = new Date(2023, 4, 15);
jest.setTimeout(90000);
const KOEN = { id: 10, title: 'Koen Wouters' };
const PIETER = { id: 8, title: 'Pieter De Smet' };

class FakeProgress implements IProgressService {
  public reports: IProgressReport[] = [];
  public added: IProgressInput[] = [];
  public accepted: Array<[number, string | undefined]> = [];
  public loads: number = 0;
  public async load(): Promise<IProgressReport[]> {
    this.loads++;
    return this.reports.slice();
  }
  public async report(input: IProgressInput, title: string): Promise<IProgressReport> {
    this.added.push(input);
    const r: IProgressReport = { id: this.reports.length + 1, target: input.target, targetTitle: title, state: input.state, comment: input.comment, outcome: 'in afwachting', authorId: KOEN.id, editorId: KOEN.id, created: '2023-05-15' };
    this.reports.push(r);
    return r;
  }
  public async accept(report: IProgressReport, target: IAction | IRecommendation): Promise<void> {
    this.accepted.push([report.id, target.etag]);
    report.outcome = 'aanvaard';
    report.editorId = PIETER.id;
  }
  public async refuse(): Promise<void> {
    return undefined;
  }
}

class FakeOwners implements IOwnerAssignment, IAssignPort {
  public writes: Array<{ kind: AssignKind; id: number; changes: IAssignChanges }> = [];
  public port: IAssignPort = this;
  public constructor(private readonly _data: IReportData) {}
  public async readPeople(): Promise<IResolvedOwner[]> {
    return [{ id: 10, title: 'Koen Wouters', email: 'koen.wouters@stad.example', loginName: 'i:0#.f|membership|koen.wouters@stad.example', principalType: 1 }];
  }
  public async resolveOwner(login: string): Promise<IResolvedOwner | undefined> {
    return /koen/.test(login) ? (await this.readPeople())[0] : undefined;
  }
  public async readTargets(kind: AssignKind, ids: number[]): Promise<ICurrentTarget[]> {
    if (kind === 'recommendation') return (this._data.recommendations || []).filter((r) => ids.indexOf(r.id) >= 0).map((r) => ({ id: r.id, title: r.title, etag: '"1"' }));
    return this._data.actions.filter((a) => ids.indexOf(a.id) >= 0).map((a) => ({ id: a.id, title: a.title, plannedYear: a.plannedYear, modified: a.modified, etag: '"1"' }));
  }
  public async writeTarget(kind: AssignKind, id: number, changes: IAssignChanges): Promise<WriteOutcome> {
    this.writes.push({ kind, id, changes });
    return 'ok';
  }
}

/** The first domain with new planning, and its first new planning item (owned by koen, with an ETag). */
function koenOwnsPlanning(): { data: IReportData; action: IAction; domainTitle: string; otherId: number } {
  const data = loadSeedData();
  const domain = buildReport(data, 2022).domains.filter((d) => d.planningNew.length > 1)[0];
  const action = data.actions.filter((a) => a.id === domain.planningNew[0].id)[0];
  action.owner = KOEN;
  action.etag = '"3"';
  return { data, action, domainTitle: domain.domain.title, otherId: domain.planningNew[1].id };
}

function cardOf(title: string): HTMLElement {
  const card = (Array.prototype.slice.call(document.querySelectorAll('section')) as HTMLElement[]).filter((s) => (s.querySelector('h2') || { textContent: '' }).textContent === title)[0];
  if (!card) throw new Error(`no card ${title}`);
  return card;
}

async function openAction(container: HTMLElement, id: number): Promise<HTMLElement> {
  await waitFor(() => expect(container.querySelector(`li[data-item-id="${id}"] button`)).not.toBeNull());
  fireEvent.click(container.querySelector(`li[data-item-id="${id}"] button`) as HTMLElement);
  return screen.findByRole('dialog');
}

describe('progress on the cards', () => {
  it('koen reports progress from his action\'s panel with the form of Mijn acties; a reader who does not own it sees no button', async () => {
    const { data, action, otherId } = koenOwnsPlanning();
    const progress = new FakeProgress();
    const { container } = render(
      <DomainCards repository={new FakeRepository(data, { currentUser: KOEN, permissions: { canEdit: false, canManageLists: false, canFinalise: false } })} progress={progress} showDescriptions={true} isTeams={false} today={TODAY} />
    );
    const panel = await openAction(container, action.id);
    fireEvent.click(within(panel).getByRole('button', { name: /^Voortgang melden: / }));
    fireEvent.click(await screen.findByRole('radio', { name: 'Uitgevoerd' }));
    fireEvent.change(screen.getByRole('textbox', { name: /Korte toelichting/ }), { target: { value: 'Opgeleverd' } });
    fireEvent.click(screen.getByRole('button', { name: 'Melding versturen' }));
    await waitFor(() => expect(progress.added).toHaveLength(1));
    expect(progress.added[0]).toMatchObject({ target: { kind: 'action', id: action.id }, state: 'uitgevoerd', comment: 'Opgeleverd' });
    expect(await within(panel).findByText(/Laatste melding: Uitgevoerd — Opgeleverd\./)).toBeInTheDocument();
    // Another action of the same card: not his.
    fireEvent.click(within(panel).getByRole('button', { name: 'Sluiten' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const second = await openAction(container, otherId);
    expect(within(second).queryByRole('button', { name: /^Voortgang melden/ })).toBeNull();
  });

  it('a reader who owns nothing on the cards does not read the progress reports at all', async () => {
    const { data, domainTitle } = koenOwnsPlanning();
    const progress = new FakeProgress();
    render(
      <DomainCards
        repository={new FakeRepository(data, { currentUser: { id: 11, title: 'Lies Eeckhout' }, permissions: { canEdit: false, canManageLists: false, canFinalise: false } })}
        progress={progress}
        showDescriptions={true}
        isTeams={false}
        today={TODAY}
      />
    );
    await waitFor(() => expect(cardOf(domainTitle)).toBeTruthy(), { timeout: 15000 });
    expect(progress.loads).toBe(0);
  });

  it('the control team sees the pending report on the card and accepts it in the panel on the action\'s ETag', async () => {
    const { data, action, domainTitle } = koenOwnsPlanning();
    const progress = new FakeProgress();
    progress.reports = [{ id: 5, target: { kind: 'action', id: action.id }, state: 'uitgevoerd', comment: 'Klaar', outcome: 'in afwachting', authorId: 10, editorId: 10, authorName: 'Koen Wouters', created: '2023-05-01' }];
    const { container } = render(<DomainCards repository={new FakeRepository(data, { currentUser: PIETER })} progress={progress} showDescriptions={true} isTeams={false} today={TODAY} />);
    await waitFor(() => expect(within(cardOf(domainTitle)).getByTestId('card-pending-reports')).toHaveTextContent('1 voortgangsmelding(en) te beoordelen'));
    const panel = await openAction(container, action.id);
    const reviews = within(panel).getByTestId('panel-pending-reviews');
    expect(reviews).toHaveTextContent('Koen Wouters: Uitgevoerd. Klaar');
    fireEvent.click(within(reviews).getByRole('button', { name: 'Aanvaarden' }));
    await waitFor(() => expect(progress.accepted).toEqual([[5, '"3"']]));
    expect(await within(panel).findByText('Aanvaard: de actie werd bijgewerkt.')).toBeInTheDocument();
    await waitFor(() => expect(within(cardOf(domainTitle)).queryByTestId('card-pending-reports')).toBeNull());
  });
});

describe('Eigenaar en deadline toewijzen (control team)', () => {
  it('is offered per domain to the control team only', async () => {
    const { data, domainTitle } = koenOwnsPlanning();
    const owners = new FakeOwners(data);
    const reader = render(
      <DomainCards repository={new FakeRepository(data, { currentUser: KOEN, permissions: { canEdit: false, canManageLists: false, canFinalise: false } })} owners={owners} showDescriptions={true} isTeams={false} today={TODAY} />
    );
    await waitFor(() => expect(cardOf(domainTitle)).toBeTruthy());
    expect(screen.queryAllByRole('button', { name: /^Eigenaar en deadline toewijzen/ })).toHaveLength(0);
    reader.unmount();
    render(<DomainCards repository={new FakeRepository(data, { currentUser: PIETER })} owners={owners} showDescriptions={true} isTeams={false} today={TODAY} />);
    await waitFor(() => expect(within(cardOf(domainTitle)).getByRole('button', { name: `Eigenaar en deadline toewijzen: ${domainTitle}` })).toBeInTheDocument());
  });

  it('assigns one person and a deadline to the new planning in one go, and refuses a deadline before the planned year', async () => {
    const { data, domainTitle } = koenOwnsPlanning();
    const domain = buildReport(data, 2022).domains.filter((d) => d.domain.title === domainTitle)[0];
    const owners = new FakeOwners(data);
    render(<DomainCards repository={new FakeRepository(data, { currentUser: PIETER })} owners={owners} showDescriptions={true} isTeams={false} today={TODAY} />);
    await waitFor(() => expect(cardOf(domainTitle)).toBeTruthy());
    fireEvent.click(within(cardOf(domainTitle)).getByRole('button', { name: `Eigenaar en deadline toewijzen: ${domainTitle}` }));
    const panel = await screen.findByRole('dialog');
    // The new planning is picked; the earlier planning is not.
    const boxes = within(panel).getAllByRole('checkbox') as HTMLInputElement[];
    expect(boxes.filter((b) => b.checked)).toHaveLength(domain.planningNew.length);
    const owner = within(panel).getByRole('combobox', { name: /Eigenaar/ });
    fireEvent.input(owner, { target: { value: 'koen.wouters@stad.example' } });
    const deadline = panel.querySelector('input[type="date"]') as HTMLInputElement;
    fireEvent.change(deadline, { target: { value: '2022-12-31' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Toewijzen' }));
    expect(await within(panel).findByRole('alert')).toHaveTextContent('De deadline ligt vóór het jaar waarin deze acties gepland zijn');
    expect(owners.writes).toEqual([]);
    fireEvent.change(deadline, { target: { value: '2023-12-31' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Toewijzen' }));
    expect(await within(panel).findByTestId('bulk-assign-result')).toHaveTextContent(`${domain.planningNew.length} actie(s) bijgewerkt.`);
    expect(owners.writes.map((w) => w.id).sort()).toEqual(domain.planningNew.map((a) => a.id).sort());
    expect(owners.writes[0].changes).toEqual({ ownerId: 10, deadline: '2023-12-31T00:00:00.000Z' });
  });
});


/** The seed has no recommendations: three on the first audit, one carried out. */
function withRecommendations(): IReportData {
  const data = loadSeedData();
  const auditId = data.audits[0].id;
  const rec = (id: number, status: IRecommendation['status']): IRecommendation => ({ id, title: `Aanbeveling ${id}`, auditId, priority: 'H', status, actions: [], etag: '"1"' });
  data.recommendations = [rec(1, 'Open'), rec(2, 'In uitvoering'), rec(3, 'Uitgevoerd')];
  return data;
}

describe('Eigenaar en deadline toewijzen for an audit\'s recommendations', () => {
  it('the control team assigns one person to the audit\'s open recommendations from its panel', async () => {
    const data = withRecommendations();
    const audit = data.audits[0];
    const open = (data.recommendations || []).filter((r) => r.auditId === audit.id && !isRecommendationDone(r));
    const owners = new FakeOwners(data);
    render(<AuditFollowUp repository={new FakeRepository(data, { currentUser: PIETER })} owners={owners} isTeams={false} today={TODAY} initialAuditId={audit.id} />);
    fireEvent.click(await screen.findByRole('button', { name: `Eigenaar en deadline toewijzen: ${audit.title}` }, { timeout: 15000 }));
    const panels = await screen.findAllByRole('dialog');
    const panel = panels[panels.length - 1];
    expect((within(panel).getAllByRole('checkbox') as HTMLInputElement[]).filter((b) => b.checked)).toHaveLength(open.length);
    fireEvent.input(within(panel).getByRole('combobox', { name: /Eigenaar/ }), { target: { value: 'koen.wouters@stad.example' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Toewijzen' }));
    expect(await within(panel).findByTestId('bulk-assign-result')).toHaveTextContent(`${open.length} aanbeveling(en) bijgewerkt.`);
    expect(owners.writes.map((w) => `${w.kind}:${w.id}`).sort()).toEqual(open.map((r) => `recommendation:${r.id}`).sort());
    expect(owners.writes[0].changes).toEqual({ ownerId: 10 });
  });

  it('readers get no such button', async () => {
    const data = withRecommendations();
    const audit = data.audits[0];
    render(
      <AuditFollowUp
        repository={new FakeRepository(data, { currentUser: KOEN, permissions: { canEdit: false, canManageLists: false, canFinalise: false } })}
        owners={new FakeOwners(data)}
        isTeams={false}
        today={TODAY}
        initialAuditId={audit.id}
      />
    );
    await screen.findAllByRole('link', { name: /^Openen in de lijst/ }, { timeout: 15000 });
    expect(screen.queryByRole('button', { name: /^Eigenaar en deadline toewijzen/ })).toBeNull();
  });
});
