/** Documents in libraries: files, files/add(Using Path), getFileByServerRelativePath, $value, delete. */
import * as path from 'path';
import { empty, IApiResponse, IContext, many, one, requireEdit, Resource } from '../context';
import { fileNotFound } from '../errors';
import { toSpDate } from '../fields';
import { firstArg, ISeg, parseArgs } from '../segments';
import { Site } from '../site';
import { recordVersion } from '../versions';
import { fileExists } from './moveCopy';
import { IItem, IListData, newGuid } from '../store';
import { addItem, deleteItem } from './items';
import { fileEntity } from './entityBuilders';
import { invalidFileName, validFileName } from './fileNames';

export { fileEntity } from './entityBuilders';
export { invalidFileName, validFileName } from './fileNames';

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

// ------------------------------------------------------------ handlers (the entity: entityBuilders.ts)

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
