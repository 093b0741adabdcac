import * as React from 'react';
import { IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import * as strings from 'SummaryWebPartStrings';
import { ISummaryProps, Summary } from './components/Summary';
import { HostedWebPart } from '../shared/HostedWebPart';

export interface ISummaryWebPartProps {
  siteUrl: string;
  reportYear: number;
  cardsUrl: string;
}

/** Thin host for the homepage widget. */
export default class SummaryWebPart extends HostedWebPart<ISummaryWebPartProps> {
  protected element(): React.ReactElement {
    const props: ISummaryProps = {
      repository: this.services.repository,
      reportYear: this.reportYear,
      cardsUrl: this.properties.cardsUrl || undefined,
      theme: this.theme
    };
    return React.createElement(Summary, props);
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupName: strings.DataGroupName,
              groupFields: [
                ...this.dataSourceFields(strings),
                PropertyPaneTextField('cardsUrl', { label: strings.CardsUrlFieldLabel, description: strings.CardsUrlFieldDescription })
              ]
            }
          ]
        }
      ]
    };
  }
}
