/** @jest-environment ./tests/dev/environment.js */
/**
 * Owners report progress, the control team reviews (README, "Voortgang en herinneringen"), through PnPjs against the
 * local server after provisioning with the product's own ensureSchema and ensurePermissions: koen (a site reader)
 * owns an action, lees (a reader) owns a recommendation, pieter reviews.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { ensureSchema } from '../../src/data/ensureSchema';
import { ensurePermissions } from '../../src/data/permissions';
import { ConflictError } from '../../src/data/IOrgRepository';
import { createSp } from '../../tools/data/node';
import { toAction } from '../../src/data/mapping';
import { acceptProgressReport, addProgressReport, ProgressInputError, readProgressReports, refuseProgressReport } from '../../src/data/progress';
import { reviewOf } from '../../src/model/progress';
import { IAction } from '../../src/model/types';
import { ITestServer, startTestServer } from '../helpers/localServer';

let srv: ITestServer;
const as = (user: string): SPFI => createSp(srv.siteUrl, undefined, user);
const list = (user: string, title: string): ReturnType<SPFI['web']['lists']['getByTitle']> => as(user).web.lists.getByTitle(title);
const KOEN = 10;
const LEES = 11;
let domainId: number;

async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (e) {
    return (e as { status?: number }).status ?? -1;
  }
  return 200;
}

async function newAction(title: string, owner: number): Promise<IAction> {
  const added = (await list('ann', 'Acties').items.add({ Title: title, DomeinenId: [domainId], ActieStatus: 'Gepland', JaarGepland: 2023, EigenaarId: owner })) as { Id: number };
  return readAction(added.Id);
}

async function readAction(id: number): Promise<IAction> {
  return toAction(await list('ann', 'Acties').items.getById(id).select('*', 'Eigenaar/Id', 'Eigenaar/Title').expand('Eigenaar')());
}

beforeAll(async () => {
  srv = await startTestServer();
  await ensureSchema(as('ann'));
  await ensurePermissions(as('ann'));
  domainId = ((await list('ann', 'Domeinen').items.add({ Title: 'Bescherming activa', Volgorde: 7 })) as { Id: number }).Id;
});

afterAll(async () => {
  await srv.stop();
});

describe('progress reports (owners)', () => {
  it('koen reports progress on his own action, and cannot change the action itself through REST', async () => {
    const action = await newAction('Uitrol MFA', KOEN);
    const report = await addProgressReport(as('koen'), { target: { kind: 'action', id: action.id }, state: 'vertraagd', comment: 'Leverancier laat', proposedDeadline: '2024-03-31' }, action.title);
    expect(report.authorId).toBe(KOEN);
    expect(report.outcome).toBe('in afwachting');
    expect((await readProgressReports(as('pieter'))).map((r) => r.id)).toContain(report.id);
    // The action stays read-only for its owner.
    expect(await statusOf(list('koen', 'Acties').items.getById(action.id).update({ ActieStatus: 'Gerealiseerd' }))).toBe(403);
    expect((await readAction(action.id)).status).toBe('Gepland');
  });

  it("koen cannot change or delete another owner's report, and lees cannot touch koen's", async () => {
    const action = await newAction('Back-up testen', KOEN);
    const rec = (await list('ann', 'Aanbevelingen').items.add({ Title: 'Toegangsbeheer herzien', Prioriteit: 'H', EigenaarId: LEES })) as { Id: number };
    const hers = await addProgressReport(as('lees'), { target: { kind: 'recommendation', id: rec.Id }, state: 'op schema', comment: 'Bezig' }, 'Toegangsbeheer herzien');
    const his = await addProgressReport(as('koen'), { target: { kind: 'action', id: action.id }, state: 'op schema', comment: 'Loopt' }, action.title);
    expect(await statusOf(list('koen', 'Voortgangsmeldingen').items.getById(hers.id).update({ Commentaar: 'overschreven' }))).toBe(403);
    expect(await statusOf(list('koen', 'Voortgangsmeldingen').items.getById(hers.id).delete())).toBe(403);
    expect(await statusOf(list('lees', 'Voortgangsmeldingen').items.getById(his.id).update({ Beoordeling: 'aanvaard' }))).toBe(403);
    // His own report he may change.
    expect(await statusOf(list('koen', 'Voortgangsmeldingen').items.getById(his.id).update({ Commentaar: 'Loopt goed' }))).toBe(200);
  });

  it('an owner who writes "aanvaard" on his own report is not accepted: the outcome is ignored and flagged', async () => {
    const action = await newAction('Wachtwoordbeleid', KOEN);
    const report = await addProgressReport(as('koen'), { target: { kind: 'action', id: action.id }, state: 'uitgevoerd', comment: 'Klaar' }, action.title);
    await list('koen', 'Voortgangsmeldingen').items.getById(report.id).update({ Beoordeling: 'aanvaard' });
    const stored = (await readProgressReports(as('pieter'))).filter((r) => r.id === report.id)[0];
    expect(stored.outcome).toBe('aanvaard');
    expect(reviewOf(stored)).toEqual({ outcome: 'in afwachting', flagged: true });
    expect((await readAction(action.id)).status).toBe('Gepland');
  });
});

describe('review by the control team', () => {
  it('pieter accepts koen\'s "uitgevoerd": the action is realised; the review counts', async () => {
    const action = await newAction('Patchbeheer', KOEN);
    const report = await addProgressReport(as('koen'), { target: { kind: 'action', id: action.id }, state: 'uitgevoerd', comment: 'Alle servers gepatcht' }, action.title);
    await acceptProgressReport(as('pieter'), report, action, new Date(2024, 1, 10));
    const after = await readAction(action.id);
    expect(after.status).toBe('Gerealiseerd');
    expect(after.realisedYear).toBe(2024);
    const stored = (await readProgressReports(as('koen'))).filter((r) => r.id === report.id)[0];
    expect(reviewOf(stored)).toEqual({ outcome: 'aanvaard', flagged: false });
  });

  it('accepting a delay sets the proposed deadline and makes the action "Lopend"', async () => {
    const action = await newAction('Logbeheer', KOEN);
    const report = await addProgressReport(as('koen'), { target: { kind: 'action', id: action.id }, state: 'vertraagd', comment: 'Later', proposedDeadline: '2024-06-30' }, action.title);
    await acceptProgressReport(as('pieter'), report, action, new Date(2024, 1, 10));
    const after = await readAction(action.id);
    expect(after.status).toBe('Lopend');
    expect(after.deadline && after.deadline.slice(0, 10)).toBe('2024-06-30');
  });

  it('412: an action changed since pieter read it is not overwritten, and the report waits again', async () => {
    const action = await newAction('Netwerksegmentatie', KOEN);
    const report = await addProgressReport(as('koen'), { target: { kind: 'action', id: action.id }, state: 'uitgevoerd', comment: 'Klaar' }, action.title);
    await list('sofie', 'Acties').items.getById(action.id).update({ ActieStatus: 'Geschrapt' });
    await expect(acceptProgressReport(as('pieter'), report, action, new Date(2024, 1, 10))).rejects.toBeInstanceOf(ConflictError);
    expect((await readAction(action.id)).status).toBe('Geschrapt');
    const stored = (await readProgressReports(as('pieter'))).filter((r) => r.id === report.id)[0];
    expect(reviewOf(stored).outcome).toBe('in afwachting');
  });

  it('412: a report the owner changed after pieter read it is not accepted', async () => {
    const action = await newAction('Kluisbeheer', KOEN);
    const report = await addProgressReport(as('koen'), { target: { kind: 'action', id: action.id }, state: 'uitgevoerd', comment: 'Klaar' }, action.title);
    await list('koen', 'Voortgangsmeldingen').items.getById(report.id).update({ Voortgang: 'vertraagd' });
    await expect(acceptProgressReport(as('pieter'), report, action)).rejects.toBeInstanceOf(ConflictError);
    expect((await readAction(action.id)).status).toBe('Gepland');
  });

  it('a refusal without a reason is refused; with one, the owner sees it', async () => {
    const action = await newAction('Inventaris laptops', KOEN);
    const report = await addProgressReport(as('koen'), { target: { kind: 'action', id: action.id }, state: 'uitgevoerd', comment: 'Klaar' }, action.title);
    await expect(refuseProgressReport(as('pieter'), report, '  ')).rejects.toBeInstanceOf(ProgressInputError);
    await refuseProgressReport(as('pieter'), report, 'Geen bewijs: voeg de inventaris toe.');
    const seen = (await readProgressReports(as('koen'))).filter((r) => r.id === report.id)[0];
    expect(reviewOf(seen)).toEqual({ outcome: 'geweigerd', flagged: false });
    expect(seen.reason).toBe('Geen bewijs: voeg de inventaris toe.');
    expect((await readAction(action.id)).status).toBe('Gepland');
  });
});
