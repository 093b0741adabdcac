import { spfi, SPFx } from '@pnp/sp';
import { resolveDataSite, storageEntityReader } from './dataSite';
import { createDataAccess } from './createDataAccess';
import { IReportDataReader } from './IOrgRepository';
import { buildFigures, IFigures } from '../model/figures';
import { defaultReportYear } from '../model/report';

/** The card's figures in one round trip, for the same year as the cards and the widget. */
export async function loadCardFigures(repository: IReportDataReader, configuredYear: number | undefined, today: Date): Promise<IFigures> {
  const data = await repository.loadReportData();
  return buildFigures(data, defaultReportYear(data, configuredYear, today, data.finalYears || []), today);
}

/** What the card needs of its SPFx context: PnPjs' SPFx behaviour, the current web and the user. */
export type CardContext = Parameters<typeof SPFx>[0] & { pageContext: { web: { absoluteUrl: string }; user: { loginName: string } } };

/**
 * The card's figures on a Viva Connections dashboard: the data site from its setting, else the
 * tenant property, else the current site; then one round trip.
 */
export async function loadCardFiguresInSpfx(context: CardContext, setting: string | undefined, configuredYear: number | undefined, today: Date): Promise<IFigures> {
  const here = context.pageContext.web.absoluteUrl;
  const site = await resolveDataSite(setting, here, storageEntityReader(spfi(here).using(SPFx(context))));
  const access = createDataAccess(spfi(site.url).using(SPFx(context)), site.url, context.pageContext.user.loginName);
  return loadCardFigures(access.reportData, configuredYear, today);
}
