/**
 * Version history of items and documents: before a write replaces the current version,
 * a snapshot of it is kept on the item (values, editor, time; for documents also the
 * content, as its own stored file). Only on lists with versioning on, and only the last
 * MajorVersionLimit versions, like SharePoint (FIDELITY.md ).
 */
import { Site } from './site';
import { IItem, IListData, IVersion, newGuid } from './store';

/** SharePoint's defaults when a list does not say: 50 major versions for lists, 500 for libraries (FIDELITY X-05). */
const DEFAULT_LIMIT_LIST = 50;
const DEFAULT_LIMIT_LIBRARY = 500;

export function versioningOn(list: IListData): boolean {
  return list.meta.props.EnableVersioning !== false;
}

function limitOf(list: IListData): number {
  const n = Number(list.meta.props.MajorVersionLimit);
  return n > 0 ? n : list.meta.BaseTemplate === 101 ? DEFAULT_LIMIT_LIBRARY : DEFAULT_LIMIT_LIST;
}

/** Keeps the current version of `item` before a write changes it (no-op when versioning is off). */
export function recordVersion(site: Site, list: IListData, item: IItem, withContent: boolean): void {
  if (!versioningOn(list)) return;
  const v: IVersion = { major: item.Version, Modified: item.Modified, EditorId: item.EditorId, values: JSON.parse(JSON.stringify(item.values)) as Record<string, unknown> };
  if (withContent && item.file) {
    const contentId = newGuid();
    let bytes: Buffer | undefined;
    try {
      bytes = site.store.readContent(list.meta.Id, item.file.UniqueId);
    } catch {
      bytes = undefined; // written in the same batch and not yet on disk: the version keeps no content
    }
    if (bytes) site.store.putContent(list.meta.Id, contentId, bytes);
    v.file = { major: item.file.Version, Name: item.file.Name, Length: item.file.Length, contentId, TimeLastModified: item.file.TimeLastModified };
  }
  const history = item.history || (item.history = []);
  history.push(v);
  // The current version counts towards the limit.
  while (history.length > limitOf(list) - 1) {
    const old = history.shift() as IVersion;
    if (old.file) site.store.putContent(list.meta.Id, old.file.contentId, null);
  }
}

/** Removes the stored contents of a deleted document's versions. */
export function dropVersions(site: Site, list: IListData, item: IItem): void {
  for (const v of item.history || []) if (v.file) site.store.putContent(list.meta.Id, v.file.contentId, null);
}
