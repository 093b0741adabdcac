import { IOrgRepository } from './IOrgRepository';
import { buildCardFigures, ICardFigures } from '../model/cardFigures';
import { defaultReportYear } from '../model/report';

/** The card's figures in one round trip: the configured year, else the latest year with realisations. */
export async function loadCardFigures(repository: IOrgRepository, configuredYear: number | undefined, today: Date): Promise<ICardFigures> {
  const data = await repository.loadReportData();
  return buildCardFigures(data, defaultReportYear(data, configuredYear, today));
}
