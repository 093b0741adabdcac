import { spfi, SPFx } from '@pnp/sp';
import { WebPartContext } from '@microsoft/sp-webpart-base';
import { PnPOrgRepository } from './PnPOrgRepository';
import { IOrgRepository } from './IOrgRepository';
import { ensureSchema, IEnsureResult } from './ensureSchema';
import { IMaturityRepository } from './IMaturityRepository';
import { PnPMaturityRepository } from './PnPMaturityRepository';
import { ensurePermissions } from './permissions';
import { IDataSite, resolveDataSite, storageEntityReader } from './dataSite';

export interface IDataServices {
  repository: IOrgRepository;
  /** The maturity lists (Maturiteitsinschatting). */
  maturity: IMaturityRepository;
  /** "Lijsten controleren" (site owners): idempotent provisioning of the lists, then of the permission model. */
  ensureSchema: () => Promise<IEnsureResult>;
}

/** One spfi per web part, bound to the SPFx context (auth, digest, request headers). */
export function createSpfxServices(context: WebPartContext, siteUrl?: string): IDataServices {
  const url = ((siteUrl && siteUrl.trim()) || context.pageContext.web.absoluteUrl).replace(/\/+$/, '');
  const sp = spfi(url).using(SPFx(context));
  return {
    repository: new PnPOrgRepository(sp, url, { userKey: context.pageContext.user.loginName }),
    maturity: new PnPMaturityRepository(sp, url),
    ensureSchema: async () => {
      const schema = await ensureSchema(sp);
      // The control team group with Contribute; "everyone reads" is a deliberate CLI choice (npm run provision -- --everyone-reads).
      const permissions = await ensurePermissions(sp, {});
      return { schemaVersion: schema.schemaVersion, changes: schema.changes.concat(permissions) };
    }
  };
}

/**
 * The data site for a web part: its "Gegevenssite" setting, else the tenant property set by
 * `npm run deploy` (read through the current web: storage entities are tenant-wide), else the
 * current site. This is what lets the Teams personal app, which opens on the tenant root
 * and has no property pane, find the lists.
 */
export function resolveSpfxDataSite(context: WebPartContext, setting: string | undefined): Promise<IDataSite> {
  const here = context.pageContext.web.absoluteUrl;
  return resolveDataSite(setting, here, storageEntityReader(spfi(here).using(SPFx(context))));
}
