import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { ITheme } from '@fluentui/react/lib/Styling';
import * as strings from 'SummaryWebPartStrings';
import { ISummaryProps, Summary } from './components/Summary';
import { createSpfxServices, IDataServices } from '../../data/spfx';
import { followHostTheme } from '../shared/hostTheme';

export interface ISummaryWebPartProps {
  siteUrl: string;
  reportYear: number;
  cardsUrl: string;
}

/** Thin host for the homepage widget. */
export default class SummaryWebPart extends BaseClientSideWebPart<ISummaryWebPartProps> {
  private _services!: IDataServices;
  private _theme: ITheme | undefined;
  private _disposeTheme: () => void = () => undefined;

  protected async onInit(): Promise<void> {
    this._services = createSpfxServices(this.context, this.properties.siteUrl);
    const host = await followHostTheme(this, (theme) => {
      this._theme = theme;
      if (this.renderedOnce) this.render();
    });
    this._disposeTheme = host.dispose;
  }

  public render(): void {
    const props: ISummaryProps = {
      repository: this._services.repository,
      // The property pane stores the text field's value as a string.
      reportYear: Number(this.properties.reportYear) > 0 ? Number(this.properties.reportYear) : undefined,
      cardsUrl: this.properties.cardsUrl || undefined,
      theme: this._theme
    };
    ReactDom.render(React.createElement(Summary, props), this.domElement);
  }

  protected onDispose(): void {
    this._disposeTheme();
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected onPropertyPaneFieldChanged(propertyPath: string): void {
    if (propertyPath === 'siteUrl') {
      this._services = createSpfxServices(this.context, this.properties.siteUrl);
    }
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
                PropertyPaneTextField('siteUrl', {
                  label: strings.SiteUrlFieldLabel,
                  description: strings.SiteUrlFieldDescription,
                  placeholder: this.context.pageContext.web.absoluteUrl
                }),
                PropertyPaneTextField('reportYear', { label: strings.ReportYearFieldLabel, description: strings.ReportYearFieldDescription }),
                PropertyPaneTextField('cardsUrl', { label: strings.CardsUrlFieldLabel, description: strings.CardsUrlFieldDescription })
              ]
            }
          ]
        }
      ]
    };
  }
}
