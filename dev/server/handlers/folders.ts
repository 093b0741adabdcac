/** Folders: a list's or library's root folder (getFolderByServerRelativePath, rootFolder); no subfolders. */
import { IApiResponse, IContext, IScope, many, one, Resource } from '../context';
import { IEntity } from '../entities';
import { pathNotFound } from '../errors';
import { toSpDate } from '../fields';
import { firstArg, ISeg, parseArgs } from '../segments';
import { uuidFrom } from '../site';
import { IListData } from '../store';
import { fileEntity } from './files';

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

export function folderEntity(s: IScope, list: IListData): IEntity {
  const url = s.site.listUrl(list);
  const editLink = `Web/GetFolderByServerRelativePath(decodedurl='${url.replace(/'/g, "''")}')`;
  return {
    type: 'SP.Folder',
    id: `${s.site.siteUrl(s.origin)}/_api/${editLink}`,
    editLink,
    props: {
      Exists: true,
      IsWOPIEnabled: false,
      ItemCount: list.items.length,
      Name: list.meta.UrlName,
      ProgID: null,
      ServerRelativeUrl: url,
      TimeCreated: toSpDate(new Date(list.meta.Created)),
      TimeLastModified: toSpDate(new Date(list.meta.LastItemModifiedDate)),
      UniqueId: uuidFrom(`folder:${list.meta.Id}`),
      WelcomePage: ''
    },
    extra: { ServerRelativePath: { DecodedUrl: url } },
    nav: {
      Files: () => list.items.filter((i) => !!i.file).map((i) => fileEntity(s, list, i)),
      Folders: () => [],
      ListItemAllFields: () => null
    }
  };
}

export function getFolder(c: IContext, r: { list: IListData }): IApiResponse {
  return one(c, folderEntity(c, r.list), 'SP.ApiData.Folders');
}

/** Folders below a library root are not implemented: always empty. */
export function getSubfolders(c: IContext): IApiResponse {
  return many(c, [], 'SP.ApiData.Folders');
}
