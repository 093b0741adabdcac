import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import { IList } from '@pnp/sp/lists';
import { IReportLibraryFile } from '../../model/finalisation';
import { IPermissions, IStoredReport, IYearView } from '../IOrgRepository';
import { ICacheKey } from '../cache';
import { listOf } from '../lists';
import { httpStatusOf } from '../errors';

/**
 * What the roles of one data site share (built once per host by createDataAccess): the spfi,
 * the browser cache keys, and what the year view read answers for the reads that follow it.
 */
export class OrgContext {
  public readonly sp: SPFI;
  public readonly siteUrl: string;
  private readonly _userKey: string;
  /** The last year view read (its count rows say which year an older action belongs to). */
  public lastView: IYearView | undefined;
  /** Answers of the last year view for the permission and report calls that follow it (no second request). */
  public fromView: { permissions?: Promise<IPermissions>; reports?: Promise<IStoredReport[]> } = {};
  /** The Rapporten library as last read (undefined before the first read): tells without a request whether to repair. */
  public library: IReportLibraryFile[] | undefined;

  public constructor(sp: SPFI, siteUrl: string, userKey: string) {
    this.sp = sp;
    this.siteUrl = siteUrl.replace(/\/+$/, '');
    this._userKey = userKey;
  }

  public list(key: string, sp: SPFI = this.sp): IList {
    return listOf(sp, key);
  }

  /** The full data's cache entry: kept per site and user, so someone else on the same browser profile never sees it. */
  public get cacheKey(): ICacheKey {
    return { site: this.siteUrl, user: this._userKey };
  }

  /** The year view's cache entry, keyed by site and user like the full data. */
  public get viewKey(): ICacheKey {
    return { site: `view:${this.siteUrl}`, user: this._userKey };
  }
}

/** 404 (the item is gone) reads as undefined; every other failure is thrown. */
export async function orUndefinedOn404<T>(read: () => Promise<T>): Promise<T | undefined> {
  try {
    return await read();
  } catch (e) {
    if (httpStatusOf(e) === 404) return undefined;
    throw e;
  }
}
