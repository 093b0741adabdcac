/**
 * SP.MoveCopyUtil.MoveFileByPath: what PnPjs' `file.moveByPath` posts. The product renames a
 * document within its library (upload under a temporary name, set its columns, then move it to
 * its final name), so only moves inside one library are supported here.
 */
import { IApiResponse, IContext, parseBody, Resource, voidResult } from '../context';
import { hasKind, KIND } from '../directory';
import { accessDenied, badRequest, fileNotFound, SPError } from '../errors';
import { toSpDate } from '../fields';
import { firstArg, ISeg, parseArgs } from '../segments';
import { Site } from '../site';
import { IItem, IListData } from '../store';
import { invalidFileName, validFileName } from './fileNames';

export function moveFileSegment(c: IContext, _cur: Resource, seg: ISeg): Resource {
  const a = parseArgs(seg.args, c.query);
  return { kind: 'moveFile', overwrite: (a.named.overwrite ?? firstArg(a)) === true };
}

function decodedUrl(v: unknown): string {
  const p = v && typeof v === 'object' ? (v as { DecodedUrl?: unknown }).DecodedUrl : undefined;
  if (typeof p !== 'string' || !p) throw badRequest('The parameter srcPath or destPath is missing or not valid.');
  return p.replace(/^https?:\/\/[^/]+/i, '');
}

/** SharePoint's "file exists" answer (FIDELITY.md X-04): library-relative path, last editor and time. */
export function fileExists(site: Site, list: IListData, item: IItem): SPError {
  const editor = site.userById(item.EditorId);
  const d = new Date(item.Modified);
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const two = (n: number): string => String(n).padStart(2, '0');
  const when = `${d.getUTCDate()} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
  return new SPError(
    400,
    '-2130575257, Microsoft.SharePoint.SPException',
    `A file with the name ${list.meta.UrlName}/${(item.file as NonNullable<IItem['file']>).Name} already exists. It was last modified by ${editor ? editor.LoginName : 'SHAREPOINT\\system'} on ${when}.`
  );
}

export function postMoveFile(c: IContext, r: { overwrite: boolean }): IApiResponse {
  const body = parseBody(c.req);
  const src = decodedUrl(body.srcPath);
  const dest = decodedUrl(body.destPath);
  const found = c.site.findFile(src);
  if (!found) throw fileNotFound(decodeURIComponent(src));
  if (!hasKind(c.site.permsOn(found.list), KIND.EditListItems)) throw accessDenied();
  const root = c.site.listUrl(found.list);
  const rel = decodeURIComponent(dest).slice(root.length + 1);
  if (decodeURIComponent(dest).toLowerCase().indexOf(root.toLowerCase() + '/') !== 0 || !rel || rel.indexOf('/') >= 0) {
    throw badRequest('The local server moves documents only within the root folder of their own library.', '-2147024809, System.ArgumentException');
  }
  if (!validFileName(rel, true) || `${root}/${rel}`.length > 400) throw invalidFileName(rel);
  const target = c.site.findFile(`${root}/${rel}`);
  if (target && target.item !== found.item) {
    if (!r.overwrite) throw fileExists(c.site, found.list, target.item);
    // Overwriting replaces the target document (and its history) with the moved one.
    found.list.items = found.list.items.filter((i) => i !== target.item);
    if (target.item.file) c.site.store.putContent(found.list.meta.Id, target.item.file.UniqueId, null);
  }
  const f = found.item.file as NonNullable<IItem['file']>;
  f.Name = rel;
  f.TimeLastModified = toSpDate(new Date());
  found.list.meta.LastItemModifiedDate = new Date().toISOString();
  c.site.store.markList(found.list.meta.Id);
  return voidResult(c);
}
