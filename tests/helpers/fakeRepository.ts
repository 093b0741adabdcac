import { ConflictError, IMarkResult, IOrgRepository, IPermissions, IRepairResult, IReportFile, IStoredReport, IYearView, IYearViewRequest } from '../../src/data/IOrgRepository';
import { IMaturityResultsSource } from '../../src/app/councilReport';
import { ISummarySource } from '../../src/data/ISummarySource';
import { defaultReportYear } from '../../src/model/report';
import { IAction, IPerson, IRecommendation, IReportData, IRisk } from '../../src/model/types';

export interface IFakeRepositoryOptions {
  siteUrl?: string;
  /** Returned synchronously by getCached() (instant paint). */
  cached?: IReportData;
  permissions?: IPermissions;
  /** getPermissions() rejects. */
  permissionsFail?: boolean;
  /** loadReportData() rejects this many times before it answers. */
  failLoads?: number;
  /** The HTTP status of those failures (default 503, SharePoint busy); 0: a network error without a status. */
  failStatus?: number;
  /** loadReportData() waits for release() before answering. */
  holdLoads?: boolean;
  /** sp.web.currentUser; default the local server's owner (Id 7). */
  currentUser?: IPerson;
  /** Final reports in Rapporten; default none. */
  storedReports?: IStoredReport[];
  /** What getReportSnapshot(year) answers; default none. */
  snapshot?: IReportData;
}

/** A site without maturity rounds: the report has no maturity section. */
export const NO_MATURITY: IMaturityResultsSource = {
  loadResults: () => Promise.resolve({ themes: [], objectives: [], rounds: [], consensus: [] })
};

export const LOCAL_OWNER: IPerson = { id: 7, title: 'Ann Janssens', email: 'ann.janssens@stad.example' };

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

/**
 * An in-memory data site: loadReportData() answers a deep copy of the stored data,
 * realiseAction() honours ETags like SharePoint's If-Match (412 -> ConflictError).
 */
export class FakeRepository implements IOrgRepository, ISummarySource {
  public readonly siteUrl: string;
  public data: IReportData;
  public calls: { getCached: number; load: number; realise: Array<{ id: number; year: number }>; permissions: number; mark: number[][] } = {
    getCached: 0,
    load: 0,
    realise: [],
    permissions: 0,
    mark: []
  };
  private _options: IFakeRepositoryOptions;
  private _failLoads: number;
  private _held: Array<() => void> = [];

  public constructor(data: IReportData, options: IFakeRepositoryOptions = {}) {
    this.siteUrl = options.siteUrl || 'https://contoso.sharepoint.com/sites/organisatiebeheersing';
    this._options = options;
    this._failLoads = options.failLoads || 0;
    this.data = clone(data);
    // Every item starts with an ETag, like list items do.
    for (const a of this.data.actions) if (!a.etag) a.etag = '"1"';
    for (const r of this.data.recommendations || []) if (!r.etag) r.etag = '"1"';
  }

  public async getCurrentUser(): Promise<IPerson> {
    return clone(this._options.currentUser || LOCAL_OWNER);
  }

  /** Someone else edits a recommendation: its ETag moves on. */
  public editRecommendationElsewhere(id: number, change: Partial<IRecommendation>): IRecommendation {
    const r = (this.data.recommendations || []).filter((x) => x.id === id)[0];
    Object.assign(r, change);
    r.etag = `"${parseInt((r.etag || '"1"').replace(/"/g, ''), 10) + 1}"`;
    return clone(r);
  }

  public async markRecommendationsCarriedOut(recommendations: IRecommendation[]): Promise<IMarkResult> {
    this.calls.mark.push(recommendations.map((r) => r.id));
    const result: IMarkResult = { updated: [], conflicts: [], failed: [] };
    for (const r of recommendations) {
      const stored = (this.data.recommendations || []).filter((x) => x.id === r.id)[0];
      if (!stored) {
        result.failed.push(r);
      } else if (r.etag && r.etag !== stored.etag) {
        result.conflicts.push(clone(stored));
      } else {
        stored.status = 'Uitgevoerd';
        stored.etag = `"${parseInt((stored.etag || '"1"').replace(/"/g, ''), 10) + 1}"`;
        result.updated.push(clone(stored));
      }
    }
    return result;
  }

  public getCached(): IReportData | undefined {
    this.calls.getCached++;
    return this._options.cached ? clone(this._options.cached) : undefined;
  }

  public async loadReportData(): Promise<IReportData> {
    this.calls.load++;
    // Like a server: the answer reflects the data when the request was made.
    const snapshot = clone(this.data);
    if (this._options.holdLoads) {
      await new Promise<void>((resolve) => this._held.push(resolve));
    }
    if (this._failLoads > 0) {
      this._failLoads--;
      const status = this._options.failStatus ?? 503;
      if (status === 0) throw new TypeError('Failed to fetch');
      const e = new Error(`Request failed with status ${status}`) as Error & { status?: number };
      e.status = status;
      throw e;
    }
    return snapshot;
  }

  /** Lets held loads answer: all of them, or the one at `index` (call order since the last full release). */
  public release(index?: number): void {
    if (index !== undefined) {
      const r = this._held[index];
      this._held[index] = () => undefined;
      if (r) r();
      return;
    }
    const held = this._held;
    this._held = [];
    held.forEach((r) => r());
  }

  public failNextLoads(n: number): void {
    this._failLoads = n;
  }

  public setHold(hold: boolean): void {
    this._options.holdLoads = hold;
  }

  /** Someone else edits an item in the list: its ETag moves on. */
  public editElsewhere(id: number, change: Partial<IAction>): IAction {
    const a = this.data.actions.filter((x) => x.id === id)[0];
    Object.assign(a, change);
    a.etag = `"${parseInt((a.etag || '"1"').replace(/"/g, ''), 10) + 1}"`;
    return clone(a);
  }

  public async realiseAction(action: IAction, year: number): Promise<IAction> {
    this.calls.realise.push({ id: action.id, year });
    const stored = this.data.actions.filter((x) => x.id === action.id)[0];
    if (!stored) throw new Error(`Item ${action.id} does not exist`);
    if (action.etag && action.etag !== stored.etag) {
      throw new ConflictError('412 Precondition Failed', clone(stored));
    }
    stored.status = 'Gerealiseerd';
    stored.realisedYear = year;
    stored.etag = `"${parseInt((stored.etag || '"1"').replace(/"/g, ''), 10) + 1}"`;
    return clone(stored);
  }

  /** The year view as one answer (everything in full: the fake has no lazy parts unless a test makes them). */
  public async loadYearView(request: IYearViewRequest): Promise<IYearView> {
    const data = await this.loadReportData();
    const permissions = await this.getPermissions().catch(() => ({ canEdit: false, canManageLists: false, canFinalise: false }));
    const currentUser = await this.getCurrentUser();
    // Like the product: the stored reports come in the same answer and their years decide the default year.
    const reports = await this.getStoredReports().catch(() => [] as IStoredReport[]);
    const finalYears = reports.map((r) => r.year);
    return { year: defaultReportYear(data, request.year, request.today || new Date(), finalYears), data: { ...data, finalYears }, permissions, reports, currentUser };
  }

  public getCachedView(): IYearView | undefined {
    const data = this.getCached();
    return data ? { year: defaultReportYear(data, undefined, new Date()), data, permissions: { canEdit: false, canManageLists: false, canFinalise: false }, reports: [] } : undefined;
  }

  public titleLoads: number[][] = [];

  public async loadActionTitles(ids: number[]): Promise<IAction[]> {
    this.titleLoads.push(ids.slice());
    return clone(this.data.actions.filter((a) => ids.indexOf(a.id) >= 0)).map((a) => ({ ...a, detail: 'card' as const }));
  }

  public async loadActionDetails(id: number): Promise<IAction | undefined> {
    return clone(this.data.actions.filter((a) => a.id === id)[0]);
  }

  public async loadRiskDetails(id: number): Promise<IRisk | undefined> {
    return clone(this.data.risks.filter((r) => r.id === id)[0]);
  }

  public getCachedSummary(): IReportData | undefined {
    return this.getCached();
  }

  /** Like the product's widget read: the figures with the years whose report is final. */
  public async loadSummary(): Promise<IReportData> {
    const data = await this.loadReportData();
    const reports = await this.getStoredReports().catch(() => [] as IStoredReport[]);
    return { ...data, finalYears: reports.map((r) => r.year) };
  }

  public async getPermissions(): Promise<IPermissions> {
    this.calls.permissions++;
    if (this._options.permissionsFail) throw new Error('403 Forbidden');
    return this._options.permissions || { canEdit: true, canManageLists: false, canFinalise: true };
  }

  public async getStoredReports(): Promise<IStoredReport[]> {
    return clone(this._options.storedReports || []);
  }

  /** Every finaliseReport call: the year, the files (name, format, text of the JSON snapshot) and `replace`. */
  public finalised: Array<{ year: number; files: Array<{ name: string; format: IReportFile['format']; bytes: number }>; replace: boolean; snapshot?: string }> = [];

  public async finaliseReport(year: number, files: IReportFile[], replace: boolean): Promise<IStoredReport[]> {
    const json = files.filter((f) => f.format === 'Gegevens')[0];
    this.finalised.push({
      year,
      files: files.map((f) => ({ name: f.name, format: f.format, bytes: f.content.byteLength })),
      replace,
      snapshot: json ? new TextDecoder().decode(json.content) : undefined
    });
    return files.map((f) => ({ name: f.name, year, format: f.format, url: `${this.siteUrl}/Rapporten/${f.name}` }));
  }

  /** What the next repairFinalisations() answers (then nothing again); its calls with `onlyIfSeen`. */
  public nextRepair: IRepairResult | undefined;
  public repairs: boolean[] = [];

  public async repairFinalisations(onlyIfSeen: boolean = false): Promise<IRepairResult> {
    this.repairs.push(onlyIfSeen);
    const r = this.nextRepair || { removed: 0, completedYears: [] };
    this.nextRepair = undefined;
    return r;
  }

  /** The data site's setting Organisatie (list Instellingen). */
  public organisationSetting: string | undefined;

  public async getSettings(): Promise<{ reportYear?: number; organisation?: string }> {
    return { reportYear: this.data.decidedYear, organisation: this.organisationSetting };
  }

  public async setOrganisation(name: string): Promise<void> {
    this.organisationSetting = name || undefined;
  }

  /** "Start rapportjaar": the decided year lives with the data, as in list Instellingen. */
  public async setReportYear(year: number): Promise<void> {
    this.data.decidedYear = year;
  }

  public async getSiteTitle(): Promise<string> {
    return 'Organisatiebeheersing';
  }

  public snapshotReads: number[] = [];

  public async getReportSnapshot(year: number): Promise<IReportData | undefined> {
    this.snapshotReads.push(year);
    return this._options.snapshot ? clone(this._options.snapshot) : undefined;
  }
}
