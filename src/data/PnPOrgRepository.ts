import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/batching';
import '@pnp/sp/security';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import { PermissionKind } from '@pnp/sp/security';
import { IList } from '@pnp/sp/lists';
import { getList } from '../schema/schema';
import '@pnp/sp/site-users/web';
import { IAction, IPerson, IRecommendation, IReportData, IRisk } from '../model/types';
import { defaultReportYear } from '../model/report';
import { expectedYear, isShownOnCard, withActions } from '../model/yearView';
import { ConflictError, IMarkResult, IOrgRepository, IPermissions, IReportFile, IStoredReport, IYearView, IYearViewRequest, ReportExistsError } from './IOrgRepository';
import { ListItem, toAction, toAudit, toDomain, toRecommendation, toRisk } from './mapping';
import { cardActions, finishCountReads, queueCardRows, queueCountReads, readByIds, readCardRowsFor } from './yearLoad';
import { shareLoad } from './pageLoads';
import { IItemQuery, ITEM_QUERIES } from './queries';
import { clearCache, ICacheKey, readCache, writeCache } from './cache';
import { listOf } from './lists';
import { queueSettingsRead, writeSetting } from './settings';
import { ISiteSettings, SETTING_ORGANISATION, SETTING_REPORT_YEAR } from '../model/settings';
import { httpStatusOf, isListValidationFailure, ListValidationError, sharePointMessage } from './errors';

/** Documents being finalised carry this prefix until they have their year. */
export const TEMP_PREFIX: string = '~definitief-';
const TEMP_NAME: RegExp = /^~definitief-/;
import { IMaturityResultsData } from '../model/maturity';
import { PnPMaturityRepository } from './PnPMaturityRepository';

/** SharePoint's page size limit for list item queries. */
export const PAGE_SIZE: number = 5000;

function toPerson(u: ListItem): IPerson {
  return { id: u.Id as number, title: (u.Title as string) || '', email: (u.Email as string) || undefined };
}

const QUERIES: IItemQuery[] = [ITEM_QUERIES.domains, ITEM_QUERIES.risks, ITEM_QUERIES.actions, ITEM_QUERIES.audits, ITEM_QUERIES.recommendations];

/**
 * The PnPjs implementation of the repository. Reads go in one $batch; no $filter or
 * $orderby on list items, only paging by ID (always allowed, even past the 5,000 item
 * list view threshold). Sorting and year logic happen in src/model.
 */
export interface IRepositoryOptions {
  /**
   * Who is signed in (SPFx: pageContext.user.loginName): the browser cache is kept per
   * site and user, so someone else on the same browser profile never sees this user's data.
   */
  userKey: string;
}

export class PnPOrgRepository implements IOrgRepository {
  public readonly siteUrl: string;
  private readonly _sp: SPFI;
  private readonly _userKey: string;

  public constructor(sp: SPFI, siteUrl: string, options: IRepositoryOptions) {
    this._sp = sp;
    this.siteUrl = siteUrl.replace(/\/+$/, '');
    this._userKey = options.userKey;
  }

  private _list(key: string, sp: SPFI = this._sp): IList {
    return listOf(sp, key);
  }

  private get _cacheKey(): ICacheKey {
    return { site: this.siteUrl, user: this._userKey };
  }

  public getCached(): IReportData | undefined {
    return readCache(this._cacheKey);
  }

  /** The year view's cache entry, keyed by site and user like the full data. */
  private get _viewKey(): ICacheKey {
    return { site: `view:${this.siteUrl}`, user: this._userKey };
  }

  public getCachedView(): IYearView | undefined {
    const data = readCache(this._viewKey) as (IReportData & { viewYear?: number }) | undefined;
    if (!data || typeof data.viewYear !== 'number') return undefined;
    const { viewYear, ...rest } = data;
    return { year: viewYear, data: rest, permissions: { canEdit: false, canManageLists: false, canFinalise: false }, reports: [] };
  }

  private _lastView: IYearView | undefined;

  /** Answers of the last year view for the permission and report calls that follow it (no second request). */
  private _fromView: { permissions?: Promise<IPermissions>; reports?: Promise<IStoredReport[]> } = {};

  public loadYearView(request: IYearViewRequest): Promise<IYearView> {
    const load = shareLoad(this.siteUrl, `cards:${request.year || ''}`, () =>
      this._loadYearView(request).catch((e: unknown) => {
        // Signed out or no (longer) access: what this browser kept for the user must not be shown again.
        const status = httpStatusOf(e);
        if (status === 401 || status === 403) clearCache(this._viewKey);
        throw e;
      })
    );
    // ReportActions and others ask for these right after: answer them from this load.
    const fromView = { permissions: load.then((v) => v.permissions), reports: load.then((v) => v.reports) };
    this._fromView = fromView;
    const forget = (): void => {
      if (this._fromView === fromView) this._fromView = {};
    };
    fromView.permissions.catch(forget);
    fromView.reports.catch(() => undefined);
    return load;
  }

  private async _loadYearView(request: IYearViewRequest): Promise<IYearView> {
    const today = request.today || new Date();
    const cached = this.getCachedView();
    const first = expectedYear(request.year, cached ? cached.year : undefined, today);
    const [batched, execute] = this._sp.batched();
    const counts = queueCountReads(batched, true);
    const cardRows = queueCardRows(batched, first);
    const perms = this._queuePermissions(batched);
    const reports = this._queueReports(batched);
    const settings = queueSettingsRead(batched);
    const user = batched.web.currentUser.select('Id', 'Title', 'Email')();
    await execute();
    const storedReports = await reports.catch(() => [] as IStoredReport[]);
    const decidedYear = (await settings).reportYear;
    let data: IReportData = { ...(await finishCountReads(this._sp, counts, true)), finalYears: storedReports.map((r) => r.year), decidedYear };
    // After the latest final report, once that year has ended (src/model defaultReportYear).
    const year = defaultReportYear(data, request.year, today, data.finalYears);
    let rows = await Promise.all(cardRows);
    if (year !== first) {
      // The data points at another year than expected: its card rows in a second request.
      const [b2, execute2] = this._sp.batched();
      const again = queueCardRows(b2, year);
      await execute2();
      rows = await Promise.all(again);
    }
    let shown = ([] as ListItem[]).concat(...rows.map((r) => r || []));
    if (rows.some((r) => r === undefined)) {
      // A year with more rows than one filter may select (list view threshold): the count
      // read told which rows the card shows, so their card fields are read by id (100 ids a
      // query, 100 queries a $batch), never the card fields of the whole list.
      const have: Record<number, true> = {};
      for (const r of shown) have[r.Id as number] = true;
      const missing = data.actions.filter((a) => isShownOnCard(a, year) && !have[a.id]).map((a) => a.id);
      shown = shown.concat(await readByIds(this._sp, ITEM_QUERIES.cardActions, missing));
    }
    data = withActions(data, cardActions(shown));
    const view: IYearView = {
      year,
      data,
      permissions: await perms.catch(() => ({ canEdit: false, canManageLists: false, canFinalise: false })),
      reports: storedReports,
      currentUser: await user.then(toPerson).catch(() => undefined)
    };
    writeCache(this._viewKey, { ...data, viewYear: year } as IReportData);
    this._lastView = view;
    return view;
  }

  public async loadActionTitles(ids: number[]): Promise<IAction[]> {
    // The count rows say which year each one belongs to: read by year where that is cheaper.
    const last = this._lastView || this.getCachedView();
    const known: Record<number, IAction> = {};
    if (last) for (const a of last.data.actions) known[a.id] = a;
    const withYears = ids.map((id) => known[id] || ({ id, domainIds: [], subItems: [], risks: [], status: 'Gepland', title: '' } as IAction));
    return cardActions(await readCardRowsFor(this._sp, withYears));
  }

  public loadActionDetails(id: number): Promise<IAction | undefined> {
    return this._readAction(id);
  }

  public async loadRiskDetails(id: number): Promise<IRisk | undefined> {
    try {
      const item = await this._list('risks').items.getById(id).select(...ITEM_QUERIES.risks.select).expand(...ITEM_QUERIES.risks.expand)();
      return toRisk(item);
    } catch (e) {
      if (httpStatusOf(e) === 404) return undefined;
      throw e;
    }
  }

  public async loadReportData(): Promise<IReportData> {
    try {
      const data = await this._readAll();
      writeCache(this._cacheKey, data);
      return data;
    } catch (e) {
      // Signed out or no (longer) access: what this browser kept for the user must not be shown again.
      const status = httpStatusOf(e);
      if (status === 401 || status === 403) clearCache(this._cacheKey);
      throw e;
    }
  }

  private async _readAll(): Promise<IReportData> {
    const [batched, execute] = this._sp.batched();
    const pages: Promise<ListItem[]>[] = QUERIES.map((q) => {
      let items = this._list(q.list, batched).items.select(...q.select).top(PAGE_SIZE);
      if (q.expand.length) items = items.expand(...q.expand);
      return items();
    });
    // The decided year and the final reports, so every surface opens on the same year.
    const settings = queueSettingsRead(batched);
    const reports = this._queueReports(batched).catch(() => [] as IStoredReport[]);
    await execute();
    const firsts = await Promise.all(pages);
    // A full first page means the list is larger: page on by ID outside the batch.
    const all = await Promise.all(firsts.map((first, i) => this._rest(QUERIES[i], first)));
    const data: IReportData = {
      domains: all[0].map(toDomain),
      risks: all[1].map(toRisk),
      actions: all[2].map(toAction),
      audits: all[3].map(toAudit),
      recommendations: all[4].map(toRecommendation),
      finalYears: (await reports).map((r) => r.year),
      decidedYear: (await settings).reportYear
    };
    return data;
  }

  private async _rest(q: IItemQuery, first: ListItem[]): Promise<ListItem[]> {
    let result = first;
    let page = first;
    while (page.length === PAGE_SIZE) {
      const lastId = page[page.length - 1].Id as number;
      let items = this._list(q.list).items.select(...q.select).top(PAGE_SIZE).skip(lastId);
      if (q.expand.length) items = items.expand(...q.expand);
      page = await items();
      result = result.concat(page);
    }
    return result;
  }

  private async _readAction(id: number): Promise<IAction | undefined> {
    try {
      const item = await this._list('actions').items.getById(id).select(...ITEM_QUERIES.actions.select).expand(...ITEM_QUERIES.actions.expand)();
      return toAction(item);
    } catch (e) {
      if (httpStatusOf(e) === 404) return undefined;
      throw e;
    }
  }

  public async realiseAction(action: IAction, year: number): Promise<IAction> {
    try {
      const result: { etag?: string } = await this._list('actions')
        .items.getById(action.id)
        .update({ ActieStatus: 'Gerealiseerd', JaarGerealiseerd: year }, action.etag || '*');
      return { ...action, status: 'Gerealiseerd', realisedYear: year, etag: result && result.etag ? result.etag : action.etag };
    } catch (e) {
      if (httpStatusOf(e) === 412) {
        throw new ConflictError('Version conflict', await this._readAction(action.id));
      }
      if (isListValidationFailure(e)) {
        const rule = getList('actions').validation;
        throw new ListValidationError(rule ? rule.message : sharePointMessage(e));
      }
      throw e;
    }
  }

  private _currentUser: Promise<IPerson> | undefined;

  public getCurrentUser(): Promise<IPerson> {
    if (!this._currentUser) {
      this._currentUser = this._sp.web.currentUser
        .select('Id', 'Title', 'Email')()
        .then(toPerson);
      // A failed read is not remembered: the next call asks again.
      this._currentUser.catch(() => (this._currentUser = undefined));
    }
    return this._currentUser;
  }

  private async _readRecommendation(id: number): Promise<IRecommendation | undefined> {
    try {
      const item = await this._list('recommendations').items.getById(id).select(...ITEM_QUERIES.recommendations.select).expand(...ITEM_QUERIES.recommendations.expand)();
      return toRecommendation(item);
    } catch (e) {
      if (httpStatusOf(e) === 404) return undefined;
      throw e;
    }
  }

  public async markRecommendationsCarriedOut(recommendations: IRecommendation[]): Promise<IMarkResult> {
    const result: IMarkResult = { updated: [], conflicts: [], failed: [] };
    // One by one, each on its own ETag: a conflict on one leaves the others unaffected.
    for (const r of recommendations) {
      try {
        const res: { etag?: string } = await this._list('recommendations')
          .items.getById(r.id)
          .update({ AanbevelingStatus: 'Uitgevoerd' }, r.etag || '*');
        result.updated.push({ ...r, status: 'Uitgevoerd', etag: res && res.etag ? res.etag : r.etag });
      } catch (e) {
        if (httpStatusOf(e) === 412) {
          const latest = await this._readRecommendation(r.id).catch(() => undefined);
          result.conflicts.push(latest || r);
        } else {
          result.failed.push(r);
        }
      }
    }
    return result;
  }

  public loadMaturityResults(): Promise<IMaturityResultsData> {
    return new PnPMaturityRepository(this._sp, this.siteUrl).loadResults();
  }

  /** The current user's rights, queued on a batch (the year view reads them in its one round trip). */
  private _queuePermissions(batched: SPFI): Promise<IPermissions> {
    const web = batched.web.getCurrentUserEffectivePermissions();
    const list = this._list('actions', batched).getCurrentUserEffectivePermissions();
    // Finalising is decided by the library itself: it may have its own permissions.
    const reports = this._list('reports', batched).getCurrentUserEffectivePermissions();
    // The list ids for the version history links, in the same round trip (unknown on failure).
    const idOf = (p: Promise<{ Id?: string }>): Promise<string | undefined> => p.then((l) => l.Id, () => undefined);
    const actionsId = idOf(this._list('actions', batched).select('Id')());
    const risksId = idOf(this._list('risks', batched).select('Id')());
    return Promise.all([web, list, reports, actionsId, risksId]).then(([webPerms, listPerms, reportPerms, actions, risks]) => ({
      canEdit: this._sp.web.hasPermissions(listPerms, PermissionKind.EditListItems),
      canManageLists: this._sp.web.hasPermissions(webPerms, PermissionKind.ManageLists),
      canFinalise: this._sp.web.hasPermissions(reportPerms, PermissionKind.AddListItems),
      listIds: { actions, risks }
    }));
  }

  public async getPermissions(): Promise<IPermissions> {
    const fromView = this._fromView.permissions;
    if (fromView) {
      this._fromView.permissions = undefined;
      return fromView;
    }
    const [batched, execute] = this._sp.batched();
    const perms = this._queuePermissions(batched);
    await execute();
    return perms;
  }

  private get _reportsFolder(): string {
    return `${new URL(this.siteUrl).pathname.replace(/\/+$/, '')}/${getList('reports').url}`;
  }

  private _queueReports(sp: SPFI): Promise<IStoredReport[]> {
    return this._list('reports', sp)
      .items.select(...ITEM_QUERIES.reports.select)
      .top(PAGE_SIZE)()
      .then((items: ListItem[]) => this._toReports(items));
  }

  public getStoredReports(): Promise<IStoredReport[]> {
    const fromView = this._fromView.reports;
    if (fromView) {
      // Once: a later call (after "Definitief maken") reads the library again.
      this._fromView.reports = undefined;
      return fromView;
    }
    return this._queueReports(this._sp);
  }

  private _toReports(items: ListItem[]): IStoredReport[] {
    const origin = new URL(this.siteUrl).origin;
    return items
      .filter((i) => typeof i.Rapportjaar === 'number' && !TEMP_NAME.test(i.FileLeafRef as string))
      .map((i) => ({
        name: i.FileLeafRef as string,
        year: i.Rapportjaar as number,
        format: /\.json$/i.test(i.FileLeafRef as string) ? 'Gegevens' : i.Formaat === 'PowerPoint' ? 'PowerPoint' : 'Word',
        url: origin + encodeURI(i.FileRef as string),
        modified: i.Modified as string | undefined
      }));
  }

  public async getSettings(): Promise<ISiteSettings> {
    const [batched, execute] = this._sp.batched();
    const settings = queueSettingsRead(batched);
    await execute();
    return settings;
  }

  public async setReportYear(year: number): Promise<void> {
    await writeSetting(this._sp, SETTING_REPORT_YEAR, String(year));
    // Every surface reads the year with its data: what this browser kept is of the old year.
    clearCache(this._viewKey);
    clearCache(this._cacheKey);
  }

  public async setOrganisation(name: string): Promise<void> {
    await writeSetting(this._sp, SETTING_ORGANISATION, name);
  }

  public async getSiteTitle(): Promise<string> {
    const web = (await this._sp.web.select('Title')()) as { Title?: string };
    return web.Title || '';
  }

  public async getReportSnapshot(year: number): Promise<IReportData | undefined> {
    const snap = (await this.getStoredReports()).filter((r) => r.year === year && r.format === 'Gegevens')[0];
    if (!snap) return undefined;
    const text = await this._sp.web.getFileByServerRelativePath(new URL(snap.url).pathname.split('/').map(decodeURIComponent).join('/')).getText();
    const parsed = JSON.parse(text) as { data?: IReportData };
    return parsed && parsed.data && Array.isArray(parsed.data.domains) ? parsed.data : undefined;
  }

  public async finaliseReport(year: number, files: IReportFile[], replace: boolean): Promise<IStoredReport[]> {
    const existing = (await this.getStoredReports()).filter((r) => r.year === year);
    if (existing.length > 0 && !replace) throw new ReportExistsError(existing);
    const created: string[] = [];
    const stored: IStoredReport[] = [];
    try {
      for (const f of files) {
        const finalUrl = `${this._reportsFolder}/${f.name}`;
        const meta = { Rapportjaar: year, Formaat: f.format === 'Gegevens' ? null : f.format, Definitief: true };
        if (existing.some((r) => r.name.toLowerCase() === f.name.toLowerCase())) {
          // Same name, already final with its year: a new version of it; the earlier one stays in the history.
          await this._folder().files.addUsingPath(f.name, f.content, { Overwrite: true });
          await (await this._sp.web.getFileByServerRelativePath(finalUrl).getItem()).update(meta);
        } else {
          // Never visible under its final name without its year: temporary name, columns, then rename.
          const tmpName = `${TEMP_PREFIX}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}-${f.name}`;
          const tmpUrl = `${this._reportsFolder}/${tmpName}`;
          await this._folder().files.addUsingPath(tmpName, f.content, { Overwrite: false });
          created.push(tmpUrl);
          await (await this._sp.web.getFileByServerRelativePath(tmpUrl).getItem()).update(meta);
          // overwrite=false: someone who finalised the same year meanwhile is never overwritten silently.
          await this._sp.web.getFileByServerRelativePath(tmpUrl).moveByPath(finalUrl, false);
          created[created.length - 1] = finalUrl;
        }
        stored.push({ name: f.name, year, format: f.format, url: new URL(this.siteUrl).origin + encodeURI(finalUrl) });
      }
      this._fromView.reports = undefined;
    } catch (e) {
      // Leave the library as it was: remove what this call added (temporary or already renamed).
      for (const url of created) {
        await this._sp.web.getFileByServerRelativePath(url).delete().catch(() => undefined);
      }
      if (isFileExists(e)) throw new ReportExistsError((await this.getStoredReports().catch(() => [])).filter((r) => r.year === year));
      throw e;
    }
    return stored;
  }

  private _folder(): ReturnType<SPFI['web']['getFolderByServerRelativePath']> {
    return this._sp.web.getFolderByServerRelativePath(this._reportsFolder);
  }
}


/** SharePoint's "file already exists" (code -2130575257), also when someone else finished first. */
function isFileExists(e: unknown): boolean {
  return sharePointMessage(e).indexOf('already exists') >= 0 || /-2130575257/.test(e instanceof Error ? e.message : String(e));
}
