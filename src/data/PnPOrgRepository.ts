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
import { ConflictError, IMarkResult, IOrgRepository, IPermissions, IRepairResult, IReportFile, IStoredReport, IYearView, IYearViewRequest, ReportExistsError } from './IOrgRepository';
import { ListItem, toAction, toLibraryFile, toAudit, toDomain, toRecommendation, toRisk } from './mapping';
import { cardActions, finishCountReads, queueCardRows, queueCountReads, readByIds, readCardRowsFor } from './yearLoad';
import { shareLoad } from './pageLoads';
import { BatchedRead, batchedReads } from './batchRetry';
import { IItemQuery, ITEM_QUERIES } from './queries';
import { clearCache, ICacheKey, readCache, writeCache } from './cache';
import { listOf } from './lists';
import { queueSettingsRead, writeSetting } from './settings';
import { ISiteSettings, SETTING_ORGANISATION, SETTING_REPORT_YEAR } from '../model/settings';
import { pageOnById, PAGE_SIZE } from './paging';
import { httpStatusOf, isListValidationFailure, ListValidationError, sharePointMessage } from './errors';
import { finalReports, isTempName, IReportLibraryFile, needsRepair, newSetId, planRepair, tempName } from '../model/finalisation';
import { IMaturityResultsData } from '../model/maturity';
import { PnPMaturityRepository } from './PnPMaturityRepository';

/** SharePoint's page size limit for list item queries. */

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
    const [queue, execute] = batchedReads(this._sp);
    const counts = queueCountReads(queue, true);
    const cardRows = queueCardRows(queue, first);
    const perms = this._queuePermissions(queue);
    const reports = this._queueReports(queue);
    const settings = queue((b) => queueSettingsRead(b));
    const user = queue((b) => b.web.currentUser.select('Id', 'Title', 'Email')() as Promise<ListItem>);
    // Awaited below, unless the counts fail first: then their failure is the one reported.
    for (const p of [perms, ...cardRows]) p.catch(() => undefined);
    await execute();
    const storedReports = await reports.catch(() => [] as IStoredReport[]);
    const decidedYear = (await settings).reportYear;
    let data: IReportData = { ...(await finishCountReads(this._sp, counts, true)), finalYears: storedReports.map((r) => r.year), decidedYear };
    data.riskSettings = (await settings).risk;
    // After the latest final report, once that year has ended (src/model defaultReportYear).
    const year = defaultReportYear(data, request.year, today, data.finalYears);
    let rows = await Promise.all(cardRows);
    if (year !== first) {
      // The data points at another year than expected: its card rows in a second request.
      const [q2, execute2] = batchedReads(this._sp);
      const again = queueCardRows(q2, year);
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
    const [queue, execute] = batchedReads(this._sp);
    const pages: Promise<ListItem[]>[] = QUERIES.map((q) =>
      queue((b) => {
        let items = this._list(q.list, b).items.select(...q.select).top(PAGE_SIZE);
        if (q.expand.length) items = items.expand(...q.expand);
        return items() as Promise<ListItem[]>;
      })
    );
    // The decided year and the final reports, so every surface opens on the same year.
    const settings = queue((b) => queueSettingsRead(b));
    const reports = this._queueReports(queue).catch(() => [] as IStoredReport[]);
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
      decidedYear: (await settings).reportYear,
      riskSettings: (await settings).risk
    };
    return data;
  }

  private async _rest(q: IItemQuery, first: ListItem[]): Promise<ListItem[]> {
    return pageOnById(first, (lastId) => {
      let items = this._list(q.list).items.select(...q.select).top(PAGE_SIZE).skip(lastId);
      if (q.expand.length) items = items.expand(...q.expand);
      return items();
    });
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
  private _queuePermissions(queue: BatchedRead): Promise<IPermissions> {
    const web = queue((b) => b.web.getCurrentUserEffectivePermissions());
    const list = queue((b) => this._list('actions', b).getCurrentUserEffectivePermissions());
    // Finalising is decided by the library itself: it may have its own permissions.
    const reports = queue((b) => this._list('reports', b).getCurrentUserEffectivePermissions());
    // The list ids for the version history links, in the same round trip (unknown on failure).
    const idOf = (p: Promise<{ Id?: string }>): Promise<string | undefined> => p.then((l) => l.Id, () => undefined);
    const actionsId = idOf(queue((b) => this._list('actions', b).select('Id')() as Promise<{ Id?: string }>));
    const risksId = idOf(queue((b) => this._list('risks', b).select('Id')() as Promise<{ Id?: string }>));
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
    const [queue, execute] = batchedReads(this._sp);
    const perms = this._queuePermissions(queue);
    await execute();
    return perms;
  }

  private get _reportsFolder(): string {
    return `${new URL(this.siteUrl).pathname.replace(/\/+$/, '')}/${getList('reports').url}`;
  }

  private _queueReports(queue: BatchedRead): Promise<IStoredReport[]> {
    return this._queueLibrary(queue).then((files) => this._toReports(files));
  }

  /** Every document of Rapporten with its columns; remembered, so the cards know without a request whether to repair. */
  private _queueLibrary(queue: BatchedRead): Promise<IReportLibraryFile[]> {
    return queue((b) => this._list('reports', b).items.select(...ITEM_QUERIES.reports.select).top(PAGE_SIZE)() as Promise<ListItem[]>).then((items) => {
      const files = items.map(toLibraryFile);
      this._library = files;
      return files;
    });
  }

  /** The library as last read (undefined before the first read). */
  private _library: IReportLibraryFile[] | undefined;

  public getStoredReports(): Promise<IStoredReport[]> {
    const fromView = this._fromView.reports;
    if (fromView) {
      // Once: a later call (after "Definitief maken") reads the library again.
      this._fromView.reports = undefined;
      return fromView;
    }
    // Not batched: the read runs on its own.
    return this._queueReports((read) => read(this._sp));
  }

  private _toReports(files: IReportLibraryFile[]): IStoredReport[] {
    const origin = new URL(this.siteUrl).origin;
    return finalReports(files).map((f) => ({ name: f.name, year: f.year, format: f.format, url: origin + encodeURI(f.file.path), modified: f.file.modified, setId: f.setId }));
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

  /**
   * Repairs what interrupted finalisations left in Rapporten (src/model/finalisation): staged files of a
   * set that never committed are removed; a committed set is finished (its staged content overwrites the
   * final names, the earlier content stays in the version history). `onlyIfSeen`: decide on the library
   * as last read and make no request when it showed nothing to repair (the cards on load).
   */
  public async repairFinalisations(onlyIfSeen: boolean = false): Promise<IRepairResult> {
    const none: IRepairResult = { removed: 0, completedYears: [] };
    if (onlyIfSeen && this._library && !needsRepair(this._library)) return none;
    const plan = planRepair(await this._queueLibrary((read) => read(this._sp)));
    if (plan.rollForward.length === 0 && plan.remove.length === 0) return none;
    for (const set of plan.rollForward) {
      for (const s of set.swap) {
        const content = await this._file(s.staged.path).getBuffer();
        await this._putFinal(s.finalName, content, true, { year: set.year, format: s.staged.format, setId: set.setId });
      }
      await this._retireAndClean(set.retire, set.cleanup);
    }
    for (const f of plan.remove) await this._deleteIfThere(f.path);
    this._fromView.reports = undefined;
    const result = { removed: plan.remove.length, completedYears: plan.rollForward.map((r) => r.year) };
    this._library = undefined;
    return result;
  }

  public async finaliseReport(year: number, files: IReportFile[], replace: boolean): Promise<IStoredReport[]> {
    await this.repairFinalisations();
    const existing = this._toReports(await this._queueLibrary((read) => read(this._sp))).filter((r) => r.year === year);
    if (existing.length > 0 && !replace) throw new ReportExistsError(existing);
    const setId = newSetId();
    const staged: string[] = [];
    let committed = false;
    let swapped = 0;
    try {
      // 1. Stage: every file under a temporary name with its year and set id, not yet final.
      for (const f of files) {
        const tmp = tempName(setId, f.name);
        await this._folder().files.addUsingPath(tmp, f.content, { Overwrite: false });
        staged.push(`${this._reportsFolder}/${tmp}`);
        await (await this._file(staged[staged.length - 1]).getItem()).update({ ...columns(year, f.format, setId), Definitief: false });
      }
      // Someone else may have finalised the year meanwhile: never overwrite theirs without asking.
      const library = await this._queueLibrary((read) => read(this._sp));
      if (!replace) {
        const now = this._toReports(library).filter((r) => r.year === year);
        if (now.length > 0) throw new ReportExistsError(now);
      }
      // 2. Commit: this one write makes the new set the year's final report (the cards serve it from the staged copies).
      await (await this._file(staged[staged.length - 1]).getItem()).update({ Definitief: true });
      committed = true;
      // 3. Swap: overwrite the final names; the earlier report stays in each file's version history.
      for (const f of files) {
        await this._putFinal(f.name, f.content, replace, { year, format: f.format, setId });
        swapped++;
      }
      // 4. Retire what the set does not replace, then remove the staged copies, the commit marker last.
      const names = files.map((f) => f.name.toLowerCase());
      const retire = library.filter((f) => f.year === year && f.final && !isTempName(f.name) && names.indexOf(f.name.toLowerCase()) < 0);
      await this._retireAndClean(retire, []);
      for (const url of staged) await this._deleteIfThere(url);
      this._fromView.reports = undefined;
      this._library = undefined;
    } catch (e) {
      if (committed && !(swapped === 0 && isFileExists(e))) {
        // Past the commit the new set is the report: finish it now if SharePoint answers, else the next run does.
        // (Also when someone's cards finished it meanwhile: then this run's own clean-up found its files gone.)
        const now = await this.repairFinalisations()
          .then(() => this._queueLibrary((read) => read(this._sp)))
          .then((lib) => (needsRepair(lib) ? [] : this._toReports(lib).filter((r) => r.year === year)))
          .catch(() => [] as IStoredReport[]);
        if (now.length === files.length && now.every((r) => r.setId === setId)) return this._stored(year, files);
        throw e;
      }
      // Before the commit (or nothing swapped when someone else finished first): remove what this call added, the marker first.
      for (const url of staged.slice().reverse()) await this._deleteIfThere(url);
      this._library = undefined;
      if (e instanceof ReportExistsError) throw e;
      if (isFileExists(e)) throw new ReportExistsError((await this.getStoredReports().catch(() => [])).filter((r) => r.year === year));
      throw e;
    }
    return this._stored(year, files);
  }

  private _stored(year: number, files: IReportFile[]): IStoredReport[] {
    const origin = new URL(this.siteUrl).origin;
    return files.map((f) => ({ name: f.name, year, format: f.format, url: origin + encodeURI(`${this._reportsFolder}/${f.name}`) }));
  }

  /** Content first, then the columns with the set id: only then does the final name count as part of the set. */
  private async _putFinal(name: string, content: ArrayBuffer, overwrite: boolean, c: { year: number; format: IReportFile['format']; setId: string }): Promise<void> {
    await this._folder().files.addUsingPath(name, content, { Overwrite: overwrite });
    await (await this._file(`${this._reportsFolder}/${name}`).getItem()).update({ ...columns(c.year, c.format, c.setId), Definitief: true });
  }

  private async _retireAndClean(retire: IReportLibraryFile[], cleanup: IReportLibraryFile[]): Promise<void> {
    for (const f of retire) await (await this._file(f.path).getItem()).update({ Definitief: false });
    for (const f of cleanup) await this._deleteIfThere(f.path);
  }

  private async _deleteIfThere(path: string): Promise<void> {
    try {
      await this._file(path).delete();
    } catch (e) {
      if (httpStatusOf(e) !== 404) throw e;
    }
  }

  private _file(path: string): ReturnType<SPFI['web']['getFileByServerRelativePath']> {
    return this._sp.web.getFileByServerRelativePath(path);
  }

  private _folder(): ReturnType<SPFI['web']['getFolderByServerRelativePath']> {
    return this._sp.web.getFolderByServerRelativePath(this._reportsFolder);
  }
}


function columns(year: number, format: IReportFile['format'], setId: string): Record<string, unknown> {
  return { Rapportjaar: year, Formaat: format === 'Gegevens' ? null : format, Finalisatie: setId };
}

/** SharePoint's "file already exists" (code -2130575257), also when someone else finished first. */
function isFileExists(e: unknown): boolean {
  return sharePointMessage(e).indexOf('already exists') >= 0 || /-2130575257/.test(e instanceof Error ? e.message : String(e));
}
