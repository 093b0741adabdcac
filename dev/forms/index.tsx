/**
 * Local list forms and views: what SharePoint itself provides in a tenant
 * (NewForm.aspx, EditForm.aspx?ID=n, DispForm.aspx?ID=n, AllItems.aspx), generated from
 * the schema so the product's "Bewerken" links work against the local server.
 *
 * The workbench bundles this file and serves formShellHtml() at the list page URLs;
 * the shell calls mountListPage() with the configuration from parseListPageUrl().
 */
import * as React from 'react';
import * as ReactDOM from 'react-dom';
import { Link } from '@fluentui/react/lib/Link';
import { MessageBar, MessageBarType } from '@fluentui/react/lib/MessageBar';
import { registerIcons } from '@fluentui/react/lib/Styling';
import { ThemeProvider } from '@fluentui/react/lib/Theme';
import { IListSchema } from '../../src/schema/schema';
import { ListForm } from './ListForm';
import { ListView } from './ListView';
import { IListPageService, PnPListPageService } from './service';
import { getStrings, IFormsStrings } from './strings';
import { IListPageConfig, listByTitle, listPageUrl, pageLabel } from './urls';
import { formFields } from './values';

export { formShellHtml, listPageUrl, parseListPageUrl } from './urls';
export type { IListPageConfig, ListPageName } from './urls';
export type { FormsLocale } from './strings';

export interface IMountOptions {
  /** Leaves the page (after save, cancel, close). Default: window.location.assign. */
  navigate?: (url: string) => void;
  /** The SharePoint calls; default PnPjs against cfg.siteUrl. */
  service?: IListPageService;
}

function svg(path: string): JSX.Element {
  return (
    <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false" style={{ verticalAlign: 'middle' }}>
      <path d={path} fill="currentColor" />
    </svg>
  );
}

let iconsRegistered = false;

/** The few icons Fluent's controls use, inline (the local site has no icon font CDN). */
function ensureIcons(): void {
  if (iconsRegistered) return;
  iconsRegistered = true;
  registerIcons({
    icons: {
      ChevronDown: svg('M2.3 5.3l.7-.7L8 9.6l5-5 .7.7L8 11z'),
      CheckMark: svg('M5.9 12.3L1.6 8l.7-.7 3.6 3.6 7.8-7.8.7.7z'),
      Cancel: svg('M8.7 8l4.6-4.6-.7-.7L8 7.3 3.4 2.7l-.7.7L7.3 8l-4.6 4.6.7.7L8 8.7l4.6 4.6.7-.7z'),
      Info: svg('M8 1a7 7 0 100 14A7 7 0 008 1zm.5 11h-1V7h1zm0-6.5h-1v-1h1z'),
      ErrorBadge: svg('M8 1a7 7 0 100 14A7 7 0 008 1zm2.8 9.1l-.7.7L8 8.7l-2.1 2.1-.7-.7L7.3 8 5.2 5.9l.7-.7L8 7.3l2.1-2.1.7.7L8.7 8z'),
      Warning: svg('M8 1L0.5 15h15zm.5 12h-1v-1h1zm0-2h-1V6h1z'),
      Blocked2: svg('M8 1a7 7 0 100 14A7 7 0 008 1zM3 8h10v1H3z'),
      Completed: svg('M8 1a7 7 0 100 14A7 7 0 008 1zm-1 10.4L3.8 8.2l.7-.7L7 10l4.5-4.5.7.7z')
    }
  });
}

function absoluteSiteUrl(siteUrl: string): string {
  if (/^https?:\/\//i.test(siteUrl)) return siteUrl.replace(/\/+$/, '');
  const origin = typeof window !== 'undefined' ? window.location.origin : 'http://localhost';
  return origin + '/' + siteUrl.replace(/^\/+/, '').replace(/\/+$/, '');
}

/** The local site's start page (the workbench index lists the lists and pages). */
function siteHome(siteUrl: string): string {
  const m = /^(https?:\/\/[^/]+)/i.exec(siteUrl);
  return m ? m[1] + '/' : '/';
}

interface IListPageProps {
  cfg: IListPageConfig;
  list: IListSchema;
  service: IListPageService;
  strings: IFormsStrings;
  navigate: (url: string) => void;
}

/** The page around a form or view: site bar, list title and description, page name. */
function ListPage(props: IListPageProps): JSX.Element {
  const { cfg, list, strings } = props;
  const label = pageLabel(cfg.page, cfg.locale);
  let body: JSX.Element;
  if (cfg.page === 'AllItems') {
    body = <ListView cfg={cfg} list={list} service={props.service} strings={strings} />;
  } else if (cfg.page === 'NewForm' && list.template === 101) {
    body = <MessageBar messageBarType={MessageBarType.info}>{strings.libraryNewForm}</MessageBar>;
  } else {
    body = <ListForm cfg={cfg} list={list} service={props.service} strings={strings} navigate={props.navigate} />;
  }
  return (
    <div lang={strings.lang}>
      <header style={{ background: '#0078d4', color: '#ffffff', padding: '8px 24px' }}>
        <Link href={siteHome(cfg.siteUrl)} style={{ color: '#ffffff', fontWeight: 600 }}>
          Organisatiebeheersing
        </Link>
      </header>
      <main style={{ padding: '16px 24px', maxWidth: 1200 }}>
        <h1 style={{ fontSize: 28, fontWeight: 600, margin: '8px 0 4px' }}>
          <Link href={listPageUrl(cfg.siteUrl, list, 'AllItems', { locale: cfg.locale })} style={{ color: 'inherit' }}>
            {list.title}
          </Link>
        </h1>
        <p style={{ margin: '0 0 8px', color: '#605e5c' }}>{list.description}</p>
        <h2 style={{ fontSize: 18, fontWeight: 600, margin: '8px 0' }}>{label}</h2>
        {body}
      </main>
    </div>
  );
}

/**
 * Renders a list form or view into `el`. Returns a function that unmounts it.
 * A list title that is not in the schema renders an error message.
 */
export function mountListPage(el: HTMLElement, cfg: IListPageConfig, options: IMountOptions = {}): () => void {
  ensureIcons();
  const strings = getStrings(cfg.locale);
  const list = listByTitle(cfg.listTitle);
  const siteUrl = absoluteSiteUrl(cfg.siteUrl);
  const navigate = options.navigate || ((url: string): void => window.location.assign(url));
  let content: JSX.Element;
  if (!list) {
    content = <MessageBar messageBarType={MessageBarType.error}>{`${strings.unknownPage} (${cfg.listTitle})`}</MessageBar>;
  } else {
    const service = options.service || new PnPListPageService(siteUrl, list, formFields(list));
    content = <ListPage cfg={{ ...cfg, siteUrl }} list={list} service={service} strings={strings} navigate={navigate} />;
  }
  if (typeof document !== 'undefined' && list) {
    document.title = `${list.title} - ${pageLabel(cfg.page, cfg.locale)}`;
    document.documentElement.lang = strings.lang;
  }
  ReactDOM.render(<ThemeProvider>{content}</ThemeProvider>, el);
  return () => {
    ReactDOM.unmountComponentAtNode(el);
  };
}
