/**
 * The property pane refuses URL settings the link rule refuses (javascript:, data:, ...):
 * the validators themselves, and every URL text field of every web part and of the Viva
 * card wired to them (the SPFx base classes are stand-ins: only the pane configuration is read).
 */
import { pageUrlError, reportYearError, siteUrlError } from '../../../src/webparts/shared/urlFields';

jest.mock('@microsoft/sp-core-library', () => ({ Version: { parse: (v: string) => v } }));
jest.mock('@microsoft/sp-component-base', () => ({ ThemeProvider: { serviceKey: 'theme' } }));
jest.mock('@microsoft/sp-webpart-base', () => ({ BaseClientSideWebPart: class {} }));
jest.mock(
  '@microsoft/sp-adaptive-card-extension-base',
  () => ({ BaseAdaptiveCardExtension: class {}, BaseComponentsCardView: class {}, BaseAdaptiveCardQuickView: class {}, PrimaryTextCardView: () => ({}) })
);
jest.mock(
  '@microsoft/sp-property-pane',
  () => ({
    PropertyPaneTextField: (targetProperty: string, properties: unknown) => ({ type: 'text', targetProperty, properties }),
    PropertyPaneDropdown: (targetProperty: string, properties: unknown) => ({ type: 'dropdown', targetProperty, properties }),
    PropertyPaneToggle: (targetProperty: string, properties: unknown) => ({ type: 'toggle', targetProperty, properties }),
    PropertyPaneLabel: (targetProperty: string, properties: unknown) => ({ type: 'label', targetProperty, properties }),
    PropertyPaneButton: (targetProperty: string, properties: unknown) => ({ type: 'button', targetProperty, properties }),
    PropertyPaneButtonType: { Normal: 0 }
  })
);

const HOSTILE: string[] = [
  'javascript:alert(1)',
  '  JavaScript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  '//evil.example/x',
  'http://mechelen.sharepoint.com/sites/ob'
];

describe('property pane validators', () => {
  it('a page setting: empty, https, the local site over http or a site path pass; hostile values get the message', () => {
    for (const ok of ['', '  ', 'https://mechelen.sharepoint.com/sites/ob/SitePages/Kaarten.aspx', '/sites/ob/SitePages/Kaarten.aspx', 'http://localhost:4321/workbench/domain-cards']) {
      expect(pageUrlError(ok, 'FOUT')).toBe('');
    }
    for (const bad of HOSTILE.concat(['SitePages/Kaarten.aspx'])) expect(pageUrlError(bad, 'FOUT')).toBe('FOUT');
  });

  it('the data site must be absolute', () => {
    expect(siteUrlError('', 'FOUT')).toBe('');
    expect(siteUrlError('https://mechelen.sharepoint.com/sites/ob', 'FOUT')).toBe('');
    expect(siteUrlError('/sites/ob', 'FOUT')).toBe('FOUT');
    for (const bad of HOSTILE) expect(siteUrlError(bad, 'FOUT')).toBe('FOUT');
  });

  it('the report year: empty, 0 or a four-digit year', () => {
    expect(reportYearError('', 'FOUT')).toBe('');
    expect(reportYearError('0', 'FOUT')).toBe('');
    expect(reportYearError(' 2024 ', 'FOUT')).toBe('');
    expect(reportYearError('24', 'FOUT')).toBe('FOUT');
  });
});

interface IField {
  type: string;
  targetProperty: string;
  properties: { onGetErrorMessage?: (v: string) => string };
}

function paneFields(ComponentClass: new () => unknown): IField[] {
  const host = new ComponentClass() as {
    context: unknown;
    properties: unknown;
    services: unknown;
    getPropertyPaneConfiguration(): { pages: Array<{ groups: Array<{ groupFields: IField[] }> }> };
  };
  host.context = { pageContext: { web: { absoluteUrl: 'https://mechelen.sharepoint.com/sites/ob' } } };
  host.properties = {};
  host.services = { repository: { getCachedView: () => undefined, getCached: () => undefined } };
  const out: IField[] = [];
  for (const page of host.getPropertyPaneConfiguration().pages) for (const g of page.groups) out.push(...g.groupFields);
  return out;
}

const URL_PROPERTIES: string[] = ['siteUrl', 'cardsUrl', 'auditsUrl'];

describe('every URL field of every property pane checks the link rule (Dutch and English message)', () => {
  const cases: Array<[string, () => new () => unknown, string[], string]> = [
    ['domain cards', () => require('../../../src/webparts/domainCards/DomainCardsWebPart').default, ['siteUrl', 'auditsUrl'], 'domainCards'],
    ['homepage widget', () => require('../../../src/webparts/summary/SummaryWebPart').default, ['siteUrl', 'cardsUrl'], 'summary'],
    ['audits', () => require('../../../src/webparts/auditFollowUp/AuditFollowUpWebPart').default, ['siteUrl', 'cardsUrl'], 'auditFollowUp'],
    ['maturity', () => require('../../../src/webparts/maturity/MaturityWebPart').default, ['siteUrl'], 'maturity'],
    ['Viva card', () => require('../../../src/adaptiveCardExtensions/orgSummary/OrgSummaryAdaptiveCardExtension').default, ['siteUrl', 'cardsUrl'], '../adaptiveCardExtensions/orgSummary']
  ];
  it.each(cases)('%s', (_name, load, expected, locDir) => {
    const fields = paneFields(load()).filter((f) => f.type === 'text' && URL_PROPERTIES.indexOf(f.targetProperty) >= 0);
    expect(fields.map((f) => f.targetProperty).sort()).toEqual(expected.slice().sort());
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const nl = require(`../../../src/webparts/${locDir}/loc/nl-nl.js`) as Record<string, string>;
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const en = require(`../../../src/webparts/${locDir}/loc/en-us.js`) as Record<string, string>;
    for (const f of fields) {
      const validate = f.properties.onGetErrorMessage;
      expect(validate).toBeDefined();
      for (const bad of HOSTILE) {
        const message = validate!(bad);
        // The pane shows the Dutch text (jest maps the loc module to nl-nl); en-us has the same key.
        expect(message).toMatch(/^Geef een /);
        const key = Object.keys(nl).filter((k) => nl[k] === message)[0];
        expect(key).toMatch(/UrlInvalid$/);
        expect(en[key]).toMatch(/^Enter /);
      }
      expect(validate!('https://mechelen.sharepoint.com/sites/ob/SitePages/Pagina.aspx')).toBe('');
      expect(validate!('')).toBe('');
    }
  });
});
