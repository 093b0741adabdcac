import * as fs from 'fs';
import * as path from 'path';
import {
  domainCardLink,
  domainTarget,
  isTeamsDeepLink,
  listFormUrl,
  listViewUrl,
  readDomainFromLocation,
  safeUrl,
  TEAMS_APP_ID,
  TEAMS_PERSONAL_TAB_ENTITY_ID,
  teamsDomainLink,
  teamsTabDeepLink
} from '../../src/model/links';

const SITE = 'https://mechelen.sharepoint.com/sites/organisatiebeheersing';

describe('list form links', () => {
  it('opens the edit form of the right list with the item id and a return address', () => {
    const url = listFormUrl(SITE + '/', 'actions', 'EditForm', 3, 'https://mechelen.sharepoint.com/sites/x/SitePages/Kaarten.aspx?a=1&b=2');
    expect(url).toBe(
      `${SITE}/Lists/Acties/EditForm.aspx?ID=3&Source=${encodeURIComponent('https://mechelen.sharepoint.com/sites/x/SitePages/Kaarten.aspx?a=1&b=2')}`
    );
  });

  it('uses the risks list for risk forms and leaves the id off new forms', () => {
    expect(listFormUrl(SITE, 'risks', 'NewForm')).toBe(`${SITE}/Lists/Risicos/NewForm.aspx`);
    expect(listFormUrl(SITE, 'risks', 'NewForm', 9)).toBe(`${SITE}/Lists/Risicos/NewForm.aspx`);
    expect(listFormUrl(SITE, 'risks', 'DispForm', 12)).toBe(`${SITE}/Lists/Risicos/DispForm.aspx?ID=12`);
  });

  it('puts document library forms and views under Forms/', () => {
    expect(listFormUrl(SITE, 'reports', 'DispForm', 4)).toBe(`${SITE}/Rapporten/Forms/DispForm.aspx?ID=4`);
    expect(listViewUrl(SITE, 'reports')).toBe(`${SITE}/Rapporten/Forms/AllItems.aspx`);
    expect(listViewUrl(SITE, 'actions')).toBe(`${SITE}/Lists/Acties/AllItems.aspx`);
  });

  it('refuses an unknown list key', () => {
    expect(() => listFormUrl(SITE, 'nope', 'NewForm')).toThrow(/nope/);
  });
});

describe('domain card links', () => {
  it('adds the domain as query parameter and anchor to a page URL', () => {
    expect(domainCardLink('https://x.sharepoint.com/sites/o/SitePages/Kaarten.aspx', 'bescherming-activa')).toBe(
      'https://x.sharepoint.com/sites/o/SitePages/Kaarten.aspx?domein=bescherming-activa#domein-bescherming-activa'
    );
  });

  it('keeps other query parameters and replaces an earlier domain and anchor', () => {
    expect(domainCardLink('/workbench/domain-cards?theme=dark&domein=old#top', 'fraude')).toBe(
      '/workbench/domain-cards?theme=dark&domein=fraude#domein-fraude'
    );
  });

  it('sets the Teams sub entity on a Teams deep link', () => {
    const link = domainCardLink('https://teams.microsoft.com/l/entity/app-id/tab-id?webUrl=https%3A%2F%2Fx', 'organisatiecultuur') || '';
    expect(link.indexOf('https://teams.microsoft.com/l/entity/app-id/tab-id?webUrl=https%3A%2F%2Fx&context=')).toBe(0);
    const context = decodeURIComponent(link.split('context=')[1]);
    expect(JSON.parse(context)).toEqual({ subEntityId: 'organisatiecultuur' });
  });

  it('merges into an existing Teams context', () => {
    const existing = encodeURIComponent(JSON.stringify({ channelId: '19:abc@thread.tacv2', subEntityId: 'old' }));
    const link = domainCardLink(`https://teams.microsoft.com/l/entity/app/tab?context=${existing}`, 'fraude') || '';
    const context = JSON.parse(decodeURIComponent(link.split('context=')[1])) as Record<string, string>;
    expect(context).toEqual({ channelId: '19:abc@thread.tacv2', subEntityId: 'fraude' });
  });
});

describe('reading the domain from the location', () => {
  it('prefers the Teams sub entity', () => {
    expect(readDomainFromLocation('https://x/page.aspx?domein=a', 'b')).toBe('b');
  });

  it('reads the query parameter, the anchor and a Teams context', () => {
    expect(readDomainFromLocation('https://x/page.aspx?foo=1&domein=betrouwbare-informatie')).toBe('betrouwbare-informatie');
    expect(readDomainFromLocation('https://x/page.aspx#domein-bescherming-activa')).toBe('bescherming-activa');
    const ctx = encodeURIComponent(JSON.stringify({ subEntityId: 'fraude' }));
    expect(readDomainFromLocation(`https://teams.microsoft.com/l/entity/a/b?context=${ctx}`)).toBe('fraude');
  });

  it('round-trips what domainCardLink produces', () => {
    expect(readDomainFromLocation(domainCardLink('https://x/p.aspx?y=1', 'efficient-gebruik-middelen') || '')).toBe('efficient-gebruik-middelen');
    expect(readDomainFromLocation(domainCardLink('https://teams.microsoft.com/l/entity/a/b', 'k1') || '')).toBe('k1');
  });

  it('is undefined when no domain is named', () => {
    expect(readDomainFromLocation('https://x/page.aspx?a=1#top')).toBeUndefined();
    expect(readDomainFromLocation('https://x/page.aspx#domein-')).toBeUndefined();
    expect(readDomainFromLocation('https://teams.microsoft.com/l/entity/a/b?context=%7Bbroken')).toBeUndefined();
  });
});

describe('links to an audit', () => {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { auditLink, readAuditFromLocation } = require('../../src/model/links');

  it('adds ?audit=<id> to a page URL, keeping its query and anchor, and reads it back', () => {
    const url = auditLink('https://contoso.sharepoint.com/sites/x/SitePages/Audits.aspx?audit=3&a=1#top', 12);
    expect(url).toBe('https://contoso.sharepoint.com/sites/x/SitePages/Audits.aspx?a=1&audit=12#top');
    expect(readAuditFromLocation(url)).toBe(12);
  });

  it('uses the Teams sub entity audit-<id> for a tab deep link', () => {
    const url = auditLink('https://teams.microsoft.com/l/entity/app/tab?context=%7B%22channelId%22%3A%22c%22%7D', 4);
    expect(readAuditFromLocation(url)).toBe(4);
    expect(readAuditFromLocation('https://x/page', 'audit-9')).toBe(9);
  });

  it('ignores a location without a valid audit id', () => {
    expect(readAuditFromLocation('https://x/page?audit=abc')).toBeUndefined();
    expect(readAuditFromLocation('https://x/page', 'organisatiecultuur')).toBeUndefined();
    expect(readAuditFromLocation('https://x/page?audit=0')).toBeUndefined();
  });
});

describe('Teams deep links generated from the app manifest (not pasted)', () => {
  it('name the app and the personal tab of teams/manifest.json', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '../../teams/manifest.json'), 'utf8')) as { id: string; staticTabs: Array<{ entityId: string }> };
    expect(TEAMS_APP_ID).toBe(manifest.id);
    expect(manifest.staticTabs.map((t) => t.entityId)).toContain(TEAMS_PERSONAL_TAB_ENTITY_ID);
  });

  it('carry the domain as context.subEntityId, which the cards read back as the domain to open', () => {
    const link = teamsDomainLink('fraude', 'Voorkomen van fraude');
    expect(link.indexOf(`https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/${TEAMS_PERSONAL_TAB_ENTITY_ID}?`)).toBe(0);
    expect(isTeamsDeepLink(link)).toBe(true);
    expect(link).toContain('label=Voorkomen%20van%20fraude');
    expect(readDomainFromLocation(link)).toBe('fraude');
  });

  it('without a domain open the tab itself', () => {
    expect(teamsTabDeepLink('app', 'tab')).toBe('https://teams.microsoft.com/l/entity/app/tab');
  });

  it('domainTarget: the configured cards page when set, else the Teams personal app', () => {
    expect(domainTarget('https://x/sites/ob/SitePages/Kaarten.aspx', 'activa')).toBe('https://x/sites/ob/SitePages/Kaarten.aspx?domein=activa#domein-activa');
    expect(readDomainFromLocation(domainTarget('  ', 'activa'))).toBe('activa');
    expect(domainTarget(undefined, 'activa')).toContain('teams.microsoft.com/l/entity/');
  });
});

describe('the link rule (safeUrl) for URLs from properties, list items and tenant properties', () => {
  const SP = 'https://mechelen.sharepoint.com/sites/ob/SitePages/Kaarten.aspx?a=1#x';
  const accepted: Array<[string, string]> = [
    [SP, SP],
    ['  https://mechelen.sharepoint.com/sites/ob  ', 'https://mechelen.sharepoint.com/sites/ob'],
    ['HTTPS://Mechelen.SharePoint.com', 'HTTPS://Mechelen.SharePoint.com'],
    ['https://teams.microsoft.com/l/entity/app/tab?context=%7B%7D', 'https://teams.microsoft.com/l/entity/app/tab?context=%7B%7D'],
    ['/sites/ob/SitePages/Kaarten.aspx', '/sites/ob/SitePages/Kaarten.aspx'],
    ['/workbench/domain-cards?x=javascript:1', '/workbench/domain-cards?x=javascript:1'],
    ['http://localhost:4321/sites/organisatiebeheersing', 'http://localhost:4321/sites/organisatiebeheersing'],
    ['http://127.0.0.1:4321/workbench/audits', 'http://127.0.0.1:4321/workbench/audits'],
    ['https://[2001:db8::1]/x', 'https://[2001:db8::1]/x']
  ];
  it.each(accepted)('accepts %j', (input, out) => {
    expect(safeUrl(input)).toBe(out);
  });

  const refused: string[] = [
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    '  javascript:alert(1)',
    '\tjavascript:alert(1)',
    '\njavascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0000javascript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    'javascript&colon;alert(1)',
    '&#106;avascript:alert(1)',
    '%6Aavascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'VbScript:msgbox(1)',
    'file:///c:/windows',
    'ftp://mechelen.be/x',
    'mailto:ic@mechelen.be',
    'http://mechelen.sharepoint.com/sites/ob',
    'http://localhost.evil.example/x',
    'http://127.0.0.1.evil.example/x',
    '//evil.example/x',
    '/\\evil.example/x',
    '\\\\evil.example\\x',
    'https://mechelen.sharepoint.com@evil.example/',
    'https:evil.example',
    'https:/evil.example',
    'https://',
    'https://a b.example/',
    'SitePages/Kaarten.aspx',
    './Kaarten.aspx',
    '#domein-x',
    '?domein=x',
    'Kaarten',
    '',
    '   '
  ];
  it.each(refused)('refuses %j', (input) => {
    expect(safeUrl(input)).toBeUndefined();
  });

  it('refuses what is not a string, and relative paths where an absolute URL is needed (the data site)', () => {
    expect(safeUrl(undefined)).toBeUndefined();
    expect(safeUrl(null as unknown as string)).toBeUndefined();
    expect(safeUrl(42 as unknown as string)).toBeUndefined();
    expect(safeUrl('/sites/ob', { relative: false })).toBeUndefined();
    expect(safeUrl('https://mechelen.sharepoint.com/sites/ob', { relative: false })).toBe('https://mechelen.sharepoint.com/sites/ob');
  });

  it('the link helpers build no link from a refused page setting', () => {
    for (const bad of ['javascript:alert(1)', ' java\tscript:alert(1)', 'data:text/html,x', '//evil.example/x']) {
      expect(domainCardLink(bad, 'fraude')).toBeUndefined();
      // The Teams personal app instead: still a link that leads somewhere safe.
      expect(domainTarget(bad, 'fraude').indexOf('https://teams.microsoft.com/l/entity/')).toBe(0);
    }
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { auditLink } = require('../../src/model/links');
    expect(auditLink('javascript:alert(1)//', 3)).toBeUndefined();
    expect(auditLink('vbscript:x', 3)).toBeUndefined();
  });
});
