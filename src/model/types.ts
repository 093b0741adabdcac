/** Plain data shapes shared by the data layer, the UI and the report. No I/O here. */

export type ActionStatus = 'Gepland' | 'Lopend' | 'Gerealiseerd' | 'Geschrapt';
export type RiskStatus = 'Open' | 'Opgevolgd' | 'Afgesloten';
export type RiskPriority = 'Hoog' | 'Middel' | 'Laag';
export type AuditStatus = 'Gepland' | 'Lopend' | 'Afgerond';

export interface IPerson {
  id: number;
  title: string;
  email?: string;
}

export interface ILookupRef {
  id: number;
  title: string;
}

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
  etag?: string;
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
  modified?: string;
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

/** Everything a report year needs, as read from the lists. */
export interface IReportData {
  domains: IDomain[];
  risks: IRisk[];
  actions: IAction[];
  audits: IAudit[];
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
}
