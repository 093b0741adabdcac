import { WebPartContext } from '@microsoft/sp-webpart-base';
import { PnPOrgRepository } from './PnPOrgRepository';
import { IOrgRepository } from './IOrgRepository';
import { ensureSchema, IEnsureResult } from './ensureSchema';
import { spfxSp } from './spfxSite';

export { resolveSpfxDataSite } from './spfxSite';

export interface IDataServices {
  repository: IOrgRepository;
  /** "Lijsten controleren" (site owners): idempotent provisioning of the lists. */
  ensureSchema: () => Promise<IEnsureResult>;
}

/** One spfi per web part, bound to the SPFx context (auth, digest, request headers). */
export function createSpfxServices(context: WebPartContext, siteUrl?: string): IDataServices {
  const url = ((siteUrl && siteUrl.trim()) || context.pageContext.web.absoluteUrl).replace(/\/+$/, '');
  const sp = spfxSp(context, url);
  return {
    repository: new PnPOrgRepository(sp, url),
    ensureSchema: () => ensureSchema(sp)
  };
}
