/** effectiveBasePermissions and getUserEffectivePermissions(login) on web, list and item. */
import { IApiResponse, IContext, json, Resource } from '../context';
import { valueBody } from '../entities';
import { firstArg, ISeg, parseArgs } from '../segments';
import { PERMISSIONS, Role } from '../site';

export function ownPermissionsSegment(c: IContext): Resource {
  return { kind: 'perms', role: c.site.role };
}

export function userPermissionsSegment(c: IContext, _cur: Resource, seg: ISeg): Resource {
  return { kind: 'perms', role: c.site.roleOfLogin(String(firstArg(parseArgs(seg.args, c.query)))) };
}

/** Int64 masks as strings, as SharePoint sends them; an unknown user has none. */
export function getPermissions(c: IContext, r: { role: Role | null }): IApiResponse {
  const bits = r.role ? PERMISSIONS[r.role] : { High: '0', Low: '0' };
  const name = c.apiPath.toLowerCase().indexOf('getusereffectivepermissions') >= 0 ? 'GetUserEffectivePermissions' : 'EffectiveBasePermissions';
  return json(c, 200, valueBody(name, 'SP.BasePermissions', { ...bits }, c.fmt, c.apiUrl));
}
