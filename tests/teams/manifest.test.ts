/** @jest-environment node */
import * as fs from 'fs';
import * as path from 'path';
import { AppManifestUtils, TeamsManifestV1D17 } from '@microsoft/app-manifest';

/** The manifest's own schema version (see manifestVersion). */
type TeamsManifest = TeamsManifestV1D17.TeamsManifestV1D17;
import { ACCENT } from '../../scripts/draw-icons';

// strip-bom 5 (used by AppManifestUtils.read*, not by validation) is ESM-only, which jest's
// CommonJS runtime cannot load; stand in a CommonJS equivalent.
jest.mock('strip-bom', () => ({ __esModule: true, default: (s: string) => s.replace(/^\uFEFF/, '') }));

// Validation must stay offline: any attempt to fetch a schema fails the test.
const networkFetch = jest.fn(() => Promise.reject(new Error('network access during manifest validation')));
beforeAll(() => {
  globalThis.fetch = networkFetch as unknown as typeof fetch;
});
afterAll(() => {
  expect(networkFetch).not.toHaveBeenCalled();
});

const ROOT = path.resolve(__dirname, '..', '..');
const TEAMS = path.join(ROOT, 'teams');
const DOMAIN_CARDS_ID = 'ae9cbe34-f28a-4b0e-90d2-dcd9b5cbb046';
const SUMMARY_ID = 'c2c52264-c35a-418c-8442-b64ec4bd49ba';
const AUDITS_ID = '94d15802-53bf-46c1-97cd-adaa32507273';
const SHAREPOINT_ONLINE_APP_ID = '00000003-0000-0ff1-ce00-000000000000';

/** The schemas that @microsoft/app-manifest ships, so validation never goes to the network. */
const APP_MANIFEST_DIR = path.dirname(require.resolve('@microsoft/app-manifest'));
function localSchemaFile(schemaUrl: string): string {
  const m = /^https:\/\/developer\.microsoft\.com\/json-schemas\/(teams\/v[0-9.]+\/[A-Za-z.]+\.schema\.json)$/.exec(schemaUrl);
  if (!m) {
    throw new Error(`Not an official Teams schema URL: ${schemaUrl}`);
  }
  return path.join(APP_MANIFEST_DIR, 'json-schemas', m[1]);
}

type Json = Record<string, unknown>;
function readJson(file: string): Json {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
}

/**
 * Validates with the same engine @microsoft/app-manifest uses (ajv draft-04 + ajv-formats,
 * resolved from that package) but with `unicodeRegExp: false`. Needed for the Localization
 * schemas: their patternProperties contain `\[\b(...)\b]` (an unescaped `]`), which is a
 * SyntaxError under the `u` flag, so AppManifestUtils.validateAgainstSchema throws while
 * compiling every Localization schema from v1.8 on (1.1.2). Without `u` the pattern is valid
 * (and means what the schema authors meant).
 */
function validateNonUnicode(schema: object, data: unknown): string[] {
  /* eslint-disable @typescript-eslint/no-var-requires */
  const AjvDraft04 = require(require.resolve('ajv-draft-04', { paths: [APP_MANIFEST_DIR] }));
  const addFormats = require(require.resolve('ajv-formats', { paths: [APP_MANIFEST_DIR] }));
  /* eslint-enable @typescript-eslint/no-var-requires */
  const Ctor = AjvDraft04.default ?? AjvDraft04;
  const ajv = new Ctor({ allErrors: true, strictTypes: false, unicodeRegExp: false });
  (addFormats.default ?? addFormats)(ajv, ['uri', 'email', 'regex']);
  const validate = ajv.compile(schema);
  if (validate(data)) {
    return [];
  }
  return (validate.errors as Array<{ instancePath: string; message?: string }>).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

describe('Teams app manifest (teams/manifest.json)', () => {
  const manifest = readJson(path.join(TEAMS, 'manifest.json')) as unknown as TeamsManifest & Json;
  const schemaUrl = manifest.$schema as string;
  const schemaFile = localSchemaFile(schemaUrl);
  const schema = readJson(schemaFile);

  it('uses a Teams schema version that @microsoft/app-manifest ships offline', () => {
    expect(fs.existsSync(schemaFile)).toBe(true);
    expect(manifest.manifestVersion).toBe(/\/v([0-9.]+)\//.exec(schemaUrl)?.[1]);
  });

  it('validates against the official schema (offline, as loaded by the package)', async () => {
    // With the schema passed explicitly and with the package resolving $schema to its local copy.
    await expect(AppManifestUtils.validateAgainstSchema(manifest as never, schema as never)).resolves.toEqual([]);
    await expect(AppManifestUtils.validateAgainstSchema(manifest as never)).resolves.toEqual([]);
  });

  it('the validation catches a broken manifest (so the check above can fail)', async () => {
    const broken = JSON.parse(JSON.stringify(manifest)) as Json;
    (broken.name as Json).short = 'Organisatiebeheersing domeinkaarten'; // > 30 characters
    broken.packageName = 'organisatiebeheersing'; // not allowed since v1.17
    delete broken.accentColor;
    const errors = await AppManifestUtils.validateAgainstSchema(broken as never, schema as never);
    expect(errors.join('\n')).toMatch(/\/name\/short/);
    expect(errors.join('\n')).toMatch(/accentColor/);
    expect(errors.join('\n')).toMatch(/packageName/);
  });

  it('is the Teams app of the Domain cards web part (SPFx convention: app id = component id)', () => {
    const webPart = readJson(path.join(ROOT, 'src', 'webparts', 'domainCards', 'DomainCardsWebPart.manifest.json'));
    expect(webPart.id).toBe(DOMAIN_CARDS_ID);
    expect(webPart.supportedHosts).toEqual(expect.arrayContaining(['TeamsTab', 'TeamsPersonalApp']));
    expect(manifest.id).toBe(DOMAIN_CARDS_ID);
    expect(manifest.icons).toEqual({
      color: `${DOMAIN_CARDS_ID}_color.png`,
      outline: `${DOMAIN_CARDS_ID}_outline.png`
    });
    // The summary widget is SharePoint-only: it is not part of the Teams app.
    expect(JSON.stringify(manifest)).not.toContain(SUMMARY_ID);
  });

  it('has the Dutch names, developer and the accent colour of the icon', () => {
    expect(manifest.name).toEqual({ short: 'Organisatiebeheersing', full: 'Organisatiebeheersing – domeinkaarten' });
    expect(manifest.developer).toEqual({
      name: 'Stad Mechelen',
      websiteUrl: 'https://www.mechelen.be',
      privacyUrl: 'https://www.mechelen.be',
      termsOfUseUrl: 'https://www.mechelen.be'
    });
    expect(manifest.description.short).toMatch(/organisatiebeheersing/i);
    expect(manifest.description.full).toMatch(/criteria.*risico's.*realisaties.*planning/s);
    expect(manifest.accentColor.toUpperCase()).toBe(ACCENT.toUpperCase());
    expect(manifest.version).toMatch(/^1\.0\.0$/);
  });

  it('configurable tab (team, group chat) opens the web part through SPFx TeamsLogon with its component id', () => {
    expect(manifest.configurableTabs).toHaveLength(1);
    const tab = manifest.configurableTabs![0];
    expect(tab.configurationUrl).toBe(
      'https://{teamSiteDomain}{teamSitePath}/_layouts/15/TeamsLogon.aspx?SPFX=true&dest={teamSitePath}' +
        `/_layouts/15/teamshostedapp.aspx%3FopenPropertyPane=true%26teams%26componentId=${DOMAIN_CARDS_ID}%26forceLocale={locale}`
    );
    expect(tab.canUpdateConfiguration).toBe(true);
    expect([...tab.scopes].sort()).toEqual(['groupChat', 'team']);
  });

  it('personal app: "Mijn acties" (Auditopvolging) first, then the domain cards, each through SPFx TeamsLogon with its component id', () => {
    expect(manifest.staticTabs).toHaveLength(2);
    const [mine, cards] = manifest.staticTabs!;
    expect(mine.contentUrl).toBe(
      'https://{teamSiteDomain}/_layouts/15/TeamsLogon.aspx?SPFX=true&dest=/_layouts/15/teamshostedapp.aspx' +
        `%3Fteams%26personal%26componentId=${AUDITS_ID}%26forceLocale={locale}`
    );
    expect(mine.name).toBe('Mijn acties');
    expect(cards.contentUrl).toBe(
      'https://{teamSiteDomain}/_layouts/15/TeamsLogon.aspx?SPFX=true&dest=/_layouts/15/teamshostedapp.aspx' +
        `%3Fteams%26personal%26componentId=${DOMAIN_CARDS_ID}%26forceLocale={locale}`
    );
    expect(cards.name).toBe('Domeinkaarten');
    for (const tab of manifest.staticTabs!) expect(tab.scopes).toEqual(['personal']);
    expect(new Set(manifest.staticTabs!.map((t) => t.entityId)).size).toBe(2);
    const webPart = readJson(path.join(ROOT, 'src', 'webparts', 'auditFollowUp', 'AuditFollowUpWebPart.manifest.json'));
    expect(webPart.id).toBe(AUDITS_ID);
    expect(webPart.supportedHosts).toEqual(['SharePointWebPart', 'TeamsTab', 'TeamsPersonalApp']);
  });

  it('has the domains and SharePoint web application info that SPFx-hosted tabs need', () => {
    expect(manifest.validDomains).toEqual(expect.arrayContaining(['*.login.microsoftonline.com', '*.sharepoint.com']));
    expect(manifest.webApplicationInfo).toEqual({ id: SHAREPOINT_ONLINE_APP_ID, resource: 'https://{teamSiteDomain}' });
  });

  it('icons and localization files it references sit next to it', () => {
    const files = [manifest.icons.color, manifest.icons.outline, ...(manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file)];
    for (const f of files) {
      expect(fs.existsSync(path.join(TEAMS, f))).toBe(true);
    }
  });
});

describe('English localization (teams/en-us.json)', () => {
  const manifest = readJson(path.join(TEAMS, 'manifest.json')) as unknown as TeamsManifest;
  const localization = readJson(path.join(TEAMS, 'en-us.json'));
  const schemaFile = localSchemaFile(localization.$schema as string);
  const schema = readJson(schemaFile);

  it('is declared in localizationInfo, with Dutch (nl-be) as the default language', () => {
    expect(manifest.localizationInfo).toEqual({
      defaultLanguageTag: 'nl-be',
      additionalLanguages: [{ languageTag: 'en-us', file: 'en-us.json' }]
    });
  });

  it('uses the Localization schema of the same manifest version, shipped offline', () => {
    expect(fs.existsSync(schemaFile)).toBe(true);
    expect(localization.$schema).toBe(
      (manifest as unknown as Json).$schema!.toString().replace('MicrosoftTeams.schema.json', 'MicrosoftTeams.Localization.schema.json')
    );
  });

  it('validates against the official Localization schema', () => {
    expect(validateNonUnicode(schema, localization)).toEqual([]);
  });

  it('the Localization validation catches broken files (so the check above can fail)', () => {
    const errors = validateNonUnicode(schema, { ...localization, 'name.short': 'x'.repeat(31), 'unknown.key': 'x' });
    expect(errors.join('\n')).toMatch(/name\.short/);
    expect(errors.join('\n')).toMatch(/additional properties/);
  });

  it('translates the names, descriptions and the personal tab into English', () => {
    expect(localization['name.short']).toBe('Organisational control');
    expect(localization['name.full']).toMatch(/domain cards/);
    expect(localization['description.short']).toMatch(/organisational control/i);
    expect(localization['description.full']).toMatch(/criteria.*risks.*realisations.*planning/s);
    expect(localization['staticTabs[0].name']).toBe('My actions');
    expect(localization['staticTabs[1].name']).toBe('Domain cards');
    // Every localizable string of the manifest has an English counterpart.
    for (const key of ['name.short', 'name.full', 'description.short', 'description.full']) {
      expect(typeof localization[key]).toBe('string');
    }
  });
});
