import * as React from 'react';
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
import * as strings from 'DomainCardsWebPartStrings';
import { DomainCards, IDomainCardsProps } from './components/DomainCards';
import { ReportActions } from './report/ReportActions';
import { DataWebPartBase } from '../shared/DataWebPartBase';
import { readDomainFromLocation } from '../../model/links';

export interface IDomainCardsWebPartProps {
  siteUrl: string;
  reportYear: number;
  domainKey: string;
  showDescriptions: boolean;
  organisation: string;
  reportIntro: string;
  auditsUrl: string;
}

/** Thin host: properties -> services -> React. Everything else lives in components/ and src/. */
export default class DomainCardsWebPart extends DataWebPartBase<IDomainCardsWebPartProps> {
  private _checkStatus: string = '';

  protected element(): React.ReactElement {
    const repository = this.services.repository;
    const props: IDomainCardsProps = {
      repository,
      reportYear: this.reportYear,
      domainKey: this.properties.domainKey || undefined,
      showDescriptions: this.properties.showDescriptions !== false,
      theme: this.theme,
      isTeams: this.isTeams,
      openForm: this.links.openForm,
      shareDomain: this.links.shareDomain,
      initialDomainKey: readDomainFromLocation(window.location.href, this.teamsSubEntityId),
      auditsUrl: this.properties.auditsUrl || undefined,
      progress: this.services.progress,
      owners: this.services.owners,
      renderReportActions: (ctx) =>
        React.createElement(ReportActions, {
          repository,
          maturity: this.services.maturity,
          theme: this.theme,
          organisation: this.properties.organisation || undefined,
          intro: this.properties.reportIntro || undefined,
          ...ctx
        })
    };
    return React.createElement(DomainCards, props);
  }

  protected onPropertyPaneFieldChanged(propertyPath: string, oldValue?: unknown, newValue?: unknown): void {
    super.onPropertyPaneFieldChanged(propertyPath);
    const repository = this.services.repository;
    if (propertyPath === 'organisation' && oldValue !== newValue) {
      // One setting of the data site for every report (also set by npm run deploy --organisation).
      const setOrganisation = repository.setOrganisation.bind(repository);
      this.saveToDataSite('organisation', () => setOrganisation(String(newValue || '').trim()), strings).catch(() => undefined);
    }
  }

  private _checkLists(): string {
    this._checkStatus = strings.CheckListsRunning;
    this.context.propertyPane.refresh();
    this.services
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
    const view = this.services.repository.getCachedView();
    const cached = view ? view.data : this.services.repository.getCached();
    const options: IPropertyPaneDropdownOption[] = [{ key: '', text: strings.AllDomainsOption }];
    if (cached) {
      for (const d of cached.domains.slice().sort((a, b) => a.order - b.order)) {
        options.push({ key: d.key || String(d.id), text: d.title });
      }
    }
    return options;
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
                PropertyPaneDropdown('domainKey', { label: strings.DomainFieldLabel, options: this._domainOptions() }),
                PropertyPaneToggle('showDescriptions', { label: strings.ShowDescriptionsFieldLabel }),
                this.pageUrlField('auditsUrl', strings.AuditsUrlFieldLabel, strings.AuditsUrlFieldDescription, strings.PageUrlInvalid)
              ]
            },
            {
              groupName: strings.ReportGroupName,
              groupFields: [
                PropertyPaneTextField('organisation', { label: strings.OrganisationFieldLabel, description: strings.OrganisationFieldDescription }),
                this.saveStatusField('organisation'),
                PropertyPaneTextField('reportIntro', {
                  label: strings.ReportIntroFieldLabel,
                  description: strings.ReportIntroFieldDescription,
                  multiline: true,
                  rows: 6
                })
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
