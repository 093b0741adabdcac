import { SPFI } from '@pnp/sp';
import { DATA_SITE_PROPERTY_KEY, resolveDataSite, storageEntityReader } from '../../src/data/dataSite';

const HERE = 'https://contoso.sharepoint.com';
const DATA = 'https://contoso.sharepoint.com/sites/organisatiebeheersing';

function fakeProperties(values: Record<string, string>): { read: (key: string) => Promise<string | undefined>; keys: string[] } {
  const keys: string[] = [];
  return {
    keys,
    read: async (key: string) => {
      keys.push(key);
      return values[key];
    }
  };
}

describe('which site holds the lists', () => {
  it("uses the component's own setting first and does not read the tenant property", async () => {
    const props = fakeProperties({ [DATA_SITE_PROPERTY_KEY]: DATA });
    await expect(resolveDataSite('https://contoso.sharepoint.com/sites/andere/', HERE, props.read)).resolves.toEqual({ url: 'https://contoso.sharepoint.com/sites/andere', source: 'setting' });
    expect(props.keys).toEqual([]);
  });

  it('with an empty setting (Teams personal app on the tenant root) reads the tenant property', async () => {
    const props = fakeProperties({ [DATA_SITE_PROPERTY_KEY]: `${DATA}/` });
    await expect(resolveDataSite('  ', HERE, props.read)).resolves.toEqual({ url: DATA, source: 'tenant' });
    expect(props.keys).toEqual(['Organisatiebeheersing.DataSite']);
  });

  it('falls back to the current site when the property is unset, unreadable or not a URL', async () => {
    await expect(resolveDataSite(undefined, HERE, fakeProperties({}).read)).resolves.toEqual({ url: HERE, source: 'current' });
    await expect(resolveDataSite('', `${HERE}/sites/x/`, () => Promise.reject(new Error('403')))).resolves.toEqual({ url: `${HERE}/sites/x`, source: 'current' });
    await expect(resolveDataSite('', HERE, fakeProperties({ [DATA_SITE_PROPERTY_KEY]: 'javascript:alert(1)' }).read)).resolves.toEqual({ url: HERE, source: 'current' });
  });
});

describe('the data site follows the link rule (src/model/links.ts safeUrl, absolute only)', () => {
  it('a setting or tenant property that is no https address (or http on the local server) is not used', async () => {
    for (const bad of ['javascript:alert(1)', ' java\tscript:alert(1)', 'http://evil.example/sites/x', '//evil.example/x', '/sites/organisatiebeheersing', 'data:text/html,x']) {
      // A refused setting falls through to the tenant property...
      await expect(resolveDataSite(bad, HERE, fakeProperties({ [DATA_SITE_PROPERTY_KEY]: DATA }).read)).resolves.toEqual({ url: DATA, source: 'tenant' });
      // ...and a refused tenant property to the current site.
      await expect(resolveDataSite('', HERE, fakeProperties({ [DATA_SITE_PROPERTY_KEY]: bad }).read)).resolves.toEqual({ url: HERE, source: 'current' });
    }
  });

  it('the local server over http is accepted', async () => {
    const local = 'http://localhost:4321/sites/organisatiebeheersing';
    await expect(resolveDataSite('', 'http://localhost:4321', fakeProperties({ [DATA_SITE_PROPERTY_KEY]: local }).read)).resolves.toEqual({ url: local, source: 'tenant' });
  });
});

describe('storageEntityReader (PnPjs sp.web.getStorageEntity)', () => {
  function fakeSp(answer: unknown): { sp: SPFI; asked: string[] } {
    const asked: string[] = [];
    const sp = { web: { getStorageEntity: async (key: string) => (asked.push(key), answer) } } as unknown as SPFI;
    return { sp, asked };
  }

  it('returns the Value of a set property', async () => {
    const f = fakeSp({ Value: DATA, Description: 'Organisatiebeheersing: data site', Comment: '' });
    await expect(storageEntityReader(f.sp)(DATA_SITE_PROPERTY_KEY)).resolves.toBe(DATA);
    expect(f.asked).toEqual([DATA_SITE_PROPERTY_KEY]);
  });

  it("returns undefined for SharePoint's answers to an unset key", async () => {
    await expect(storageEntityReader(fakeSp({ 'odata.null': true }).sp)('x')).resolves.toBeUndefined();
    await expect(storageEntityReader(fakeSp({ Value: null }).sp)('x')).resolves.toBeUndefined();
  });
});
