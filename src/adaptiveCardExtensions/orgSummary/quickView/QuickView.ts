import { BaseAdaptiveCardQuickView, ISPFxAdaptiveCard } from '@microsoft/sp-adaptive-card-extension-base';
import * as strings from 'OrgSummaryAdaptiveCardExtensionStrings';
import { IOrgSummaryAdaptiveCardExtensionProps, IOrgSummaryAdaptiveCardExtensionState } from '../OrgSummaryAdaptiveCardExtension';
import { quickViewCard } from '../cardContent';
import { domainTarget, teamsMineLink } from '../../../model/links';

/** The user's own due items first, then per domain its counts; each domain's button opens its card (Teams app or cards page). */
export class QuickView extends BaseAdaptiveCardQuickView<IOrgSummaryAdaptiveCardExtensionProps, IOrgSummaryAdaptiveCardExtensionState> {
  public get template(): ISPFxAdaptiveCard {
    const figures = this.state.figures;
    const cardsUrl = this.properties.cardsUrl;
    if (!figures) return { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: strings.Loading, wrap: true }] } as unknown as ISPFxAdaptiveCard;
    return quickViewCard(figures, strings, (key) => domainTarget(cardsUrl, key), this.state.mine, teamsMineLink()) as unknown as ISPFxAdaptiveCard;
  }
}
