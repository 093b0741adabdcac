import * as React from 'react';
import { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'AuditFollowUpWebPartStrings';
import { AuditFollowUp, IAuditFollowUpProps } from './components/AuditFollowUp';
import { DataWebPartBase } from '../shared/DataWebPartBase';
import { readAuditFromLocation } from '../../model/links';

export interface IAuditFollowUpWebPartProps {
  siteUrl: string;
  reportYear: number;
  cardsUrl: string;
}

/** Thin host for Auditopvolging: the Teams personal app opens on "Mijn acties". */
export default class AuditFollowUpWebPart extends DataWebPartBase<IAuditFollowUpWebPartProps> {
  protected element(): React.ReactElement {
    const auditId = readAuditFromLocation(window.location.href, this.teamsSubEntityId);
    const props: IAuditFollowUpProps = {
      repository: this.services.repository,
      progress: this.services.progress,
      owners: this.services.owners,
      theme: this.theme,
      isTeams: this.isTeams,
      initialView: this.isTeamsPersonal && auditId === undefined ? 'mine' : 'audits',
      initialAuditId: auditId,
      cardsUrl: this.properties.cardsUrl || undefined
    };
    return React.createElement(AuditFollowUp, props);
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
                // The data site only: the audits page shows every year.
                this.dataSourceFields(strings).siteUrl,
                this.pageUrlField('cardsUrl', strings.CardsUrlFieldLabel, strings.CardsUrlFieldDescription, strings.PageUrlInvalid)
              ]
            }
          ]
        }
      ]
    };
  }
}
