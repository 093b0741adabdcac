import { WebPartContext } from '@microsoft/sp-webpart-base';
import { PnPOrgRepository } from './PnPOrgRepository';
import { IOrgRepository } from './IOrgRepository';
import { ensureSchema, IEnsureResult } from './ensureSchema';
import { IMaturityRepository } from './IMaturityRepository';
import { PnPMaturityRepository } from './PnPMaturityRepository';
import { ensurePermissions } from './permissions';
import { spfxSp } from './spfxSite';
import { createProgressService, IProgressService } from './progressService';
import { createOwnerAssignment, IOwnerAssignment } from './ownerAssignment';

export { resolveSpfxDataSite } from './spfxSite';

export interface IDataServices {
  repository: IOrgRepository;
  /** The maturity lists (Maturiteitsinschatting). */
  maturity: IMaturityRepository;
  /** "Lijsten controleren" (site owners): idempotent provisioning of the lists, then of the permission model. */
  ensureSchema: () => Promise<IEnsureResult>;
  /** Progress reports of owners and their review ("Voortgang melden"). */
  progress: IProgressService;
  /** Owners and deadlines for many items at once (control team). */
  owners: IOwnerAssignment;
}

/** One spfi per web part, bound to the SPFx context (auth, digest, request headers). */
export function createSpfxServices(context: WebPartContext, siteUrl?: string): IDataServices {
  const url = ((siteUrl && siteUrl.trim()) || context.pageContext.web.absoluteUrl).replace(/\/+$/, '');
  const sp = spfxSp(context, url);
  return {
    repository: new PnPOrgRepository(sp, url, { userKey: context.pageContext.user.loginName }),
    maturity: new PnPMaturityRepository(sp, url),
    progress: createProgressService(sp),
    owners: createOwnerAssignment(sp),
    ensureSchema: async () => {
      const schema = await ensureSchema(sp);
      // The control team group with Contribute; "everyone reads" is a deliberate CLI choice (npm run provision -- --everyone-reads).
      const permissions = await ensurePermissions(sp, {});
      return { schemaVersion: schema.schemaVersion, changes: schema.changes.concat(permissions) };
    }
  };
}
