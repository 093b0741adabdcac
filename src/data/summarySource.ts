import { SPFI } from '@pnp/sp';
import '@pnp/sp/site-users/web';
import { IReportData } from '../model/types';
import { myDueItems } from '../model/audits';
import { ICacheKey, readCache, writeCache } from './cache';
import { listOf } from './lists';
import { ITEM_QUERIES } from './queries';
import { ISummarySource } from './ISummarySource';
import { findLoad, shareLoad } from './pageLoads';
import { finishCountReads, queueCountReads, readByIds } from './yearLoad';
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

export interface ISummarySourceOptions {
  /**
   * Also who is signed in (same $batch) and the names of their own due and overdue actions
   * (one small read by id): the Viva card puts them first.
   */
  mine?: boolean;
}

/**
 * The reads of the widget and the Viva card: counts only (ids, domains, status, years,
 * deadlines, owner ids) in one $batch; when the domain cards on the same page read their
 * year view, the widget uses that one.
 */
export class PnPSummarySource implements ISummarySource {
  public readonly siteUrl: string;
  private readonly _sp: SPFI;
  private readonly _userKey: string;
  private readonly _mine: boolean;

  public constructor(sp: SPFI, siteUrl: string, userKey: string, options: ISummarySourceOptions = {}) {
    this._sp = sp;
    this.siteUrl = siteUrl.replace(/\/+$/, '');
    this._userKey = userKey;
    this._mine = !!options.mine;
  }

  /** Keyed by site and user, like the cards' cache (a reader never sees another user's figures). */
  private get _key(): ICacheKey {
    return { site: `${this._mine ? 'summary-mine' : 'summary'}:${this.siteUrl}`, user: this._userKey };
  }

  public getCachedSummary(): IReportData | undefined {
    return readCache(this._key) || readCache({ site: `view:${this.siteUrl}`, user: this._userKey });
  }

  public async loadSummary(): Promise<IReportData> {
    // Web parts on one page start one after the other: give the cards their turn first.
    await nextTask();
    // The cards' year view does not say who is signed in: the card with own items reads its own.
    const cards = this._mine ? undefined : findLoad<{ data: IReportData }>(this.siteUrl, 'cards:', SHARE_MS);
    if (cards) {
      try {
        return (await cards).data;
      } catch {
        // Their read failed: read our own.
      }
    }
    return shareLoad(this.siteUrl, this._mine ? 'summary-mine' : 'summary', async () => {
      const data = await this._read();
      writeCache(this._key, data);
      return data;
    });
  }

  private async _read(): Promise<IReportData> {
    const [queue, execute] = batchedReads(this._sp);
    const reads = queueCountReads(queue, false);
    // The years already reported on decide the year the widget opens on, as on the cards.
    const finals = queue((b) => listOf(b, 'reports').items.select(...ITEM_QUERIES.reports.select).top(PAGE_SIZE)() as Promise<ListItem[]>);
    // The year the control team decided comes first (src/model defaultReportYear).
    const settings = queue((b) => queueSettingsRead(b));
    const user = this._mine ? queue((b) => b.web.currentUser.select('Id', 'Title')() as Promise<ListItem>) : undefined;
    if (user) user.catch(() => undefined);
    await execute();
    const finalYears = await finals.then(
      // Final reports only, as on the cards: not a leftover of an interrupted finalisation.
      (rows: ListItem[]) => finalReports(rows.map(toLibraryFile)).map((r) => r.year),
      () => [] as number[]
    );
    const data: IReportData = { ...(await finishCountReads(this._sp, reads, false)), finalYears, decidedYear: (await settings).reportYear };
    // Without the user the card still shows the year's figures.
    const me = user ? await user.catch(() => undefined) : undefined;
    if (!me) return data;
    data.currentUser = { id: me.Id as number, title: (me.Title as string) || '' };
    return this._withTitles(data, data.currentUser.id);
  }

  /** Count rows carry no titles: read the names of the user's own due and overdue actions by id. */
  private async _withTitles(data: IReportData, userId: number): Promise<IReportData> {
    const ids = myDueItems(data, userId, new Date())
      .filter((i) => i.kind === 'action')
      .map((i) => (i.kind === 'action' ? i.action.id : 0));
    if (!ids.length) return data;
    // Without the names the card still counts them (and names them by number).
    const rows = await readByIds(this._sp, ITEM_QUERIES.mineActions, ids).catch(() => [] as ListItem[]);
    const byId: Record<number, ListItem> = {};
    for (const r of rows) byId[r.Id as number] = r;
    const actions = data.actions.map((a) => (byId[a.id] ? { ...a, title: (byId[a.id].Title as string) || '', shortTitle: (byId[a.id].KorteTitel as string) || undefined } : a));
    return { ...data, actions };
  }
}
