import { SPFI } from '@pnp/sp';
import { IReportData } from '../model/types';
import { ICacheKey, readCache, writeCache } from './cache';
import { listOf } from './lists';
import { ITEM_QUERIES } from './queries';
import { ISummarySource } from './ISummarySource';
import { findLoad, shareLoad } from './pageLoads';
import { finishCountReads, queueCountReads } from './yearLoad';
import { batchedReads } from './batchRetry';
import { ListItem, toLibraryFile } from './mapping';
import { PAGE_SIZE } from './paging';
import { finalReports } from '../model/finalisation';
import { queueSettingsRead } from './settings';

/** How long a finished read of the cards on the same page still serves the widget. */
const SHARE_MS = 10000;

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The widget's reads: counts only (ids, domains, status, years, deadlines) in one $batch;
 * when the domain cards on the same page read their year view, the widget uses that one.
 */
export class PnPSummarySource implements ISummarySource {
  public readonly siteUrl: string;
  private readonly _sp: SPFI;

  private readonly _userKey: string;

  public constructor(sp: SPFI, siteUrl: string, userKey: string) {
    this._sp = sp;
    this.siteUrl = siteUrl.replace(/\/+$/, '');
    this._userKey = userKey;
  }

  /** Keyed by site and user, like the cards' cache (a reader never sees another user's figures). */
  private get _key(): ICacheKey {
    return { site: `summary:${this.siteUrl}`, user: this._userKey };
  }

  public getCachedSummary(): IReportData | undefined {
    return readCache(this._key) || readCache({ site: `view:${this.siteUrl}`, user: this._userKey });
  }

  public async loadSummary(): Promise<IReportData> {
    // Web parts on one page start one after the other: give the cards their turn first.
    await nextTask();
    const cards = findLoad<{ data: IReportData }>(this.siteUrl, 'cards:', SHARE_MS);
    if (cards) {
      try {
        return (await cards).data;
      } catch {
        // Their read failed: read our own.
      }
    }
    return shareLoad(this.siteUrl, 'summary', async () => {
      const [queue, execute] = batchedReads(this._sp);
      const reads = queueCountReads(queue, false);
      // The years already reported on decide the year the widget opens on, as on the cards.
      const finals = queue((b) => listOf(b, 'reports').items.select(...ITEM_QUERIES.reports.select).top(PAGE_SIZE)() as Promise<ListItem[]>);
      // The year the control team decided comes first (src/model defaultReportYear).
      const settings = queue((b) => queueSettingsRead(b));
      await execute();
      const finalYears = await finals.then(
        // Final reports only, as on the cards: not a leftover of an interrupted finalisation.
        (rows: ListItem[]) => finalReports(rows.map(toLibraryFile)).map((r) => r.year),
        () => [] as number[]
      );
      const data: IReportData = { ...(await finishCountReads(this._sp, reads, false)), finalYears, decidedYear: (await settings).reportYear };
      writeCache(this._key, data);
      return data;
    });
  }
}
