/** _api/web and _api/site: the SP.Web and SP.Site entities. */
import { IApiResponse, IContext, json, one } from '../context';
import { entityBody, IEntity, project } from '../entities';
import { selectExpand } from '../query';
import { webEntity } from './entityBuilders';

export { WEB_TITLE, webEntity } from './entityBuilders';

export function getWeb(c: IContext): IApiResponse {
  return one(c, webEntity(c), 'SP.Web');
}

/** SP.Site: only the properties PnPjs reads; $select applies, $expand does not. */
export function getSite(c: IContext): IApiResponse {
  const site: IEntity = {
    type: 'SP.Site',
    id: `${c.apiUrl}/Site`,
    editLink: 'Site',
    props: { Id: c.site.store.site.SiteId, ReadOnly: false, ServerRelativeUrl: c.site.sitePath, Url: c.site.siteUrl(c.origin) }
  };
  return json(c, 200, entityBody(project(site, selectExpand(c.query).select, []), c.fmt, c.apiUrl, 'SP.Site'));
}
