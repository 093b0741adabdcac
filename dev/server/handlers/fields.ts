/** Fields of a list: fields, fields(guid), getByInternalNameOrTitle, createFieldAsXml, field MERGE/DELETE. */
import { empty, IApiResponse, IContext, IScope, many, one, parseBody, requireManage, Resource } from '../context';
import { IEntity } from '../entities';
import { badRequest, CODE_ARGUMENT, SPError } from '../errors';
import { checkIndexable, fieldFromSchemaXml, fieldJson, fieldODataType, setXmlAttr, unescapeXml, updateField } from '../fields';
import { assignInternalName } from '../naming';
import { firstArg, ISeg, parseArgs } from '../segments';
import { IField, IListData } from '../store';

// ------------------------------------------------------------ navigation

/** `fields` is the collection; `fields(guid'...')` one field. */
export function fieldsSegment(c: IContext, cur: { list: IListData }, seg: ISeg): Resource {
  if (seg.args === undefined) return { kind: 'fields', list: cur.list };
  const id = String(firstArg(parseArgs(seg.args, c.query)));
  const f = cur.list.fields.find((x) => x.Id === id.replace(/[{}]/g, '').toLowerCase());
  if (!f) throw new SPError(400, CODE_ARGUMENT, 'Invalid field name. {' + id + '}');
  return { kind: 'field', list: cur.list, field: f };
}

/** fields/getById, getByTitle (display name), getByInternalNameOrTitle (internal name first). */
export function fieldLookupSegment(c: IContext, cur: { list: IListData }, seg: ISeg): Resource {
  const name = String(firstArg(parseArgs(seg.args, c.query)));
  const list = cur.list;
  const s = seg.lower;
  const f =
    s === 'getbyid'
      ? list.fields.find((x) => x.Id === name.replace(/[{}]/g, '').toLowerCase())
      : (s === 'getbyinternalnameortitle' ? list.fields.find((x) => x.InternalName === name) : undefined) || list.fields.find((x) => x.Title === name);
  if (!f) {
    throw new SPError(400, CODE_ARGUMENT, `Column '${name}' does not exist. It may have been deleted by another user.  ${c.site.listUrl(list)}`);
  }
  return { kind: 'field', list, field: f };
}

// ------------------------------------------------------------ entity

export function fieldEntity(s: IScope, list: IListData, f: IField): IEntity {
  const editLink = `${s.site.listEditLink(list)}/Fields(guid'${f.Id}')`;
  const props = fieldJson(f, s.site.store.site.WebId);
  props.Scope = s.site.listUrl(list);
  return { type: fieldODataType(f), id: `${s.site.siteUrl(s.origin)}/_api/${editLink}`, editLink, props };
}

// ------------------------------------------------------------ handlers

export function getFields(c: IContext, r: { list: IListData }): IApiResponse {
  return many(c, r.list.fields.map((f) => fieldEntity(c, r.list, f)), 'SP.ApiData.Fields');
}

export function getField(c: IContext, r: { list: IListData; field: IField }): IApiResponse {
  return one(c, fieldEntity(c, r.list, r.field), 'SP.ApiData.Fields');
}

/** fields.createFieldAsXml: body { parameters: { SchemaXml } } (or the parameters alone). */
export function createFieldAsXml(c: IContext, r: { list: IListData }): IApiResponse {
  requireManage(c);
  const body = parseBody(c.req);
  const params = (body.parameters || body) as Record<string, unknown>;
  if (typeof params.SchemaXml !== 'string') throw badRequest("The parameter 'SchemaXml' is missing.", CODE_ARGUMENT);
  const f = fieldFromSchemaXml(params.SchemaXml);
  if (f.Indexed) checkIndexable(f);
  const options = typeof params.Options === 'number' ? params.Options : 0;
  // FIDELITY F-01..F-06: the internal name comes from DisplayName unless the hint option is set.
  const attrs = { Name: xmlAttr(params.SchemaXml, 'Name'), StaticName: xmlAttr(params.SchemaXml, 'StaticName'), DisplayName: xmlAttr(params.SchemaXml, 'DisplayName') };
  const taken = (n: string): boolean => r.list.fields.some((x) => x.InternalName.toLowerCase() === n.toLowerCase());
  const name = assignInternalName(attrs, options, taken);
  f.InternalName = name;
  f.StaticName = name;
  f.SchemaXml = setXmlAttr(setXmlAttr(f.SchemaXml, 'Name', name), 'StaticName', name);
  if (r.list.fields.some((x) => x.Id === f.Id)) {
    throw new SPError(500, '-2130575340, Microsoft.SharePoint.SPException', `A duplicate field name "${name}" was found.`);
  }
  r.list.fields.push(f);
  r.list.meta.Version++;
  c.site.store.markList(r.list.meta.Id);
  return one(c, fieldEntity(c, r.list, f), 'SP.ApiData.Fields', 201);
}

export function mergeField(c: IContext, r: { list: IListData; field: IField }): IApiResponse {
  requireManage(c);
  updateField(r.field, parseBody(c.req));
  r.list.meta.Version++;
  c.site.store.markList(r.list.meta.Id);
  return empty(204);
}

export function deleteField(c: IContext, r: { list: IListData; field: IField }): IApiResponse {
  requireManage(c);
  if (r.field.FromBaseType) throw new SPError(500, '-2146232832, Microsoft.SharePoint.SPException', 'You cannot delete a hidden column.');
  r.list.fields = r.list.fields.filter((f) => f !== r.field);
  r.list.meta.Version++;
  c.site.store.markList(r.list.meta.Id);
  return empty(200);
}

/** One attribute of the root <Field> element, unescaped. */
function xmlAttr(xml: string, name: string): string | undefined {
  const root = /^\s*<Field\b([^>]*?)\/?>/.exec(xml);
  const m = root ? new RegExp(`(?:^|\\s)${name}\\s*=\\s*"([^"]*)"`).exec(root[1]) : null;
  return m ? unescapeXml(m[1]) : undefined;
}
