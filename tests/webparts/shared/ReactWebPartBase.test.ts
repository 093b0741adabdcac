/**
 * The host layer's base class with a fake SPFx context: which data site it builds its data
 * access for (setting, tenant property, current site) through its own PnPjs calls, the host's
 * theme (SharePoint page vs Teams) and re-rendering on a change, the property pane's named,
 * validated fields, and clean disposal. SPFx's runtime packages need the SharePoint page, so
 * only their surface the base class uses is stood in for here.
 */
jest.mock('@microsoft/sp-component-base', () => ({ ThemeProvider: { serviceKey: 'ThemeProvider' } }));
jest.mock('@microsoft/sp-core-library', () => ({ Version: { parse: (v: string) => ({ version: v }) } }));
jest.mock('@microsoft/sp-property-pane', () => ({
  PropertyPaneTextField: (targetProperty: string, properties: Record<string, unknown>) => ({ targetProperty, properties })
}));
jest.mock('@microsoft/sp-webpart-base', () => ({
  BaseClientSideWebPart: class {
    public context: unknown;
    public properties: unknown;
    public domElement: HTMLElement = document.createElement('div');
    public rendered: boolean = false;
    public get renderedOnce(): boolean {
      return this.rendered;
    }
  }
}));

import * as React from 'react';
import { ReactWebPartBase, IDataSourceProps } from '../../../src/webparts/shared/ReactWebPartBase';
import { DATA_SITE_PROPERTY_KEY } from '../../../src/data/dataSite';
import { teamsTheme } from '../../../src/webparts/shared/teamsThemes';
import * as strings from 'DomainCardsWebPartStrings';

const HERE = 'https://contoso.sharepoint.com/sites/intranet';
const CENTRAL = 'https://contoso.sharepoint.com/sites/organisatiebeheersing';

type Handler = (arg: unknown) => void;

/** Answers GetStorageEntity like SharePoint: the value, or odata.null when the key is not set. */
function fakeFetch(tenantValue: string | undefined): jest.Mock {
  return jest.fn(async (url: string) => {
    const body = /GetStorageEntity\('([^']+)'\)/i.test(decodeURIComponent(url))
      ? tenantValue !== undefined && decodeURIComponent(url).includes(DATA_SITE_PROPERTY_KEY)
        ? { Value: tenantValue }
        : { 'odata.null': true }
      : {};
    const text = JSON.stringify(body);
    return {
      ok: true,
      status: 200,
      statusText: 'OK',
      headers: { has: () => false, get: () => null },
      text: async () => text,
      json: async () => body,
      clone() {
        return this;
      }
    };
  });
}

interface IHost {
  part: TestWebPart;
  fireSharePointTheme: (palette: Record<string, string>) => void;
  changeTeamsTheme: (name: string) => void;
  themeHandlerRemoved: () => boolean;
}

class TestWebPart extends ReactWebPartBase<IDataSourceProps> {
  public dataSites: string[] = [];
  public renders: number = 0;
  protected onDataSite(url: string): void {
    this.dataSites.push(url);
  }
  protected element(): React.ReactElement {
    this.renders++;
    return React.createElement('p', { 'data-site': this.dataSites[this.dataSites.length - 1] }, this.isTeams ? 'teams' : 'page');
  }
  public get host(): { theme: unknown; isTeams: boolean; sub: string | undefined; personal: boolean } {
    return { theme: this.theme, isTeams: this.isTeams, sub: this.teamsSubEntityId, personal: this.isTeamsPersonal };
  }
  public get el(): HTMLElement {
    return this.domElement;
  }
  public init(): Promise<void> {
    return this.onInit();
  }
  public firstRender(): void {
    this.render();
    (this as unknown as { rendered: boolean }).rendered = true;
  }
  public fields(): ReturnType<ReactWebPartBase<IDataSourceProps>['dataSourceFields']> {
    return this.dataSourceFields(strings);
  }
  public paneChanged(path: string): void {
    this.onPropertyPaneFieldChanged(path);
  }
  public dispose(): void {
    this.onDispose();
  }
  public year(): number | undefined {
    return this.reportYear;
  }
}

function host(opts: { siteUrl?: string; teams?: Record<string, unknown> }): IHost {
  let spHandler: Handler | undefined;
  let teamsHandler: Handler = () => undefined;
  let removed = false;
  const provider = {
    tryGetTheme: () => ({ palette: { themePrimary: '#0f6cbd' }, semanticColors: {} }),
    themeChangedEvent: {
      add: (_o: unknown, h: Handler) => { spHandler = h; },
      remove: () => { removed = true; }
    }
  };
  const teamsJs = {
    app: {
      getContext: () => Promise.resolve(opts.teams),
      registerOnThemeChangeHandler: (h: Handler) => { teamsHandler = h; },
      openLink: jest.fn()
    }
  };
  const part = new TestWebPart();
  const self = part as unknown as { context: unknown; properties: IDataSourceProps };
  self.properties = { siteUrl: opts.siteUrl || '', reportYear: 0 };
  self.context = {
    pageContext: { web: { absoluteUrl: HERE }, user: { loginName: 'pieter@contoso.com' }, legacyPageContext: {} },
    sdks: opts.teams ? { microsoftTeams: { teamsJs } } : {},
    serviceScope: { consume: () => provider }
  };
  return {
    part,
    fireSharePointTheme: (palette) => spHandler && spHandler({ theme: { palette, semanticColors: {} } }),
    changeTeamsTheme: (name) => teamsHandler(name),
    themeHandlerRemoved: () => removed
  };
}

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

describe('ReactWebPartBase (the host layer) with a fake SPFx context', () => {
  const realFetch = (global as { fetch?: unknown }).fetch;
  afterEach(() => {
    (global as { fetch?: unknown }).fetch = realFetch;
  });

  it('uses its "Gegevenssite" setting without asking the tenant', async () => {
    const fetch = fakeFetch(CENTRAL);
    (global as { fetch?: unknown }).fetch = fetch;
    const { part } = host({ siteUrl: 'https://contoso.sharepoint.com/sites/elders/' });
    await part.init();
    expect(part.dataSites).toEqual(['https://contoso.sharepoint.com/sites/elders']);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('without a setting: the tenant property recorded by deploy, read through the current web', async () => {
    const fetch = fakeFetch(CENTRAL);
    (global as { fetch?: unknown }).fetch = fetch;
    const { part } = host({});
    await part.init();
    expect(part.dataSites).toEqual([CENTRAL]);
    expect(String(fetch.mock.calls[0][0]).toLowerCase()).toContain(`${HERE}/_api/web/getstorageentity`.toLowerCase());
  });

  it('without a setting or tenant property: the current site; an unsafe tenant value is ignored', async () => {
    (global as { fetch?: unknown }).fetch = fakeFetch(undefined);
    const a = host({});
    await a.part.init();
    expect(a.part.dataSites).toEqual([HERE]);
    (global as { fetch?: unknown }).fetch = fakeFetch('javascript:alert(1)');
    const b = host({});
    await b.part.init();
    expect(b.part.dataSites).toEqual([HERE]);
  });

  it('on a SharePoint page: follows the section theme and re-renders on a theme change; disposal removes the handler and unmounts', async () => {
    (global as { fetch?: unknown }).fetch = fakeFetch(undefined);
    const h = host({});
    await h.part.init();
    expect(h.part.host.isTeams).toBe(false);
    expect((h.part.host.theme as { palette: { themePrimary: string } }).palette.themePrimary).toBe('#0f6cbd');
    h.part.firstRender();
    expect(h.part.el.textContent).toBe('page');
    const before = h.part.renders;
    h.fireSharePointTheme({ themePrimary: '#ffffff' });
    expect(h.part.renders).toBe(before + 1);
    expect((h.part.host.theme as { palette: { themePrimary: string } }).palette.themePrimary).toBe('#ffffff');
    h.part.dispose();
    expect(h.themeHandlerRemoved()).toBe(true);
    expect(h.part.el.innerHTML).toBe('');
  });

  it('as a Teams tab: the Teams theme, the deep link (subPageId), live theme changes re-render', async () => {
    (global as { fetch?: unknown }).fetch = fakeFetch(undefined);
    const h = host({ teams: { app: { theme: 'default' }, page: { subPageId: 'ict' }, team: {}, channel: {} } });
    await h.part.init();
    expect(h.part.host).toMatchObject({ isTeams: true, sub: 'ict', personal: false });
    expect(h.part.host.theme).toEqual(teamsTheme('default'));
    h.part.firstRender();
    expect(h.part.el.textContent).toBe('teams');
    h.changeTeamsTheme('contrast');
    expect(h.part.host.theme).toEqual(teamsTheme('contrast'));
    expect(h.part.renders).toBe(2);
  });

  it('as a Teams personal app: personal, no deep link', async () => {
    (global as { fetch?: unknown }).fetch = fakeFetch(undefined);
    const h = host({ teams: { app: { theme: 'dark' }, page: {} } });
    await h.part.init();
    expect(h.part.host).toMatchObject({ isTeams: true, sub: undefined, personal: true });
    expect(h.part.host.theme).toEqual(teamsTheme('dark'));
  });

  it('property pane: the data source fields by name, validated with the link and year rules', async () => {
    (global as { fetch?: unknown }).fetch = fakeFetch(undefined);
    const { part } = host({});
    await part.init();
    const fields = part.fields() as unknown as Record<string, { targetProperty: string; properties: { onGetErrorMessage: (v: string) => string; placeholder?: string } }>;
    expect(fields.siteUrl.targetProperty).toBe('siteUrl');
    expect(fields.reportYear.targetProperty).toBe('reportYear');
    expect(fields.siteUrl.properties.placeholder).toBe(HERE);
    const siteError = fields.siteUrl.properties.onGetErrorMessage;
    expect(siteError('')).toBe('');
    expect(siteError(CENTRAL)).toBe('');
    expect(siteError('javascript:alert(1)')).toBe(strings.SiteUrlInvalid);
    expect(siteError('/sites/relative')).toBe(strings.SiteUrlInvalid);
    const yearError = fields.reportYear.properties.onGetErrorMessage;
    expect(yearError('')).toBe('');
    expect(yearError('2023')).toBe('');
    expect(yearError('23')).toBe(strings.ReportYearInvalid);
    expect(yearError('2023a')).toBe(strings.ReportYearInvalid);
  });

  it('the year setting: the pane stores text, the web part reads a year or none', async () => {
    const { part } = host({});
    const props = (part as unknown as { properties: { reportYear: unknown } }).properties;
    props.reportYear = '2023';
    expect(part.year()).toBe(2023);
    props.reportYear = '';
    expect(part.year()).toBeUndefined();
  });

  it('changing "Gegevenssite" in the pane rebuilds the data access for the new site and renders again; emptying it falls back', async () => {
    (global as { fetch?: unknown }).fetch = fakeFetch(CENTRAL);
    const h = host({ siteUrl: 'https://contoso.sharepoint.com/sites/a' });
    await h.part.init();
    h.part.firstRender();
    const props = (h.part as unknown as { properties: IDataSourceProps }).properties;
    props.siteUrl = 'https://contoso.sharepoint.com/sites/b';
    h.part.paneChanged('siteUrl');
    await flush();
    props.siteUrl = '';
    h.part.paneChanged('siteUrl');
    await flush();
    await flush();
    expect(h.part.dataSites).toEqual(['https://contoso.sharepoint.com/sites/a', 'https://contoso.sharepoint.com/sites/b', CENTRAL]);
    expect(h.part.el.querySelector('p')!.getAttribute('data-site')).toBe(CENTRAL);
    h.part.paneChanged('reportYear');
    await flush();
    expect(h.part.dataSites).toHaveLength(3);
  });
});
