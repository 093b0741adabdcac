/** @jest-environment ./tests/dev/environment.js */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/security';
import '@pnp/sp/site-users';
import { fieldSchemaXml } from '../../src/schema/schema';
import { startTestServer, ITestServer } from '../helpers/localServer';
import { createDemoLists, digest, pnp } from './fixtures';

let srv: ITestServer;
let sp: SPFI;
let ids: { domains: string; actions: string };

beforeAll(async () => {
  srv = await startTestServer();
  sp = pnp(srv.siteUrl);
  ids = await createDemoLists(sp);
});
afterAll(() => srv.stop());

describe('web and lists', () => {
  it('describes the web', async () => {
    const web = await sp.web.select('Title', 'ServerRelativeUrl', 'Url', 'Id')();
    expect(web).toMatchObject({ Title: 'Organisatiebeheersing', ServerRelativeUrl: '/sites/organisatiebeheersing', Url: srv.siteUrl });
    expect(web.Id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('adds lists with a guid, finds them by title case-insensitively and by id, with their root folder', async () => {
    const list = await sp.web.lists.getByTitle('acties').select('Id', 'Title', 'EntityTypeName', 'ParentWebUrl', 'BaseTemplate', 'RootFolder/ServerRelativeUrl').expand('RootFolder')();
    expect(list).toMatchObject({
      Id: ids.actions,
      Title: 'Acties',
      EntityTypeName: 'ActiesList',
      ParentWebUrl: '/sites/organisatiebeheersing',
      BaseTemplate: 100,
      RootFolder: { ServerRelativeUrl: '/sites/organisatiebeheersing/Lists/Acties' }
    });
    const byId = await sp.web.lists.getById(ids.domains).select('Title')();
    expect(byId.Title).toBe('Domeinen');
  });

  it('ensure is idempotent: a second ensure finds the list instead of adding one', async () => {
    const again = await sp.web.lists.ensure('Domeinen', 'Domeinen', 100);
    expect(again.created).toBe(false);
    const all = await sp.web.lists.filter("Title eq 'Domeinen'")();
    expect(all).toHaveLength(1);
  });

  it('answers 404 in SharePoint style for a missing list, also with quotes in the title', async () => {
    const r = await fetch(`${srv.siteUrl}/_api/web/lists/getByTitle('O''Neil')`, { headers: { Accept: 'application/json' } });
    expect(r.status).toBe(404);
    const body = await r.json();
    expect(body['odata.error'].code).toBe('-1, System.ArgumentException');
    expect(body['odata.error'].message.value).toBe(`List 'O'Neil' does not exist at site with URL '${srv.siteUrl}'.`);
  });

  it('stores and returns list validation set by MERGE, and deletes lists', async () => {
    await sp.web.lists.getByTitle('Acties').update({ ValidationFormula: '=[Jaar]>=2000', ValidationMessage: 'Jaar te klein' });
    const l = await sp.web.lists.getByTitle('Acties').select('ValidationFormula', 'ValidationMessage')();
    expect(l).toEqual(expect.objectContaining({ ValidationFormula: '=[Jaar]>=2000', ValidationMessage: 'Jaar te klein' }));
    await sp.web.lists.add('Weg', '', 100);
    await sp.web.lists.getByTitle('Weg').delete();
    await expect(sp.web.lists.getByTitle('Weg')()).rejects.toMatchObject({ status: 404 });
  });

  it('rejects unknown list properties with 400', async () => {
    await expect(sp.web.lists.getByTitle('Acties').update({ Colour: 'red' } as Record<string, unknown>)).rejects.toMatchObject({ status: 400 });
  });
});

describe('fields', () => {
  it('creates every field type from SchemaXml with its properties', async () => {
    const fields = await sp.web.lists.getByTitle('Acties').fields.filter('Hidden eq false')();
    const by = (n: string): Record<string, unknown> => fields.find((f: { InternalName: string }) => f.InternalName === n) as unknown as Record<string, unknown>;
    expect(by('Domeinen')).toMatchObject({ TypeAsString: 'LookupMulti', AllowMultipleValues: true, LookupList: `{${ids.domains}}`, LookupField: 'Title', 'odata.type': 'SP.FieldLookup' });
    expect(by('Domein')).toMatchObject({ TypeAsString: 'Lookup', AllowMultipleValues: false, Indexed: true, Title: 'Hoofddomein' });
    expect(by('Status')).toMatchObject({ TypeAsString: 'Choice', Choices: ['Gepland', 'Lopend', 'Gerealiseerd'], DefaultValue: 'Gepland', FieldTypeKind: 6 });
    expect(by('Jaar')).toMatchObject({ TypeAsString: 'Number', MinimumValue: 2000, MaximumValue: 2100, FieldTypeKind: 9 });
    expect(by('Beschrijving')).toMatchObject({ TypeAsString: 'Note', RichText: true });
    expect(by('Eigenaar')).toMatchObject({ TypeAsString: 'User', FieldTypeKind: 20 });
    expect(by('Deadline')).toMatchObject({ TypeAsString: 'DateTime', FieldTypeKind: 4 });
    expect(by('Afdeling')).toMatchObject({ TypeAsString: 'Text', MaxLength: 255 });
    expect(by('Title')).toMatchObject({ TypeAsString: 'Text', Required: true, FromBaseType: true });
    expect(String(by('Jaar').SchemaXml)).toContain('Name="Jaar"');
    expect(fields.some((f: { InternalName: string }) => f.InternalName === 'ContentTypeId')).toBe(false);
    const dom = await sp.web.lists.getByTitle('Domeinen').fields.getByInternalNameOrTitle('Actief')();
    expect(dom).toMatchObject({ TypeAsString: 'Boolean', DefaultValue: '1' });
  });

  it('filters fields by InternalName and finds a field by title', async () => {
    const f = await sp.web.lists.getByTitle('Acties').fields.filter("InternalName eq 'Jaar'").select('InternalName', 'Indexed')();
    expect(f).toEqual([expect.objectContaining({ InternalName: 'Jaar', Indexed: true })]);
    const byTitle = await sp.web.lists.getByTitle('Acties').fields.getByTitle('Hoofddomein').select('InternalName')();
    expect(byTitle.InternalName).toBe('Domein');
  });

  it('indexes a column and renames the title field with MERGE', async () => {
    const fields = sp.web.lists.getByTitle('Acties').fields;
    expect((await fields.getByInternalNameOrTitle('Afdeling')()).Indexed).toBe(false);
    await fields.getByInternalNameOrTitle('Afdeling').update({ Indexed: true });
    const after = await fields.getByInternalNameOrTitle('Afdeling')();
    expect(after.Indexed).toBe(true);
    expect(after.SchemaXml).toContain('Indexed="TRUE"');
    await fields.getByInternalNameOrTitle('Title').update({ Title: 'Actie' });
    expect((await fields.getByInternalNameOrTitle('Title').select('Title')()).Title).toBe('Actie');
  });

  it('tolerates __metadata in a verbose field MERGE and rejects unknown properties', async () => {
    const d = await digest(srv.siteUrl);
    const url = `${srv.siteUrl}/_api/web/lists/getByTitle('Acties')/fields/getByInternalNameOrTitle('Deadline')`;
    const ok = await fetch(url, {
      method: 'POST',
      headers: { Accept: 'application/json;odata=verbose', 'Content-Type': 'application/json;odata=verbose', 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*', 'X-RequestDigest': d },
      body: JSON.stringify({ __metadata: { type: 'SP.FieldDateTime' }, Indexed: true })
    });
    expect(ok.status).toBe(204);
    const bad = await fetch(url, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'X-RequestDigest': d },
      body: JSON.stringify({ Colour: 'red' })
    });
    expect(bad.status).toBe(400);
  });

  it('refuses a second field with the same field id; a clashing name gets a counter (FIDELITY F-06)', async () => {
    const acties = sp.web.lists.getByTitle('Acties');
    const xml = '<Field ID="{0b6b6c3e-2f0e-4d8e-9d55-3f1d1e0a0001}" Type="Text" DisplayName="Extra kolom" />';
    await acties.fields.createFieldAsXml(xml);
    await expect(acties.fields.createFieldAsXml(xml)).rejects.toMatchObject({ status: 500 });
    const again = (await acties.fields.createFieldAsXml(fieldSchemaXml({ internalName: 'Jaar', displayName: 'Jaar', type: 'Number' }))) as { InternalName: string };
    expect(again.InternalName).toBe('Jaar0');
  });
});

describe('users and permissions', () => {
  it('returns the current user, site users and ensures users', async () => {
    const me = await sp.web.currentUser();
    expect(me).toMatchObject({ Title: expect.any(String), Email: expect.stringMatching(/@stad\.example$/), IsSiteAdmin: true });
    const users = await sp.web.siteUsers();
    expect(users.length).toBeGreaterThanOrEqual(4);
    const byId = await sp.web.getUserById(users[1].Id)();
    expect(byId.Email).toBe(users[1].Email);
    const ensured = await sp.web.ensureUser('i:0#.f|membership|nieuwe.collega@stad.example');
    expect(ensured).toMatchObject({ Email: 'nieuwe.collega@stad.example', Title: 'Nieuwe Collega' });
    const again = await sp.web.ensureUser('nieuwe.collega@stad.example');
    expect(again.Id).toBe(ensured.Id);
  });

  it('grants the owner full control on the web and lists', async () => {
    const perms = await sp.web.getCurrentUserEffectivePermissions();
    expect(perms).toMatchObject({ High: '2147483647', Low: '4294967295' });
    const { PermissionKind } = await import('@pnp/sp/security');
    expect(await sp.web.currentUserHasPermissions(PermissionKind.ManageLists)).toBe(true);
    expect(await sp.web.lists.getByTitle('Acties').currentUserHasPermissions(PermissionKind.EditListItems)).toBe(true);
    const me = await sp.web.currentUser();
    const forMe = await sp.web.getUserEffectivePermissions(me.LoginName);
    expect(forMe).toMatchObject({ High: '2147483647' });
  });
});

describe('formats', () => {
  it('answers JSON light by default, verbose and nometadata on request', async () => {
    const url = `${srv.siteUrl}/_api/web/lists/getByTitle('Domeinen')/fields?$filter=InternalName eq 'Volgorde'&$select=InternalName`;
    const light = await (await fetch(url, { headers: { Accept: 'application/json' } })).json();
    expect(light['odata.metadata']).toContain('/_api/$metadata#');
    expect(light.value[0]).toMatchObject({ 'odata.type': 'SP.FieldNumber', InternalName: 'Volgorde' });
    const verbose = await (await fetch(url, { headers: { Accept: 'application/json;odata=verbose' } })).json();
    expect(verbose.d.results[0]).toMatchObject({ __metadata: { type: 'SP.FieldNumber' }, InternalName: 'Volgorde' });
    const none = await (await fetch(url, { headers: { Accept: 'application/json;odata=nometadata' } })).json();
    expect(none).toEqual({ value: [{ InternalName: 'Volgorde' }] });
    const ctx = await (await fetch(`${srv.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json;odata=verbose' } })).json();
    expect(ctx.d.GetContextWebInformation.FormDigestValue).toMatch(/^0x[0-9A-F]+,/);
  });
});
