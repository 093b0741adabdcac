import { spfi, SPBrowser } from '@pnp/sp';
import { InjectHeaders } from '@pnp/queryable';
import { PnPOrgRepository } from './PnPOrgRepository';
import { IOrgRepository } from './IOrgRepository';
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

/** The maturity lists for the local workbench, acting as `user` like createBrowserRepository. */
export function createBrowserMaturityRepository(siteUrl: string, user?: string): IMaturityRepository {
  let sp = spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }));
  if (user) sp = sp.using(InjectHeaders({ 'X-LocalSP-User': user }));
  return new PnPMaturityRepository(sp, siteUrl);
}
