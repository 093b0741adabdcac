/**
 * The page application of the local SharePoint page: what SharePoint's own page code
 * (sp-pages / sp-application-base, not on npm) does after sp-loader has started. sp-loader
 * loads this module as the application component and calls `new _Navigator(scope)
 * .navigateToApplication(preloadedData)`; from there it initialises the page context, then
 * lays the canvas out (sections and columns) and hands every web part to SPFx's own
 * ClientSideWebPartManager, which loads the shipped bundle, runs onInit, render and the
 * property pane, and shows SPFx's error when a web part fails. ACEs go through SPFx's
 * AdaptiveCardExtensionLoader; the card and quick view are drawn with the `adaptivecards`
 * package (SharePoint's dashboard renderer is not on npm).
 *
 * The internal (underscore) APIs used here are listed in ../README.md with how to re-check them.
 */
import * as AC from 'adaptivecards';
import { DisplayMode, ServiceScope } from '@microsoft/sp-core-library';
import { PageContext } from '@microsoft/sp-page-context';
import { ThemeProvider } from '@microsoft/sp-component-base';
import { SPComponentLoader } from '@microsoft/sp-loader';
import * as webPartBase from '@microsoft/sp-webpart-base';
import type { app as teamsApp, pages as teamsPages } from '@microsoft/teams-js-v2';
import type { ICanvas, ICanvasControl, ILegacyPageContext } from '../page';

/** SharePoint's react-dom component, as the solution's manifests reference it (shims.ts REACT_DOM). */
const REACT_DOM_ID = 'aa0a46ec-1505-43cd-a44a-93f3a5aa460a';
const REACT_DOM_VERSION = '17.0.1';

/* eslint-disable @typescript-eslint/no-explicit-any */

interface IManifest {
  id: string;
  alias: string;
  componentType: string;
  version: string;
  preconfiguredEntries?: { title: { default: string } }[];
}

interface IWebPartManager {
  loadWebPart(ctx: any): Promise<void>;
  requestPropertyPaneAction(instanceId: string, action?: string): void;
  isPropertyPaneOpen(instanceId?: string): boolean;
  setDisplayMode(mode: DisplayMode, instanceId?: string): void;
  serialize(instanceId?: string): Map<string, any>;
}

interface IPreloadedData {
  spPageContextInfo: ILegacyPageContext;
}

declare global {
  interface Window {
    /** Test hooks: what the page has done (the tests read them, nothing else does). */
    __spfxHost?: {
      status: Record<string, string>;
      manager?: IWebPartManager;
      openPropertyPane(instanceId: string): void;
      serialize(instanceId: string): any;
      ace?: Record<string, any>;
      /** What the web parts asked Teams to do (`?host=teams`): openLink and shareDeepLink calls. */
      teamsCalls: ITeamsCall[];
    };
  }
}

function guidOr(v: string | undefined, fallback: string): string {
  return v && /^[{(]?[0-9a-f-]{36}[)}]?$/i.test(v) ? v.replace(/[{}()]/g, '') : fallback;
}

/**
 * The page context from the page's `_spPageContextInfo` (as SharePoint's page code does:
 * sp-loader creates the PageContext service empty; the application fills it).
 */
function initialisePageContext(scope: ServiceScope, info: ILegacyPageContext): void {
  const pageContext = scope.consume(PageContext.serviceKey) as any;
  const zero = '00000000-0000-0000-0000-000000000000';
  pageContext.initialize(
    {
      aadInfo: { instanceUrl: info.aadInstanceUrl, tenantId: info.aadTenantId, userId: info.aadUserId },
      cultureInfo: { currentCultureName: info.currentCultureName, currentUICultureName: info.currentUICultureName, isRightToLeft: false },
      site: {
        absoluteUrl: info.siteAbsoluteUrl,
        serverRelativeUrl: info.siteServerRelativeUrl,
        id: guidOr(info.siteId, zero),
        correlationId: guidOr(info.CorrelationId, zero),
        isNoScriptEnabled: false,
        sitePagesEnabled: true,
        serverRequestPath: info.serverRequestPath
      },
      user: {
        displayName: info.userDisplayName,
        email: info.userEmail,
        loginName: info.userLoginName,
        isAnonymousGuestUser: false,
        isExternalGuestUser: false
      },
      web: {
        absoluteUrl: info.webAbsoluteUrl,
        serverRelativeUrl: info.webServerRelativeUrl,
        id: guidOr(info.webId, zero),
        title: info.webTitle,
        language: info.webLanguage,
        languageName: info.currentUICultureName,
        permissions: info.webPermMasks,
        templateName: info.webTemplate,
        isAppWeb: false
      },
      featureInfo: {}
    },
    info
  );
}

function manifestById(id: string): IManifest | undefined {
  return (SPComponentLoader.getManifests() as unknown as IManifest[]).filter((m) => m.id === id)[0];
}

/** The canvas markup SharePoint renders: zones (sections) with columns (`one-third` etc.). */
function layout(canvas: ICanvas, root: HTMLElement): Map<string, HTMLElement> {
  const slots = new Map<string, HTMLElement>();
  root.innerHTML = '';
  for (const section of canvas.sections) {
    const zone = document.createElement('div');
    zone.className = `CanvasZone CanvasZone--${section.layout}`;
    zone.setAttribute('data-sp-section', section.layout);
    for (const column of section.columns) {
      const col = document.createElement('div');
      col.className = `CanvasSection CanvasSection-col-${column.width}`;
      col.setAttribute('data-sp-column', String(column.width));
      for (const control of column.controls) {
        const wrap = document.createElement('div');
        wrap.className = 'ControlZone';
        wrap.setAttribute('data-sp-instance', control.instanceId);
        const toolbar = document.createElement('div');
        toolbar.className = 'ControlZone-toolbar';
        wrap.appendChild(toolbar);
        const el = document.createElement('div');
        el.className = 'ControlZone-control';
        el.setAttribute('data-sp-feature-instance-id', control.instanceId);
        wrap.appendChild(el);
        col.appendChild(wrap);
        slots.set(control.instanceId, el);
      }
      zone.appendChild(col);
    }
    root.appendChild(zone);
  }
  return slots;
}

function statusOf(instanceId: string, value: string): void {
  const host = window.__spfxHost;
  if (host) host.status[instanceId] = value;
  const el = document.querySelector(`[data-sp-instance="${instanceId}"]`);
  if (el) el.setAttribute('data-status', value);
}

/** A call a web part made to Teams through teams-js (the tests read them from `__spfxHost.teamsCalls`). */
interface ITeamsCall {
  api: 'app.openLink' | 'pages.shareDeepLink';
  arg: unknown;
}

/** The teams-js v2 members the stand-in answers, typed by `@microsoft/teams-js` itself (types only, nothing bundled). */
interface ITeamsJsStandIn {
  app: Pick<typeof teamsApp, 'getContext' | 'registerOnThemeChangeHandler' | 'openLink'>;
  pages: Pick<typeof teamsPages, 'shareDeepLink'>;
}

/**
 * The teams-js surface the web parts use (app.getContext, app.registerOnThemeChangeHandler,
 * app.openLink, pages.shareDeepLink), for a Teams tab. SPFx's own TeamsEnvironmentManager would
 * load teams-js and handshake with the Teams client, which only answers from Teams' origins; this
 * stands in for the client. The frame's theme buttons call the registered handlers, as Teams does;
 * `subPageId` is the deep link's sub entity (`context.subEntityId` in the link), as Teams hands it
 * to the tab. openLink opens the link as Teams does outside its own deep links: in the browser.
 */
function teamsStandIn(teams: NonNullable<ICanvas['teams']>, calls: ITeamsCall[]): { teamsJs: ITeamsJsStandIn; context: teamsApp.Context; setTheme(t: string): void } {
  const handlers: ((t: string) => void)[] = [];
  const personal = teams.kind === 'personal';
  const ctx = {
    app: { theme: teams.theme, locale: 'nl-nl', sessionId: 'local', host: { name: 'Teams', clientType: 'web', sessionId: 'local' } },
    page: { id: personal ? 'domeinkaarten-ae9cbe34-f28a-4b0e-90d2-dcd9b5cbb046' : 'organisatiebeheersing', frameContext: 'content', subPageId: teams.subPageId || '' },
    // A personal app has no team, channel or chat (the web parts show their personal first screen).
    ...(personal ? {} : { team: { internalId: 'local' }, channel: { id: 'local' } })
  } as unknown as teamsApp.Context;
  const teamsJs: ITeamsJsStandIn = {
    app: {
      getContext: () => Promise.resolve(ctx),
      registerOnThemeChangeHandler: (h) => {
        handlers.push(h);
      },
      openLink: (url: string) => {
        calls.push({ api: 'app.openLink', arg: url });
        window.open(url, '_blank', 'noopener');
        return Promise.resolve();
      }
    },
    pages: {
      shareDeepLink: (params) => {
        calls.push({ api: 'pages.shareDeepLink', arg: params });
      }
    }
  };
  return {
    teamsJs,
    context: ctx,
    setTheme: (t: string) => {
      ctx.app.theme = t;
      document.body.setAttribute('data-teams-theme', t);
      handlers.forEach((h) => h(t));
    }
  };
}

/**
 * `?fault=render` (tests): react-dom's render throws when it renders into a web part's element,
 * so the web part's render() throws, as a bug in a web part would. The patched module is the one
 * the loader hands the shipped bundles (SharePoint's react-dom component); the property pane's
 * own rendering (another component) is untouched.
 */
function breakRender(): Promise<void> {
  return SPComponentLoader.loadComponentById<any>(REACT_DOM_ID, REACT_DOM_VERSION).then((reactDom) => {
    const render = reactDom.render;
    reactDom.render = function (this: unknown, element: unknown, container: Element, ...rest: unknown[]) {
      if (container && container.closest && container.closest('[data-sp-instance]')) throw new Error('Fout in render (testfout) / error in render (test fault)');
      return render.call(this, element, container, ...rest);
    };
  });
}

/** Web parts through SPFx's ClientSideWebPartManager, as the canvas does. */
function loadWebParts(scope: ServiceScope, canvas: ICanvas, slots: Map<string, HTMLElement>, displayMode: DisplayMode): IWebPartManager {
  const wpb = webPartBase as any;
  const host = new wpb._MinimalWebPartHost(scope);
  if (canvas.teams) {
    // What SharePoint's Teams-aware host (_TeamsAwareWebPartHost) hands the manager: context.sdks.microsoftTeams.
    const teams = teamsStandIn(canvas.teams, window.__spfxHost ? window.__spfxHost.teamsCalls : []);
    host.getAdditionalContextProperties = () => ({ microsoftTeams: { teamsJs: teams.teamsJs, context: teams.context } });
    document.body.setAttribute('data-teams-theme', canvas.teams.theme);
    document.querySelectorAll('[data-teams-theme]').forEach((b) => {
      if (b.tagName === 'BUTTON') b.addEventListener('click', () => teams.setTheme(b.getAttribute('data-teams-theme') || 'default'));
    });
  }
  const manager: IWebPartManager = new wpb._ClientSideWebPartManager(host);
  const controls: ICanvasControl[] = [];
  canvas.sections.forEach((s) => s.columns.forEach((c) => c.controls.forEach((ctl) => controls.push(ctl))));
  // `?fault=oninit` (tests): the web parts get a scope whose theme service throws, as a broken host
  // service would; their onInit rejects and SPFx must show its own error in their place.
  let webPartScope: ServiceScope | undefined;
  if (canvas.fault === 'oninit') {
    webPartScope = scope.startNewChild();
    const broken = {
      tryGetTheme: (): never => {
        throw new Error('Thema niet beschikbaar (testfout) / theme unavailable (test fault)');
      },
      themeChangedEvent: { add: (): void => undefined, remove: (): void => undefined }
    };
    webPartScope.provide(ThemeProvider.serviceKey, broken as unknown as ThemeProvider);
    webPartScope.finish();
  }
  for (const control of controls) {
    if (control.kind !== 'webpart') continue;
    const domElement = slots.get(control.instanceId) as HTMLElement;
    const manifest = manifestById(control.componentId);
    if (!manifest) {
      statusOf(control.instanceId, 'error');
      domElement.textContent = `Manifest ${control.componentId} niet gevonden / not found`;
      continue;
    }
    if (displayMode === DisplayMode.Edit) {
      const toolbar = domElement.parentElement!.querySelector('.ControlZone-toolbar') as HTMLElement;
      const edit = document.createElement('button');
      edit.type = 'button';
      edit.className = 'ControlZone-edit';
      edit.textContent = 'Webonderdeel bewerken';
      edit.setAttribute('aria-label', `Webonderdeel bewerken: ${control.title}`);
      edit.addEventListener('click', () => manager.requestPropertyPaneAction(control.instanceId, 'Open'));
      toolbar.appendChild(edit);
    }
    statusOf(control.instanceId, 'loading');
    manager
      .loadWebPart({
        domElement,
        instanceId: control.instanceId,
        manifest,
        displayMode,
        addedFromPersistedData: true,
        serviceScope: webPartScope,
        webPartData: {
          id: control.componentId,
          instanceId: control.instanceId,
          title: control.title,
          dataVersion: '1.0',
          properties: control.properties
        }
      })
      .then(() => statusOf(control.instanceId, 'rendered'))
      .catch((e: Error) => {
        statusOf(control.instanceId, 'error');
        domElement.setAttribute('data-error', (e && e.message) || String(e));
      });
  }
  return manager;
}

/** `${path}` bindings of the card template (the adaptivecards-templating subset SPFx's card views use). */
function bind(template: unknown, data: any): unknown {
  if (typeof template === 'string') {
    const whole = /^\$\{([^}]+)\}$/.exec(template);
    const get = (p: string): any => p.trim().replace(/^\$root\./, '').split('.').reduce((o, k) => (o === undefined || o === null ? undefined : o[k]), data);
    if (whole) return get(whole[1]);
    return template.replace(/\$\{([^}]+)\}/g, (m, p) => {
      const v = get(p);
      return v === undefined || v === null ? '' : String(v);
    });
  }
  if (Array.isArray(template)) {
    return template.map((t) => bind(t, data)).filter((t) => !(t && typeof t === 'object' && (t as any).$when !== undefined && !(t as any).$when));
  }
  if (template && typeof template === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(template)) out[k] = bind((template as any)[k], data);
    return out;
  }
  return template;
}

function renderAdaptiveCard(target: HTMLElement, template: unknown, data: unknown, onAction: (a: AC.Action) => void): void {
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig({ fontFamily: "'Segoe UI', sans-serif", supportsInteractivity: true });
  card.onExecuteAction = onAction;
  card.parse(bind(template, data || {}) as any);
  target.innerHTML = '';
  const el = card.render();
  if (el) target.appendChild(el);
}

interface ICardComponent {
  componentName: string;
  text?: string;
  title?: string;
  action?: { type: string; parameters?: { view?: string } };
}

/**
 * A components card view (cardViewParameters: card bar, header, body, footer buttons), drawn
 * the way the dashboard lays it out. SharePoint's card renderer is not on npm; the content and
 * the button actions are the ACE's own, as SPFx hands them to the dashboard.
 */
function renderComponentsCard(target: HTMLElement, params: Record<string, ICardComponent[] | undefined>, onAction: (a: ICardComponent['action']) => void): void {
  target.innerHTML = '';
  const part = (cls: string, tag: string, text: string): HTMLElement => {
    const el = document.createElement(tag);
    el.className = cls;
    el.textContent = text;
    target.appendChild(el);
    return el;
  };
  for (const c of params.cardBar || []) part('ace-cardbar', 'div', c.title || '');
  for (const c of params.header || []) part('ace-header', 'p', c.text || '');
  for (const c of params.body || []) part('ace-body', 'p', c.text || '');
  for (const c of params.footer || []) {
    if (c.componentName !== 'cardButton') continue;
    const b = part('ace-button', 'button', c.title || '') as HTMLButtonElement;
    b.type = 'button';
    b.addEventListener('click', () => onAction(c.action));
  }
}

/** ACEs through SPFx's AdaptiveCardExtensionLoader, as the Viva Connections dashboard does. */
function loadAces(scope: ServiceScope, canvas: ICanvas, slots: Map<string, HTMLElement>, displayMode: DisplayMode): void {
  const aceBaseId = 'eeec822e-c28a-46b4-affc-7058e4c1aa80';
  const controls: ICanvasControl[] = [];
  canvas.sections.forEach((s) => s.columns.forEach((c) => c.controls.forEach((ctl) => controls.push(ctl))));
  const aces = controls.filter((c) => c.kind === 'ace');
  if (!aces.length) return;
  SPComponentLoader.loadComponentById<any>(aceBaseId)
    .then((aceBase) => {
      for (const control of aces) {
        const el = slots.get(control.instanceId) as HTMLElement;
        const cardEl = document.createElement('div');
        cardEl.className = 'ace-card';
        cardEl.setAttribute('role', 'region');
        cardEl.setAttribute('aria-label', control.title);
        const quickEl = document.createElement('div');
        quickEl.className = 'ace-quickview';
        quickEl.tabIndex = -1;
        el.appendChild(cardEl);
        el.appendChild(quickEl);
        const manifest = manifestById(control.componentId);
        if (!manifest) {
          statusOf(control.instanceId, 'error');
          cardEl.textContent = `Manifest ${control.componentId} niet gevonden / not found`;
          continue;
        }
        let ace: any;
        const draw = (args: any): void => {
          if (args && args.card) {
            const openQuickView = (action: ICardComponent['action']): void => {
              const viewId = action && action.parameters && action.parameters.view;
              if (!action || action.type !== 'QuickView' || !viewId || !ace) return;
              // As the dashboard does for a QuickView action: the ACE renders the view it registered.
              draw(ace._getRenderArguments('QuickView', false, viewId));
              quickEl.focus();
            };
            if (args.card.cardViewParameters) renderComponentsCard(cardEl, args.card.cardViewParameters, openQuickView);
            else renderAdaptiveCard(cardEl, args.card.template, args.card.data, (a) => openQuickView((a as any).data && (a as any).data.action));
            cardEl.setAttribute('data-card', 'ready');
          }
          if (args && args.quickLook) {
            renderAdaptiveCard(quickEl, args.quickLook.template, args.quickLook.data, (action) => {
              const url = (action as any).url;
              if (url) window.location.href = url;
            });
            quickEl.setAttribute('data-quickview', 'ready');
          }
        };
        const host = new aceBase._AdaptiveCardExtensionHost({
          onUpdateCallback: (args: any) => draw(args),
          onError: (e: string) => {
            statusOf(control.instanceId, 'error');
            cardEl.setAttribute('data-error', e);
          },
          onRequestRenderTypeCallback: () => undefined,
          onVisibilityChanged: () => undefined,
          onRenderCompleted: () => undefined
        });
        statusOf(control.instanceId, 'loading');
        new aceBase._AdaptiveCardExtensionLoader()
          .load({
            manifest,
            instanceId: control.instanceId,
            aceData: { id: control.componentId, instanceId: control.instanceId, title: control.title, properties: control.properties, cardSize: 'Large', description: '' },
            serviceScope: scope,
            host,
            initialDisplayMode: displayMode,
            deviceContext: 'WebView',
            location: 'Dashboard',
            addedFromPersistedData: true
          })
          .then((loaded: any) => {
            ace = loaded;
            if (window.__spfxHost) (window.__spfxHost.ace = window.__spfxHost.ace || {})[control.instanceId] = ace;
            draw(ace._getRenderArguments('Card'));
            statusOf(control.instanceId, 'rendered');
          })
          .catch((e: Error) => {
            statusOf(control.instanceId, 'error');
            cardEl.setAttribute('data-error', (e && e.message) || String(e));
            cardEl.textContent = (e && e.message) || String(e);
          });
      }
    })
    .catch((e: Error) => {
      aces.forEach((c) => statusOf(c.instanceId, 'error'));
      console.error(e);
    });
}

export class _Navigator {
  private readonly _scope: ServiceScope;

  public constructor(scope: ServiceScope) {
    this._scope = scope;
  }

  public navigateToApplication(preloadedData: IPreloadedData): Promise<void> {
    initialisePageContext(this._scope, preloadedData.spPageContextInfo);
    const canvasEl = document.getElementById('localsp-canvas');
    const root = document.getElementById('spPageCanvasContent');
    if (!canvasEl || !root) return Promise.resolve();
    const canvas = JSON.parse(canvasEl.textContent || '{}') as ICanvas;
    const displayMode = canvas.mode === 'edit' ? DisplayMode.Edit : DisplayMode.Read;
    const slots = layout(canvas, root);
    window.__spfxHost = {
      status: {},
      teamsCalls: [],
      openPropertyPane: (id: string) => manager.requestPropertyPaneAction(id, 'Open'),
      serialize: (id: string) => manager.serialize(id).get(id)
    };
    let manager: IWebPartManager;
    const start = (): void => {
      manager = loadWebParts(this._scope, canvas, slots, displayMode);
      (window.__spfxHost as NonNullable<Window['__spfxHost']>).manager = manager;
      loadAces(this._scope, canvas, slots, displayMode);
    };
    if (canvas.fault === 'render') {
      breakRender().then(start, (e: Error) => console.error(e));
    } else {
      start();
    }
    document.body.setAttribute('data-spfx-app', 'started');
    return Promise.resolve();
  }
}
