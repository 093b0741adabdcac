import { IBundleInput, IConsensusInput, IMaturityRepository, IMaturityScreen, IScoreInput, MaturityError } from '../../src/data/IMaturityRepository';
import { IPermissions } from '../../src/data/IOrgRepository';
import {
  backStatus, checkScore, IConsensus, isFacilitator, IMaturityData, IMaturityResultsData, IMaturityRound, IMaturityScore, IScoringUnit, RoundStatus, visibleScores
} from '../../src/model/maturity';
import { IPerson } from '../../src/model/types';

/**
 * In-memory maturity lists for component tests: the same rules as the PnPjs repository
 * (others' values hidden while scoring, one score per rater and unit on ETags, frozen rounds).
 */
export class FakeMaturityRepository implements IMaturityRepository {
  public readonly siteUrl: string = 'https://contoso.sharepoint.com/sites/organisatiebeheersing';
  public data: IMaturityData;
  public me: IPerson;
  public perms: IPermissions;
  public failLoad: Error | undefined;
  /** When set, every load waits for it: a slow network between a change and the reread. */
  public holdLoads: Promise<void> | undefined;
  public actionsCreated: { title: string; domainId: number }[] = [];
  /** As SharePoint's item-level read security does for a rater: only the user's own scores are read. */
  public ownScoresOnly: boolean = false;
  /** When set, a score is refused as SharePoint refuses it without write access (the repository's 'denied'). */
  public denyScores: boolean = false;
  private _next: number = 1000;
  private _etag: number = 1;

  public constructor(data: IMaturityData, me: IPerson, perms: IPermissions = { canEdit: true, canManageLists: false, canFinalise: false }) {
    this.data = data;
    this.me = me;
    this.perms = perms;
  }

  public getCurrentUser(): Promise<IPerson> {
    return Promise.resolve(this.me);
  }

  public getPermissions(): Promise<IPermissions> {
    return Promise.resolve(this.perms);
  }

  public async load(): Promise<IMaturityScreen> {
    if (this.holdLoads) await this.holdLoads;
    if (this.failLoad) throw this.failLoad;
    const byRound: Record<number, IMaturityRound> = {};
    for (const r of this.data.rounds) byRound[r.id] = r;
    const readable = this.ownScoresOnly ? this.data.scores.filter((s) => s.raterId === this.me.id) : this.data.scores;
    const scores = readable.map((s) => visibleScores(byRound[s.roundId], [s], this.me.id)[0]);
    return { data: JSON.parse(JSON.stringify({ ...this.data, scores })) as IMaturityData, me: this.me, seesAllScores: !this.ownScoresOnly };
  }

  public loadResults(): Promise<IMaturityResultsData> {
    return Promise.resolve({ themes: this.data.themes, objectives: this.data.objectives, rounds: this.data.rounds, consensus: this.data.consensus });
  }

  private _round(id: number): IMaturityRound {
    return this.data.rounds.filter((r) => r.id === id)[0];
  }

  public async saveScore(input: IScoreInput): Promise<IMaturityScore> {
    const round = this._round(input.round.id);
    if (checkScore(input.score, round)) throw new MaturityError('outOfScale', 'scale');
    if (round.status === 'afgesloten') throw new MaturityError('frozen', 'frozen');
    if (this.denyScores) throw new MaturityError('denied', 'Geen toestemming: SharePoint weigerde deze score (403).');
    if (round.status !== 'scoren') throw new MaturityError('notScoring', 'not scoring');
    const u: IScoringUnit = input.unit;
    const stored = this.data.scores.filter((s) => s.roundId === round.id && s.raterId === this.me.id && s.themeId === u.themeId && s.objectiveId === u.objectiveId)[0];
    if (stored) {
      if (!input.existing || input.existing.etag !== stored.etag) throw new MaturityError('conflict', 'conflict', stored);
      stored.score = input.score;
      stored.comment = input.comment;
      stored.etag = `"${this._etag++}"`;
      return { ...stored };
    }
    const s: IMaturityScore = {
      id: this._next++, roundId: round.id, themeId: u.themeId, objectiveId: u.objectiveId, raterId: this.me.id, raterName: this.me.title,
      score: input.score, comment: input.comment, etag: `"${this._etag++}"`
    };
    this.data.scores.push(s);
    return { ...s };
  }

  public async saveConsensus(input: IConsensusInput): Promise<IConsensus> {
    const round = this._round(input.round.id);
    if (round.status === 'afgesloten') throw new MaturityError('frozen', 'frozen');
    if (round.status !== 'consensus') throw new MaturityError('notConsensus', 'not consensus');
    const u = input.unit;
    const stored = this.data.consensus.filter((c) => c.roundId === round.id && c.themeId === u.themeId && c.objectiveId === u.objectiveId)[0];
    if (stored) {
      stored.score = input.score;
      stored.comment = input.comment;
      stored.etag = `"${this._etag++}"`;
      return { ...stored };
    }
    const c: IConsensus = { id: this._next++, roundId: round.id, themeId: u.themeId, objectiveId: u.objectiveId, score: input.score, comment: input.comment, actions: [], etag: `"${this._etag++}"` };
    this.data.consensus.push(c);
    return { ...c };
  }

  public async createImprovementAction(round: IMaturityRound, _unit: IScoringUnit, consensus: IConsensus, title: string, domainId: number): Promise<IConsensus> {
    this.actionsCreated.push({ title, domainId });
    const stored = this.data.consensus.filter((c) => c.id === consensus.id)[0];
    stored.actions = stored.actions.concat([{ id: this._next++, title }]);
    return { ...stored };
  }

  public bundlesCreated: IBundleInput[] = [];

  public async createBundledAction(round: IMaturityRound, input: IBundleInput): Promise<IConsensus[]> {
    if (input.consensus.some((c) => c.roundId !== round.id)) throw new MaturityError('otherRound', 'other round');
    this.bundlesCreated.push(input);
    const action = { id: this._next++, title: input.title };
    return input.consensus.map((c) => {
      const stored = this.data.consensus.filter((x) => x.id === c.id)[0];
      stored.actions = stored.actions.concat([action]);
      return { ...stored };
    });
  }

  public async setRoundStatus(round: IMaturityRound, to: RoundStatus): Promise<IMaturityRound> {
    const stored = this._round(round.id);
    if (stored.status === 'afgesloten') throw new MaturityError('frozen', 'frozen');
    if (!isFacilitator(stored, this.me.id, this.perms.canEdit)) throw new MaturityError('statusNotFacilitator', 'not facilitator');
    if (backStatus(stored.status) === to && this.data.consensus.some((c) => c.roundId === stored.id)) throw new MaturityError('consensusExists', 'consensus exists');
    stored.status = to;
    return { ...stored };
  }

  /** Rounds whose raters' access was synced, in order; `failSync` makes SharePoint refuse it. */
  public synced: number[] = [];
  public failSync: boolean = false;

  public async syncRaterAccess(round: IMaturityRound): Promise<void> {
    if (this.failSync) throw new MaturityError('raterAccess', 'rater access', round);
    this.synced.push(round.id);
  }
}
