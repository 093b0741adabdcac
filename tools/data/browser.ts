import { spfi, SPFI, SPBrowser, SPFx } from '@pnp/sp';
import { InjectHeaders } from '@pnp/queryable';
import { IOrgRepository } from '../../src/data/IOrgRepository';
import { IDataSite, resolveDataSite, storageEntityReader } from '../../src/data/dataSite';
import { IMaturityRepository } from '../../src/data/IMaturityRepository';
import { ISummarySource } from '../../src/data/ISummarySource';
import { createDataAccess, IDataAccess } from '../../src/data/createDataAccess';
import { createSummaryAccess } from '../../src/data/createSummaryAccess';
import { IProgressService } from '../../src/data/progressService';
import { ISummarySourceOptions } from '../../src/data/summarySource';
import { IOwnerAssignment } from '../../src/data/ownerAssignment';

/** The form digest a SharePoint page carries (SPFx: pageContext.legacyPageContext). */
export interface IPageDigest {
  formDigestValue: string;
  formDigestTimeoutSeconds: number;
}

/**
 * An spfi the way a web part builds it: PnPjs' SPFx behaviour with the page's context, so
 * writes and $batch use the digest the page came with and no contextinfo request precedes
 * them. Outside SharePoint (local workbench, tests, bench) the page context is the site URL
 * and a digest the server issued with the page.
 */
export function pageContextSp(siteUrl: string, digest: IPageDigest): SPFI {
  const url = siteUrl.replace(/\/+$/, '');
  return spfi(url).using(SPFx({ pageContext: { web: { absoluteUrl: url }, legacyPageContext: digest } }));
}

/**
 * The local workbench's spfi: with the page's digest like SPFx, else PnPjs' browser behaviours
 * (digest from contextinfo). `user` (the page's `?user=`) goes with every request as
 * X-LocalSP-User, so the local server answers as that user.
 */
function browserSp(siteUrl: string, digest: IPageDigest | undefined, user: string | undefined): SPFI {
  const sp = digest ? pageContextSp(siteUrl, digest) : spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }));
  return user ? sp.using(InjectHeaders({ 'X-LocalSP-User': user })) : sp;
}

/** The local workbench's data access, from the same factory as the web parts; the user also keys the browser cache. */
export function createBrowserAccess(siteUrl: string, user?: string, digest?: IPageDigest): IDataAccess {
  return createDataAccess(browserSp(siteUrl, digest, user), siteUrl, user || 'local-default');
}

/** The local workbench: same repository as the web parts. */
export function createBrowserRepository(siteUrl: string, user?: string, digest?: IPageDigest): IOrgRepository {
  return createBrowserAccess(siteUrl, user, digest).repository;
}

/** The homepage widget's reads (counts only). */
export function createBrowserSummarySource(siteUrl: string, user?: string, digest?: IPageDigest, options?: ISummarySourceOptions): ISummarySource {
  return createSummaryAccess(browserSp(siteUrl, digest, user), siteUrl, user || 'local-default', options).summary;
}

/** The data site seen from `currentWebUrl` when nothing is configured, as the web parts resolve it. */
export function resolveBrowserDataSite(currentWebUrl: string): Promise<IDataSite> {
  return resolveDataSite(undefined, currentWebUrl, storageEntityReader(spfi(currentWebUrl).using(SPBrowser({ baseUrl: currentWebUrl }))));
}

/** The maturity lists for the local workbench, acting as `user` like createBrowserRepository. */
export function createBrowserMaturityRepository(siteUrl: string, user?: string, digest?: IPageDigest): IMaturityRepository {
  return createBrowserAccess(siteUrl, user, digest).maturity;
}

/** Progress reports for the local workbench, acting as `user` like createBrowserRepository. */
export function createBrowserProgressService(siteUrl: string, user?: string, digest?: IPageDigest): IProgressService {
  return createBrowserAccess(siteUrl, user, digest).progress;
}

/** Owners and deadlines for many items (control team) for the local workbench, acting as `user`. */
export function createBrowserOwnerAssignment(siteUrl: string, user?: string, digest?: IPageDigest): IOwnerAssignment {
  return createBrowserAccess(siteUrl, user, digest).owners;
}
