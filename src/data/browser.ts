import { spfi, SPBrowser } from '@pnp/sp';
import { PnPOrgRepository } from './PnPOrgRepository';
import { IOrgRepository } from './IOrgRepository';
import { IDataSite, resolveDataSite, storageEntityReader } from './dataSite';

/** The local workbench: same repository, PnPjs' browser behaviours (digest from contextinfo). */
export function createBrowserRepository(siteUrl: string): IOrgRepository {
  return new PnPOrgRepository(spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl })), siteUrl);
}

/** The data site seen from `currentWebUrl` when nothing is configured, as the web parts resolve it. */
export function resolveBrowserDataSite(currentWebUrl: string): Promise<IDataSite> {
  return resolveDataSite(undefined, currentWebUrl, storageEntityReader(spfi(currentWebUrl).using(SPBrowser({ baseUrl: currentWebUrl }))));
}
