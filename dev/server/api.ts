/**
 * Facade kept for existing imports of './api'. The API itself lives in routes.ts (the
 * route table and dispatch) and handlers/ (one module per resource); handlers are
 * synchronous over the in-memory store, and the HTTP layer (index.ts) serialises
 * writes and makes them durable before it answers.
 */
import { IApiRequest, IApiResponse } from './context';
import { addItemForTool } from './handlers/items';
import { dispatch } from './routes';
import { Site } from './site';
import { IItem, IListData } from './store';

export { contentTypeOf, formatOf, IApiRequest, IApiResponse, parseBody } from './context';
export { accessDenied, errorJson, STATUS_TEXT } from './errors';
export { mimeOf } from './handlers/files';
export { DEFAULT_ITEM_TOP, LIST_VIEW_THRESHOLD } from './handlers/itemQuery';
export { parseSegments } from './segments';
export { DIGEST_TIMEOUT_SECONDS, findItem, PERMISSIONS, Role } from './site';

export class SharePointApi extends Site {
  /** Handles one API request (never a $batch envelope). Throws SPError for client errors. */
  public dispatch(req: IApiRequest, apiPath: string): IApiResponse {
    return dispatch(this, req, apiPath);
  }

  /** items.add without HTTP (bulk loads in tests and tools); same validation and defaults. */
  public addItemForTool(list: IListData, body: Record<string, unknown>): IItem {
    return addItemForTool(this, list, body);
  }
}
