/**
 * Version history: `items(n)/versions` (the current version first, then older ones,
 * newest first; X-01) and `file/versions` (earlier versions of the document only; X-03).
 */
import { IApiResponse, IContext, IScope, many, one, Resource } from '../context';
import { IEntity } from '../entities';
import { SPError } from '../errors';
import { firstArg, ISeg, parseArgs } from '../segments';
import { IItem, IListData, IVersion } from '../store';
import { columnProps } from './items';

export function itemVersionsSegment(c: IContext, cur: { list: IListData; item: IItem }, seg: ISeg): Resource {
  const r: Resource = { kind: 'versions', list: cur.list, item: cur.item, file: false };
  return seg.args !== undefined ? versionByIdSegment(c, r, seg) : r;
}

export function fileVersionsSegment(c: IContext, cur: { list: IListData; item: IItem }, seg: ISeg): Resource {
  const r: Resource = { kind: 'versions', list: cur.list, item: cur.item, file: true };
  return seg.args !== undefined ? versionByIdSegment(c, r, seg) : r;
}

export function versionByIdSegment(c: IContext, cur: Resource, seg: ISeg): Resource {
  const r = cur as { list: IListData; item: IItem; file: boolean };
  return { kind: 'version', list: r.list, item: r.item, file: r.file, versionId: Number(firstArg(parseArgs(seg.args, c.query))) };
}

function person(s: IScope, id: number): { LookupId: number; LookupValue: string; Email: string } | null {
  const u = s.site.userById(id);
  return u ? { LookupId: u.Id, LookupValue: u.Title, Email: u.Email } : null;
}

/** One SP.ListItemVersion: recorded shape of X-01 (Created without Z, people as LookupId/LookupValue/Email). */
function itemVersionEntity(s: IScope, list: IListData, item: IItem, v: IVersion, current: boolean): IEntity {
  const props: Record<string, unknown> = {
    Created: v.Modified.replace(/Z$/, ''),
    IsCurrentVersion: current,
    VersionId: v.major * 512,
    VersionLabel: `${v.major}.0`,
    ID: item.Id,
    Title: v.values.Title ?? null
  };
  for (const f of list.fields) {
    if (f.FromBaseType || !(f.InternalName in v.values)) continue;
    // Versions carry the column values as the item does (lookups and people by id).
    Object.assign(props, columnProps(f, v.values[f.InternalName]));
  }
  Object.assign(props, {
    Modified: v.Modified,
    Author: person(s, item.AuthorId),
    Editor: person(s, v.EditorId),
    OData__x005f_UIVersionString: `${v.major}.0`,
    GUID: item.GUID,
    owshiddenversion: v.major,
    FileRef: `${s.site.listUrl(list)}/${item.Id}_.000`
  });
  return { type: 'SP.ListItemVersion', id: `${s.site.siteUrl(s.origin)}/_api/Web/Lists(guid'${list.meta.Id}')/Items(${item.Id})/versions(${v.major * 512})`, props };
}

function currentAsVersion(item: IItem): IVersion {
  return { major: item.Version, Modified: item.Modified, EditorId: item.EditorId, values: item.values };
}

/** One SP.FileVersion: recorded shape of X-03 (Length a string, Size a number, _vti_history URL). */
function fileVersionEntity(s: IScope, list: IListData, v: IVersion): IEntity {
  const f = v.file as NonNullable<IVersion['file']>;
  const id = f.major * 512;
  return {
    type: 'SP.FileVersion',
    id: `${s.site.siteUrl(s.origin)}/_api/SP.FileVersion${id}`,
    props: {
      CheckInComment: '',
      Created: f.TimeLastModified,
      ID: id,
      IsCurrentVersion: false,
      Length: String(f.Length),
      Size: f.Length,
      Url: `_vti_history/${id}/${list.meta.UrlName}/${f.Name}`,
      VersionLabel: `${f.major}.0`
    }
  };
}

function entitiesOf(c: IScope, r: { list: IListData; item: IItem; file: boolean }): { id: number; e: IEntity }[] {
  const history = r.item.history || [];
  if (r.file) {
    return history.filter((v) => !!v.file).map((v) => ({ id: (v.file as NonNullable<IVersion['file']>).major * 512, e: fileVersionEntity(c, r.list, v) }));
  }
  const all = [{ v: currentAsVersion(r.item), current: true }].concat(history.slice().reverse().map((v) => ({ v, current: false })));
  return all.map((x) => ({ id: x.v.major * 512, e: itemVersionEntity(c, r.list, r.item, x.v, x.current) }));
}

export function getVersions(c: IContext, r: { list: IListData; item: IItem; file: boolean }): IApiResponse {
  return many(c, entitiesOf(c, r).map((x) => x.e), r.file ? 'SP.ApiData.FileVersions' : 'SP.ApiData.ListItemVersions');
}

export function getVersion(c: IContext, r: { list: IListData; item: IItem; file: boolean; versionId: number }): IApiResponse {
  const found = entitiesOf(c, r).find((x) => x.id === r.versionId);
  // Not recorded; the product never asks for a version that is not in the collection.
  if (!found) throw new SPError(404, '-2146232832, Microsoft.SharePoint.SPException', 'Version does not exist.');
  return one(c, found.e, r.file ? 'SP.ApiData.FileVersions' : 'SP.ApiData.ListItemVersions');
}

