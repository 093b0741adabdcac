import { spfi, SPBrowser } from '@pnp/sp';
import { InjectHeaders } from '@pnp/queryable';
import { PnPOrgRepository } from './PnPOrgRepository';
import { IOrgRepository } from './IOrgRepository';
import { IDataSite, resolveDataSite, storageEntityReader } from './dataSite';
import { IMaturityRepository } from './IMaturityRepository';
import { PnPMaturityRepository } from './PnPMaturityRepository';

/**
 * The local workbench: same repository, PnPjs' browser behaviours (digest from contextinfo).
 * `user` (the page's `?user=`) goes with every request as X-LocalSP-User, so the local
 * server answers as that user; it also keys the browser cache.
 */
export function createBrowserRepository(siteUrl: string, user?: string): IOrgRepository {
  let sp = spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }));
  if (user) sp = sp.using(InjectHeaders({ 'X-LocalSP-User': user }));
  return new PnPOrgRepository(sp, siteUrl, { userKey: user || 'local-default' });
}

/** The data site seen from `currentWebUrl` when nothing is configured, as the web parts resolve it. */
export function resolveBrowserDataSite(currentWebUrl: string): Promise<IDataSite> {
  return resolveDataSite(undefined, currentWebUrl, storageEntityReader(spfi(currentWebUrl).using(SPBrowser({ baseUrl: currentWebUrl }))));
}

/** The maturity lists for the local workbench, acting as `user` like createBrowserRepository. */
export function createBrowserMaturityRepository(siteUrl: string, user?: string): IMaturityRepository {
  let sp = spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }));
  if (user) sp = sp.using(InjectHeaders({ 'X-LocalSP-User': user }));
  return new PnPMaturityRepository(sp, siteUrl);
}
