import { IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseAdaptiveCardExtension } from '@microsoft/sp-adaptive-card-extension-base';
import * as strings from 'OrgSummaryAdaptiveCardExtensionStrings';
import { CardView } from './cardView/CardView';
import { QuickView } from './quickView/QuickView';
import { ICardState } from './cardContent';
import { loadCardFiguresInSpfx } from '../../data/cardData';
import { pageUrlError, siteUrlError } from '../../webparts/shared/urlFields';

export interface IOrgSummaryAdaptiveCardExtensionProps {
  title: string;
  siteUrl: string;
  reportYear: number;
  cardsUrl: string;
}

export type IOrgSummaryAdaptiveCardExtensionState = ICardState;

const CARD_VIEW_REGISTRY_ID: string = 'OrgSummary_CARD_VIEW';
export const QUICK_VIEW_REGISTRY_ID: string = 'OrgSummary_QUICK_VIEW';

/** Thin host: find the data site, load the figures (the widget's counts path) once, hand them to the views. */
export default class OrgSummaryAdaptiveCardExtension extends BaseAdaptiveCardExtension<IOrgSummaryAdaptiveCardExtensionProps, IOrgSummaryAdaptiveCardExtensionState> {
  public onInit(): Promise<void> {
    this.state = { status: 'loading' };
    this.cardNavigator.register(CARD_VIEW_REGISTRY_ID, () => new CardView());
    this.quickViewNavigator.register(QUICK_VIEW_REGISTRY_ID, () => new QuickView());
    // Not awaited: the card shows "loading" at once and fills in when the figures arrive.
    this._load().catch(() => undefined);
    return Promise.resolve();
  }

  private async _load(): Promise<void> {
    try {
      const year = Number(this.properties.reportYear);
      const loaded = await loadCardFiguresInSpfx(this.context, this.properties.siteUrl, year > 0 ? year : undefined, new Date());
      this.setState({ status: 'ready', figures: loaded.figures, mine: loaded.mine });
    } catch {
      this.setState({ status: 'error' });
    }
  }

  protected renderCard(): string | undefined {
    return CARD_VIEW_REGISTRY_ID;
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupFields: [
                PropertyPaneTextField('title', { label: strings.TitleFieldLabel }),
                PropertyPaneTextField('siteUrl', {
                  label: strings.SiteUrlFieldLabel,
                  description: strings.SiteUrlFieldDescription,
                  onGetErrorMessage: (v: string) => siteUrlError(v, strings.SiteUrlInvalid)
                }),
                PropertyPaneTextField('reportYear', { label: strings.ReportYearFieldLabel, description: strings.ReportYearFieldDescription }),
                PropertyPaneTextField('cardsUrl', {
                  label: strings.CardsUrlFieldLabel,
                  description: strings.CardsUrlFieldDescription,
                  onGetErrorMessage: (v: string) => pageUrlError(v, strings.PageUrlInvalid)
                })
              ]
            }
          ]
        }
      ]
    };
  }
}
