/**
 * THE route table of the _api: for every resource kind, the segments that lead on from
 * it and the handler per HTTP verb. A URL such as `web/lists/getByTitle('X')/items(3)`
 * is walked segment by segment from 'root' (root → web → lists → list → item); the
 * verb then picks the handler of the resource reached. To find an endpoint's code,
 * find its resource here and follow the handler name into handlers/.
 */
import { IApiRequest, IApiResponse, IContext, Kind, Resource, ResourceOf } from './context';
import { formatOf } from './context';
import { IEntity } from './entities';
import { methodNotAllowed, notFoundResource } from './errors';
import { ISeg, parseSegments } from './segments';
import { Site } from './site';
import { IListData } from './store';
import { postContextInfo } from './handlers/contextinfo';
import { createFieldAsXml, deleteField, fieldEntity, fieldLookupSegment, fieldsSegment, getField, getFields, mergeField } from './handlers/fields';
import * as files from './handlers/files';
import { folderByPathSegment, folderEntity, getFolder, getSubfolders, rootFolderSegment, subfoldersSegment } from './handlers/folders';
import { getItems } from './handlers/itemQuery';
import { deleteItemHandler, getItem, itemEntity, itemSegment, itemsSegment, mergeItem, postItem } from './handlers/items';
import * as lists from './handlers/lists';
import { getPermissions, ownPermissionsSegment, userPermissionsSegment } from './handlers/permissions';
import { getProperty, propertySegment } from './handlers/properties';
import * as users from './handlers/users';
import { getStorageEntity, storageEntitySegment } from './handlers/storageEntities';
import * as groups from './handlers/groups';
import * as versions from './handlers/versions';
import * as moveCopy from './handlers/moveCopy';
import { postSendEmail } from './handlers/mail';
import { getSite, getWeb, webEntity } from './handlers/web';

/** GET also answers HEAD; MERGE also answers PATCH. Other verbs are 405. */
export type Verb = 'GET' | 'POST' | 'MERGE' | 'PUT' | 'DELETE';

export interface IRoute<R extends Resource> {
  /** Handler per verb. A resource without any answers 404 (e.g. a bare `_api/`). */
  methods?: Partial<Record<Verb, (c: IContext, r: R) => IApiResponse>>;
  /** Next segments by lower-case name; undefined from a child means "try it as a property". */
  children?: Record<string, (c: IContext, r: R, seg: ISeg) => Resource | undefined>;
  /** Entity whose properties may be addressed as segments (`web/Title`). */
  property?: (c: IContext, r: R) => IEntity;
}

export type RouteTable = { [K in Kind]: IRoute<ResourceOf<K>> };

const perms = { effectivebasepermissions: ownPermissionsSegment, getusereffectivepermissions: userPermissionsSegment };

export const ROUTES: RouteTable = {
  root: {
    children: {
      contextinfo: () => ({ kind: 'contextinfo' }),
      web: () => ({ kind: 'web' }),
      site: () => ({ kind: 'site' }),
      lists: lists.listsSegment,
      'sp.movecopyutil.movefilebypath': moveCopy.moveFileSegment,
      'sp.utilities.utility.sendemail': () => ({ kind: 'sendEmail' })
    }
  },
  moveFile: { methods: { POST: moveCopy.postMoveFile } },
  sendEmail: { methods: { POST: postSendEmail } },
  contextinfo: { methods: { POST: postContextInfo } },
  site: { methods: { GET: getSite }, children: { rootweb: () => ({ kind: 'web' }) } },
  web: {
    methods: { GET: getWeb },
    children: {
      lists: lists.listsSegment,
      getlist: lists.listByUrlSegment,
      currentuser: users.currentUserSegment,
      siteusers: users.siteUsersSegment,
      getuserbyid: users.userByIdSegment,
      ensureuser: () => ({ kind: 'ensureUser' }),
      ...perms,
      getfolderbyserverrelativepath: folderByPathSegment,
      getfolderbyserverrelativeurl: folderByPathSegment,
      getfilebyserverrelativepath: files.fileByPathSegment,
      getfilebyserverrelativeurl: files.fileByPathSegment,
      getstorageentity: storageEntitySegment,
      sitegroups: groups.siteGroupsSegment,
      associatedownergroup: groups.associatedGroupSegment(3),
      associatedvisitorgroup: groups.associatedGroupSegment(4),
      associatedmembergroup: groups.associatedGroupSegment(5),
      roledefinitions: groups.roleDefinitionsSegment,
      roleassignments: groups.roleAssignmentsSegment
    },
    property: (c) => webEntity(c)
  },
  lists: {
    methods: { GET: lists.getLists, POST: lists.addList },
    children: { getbytitle: lists.listByTitleSegment, getbyid: lists.listByIdSegment }
  },
  list: {
    methods: { GET: lists.getList, MERGE: lists.updateList, DELETE: lists.deleteList },
    children: {
      items: itemsSegment,
      getitembyid: itemSegment,
      fields: fieldsSegment,
      rootfolder: rootFolderSegment,
      ...perms,
      roleassignments: groups.roleAssignmentsSegment,
      breakroleinheritance: groups.breakInheritanceSegment
    },
    property: (c, r) => lists.listEntity(c, r.list)
  },
  items: { methods: { GET: getItems, POST: postItem }, children: { getbyid: itemSegment } },
  item: {
    methods: { GET: getItem, MERGE: mergeItem, DELETE: deleteItemHandler },
    children: {
      file: files.itemFileSegment,
      versions: versions.itemVersionsSegment,
      ...perms,
      roleassignments: groups.roleAssignmentsSegment,
      breakroleinheritance: groups.breakInheritanceSegment
    },
    property: (c, r) => itemEntity(c, r.list, r.item, false)
  },
  listItemAllFields: { methods: { GET: getItem, MERGE: mergeItem } },
  fields: {
    methods: { GET: getFields },
    children: {
      getbyinternalnameortitle: fieldLookupSegment,
      getbytitle: fieldLookupSegment,
      getbyid: fieldLookupSegment,
      createfieldasxml: (_c, r) => ({ kind: 'createField', list: r.list })
    }
  },
  createField: { methods: { POST: createFieldAsXml } },
  field: { methods: { GET: getField, MERGE: mergeField, DELETE: deleteField }, property: (c, r) => fieldEntity(c, r.list, r.field) },
  users: {
    methods: { GET: users.getUsers },
    children: { getbyid: users.userByIdSegment, getbyemail: users.userByLoginSegment, getbyloginname: users.userByLoginSegment }
  },
  user: { methods: { GET: users.getUser }, property: (c, r) => users.userEntity(c, r.user) },
  ensureUser: { methods: { POST: users.postEnsureUser } },
  perms: { methods: { GET: getPermissions } },
  folder: {
    methods: { GET: getFolder },
    children: { files: files.folderFilesSegment, folders: subfoldersSegment },
    property: (c, r) => folderEntity(c, r.list)
  },
  folders: { methods: { GET: getSubfolders } },
  files: {
    methods: { GET: files.getFiles },
    children: { addusingpath: files.addFileSegment, add: files.addFileSegment, getbyurl: files.fileByNameSegment }
  },
  addFile: { methods: { POST: files.postAddFile } },
  file: {
    methods: { GET: files.getFile, DELETE: files.deleteFile },
    children: { $value: files.fileContentSegment, listitemallfields: files.fileItemSegment, versions: versions.fileVersionsSegment },
    property: (c, r) => files.fileEntity(c, r.list, r.item)
  },
  fileContent: { methods: { GET: files.getFileContent, PUT: files.putFileContent, POST: files.putFileContent } },
  storageEntity: { methods: { GET: getStorageEntity } },
  prop: { methods: { GET: getProperty } },
  groups: {
    methods: { GET: groups.getGroups, POST: groups.postGroup },
    children: { getbyid: groups.groupByIdSegment, getbyname: groups.groupByNameSegment }
  },
  group: { methods: { GET: groups.getGroup }, children: { users: (_c, r) => ({ kind: 'groupUsers', group: r.group }) } },
  groupUsers: { methods: { GET: groups.getGroupUsers, POST: groups.postGroupUser } },
  roleDefs: { methods: { GET: groups.getRoleDefinitions, POST: groups.postRoleDefinition }, children: groups.roleDefinitionChildren },
  roleDef: { methods: { GET: groups.getRoleDefinition } },
  roleAssignments: { methods: { GET: groups.getRoleAssignments }, children: groups.roleAssignmentsChildren },
  roleAssignment: {
    methods: { GET: groups.getRoleAssignment },
    children: { roledefinitionbindings: (_c, r) => ({ kind: 'roleBindings', assignment: r.assignment }) }
  },
  roleBindings: { methods: { GET: groups.getRoleBindings } },
  roleChange: { methods: { POST: groups.postRoleChange } },
  breakInheritance: { methods: { POST: groups.postBreakInheritance } },
  versions: { methods: { GET: versions.getVersions }, children: { getbyid: versions.versionByIdSegment } },
  version: { methods: { GET: versions.getVersion } }
};

/** The table entry of a resource; one cast, because TypeScript cannot pair ROUTES[r.kind] with r. */
function routeOf(r: Resource): IRoute<Resource> {
  return ROUTES[r.kind] as unknown as IRoute<Resource>;
}

/** Walks the segment chain from the root; an unknown segment is SharePoint's 404. */
export function resolve(c: IContext, segs: ISeg[]): Resource {
  let cur: Resource = { kind: 'root' };
  for (const seg of segs) {
    const route = routeOf(cur);
    const child = Object.prototype.hasOwnProperty.call(route.children || {}, seg.lower) ? (route.children || {})[seg.lower] : undefined;
    const next: Resource | undefined = (child && child(c, cur, seg)) || (route.property && propertySegment(route.property(c, cur), seg));
    if (!next) throw notFoundResource(seg.name);
    cur = next;
  }
  return cur;
}

function verbOf(method: string): Verb | undefined {
  if (method === 'HEAD' || method === 'GET') return 'GET';
  if (method === 'PATCH' || method === 'MERGE') return 'MERGE';
  return method === 'POST' || method === 'PUT' || method === 'DELETE' ? method : undefined;
}

/** SharePoint's type of each resource, for the answer to a method it does not take. */
const SP_TYPES: Partial<Record<string, string>> = {
  web: 'SP.Web', site: 'SP.Site', lists: 'SP.ListCollection', list: 'SP.List', items: 'SP.ListItemCollection', item: 'SP.ListItem',
  fields: 'SP.FieldCollection', field: 'SP.Field', users: 'SP.UserCollection', user: 'SP.User', folder: 'SP.Folder',
  folders: 'SP.FolderCollection', files: 'SP.FileCollection', file: 'SP.File', listItemAllFields: 'SP.ListItem', groups: 'SP.GroupCollection',
  group: 'SP.Group', groupUsers: 'SP.UserCollection', roleDefs: 'SP.RoleDefinitionCollection', roleDef: 'SP.RoleDefinition',
  roleAssignments: 'SP.RoleAssignmentCollection', roleAssignment: 'SP.RoleAssignment', versions: 'SP.ListItemVersionCollection'
};

/** Handles one API request (never a $batch envelope). Throws SPError for client errors. */
export function dispatch(site: Site, req: IApiRequest, apiPath: string): IApiResponse {
  const origin = req.url.origin;
  const c: IContext = { site, origin, req, query: req.url.searchParams, apiUrl: `${site.siteUrl(origin)}/_api`, fmt: formatOf(req.headers.accept), apiPath };
  const res = resolve(c, parseSegments(apiPath));
  if ('list' in res) c.list = (res as { list: IListData }).list;
  const methods = routeOf(res).methods;
  if (!methods) throw notFoundResource(apiPath);
  const verb = verbOf(req.method);
  const handler = verb && methods[verb];
  if (!handler) throw methodNotAllowed(req.method, SP_TYPES[res.kind] || 'SP.ClientObject');
  return handler(c, res);
}
