import { spfi, SPFx } from '@pnp/sp';
import { resolveDataSite, storageEntityReader } from './dataSite';
import { createSummaryAccess } from './createSummaryAccess';
import { ISummarySource } from './ISummarySource';
import { buildFigures, IFigures, IMyFigures, myFigures } from '../model/figures';
import { defaultReportYear } from '../model/report';

export interface ICardFigures {
  figures: IFigures;
  /** The signed-in user's own overdue and soon-due items; absent when the data site did not say who is signed in. */
  mine?: IMyFigures;
}

/**
 * The card's figures through the widget's counts path (ISummarySource: one $batch, no
 * descriptions), for the same year as the cards and the widget.
 */
export async function loadCardFigures(source: ISummarySource, configuredYear: number | undefined, today: Date): Promise<ICardFigures> {
  const data = await source.loadSummary();
  const figures = buildFigures(data, defaultReportYear(data, configuredYear, today, data.finalYears || []), today);
  return { figures, mine: data.currentUser ? myFigures(data, data.currentUser.id, today) : undefined };
}

/** What the card needs of its SPFx context: PnPjs' SPFx behaviour, the current web and the user. */
export type CardContext = Parameters<typeof SPFx>[0] & { pageContext: { web: { absoluteUrl: string }; user: { loginName: string } } };

/**
 * The card's figures on a Viva Connections dashboard: the data site from its setting, else the
 * tenant property, else the current site; then one round trip (and the names of the user's own
 * due actions).
 */
export async function loadCardFiguresInSpfx(context: CardContext, setting: string | undefined, configuredYear: number | undefined, today: Date): Promise<ICardFigures> {
  const here = context.pageContext.web.absoluteUrl;
  const site = await resolveDataSite(setting, here, storageEntityReader(spfi(here).using(SPFx(context))));
  const source = createSummaryAccess(spfi(site.url).using(SPFx(context)), site.url, context.pageContext.user.loginName, { mine: true }).summary;
  return loadCardFigures(source, configuredYear, today);
}
