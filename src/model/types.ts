/** Plain data shapes shared by the data layer, the UI and the report. No I/O here. */

export type ActionStatus = 'Gepland' | 'Lopend' | 'Gerealiseerd' | 'Geschrapt';
export type RiskStatus = 'Open' | 'Opgevolgd' | 'Afgesloten';
export type RiskPriority = 'Hoog' | 'Middel' | 'Laag';
export type AuditStatus = 'Gepland' | 'Lopend' | 'Afgerond';
export type RecommendationPriority = 'H' | 'M' | 'L';
export type RecommendationStatus = 'Open' | 'In uitvoering' | 'Uitgevoerd' | 'Niet uitgevoerd';
export type RiskTreatment = 'verminderen' | 'aanvaarden' | 'overdragen' | 'vermijden';

/** The site's risk settings (list Instellingen, src/model/settings; used by src/model/risks). */
export interface IRiskSettings {
  /** Labels of the likelihood levels, low to high; their number is the scale (default 5). */
  likelihoodLabels?: string[];
  impactLabels?: string[];
  /** Highest acceptable score; undefined: no appetite set (nothing is marked above it). */
  appetite?: number;
  /** Per domain title (lower case) its own appetite. */
  appetiteByDomain?: Record<string, number>;
}

import type { ILookupRef, IPerson } from './references';

export type { ILookupRef, IPerson } from './references';

export interface IDomain {
  id: number;
  title: string;
  order: number;
  key?: string;
  shortTitle?: string;
  /** The "Criteria" paragraph (plain text or rich text). */
  criteriaText?: string;
  /** Short criteria bullets, one per entry. */
  criteria: string[];
  decreeBasis?: string;
  active: boolean;
}

export interface IRisk {
  id: number;
  title: string;
  domainId?: number;
  /** Free-text source (the audit named in the risk), shown when there is no audit lookup. */
  source?: string;
  audit?: ILookupRef;
  priority: RiskPriority;
  status: RiskStatus;
  /** Undefined: identified before the data in these lists starts. */
  yearIdentified?: number;
  yearClosed?: number;
  notes?: string;
  /** Assessment (src/model/risks): undefined = not scored (never derived from the priority). */
  likelihood?: number;
  impact?: number;
  residualLikelihood?: number;
  residualImpact?: number;
  owner?: IPerson;
  /** ISO date of the next review. */
  reviewDate?: string;
  treatment?: RiskTreatment;
  acceptedBy?: IPerson;
  acceptanceReason?: string;
  etag?: string;
  /** Last change (ISO, from Modified) and who made it (Editor/Title). */
  modified?: string;
  modifiedBy?: string;
  /** 'card': read without its notes (they load when its details open). Undefined: every field. */
  detail?: 'card';
}

export interface IAction {
  id: number;
  title: string;
  /** Wording on the card and in the deck, when it differs from the title. */
  shortTitle?: string;
  description?: string;
  subItems: string[];
  status: ActionStatus;
  /** Year the action was put on the planning. Undefined: before the data starts. */
  plannedYear?: number;
  /** Year it was realised. Undefined while not realised (or realised before the data starts). */
  realisedYear?: number;
  domainIds: number[];
  risks: ILookupRef[];
  audit?: ILookupRef;
  owner?: IPerson;
  directie?: string;
  afdeling?: string;
  /** ISO date string. */
  deadline?: string;
  note?: string;
  etag?: string;
  /** Last change (ISO, from Modified) and who made it (Editor/Title). */
  modified?: string;
  modifiedBy?: string;
  /**
   * How much of the item was read: 'count' (id, domains, status, years, deadline: enough to
   * count it), 'card' (also the title and the other short fields a card shows). Undefined:
   * every field (descriptions included).
   */
  detail?: 'count' | 'card';
}

export interface IAudit {
  id: number;
  title: string;
  key?: string;
  auditor?: string;
  kind?: 'intern' | 'extern';
  type?: string;
  year?: number;
  status: AuditStatus;
  strengths?: number;
  improvements?: number;
  highRecommendations?: number;
  conclusion?: string;
  notes?: string;
  followUpOf?: ILookupRef;
  domainIds: number[];
}

/** A recommendation of an audit (list Aanbevelingen), with its action plan. */
export interface IRecommendation {
  id: number;
  title: string;
  /** The audit it came from; undefined when that audit was deleted. */
  auditId?: number;
  priority: RecommendationPriority;
  status: RecommendationStatus;
  /** The actions that answer it (lookups to deleted actions may remain: resolve against the actions). */
  actions: ILookupRef[];
  /** Uitvoeringsgraad (%) as entered, if any. */
  executionPercent?: number;
  owner?: IPerson;
  /** ISO date string. */
  deadline?: string;
  notes?: string;
  etag?: string;
}

/** Everything a report year needs, as read from the lists. */
export interface IReportData {
  domains: IDomain[];
  risks: IRisk[];
  actions: IAction[];
  audits: IAudit[];
  /** List Aanbevelingen. Absent in data cached by an older version: read as none. */
  recommendations?: IRecommendation[];
  /** Years whose council report is final (Rapporten), where the read included them. */
  finalYears?: number[];
  /** The reporting year the control team decided (list Instellingen), where the read included it. */
  decidedYear?: number;
  /** The signed-in user as the data site knows them, where the read included it (the Viva card's own items). */
  currentUser?: IPerson;
  /** Risk scale and appetite (list Instellingen), where the read included them. */
  riskSettings?: IRiskSettings;
}

export interface IDomainReport {
  domain: IDomain;
  risks: IRisk[];
  /** Realised in the report year: highlighted as new. */
  realisationsNew: IAction[];
  /** Realised in earlier years. */
  realisationsOlder: IAction[];
  /** Added to the planning for the planning year (report year + 1): highlighted as new. */
  planningNew: IAction[];
  /** Planned earlier and still open at the end of the report year. */
  planningOlder: IAction[];
}

export interface IReport {
  year: number;
  planningYear: number;
  domains: IDomainReport[];
  /** Annex "Audits en opvolging": audits of the report year and the year before. */
  audits?: IAuditAnnexEntry[];
  /** Section "Maturiteitsinschatting": the latest closed round (up to the report year) and its comparison. */
  maturity?: IMaturityReportSection;
  /** Risk scale and appetite for the heat map section (only when a risk is scored). */
  riskSettings?: IRiskSettings;
}

/** The council report's maturity section, from src/model/maturity (roundResults). */
export interface IMaturityReportSection {
  /** Undefined: no closed round yet (the section says so). */
  results?: import('./maturity').IRoundResults;
}

/** One audit in the report's annex. */
export interface IAuditAnnexEntry {
  audit: IAudit;
  /** Titles of the audit's domains, in domain order. */
  domains: string[];
  recommendations: number;
  carriedOut: number;
  high: number;
  highCarriedOut: number;
}
