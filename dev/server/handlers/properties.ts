/** A single property as a resource, e.g. web/Title or lists/getByTitle('X')/ItemCount. */
import { IApiResponse, IContext, json, Resource } from '../context';
import { IEntity, valueBody } from '../entities';
import { ISeg } from '../segments';

/** The property of `entity` a segment names (case-insensitive), or undefined when there is none. */
export function propertySegment(entity: IEntity, seg: ISeg): Resource | undefined {
  if (seg.args !== undefined) return undefined;
  const key = Object.keys(entity.props).concat(Object.keys(entity.extra || {})).find((k) => k.toLowerCase() === seg.lower);
  return key ? { kind: 'prop', entity, name: key } : undefined;
}

export function getProperty(c: IContext, r: { entity: IEntity; name: string }): IApiResponse {
  const v = r.name in r.entity.props ? r.entity.props[r.name] : (r.entity.extra || {})[r.name];
  const type = typeof v === 'number' ? (Number.isInteger(v) ? 'Edm.Int32' : 'Edm.Double') : typeof v === 'boolean' ? 'Edm.Boolean' : v && typeof v === 'object' ? `SP.${r.name}` : 'Edm.String';
  return json(c, 200, valueBody(r.name, type, v, c.fmt, c.apiUrl));
}
