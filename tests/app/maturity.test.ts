import { changeRoundStatus, moveRound } from '../../src/app/maturity/roundStatus';
import { saveScores, IScoreDraft } from '../../src/app/maturity/scores';
import { recordConsensus } from '../../src/app/maturity/consensus';
import { createBundledActions, createImprovementAction, defaultDomain } from '../../src/app/maturity/improvementAction';
import { IMaturityData, IMaturityRound, unitsOfRound } from '../../src/model/maturity';
import { FakeMaturityRepository } from '../helpers/fakeMaturityRepository';
import { ANN, PIETER, fixtureBase } from '../helpers/maturityFixture';

function data(status: IMaturityRound['status'] = 'scoren'): IMaturityData {
  return {
    ...fixtureBase(),
    rounds: [{ id: 2, title: 'Ronde 2023', year: 2023, themeIds: [1, 3], status, scaleMin: 1, scaleMax: 5, levelLabels: [], raters: [ANN, PIETER], facilitator: PIETER }],
    consensus: [],
    scores: [{ id: 500, roundId: 2, themeId: 3, objectiveId: 31, raterId: 7, raterName: 'Ann Janssens', score: 2, etag: '"1"' }]
  };
}

describe('use case: change a round\'s status', () => {
  it('moves the round, syncs the raters\' access when it leaves or enters "scoren", and reads it again', async () => {
    const repo = new FakeMaturityRepository(data(), PIETER);
    const change = await changeRoundStatus(repo, repo.data, repo.data.rounds[0], 'consensus');
    expect(change.kind).toBe('changed');
    expect(repo.data.rounds[0].status).toBe('consensus');
    expect(repo.synced).toEqual([2]);
    // Back while no consensus exists: the raters get their access back.
    const back = await changeRoundStatus(repo, repo.data, repo.data.rounds[0], 'scoren');
    expect(back.kind).toBe('changed');
    expect(repo.synced).toEqual([2, 2]);
  });

  it('does not sync access for a change that does not touch "scoren" (consensus → afgesloten)', async () => {
    const d = data('consensus');
    for (const u of unitsOfRound(d.rounds[0], d.themes, d.objectives)) d.consensus.push({ id: 90 + u.themeId + (u.objectiveId || 0), roundId: 2, themeId: u.themeId, objectiveId: u.objectiveId, score: 3, actions: [] });
    const repo = new FakeMaturityRepository(d, PIETER);
    expect((await changeRoundStatus(repo, repo.data, repo.data.rounds[0], 'afgesloten')).kind).toBe('changed');
    expect(repo.synced).toEqual([]);
  });

  it('writes nothing when the change is not allowed: back to scoring once a consensus exists, closing without consensus', async () => {
    const d = data('consensus');
    d.consensus.push({ id: 90, roundId: 2, themeId: 1, score: 3, actions: [] });
    const repo = new FakeMaturityRepository(d, PIETER);
    const back = await changeRoundStatus(repo, repo.data, repo.data.rounds[0], 'scoren');
    expect(back).toMatchObject({ kind: 'blocked', problems: ['consensusExists'] });
    const close = await changeRoundStatus(repo, repo.data, repo.data.rounds[0], 'afgesloten');
    expect(close.kind === 'blocked' && close.missing.map((u) => u.code)).toEqual(['3.1', '3.2']);
    expect(repo.data.rounds[0].status).toBe('consensus');
    // The repository refuses it too (as SharePoint is asked again), whatever the screen showed.
    await expect(moveRound(repo, { ...repo.data.rounds[0] }, 'scoren')).rejects.toMatchObject({ code: 'consensusExists' });
  });

  it('reports a status that changed but could not be read again, and a sync SharePoint refused', async () => {
    const repo = new FakeMaturityRepository(data(), PIETER);
    repo.failLoad = new TypeError('Failed to fetch');
    const change = await changeRoundStatus(repo, data(), data().rounds[0], 'consensus');
    expect(change.kind).toBe('changedUnread');
    const repo2 = new FakeMaturityRepository(data(), PIETER);
    repo2.failSync = true;
    await expect(changeRoundStatus(repo2, repo2.data, repo2.data.rounds[0], 'consensus')).rejects.toMatchObject({ code: 'raterAccess' });
    expect(repo2.data.rounds[0].status).toBe('consensus');
  });
});

describe('use case: save a rater\'s scores', () => {
  it('saves every changed draft at once, skips unchanged ones, and reports a conflict per unit without stopping the others', async () => {
    const repo = new FakeMaturityRepository(data(), ANN);
    const round = repo.data.rounds[0];
    const units = unitsOfRound(round, repo.data.themes, repo.data.objectives);
    const stored = { ...repo.data.scores[0] };
    const drafts: IScoreDraft[] = [
      { unit: units[0], score: 4, comment: 'thema' },
      { unit: units[1], score: 2, comment: '', stored },
      { unit: units[2], score: 5, comment: ' ok ' }
    ];
    const first = await saveScores(repo, round, drafts);
    expect(first.saved.map((s) => s.score)).toEqual([4, 5]);
    expect(first.failed).toEqual([]);
    expect(repo.data.scores.filter((s) => s.objectiveId === 32)[0].comment).toBe('ok');
    // Someone changed 3.1 in another window: that one conflicts, the other is still saved.
    repo.data.scores[0].etag = '"9"';
    const second = await saveScores(repo, round, [
      { unit: units[1], score: 3, comment: '', stored },
      { unit: units[0], score: 1, comment: 'thema', stored: first.saved[0] }
    ]);
    expect(second.saved.map((s) => s.score)).toEqual([1]);
    expect(second.failed.map((f) => [f.unit.code, (f.error as { code: string }).code])).toEqual([['3.1', 'conflict']]);
  });
});

describe('use case: improvement action from a consensus', () => {
  it("creates it in the theme's domain by default and returns the link to the new item", async () => {
    const repo = new FakeMaturityRepository(data('consensus'), PIETER);
    const round = repo.data.rounds[0];
    const unit = unitsOfRound(round, repo.data.themes, repo.data.objectives)[1];
    const consensus = await repo.saveConsensus({ round, unit, score: 2 });
    const domainId = defaultDomain(repo.data.themes[1], repo.data.domains);
    expect(domainId).toBe(2);
    const created = await createImprovementAction(repo, { round, unit, consensus, title: ' Monitoringplan ', domainId });
    expect(repo.actionsCreated).toEqual([{ title: 'Monitoringplan', domainId: 2 }]);
    expect(created.url).toBe(`${repo.siteUrl}/Lists/Acties/DispForm.aspx?ID=${created.action.id}`);
    await expect(createImprovementAction(repo, { round, unit, consensus: undefined, title: 'x', domainId })).rejects.toMatchObject({ code: 'noConsensus' });
    await expect(createImprovementAction(repo, { round, unit, consensus, title: '  ', domainId })).rejects.toMatchObject({ code: 'actionInput' });
  });
});

describe('use case: bundled improvement actions', () => {
  it('creates one action per bundle (highest priority first) linked from each objective; refuses a bundle with an objective of another round', async () => {
    const d = data('consensus');
    d.consensus.push(
      { id: 91, roundId: 2, themeId: 3, objectiveId: 31, score: 2, actions: [] },
      { id: 92, roundId: 2, themeId: 3, objectiveId: 32, score: 2, actions: [] },
      { id: 93, roundId: 1, themeId: 3, objectiveId: 33, score: 1, actions: [] }
    );
    const repo = new FakeMaturityRepository(d, PIETER);
    const round = repo.data.rounds[0];
    const out = await createBundledActions(repo, round, repo.data, [
      { title: 'Later', unitKeys: ['o:32'], domainId: 1, priority: 'laag' },
      { title: 'Monitoring op orde', unitKeys: ['o:31', 'o:32'], domainId: 2, priority: 'hoog', ownerId: 7, deadline: '2025-06-30' },
      { title: 'Vreemd', unitKeys: ['o:31', 'o:33'], domainId: 2, priority: 'hoog' }
    ]);
    expect(out.map((o) => [o.bundle.title, o.error ? (o.error as { code: string }).code : 'ok'])).toEqual([
      ['Monitoring op orde', 'ok'],
      ['Vreemd', 'otherRound'],
      ['Later', 'ok']
    ]);
    expect(repo.bundlesCreated.map((b) => [b.title, b.units.map((u) => u.code), b.ownerId, b.deadline])).toEqual([
      ['Monitoring op orde', ['3.1', '3.2'], 7, '2025-06-30'],
      ['Later', ['3.2'], undefined, undefined]
    ]);
    expect(repo.data.consensus.filter((c) => c.id === 92)[0].actions.map((a) => a.title)).toEqual(['Monitoring op orde', 'Later']);
  });
});

describe('use case: record a consensus', () => {
  it('records it in the consensus stage, and refuses without a level, off the scale, or outside that stage without a request', async () => {
    const repo = new FakeMaturityRepository(data('consensus'), PIETER);
    const round = repo.data.rounds[0];
    const unit = unitsOfRound(round, repo.data.themes, repo.data.objectives)[0];
    const c = await recordConsensus(repo, { round, unit, score: 3, comment: ' akkoord ' });
    expect(c).toMatchObject({ score: 3, comment: 'akkoord' });
    await expect(recordConsensus(repo, { round, unit, score: undefined, comment: '' })).rejects.toMatchObject({ code: 'outOfScale' });
    await expect(recordConsensus(repo, { round, unit, score: 6, comment: '' })).rejects.toMatchObject({ code: 'outOfScale' });
    await expect(recordConsensus(repo, { round: { ...round, status: 'scoren' }, unit, score: 3, comment: '' })).rejects.toMatchObject({ code: 'notConsensus' });
    expect(repo.data.consensus).toHaveLength(1);
  });
});
