/** Folders: a list's or library's root folder (getFolderByServerRelativePath, rootFolder); no subfolders. */
import { IApiResponse, IContext, many, one, Resource } from '../context';
import { pathNotFound } from '../errors';
import { firstArg, ISeg, parseArgs } from '../segments';
import { IListData } from '../store';
import { folderEntity } from './entityBuilders';

export { folderEntity } from './entityBuilders';

export function folderByPathSegment(c: IContext, _cur: Resource, seg: ISeg): Resource {
  const l = c.site.findListByUrl(String(firstArg(parseArgs(seg.args, c.query))));
  if (!l) throw pathNotFound();
  return { kind: 'folder', list: l };
}

export function rootFolderSegment(_c: IContext, cur: { list: IListData }): Resource {
  return { kind: 'folder', list: cur.list };
}

export function subfoldersSegment(_c: IContext, cur: { list: IListData }): Resource {
  return { kind: 'folders', list: cur.list };
}

export function getFolder(c: IContext, r: { list: IListData }): IApiResponse {
  return one(c, folderEntity(c, r.list), 'SP.ApiData.Folders');
}

/** Folders below a library root are not implemented: always empty. */
export function getSubfolders(c: IContext): IApiResponse {
  return many(c, [], 'SP.ApiData.Folders');
}
