/** effectiveBasePermissions and getUserEffectivePermissions(login) on web, list and item. */
import { IApiResponse, IContext, json, Resource } from '../context';
import { IMask, maskJson } from '../directory';
import { valueBody } from '../entities';
import { firstArg, ISeg, parseArgs } from '../segments';
import { IItem, IListData } from '../store';

function listOfResource(cur: Resource): IListData | undefined {
  return 'list' in cur ? (cur as { list: IListData }).list : undefined;
}

function itemOfResource(cur: Resource): IItem | undefined {
  return cur.kind === 'item' ? cur.item : undefined;
}

/** The current user's permissions on the web, or on the list (or its item) the URL names. */
export function ownPermissionsSegment(c: IContext, cur: Resource): Resource {
  return { kind: 'perms', mask: c.site.permsOn(listOfResource(cur), itemOfResource(cur)) };
}

export function userPermissionsSegment(c: IContext, cur: Resource, seg: ISeg): Resource {
  return { kind: 'perms', mask: c.site.permsOfLogin(String(firstArg(parseArgs(seg.args, c.query))), listOfResource(cur), itemOfResource(cur)) };
}

/** Int64 masks as strings, as SharePoint sends them; an unknown user has none. */
export function getPermissions(c: IContext, r: { mask: IMask | null }): IApiResponse {
  const bits = r.mask ? maskJson(r.mask) : { High: '0', Low: '0' };
  const name = c.apiPath.toLowerCase().indexOf('getusereffectivepermissions') >= 0 ? 'GetUserEffectivePermissions' : 'EffectiveBasePermissions';
  return json(c, 200, valueBody(name, 'SP.BasePermissions', { ...bits }, c.fmt, c.apiUrl));
}
