import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import {
  IPropertyPaneConfiguration,
  IPropertyPaneDropdownOption,
  PropertyPaneButton,
  PropertyPaneButtonType,
  PropertyPaneDropdown,
  PropertyPaneLabel,
  PropertyPaneTextField,
  PropertyPaneToggle
} from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { ITheme } from '@fluentui/react/lib/Styling';
import * as strings from 'DomainCardsWebPartStrings';
import { DomainCards, IDomainCardsProps } from './components/DomainCards';
import { ReportActions } from './report/ReportActions';
import { createSpfxServices, IDataServices } from '../../data/spfx';
import { followHostTheme } from '../shared/hostTheme';
import { readDomainFromLocation } from '../../model/links';

export interface IDomainCardsWebPartProps {
  siteUrl: string;
  reportYear: number;
  domainKey: string;
  showDescriptions: boolean;
}

/** Thin host: properties -> services -> React. Everything else lives in components/ and src/. */
export default class DomainCardsWebPart extends BaseClientSideWebPart<IDomainCardsWebPartProps> {
  private _services!: IDataServices;
  private _theme: ITheme | undefined;
  private _isTeams: boolean = false;
  private _subEntityId: string | undefined;
  private _disposeTheme: () => void = () => undefined;
  private _checkStatus: string = '';

  protected async onInit(): Promise<void> {
    this._services = createSpfxServices(this.context, this.properties.siteUrl);
    const host = await followHostTheme(this, (theme) => {
      this._theme = theme;
      if (this.renderedOnce) this.render();
    });
    this._isTeams = host.isTeams;
    this._subEntityId = host.subEntityId;
    this._disposeTheme = host.dispose;
  }

  public render(): void {
    const repository = this._services.repository;
    const props: IDomainCardsProps = {
      repository,
      // The property pane stores the text field's value as a string.
      reportYear: Number(this.properties.reportYear) > 0 ? Number(this.properties.reportYear) : undefined,
      domainKey: this.properties.domainKey || undefined,
      showDescriptions: this.properties.showDescriptions !== false,
      theme: this._theme,
      isTeams: this._isTeams,
      initialDomainKey: readDomainFromLocation(window.location.href, this._subEntityId),
      renderReportActions: (ctx) => React.createElement(ReportActions, { repository, theme: this._theme, ...ctx })
    };
    ReactDom.render(React.createElement(DomainCards, props), this.domElement);
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

  private _checkLists(): string {
    this._checkStatus = strings.CheckListsRunning;
    this.context.propertyPane.refresh();
    this._services
      .ensureSchema()
      .then((result) => {
        this._checkStatus = result.changes.length === 0 ? strings.CheckListsNoChanges : strings.CheckListsDone.replace('{0}', String(result.changes.length));
      })
      .catch((e: Error) => {
        this._checkStatus = `${strings.CheckListsError} ${e.message}`;
      })
      .then(() => {
        this.context.propertyPane.refresh();
        this.render();
      })
      .catch(() => undefined);
    return '';
  }

  private _domainOptions(): IPropertyPaneDropdownOption[] {
    const cached = this._services.repository.getCached();
    const options: IPropertyPaneDropdownOption[] = [{ key: '', text: strings.AllDomainsOption }];
    if (cached) {
      for (const d of cached.domains.slice().sort((a, b) => a.order - b.order)) {
        options.push({ key: d.key || String(d.id), text: d.title });
      }
    }
    return options;
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
                  placeholder: this.context.pageContext.web.absoluteUrl,
                  onGetErrorMessage: (v: string) => (!v || /^https:\/\/[^\s]+$/i.test(v.trim()) ? '' : strings.SiteUrlInvalid)
                }),
                PropertyPaneTextField('reportYear', {
                  label: strings.ReportYearFieldLabel,
                  description: strings.ReportYearFieldDescription,
                  onGetErrorMessage: (v: string) => (!v || v === '0' || /^(19|20|21)\d\d$/.test(String(v).trim()) ? '' : strings.ReportYearInvalid)
                }),
                PropertyPaneDropdown('domainKey', { label: strings.DomainFieldLabel, options: this._domainOptions() }),
                PropertyPaneToggle('showDescriptions', { label: strings.ShowDescriptionsFieldLabel })
              ]
            },
            {
              groupName: strings.ListsGroupName,
              groupFields: [
                PropertyPaneLabel('checkListsInfo', { text: strings.CheckListsDescription }),
                PropertyPaneButton('checkLists', {
                  text: strings.CheckListsButton,
                  buttonType: PropertyPaneButtonType.Normal,
                  onClick: () => this._checkLists()
                }),
                PropertyPaneLabel('checkListsStatus', { text: this._checkStatus })
              ]
            }
          ]
        }
      ]
    };
  }
}
