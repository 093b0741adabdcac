/** @jest-environment ./tests/dev/environment.js */
/**
 * The maturity rules enforced by SharePoint (README, "Permission model"), as each local user over REST after
 * provisioning with the product's own ensureSchema and ensurePermissions: pieter facilitates a round that sofie,
 * koen (a plain site reader) and pieter score; lees only reads the site.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/security';
import '@pnp/sp/site-groups/web';
import '@pnp/sp/site-users/web';
import { ensureSchema } from '../../src/data/ensureSchema';
import { ensurePermissions } from '../../src/data/permissions';
import { FACILITATOR_GROUP } from '../../src/data/maturityAccess';
import { importMaturity } from '../../tools/data/importMaturity';
import { createSp } from '../../tools/data/node';
import { PnPMaturityRepository } from '../../src/data/PnPMaturityRepository';
import { changeRoundStatus, moveRound } from '../../src/app/maturity/roundStatus';
import { MaturityError } from '../../src/data/IMaturityRepository';
import { IMaturityRound, IScoringUnit, raterProgress, unitsOfRound } from '../../src/model/maturity';
import { ITestServer, startTestServer } from '../helpers/localServer';

let srv: ITestServer;
const as = (user: string): SPFI => createSp(srv.siteUrl, undefined, user);
const repo = (user: string): PnPMaturityRepository => new PnPMaturityRepository(as(user), srv.siteUrl);
const scores = (user: string): ReturnType<SPFI['web']['lists']['getByTitle']> => as(user).web.lists.getByTitle('MaturiteitScores');
const consensus = (user: string): ReturnType<SPFI['web']['lists']['getByTitle']> => as(user).web.lists.getByTitle('MaturiteitConsensus');
const rounds = (user: string): ReturnType<SPFI['web']['lists']['getByTitle']> => as(user).web.lists.getByTitle('MaturiteitRondes');

const login = (name: string): string => `i:0#.f|membership|${name}@stad.example`;
const ids: Record<string, number> = {};
let round: IMaturityRound;
let units: IScoringUnit[];

async function statusOf(p: Promise<unknown>): Promise<number> {
  try {
    await p;
  } catch (e) {
    if (e instanceof MaturityError) return -1;
    return (e as { status: number }).status;
  }
  return 200;
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    return (e as MaturityError).code || String((e as { status?: number }).status);
  }
  return 'ok';
}

/** Everything an admin sees of the maturity lists' permissions, for "a second run changes nothing". */
async function permissionState(): Promise<string> {
  const sp = as('ann');
  const out: unknown[] = [];
  for (const title of ['MaturiteitScores', 'MaturiteitConsensus', 'MaturiteitRondes']) {
    const l = sp.web.lists.getByTitle(title);
    out.push(await l.select('HasUniqueRoleAssignments', 'ReadSecurity', 'WriteSecurity')());
    out.push(await l.roleAssignments.expand('RoleDefinitionBindings').select('PrincipalId', 'RoleDefinitionBindings/Id')());
  }
  out.push(await sp.web.roleDefinitions.select('Id', 'Name')());
  out.push(await sp.web.siteGroups.select('Id', 'Title')());
  return JSON.stringify(out);
}

let provisioned: string;

beforeAll(async () => {
  srv = await startTestServer();
  const sp = as('ann');
  await ensureSchema(sp);
  await ensurePermissions(sp);
  provisioned = await permissionState();
  // The admin puts pieter in the facilitators' group (README, Permission model).
  const group = (await sp.web.siteGroups.select('Id', 'Title')()).filter((g: { Title: string }) => g.Title === FACILITATOR_GROUP)[0] as { Id: number };
  await sp.web.siteGroups.getById(group.Id).users.add(login('pieter.desmet'));
  await importMaturity(sp);
  for (const [k, l] of [['pieter', 'pieter.desmet'], ['sofie', 'sofie.maes'], ['koen', 'koen.wouters'], ['lees', 'lies.eeckhout']]) {
    const u = (await sp.web.ensureUser(login(l))) as unknown as { Id?: number; data?: { Id: number } };
    ids[k] = (u.data ? u.data.Id : u.Id) as number;
  }
  // pieter prepares the round (facilitators write MaturiteitRondes) with three raters, koen a plain site reader.
  const themes: Array<{ Id: number; Nummer: number }> = await as('pieter').web.lists.getByTitle('MaturiteitThemas').items.select('Id', 'Nummer')();
  await rounds('pieter').items.add({
    Title: 'Proefronde',
    Jaar: 2024,
    ThemasId: themes.filter((t) => t.Nummer === 1 || t.Nummer === 3).map((t) => t.Id),
    RondeStatus: 'voorbereiding',
    BeoordelaarsId: [ids.sofie, ids.koen, ids.pieter],
    FacilitatorId: ids.pieter
  });
  const screen = await repo('pieter').load();
  round = screen.data.rounds.filter((r) => r.title === 'Proefronde')[0];
  units = unitsOfRound(round, screen.data.themes, screen.data.objectives);
});

afterAll(() => srv.stop());

describe('maturity rules enforced by SharePoint, per local user', () => {
  it('only the facilitator moves the round; before "scoren" a rater cannot write a score at all', async () => {
    expect(await statusOf(scores('koen').items.add({ Title: 'te vroeg', RondeId: round.id, ThemaId: units[0].themeId, BeoordelaarId: ids.koen, Score: 3 }))).toBe(403);
    expect(await codeOf(moveRound(repo('sofie'), round, 'scoren'))).toBe('statusNotFacilitator');
    expect(await statusOf(rounds('sofie').items.getById(round.id).update({ RondeStatus: 'scoren' }))).toBe(403);
    expect(await statusOf(rounds('koen').items.getById(round.id).update({ RondeStatus: 'scoren' }))).toBe(403);
    round = await moveRound(repo('pieter'), round, 'scoren');
    expect(round.status).toBe('scoren');
  });

  it('during scoring a rater (also a plain site reader) scores and reads only their own scores; another rater and a reader cannot read them', async () => {
    await repo('sofie').saveScore({ round, unit: units[0], score: 2, comment: 'sofie vindt' });
    await repo('koen').saveScore({ round, unit: units[0], score: 4, comment: 'koen vindt' });
    await repo('pieter').saveScore({ round, unit: units[0], score: 3 });
    const koenSees: Array<{ Id: number; BeoordelaarId: number; Opmerking: string }> = await scores('koen').items.select('Id', 'BeoordelaarId', 'Opmerking')();
    expect(koenSees.map((i) => i.Opmerking)).toEqual(['koen vindt']);
    expect((await scores('sofie').items.select('Opmerking')()).map((i: { Opmerking: string }) => i.Opmerking)).toEqual(['sofie vindt']);
    expect(await scores('lees').items()).toEqual([]);
    // Not by id either, nor in a batch.
    const sofieItem = ((await scores('ann').items.select('Id', 'BeoordelaarId')()) as Array<{ Id: number; BeoordelaarId: number }>).filter((i) => i.BeoordelaarId === ids.sofie)[0].Id;
    expect(await statusOf(scores('koen').items.getById(sofieItem)())).toBe(404);
    expect(await statusOf(scores('lees').items.getById(sofieItem)())).toBe(404);
    const [batched, execute] = as('koen').batched();
    const hidden = batched.web.lists.getByTitle('MaturiteitScores').items.getById(sofieItem)();
    await execute();
    expect(await statusOf(hidden)).toBe(404);

    // "Who has finished": a rater sees only their own progress, and the screen says so; the facilitator sees everyone's.
    const koen = await repo('koen').load(round.id);
    expect(koen.seesAllScores).toBe(false);
    expect(raterProgress(round, units, koen.data.scores).map((p) => [p.rater.title, p.scored])).toEqual([['Sofie Maes', 0], ['Koen Wouters', 1], ['Pieter De Smet', 0]]);
    const pieter = await repo('pieter').load(round.id);
    expect(pieter.seesAllScores).toBe(true);
    expect(raterProgress(round, units, pieter.data.scores).map((p) => p.scored)).toEqual([1, 1, 1]);
    // While scoring, the facilitator sees who scored, not the values (no anchoring).
    expect(pieter.data.scores.filter((s) => s.raterId === ids.sofie)[0].score).toBeUndefined();
  });

  it('nobody changes a score in someone else\'s name; one added in another\'s name is ignored and flagged for the facilitator', async () => {
    const sofieItem = ((await scores('ann').items.select('Id', 'BeoordelaarId')()) as Array<{ Id: number; BeoordelaarId: number }>).filter((i) => i.BeoordelaarId === ids.sofie)[0].Id;
    expect(await statusOf(scores('koen').items.getById(sofieItem).update({ Score: 1 }))).toBe(404);
    expect(await statusOf(scores('koen').items.getById(sofieItem).delete())).toBe(404);
    // SharePoint cannot check the Beoordelaar column against the author: koen can add an item naming sofie.
    const forged = (await scores('koen').items.add({ Title: 'vals', RondeId: round.id, ThemaId: units[1].themeId, DoelstellingId: units[1].objectiveId ?? null, BeoordelaarId: ids.sofie, Score: 1 })) as { Id: number };
    const pieter = await repo('pieter').load(round.id);
    expect(pieter.data.scores.some((s) => s.id === forged.Id)).toBe(false);
    expect(pieter.data.breaches).toEqual([expect.objectContaining({ list: 'score', id: forged.Id, kind: 'otherName', authorId: ids.koen, raterId: ids.sofie })]);
    expect(raterProgress(round, units, pieter.data.scores).filter((p) => p.rater.id === ids.sofie)[0].scored).toBe(1);
    // sofie does not see it at all (koen created it).
    expect((await repo('sofie').load(round.id)).data.scores.filter((s) => s.roundId === round.id).map((s) => s.score)).toEqual([2]);
  });

  it('a rater cannot add consensus items; only the facilitator records consensus', async () => {
    const body = { Title: 'consensus', RondeId: round.id, ThemaId: units[0].themeId, Score: 3 };
    expect(await statusOf(consensus('koen').items.add(body))).toBe(403);
    expect(await statusOf(consensus('sofie').items.add(body))).toBe(403);
    expect(await statusOf(consensus('lees').items.add(body))).toBe(403);
    round = await moveRound(repo('pieter'), round, 'consensus');
    expect(await codeOf(repo('sofie').saveConsensus({ round, unit: units[0], score: 3 }))).toBe('notFacilitator');
    expect(await statusOf(consensus('sofie').items.add(body))).toBe(403);
    await repo('pieter').saveConsensus({ round, unit: units[0], score: 3, comment: 'afgesproken' });
  });

  it('goes back from consensus to scoring only while no consensus exists; the raters then write again', async () => {
    // The round of the test before has a consensus: the repository asks SharePoint again and refuses.
    expect(await codeOf(moveRound(repo('pieter'), round, 'scoren'))).toBe('consensusExists');
    const screen = await repo('pieter').load(round.id);
    const blocked = await changeRoundStatus(repo('pieter'), screen.data, screen.data.rounds.filter((r) => r.id === round.id)[0], 'scoren');
    expect(blocked).toMatchObject({ kind: 'blocked', problems: ['consensusExists'] });
    // A second round without consensus goes back, and its raters regain write access through the use case.
    const themes: Array<{ Id: number; Nummer: number }> = await as('pieter').web.lists.getByTitle('MaturiteitThemas').items.select('Id', 'Nummer')();
    await rounds('pieter').items.add({ Title: 'Terugronde', Jaar: 2025, ThemasId: themes.filter((t) => t.Nummer === 1).map((t) => t.Id), RondeStatus: 'consensus', BeoordelaarsId: [ids.sofie], FacilitatorId: ids.pieter });
    const s2 = await repo('pieter').load();
    const back = s2.data.rounds.filter((r) => r.title === 'Terugronde')[0];
    const body = (): Record<string, unknown> => ({ Title: 'terug', RondeId: back.id, ThemaId: back.themeIds[0], BeoordelaarId: ids.sofie, Score: 4 });
    expect(await statusOf(scores('sofie').items.add(body()))).toBe(403);
    const change = await changeRoundStatus(repo('pieter'), s2.data, back, 'scoren');
    expect(change.kind).toBe('changed');
    const added = (await scores('sofie').items.add(body())) as unknown as { Id?: number; data?: { Id: number } };
    expect(added.data ? added.data.Id : added.Id).toBeGreaterThan(0);
    // Back to consensus: the access goes again (the first round is still in consensus).
    const again = await repo('pieter').load(back.id);
    await moveRound(repo('pieter'), again.data.rounds.filter((r) => r.id === back.id)[0], 'consensus');
    expect(await statusOf(scores('sofie').items.add(body()))).toBe(403);
  });

  it("the facilitator's consensus view sees every rater's scores with their values, and changes none", async () => {
    const { data } = await repo('pieter').load(round.id);
    const mine = data.scores.filter((s) => s.roundId === round.id).map((s) => [s.raterId, s.score]).sort();
    expect(mine).toEqual([[ids.sofie, 2], [ids.koen, 4], [ids.pieter, 3]].sort());
    // Out of "scoren" the facilitator holds only the facilitator level on the scores: reading all, editing none.
    const sofieItem = data.scores.filter((s) => s.raterId === ids.sofie)[0].id;
    expect(await statusOf(scores('pieter').items.getById(sofieItem).update({ Score: 5 }))).toBe(403);
  });

  it('a score someone else changed (an owner can: Manage Lists) no longer counts and is flagged', async () => {
    const koenItem = (await repo('pieter').load(round.id)).data.scores.filter((s) => s.raterId === ids.koen)[0].id;
    await scores('ann').items.getById(koenItem).update({ Score: 1 });
    const { data } = await repo('pieter').load(round.id);
    expect(data.scores.some((s) => s.id === koenItem)).toBe(false);
    expect(data.breaches).toContainEqual(expect.objectContaining({ list: 'score', id: koenItem, kind: 'changedByOther', authorId: ids.koen }));
  });

  it("once scoring is over, raters can no longer change their scores, nor a closed round's scores or consensus, nor reopen it", async () => {
    const koenItem = ((await scores('koen').items.select('Id')()) as Array<{ Id: number }>)[0].Id;
    expect(await statusOf(scores('koen').items.getById(koenItem).update({ Score: 5 }))).toBe(403);
    expect(await codeOf(repo('koen').saveScore({ round: { ...round, status: 'scoren' }, unit: units[0], score: 5, existing: { id: koenItem, roundId: round.id, raterId: ids.koen } }))).toBe('notScoring');
    for (const u of units) if (u !== units[0]) await repo('pieter').saveConsensus({ round, unit: u, score: 2 });
    round = await moveRound(repo('pieter'), round, 'afgesloten');
    const c = ((await consensus('sofie').items.select('Id')()) as Array<{ Id: number }>)[0].Id;
    expect(await statusOf(consensus('sofie').items.getById(c).update({ Score: 5 }))).toBe(403);
    expect(await statusOf(consensus('koen').items.getById(c).update({ Score: 5 }))).toBe(403);
    expect(await statusOf(scores('sofie').items.add({ Title: 'laat', RondeId: round.id, ThemaId: units[0].themeId, BeoordelaarId: ids.sofie, Score: 5 }))).toBe(403);
    expect(await statusOf(scores('koen').items.getById(koenItem).update({ Score: 5 }))).toBe(403);
    expect(await statusOf(rounds('koen').items.getById(round.id).update({ RondeStatus: 'scoren' }))).toBe(403);
    expect(await statusOf(rounds('sofie').items.getById(round.id).update({ RondeStatus: 'scoren' }))).toBe(403);
    expect(await codeOf(moveRound(repo('pieter'), round, 'scoren'))).toBe('frozen');
  });

  it('ensureSchema and ensurePermissions a second time change nothing', async () => {
    const sp = as('ann');
    const before = await permissionState();
    expect((await ensureSchema(sp)).changes).toEqual([]);
    expect(await ensurePermissions(sp)).toEqual([]);
    expect(await permissionState()).toBe(before);
    // And what provisioning set up is still there: only the facilitators' membership changed since.
    expect(JSON.parse(before).slice(0, 7)).toEqual(JSON.parse(provisioned).slice(0, 7));
  });

  it('a round put in "scoren" through the list form (not the web part) gives raters no write access: SharePoint refuses, in Dutch', async () => {
    const added = (await rounds('pieter').items.add({ Title: 'Via formulier', Jaar: 2025, ThemasId: [units[0].themeId], RondeStatus: 'scoren', BeoordelaarsId: [ids.koen], FacilitatorId: ids.pieter })) as { Id: number };
    const r = (await repo('koen').load(added.Id)).data.rounds.filter((x) => x.id === added.Id)[0];
    let err: MaturityError | undefined;
    try {
      await repo('koen').saveScore({ round: r, unit: units[0], score: 3 });
    } catch (e) {
      err = e as MaturityError;
    }
    expect(err).toMatchObject({ code: 'denied', message: 'Geen toestemming: SharePoint weigerde deze score (403).' });
    // "Lijsten controleren" (ensurePermissions) catches up: koen may score now.
    expect((await ensurePermissions(as('ann'))).map((c) => c.name)).toEqual([`beoordelaar ${ids.koen}: Contribute`]);
    expect((await repo('koen').saveScore({ round: r, unit: units[0], score: 3 })).score).toBe(3);
  });
});
