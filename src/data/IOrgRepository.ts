import { ISiteSettings } from '../model/settings';
import { IAction, IPerson, IRecommendation, IReportData, IRisk } from '../model/types';

/** What the current user may do on the data site. */
export interface IPermissions {
  /** May add and edit items of the lists (members/editors). */
  canEdit: boolean;
  /** May create lists and fields (site owners): "Lijsten controleren". */
  canManageLists: boolean;
  /** May add documents to the Rapporten library (checked on the library itself): "Definitief maken". */
  canFinalise: boolean;
  /**
   * Ids (GUIDs) of the Acties and Risicos lists, read in the same batch: the link to SharePoint's
   * version history page of an item needs them. Absent when unknown.
   */
  listIds?: { actions?: string; risks?: string };
}

/** One file of a final report: the Word note, the slide deck, or the JSON snapshot of the data. */
export interface IReportFile {
  name: string;
  format: 'Word' | 'PowerPoint' | 'Gegevens';
  content: ArrayBuffer;
}

/** A final report of that year is already stored: finalising again must be confirmed (replace). */
export class ReportExistsError extends Error {
  public readonly existing: IStoredReport[];
  public constructor(existing: IStoredReport[]) {
    super('A final report of this year already exists');
    this.name = 'ReportExistsError';
    this.existing = existing;
    Object.setPrototypeOf(this, ReportExistsError.prototype);
  }
}

export interface IStoredReport {
  name: string;
  year: number;
  format: 'Word' | 'PowerPoint' | 'Gegevens';
  /** Absolute URL to open or download the file. */
  url: string;
  modified?: string;
  /** The finalisation (column Finalisatie) that wrote it: the files of one final report share it. */
  setId?: string;
}

/** What repairing interrupted finalisations did: staged leftovers removed, years whose final report was completed. */
export interface IRepairResult {
  removed: number;
  completedYears: number[];
}

/** What the cards read for one report year, with the user's rights and the stored reports, in one round trip. */
export interface IYearView {
  /** The report year the card rows were read for. */
  year: number;
  /**
   * Domains and risks as the cards show them; actions of the year with their card fields
   * (detail 'card'), every other action only to be counted (detail 'count'); audits and
   * recommendations with their short fields. Descriptions are not in it.
   */
  data: IReportData;
  permissions: IPermissions;
  reports: IStoredReport[];
  currentUser?: IPerson;
}

export interface IYearViewRequest {
  /** The configured report year; undefined: the latest year with realisations. */
  year?: number;
  /** Injectable for tests. */
  today?: Date;
}

/** Thrown by updates when the item changed since it was read (HTTP 412). */
export class ConflictError extends Error {
  public readonly latest: IAction | undefined;
  public constructor(message: string, latest: IAction | undefined) {
    super(message);
    this.name = 'ConflictError';
    this.latest = latest;
    Object.setPrototypeOf(this, ConflictError.prototype);
  }
}

/** Outcome of marking recommendations carried out: each one on its own ETag. */
export interface IMarkResult {
  /** Updated (with their new ETag). */
  updated: IRecommendation[];
  /** Changed by someone else since they were read (412): left as they are, latest version shown. */
  conflicts: IRecommendation[];
  /** Failed for another reason (deleted, no rights). */
  failed: IRecommendation[];
}

/*
 * The data layer by what its callers need (issue 19): each caller types its dependency on the
 * narrowest role below; src/data/createDataAccess.ts builds all of them for a host, and
 * IOrgRepository is every role in one object (what the card web parts hand to their components).
 */

/** The cards' reads: one year's view, and the parts read later (older titles, details). */
export interface IYearViewReader {
  /** Absolute URL of the data site (for list form links). */
  readonly siteUrl: string;
  /**
   * The cards for one year: data, permissions, stored reports and the current user in one
   * $batch (the form digest comes from the page). Cards and widgets on one page share it.
   */
  loadYearView(request: IYearViewRequest): Promise<IYearView>;
  /** The last year view read in this browser (instant re-open), if any. */
  getCachedView(): IYearView | undefined;
  /** Card fields (titles, ...) of actions read only to be counted: a toggle with older items opens. */
  loadActionTitles(ids: number[]): Promise<IAction[]>;
  /** Every field of one action (description, notes, links, ETag): its detail panel opens. Undefined when it is gone. */
  loadActionDetails(id: number): Promise<IAction | undefined>;
  /** Every field of one risk (its notes): its detail panel opens. */
  loadRiskDetails(id: number): Promise<IRisk | undefined>;
  /** The signed-in user as the data site knows them (sp.web.currentUser): "Mijn acties". */
  getCurrentUser(): Promise<IPerson>;
}

/** Every item of the five lists: the report, the export, Auditopvolging, the card and reminders. */
export interface IReportDataReader {
  readonly siteUrl: string;
  /** Last data read in this browser (instant re-open), if any. */
  getCached(): IReportData | undefined;
  /** Domains, risks, actions, audits and recommendations, in one round trip ($batch). */
  loadReportData(): Promise<IReportData>;
}

/** The writes of the cards: "Doorschuiven naar realisaties" and its recommendations. */
export interface IActionWriter {
  /** Planning item -> realised in `year`. Throws ConflictError on a stale ETag. */
  realiseAction(action: IAction, year: number): Promise<IAction>;
  /** Recommendations -> Uitgevoerd, each with If-Match on its ETag; never overwrites a newer version. */
  markRecommendationsCarriedOut(recommendations: IRecommendation[]): Promise<IMarkResult>;
}

/** The Rapporten library: the final reports of each year. */
export interface IReportStore {
  /** Final reports stored in the Rapporten library. */
  getStoredReports(): Promise<IStoredReport[]>;
  /**
   * Stores the final report of `year` (Word, PowerPoint and the JSON snapshot) as one set: staged
   * under temporary names, committed by one write, then copied over the final names (see
   * src/model/finalisation), so a crash at any point leaves the old set or the new one, never a mix.
   * An existing final report of the year is only replaced with `replace` (else ReportExistsError);
   * the library's version history keeps the earlier one.
   */
  finaliseReport(year: number, files: IReportFile[], replace: boolean): Promise<IStoredReport[]>;
  /**
   * Removes or finishes what an interrupted "Definitief maken" left in the library (finaliseReport does
   * this first too). `onlyIfSeen`: no request when the library as last read showed nothing to repair.
   */
  repairFinalisations(onlyIfSeen?: boolean): Promise<IRepairResult>;
  /** The JSON snapshot stored with the final report of `year`, if any. */
  getReportSnapshot(year: number): Promise<IReportData | undefined>;
}

/** The control team's settings on the data site (list Instellingen) and the site's own title. */
export interface ISettingsStore {
  /** Decided year, organisation. */
  getSettings(): Promise<ISiteSettings>;
  /** "Start rapportjaar": the year every surface opens on from now on (control team only). */
  setReportYear(year: number): Promise<void>;
  /** The organisation named on the council report (setting Organisatie); empty: the site's title. */
  setOrganisation(name: string): Promise<void>;
  /** The data site's title: the organisation name on reports when none is set. */
  getSiteTitle(): Promise<string>;
}

/** What the current user may do on the data site. */
export interface IPermissionsReader {
  getPermissions(): Promise<IPermissions>;
}

/**
 * Every role in one object, as the card and audit web parts hand it to their components.
 * The PnPjs implementation is assembled in src/data/createDataAccess.ts; tests pass a fake.
 */
export interface IOrgRepository extends IYearViewReader, IReportDataReader, IActionWriter, IReportStore, ISettingsStore, IPermissionsReader {
  readonly siteUrl: string;
}
