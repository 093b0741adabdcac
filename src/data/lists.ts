import { SPFI } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import { IList } from '@pnp/sp/lists';
import { getList } from '../schema/schema';

/**
 * Lists are addressed by their URL, never by title: an admin may rename a list
 * in the list settings, but its URL stays (see dev/server/FIDELITY.md).
 */

/** Server-relative path of the web an SPFI points at, e.g. '/sites/organisatiebeheersing'. */
export function webPath(sp: SPFI): string {
  const api = new URL(sp.web.toUrl());
  return decodeURIComponent(api.pathname.replace(/\/_api\/web\/?$/i, '')).replace(/\/+$/, '');
}

/** Server-relative URL of a schema list, e.g. '/sites/organisatiebeheersing/Lists/Acties'. */
export function listUrl(sp: SPFI, key: string): string {
  return `${webPath(sp)}/${getList(key).url}`;
}

/** The list of a schema key, addressed by URL (web.getList). */
export function listOf(sp: SPFI, key: string): IList {
  return sp.web.getList(listUrl(sp, key));
}
