/**
 * Which site holds the lists. A web part's own "Gegevenssite" setting wins; when it is
 * empty, the tenant property (storage entity) that `npm run deploy` records names the
 * central data site, so a Teams personal app (which opens on the tenant root and has no
 * property pane) and a Viva Connections card still find it; failing both, the current site.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import { safeUrl } from '../model/links';

/**
 * Key of the tenant property (storage entity in the tenant app catalog) holding the
 * data site URL. Shared with the deploy script and the local server.
 */
export const DATA_SITE_PROPERTY_KEY: string = 'Organisatiebeheersing.DataSite';

export type DataSiteSource = 'setting' | 'tenant' | 'current';

export interface IDataSite {
  url: string;
  source: DataSiteSource;
}

/** Reads a tenant property; undefined when it is not set. */
export type TenantPropertyReader = (key: string) => Promise<string | undefined>;

/**
 * Only absolute URLs that pass the link rule (safeUrl: https, or http on the local server)
 * count: a stray value in a setting or the property must not send requests or links elsewhere.
 */
function clean(url: string | undefined): string | undefined {
  const t = safeUrl(url, { relative: false });
  return t ? t.replace(/\/+$/, '') : undefined;
}

/**
 * The data site for a component: its setting, else the tenant property, else the current
 * site. A failing property read (no app catalog, no access) falls back to the current site
 * rather than failing the component: the lists may well be on the current site.
 */
export async function resolveDataSite(setting: string | undefined, currentWebUrl: string, readProperty: TenantPropertyReader): Promise<IDataSite> {
  const own = clean(setting);
  if (own) return { url: own, source: 'setting' };
  let fromTenant: string | undefined;
  try {
    fromTenant = clean(await readProperty(DATA_SITE_PROPERTY_KEY));
  } catch {
    fromTenant = undefined;
  }
  if (fromTenant) return { url: fromTenant, source: 'tenant' };
  return { url: clean(currentWebUrl) || currentWebUrl, source: 'current' };
}

/** SharePoint answers an unset key with `{"odata.null": true}` or a null Value (hence unknown). */
interface IStorageEntityAnswer {
  Value?: unknown;
  'odata.null'?: boolean;
}

/**
 * Reads a storage entity through any site's web: SharePoint looks it up in the tenant app
 * catalog (`GET {web}/_api/web/GetStorageEntity('key')`). An unset key answers
 * `{"odata.null": true}` or a null Value.
 */
export function storageEntityReader(sp: SPFI): TenantPropertyReader {
  return async (key: string) => {
    const answer = (await sp.web.getStorageEntity(key)) as unknown as IStorageEntityAnswer | undefined;
    if (!answer || answer['odata.null'] === true) return undefined;
    return typeof answer.Value === 'string' && answer.Value ? answer.Value : undefined;
  };
}
