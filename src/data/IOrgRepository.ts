import { IAction, IReportData } from '../model/types';

/** What the current user may do on the data site. */
export interface IPermissions {
  /** May add and edit items of the lists (members/editors). */
  canEdit: boolean;
  /** May create lists and fields (site owners): "Lijsten controleren". */
  canManageLists: boolean;
}

export interface IStoredReport {
  name: string;
  year: number;
  format: 'Word' | 'PowerPoint';
  /** Absolute URL to open or download the file. */
  url: string;
  modified?: string;
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

/**
 * The data layer as the web parts see it. The PnPjs implementation lives in
 * src/data; tests and the workbench may pass any implementation.
 */
export interface IOrgRepository {
  /** Absolute URL of the data site (for list form links). */
  readonly siteUrl: string;
  /** Last data read in this browser (instant re-open), if any. */
  getCached(): IReportData | undefined;
  /** Domains, risks, actions and audits, in one round trip ($batch). */
  loadReportData(): Promise<IReportData>;
  /** Planning item -> realised in `year`. Throws ConflictError on a stale ETag. */
  realiseAction(action: IAction, year: number): Promise<IAction>;
  getPermissions(): Promise<IPermissions>;
  /** Final reports stored in the Rapporten library. */
  getStoredReports(): Promise<IStoredReport[]>;
  /** Store a final report file (overwrites a file of the same name). */
  storeReport(name: string, year: number, format: 'Word' | 'PowerPoint', content: Blob | ArrayBuffer): Promise<IStoredReport>;
}
