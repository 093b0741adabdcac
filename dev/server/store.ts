/**
 * Crash-safe persistence of the local site: one JSON file for the site (users, list
 * index, digest secret) and one per list (meta, fields, items). Every write goes to a
 * temp file that is fsync'ed and renamed over the store file, so a file on disk is
 * always either the old or the new version, never half written. File contents of
 * document libraries are stored next to it, written the same way.
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export const STORE_FORMAT: number = 1;

/** A permission mask and a permission level (their meaning lives in directory.ts, which imports the store). */
export interface IMask {
  High: number;
  Low: number;
}

export interface IRoleDefinition {
  Id: number;
  Name: string;
  Description: string;
  RoleTypeKind: number;
  Order: number;
  Hidden: boolean;
  BasePermissions: IMask;
}

export interface IUser {
  Id: number;
  Title: string;
  Email: string;
  LoginName: string;
  FirstName?: string;
  LastName?: string;
  JobTitle?: string;
  Department?: string;
  /** SP.PrincipalType: 1 user (default), 4 security group ("Everyone except external users"). */
  PrincipalType?: number;
}

/** A SharePoint group: members are user ids (principal ids are shared by users and groups). */
export interface IGroup {
  Id: number;
  Title: string;
  Description: string | null;
  OwnerId: number;
  Members: number[];
  AllowMembersEditMembership: boolean;
}

/** One principal's permission levels on a securable: 'web', a list id or `<list id>/<item id>` with unique permissions. */
export interface IRoleAssignment {
  scope: string;
  principalId: number;
  roleDefIds: number[];
}

export interface IField {
  Id: string;
  InternalName: string;
  StaticName: string;
  Title: string;
  /** Text, Note, Number, Choice, Boolean, DateTime, User, Lookup, LookupMulti, Counter, Computed, File, Guid, ContentTypeId */
  TypeAsString: string;
  Description: string;
  Required: boolean;
  Indexed: boolean;
  Hidden: boolean;
  ReadOnlyField: boolean;
  /** Built-in column (cannot be deleted). */
  FromBaseType: boolean;
  Choices?: string[];
  LookupList?: string;
  LookupField?: string;
  AllowMultipleValues?: boolean;
  MinimumValue?: number;
  MaximumValue?: number;
  DefaultValue: string | null;
  RichText?: boolean;
  CustomFormatter?: string | null;
  SchemaXml: string;
  EnforceUniqueValues?: boolean;
  MaxLength?: number;
}

export interface IFileInfo {
  Name: string;
  UniqueId: string;
  Length: number;
  TimeCreated: string;
  TimeLastModified: string;
  /** Major version, bumped on every content write. */
  Version: number;
}

export interface IItem {
  Id: number;
  GUID: string;
  Created: string;
  Modified: string;
  AuthorId: number;
  EditorId: number;
  /** The etag's number: 1 on add, +1 per update. */
  Version: number;
  /** Field values by internal name: lookups hold ids (number | number[]), users a user id. */
  values: Record<string, unknown>;
  file?: IFileInfo;
  /** Earlier versions, oldest first (see versions.ts); the current one is the item itself. */
  history?: IVersion[];
}

/** A snapshot of an item (and its document) as it was when a later write replaced it. */
export interface IVersion {
  /** Major version number (1, 2, ...): VersionLabel `n.0`, VersionId n * 512. */
  major: number;
  Modified: string;
  EditorId: number;
  values: Record<string, unknown>;
  /** For documents: the content of that version, kept as its own stored file. */
  file?: { major: number; Name: string; Length: number; contentId: string; TimeLastModified: string };
}

export interface IListMeta {
  Id: string;
  Title: string;
  Description: string;
  BaseTemplate: number;
  /** Last URL segment (e.g. 'Risicos'); generic lists live under Lists/. */
  UrlName: string;
  Created: string;
  LastItemModifiedDate: string;
  LastItemDeletedDate: string;
  ValidationFormula: string;
  ValidationMessage: string;
  /** The list's own etag number, bumped by list and field changes. */
  Version: number;
  NextItemId: number;
  /** Other settable list properties (OnQuickLaunch, EnableVersioning, ...). */
  props: Record<string, unknown>;
}

export interface IListData {
  meta: IListMeta;
  fields: IField[];
  items: IItem[];
}

export interface ISiteData {
  format: number;
  WebId: string;
  SiteId: string;
  Created: string;
  /** HMAC key for form digests: kept on disk so digests survive restarts, like SharePoint's. */
  digestSecret: string;
  users: IUser[];
  nextUserId: number;
  /** List ids in creation order. */
  lists: string[];
  /** Tenant properties (storage entities), by key. */
  storageEntities?: Record<string, { Value: string; Comment: string | null; Description: string | null }>;
  /** The directory (see directory.ts); absent in data folders made before it existed. */
  groups?: IGroup[];
  roleAssignments?: IRoleAssignment[];
  /** Lists (`<list id>`) and items (`<list id>/<item id>`) whose role inheritance was broken. */
  uniqueScopes?: string[];
  /** Permission levels added to the site (roledefinitions POST); the built-in ones are in directory.ts. */
  roleDefinitions?: IRoleDefinition[];
  /** Messages accepted by SP.Utilities.Utility.SendEmail (handlers/mail.ts), oldest first. */
  outbox?: IOutboxMessage[];
  /** Logins whose account was removed from the tenant (they stay in the site's user list, as on SharePoint). */
  departed?: string[];
}

/** One message of the local outbox (`/_outbox`). */
export interface IOutboxMessage {
  id: number;
  sentAt: string;
  /** Login of the user who called SendEmail. */
  sentBy: string;
  from?: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  /** HTML, as sent. */
  body: string;
}

export function newGuid(): string {
  return crypto.randomUUID();
}

let tmpCounter = 0;

/** Writes data to file atomically and durably: temp file, fsync, rename, fsync of the folder. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}-${++tmpCounter}`;
  const fh = await fs.promises.open(tmp, 'w');
  try {
    await fh.writeFile(data);
    await fh.sync();
  } finally {
    await fh.close();
  }
  await fs.promises.rename(tmp, file);
  const dir = await fs.promises.open(path.dirname(file), 'r');
  try {
    await dir.sync();
  } finally {
    await dir.close();
  }
}

/** A data folder that cannot be read: the message says which file and why; nothing was changed. */
export class StoreLoadError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'StoreLoadError';
  }
}



export class Store {
  public readonly dir: string;
  public site: ISiteData;
  public readonly lists: Map<string, IListData> = new Map();
  private _dirtySite: boolean = false;
  private readonly _dirtyLists: Set<string> = new Set();
  private readonly _deletedLists: Set<string> = new Set();
  private readonly _fileWrites: Map<string, Uint8Array | null> = new Map();
  private _queue: Promise<unknown> = Promise.resolve();

  private constructor(dir: string, site: ISiteData) {
    this.dir = dir;
    this.site = site;
  }

  private static _siteFile(dir: string): string {
    return path.join(dir, 'site.json');
  }

  public listFile(id: string): string {
    return path.join(this.dir, 'lists', `${id}.json`);
  }

  public contentFile(listId: string, uniqueId: string): string {
    return path.join(this.dir, 'files', listId, `${uniqueId}.bin`);
  }

  /** Opens the data folder; creates a new empty site with these users when the folder has no data yet. */
  public static async open(dir: string, initialUsers: IUser[] = []): Promise<Store> {
    fs.mkdirSync(path.join(dir, 'lists'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'files'), { recursive: true });
    removeTempFiles(dir);
    const siteFile = Store._siteFile(dir);
    if (!fs.existsSync(siteFile)) {
      const existing = fs.readdirSync(path.join(dir, 'lists')).filter((f) => f.endsWith('.json'));
      if (existing.length > 0) {
        throw new StoreLoadError(`Local SharePoint data in ${dir} is incomplete: site.json is missing but ${existing.length} list file(s) exist. Restore site.json or reset the folder (npm run reset). Nothing was changed.`);
      }
      const now = new Date().toISOString();
      const site: ISiteData = {
        format: STORE_FORMAT,
        WebId: newGuid(),
        SiteId: newGuid(),
        Created: now,
        digestSecret: crypto.randomBytes(32).toString('hex'),
        users: initialUsers.map((u) => ({ ...u })),
        nextUserId: 12,
        lists: []
      };
      const store = new Store(dir, site);
      await writeFileAtomic(siteFile, JSON.stringify(site, null, 1));
      return store;
    }
    const site = readJson<ISiteData>(siteFile);
    if (!site || site.format !== STORE_FORMAT || !Array.isArray(site.lists) || !Array.isArray(site.users)) {
      throw new StoreLoadError(`Local SharePoint data file ${siteFile} has an unknown format. Nothing was changed.`);
    }
    const store = new Store(dir, site);
    for (const id of site.lists) {
      const file = store.listFile(id);
      if (!fs.existsSync(file)) {
        throw new StoreLoadError(`Local SharePoint data in ${dir} is incomplete: list file ${file} is missing. Nothing was changed.`);
      }
      const list = readJson<IListData>(file);
      if (!list || !list.meta || !Array.isArray(list.fields) || !Array.isArray(list.items)) {
        throw new StoreLoadError(`Local SharePoint data file ${file} has an unknown format. Nothing was changed.`);
      }
      store.lists.set(id, list);
    }
    return store;
  }

  /** Runs fn exclusively: writes never interleave. */
  public exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this._queue.then(fn, fn);
    this._queue = run.catch(() => undefined);
    return run;
  }

  public markSite(): void {
    this._dirtySite = true;
  }

  public markList(id: string): void {
    this._dirtyLists.add(id);
  }

  public addList(list: IListData): void {
    this.lists.set(list.meta.Id, list);
    this.site.lists.push(list.meta.Id);
    this.markList(list.meta.Id);
    this.markSite();
  }

  public removeList(id: string): void {
    this.lists.delete(id);
    this.site.lists = this.site.lists.filter((l) => l !== id);
    this._dirtyLists.delete(id);
    this._deletedLists.add(id);
    this.markSite();
  }

  /** Queues file content to be written (or removed, with null) on the next flush. */
  public putContent(listId: string, uniqueId: string, data: Uint8Array | null): void {
    this._fileWrites.set(this.contentFile(listId, uniqueId), data);
  }

  public readContent(listId: string, uniqueId: string): Buffer {
    return fs.readFileSync(this.contentFile(listId, uniqueId));
  }

  public get dirty(): boolean {
    return this._dirtySite || this._dirtyLists.size > 0 || this._deletedLists.size > 0 || this._fileWrites.size > 0;
  }

  /**
   * Makes every change since the last flush durable. File contents go first, then the
   * list files, then the site file (which references the lists), so a crash in between
   * leaves at worst an unreferenced file, never a reference to a missing one.
   */
  public async flush(): Promise<void> {
    const files = Array.from(this._fileWrites.entries());
    const lists = Array.from(this._dirtyLists);
    const deleted = Array.from(this._deletedLists);
    const site = this._dirtySite;
    this._fileWrites.clear();
    this._dirtyLists.clear();
    this._deletedLists.clear();
    this._dirtySite = false;
    for (const [file, data] of files) {
      if (data) {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        await writeFileAtomic(file, data);
      }
    }
    for (const id of lists) {
      const list = this.lists.get(id);
      if (list) await writeFileAtomic(this.listFile(id), JSON.stringify(list));
    }
    if (site) await writeFileAtomic(Store._siteFile(this.dir), JSON.stringify(this.site, null, 1));
    // Removals last: only once nothing refers to them any more.
    for (const id of deleted) {
      fs.rmSync(this.listFile(id), { force: true });
      fs.rmSync(path.join(this.dir, 'files', id), { recursive: true, force: true });
    }
    for (const [file, data] of files) {
      if (!data) fs.rmSync(file, { force: true });
    }
  }

  /** After a failed flush: drops in-memory changes by reloading from disk. */
  public async reload(): Promise<void> {
    const fresh = await Store.open(this.dir);
    this.site = fresh.site;
    this.lists.clear();
    fresh.lists.forEach((v, k) => this.lists.set(k, v));
    this._fileWrites.clear();
    this._dirtyLists.clear();
    this._deletedLists.clear();
    this._dirtySite = false;
  }
}

function readJson<T>(file: string): T {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new StoreLoadError(`Cannot read local SharePoint data file ${file}: ${(e as Error).message}. Nothing was changed.`);
  }
  try {
    return JSON.parse(text) as T;
  } catch (e) {
    throw new StoreLoadError(
      `Local SharePoint data file ${file} is corrupt (${(e as Error).message}). Nothing was changed: restore the file or reset the folder (npm run reset).`
    );
  }
}

/** Temp files of interrupted writes are never the store of record: remove them. */
function removeTempFiles(dir: string): void {
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tmp-\d+-\d+$/.test(e.name)) fs.rmSync(p, { force: true });
    }
  };
  walk(dir);
}
