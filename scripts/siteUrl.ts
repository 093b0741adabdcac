/**
 * The one check for a `--site` URL, used by every command-line tool that may send an access
 * token to it (deploy, provision, import, import-objectives, report).
 *
 * A tenant site is exactly `https://<tenant>.sharepoint.com/sites/<name>` or `/teams/<name>`:
 * no user name or password, no port, no query or fragment, no further path, no encoded
 * characters. One trailing slash is accepted (the CLI for Microsoft 365 accepts it too) and
 * removed. Sovereign clouds (sharepoint.us, sharepoint.de, ...) are not accepted.
 * The local server of `npm start` (`http://localhost:<port>/sites/<name>`, also 127.0.0.1 and
 * [::1]) is accepted only where the caller allows it.
 * Pure: no I/O, so the table of hostile inputs in tests/scripts/siteUrl.test.ts covers it.
 */

export type SiteKind = 'tenant' | 'local';

export interface ISiteUrl {
  /** Normalised: lower-case scheme, host and managed path; no trailing slash. */
  url: string;
  /** `https://<tenant>.sharepoint.com` or `http://localhost:<port>`: the only host a token may go to. */
  origin: string;
  kind: SiteKind;
}

export interface ISiteUrlOptions {
  /** Accept the local server (http://localhost, 127.0.0.1, [::1]). */
  allowLocal: boolean;
}

export class SiteUrlError extends Error {}

/** A DNS label of [a-z0-9-], not starting or ending with a hyphen, at most 63 characters. */
const TENANT_HOST = /^([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)\.sharepoint\.com$/;
const LOCAL_HOST = /^(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?$/;
/** Letters, digits, '-', '_' and '.', not starting or ending with '.', no '..'. */
const SITE_NAME = /^[a-z0-9_-](?:[a-z0-9_.-]*[a-z0-9_-])?$/i;

function refuse(nl: string, en: string, input: string): never {
  const shown = JSON.stringify(input);
  const expected = 'https://<tenant>.sharepoint.com/sites/<naam|name>';
  throw new SiteUrlError(`Ongeldige --site ${shown}: ${nl}. Verwacht: ${expected} (of /teams/<naam>).\n` + `Invalid --site ${shown}: ${en}. Expected: ${expected} (or /teams/<name>).`);
}

export function parseSiteUrl(input: string, options: ISiteUrlOptions): ISiteUrl {
  if (typeof input !== 'string' || input === '') refuse('leeg', 'empty', String(input));
  // Checked on the raw text, before any URL parser "repairs" it (tabs, backslashes, non-ASCII hosts).
  if (/[\s\u0000-\u001f\u007f]/.test(input)) refuse('spaties of stuurtekens', 'spaces or control characters', input);
  if (/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/.test(input)) refuse('tekens die niet in een URL horen', 'characters that do not belong in a URL', input);
  const m = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)(\?[^#]*)?(#.*)?$/.exec(input);
  if (!m) refuse('geen volledige URL', 'not a full URL', input);
  const scheme = m[1].toLowerCase();
  const authority = m[2].toLowerCase();
  const pathPart = m[3];
  if (m[4] !== undefined || m[5] !== undefined) refuse('een query (?) of fragment (#) hoort er niet bij', 'a query (?) or fragment (#) is not allowed', input);
  if (authority.indexOf('@') >= 0) refuse('gebruikersnaam of wachtwoord in de URL', 'user name or password in the URL', input);

  const local = LOCAL_HOST.exec(authority);
  let kind: SiteKind;
  if (options.allowLocal && local && scheme === 'http') {
    const port = local[2] === undefined ? undefined : Number(local[2]);
    if (port !== undefined && (port < 1 || port > 65535 || String(port) !== local[2])) refuse('ongeldige poort', 'invalid port', input);
    kind = 'local';
  } else {
    if (scheme !== 'https') refuse('alleen https', 'only https', input);
    if (authority.indexOf(':') >= 0) refuse('geen poort toegelaten', 'no port allowed', input);
    const tenant = TENANT_HOST.exec(authority);
    if (!tenant) refuse('de host moet <tenant>.sharepoint.com zijn', 'the host must be <tenant>.sharepoint.com', input);
    // The admin center and OneDrive hosts never hold a data site.
    if (/-(admin|my)$/.test(tenant[1])) refuse('dat is het beheercentrum of OneDrive, geen site', 'that is the admin center or OneDrive, not a site', input);
    kind = 'tenant';
  }

  const p = /^\/(sites|teams)\/([^/]+)\/?$/i.exec(pathPart);
  if (!p || (kind === 'local' && p[1].toLowerCase() !== 'sites')) {
    refuse(kind === 'local' ? 'het pad moet /sites/<naam> zijn' : 'het pad moet /sites/<naam> of /teams/<naam> zijn', kind === 'local' ? 'the path must be /sites/<name>' : 'the path must be /sites/<name> or /teams/<name>', input);
  }
  const name = p[2];
  if (!SITE_NAME.test(name) || name.indexOf('..') >= 0) refuse('ongeldige sitenaam (letters, cijfers, - _ .)', 'invalid site name (letters, digits, - _ .)', input);
  const origin = `${scheme}://${authority}`;
  return { url: `${origin}/${p[1].toLowerCase()}/${name}`, origin, kind };
}

/** The origin of a local server given without a site (for a deploy rehearsal): `http://localhost:<port>`. */
export function parseLocalOrigin(input: string): string {
  const m = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\]):(\d{1,5})\/?$/i.exec(input);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) {
    throw new SiteUrlError(`Geen lokale server: ${JSON.stringify(input)} (verwacht http://localhost:<poort>).\nNot a local server: ${JSON.stringify(input)} (expected http://localhost:<port>).`);
  }
  return `http://${m[1].toLowerCase()}:${Number(m[2])}`;
}
