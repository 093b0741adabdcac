/**
 * The site the handlers work on: the store, the site path, the current user's role,
 * and the lookups every resource needs (URLs, lists, files, users, form digests).
 * No HTTP here; handlers receive it as `c.site`.
 */
import * as crypto from 'crypto';
import { encodeEntityName } from './fields';
import { listTitleTaken, userNotFound } from './errors';
import { IItem, IListData, IUser, Store } from './store';
import { effectiveMask, hasKind, IMask, KIND, resolveLogin, Role, roleOfMask, scopeOf } from './directory';

export type { Role } from './directory';

export const DIGEST_TIMEOUT_SECONDS = 1800;

/** Bitmasks of SharePoint's permission levels (SP.BasePermissions, Int64 as strings in JSON). */
export const PERMISSIONS: Record<Exclude<Role, 'none'>, { High: string; Low: string }> = {
  owner: { High: '2147483647', Low: '4294967295' }, // Full Control
  member: { High: '432', Low: '1011028719' }, // Contribute
  reader: { High: '176', Low: '138612833' } // Read
};

export class Site {
  public readonly store: Store;
  public readonly sitePath: string;
  /** Login of the user a request without `?user=`/header/cookie acts as (LOCAL_SP_USER). */
  public readonly defaultLogin: string;
  /** Lifetime of a form digest (FormDigestTimeoutSeconds); shorter in tests of expiry (FIDELITY D-03). */
  public digestTimeoutSeconds: number = DIGEST_TIMEOUT_SECONDS;
  private _user: IUser | undefined;

  public constructor(store: Store, sitePath: string, defaultLogin: string) {
    this.store = store;
    this.sitePath = sitePath.replace(/\/+$/, '');
    this.defaultLogin = defaultLogin;
  }

  /** The user a login names (short key, role alias, e-mail or claims), or undefined. */
  public resolveLogin(login: string): IUser | undefined {
    return resolveLogin(this.store.site, login);
  }

  /**
   * Runs one request as `user`. Handlers are synchronous, so setting the user around the
   * call cannot leak into another request.
   */
  public asUser<T>(user: IUser, fn: () => T): T {
    const before = this._user;
    this._user = user;
    try {
      return fn();
    } finally {
      this._user = before;
    }
  }

  /** Whether a list has its own role assignments (broken inheritance). */
  public hasUniquePermissions(list: IListData): boolean {
    return (this.store.site.uniqueScopes || []).indexOf(list.meta.Id) >= 0;
  }

  /** The current user's effective permissions on the web, a list or an item (their own when unique, else inherited). */
  public permsOn(list?: IListData, item?: IItem): IMask {
    return effectiveMask(this.store.site, this.currentUser().Id, scopeOf(this.store.site, list && list.meta.Id, item && item.Id));
  }

  /**
   * Whether the current user may see an item: View Items on its scope and, on a list whose ReadSecurity is 2
   * ("read items that were created by the user"), being its author, unless they hold Manage Lists or
   * Override List Behaviors there (FIDELITY K-01, K-02, K-06).
   */
  public canReadItem(list: IListData, item: IItem): boolean {
    const mask = this.permsOn(list, item);
    if (!hasKind(mask, KIND.ViewListItems)) return false;
    if (Number(list.meta.props.ReadSecurity || 1) !== 2 || item.AuthorId === this.currentUser().Id) return true;
    return overridesItemSecurity(mask);
  }

  /**
   * Whether the current user may change or delete an item: Edit Items on its scope, and WriteSecurity 2 (only
   * items they created) or 4 (none) unless Manage Lists or Override List Behaviors (FIDELITY K-03).
   */
  public canWriteItem(list: IListData, item: IItem): boolean {
    const mask = this.permsOn(list, item);
    if (!hasKind(mask, KIND.EditListItems)) return false;
    const ws = Number(list.meta.props.WriteSecurity || 1);
    if (ws === 1 || (ws === 2 && item.AuthorId === this.currentUser().Id)) return true;
    return overridesItemSecurity(mask);
  }

  /** Whether the current user may add items: Add Items on the list, and WriteSecurity not 4 (unless overriding). */
  public canAddItem(list: IListData): boolean {
    const mask = this.permsOn(list);
    if (!hasKind(mask, KIND.AddListItems)) return false;
    return Number(list.meta.props.WriteSecurity || 1) !== 4 || overridesItemSecurity(mask);
  }

  /** The current user's permission level on the web, as a role: owner, member, reader or none. */
  public get role(): Role {
    return roleOfMask(this.permsOn());
  }

  /** A form digest like SharePoint's: 0x<HMAC>,<UTC time>; valid for 30 minutes, also after a restart. */
  public newDigest(now: Date = new Date()): string {
    const stamp = now.toUTCString().replace(/^\w+, /, '').replace('GMT', '-0000');
    return `0x${this._mac(stamp)},${stamp}`;
  }

  /** Whether a form digest is one this site issued and still within its lifetime. */
  public digestState(value: string | undefined): 'valid' | 'expired' | 'invalid' {
    if (!value) return 'invalid';
    const comma = value.indexOf(',');
    if (comma < 0) return 'invalid';
    const stamp = value.slice(comma + 1);
    if (value.slice(0, comma) !== `0x${this._mac(stamp)}`) return 'invalid';
    const issued = Date.parse(stamp.replace('-0000', 'GMT'));
    if (isNaN(issued)) return 'invalid';
    // The stamp has whole seconds: one second of slack so a digest PnPjs still holds for valid is not refused early.
    return Date.now() - issued < this.digestTimeoutSeconds * 1000 + 1000 ? 'valid' : 'expired';
  }

  public isValidDigest(value: string | undefined): boolean {
    return this.digestState(value) === 'valid';
  }

  private _mac(stamp: string): string {
    return crypto.createHmac('sha256', this.store.site.digestSecret).update(stamp).digest('hex').toUpperCase();
  }

  // ------------------------------------------------------------ urls and names

  public siteUrl(origin: string): string {
    return origin + this.sitePath;
  }

  public listUrl(list: IListData): string {
    return list.meta.BaseTemplate === 101 || list.meta.BaseTemplate === 119 ? `${this.sitePath}/${list.meta.UrlName}` : `${this.sitePath}/Lists/${list.meta.UrlName}`;
  }

  public listEditLink(list: IListData): string {
    return `Web/Lists(guid'${list.meta.Id}')`;
  }

  public itemTypeName(list: IListData): string {
    const name = encodeEntityName(list.meta.UrlName);
    return list.meta.BaseTemplate === 101 ? `SP.Data.${name}Item` : `SP.Data.${name}ListItem`;
  }

  public entityTypeName(list: IListData): string {
    const name = encodeEntityName(list.meta.UrlName);
    return list.meta.BaseTemplate === 101 ? name : `${name}List`;
  }

  public fileUrl(list: IListData, item: IItem): string {
    return `${this.listUrl(list)}/${item.file ? item.file.Name : ''}`;
  }

  // ------------------------------------------------------------ lists and files

  public orderedLists(): IListData[] {
    return this.store.site.lists.map((id) => this.store.lists.get(id)).filter((l): l is IListData => !!l);
  }

  public findListByTitle(title: string): IListData | undefined {
    const lower = title.toLowerCase();
    for (const id of this.store.site.lists) {
      const l = this.store.lists.get(id);
      if (l && l.meta.Title.toLowerCase() === lower) return l;
    }
    return undefined;
  }

  /** SharePoint's answer when a list would get a title another list has. */
  public checkTitleFree(title: string): void {
    if (this.findListByTitle(title)) throw listTitleTaken();
  }

  public findListById(id: string): IListData | undefined {
    return this.store.lists.get(id.replace(/[{}]/g, '').toLowerCase());
  }

  public findListByUrl(url: string): IListData | undefined {
    const u = normPath(url);
    for (const l of this.store.lists.values()) {
      if (normPath(this.listUrl(l)) === u) return l;
    }
    return undefined;
  }

  /** Finds a document in a library by its server-relative URL. */
  public findFile(serverRelativeUrl: string): { list: IListData; item: IItem } | undefined {
    const target = normPath(serverRelativeUrl);
    for (const list of this.store.lists.values()) {
      if (list.meta.BaseTemplate !== 101) continue;
      const root = normPath(this.listUrl(list));
      if (target.indexOf(root + '/') !== 0) continue;
      const name = target.slice(root.length + 1);
      const item = list.items.find((i) => !!i.file && i.file.Name.toLowerCase() === name);
      if (item) return { list, item };
    }
    return undefined;
  }

  // ------------------------------------------------------------ users

  public currentUser(): IUser {
    return this._user || this.resolveLogin(this.defaultLogin) || this.store.site.users[0];
  }

  public userById(id: unknown): IUser | undefined {
    return typeof id === 'number' ? this.store.site.users.find((u) => u.Id === id) : undefined;
  }

  public userByLogin(login: string): IUser {
    const l = login.toLowerCase();
    const u = this.store.site.users.find((x) => x.LoginName.toLowerCase() === l || x.Email.toLowerCase() === l || l.endsWith(`|${x.Email.toLowerCase()}`));
    if (!u) throw userNotFound();
    return u;
  }

  /** Effective permissions of another user (getUserEffectivePermissions); null when unknown. */
  public permsOfLogin(login: string, list?: IListData, item?: IItem): IMask | null {
    let u: IUser;
    try {
      u = this.userByLogin(login);
    } catch {
      return null;
    }
    return effectiveMask(this.store.site, u.Id, scopeOf(this.store.site, list && list.meta.Id, item && item.Id));
  }
}

/** Manage Lists or Override List Behaviors: item-level read/write security does not apply (FIDELITY K-02). */
export function overridesItemSecurity(mask: IMask): boolean {
  return hasKind(mask, KIND.ManageLists) || hasKind(mask, KIND.CancelCheckout);
}

export function findItem(list: IListData, id: number): IItem | undefined {
  // Items are kept in id order (appended with increasing ids): binary search.
  const items = list.items;
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = items[mid].Id;
    if (v === id) return items[mid];
    if (v < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

function normPath(p: string): string {
  let s = p;
  try {
    s = decodeURIComponent(p);
  } catch {
    /* already decoded */
  }
  s = s.replace(/^https?:\/\/[^/]+/i, '');
  if (!s.startsWith('/')) s = '/' + s;
  return s.replace(/\/+$/, '').toLowerCase();
}

export function uuidFrom(seed: string): string {
  return crypto.createHash('md5').update(seed).digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');
}
