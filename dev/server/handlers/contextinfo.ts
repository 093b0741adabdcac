/** POST _api/contextinfo: the form digest PnPjs sends back as X-RequestDigest on writes. */
import { IApiResponse, IContext, json } from '../context';
import { valueBody } from '../entities';

export function postContextInfo(c: IContext): IApiResponse {
  const info = {
    FormDigestTimeoutSeconds: c.site.digestTimeoutSeconds,
    FormDigestValue: c.site.newDigest(),
    LibraryVersion: '16.0.25000.12000',
    SiteFullUrl: c.site.siteUrl(c.origin),
    SupportedSchemaVersions: ['14.0.0.0', '15.0.0.0'],
    WebFullUrl: c.site.siteUrl(c.origin)
  };
  return json(c, 200, valueBody('GetContextWebInformation', 'SP.ContextWebInformation', info, c.fmt, c.apiUrl));
}
