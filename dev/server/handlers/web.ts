/** _api/web and _api/site: the SP.Web and SP.Site entities. */
import { IApiResponse, IContext, IScope, json, one } from '../context';
import { entityBody, IEntity, project } from '../entities';
import { toSpDate } from '../fields';
import { selectExpand } from '../query';
import { maskJson } from '../directory';
import { listEntity } from './lists';
import { userEntity } from './users';

/** The local site's title (a tenant's data site has its own; the report's organisation name defaults to it). */
export const WEB_TITLE = 'Organisatiebeheersing';

export function webEntity(s: IScope): IEntity {
  const site = s.site.store.site;
  const url = s.site.siteUrl(s.origin);
  return {
    type: 'SP.Web',
    id: `${url}/_api/Web`,
    editLink: 'Web',
    props: {
      AllowRssFeeds: true,
      Configuration: 0,
      Created: toSpDate(new Date(site.Created)),
      Description: '',
      Id: site.WebId,
      IsMultilingual: false,
      Language: 1043,
      LastItemModifiedDate: lastModified(s),
      NoCrawl: false,
      QuickLaunchEnabled: true,
      RecycleBinEnabled: true,
      ServerRelativeUrl: s.site.sitePath,
      SiteLogoUrl: null,
      Title: WEB_TITLE,
      UIVersion: 15,
      Url: url,
      WebTemplate: 'STS',
      WelcomePage: 'SitePages/Home.aspx'
    },
    extra: { EffectiveBasePermissions: maskJson(s.site.permsOn()) },
    nav: {
      Lists: () => s.site.orderedLists().map((l) => listEntity(s, l)),
      CurrentUser: () => userEntity(s, s.site.currentUser()),
      SiteUsers: () => s.site.store.site.users.map((u) => userEntity(s, u))
    }
  };
}

function lastModified(s: IScope): string {
  let last = s.site.store.site.Created;
  for (const l of s.site.store.lists.values()) if (l.meta.LastItemModifiedDate > last) last = l.meta.LastItemModifiedDate;
  return toSpDate(new Date(last));
}

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
