import { SPFI } from '@pnp/sp';
import { ISummarySource } from './ISummarySource';
import { ISummarySourceOptions, PnPSummarySource } from './summarySource';

/**
 * The homepage widget's part of the composition root (createDataAccess): counts only, in a module
 * of its own so the widget's bundle carries none of the cards' repositories or report code.
 */
export function createSummaryAccess(sp: SPFI, siteUrl: string, userKey: string, options?: ISummarySourceOptions): { summary: ISummarySource } {
  return { summary: new PnPSummarySource(sp, siteUrl, userKey, options) };
}
