import { spfi, SPBrowser } from '@pnp/sp';
import { PnPOrgRepository } from './PnPOrgRepository';
import { IOrgRepository } from './IOrgRepository';

/** The local workbench: same repository, PnPjs' browser behaviours (digest from contextinfo). */
export function createBrowserRepository(siteUrl: string): IOrgRepository {
  return new PnPOrgRepository(spfi(siteUrl).using(SPBrowser({ baseUrl: siteUrl })), siteUrl);
}
