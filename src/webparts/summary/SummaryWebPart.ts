import * as React from 'react';
import { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'SummaryWebPartStrings';
import { ISummaryProps, Summary } from './components/Summary';
import { ReactWebPartBase } from '../shared/ReactWebPartBase';
import { ISummarySource } from '../../data/ISummarySource';
import { createSummaryAccess } from '../../data/createSummaryAccess';
import { spfxSp } from '../../data/spfxSite';

export interface ISummaryWebPartProps {
  siteUrl: string;
  reportYear: number;
  cardsUrl: string;
}

/** Thin host for the homepage widget: counts only, none of the cards' data or report code. */
export default class SummaryWebPart extends ReactWebPartBase<ISummaryWebPartProps> {
  private _source!: ISummarySource;

  protected onDataSite(url: string): void {
    this._source = createSummaryAccess(spfxSp(this.context, url), url, this.context.pageContext.user.loginName).summary;
  }

  protected element(): React.ReactElement {
    const props: ISummaryProps = {
      repository: this._source,
      reportYear: this.reportYear,
      cardsUrl: this.properties.cardsUrl || undefined,
      theme: this.theme
    };
    return React.createElement(Summary, props);
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    const source = this.dataSourceFields(strings);
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupName: strings.DataGroupName,
              groupFields: [
                source.siteUrl,
                source.reportYear,
                this.pageUrlField('cardsUrl', strings.CardsUrlFieldLabel, strings.CardsUrlFieldDescription, strings.PageUrlInvalid)
              ]
            }
          ]
        }
      ]
    };
  }
}
