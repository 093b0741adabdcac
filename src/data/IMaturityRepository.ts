import { ActionPriority, IConsensus, IMaturityData, IMaturityResultsData, IMaturityRound, IMaturityScore, IScoringUnit, RoundStatus } from '../model/maturity';
import { IPerson } from '../model/types';
import { IPermissions } from './IOrgRepository';

/** Why a maturity write was refused; the UI turns the code into a message. */
export type MaturityErrorCode =
  | 'outOfScale'
  | 'notRater'
  | 'notScoring'
  | 'notConsensus'
  | 'frozen'
  | 'objectiveDeleted'
  | 'conflict'
  | 'notFacilitator'
  | 'noConsensus'
  | 'transition'
  | 'statusNotFacilitator'
  | 'denied'
  | 'raterAccess'
  | 'consensusExists'
  | 'actionInput'
  | 'otherRound';

export class MaturityError extends Error {
  public readonly code: MaturityErrorCode;
  /** For 'conflict': the version now stored (someone, or another window, wrote first). */
  public readonly latest: IMaturityScore | IConsensus | IMaturityRound | undefined;
  public constructor(code: MaturityErrorCode, message: string, latest?: IMaturityScore | IConsensus | IMaturityRound) {
    super(message);
    this.name = 'MaturityError';
    this.code = code;
    this.latest = latest;
    Object.setPrototypeOf(this, MaturityError.prototype);
  }
}

export interface IMaturityScreen {
  data: IMaturityData;
  me: IPerson;
  /** The round whose scores were read with their values (consensus or closed), if any. */
  valuesOf?: number;
  /**
   * Whether SharePoint shows this user every rater's scores (the facilitators, site owners: Override List Behaviors
   * or Manage Lists on MaturiteitScores). Everyone else reads only their own scores, so sees only their own progress.
   */
  seesAllScores?: boolean;
}

export interface IScoreInput {
  round: IMaturityRound;
  unit: IScoringUnit;
  score: number;
  comment?: string;
  /** The rater's stored score for this unit, if any: updated on its ETag. */
  existing?: IMaturityScore;
}

export interface IConsensusInput {
  round: IMaturityRound;
  unit: IScoringUnit;
  score: number;
  comment?: string;
  existing?: IConsensus;
}

export interface IBundleInput {
  title: string;
  units: IScoringUnit[];
  /** The consensus item of each unit, in the same order. */
  consensus: IConsensus[];
  domainId: number;
  priority: ActionPriority;
  ownerId?: number;
  /** yyyy-mm-dd. */
  deadline?: string;
}

/** The maturity lists as the Maturiteitsinschatting web part sees them. */
export interface IMaturityRepository {
  readonly siteUrl: string;
  getCurrentUser(): Promise<IPerson>;
  getPermissions(): Promise<IPermissions>;
  /**
   * Themes, objectives, rounds, consensus, domains and the scores in one $batch: every rater's
   * own values, and of the others only who scored what. With `roundId` of a round in consensus
   * or closed, that round's values follow in one more request.
   */
  load(roundId?: number): Promise<IMaturityScreen>;
  /** Themes, objectives, rounds and consensus, without individual scores (results, council report). */
  loadResults(): Promise<IMaturityResultsData>;
  /** One score per rater and unit: adds the first, updates an existing one on its ETag. */
  saveScore(input: IScoreInput): Promise<IMaturityScore>;
  saveConsensus(input: IConsensusInput): Promise<IConsensus>;
  /**
   * One planned action in Acties for several objectives of the round (a bundle), with owner, deadline and priority,
   * linked from each of their consensus items. Refuses ('otherRound') consensus of another round.
   */
  createBundledAction(round: IMaturityRound, input: IBundleInput): Promise<IConsensus[]>;
  /** A planned action in Acties for the round's year, in `domainId`, linked from the consensus. */
  createImprovementAction(round: IMaturityRound, unit: IScoringUnit, consensus: IConsensus, title: string, domainId: number): Promise<IConsensus>;
  /**
   * Moves the round (checked by the caller with checkTransition); on the round's ETag. Only the round's facilitator;
   * back from consensus to scoring only while the round has no consensus item (read again here).
   */
  setRoundStatus(round: IMaturityRound, to: RoundStatus): Promise<IMaturityRound>;
  /**
   * Raters hold Contribute on MaturiteitScores only while their round is in "scoren": call after a round entered or
   * left it. Throws MaturityError 'raterAccess' (naming `round` as it now is) when SharePoint refused.
   */
  syncRaterAccess(round: IMaturityRound): Promise<void>;
}
