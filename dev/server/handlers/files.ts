/** Documents in libraries: files, files/add(Using Path), getFileByServerRelativePath, $value, delete. */
import * as path from 'path';
import { empty, IApiResponse, IContext, IScope, many, one, requireEdit, Resource } from '../context';
import { IEntity } from '../entities';
import { badRequest, fileNotFound, SPError } from '../errors';
import { toSpDate } from '../fields';
import { firstArg, ISeg, parseArgs } from '../segments';
import { Site } from '../site';
import { recordVersion } from '../versions';
import { fileExists } from './moveCopy';
import { IItem, IListData, newGuid } from '../store';
import { addItem, deleteItem, itemEntity } from './items';
import { userEntityOrNull } from './users';

// ------------------------------------------------------------ navigation

function fileAt(c: IContext, url: string, notFoundName: string): Resource {
  const found = c.site.findFile(url);
  if (!found) throw fileNotFound(notFoundName);
  return { kind: 'file', list: found.list, item: found.item };
}

/** web/getFileByServerRelativePath(decodedurl='...') and ...Url('...'). */
export function fileByPathSegment(c: IContext, _cur: Resource, seg: ISeg): Resource {
  const url = String(firstArg(parseArgs(seg.args, c.query)));
  return fileAt(c, url, url);
}

/** folder/files is the collection; folder/files('name') one document. */
export function folderFilesSegment(c: IContext, cur: { list: IListData }, seg: ISeg): Resource {
  if (seg.args === undefined) return { kind: 'files', list: cur.list };
  const url = `${c.site.listUrl(cur.list)}/${String(firstArg(parseArgs(seg.args, c.query)))}`;
  return fileAt(c, url, url);
}

export function fileByNameSegment(c: IContext, cur: { list: IListData }, seg: ISeg): Resource {
  const name = String(firstArg(parseArgs(seg.args, c.query)));
  return fileAt(c, `${c.site.listUrl(cur.list)}/${name}`, name);
}

/** files/addUsingPath(decodedurl='a.docx',overwrite=true) and files/add(url='a.docx',overwrite=true). */
export function addFileSegment(c: IContext, cur: { list: IListData }, seg: ISeg): Resource {
  const a = parseArgs(seg.args, c.query);
  const name = String(a.named.decodedurl ?? a.named.url ?? firstArg(a) ?? '');
  return { kind: 'addFile', list: cur.list, name, overwrite: a.named.overwrite === true, byPath: seg.lower === 'addusingpath' };
}

/** item/file: only when the item is a document (otherwise the segment is looked up as a property). */
export function itemFileSegment(_c: IContext, cur: { list: IListData; item: IItem }): Resource | undefined {
  return cur.item.file ? { kind: 'file', list: cur.list, item: cur.item } : undefined;
}

export function fileContentSegment(_c: IContext, cur: { list: IListData; item: IItem }): Resource {
  return { kind: 'fileContent', list: cur.list, item: cur.item };
}

export function fileItemSegment(_c: IContext, cur: { list: IListData; item: IItem }): Resource {
  return { kind: 'listItemAllFields', list: cur.list, item: cur.item };
}

// ------------------------------------------------------------ entity

export function fileEntity(s: IScope, list: IListData, item: IItem): IEntity {
  const f = item.file as NonNullable<IItem['file']>;
  const url = s.site.fileUrl(list, item);
  const editLink = `Web/GetFileByServerRelativePath(decodedurl='${url.replace(/'/g, "''")}')`;
  return {
    type: 'SP.File',
    id: `${s.site.siteUrl(s.origin)}/_api/${editLink}`,
    editLink,
    props: {
      CheckInComment: '',
      CheckOutType: 2,
      ContentTag: `{${f.UniqueId.toUpperCase()}},${f.Version},${item.Version}`,
      CustomizedPageStatus: 0,
      ETag: `"{${f.UniqueId.toUpperCase()}},${f.Version}"`,
      Exists: true,
      IrmEnabled: false,
      Length: String(f.Length),
      Level: 1,
      LinkingUri: null,
      LinkingUrl: '',
      MajorVersion: f.Version,
      MinorVersion: 0,
      Name: f.Name,
      ServerRelativeUrl: url,
      TimeCreated: f.TimeCreated,
      TimeLastModified: f.TimeLastModified,
      Title: (item.values.Title as string | null) ?? null,
      UIVersion: f.Version * 512,
      UIVersionLabel: `${f.Version}.0`,
      UniqueId: f.UniqueId
    },
    extra: { ServerRelativePath: { DecodedUrl: url } },
    nav: {
      ListItemAllFields: () => itemEntity(s, list, item, true),
      Author: () => userEntityOrNull(s, item.AuthorId),
      ModifiedBy: () => userEntityOrNull(s, item.EditorId)
    }
  };
}

// ------------------------------------------------------------ handlers

export function getFiles(c: IContext, r: { list: IListData }): IApiResponse {
  return many(c, r.list.items.filter((i) => !!i.file).map((i) => fileEntity(c, r.list, i)), 'SP.ApiData.Files');
}

export function getFile(c: IContext, r: { list: IListData; item: IItem }): IApiResponse {
  return one(c, fileEntity(c, r.list, r.item), 'SP.ApiData.Files');
}

export function postAddFile(c: IContext, r: { list: IListData; name: string; overwrite: boolean; byPath?: boolean }): IApiResponse {
  requireEdit(c);
  const item = putFile(c.site, r.list, r.name, c.req.body, r.overwrite, !!r.byPath);
  return one(c, fileEntity(c, r.list, item), 'SP.ApiData.Files', 200);
}

export function deleteFile(c: IContext, r: { list: IListData; item: IItem }): IApiResponse {
  requireEdit(c);
  deleteItem(c.site, r.list, r.item);
  return empty(200);
}

export function getFileContent(c: IContext, r: { list: IListData; item: IItem }): IApiResponse {
  const f = r.item.file as NonNullable<IItem['file']>;
  const bytes = c.site.store.readContent(r.list.meta.Id, f.UniqueId);
  return { status: 200, headers: { 'Content-Type': mimeOf(f.Name), ETag: `"{${f.UniqueId.toUpperCase()}},${f.Version}"` }, body: bytes };
}

/**
 * SharePoint Online's file name rules (FIDELITY X-08): no " * : < > ? / \\ |, no leading or trailing space, none of the
 * reserved names (.lock, CON, PRN, AUX, NUL, COM0-9, LPT0-9, desktop.ini), no leading ~$, no _vti_ anywhere; # and %
 * only through the ResourcePath APIs (addUsingPath, MoveFileByPath), which take decoded names.
 */
export function validFileName(name: string, byPath: boolean): boolean {
  if (!name || /["*:<>?/\\|]/.test(name) || name !== name.trim()) return false;
  if (!byPath && /[#%]/.test(name)) return false;
  if (/^(\.lock|desktop\.ini|(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?)$/i.test(name)) return false;
  return !/^~\$/.test(name) && !/_vti_/i.test(name);
}

/** No source gives SharePoint's status and text for a refused name; this is the local answer (FIDELITY X-08). */
export function invalidFileName(name: string): SPError {
  return badRequest(`The file name '${name}' is not valid.`, '-2130575245, Microsoft.SharePoint.SPException');
}

/** PUT/POST .../$value replaces the document's content (a new major version). */
export function putFileContent(c: IContext, r: { list: IListData; item: IItem }): IApiResponse {
  requireEdit(c);
  putFile(c.site, r.list, (r.item.file as NonNullable<IItem['file']>).Name, c.req.body, true);
  return empty(204);
}

function putFile(site: Site, list: IListData, name: string, content: Buffer, overwrite: boolean, byPath: boolean = false): IItem {
  const clean = name.replace(/^\/+/, '');
  if (!validFileName(clean, byPath) || `${site.listUrl(list)}/${clean}`.length > 400) throw invalidFileName(name);
  const existing = site.findFile(`${site.listUrl(list)}/${clean}`);
  const now = toSpDate(new Date());
  if (existing) {
    if (!overwrite) {
      throw fileExists(site, list, existing.item);
    }
    recordVersion(site, list, existing.item, true);
    const f = existing.item.file as NonNullable<IItem['file']>;
    f.Length = content.length;
    f.TimeLastModified = now;
    f.Version++;
    existing.item.Version++;
    existing.item.Modified = now;
    existing.item.EditorId = site.currentUser().Id;
    list.meta.LastItemModifiedDate = new Date().toISOString();
    site.store.putContent(list.meta.Id, f.UniqueId, content);
    site.store.markList(list.meta.Id);
    return existing.item;
  }
  const file = { Name: clean, UniqueId: newGuid(), Length: content.length, TimeCreated: now, TimeLastModified: now, Version: 1 };
  site.store.putContent(list.meta.Id, file.UniqueId, content);
  return addItem(site, list, {}, file);
}

const MIME: Record<string, string> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.pdf': 'application/pdf',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml'
};

export function mimeOf(name: string): string {
  return MIME[path.extname(name).toLowerCase()] || 'application/octet-stream';
}
