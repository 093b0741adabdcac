import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { IReportData } from '../../model/types';
import { IReportDataReader, IStoredReport } from '../IOrgRepository';
import { batchedReads } from '../batchRetry';
import { clearCache, readCache, writeCache } from '../cache';
import { httpStatusOf } from '../errors';
import { ListItem, toAction, toAudit, toDomain, toRecommendation, toRisk } from '../mapping';
import { pageOnById, PAGE_SIZE } from '../paging';
import { IItemQuery, ITEM_QUERIES } from '../queries';
import { queueSettingsRead } from '../settings';
import { OrgContext } from './context';
import { queueReports } from './reportLibrary';

const QUERIES: IItemQuery[] = [ITEM_QUERIES.domains, ITEM_QUERIES.risks, ITEM_QUERIES.actions, ITEM_QUERIES.audits, ITEM_QUERIES.recommendations];

/**
 * Every item of the five lists in one $batch; no $filter or $orderby on list items, only paging
 * by ID (always allowed, even past the 5,000 item list view threshold). Sorting and year logic
 * happen in src/model.
 */
export class PnPReportDataReader implements IReportDataReader {
  public readonly siteUrl: string;
  private readonly _ctx: OrgContext;

  public constructor(ctx: OrgContext) {
    this._ctx = ctx;
    this.siteUrl = ctx.siteUrl;
  }

  public getCached(): IReportData | undefined {
    return readCache(this._ctx.cacheKey);
  }

  public async loadReportData(): Promise<IReportData> {
    try {
      const data = await this._readAll();
      writeCache(this._ctx.cacheKey, data);
      return data;
    } catch (e) {
      // Signed out or no (longer) access: what this browser kept for the user must not be shown again.
      const status = httpStatusOf(e);
      if (status === 401 || status === 403) clearCache(this._ctx.cacheKey);
      throw e;
    }
  }

  private _items(q: IItemQuery, sp = this._ctx.sp): ReturnType<ReturnType<OrgContext['list']>['items']['top']> {
    const items = this._ctx.list(q.list, sp).items.select(...q.select).top(PAGE_SIZE);
    return q.expand.length ? items.expand(...q.expand) : items;
  }

  private async _readAll(): Promise<IReportData> {
    const [queue, execute] = batchedReads(this._ctx.sp);
    const pages: Promise<ListItem[]>[] = QUERIES.map((q) => queue((b) => this._items(q, b)() as Promise<ListItem[]>));
    // The decided year and the final reports, so every surface opens on the same year.
    const settings = queue((b) => queueSettingsRead(b));
    const reports = queueReports(this._ctx, queue).catch(() => [] as IStoredReport[]);
    await execute();
    const firsts = await Promise.all(pages);
    // A full first page means the list is larger: page on by ID outside the batch.
    const all = await Promise.all(firsts.map((first, i) => pageOnById(first, (lastId) => this._items(QUERIES[i]).skip(lastId)())));
    return {
      domains: all[0].map(toDomain),
      risks: all[1].map(toRisk),
      actions: all[2].map(toAction),
      audits: all[3].map(toAudit),
      recommendations: all[4].map(toRecommendation),
      finalYears: (await reports).map((r) => r.year),
      decidedYear: (await settings).reportYear,
      riskSettings: (await settings).risk
    };
  }
}
