/** Users: currentUser, siteUsers, getUserById, ensureUser, and the person entity of User columns. */
import * as crypto from 'crypto';
import { IApiResponse, IContext, IScope, many, one, parseBody, requireEdit, Resource } from '../context';
import { IEntity } from '../entities';
import { badRequest, SPError, userNotFound } from '../errors';
import { CODE_SPEXCEPTION } from '../fields';
import { firstArg, ISeg, parseArgs } from '../segments';
import { Site, uuidFrom } from '../site';
import { DIRECTORY, effectiveMask, EVERYONE_CLAIM_PREFIX, EVERYONE_TITLE, hasKind, isEveryoneClaim, KIND, LOCAL_TENANT_ID, TENANT_PEOPLE } from '../directory';
import { IUser } from '../store';

// ------------------------------------------------------------ navigation

export function currentUserSegment(c: IContext): Resource {
  return { kind: 'user', user: c.site.currentUser() };
}

/** `siteusers` is the collection; `siteusers('login')` one user. */
export function siteUsersSegment(c: IContext, _cur: Resource, seg: ISeg): Resource {
  return seg.args !== undefined ? userByLoginSegment(c, _cur, seg) : { kind: 'users' };
}

/** getUserById(7), siteUsers/getById(7). */
export function userByIdSegment(c: IContext, _cur: Resource, seg: ISeg): Resource {
  const u = c.site.userById(firstArg(parseArgs(seg.args, c.query)));
  if (!u) throw userNotFound();
  return { kind: 'user', user: u };
}

/** siteUsers('login'), getByEmail, getByLoginName. */
export function userByLoginSegment(c: IContext, _cur: Resource, seg: ISeg): Resource {
  return { kind: 'user', user: c.site.userByLogin(String(firstArg(parseArgs(seg.args, c.query)))) };
}

// ------------------------------------------------------------ entities

export function userEntity(s: IScope, u: IUser): IEntity {
  const editLink = `Web/GetUserById(${u.Id})`;
  return {
    type: 'SP.User',
    id: `${s.site.siteUrl(s.origin)}/_api/${editLink}`,
    editLink,
    props: {
      Id: u.Id,
      IsHiddenInUI: false,
      LoginName: u.LoginName,
      Title: u.Title,
      PrincipalType: u.PrincipalType || 1,
      Email: u.Email,
      Expiration: '',
      IsEmailAuthenticationGuestUser: false,
      IsShareByEmailGuestUser: false,
      IsSiteAdmin: (u.PrincipalType || 1) === 1 && hasKind(effectiveMask(s.site.store.site, u.Id, 'web'), KIND.ManageWeb),
      // A security group (U-01, recorded): no UserId, no UserPrincipalName.
      UserId: (u.PrincipalType || 1) === 1 ? { NameId: crypto.createHash('md5').update(u.LoginName).digest('hex').slice(0, 16), NameIdIssuer: 'urn:federation:microsoftonline' } : null,
      UserPrincipalName: (u.PrincipalType || 1) === 1 ? u.Email : null
    }
  };
}

export function userEntityOrNull(s: IScope, id: number): IEntity | null {
  const u = s.site.userById(id);
  return u ? userEntity(s, u) : null;
}

/** A person as expanded from a User column (the hidden User Information List). */
export function userInfoEntity(u: IUser): IEntity {
  return {
    type: 'SP.Data.UserInfoItem',
    id: uuidFrom(`user:${u.Id}`),
    props: {
      Id: u.Id,
      ID: u.Id,
      Title: u.Title,
      Name: u.LoginName,
      EMail: u.Email,
      FirstName: u.FirstName || null,
      LastName: u.LastName || null,
      JobTitle: u.JobTitle || null,
      Department: u.Department || null,
      UserName: u.Email,
      SipAddress: u.Email,
      Office: null,
      MobilePhone: null,
      Picture: null,
      IsSiteAdmin: false,
      Deleted: false
    },
    unknown: (name) => badRequest(`The field or property '${name}' does not exist.`, CODE_SPEXCEPTION)
  };
}

// ------------------------------------------------------------ handlers

export function getUsers(c: IContext): IApiResponse {
  return many(c, c.site.store.site.users.map((u) => userEntity(c, u)), 'SP.ApiData.Users');
}

export function getUser(c: IContext, r: { user: IUser }): IApiResponse {
  return one(c, userEntity(c, r.user), 'SP.ApiData.Users');
}

/** web.ensureUser: an account of the tenant that is not yet a site user becomes one; other logins are refused. */
export function postEnsureUser(c: IContext): IApiResponse {
  requireEdit(c);
  const body = parseBody(c.req);
  const login = typeof body.logonName === 'string' ? body.logonName : '';
  return one(c, userEntity(c, ensureUser(c.site, login)), 'SP.ApiData.Users');
}

/** FIDELITY U-01, U-05: the recorded refusal of a login that is no account of the tenant. */
function userNotInTenant(login: string): SPError {
  return new SPError(400, CODE_SPEXCEPTION, `The specified user ${login} could not be found.`);
}

function ensureUser(site: Site, login: string): IUser {
  try {
    return site.userByLogin(login);
  } catch {
    if (isEveryoneClaim(login)) {
      // "Everyone except external users" of this tenant (U-01): a security group, PrincipalType 4.
      if (login.slice(EVERYONE_CLAIM_PREFIX.length).toLowerCase() !== LOCAL_TENANT_ID) {
        throw userNotInTenant(login);
      }
      const g: IUser = { Id: site.store.site.nextUserId++, Title: EVERYONE_TITLE, Email: '', LoginName: `${EVERYONE_CLAIM_PREFIX}${LOCAL_TENANT_ID}`, PrincipalType: 4 };
      site.store.site.users.push(g);
      site.store.markSite();
      return g;
    }
    // Only accounts of the tenant can be added; SharePoint answers any other login as for a foreign claim (U-01, U-05).
    const email = (login.split('|').pop() || '').toLowerCase();
    const known = TENANT_PEOPLE.concat(DIRECTORY.map((d) => d.user)).filter((p) => p.Email.toLowerCase() === email)[0];
    if (!known) throw userNotInTenant(login);
    const u: IUser = { ...known, Id: site.store.site.nextUserId++ };
    site.store.site.users.push(u);
    site.store.markSite();
    return u;
  }
}
