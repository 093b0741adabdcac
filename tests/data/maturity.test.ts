/** @jest-environment ./tests/dev/environment.js */
import { ensureSchema } from '../../src/data/ensureSchema';
import { importMaturity, importObjectives } from '../../tools/data/importMaturity';
import { createSp } from '../../tools/data/node';
import { PnPMaturityRepository } from '../../src/data/PnPMaturityRepository';
import { moveRound } from '../../src/app/maturity/roundStatus';
import { createBundledActions } from '../../src/app/maturity/improvementAction';
import { MaturityError } from '../../src/data/IMaturityRepository';
import { createDataAccess } from '../../src/data/createDataAccess';
import { checkTransition, IMaturityRound, unitsOfRound } from '../../src/model/maturity';
import { ITestServer, startTestServer } from '../helpers/localServer';

let srv: ITestServer;
const ANN = 'i:0#.f|membership|ann.janssens@stad.example';
const PIETER = 'i:0#.f|membership|pieter.desmet@stad.example';

beforeAll(async () => {
  srv = await startTestServer();
  const sp = createSp(srv.siteUrl);
  await ensureSchema(sp);
  await sp.web.lists.getByTitle('Domeinen').items.add({ Title: 'Bereiken doelstellingen', Volgorde: 2 });
});

afterAll(async () => {
  await srv.stop();
});

async function errorOf(p: Promise<unknown>): Promise<MaturityError> {
  try {
    await p;
  } catch (e) {
    return e as MaturityError;
  }
  throw new Error('expected an error');
}

describe('maturity seeding and import over HTTP', () => {
  it('seeds the 11 themes and the 2023 round with its five themes in "scoren", without scores; a second run adds nothing', async () => {
    const sp = createSp(srv.siteUrl);
    const first = await importMaturity(sp, { demoRound: { raters: [ANN, PIETER], facilitator: ANN } });
    expect(first).toEqual({ themes: { created: 11, existing: 0 }, round: 'created' });
    const second = await importMaturity(sp, { demoRound: { raters: [ANN, PIETER], facilitator: ANN } });
    expect(second).toEqual({ themes: { created: 0, existing: 11 }, round: 'existing' });

    const { data, me } = await new PnPMaturityRepository(sp, srv.siteUrl).load();
    expect(data.themes).toHaveLength(11);
    expect(data.objectives).toEqual([]);
    expect(data.rounds).toHaveLength(1);
    const r = data.rounds[0];
    expect(r).toMatchObject({ year: 2023, status: 'scoren', scaleMin: 1, scaleMax: 5 });
    expect(r.raters.map((p) => p.title)).toEqual(['Ann Janssens', 'Pieter De Smet']);
    expect(r.facilitator?.id).toBe(me.id);
    const titles = data.themes.filter((t) => r.themeIds.indexOf(t.id) >= 0).map((t) => t.title).sort();
    expect(titles).toEqual(['Doelstellingen en procesmanagement', 'Facilitaire middelen, opdrachten en contracten', 'Financieel management', 'ICT', 'Monitoring']);
    expect(data.scores).toEqual([]);
    // Improvement actions of chapters 0-2 default to the site's "Bereiken doelstellingen"; a domain the site lacks stays empty.
    const domain = data.domains.filter((d) => d.title === 'Bereiken doelstellingen')[0];
    expect(data.themes.filter((t) => t.number <= 2).map((t) => t.domainId)).toEqual([domain.id, domain.id, domain.id]);
    expect(data.themes.filter((t) => t.number === 10)[0].domainId).toBeUndefined();
  });

  it('imports objectives all or nothing: a file with one bad row writes nothing', async () => {
    const sp = createSp(srv.siteUrl);
    const bad = await importObjectives(sp, [
      { line: 2, theme: '3', code: '3.1', text: 'Eerste doelstelling (test)' },
      { line: 3, theme: 'Onbekend', code: '3.2', text: 'x' }
    ]);
    expect(bad.created).toBe(0);
    expect(bad.errors.map((e) => e.line)).toEqual([3]);
    expect((await new PnPMaturityRepository(sp, srv.siteUrl).load()).data.objectives).toEqual([]);

    const good = await importObjectives(sp, [
      { line: 2, theme: '3', code: '3.1', text: 'Eerste doelstelling (test)' },
      { line: 3, theme: 'Monitoring', code: '3.2', text: 'Tweede doelstelling (test)' }
    ]);
    expect(good.created).toBe(2);
    const again = await importObjectives(sp, [{ line: 2, theme: '3', code: '3.1', text: 'Eerste doelstelling (test)' }]);
    expect(again).toMatchObject({ created: 0, unchanged: 1, errors: [] });
  });
});

describe('scoring, consensus and closing through the repository', () => {
  let repo: PnPMaturityRepository;
  let round: IMaturityRound;

  beforeAll(async () => {
    repo = new PnPMaturityRepository(createSp(srv.siteUrl), srv.siteUrl);
    round = (await repo.load()).data.rounds[0];
  });

  it('keeps one score per rater and unit: the second save is an update on the ETag', async () => {
    const { data } = await repo.load(round.id);
    const units = unitsOfRound(round, data.themes, data.objectives);
    // Monitoring has its two objectives; the other four themes are scored as a whole.
    expect(units.map((u) => u.code)).toEqual(['1', '3.1', '3.2', '4', '9', '10']);
    const first = await repo.saveScore({ round, unit: units[1], score: 2, comment: 'eerste' });
    expect(first.etag).toBeTruthy();
    // Saving again without the stored version (another window) is refused, not duplicated.
    const dup = await errorOf(repo.saveScore({ round, unit: units[1], score: 4 }));
    expect(dup.code).toBe('conflict');
    const updated = await repo.saveScore({ round, unit: units[1], score: 4, comment: 'bijgesteld', existing: first });
    expect(updated.score).toBe(4);
    // A stale ETag is refused (412).
    const stale = await errorOf(repo.saveScore({ round, unit: units[1], score: 5, existing: first }));
    expect(stale.code).toBe('conflict');
    const mine = (await repo.load(round.id)).data.scores.filter((s) => s.roundId === round.id);
    expect(mine.map((s) => [s.score, s.comment])).toEqual([[4, 'bijgesteld']]);
  });

  it('keeps one score when two windows of the same rater save their first score at the same moment', async () => {
    const { data } = await repo.load(round.id);
    const unit = unitsOfRound(round, data.themes, data.objectives)[3];
    const other = new PnPMaturityRepository(createSp(srv.siteUrl), srv.siteUrl);
    const results = await Promise.allSettled([repo.saveScore({ round, unit, score: 2 }), other.saveScore({ round, unit, score: 3 })]);
    const kept = results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ id: number; score?: number }>[];
    const refused = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    // Both checks see no score yet, so both add; the later one sees the earlier, removes itself and says so.
    expect(kept).toHaveLength(1);
    expect(refused.map((r) => (r.reason as MaturityError).code)).toEqual(['conflict']);
    expect((refused[0].reason as MaturityError).latest).toMatchObject({ id: kept[0].value.id });
    const stored = await createSp(srv.siteUrl)
      .web.lists.getByTitle('MaturiteitScores')
      .items.filter(`RondeId eq ${round.id} and ThemaId eq ${unit.themeId}`)();
    expect(stored.map((i: { Id: number; Score: number }) => [i.Id, i.Score])).toEqual([[kept[0].value.id, kept[0].value.score]]);
    // Leave the unit unscored for the tests below.
    await createSp(srv.siteUrl).web.lists.getByTitle('MaturiteitScores').items.getById(kept[0].value.id).delete();
  });

  it('refuses a score outside the scale and a score for an objective deleted during the round', async () => {
    const { data } = await repo.load(round.id);
    const units = unitsOfRound(round, data.themes, data.objectives);
    expect((await errorOf(repo.saveScore({ round, unit: units[0], score: 6 }))).code).toBe('outOfScale');
    const sp = createSp(srv.siteUrl);
    await sp.web.lists.getByTitle('MaturiteitDoelstellingen').items.getById(units[2].objectiveId!).delete();
    expect((await errorOf(repo.saveScore({ round, unit: units[2], score: 3 }))).code).toBe('objectiveDeleted');
    const after = await repo.load(round.id);
    expect(unitsOfRound(round, after.data.themes, after.data.objectives).map((u) => u.code)).toEqual(['1', '3.1', '4', '9', '10']);
  });

  it('records consensus with an improvement action in Acties, closes the round and then refuses changes', async () => {
    let { data } = await repo.load(round.id);
    const units = unitsOfRound(round, data.themes, data.objectives);
    for (const u of units) if (u.code !== '3.1') await repo.saveScore({ round, unit: u, score: 3 });
    expect((await errorOf(repo.saveConsensus({ round, unit: units[0], score: 3 }))).code).toBe('notConsensus');
    ({ data } = await repo.load(round.id));
    expect(checkTransition(round, 'consensus', units, data.scores, data.consensus).problems).toEqual([]);
    round = await moveRound(repo, round, 'consensus');

    const c = await repo.saveConsensus({ round, unit: units[1], score: 3, comment: 'akkoord' });
    const domain = data.domains[0];
    const withAction = await repo.createImprovementAction(round, units[1], c, 'Monitoringplan opstellen', domain.id);
    expect(withAction.actions.map((a) => a.title)).toEqual(['Monitoringplan opstellen']);
    const sp = createSp(srv.siteUrl);
    const action = await sp.web.lists.getByTitle('Acties').items.getById(withAction.actions[0].id).select('Title', 'ActieStatus', 'JaarGepland', 'DomeinenId', 'Beschrijving')();
    expect(action).toMatchObject({ ActieStatus: 'Gepland', JaarGepland: 2023, DomeinenId: [domain.id] });
    expect(action.Beschrijving).toContain('3.1');

    ({ data } = await repo.load(round.id));
    expect(checkTransition(round, 'afgesloten', units, data.scores, data.consensus).problems).toEqual(['consensusMissing']);
    for (const u of units) if (u.code !== '3.1') await repo.saveConsensus({ round, unit: u, score: 2 });
    ({ data } = await repo.load(round.id));
    expect(checkTransition(round, 'afgesloten', units, data.scores, data.consensus).problems).toEqual([]);

    // A bundle: two objectives → one action with owner, deadline and priority, linked from both consensus items.
    const me = await repo.getCurrentUser();
    const [bundle] = await createBundledActions(repo, round, data, [{ title: 'Monitoring en ICT samen', unitKeys: [units[1].key, units[4].key], domainId: domain.id, priority: 'hoog', ownerId: me.id, deadline: '2025-06-30' }]);
    expect(bundle.error).toBeUndefined();
    const bundled = await sp.web.lists.getByTitle('Acties').items.getById((bundle.linked || [])[0].actions.slice(-1)[0].id).select('Title', 'EigenaarId', 'Deadline', 'Beschrijving', 'DomeinenId')();
    expect(bundled).toMatchObject({ Title: 'Monitoring en ICT samen', EigenaarId: me.id, DomeinenId: [domain.id] });
    expect(String(bundled.Deadline)).toMatch(/^2025-06-30/);
    expect(bundled.Beschrijving).toContain('prioriteit: hoog');
    ({ data } = await repo.load(round.id));
    expect(data.consensus.filter((x) => x.actions.some((a) => a.title === 'Monitoring en ICT samen')).map((x) => x.themeId)).toHaveLength(2);
    // Consensus of another round in a bundle is refused by the repository (SharePoint cannot check it).
    const foreign = { ...data.consensus[0], roundId: round.id + 100 };
    expect((await errorOf(repo.createBundledAction(round, { title: 'x', units: [units[0]], consensus: [foreign], domainId: domain.id, priority: 'laag' }))).code).toBe('otherRound');

    round = await moveRound(repo, round, 'afgesloten');
    const frozen = data.consensus.filter((x) => x.objectiveId === units[1].objectiveId)[0];
    expect((await errorOf(repo.saveConsensus({ round: { ...round, status: 'consensus' }, unit: units[1], score: 5, existing: frozen }))).code).toBe('frozen');
    expect((await errorOf(moveRound(repo, round, 'scoren'))).code).toBe('frozen');

    // The council report reads the consensus through the data access every host gets.
    const results = await createDataAccess(createSp(srv.siteUrl), srv.siteUrl, 'test').maturity.loadResults();
    expect(results.rounds[0].status).toBe('afgesloten');
    expect(results.consensus).toHaveLength(units.length);
  });
});
