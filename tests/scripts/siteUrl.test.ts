import { parseLocalOrigin, parseSiteUrl, SiteUrlError } from '../../scripts/siteUrl';
import { checkedSite, parseArgs } from '../../scripts/cli';

/** Inputs that must never be taken for a tenant site: each would send the access token elsewhere. */
const HOSTILE: Array<[string, string]> = [
  ['another host', 'https://evil.com/sites/x'],
  ['plain http', 'http://contoso.sharepoint.com/sites/x'],
  ['user and password', 'https://user:pass@contoso.sharepoint.com/sites/x'],
  ['user only', 'https://contoso.sharepoint.com@evil.com/sites/x'],
  ['sharepoint.com as a subdomain of another host', 'https://contoso.sharepoint.com.evil.com/sites/x'],
  ['a lookalike domain', 'https://contoso.sharepoint.co/sites/x'],
  ['lookalike suffix', 'https://contoso-sharepoint.com/sites/x'],
  ['nested tenant label', 'https://a.contoso.sharepoint.com/sites/x'],
  ['bare sharepoint.com', 'https://sharepoint.com/sites/x'],
  ['a port', 'https://contoso.sharepoint.com:8443/sites/x'],
  ['port 443 spelled out', 'https://contoso.sharepoint.com:443/sites/x'],
  ['a query', 'https://contoso.sharepoint.com/sites/x?a=1'],
  ['an ampersand', 'https://contoso.sharepoint.com/sites/x&calc'],
  ['a command substitution', 'https://contoso.sharepoint.com/sites/$(touch pwned)'],
  ['backticks', 'https://contoso.sharepoint.com/sites/`id`'],
  ['a semicolon', 'https://contoso.sharepoint.com/sites/x;rm'],
  ['a single quote', "https://contoso.sharepoint.com/sites/x'y"],
  ['a double quote', 'https://contoso.sharepoint.com/sites/x"y'],
  ['a pipe', 'https://contoso.sharepoint.com/sites/x|y'],
  ['a fragment', 'https://contoso.sharepoint.com/sites/x#y'],
  ['an extra path', 'https://contoso.sharepoint.com/sites/x/Lists/Acties'],
  ['two trailing slashes', 'https://contoso.sharepoint.com/sites/x//'],
  ['a dot-dot segment', 'https://contoso.sharepoint.com/sites/../x'],
  ['an encoded dot-dot', 'https://contoso.sharepoint.com/sites/%2e%2e'],
  ['an encoded slash', 'https://contoso.sharepoint.com/sites/x%2fy'],
  ['the root site', 'https://contoso.sharepoint.com/'],
  ['no site name', 'https://contoso.sharepoint.com/sites/'],
  ['another managed path', 'https://contoso.sharepoint.com/personal/x'],
  ['a backslash', 'https://contoso.sharepoint.com\\sites\\x'],
  ['a space', 'https://contoso.sharepoint.com/sites/x y'],
  ['a newline', 'https://contoso.sharepoint.com/sites/x\nhttps://evil.com'],
  ['a leading space', ' https://contoso.sharepoint.com/sites/x'],
  ['a tab inside the host', 'https://conto\tso.sharepoint.com/sites/x'],
  ['non-ASCII (homograph) host', 'https://cοntoso.sharepoint.com/sites/x'],
  ['an underscore in the tenant', 'https://con_toso.sharepoint.com/sites/x'],
  ['a tenant starting with a hyphen', 'https://-contoso.sharepoint.com/sites/x'],
  ['the admin center', 'https://contoso-admin.sharepoint.com/sites/x'],
  ['OneDrive', 'https://contoso-my.sharepoint.com/sites/x'],
  ['no scheme', 'contoso.sharepoint.com/sites/x'],
  ['protocol-relative', '//contoso.sharepoint.com/sites/x'],
  ['javascript:', 'javascript:alert(1)//contoso.sharepoint.com/sites/x'],
  ['file:', 'file:///etc/passwd'],
  ['empty', ''],
  ['the local server where it is not allowed', 'http://localhost:4321/sites/organisatiebeheersing']
];

describe('--site: one check for every command that may send a token (scripts/siteUrl.ts)', () => {
  it.each(HOSTILE)('refuses %s', (_why, input) => {
    expect(() => parseSiteUrl(input, { allowLocal: false })).toThrow(SiteUrlError);
  });

  it('says in Dutch and English what is wrong and what is expected', () => {
    expect(() => parseSiteUrl('http://contoso.sharepoint.com/sites/x', { allowLocal: false })).toThrow(/Ongeldige --site .*alleen https.*\n.*Invalid --site .*only https.*https:\/\/<tenant>\.sharepoint\.com\/sites\//s);
    expect(() => parseSiteUrl('https://u:p@contoso.sharepoint.com/sites/x', { allowLocal: false })).toThrow(/gebruikersnaam of wachtwoord.*user name or password/s);
    expect(() => parseSiteUrl('https://contoso.sharepoint.com:8443/sites/x', { allowLocal: false })).toThrow(/geen poort.*no port/s);
  });

  it('accepts /sites/ and /teams/ on <tenant>.sharepoint.com; one trailing slash is removed, host and managed path lower-cased', () => {
    expect(parseSiteUrl('https://contoso.sharepoint.com/sites/organisatiebeheersing', { allowLocal: false })).toEqual({
      url: 'https://contoso.sharepoint.com/sites/organisatiebeheersing',
      origin: 'https://contoso.sharepoint.com',
      kind: 'tenant'
    });
    expect(parseSiteUrl('https://contoso.sharepoint.com/sites/organisatiebeheersing/', { allowLocal: false }).url).toBe('https://contoso.sharepoint.com/sites/organisatiebeheersing');
    expect(parseSiteUrl('https://stad-mechelen2.sharepoint.com/teams/Org_Beheer.2025', { allowLocal: false }).url).toBe('https://stad-mechelen2.sharepoint.com/teams/Org_Beheer.2025');
    expect(parseSiteUrl('HTTPS://Contoso.SharePoint.com/Sites/OB', { allowLocal: false }).url).toBe('https://contoso.sharepoint.com/sites/OB');
  });

  it('the local server only where allowed, only /sites/<name>, and a token still goes nowhere else', () => {
    expect(parseSiteUrl('http://localhost:4321/sites/organisatiebeheersing', { allowLocal: true })).toEqual({
      url: 'http://localhost:4321/sites/organisatiebeheersing',
      origin: 'http://localhost:4321',
      kind: 'local'
    });
    expect(parseSiteUrl('http://127.0.0.1:5000/sites/x/', { allowLocal: true }).url).toBe('http://127.0.0.1:5000/sites/x');
    expect(parseSiteUrl('http://[::1]:5000/sites/x', { allowLocal: true }).kind).toBe('local');
    for (const bad of [
      'http://localhost:4321/teams/x',
      'http://localhost:99999/sites/x',
      'http://localhost.evil.com:4321/sites/x',
      'http://127.0.0.2:4321/sites/x',
      'http://user:pass@localhost:4321/sites/x',
      'http://localhost:4321/sites/x?y',
      'http://10.0.0.1:4321/sites/x',
      'https://evil.com/sites/x'
    ]) {
      expect(() => parseSiteUrl(bad, { allowLocal: true })).toThrow(SiteUrlError);
    }
    for (const [, input] of HOSTILE.filter(([why]) => why !== 'the local server where it is not allowed')) {
      expect(() => parseSiteUrl(input, { allowLocal: true })).toThrow(SiteUrlError);
    }
  });

  it('provision, import, import-objectives and report: --site is checked, the local site is the default', () => {
    expect(checkedSite(parseArgs([]), { PORT: '5555' })).toBe('http://localhost:5555/sites/organisatiebeheersing');
    expect(checkedSite(parseArgs(['--site', 'https://contoso.sharepoint.com/sites/ob/', '--token', 't']), {})).toBe('https://contoso.sharepoint.com/sites/ob');
    expect(() => checkedSite(parseArgs(['--site', 'https://evil.com/sites/ob', '--token', 't']), {})).toThrow(/evil\.com/);
    expect(() => checkedSite(parseArgs(['--site', '--token', 't']), {})).toThrow(/--site needs a URL/);
  });

  it('a deploy rehearsal server is a bare loopback origin', () => {
    expect(parseLocalOrigin('http://localhost:4321/')).toBe('http://localhost:4321');
    for (const bad of ['http://evil.com:4321', 'https://localhost:4321', 'http://localhost:4321/sites/x', 'http://localhost', 'http://u@localhost:1']) {
      expect(() => parseLocalOrigin(bad)).toThrow(SiteUrlError);
    }
  });
});
