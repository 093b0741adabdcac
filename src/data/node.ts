import { spfi, SPFI, SPBrowser } from '@pnp/sp';
import { BearerToken } from '@pnp/queryable';
import { PnPOrgRepository } from './PnPOrgRepository';
import { IOrgRepository } from './IOrgRepository';

/** Default local site of `npm start`. */
export function localSiteUrl(env: Record<string, string | undefined> = {}): string {
  return `http://localhost:${env.PORT || '4321'}/sites/organisatiebeheersing`;
}

/**
 * An spfi for scripts and tests outside SPFx: the local server (form digest flow)
 * or a tenant with a bearer token (e.g. from `m365 util accesstoken get`).
 */
export function createSp(siteUrl: string, token?: string): SPFI {
  const sp = spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }));
  return token ? sp.using(BearerToken(token)) : sp;
}

export function createNodeRepository(siteUrl: string, token?: string): IOrgRepository {
  return new PnPOrgRepository(createSp(siteUrl, token), siteUrl);
}
