import { spfi, SPFI, SPBrowser, SPFx } from '@pnp/sp';
import { PnPOrgRepository } from './PnPOrgRepository';
import { IOrgRepository } from './IOrgRepository';
import { ISummarySource } from './ISummarySource';
import { PnPSummarySource } from './summarySource';

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

/** The local workbench: same repository; with the page's digest like SPFx, else PnPjs' browser behaviours (digest from contextinfo). */
export function createBrowserRepository(siteUrl: string, digest?: IPageDigest): IOrgRepository {
  return new PnPOrgRepository(browserSp(siteUrl, digest), siteUrl);
}

/** The homepage widget's reads (counts only). */
export function createBrowserSummarySource(siteUrl: string, digest?: IPageDigest): ISummarySource {
  return new PnPSummarySource(browserSp(siteUrl, digest), siteUrl);
}

function browserSp(siteUrl: string, digest: IPageDigest | undefined): SPFI {
  return digest ? pageContextSp(siteUrl, digest) : spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl }));
}
