import { SPFI } from '@pnp/sp';
import { IReportData } from '../model/types';
import { readCache, writeCache } from './cache';
import { ISummarySource } from './ISummarySource';
import { findLoad, shareLoad } from './pageLoads';
import { finishCountReads, queueCountReads } from './yearLoad';

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

  public constructor(sp: SPFI, siteUrl: string) {
    this._sp = sp;
    this.siteUrl = siteUrl.replace(/\/+$/, '');
  }

  private get _key(): string {
    return `summary:${this.siteUrl.toLowerCase()}`;
  }

  public getCachedSummary(): IReportData | undefined {
    return readCache(this._key) || readCache(`view:${this.siteUrl.toLowerCase()}`);
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
      const [batched, execute] = this._sp.batched();
      const reads = queueCountReads(batched, false);
      await execute();
      const data = await finishCountReads(this._sp, reads, false);
      writeCache(this._key, data);
      return data;
    });
  }
}
