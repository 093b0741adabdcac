import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { IPropertyPaneField, PropertyPaneLabel, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { ITheme } from '@fluentui/react/lib/Styling';
import { resolveSpfxDataSite } from '../../data/spfxSite';
import { httpStatusOf, sharePointMessage } from '../../data/errors';
import { format } from '../../components/format';
import { followHostTheme } from './hostTheme';
import { createHostLinks, IHostLinks, ITeamsJsLinks } from './hostLinks';
import { pageUrlError, reportYearError, siteUrlError } from './urlFields';

/** Loc keys both web parts have for the data source fields. */
export interface IDataSourceStrings {
  SiteUrlFieldLabel: string;
  SiteUrlFieldDescription: string;
  SiteUrlInvalid: string;
  ReportYearFieldLabel: string;
  ReportYearFieldDescription: string;
  ReportYearInvalid: string;
}

/** Loc keys of what the pane says after a property was saved to the data site (list Instellingen). */
export interface ISaveStrings {
  SettingSaving: string;
  SettingSaved: string;
  /** {0}: SharePoint's message. */
  SettingSaveFailed: string;
  /** No right to write the data site's settings (only the control team and site owners have it). */
  SettingSaveForbidden: string;
}

/** The data source's property pane fields, by the property they set. */
export interface IDataSourceFields {
  siteUrl: IPropertyPaneField<unknown>;
  reportYear: IPropertyPaneField<unknown>;
}

export interface IDataSourceProps {
  siteUrl: string;
  reportYear: number;
}

/**
 * What the web parts do as hosts: find the data site, the host's theme (Teams or SharePoint),
 * clean unmounting. Subclasses build their data access for the site (onDataSite) and say what
 * to render. Light on purpose: the homepage widget builds on it without the cards' data code.
 */
export abstract class ReactWebPartBase<P extends IDataSourceProps> extends BaseClientSideWebPart<P> {
  protected theme: ITheme | undefined;
  protected isTeams: boolean = false;
  protected teamsSubEntityId: string | undefined;
  protected isTeamsPersonal: boolean = false;
  /** Opening forms and sharing domain links the host's way (teams-js in Teams). */
  protected links!: IHostLinks;
  private _disposeTheme: () => void = () => undefined;

  /** The data site is known (first, or after the setting changed): build the data access for it. */
  protected abstract onDataSite(url: string): void;

  protected async onInit(): Promise<void> {
    this.onDataSite((await resolveSpfxDataSite(this.context, this.properties.siteUrl)).url);
    const teams = this.context.sdks.microsoftTeams;
    // SPFx's own teams-js (no second copy in the bundle).
    this.links = createHostLinks(teams ? (teams.teamsJs as unknown as ITeamsJsLinks) : undefined);
    const host = await followHostTheme(this, (theme) => {
      this.theme = theme;
      if (this.renderedOnce) this.render();
    });
    this.isTeams = host.isTeams;
    this.teamsSubEntityId = host.subEntityId;
    this.isTeamsPersonal = !!host.isPersonal;
    this._disposeTheme = host.dispose;
  }

  protected abstract element(): React.ReactElement;

  public render(): void {
    ReactDom.render(this.element(), this.domElement);
  }

  /** "Gegevenssite" and "Rapportjaar", validated the same way in every web part; picked by name. */
  protected dataSourceFields(strings: IDataSourceStrings): IDataSourceFields {
    return {
      siteUrl: PropertyPaneTextField('siteUrl', {
        label: strings.SiteUrlFieldLabel,
        description: strings.SiteUrlFieldDescription,
        placeholder: this.context.pageContext.web.absoluteUrl,
        onGetErrorMessage: (v: string) => siteUrlError(v, strings.SiteUrlInvalid)
      }),
      reportYear: PropertyPaneTextField('reportYear', {
        label: strings.ReportYearFieldLabel,
        description: strings.ReportYearFieldDescription,
        onGetErrorMessage: (v: string) => reportYearError(v, strings.ReportYearInvalid)
      })
    };
  }

  /** A setting naming the page a link leads to ("Pagina met de domeinkaarten"), checked with the link rule. */
  protected pageUrlField(name: string, label: string, description: string, invalid: string): IPropertyPaneField<unknown> {
    return PropertyPaneTextField(name, { label, description, onGetErrorMessage: (v: string) => pageUrlError(v, invalid) });
  }

  private _saveStatus: Record<string, string> = {};

  /**
   * Saves a property's value to the data site (e.g. Organisatie in Instellingen) and says in the pane how it went:
   * a refused or failed write is never silent (the property itself stays on the web part).
   */
  protected saveToDataSite(property: string, save: () => Promise<void>, strings: ISaveStrings): Promise<void> {
    const show = (text: string): void => {
      this._saveStatus[property] = text;
      if (this.context.propertyPane) this.context.propertyPane.refresh();
    };
    show(strings.SettingSaving);
    return save().then(
      () => show(strings.SettingSaved),
      (e: unknown) => {
        const status = httpStatusOf(e);
        show(status === 401 || status === 403 ? strings.SettingSaveForbidden : format(strings.SettingSaveFailed, sharePointMessage(e)));
      }
    );
  }

  /** The pane's line under a saved property: saving, saved, or why it was not saved. */
  protected saveStatusField(property: string): IPropertyPaneField<unknown> {
    return PropertyPaneLabel(`${property}SaveStatus`, { text: this._saveStatus[property] || '' });
  }

  /** The property pane stores the text field's value as a string. */
  protected get reportYear(): number | undefined {
    const y = Number(this.properties.reportYear);
    return y > 0 ? y : undefined;
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
      // An emptied setting falls back to the tenant property again, which takes a request.
      resolveSpfxDataSite(this.context, this.properties.siteUrl)
        .then((site) => {
          this.onDataSite(site.url);
          this.render();
        })
        .catch(() => undefined);
    }
  }
}
