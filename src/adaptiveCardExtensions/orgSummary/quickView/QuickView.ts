import { BaseAdaptiveCardQuickView, ISPFxAdaptiveCard } from '@microsoft/sp-adaptive-card-extension-base';
import * as strings from 'OrgSummaryAdaptiveCardExtensionStrings';
import { IOrgSummaryAdaptiveCardExtensionProps, IOrgSummaryAdaptiveCardExtensionState } from '../OrgSummaryAdaptiveCardExtension';
import { quickViewCard } from '../cardContent';
import { domainTarget } from '../../../model/links';

/** Per domain the three counts; each domain's button opens its card (Teams app or cards page). */
export class QuickView extends BaseAdaptiveCardQuickView<IOrgSummaryAdaptiveCardExtensionProps, IOrgSummaryAdaptiveCardExtensionState> {
  public get template(): ISPFxAdaptiveCard {
    const figures = this.state.figures || { year: 0, openHighRisks: 0, realisedThisYear: 0, overdue: 0, domains: [] };
    const cardsUrl = this.properties.cardsUrl;
    return quickViewCard(figures, strings, (key) => domainTarget(cardsUrl, key)) as unknown as ISPFxAdaptiveCard;
  }
}
