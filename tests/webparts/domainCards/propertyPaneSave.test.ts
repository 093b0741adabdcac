/**
 * A property the web part saves to the data site (Organisatie, list Instellingen) says in the property pane whether it
 * was saved: a refused write (only the control team and site owners may write Instellingen) or a failed one is never
 * silent. The SPFx base classes are stand-ins; the pane configuration is read as SharePoint would.
 */
jest.mock('@microsoft/sp-core-library', () => ({ Version: { parse: (v: string) => v } }));
jest.mock('@microsoft/sp-component-base', () => ({ ThemeProvider: { serviceKey: 'theme' } }));
jest.mock('@microsoft/sp-webpart-base', () => ({ BaseClientSideWebPart: class {} }));
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

interface IField {
  type: string;
  targetProperty: string;
  properties: { text?: string };
}

interface IHost {
  context: unknown;
  properties: Record<string, unknown>;
  services: unknown;
  onPropertyPaneFieldChanged(path: string, oldValue?: unknown, newValue?: unknown): void;
  getPropertyPaneConfiguration(): { pages: Array<{ groups: Array<{ groupFields: IField[] }> }> };
}

function cardsWebPart(setOrganisation: (name: string) => Promise<void>): { host: IHost; refresh: jest.Mock } {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const WebPart = require('../../../src/webparts/domainCards/DomainCardsWebPart').default as new () => IHost;
  const host = new WebPart();
  const refresh = jest.fn();
  host.context = { pageContext: { web: { absoluteUrl: 'https://mechelen.sharepoint.com/sites/ob' } }, propertyPane: { refresh } };
  host.properties = {};
  host.services = { repository: { getCachedView: () => undefined, getCached: () => undefined, setOrganisation } };
  return { host, refresh };
}

function statusLine(host: IHost): string {
  const fields: IField[] = [];
  for (const page of host.getPropertyPaneConfiguration().pages) for (const g of page.groups) fields.push(...g.groupFields);
  const i = fields.findIndex((f) => f.targetProperty === 'organisation');
  // Right under the field it is about.
  expect(fields[i + 1].targetProperty).toBe('organisationSaveStatus');
  return fields[i + 1].properties.text || '';
}

const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

function httpError(status: number, message: string): Error {
  return Object.assign(new Error(message), { status });
}

describe('saving Organisatie from the property pane', () => {
  it('says it was saved', async () => {
    const save = jest.fn(() => Promise.resolve());
    const { host, refresh } = cardsWebPart(save);
    expect(statusLine(host)).toBe('');
    host.onPropertyPaneFieldChanged('organisation', '', ' Stad Mechelen ');
    expect(statusLine(host)).toBe('Wordt bewaard op de gegevenssite…');
    await settle();
    expect(save).toHaveBeenCalledWith('Stad Mechelen');
    expect(statusLine(host)).toBe('Bewaard op de gegevenssite (lijst Instellingen).');
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('says who may change it when SharePoint refuses (403: not in the control team)', async () => {
    const { host } = cardsWebPart(() => Promise.reject(httpError(403, 'Access denied.')));
    host.onPropertyPaneFieldChanged('organisation', '', 'Stad Mechelen');
    await settle();
    expect(statusLine(host)).toMatch(/^Niet bewaard: alleen het controleteam en de site-eigenaars mogen de instellingen/);
  });

  it("says what went wrong otherwise, with SharePoint's message", async () => {
    const { host } = cardsWebPart(() => Promise.reject(httpError(500, 'Server unavailable')));
    host.onPropertyPaneFieldChanged('organisation', '', 'Stad Mechelen');
    await settle();
    expect(statusLine(host)).toMatch(/^Niet bewaard op de gegevenssite: .*Server unavailable/);
  });

  it('has the same messages in English', () => {
    /* eslint-disable @typescript-eslint/no-var-requires */
    const nl = require('../../../src/webparts/domainCards/loc/nl-nl.js') as Record<string, string>;
    const en = require('../../../src/webparts/domainCards/loc/en-us.js') as Record<string, string>;
    /* eslint-enable @typescript-eslint/no-var-requires */
    for (const k of ['SettingSaving', 'SettingSaved', 'SettingSaveFailed', 'SettingSaveForbidden']) {
      expect(nl[k]).toBeTruthy();
      expect(en[k]).toBeTruthy();
    }
    expect(en.SettingSaveForbidden).toMatch(/only the control team and the site owners/);
  });
});
