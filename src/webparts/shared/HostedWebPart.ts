import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { ITheme } from '@fluentui/react/lib/Styling';
import { createSpfxServices, IDataServices } from '../../data/spfx';
import { followHostTheme } from './hostTheme';

export interface IHostedWebPartProps {
  siteUrl: string;
  reportYear: number;
}

/**
 * What both web parts do as hosts: one set of data services per data site, the host's
 * theme (Teams or SharePoint), and clean unmounting. Subclasses only say what to render.
 */
export abstract class HostedWebPart<P extends IHostedWebPartProps> extends BaseClientSideWebPart<P> {
  protected services!: IDataServices;
  protected theme: ITheme | undefined;
  protected isTeams: boolean = false;
  protected teamsSubEntityId: string | undefined;
  private _disposeTheme: () => void = () => undefined;

  protected async onInit(): Promise<void> {
    this.services = createSpfxServices(this.context, this.properties.siteUrl);
    const host = await followHostTheme(this, (theme) => {
      this.theme = theme;
      if (this.renderedOnce) this.render();
    });
    this.isTeams = host.isTeams;
    this.teamsSubEntityId = host.subEntityId;
    this._disposeTheme = host.dispose;
  }

  protected abstract element(): React.ReactElement;

  public render(): void {
    ReactDom.render(this.element(), this.domElement);
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
      this.services = createSpfxServices(this.context, this.properties.siteUrl);
    }
  }
}
