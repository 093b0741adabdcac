import { spfi, SPFI, SPBrowser } from '@pnp/sp';
import { BearerToken, InjectHeaders } from '@pnp/queryable';
import { IOrgRepository } from '../../src/data/IOrgRepository';
import { createDataAccess, IDataAccess } from '../../src/data/createDataAccess';

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

/** Scripts' data access, from the same factory as the web parts. */
export function createNodeAccess(siteUrl: string, token?: string, user?: string): IDataAccess {
  return createDataAccess(createSp(siteUrl, token, user), siteUrl, user || (token ? 'token' : 'local-default'));
}

export function createNodeRepository(siteUrl: string, token?: string, user?: string): IOrgRepository {
  return createNodeAccess(siteUrl, token, user).repository;
}
