import {
  BaseComponentsCardView,
  ComponentsCardViewParameters,
  ICardButtonConfiguration,
  PrimaryTextCardView
} from '@microsoft/sp-adaptive-card-extension-base';
import * as strings from 'OrgSummaryAdaptiveCardExtensionStrings';
import { IOrgSummaryAdaptiveCardExtensionProps, IOrgSummaryAdaptiveCardExtensionState, QUICK_VIEW_REGISTRY_ID } from '../OrgSummaryAdaptiveCardExtension';
import { cardViewContent } from '../cardContent';

/** The card on the dashboard: the year's headline; the button opens the per-domain quick view. */
export class CardView extends BaseComponentsCardView<IOrgSummaryAdaptiveCardExtensionProps, IOrgSummaryAdaptiveCardExtensionState, ComponentsCardViewParameters> {
  public get cardViewParameters(): ComponentsCardViewParameters {
    const c = cardViewContent(this.state, strings, this.properties.title);
    const footer: ICardButtonConfiguration | undefined = c.quickViewButton
      ? { componentName: 'cardButton', title: c.quickViewButton, action: { type: 'QuickView', parameters: { view: QUICK_VIEW_REGISTRY_ID } } }
      : undefined;
    return PrimaryTextCardView({
      cardBar: { componentName: 'cardBar', title: c.title },
      header: { componentName: 'text', text: c.header },
      body: { componentName: 'text', text: c.body },
      footer
    });
  }
}
