import * as React from 'react';
import { IPropertyPaneConfiguration } from '@microsoft/sp-property-pane';
import * as strings from 'MaturityWebPartStrings';
import { IMaturityProps, Maturity } from './components/Maturity';
import { DataWebPartBase } from '../shared/DataWebPartBase';

export interface IMaturityWebPartProps {
  siteUrl: string;
  reportYear: number;
}

/** `?round=<id>` on the page, or the Teams sub entity `round-<id>`: open that round. */
export function readRoundFromLocation(href: string, subEntityId?: string): number | undefined {
  const fromTeams = subEntityId ? /^round-(\d+)$/.exec(subEntityId) : null;
  if (fromTeams) return Number(fromTeams[1]);
  try {
    const v = new URL(href).searchParams.get('round');
    return v && /^\d+$/.test(v) ? Number(v) : undefined;
  } catch {
    return undefined;
  }
}

/** Thin host for Maturiteitsinschatting (SharePoint page and Teams tab). */
export default class MaturityWebPart extends DataWebPartBase<IMaturityWebPartProps> {
  protected element(): React.ReactElement {
    const props: IMaturityProps = {
      repository: this.services.maturity,
      theme: this.theme,
      isTeams: this.isTeams,
      initialRoundId: readRoundFromLocation(window.location.href, this.teamsSubEntityId),
      openForm: (url: string) => this.links.openForm(url)
    };
    return React.createElement(Maturity, props);
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [{ groupName: strings.DataGroupName, groupFields: [this.dataSourceFields(strings).siteUrl] }]
        }
      ]
    };
  }
}
