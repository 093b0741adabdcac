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
import { IAction, IPerson, IRecommendation, IReportData } from '../model/types';
import { ConflictError, IMarkResult, IOrgRepository, IPermissions, IStoredReport } from './IOrgRepository';
import { ListItem, toAction, toAudit, toDomain, toRecommendation, toRisk } from './mapping';
import { IItemQuery, ITEM_QUERIES } from './queries';
import { clearCache, ICacheKey, readCache, writeCache } from './cache';
import { listOf } from './lists';
import { httpStatusOf } from './errors';
import { IMaturityResultsData } from '../model/maturity';
import { PnPMaturityRepository } from './PnPMaturityRepository';

/** SharePoint's page size limit for list item queries. */
export const PAGE_SIZE: number = 5000;

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
    await execute();
    const firsts = await Promise.all(pages);
    // A full first page means the list is larger: page on by ID outside the batch.
    const all = await Promise.all(firsts.map((first, i) => this._rest(QUERIES[i], first)));
    const data: IReportData = {
      domains: all[0].map(toDomain),
      risks: all[1].map(toRisk),
      actions: all[2].map(toAction),
      audits: all[3].map(toAudit),
      recommendations: all[4].map(toRecommendation)
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
      throw e;
    }
  }

  private _currentUser: Promise<IPerson> | undefined;

  public getCurrentUser(): Promise<IPerson> {
    if (!this._currentUser) {
      this._currentUser = this._sp.web.currentUser
        .select('Id', 'Title', 'Email')()
        .then((u: ListItem) => ({ id: u.Id as number, title: (u.Title as string) || '', email: (u.Email as string) || undefined }));
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

  public async getPermissions(): Promise<IPermissions> {
    const [batched, execute] = this._sp.batched();
    const web = batched.web.getCurrentUserEffectivePermissions();
    const list = this._list('actions', batched).getCurrentUserEffectivePermissions();
    await execute();
    const [webPerms, listPerms] = await Promise.all([web, list]);
    return {
      canEdit: this._sp.web.hasPermissions(listPerms, PermissionKind.EditListItems),
      canManageLists: this._sp.web.hasPermissions(webPerms, PermissionKind.ManageLists)
    };
  }

  private get _reportsFolder(): string {
    return `${new URL(this.siteUrl).pathname.replace(/\/+$/, '')}/${getList('reports').url}`;
  }

  public async getStoredReports(): Promise<IStoredReport[]> {
    const items: ListItem[] = await this._list('reports')
      .items.select(...ITEM_QUERIES.reports.select)
      .top(PAGE_SIZE)();
    const origin = new URL(this.siteUrl).origin;
    return items
      .filter((i) => typeof i.Rapportjaar === 'number')
      .map((i) => ({
        name: i.FileLeafRef as string,
        year: i.Rapportjaar as number,
        format: i.Formaat === 'PowerPoint' ? 'PowerPoint' : 'Word',
        url: origin + encodeURI(i.FileRef as string),
        modified: i.Modified as string | undefined
      }));
  }

  public async storeReport(name: string, year: number, format: 'Word' | 'PowerPoint', content: Blob | ArrayBuffer): Promise<IStoredReport> {
    const folder = this._sp.web.getFolderByServerRelativePath(this._reportsFolder);
    const info = await folder.files.addUsingPath(name, content, { Overwrite: true });
    const file = this._sp.web.getFileByServerRelativePath(info.ServerRelativeUrl);
    const item = await file.getItem();
    await item.update({ Rapportjaar: year, Formaat: format, Definitief: true });
    return { name, year, format, url: new URL(this.siteUrl).origin + encodeURI(info.ServerRelativeUrl) };
  }
}
