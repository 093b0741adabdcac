/**
 * Tenant properties (storage entities): GET web/GetStorageEntity('key') from any web
 * answers {Value, Comment, Description}, or {"odata.null": true} for a key that is not
 * set (FIDELITY S-01). They are set in the tenant app catalog (m365 spo storageentity
 * set); locally through the store access of tests and tools.
 */
import { IApiResponse, IContext, json, Resource } from '../context';
import { firstArg, ISeg, parseArgs } from '../segments';

export interface IStorageEntity {
  Value: string;
  Comment: string | null;
  Description: string | null;
}

export function storageEntitySegment(c: IContext, _cur: Resource, seg: ISeg): Resource {
  return { kind: 'storageEntity', key: String(firstArg(parseArgs(seg.args, c.query))) };
}

/**
 * One tenant, two loopback names: a value naming this server by `localhost` or `127.0.0.1` is
 * answered with the name the request used, as a tenant property names the one tenant host the
 * page is on (the local SharePoint pages run on 127.0.0.1, the workbench on localhost).
 */
function onRequestHost(value: string, origin: string): string {
  const m = /^(https?):\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?(\/.*)?$/i.exec(value);
  if (!m) return value;
  let req: URL;
  try {
    req = new URL(origin);
  } catch {
    return value;
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].indexOf(req.hostname) >= 0;
  return loopback && (m[3] || '') === (req.port ? `:${req.port}` : '') ? `${req.origin}${m[4] || ''}` : value;
}

export function getStorageEntity(c: IContext, r: { key: string }): IApiResponse {
  const all = c.site.store.site.storageEntities || {};
  const e = Object.prototype.hasOwnProperty.call(all, r.key) ? all[r.key] : undefined;
  if (!e) return json(c, 200, { 'odata.null': true });
  const body: Record<string, unknown> = c.fmt === 'minimal' ? { 'odata.metadata': `${c.apiUrl}/$metadata#SP.StorageEntity`, 'odata.type': 'SP.StorageEntity' } : {};
  Object.assign(body, { Value: onRequestHost(e.Value, c.origin), Comment: e.Comment, Description: e.Description });
  return json(c, 200, c.fmt === 'verbose' ? { d: { GetStorageEntity: { __metadata: { type: 'SP.StorageEntity' }, ...body } } } : body);
}
