import { spfi, SPFI, SPBrowser } from '@pnp/sp';
import { BearerToken, InjectHeaders } from '@pnp/queryable';
import { PnPOrgRepository } from '../../src/data/PnPOrgRepository';
import { IOrgRepository } from '../../src/data/IOrgRepository';

/** Default local site of `npm start`. */
export function localSiteUrl(env: Record<string, string | undefined> = {}): string {
  return `http://localhost:${env.PORT || '4321'}/sites/organisatiebeheersing`;
}

/**
 * An spfi for scripts and tests outside SPFx: the local server (form digest flow)
 * or a tenant with a bearer token (e.g. from `m365 util accesstoken get`).
 */
export function createSp(siteUrl: string, token?: string, user?: string): SPFI {
  let sp = spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }));
  if (token) sp = sp.using(BearerToken(token));
  // The local server's user directory: act as `user` (ann, pieter, sofie, koen, lees); a tenant ignores it.
  if (user) sp = sp.using(InjectHeaders({ 'X-LocalSP-User': user }));
  return sp;
}

export function createNodeRepository(siteUrl: string, token?: string, user?: string): IOrgRepository {
  return new PnPOrgRepository(createSp(siteUrl, token, user), siteUrl, { userKey: user || (token ? 'token' : 'local-default') });
}
