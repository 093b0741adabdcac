import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import { getList } from '../../schema/schema';
import { finalReports, IReportLibraryFile } from '../../model/finalisation';
import { IReportFile, IStoredReport } from '../IOrgRepository';
import { BatchedRead } from '../batchRetry';
import { httpStatusOf, sharePointMessage } from '../errors';
import { ListItem, toLibraryFile } from '../mapping';
import { pageOnById, PAGE_SIZE } from '../paging';
import { ITEM_QUERIES } from '../queries';
import { OrgContext } from './context';

/** Server-relative URL of the Rapporten library. */
export function reportsFolder(ctx: OrgContext): string {
  return `${new URL(ctx.siteUrl).pathname.replace(/\/+$/, '')}/${getList('reports').url}`;
}

/** Every document of Rapporten with its columns; remembered, so the cards know without a request whether to repair. */
export function queueLibrary(ctx: OrgContext, queue: BatchedRead): Promise<IReportLibraryFile[]> {
  const q = ITEM_QUERIES.reports;
  return queue((b) => ctx.list('reports', b).items.select(...q.select).top(PAGE_SIZE)() as Promise<ListItem[]>)
    .then((first) => pageOnById(first, (afterId) => ctx.list('reports').items.select(...q.select).top(PAGE_SIZE).skip(afterId)()))
    .then((items) => {
      const files = items.map(toLibraryFile);
      ctx.library = files;
      return files;
    });
}

/** The library read on its own (not batched). */
export function readLibrary(ctx: OrgContext): Promise<IReportLibraryFile[]> {
  return queueLibrary(ctx, (read) => read(ctx.sp));
}

export function toReports(ctx: OrgContext, files: IReportLibraryFile[]): IStoredReport[] {
  const origin = new URL(ctx.siteUrl).origin;
  return finalReports(files).map((f) => ({ name: f.name, year: f.year, format: f.format, url: origin + encodeURI(f.file.path), modified: f.file.modified, setId: f.setId }));
}

export function queueReports(ctx: OrgContext, queue: BatchedRead): Promise<IStoredReport[]> {
  return queueLibrary(ctx, queue).then((files) => toReports(ctx, files));
}

/** What finaliseReport answers: the year's files under their final names. */
export function storedAs(ctx: OrgContext, year: number, files: IReportFile[]): IStoredReport[] {
  const origin = new URL(ctx.siteUrl).origin;
  return files.map((f) => ({ name: f.name, year, format: f.format, url: origin + encodeURI(`${reportsFolder(ctx)}/${f.name}`) }));
}

export function fileAt(ctx: OrgContext, path: string): ReturnType<SPFI['web']['getFileByServerRelativePath']> {
  return ctx.sp.web.getFileByServerRelativePath(path);
}

export function folderOf(ctx: OrgContext): ReturnType<SPFI['web']['getFolderByServerRelativePath']> {
  return ctx.sp.web.getFolderByServerRelativePath(reportsFolder(ctx));
}

export function columns(year: number, format: IReportFile['format'], setId: string): Record<string, unknown> {
  return { Rapportjaar: year, Formaat: format === 'Gegevens' ? null : format, Finalisatie: setId };
}

/** Content first, then the columns with the set id: only then does the final name count as part of the set. */
export async function putFinal(ctx: OrgContext, name: string, content: ArrayBuffer, overwrite: boolean, c: { year: number; format: IReportFile['format']; setId: string }): Promise<void> {
  await folderOf(ctx).files.addUsingPath(name, content, { Overwrite: overwrite });
  await (await fileAt(ctx, `${reportsFolder(ctx)}/${name}`).getItem()).update({ ...columns(c.year, c.format, c.setId), Definitief: true });
}

export async function retireAndClean(ctx: OrgContext, retire: IReportLibraryFile[], cleanup: IReportLibraryFile[]): Promise<void> {
  for (const f of retire) await (await fileAt(ctx, f.path).getItem()).update({ Definitief: false });
  for (const f of cleanup) await deleteIfThere(ctx, f.path);
}

export async function deleteIfThere(ctx: OrgContext, path: string): Promise<void> {
  try {
    await fileAt(ctx, path).delete();
  } catch (e) {
    if (httpStatusOf(e) !== 404) throw e;
  }
}

/** SharePoint's "file already exists" (code -2130575257), also when someone else finished first. */
export function isFileExists(e: unknown): boolean {
  return sharePointMessage(e).indexOf('already exists') >= 0 || /-2130575257/.test(e instanceof Error ? e.message : String(e));
}
