/** Lists: web/lists, lists/getByTitle, getById, web/getList, and list add/update/delete. */
import { checkIfMatch, empty, IApiResponse, IContext, many, one, parseBody, requireManage, Resource } from '../context';
import { badRequest, CODE_ARGUMENT, listIdNotFound, listNotFound, pathNotFound, unknownProperty } from '../errors';
import { builtInFields, urlNameFromTitle } from '../fields';
import { firstArg, ISeg, parseArgs } from '../segments';
import { IListData, newGuid, Store } from '../store';
import { listEntity } from './entityBuilders';

export { listEntity } from './entityBuilders';

// ------------------------------------------------------------ navigation

/** `lists` is the collection; `lists(guid'...')` one list. */
export function listsSegment(c: IContext, _cur: Resource, seg: ISeg): Resource {
  return seg.args !== undefined ? listByIdSegment(c, _cur, seg) : { kind: 'lists' };
}

export function listByIdSegment(c: IContext, _cur: Resource, seg: ISeg): Resource {
  const l = c.site.findListById(String(firstArg(parseArgs(seg.args, c.query)) ?? ''));
  if (!l) throw listIdNotFound();
  return { kind: 'list', list: l };
}

export function listByTitleSegment(c: IContext, _cur: Resource, seg: ISeg): Resource {
  const title = String(firstArg(parseArgs(seg.args, c.query)));
  const l = c.site.findListByTitle(title);
  if (!l) throw listNotFound(title, c.site.siteUrl(c.origin));
  return { kind: 'list', list: l };
}

/** web/getList('/sites/x/Lists/Y'): by server-relative URL, the way the product addresses lists. */
export function listByUrlSegment(c: IContext, _cur: Resource, seg: ISeg): Resource {
  const l = c.site.findListByUrl(String(firstArg(parseArgs(seg.args, c.query))));
  if (!l) throw pathNotFound();
  return { kind: 'list', list: l };
}

// ------------------------------------------------------------ handlers (the entity: entityBuilders.ts)

export function getLists(c: IContext): IApiResponse {
  return many(c, c.site.orderedLists().map((l) => listEntity(c, l)), 'SP.ApiData.Lists');
}

export function getList(c: IContext, r: { list: IListData }): IApiResponse {
  return one(c, listEntity(c, r.list), 'SP.ApiData.Lists');
}

function newList(title: string, description: string, template: number, urlName: string): IListData {
  const now = new Date().toISOString();
  return {
    meta: {
      Id: newGuid(),
      Title: title,
      Description: description,
      BaseTemplate: template,
      UrlName: urlName,
      Created: now,
      LastItemModifiedDate: now,
      LastItemDeletedDate: now,
      ValidationFormula: '',
      ValidationMessage: '',
      Version: 1,
      NextItemId: 1,
      props: {}
    },
    fields: builtInFields(template === 100 ? 100 : 101),
    items: []
  };
}

/** What every new (English) team or communication site already has (FIDELITY G-02). */
export function addDefaultLibraries(store: Store): void {
  if (store.site.lists.length > 0) return;
  store.addList(newList('Documents', '', 101, 'Shared Documents'));
  store.addList(newList('Site Pages', '', 119, 'SitePages'));
}

/** lists.add: a generic list (100) or document library (101) with the built-in fields. */
export function addList(c: IContext): IApiResponse {
  requireManage(c);
  const body = parseBody(c.req);
  checkListKeys(body, true);
  const title = typeof body.Title === 'string' ? body.Title.trim() : '';
  if (!title) throw badRequest('The list title cannot be empty.', CODE_ARGUMENT);
  checkTitleLength(title);
  c.site.checkTitleFree(title);
  const template = body.BaseTemplate === undefined ? 100 : Number(body.BaseTemplate);
  if (template !== 100 && template !== 101) throw badRequest(`List template ${String(body.BaseTemplate)} is not supported by the local server (100 list, 101 library).`, CODE_ARGUMENT);
  let urlName = urlNameFromTitle(title);
  const taken = (n: string): boolean => c.site.orderedLists().some((l) => l.meta.UrlName.toLowerCase() === n.toLowerCase());
  for (let k = 1; taken(urlName); k++) urlName = `${urlNameFromTitle(title)}${k}`;
  const list = newList(title, typeof body.Description === 'string' ? body.Description : '', template, urlName);
  applyListProps(list, body);
  c.site.store.addList(list);
  return one(c, listEntity(c, list), 'SP.ApiData.Lists', 201);
}

/** FIDELITY B-14: a list title is at most 255 characters (List.Title); SharePoint's exact answer is not known from a source. */
export const MAX_LIST_TITLE = 255;

function checkTitleLength(title: string): void {
  if (title.length > MAX_LIST_TITLE) throw badRequest(`The list title is longer than ${MAX_LIST_TITLE} characters.`, CODE_ARGUMENT);
}

export function updateList(c: IContext, r: { list: IListData }): IApiResponse {
  requireManage(c);
  checkIfMatch(c.req, r.list.meta.Version);
  const body = parseBody(c.req);
  checkListKeys(body, false);
  const title = typeof body.Title === 'string' ? body.Title.trim() : '';
  if (title) checkTitleLength(title);
  if (title && title.toLowerCase() !== r.list.meta.Title.toLowerCase()) c.site.checkTitleFree(title);
  applyListProps(r.list, body);
  r.list.meta.Version++;
  c.site.store.markList(r.list.meta.Id);
  return empty(204, { ETag: `"${r.list.meta.Version}"` });
}

export function deleteList(c: IContext, r: { list: IListData }): IApiResponse {
  requireManage(c);
  checkIfMatch(c.req, r.list.meta.Version);
  c.site.store.removeList(r.list.meta.Id);
  return empty(200);
}

// ------------------------------------------------------------ list properties

const LIST_SETTABLE: string[] = [
  'Title', 'Description', 'AllowContentTypes', 'ContentTypesEnabled', 'OnQuickLaunch', 'EnableVersioning', 'EnableAttachments',
  'EnableFolderCreation', 'EnableMinorVersions', 'EnableModeration', 'ForceCheckout', 'MajorVersionLimit', 'Hidden', 'NoCrawl',
  'ValidationFormula', 'ValidationMessage', 'Direction', 'ImageUrl', 'IrmEnabled', 'DraftVersionVisibility', 'ReadSecurity',
  'WriteSecurity', 'DocumentTemplateType', 'TemplateFeatureId', 'DefaultContentApprovalWorkflowId', 'ListExperienceOptions',
  'DisableGridEditing', 'ExcludeFromOfflineClient', 'EnableAssignToEmail', 'DefaultDisplayFormUrl', 'DefaultEditFormUrl', 'DefaultNewFormUrl'
];

function checkListKeys(body: Record<string, unknown>, adding: boolean): void {
  for (const k of Object.keys(body)) {
    if (k === '__metadata') continue;
    if (k === 'BaseTemplate' && adding) continue;
    if (LIST_SETTABLE.indexOf(k) < 0) throw unknownProperty(k, 'SP.List');
  }
}

function applyListProps(list: IListData, body: Record<string, unknown>): void {
  for (const k of Object.keys(body)) {
    if (k === '__metadata' || k === 'BaseTemplate') continue;
    const v = body[k];
    if (k === 'Title') {
      if (typeof v === 'string' && v.trim()) list.meta.Title = v.trim();
    } else if (k === 'Description') list.meta.Description = v === null ? '' : String(v);
    else if (k === 'ValidationFormula') list.meta.ValidationFormula = v === null ? '' : String(v);
    else if (k === 'ValidationMessage') list.meta.ValidationMessage = v === null ? '' : String(v);
    else list.meta.props[k] = v;
  }
}
