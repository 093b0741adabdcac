import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/security';
import '@pnp/sp/site-users/web';
import { PermissionKind } from '@pnp/sp/security';
import { IItems } from '@pnp/sp/items';
import { IList } from '@pnp/sp/lists';
import {
  backStatus, checkScore, firstPerUnit, isFrozen, IConsensus, IMaturityData, IMaturityResultsData, IMaturityRound, IMaturityScore, IScoringUnit, isFacilitator, isRater, RoundStatus, visibleScores, othersVisible,
  splitConsensusBreaches, splitScoreBreaches
} from '../model/maturity';
import { IPerson } from '../model/types';
import { IPermissions } from './IOrgRepository';
import { IBundleInput, IConsensusInput, IMaturityRepository, IMaturityScreen, IScoreInput, MaturityError } from './IMaturityRepository';
import { ListItem } from './mapping';
import { shortTitle, toConsensus, toObjective, toRound, toScore, toTheme } from './maturityMapping';
import { IItemQuery, ITEM_QUERIES } from './queries';
import { listOf } from './lists';
import { pageOnById, PAGE_SIZE } from './paging';
import { httpStatusOf } from './errors';
import { BatchedRead, batchedReads } from './batchRetry';
import { syncRaterAccess } from './maturityAccess';

/** SharePoint refused (403): the rules on the lists, not a fault. Other errors pass unchanged. */
function refusal(e: unknown, what: string): unknown {
  if (httpStatusOf(e) !== 403) return e;
  return new MaturityError('denied', `Geen toestemming: SharePoint weigerde ${what} (403).`);
}

/**
 * The maturity lists through PnPjs. Reads page by ID (and filter only on indexed columns:
 * Ronde, Beoordelaar), so they keep working past the 5,000 item threshold. While a round is
 * being scored, other raters' values are never read: only who scored what.
 */
export class PnPMaturityRepository implements IMaturityRepository {
  public readonly siteUrl: string;
  private readonly _sp: SPFI;
  private _me: Promise<IPerson> | undefined;

  public constructor(sp: SPFI, siteUrl: string) {
    this._sp = sp;
    this.siteUrl = siteUrl.replace(/\/+$/, '');
  }

  private _items(q: IItemQuery, sp: SPFI = this._sp, filter?: string): IItems {
    let items = listOf(sp, q.list).items.select(...q.select).top(PAGE_SIZE);
    if (q.expand.length) items = items.expand(...q.expand);
    if (filter) items = items.filter(filter);
    return items;
  }

  /** The rest of a list after a full first page (same filter), by ID. */
  private async _rest(q: IItemQuery, first: ListItem[], filter?: string): Promise<ListItem[]> {
    return pageOnById(first, (lastId) => this._items(q, this._sp, filter).skip(lastId)());
  }

  public getCurrentUser(): Promise<IPerson> {
    if (!this._me) {
      this._me = this._sp.web.currentUser
        .select('Id', 'Title', 'Email')()
        .then((u: ListItem) => ({ id: u.Id as number, title: (u.Title as string) || '', email: (u.Email as string) || undefined }));
      this._me.catch(() => (this._me = undefined));
    }
    return this._me;
  }

  public async getPermissions(): Promise<IPermissions> {
    const [queue, execute] = batchedReads(this._sp);
    const web = queue((b) => b.web.getCurrentUserEffectivePermissions());
    // Who may prepare and move rounds: edit rights on MaturiteitRondes (the facilitators and the site owners).
    const list = queue((b) => listOf(b, 'maturityRounds').getCurrentUserEffectivePermissions());
    await execute();
    const [webPerms, listPerms] = await Promise.all([web, list]);
    return {
      canEdit: this._sp.web.hasPermissions(listPerms, PermissionKind.EditListItems),
      canManageLists: this._sp.web.hasPermissions(webPerms, PermissionKind.ManageLists),
      // Finalising the council report is a Rapporten permission, not a maturity one.
      canFinalise: false
    };
  }

  public async load(roundId?: number): Promise<IMaturityScreen> {
    const me = await this.getCurrentUser();
    const mine = `BeoordelaarId eq ${me.id}`;
    const [queue, execute] = batchedReads(this._sp);
    const plan: { q: IItemQuery; filter?: string }[] = [
      { q: ITEM_QUERIES.maturityThemes },
      { q: ITEM_QUERIES.maturityObjectives },
      { q: ITEM_QUERIES.maturityRounds },
      { q: ITEM_QUERIES.maturityConsensus },
      { q: ITEM_QUERIES.maturityDomains },
      { q: ITEM_QUERIES.maturityScoresMeta },
      { q: ITEM_QUERIES.maturityScores, filter: mine }
    ];
    const pending = plan.map((p) => queue((b) => this._items(p.q, b, p.filter)() as Promise<ListItem[]>));
    const scorePerms = queue((b) => listOf(b, 'maturityScores').getCurrentUserEffectivePermissions());
    await execute();
    const firsts = await Promise.all(pending);
    const perms = await scorePerms;
    // Item-level read security: only these users see every rater's items (FIDELITY K-02).
    const seesAllScores = this._sp.web.hasPermissions(perms, PermissionKind.CancelCheckout) || this._sp.web.hasPermissions(perms, PermissionKind.ManageLists);
    const all = await Promise.all(firsts.map((first, i) => this._rest(plan[i].q, first, plan[i].filter)));
    const rounds = all[2].map(toRound);
    const own: Record<number, IMaturityScore> = {};
    for (const s of all[6].map(toScore)) own[s.id] = s;
    let scores = all[5].map(toScore).map((s) => own[s.id] || s);
    let valuesOf: number | undefined;
    const shown = roundId === undefined ? undefined : rounds.filter((r) => r.id === roundId)[0];
    if (shown && othersVisible(shown.status)) {
      const filter = `RondeId eq ${shown.id}`;
      const first = await this._items(ITEM_QUERIES.maturityScores, this._sp, filter)();
      const values = (await this._rest(ITEM_QUERIES.maturityScores, first, filter)).map(toScore);
      scores = scores.filter((s) => s.roundId !== shown.id).concat(values);
      valuesOf = shown.id;
    }
    // What SharePoint cannot refuse, the app ignores and shows the facilitator: scores in someone else's name or
    // changed by someone else, consensus not by the round's facilitator.
    const checkedScores = splitScoreBreaches(scores);
    const checkedConsensus = splitConsensusBreaches(all[3].map(toConsensus), rounds);
    // The visibility rule once more over everything read, per round.
    const byRound: Record<number, IMaturityRound> = {};
    for (const r of rounds) byRound[r.id] = r;
    scores = firstPerUnit(checkedScores.trusted.map((s) => (byRound[s.roundId] ? visibleScores(byRound[s.roundId], [s], me.id)[0] : s)));
    const data: IMaturityData = {
      themes: all[0].map(toTheme),
      objectives: all[1].map(toObjective),
      rounds,
      consensus: firstPerUnit(checkedConsensus.trusted),
      breaches: checkedScores.breaches.concat(checkedConsensus.breaches),
      domains: all[4].filter((d) => d.Actief !== false).sort((a, b) => (a.Volgorde || 0) - (b.Volgorde || 0)).map((d) => ({ id: d.Id as number, title: (d.Title as string) || '' })),
      scores
    };
    return { data, me, valuesOf, seesAllScores };
  }

  /** Themes, objectives, rounds and consensus (no individual scores): the council report. One $batch. */
  public async loadResults(): Promise<IMaturityResultsData> {
    const [queue, execute] = batchedReads(this._sp);
    const plan = [ITEM_QUERIES.maturityThemes, ITEM_QUERIES.maturityObjectives, ITEM_QUERIES.maturityRounds, ITEM_QUERIES.maturityConsensus];
    const pending = plan.map((q) => queue((b) => this._items(q, b)() as Promise<ListItem[]>));
    await execute();
    const firsts = await Promise.all(pending);
    const all = await Promise.all(firsts.map((first, i) => this._rest(plan[i], first)));
    const rounds = all[2].map(toRound);
    const consensus = firstPerUnit(splitConsensusBreaches(all[3].map(toConsensus), rounds).trusted);
    return { themes: all[0].map(toTheme), objectives: all[1].map(toObjective), rounds, consensus };
  }

  /** Queues the round's stored status and whether the unit's objective still exists (404: deleted). */
  private _queueRoundState(queue: BatchedRead, round: IMaturityRound, unit: IScoringUnit): { status: Promise<ListItem>; objective: Promise<boolean> } {
    const status = queue((b) => listOf(b, 'maturityRounds').items.getById(round.id).select(...ITEM_QUERIES.maturityRoundStatus.select)() as Promise<ListItem>);
    const objectiveId = unit.objectiveId;
    const objective =
      objectiveId === undefined
        ? Promise.resolve(true)
        : queue((b) => listOf(b, 'maturityObjectives').items.getById(objectiveId).select(...ITEM_QUERIES.maturityObjectives.select)() as Promise<ListItem>).then(
            () => true,
            (e) => {
              if (httpStatusOf(e) === 404) return false;
              throw e;
            }
          );
    return { status, objective };
  }

  /** Round status as stored now, whether the objective still exists, and my stored scores of the round: one $batch. */
  private async _check(round: IMaturityRound, unit: IScoringUnit, meId: number): Promise<{ status: string; objectiveExists: boolean; mine: IMaturityScore[] }> {
    const [queue, execute] = batchedReads(this._sp);
    const { status, objective } = this._queueRoundState(queue, round, unit);
    const mine = queue((b) => this._items(ITEM_QUERIES.maturityScores, b, `RondeId eq ${round.id} and BeoordelaarId eq ${meId}`)() as Promise<ListItem[]>);
    await execute();
    const [s, o, m] = await Promise.all([status, objective, mine]);
    // Only my own items count as mine (an item in my name by someone else is ignored, see splitScoreBreaches).
    return { status: (s as ListItem).RondeStatus as string, objectiveExists: o, mine: splitScoreBreaches((m as ListItem[]).map(toScore)).trusted };
  }

  /**
   * After an add: the item of the same unit with a lower id, if another window added one at the same moment. The added
   * item then removes itself (the earlier one counts everywhere, see firstPerUnit) and the caller reports a conflict.
   */
  private async _earlierOf<T extends { id: number; roundId: number; themeId?: number; objectiveId?: number }>(
    list: IList,
    addedId: number,
    filter: string,
    q: IItemQuery,
    map: (i: ListItem) => T,
    unit: IScoringUnit
  ): Promise<T | undefined> {
    const first = await this._items(q, this._sp, filter)();
    const same = (await this._rest(q, first, filter)).map(map).filter((x) => x.themeId === unit.themeId && x.objectiveId === unit.objectiveId);
    const earlier = same.filter((x) => x.id < addedId).sort((a, b) => a.id - b.id)[0];
    // Best effort: left behind (no delete right), it still counts nowhere.
    if (earlier) await list.items.getById(addedId).delete().catch(() => undefined);
    return earlier;
  }

  public async saveScore(input: IScoreInput): Promise<IMaturityScore> {
    const { round, unit } = input;
    if (checkScore(input.score, round)) {
      throw new MaturityError('outOfScale', `Score ${input.score} ligt buiten de schaal ${round.scaleMin}-${round.scaleMax}.`);
    }
    const me = await this.getCurrentUser();
    if (!isRater(round, me.id)) throw new MaturityError('notRater', 'U bent geen beoordelaar in deze ronde.');
    const check = await this._check(round, unit, me.id);
    if (check.status === 'afgesloten') throw new MaturityError('frozen', 'De ronde is afgesloten.');
    if (check.status !== 'scoren') throw new MaturityError('notScoring', 'De ronde is niet (meer) in de fase scoren.');
    if (!check.objectiveExists) throw new MaturityError('objectiveDeleted', 'De doelstelling werd intussen verwijderd.');
    const stored = firstPerUnit(check.mine).filter((s) => s.themeId === unit.themeId && s.objectiveId === unit.objectiveId)[0];
    const body = { Score: input.score, Opmerking: input.comment || null };
    const list = listOf(this._sp, 'maturityScores');
    if (stored) {
      // One score per rater and unit: the second is an update, on the ETag the rater saw.
      if (!input.existing || input.existing.id !== stored.id) {
        throw new MaturityError('conflict', 'U had deze doelstelling al gescoord (in een ander venster?).', stored);
      }
      try {
        const res: { etag?: string } = await list.items.getById(stored.id).update(body, input.existing.etag || '*');
        return { ...stored, score: input.score, comment: input.comment || undefined, etag: res && res.etag ? res.etag : stored.etag };
      } catch (e) {
        if (httpStatusOf(e) === 412) throw new MaturityError('conflict', 'Deze score werd intussen gewijzigd.', stored);
        throw refusal(e, 'deze score');
      }
    }
    const added = await addUnitItem(list, round, unit, me.title, { BeoordelaarId: me.id, ...body }).catch((e) => {
      throw refusal(e, 'deze score');
    });
    const earlier = await this._earlierOf(list, added.id, `RondeId eq ${round.id} and BeoordelaarId eq ${me.id}`, ITEM_QUERIES.maturityScores, toScore, unit);
    if (earlier) throw new MaturityError('conflict', 'U had deze doelstelling al gescoord (in een ander venster?).', earlier);
    return {
      ...added,
      raterId: me.id,
      raterName: me.title,
      score: input.score,
      comment: input.comment || undefined
    };
  }

  private async _consensusCheck(round: IMaturityRound, unit: IScoringUnit): Promise<{ status: string; objectiveExists: boolean; stored: IConsensus | undefined }> {
    const [queue, execute] = batchedReads(this._sp);
    const { status, objective } = this._queueRoundState(queue, round, unit);
    const stored = queue((b) => this._items(ITEM_QUERIES.maturityConsensus, b, `RondeId eq ${round.id}`)() as Promise<ListItem[]>);
    await execute();
    const [s, o, c] = await Promise.all([status, objective, stored]);
    const found = firstPerUnit(splitConsensusBreaches((c as ListItem[]).map(toConsensus), [round]).trusted).filter((x) => x.themeId === unit.themeId && x.objectiveId === unit.objectiveId)[0];
    return { status: (s as ListItem).RondeStatus as string, objectiveExists: o, stored: found };
  }

  public async saveConsensus(input: IConsensusInput): Promise<IConsensus> {
    const { round, unit } = input;
    if (checkScore(input.score, round)) {
      throw new MaturityError('outOfScale', `Score ${input.score} ligt buiten de schaal ${round.scaleMin}-${round.scaleMax}.`);
    }
    const [me, perms] = await Promise.all([this.getCurrentUser(), this.getPermissions()]);
    if (!isFacilitator(round, me.id, perms.canEdit)) throw new MaturityError('notFacilitator', 'Alleen de facilitator legt de consensus vast.');
    const check = await this._consensusCheck(round, unit);
    if (check.status === 'afgesloten') throw new MaturityError('frozen', 'De ronde is afgesloten.');
    if (check.status !== 'consensus') throw new MaturityError('notConsensus', 'De ronde is niet in de fase consensus.');
    if (!check.objectiveExists) throw new MaturityError('objectiveDeleted', 'De doelstelling werd intussen verwijderd.');
    const list = listOf(this._sp, 'maturityConsensus');
    const body = { Score: input.score, Opmerking: input.comment || null };
    if (check.stored) {
      if (!input.existing || input.existing.id !== check.stored.id) throw new MaturityError('conflict', 'Er werd intussen al een consensus vastgelegd.', check.stored);
      try {
        const res: { etag?: string } = await list.items.getById(check.stored.id).update(body, input.existing.etag || '*');
        return { ...check.stored, score: input.score, comment: input.comment || undefined, etag: res && res.etag ? res.etag : check.stored.etag };
      } catch (e) {
        if (httpStatusOf(e) === 412) throw new MaturityError('conflict', 'De consensus werd intussen gewijzigd.', check.stored);
        throw refusal(e, 'deze consensus');
      }
    }
    const added = await addUnitItem(list, round, unit, 'consensus', body).catch((e) => {
      throw refusal(e, 'deze consensus');
    });
    const earlier = await this._earlierOf(list, added.id, `RondeId eq ${round.id}`, ITEM_QUERIES.maturityConsensus, toConsensus, unit);
    if (earlier) throw new MaturityError('conflict', 'Er werd intussen al een consensus vastgelegd.', earlier);
    return { ...added, score: input.score, comment: input.comment || undefined, actions: [] };
  }

  public async createImprovementAction(round: IMaturityRound, unit: IScoringUnit, consensus: IConsensus, title: string, domainId: number): Promise<IConsensus> {
    const check = await this._consensusCheck(round, unit);
    if (check.status === 'afgesloten') throw new MaturityError('frozen', 'De ronde is afgesloten.');
    if (!check.stored || check.stored.id !== consensus.id) throw new MaturityError('noConsensus', 'Leg eerst de consensusscore vast.');
    if (consensus.etag && check.stored.etag && consensus.etag !== check.stored.etag) {
      throw new MaturityError('conflict', 'De consensus werd intussen gewijzigd.', check.stored);
    }
    const description = `Verbeteractie uit ${round.title}: ${unit.code} ${unit.text}`;
    const added: ListItem = await listOf(this._sp, 'actions')
      .items.add({
        Title: shortTitle(title),
        DomeinenId: [domainId],
        Beschrijving: description,
        ActieStatus: 'Gepland',
        JaarGepland: round.year ?? null
      })
      .catch((e) => {
        throw refusal(e, 'een nieuwe actie in Acties');
      });
    const item = (added && added.data) || added;
    const actionId = (item.Id ?? item.ID) as number;
    const actions = check.stored.actions.concat([{ id: actionId, title: shortTitle(title) }]);
    try {
      const res: { etag?: string } = await listOf(this._sp, 'maturityConsensus')
        .items.getById(consensus.id)
        .update({ ActiesId: actions.map((a) => a.id) }, check.stored.etag || '*');
      return { ...check.stored, actions, etag: res && res.etag ? res.etag : check.stored.etag };
    } catch (e) {
      if (httpStatusOf(e) === 412) throw new MaturityError('conflict', 'De consensus werd intussen gewijzigd; de actie werd aangemaakt maar niet gekoppeld.', check.stored);
      throw refusal(e, 'het koppelen van de verbeteractie');
    }
  }

  /** The round's stored status and its consensus items (trusted, one per unit): one $batch. */
  private async _roundConsensus(round: IMaturityRound): Promise<{ status: string; stored: IConsensus[] }> {
    const [queue, execute] = batchedReads(this._sp);
    const status = queue((b) => listOf(b, 'maturityRounds').items.getById(round.id).select(...ITEM_QUERIES.maturityRoundStatus.select)() as Promise<ListItem>);
    const items = queue((b) => this._items(ITEM_QUERIES.maturityConsensus, b, `RondeId eq ${round.id}`)() as Promise<ListItem[]>);
    await execute();
    const [s, c] = await Promise.all([status, items]);
    return { status: (s as ListItem).RondeStatus as string, stored: firstPerUnit(splitConsensusBreaches((c as ListItem[]).map(toConsensus), [round]).trusted) };
  }

  public async createBundledAction(round: IMaturityRound, input: IBundleInput): Promise<IConsensus[]> {
    const [me, perms] = await Promise.all([this.getCurrentUser(), this.getPermissions()]);
    if (!isFacilitator(round, me.id, perms.canEdit)) throw new MaturityError('notFacilitator', 'Alleen de facilitator maakt verbeteracties uit de consensus.');
    if (input.consensus.some((c) => c.roundId !== round.id)) throw new MaturityError('otherRound', 'Een bundel bevat alleen doelstellingen van deze ronde.');
    const check = await this._roundConsensus(round);
    if (check.status === 'afgesloten') throw new MaturityError('frozen', 'De ronde is afgesloten.');
    const stored = input.consensus.map((c) => check.stored.filter((x) => x.id === c.id)[0]);
    if (stored.some((c) => !c)) throw new MaturityError('otherRound', 'Een bundel bevat alleen doelstellingen van deze ronde met een consensus.');
    const lines = input.units.map((u) => `${u.code} ${u.text}`);
    const added: ListItem = await listOf(this._sp, 'actions')
      .items.add({
        Title: shortTitle(input.title),
        DomeinenId: [input.domainId],
        Beschrijving: `Verbeteractie uit ${round.title} (prioriteit: ${input.priority}): ${lines.join('; ')}`,
        ActieStatus: 'Gepland',
        JaarGepland: round.year ?? null,
        EigenaarId: input.ownerId ?? null,
        Deadline: input.deadline ? `${input.deadline}T00:00:00Z` : null
      })
      .catch((e) => {
        throw refusal(e, 'een nieuwe actie in Acties');
      });
    const item = (added && added.data) || added;
    const action = { id: (item.Id ?? item.ID) as number, title: shortTitle(input.title) };
    const out: IConsensus[] = [];
    for (const c of stored) {
      const actions = c.actions.concat([action]);
      try {
        const res: { etag?: string } = await listOf(this._sp, 'maturityConsensus').items.getById(c.id).update({ ActiesId: actions.map((a) => a.id) }, c.etag || '*');
        out.push({ ...c, actions, etag: res && res.etag ? res.etag : c.etag });
      } catch (e) {
        if (httpStatusOf(e) === 412) throw new MaturityError('conflict', 'De consensus werd intussen gewijzigd; de actie werd aangemaakt maar niet overal gekoppeld.', c);
        throw refusal(e, 'het koppelen van de verbeteractie');
      }
    }
    return out;
  }

  public async setRoundStatus(round: IMaturityRound, to: RoundStatus): Promise<IMaturityRound> {
    if (isFrozen(round)) throw new MaturityError('frozen', 'De ronde is afgesloten.');
    const [me, perms] = await Promise.all([this.getCurrentUser(), this.getPermissions()]);
    if (!isFacilitator(round, me.id, perms.canEdit)) throw new MaturityError('statusNotFacilitator', 'Alleen de facilitator van de ronde wijzigt de status.');
    if (backStatus(round.status) === to) {
      // Back to scoring only while nothing of the consensus was recorded (read now, not as on screen).
      const first = await this._items(ITEM_QUERIES.maturityConsensus, this._sp, `RondeId eq ${round.id}`)();
      if ((first as ListItem[]).length) throw new MaturityError('consensusExists', 'Er is al een consensus vastgelegd: de ronde kan niet terug naar scoren.');
    }
    try {
      const res: { etag?: string } = await listOf(this._sp, 'maturityRounds').items.getById(round.id).update({ RondeStatus: to }, round.etag || '*');
      return { ...round, status: to, etag: res && res.etag ? res.etag : round.etag };
    } catch (e) {
      if (httpStatusOf(e) === 412) throw new MaturityError('conflict', 'De ronde werd intussen gewijzigd.', round);
      throw refusal(e, 'deze statuswijziging');
    }
  }

  public async syncRaterAccess(round: IMaturityRound): Promise<void> {
    try {
      await syncRaterAccess(this._sp);
    } catch (e) {
      throw new MaturityError(
        'raterAccess',
        `De status is gewijzigd, maar de schrijfrechten van de beoordelaars konden niet worden aangepast (HTTP ${httpStatusOf(e) ?? '?'}). Vraag een site-eigenaar om 'Lijsten controleren'.`,
        round
      );
    }
  }
}

/** Adds a score or consensus item of a round and unit; its id, keys and ETag as stored. */
async function addUnitItem(
  list: IList,
  round: IMaturityRound,
  unit: IScoringUnit,
  who: string,
  fields: ListItem
): Promise<{ id: number; roundId: number; themeId: number; objectiveId: number | undefined; etag: string | undefined }> {
  const added: ListItem = await list.items.add({
    Title: shortTitle(`${round.year ?? ''} · ${unit.code} · ${who}`.replace(/^ · /, '')),
    RondeId: round.id,
    ThemaId: unit.themeId,
    DoelstellingId: unit.objectiveId ?? null,
    ...fields
  });
  const item = (added && added.data) || added;
  return {
    id: (item.Id ?? item.ID) as number,
    roundId: round.id,
    themeId: unit.themeId,
    objectiveId: unit.objectiveId,
    etag: typeof item['odata.etag'] === 'string' ? item['odata.etag'] : undefined
  };
}
