import { spfi, SPFI, SPFx } from '@pnp/sp';
import { WebPartContext } from '@microsoft/sp-webpart-base';
import { IDataSite, resolveDataSite, storageEntityReader } from './dataSite';

/**
 * One spfi bound to the SPFx context: PnPjs' SPFx behaviour takes the form digest from the
 * page context (legacyPageContext.formDigestValue) for the current web, so no contextinfo
 * request precedes a $batch there. (A data site other than the current web still needs one.)
 */
export function spfxSp(context: WebPartContext, url: string): SPFI {
  return spfi(url).using(SPFx(context));
}

/**
 * The data site for a web part: its "Gegevenssite" setting, else the tenant property set by
 * `npm run deploy` (read through the current web: storage entities are tenant-wide), else the
 * current site. This is what lets the Teams personal app, which opens on the tenant root
 * and has no property pane, find the lists.
 */
export function resolveSpfxDataSite(context: WebPartContext, setting: string | undefined): Promise<IDataSite> {
  const here = context.pageContext.web.absoluteUrl;
  return resolveDataSite(setting, here, storageEntityReader(spfxSp(context, here)));
}
