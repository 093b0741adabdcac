/** The maturity lists' items as the app sees them. Pure: no I/O. */
import { ILookupRef, IPerson } from '../references';
import { RoundStatus } from '../../schema/schema';

/** The scale of the seed: "Per doelstelling wordt een score gegeven tussen 1 en 5". */
export const DEFAULT_SCALE: { min: number; max: number } = { min: 1, max: 5 };
/** A spread (highest minus lowest score) of this size or more is discussed first. */
export const DISCUSS_SPREAD: number = 2;

export interface IMaturityTheme {
  id: number;
  /** Chapter of the leidraad (0-10). */
  number: number;
  title: string;
  key?: string;
  /** Domain that improvement actions from this theme belong to, if set. */
  domainId?: number;
  /** The level the organisation aims at for this theme (its objectives' default), if set. */
  targetLevel?: number;
}

export interface IMaturityObjective {
  id: number;
  themeId?: number;
  code: string;
  text: string;
  order?: number;
  /** The level aimed at for this objective (else the theme's). */
  targetLevel?: number;
}

export interface IMaturityRound {
  id: number;
  title: string;
  year?: number;
  themeIds: number[];
  status: RoundStatus;
  scaleMin: number;
  scaleMax: number;
  /** Labels of the levels, lowest first (a setting of the round; may be empty). */
  levelLabels: string[];
  raters: IPerson[];
  facilitator?: IPerson;
  notes?: string;
  etag?: string;
}

export interface IMaturityScore {
  id: number;
  roundId: number;
  themeId?: number;
  /** Undefined: a score for the theme as a whole (a theme without objectives yet). */
  objectiveId?: number;
  raterId: number;
  raterName?: string;
  /** Undefined when the value is not visible to the reader (another rater's, while scoring). */
  score?: number;
  comment?: string;
  etag?: string;
  /** Who created and who last changed the item (SharePoint's Author and Editor): the rater is the author. */
  authorId?: number;
  editorId?: number;
}

export interface IConsensus {
  id: number;
  roundId: number;
  themeId?: number;
  objectiveId?: number;
  score?: number;
  comment?: string;
  actions: ILookupRef[];
  etag?: string;
  authorId?: number;
  editorId?: number;
}

/** What a maturity screen reads in one go. */
export interface IMaturityData {
  themes: IMaturityTheme[];
  objectives: IMaturityObjective[];
  rounds: IMaturityRound[];
  consensus: IConsensus[];
  /** Scores as far as the reader may see them (see visibleScores). */
  scores: IMaturityScore[];
  domains: ILookupRef[];
  /** Items the app ignores because SharePoint cannot refuse them (see splitScoreBreaches, splitConsensusBreaches). */
  breaches?: IMaturityBreach[];
}

/**
 * Why an item is ignored: a score whose author is not its rater (written in someone else's name) or that someone
 * other than its author changed; a consensus item not written by the round's facilitator.
 */
export type BreachKind = 'otherName' | 'changedByOther' | 'notFacilitator';

export interface IMaturityBreach {
  list: 'score' | 'consensus';
  id: number;
  roundId: number;
  kind: BreachKind;
  authorId?: number;
  editorId?: number;
  raterId?: number;
}

/** What results and the council report need (no individual scores). */
export type IMaturityResultsData = Pick<IMaturityData, 'themes' | 'objectives' | 'rounds' | 'consensus'>;

/** What is scored: an objective, or a theme as a whole when it has no objectives yet. */
export interface IScoringUnit {
  key: string;
  themeId: number;
  themeNumber: number;
  themeTitle: string;
  objectiveId?: number;
  code: string;
  text: string;
}
