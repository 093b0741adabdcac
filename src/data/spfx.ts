import { WebPartContext } from '@microsoft/sp-webpart-base';
import { createDataAccess, IDataAccess } from './createDataAccess';
import { ensureSchema, IEnsureResult } from './ensureSchema';
import { ensurePermissions } from './permissions';
import { spfxSp } from './spfxSite';

export { resolveSpfxDataSite } from './spfxSite';

export interface IDataServices extends IDataAccess {
  /** "Lijsten controleren" (site owners): idempotent provisioning of the lists, then of the permission model. */
  ensureSchema: () => Promise<IEnsureResult>;
}

/** One spfi per web part, bound to the SPFx context (auth, digest, request headers). */
export function createSpfxServices(context: WebPartContext, siteUrl?: string): IDataServices {
  const url = ((siteUrl && siteUrl.trim()) || context.pageContext.web.absoluteUrl).replace(/\/+$/, '');
  const sp = spfxSp(context, url);
  return {
    ...createDataAccess(sp, url, context.pageContext.user.loginName),
    ensureSchema: async () => {
      const schema = await ensureSchema(sp);
      // The control team group with Contribute; "everyone reads" is a deliberate CLI choice (npm run provision -- --everyone-reads).
      const permissions = await ensurePermissions(sp, {});
      return { schemaVersion: schema.schemaVersion, changes: schema.changes.concat(permissions) };
    }
  };
}
