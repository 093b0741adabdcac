/** @jest-environment ./tests/dev/environment.js */
/**
 * The rows of dev/server/FIDELITY.md, proven over real HTTP through PnPjs. Each test's
 * title starts with its row id; tests/dev/fidelityCatalogue.test.ts checks that every
 * emulated row has one.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/site-users/web';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import '@pnp/sp/security';
import { fieldSchemaXml } from '../../src/schema/schema';
import { ITestServer, startTestServer } from '../helpers/localServer';
import { digest, INTERNAL_NAME_HINT, pnp } from './fixtures';

let srv: ITestServer;
let sp: SPFI;
let lookupListId: string;

interface ISpFailure {
  status: number;
  code: string;
  message: string;
}

/** The status, odata.error code and message of a failed PnPjs call. */
async function failure(p: Promise<unknown>): Promise<ISpFailure> {
  try {
    await p;
  } catch (e) {
    const err = e as { status: number; response?: Response; message: string };
    let body: { 'odata.error'?: { code: string; message: { value: string } } } = {};
    try {
      body = err.response ? await err.response.clone().json() : {};
    } catch {
      const m = /::> (\{.*\})\s*$/s.exec(err.message);
      body = m ? JSON.parse(m[1]) : {};
    }
    const oe = body['odata.error'];
    return { status: err.status, code: oe ? oe.code : '', message: oe ? oe.message.value : '' };
  }
  throw new Error('expected the request to fail');
}

const proef = (): ReturnType<SPFI['web']['lists']['getByTitle']> => sp.web.lists.getByTitle('Proef');

async function addField(xml: string, options: number = INTERNAL_NAME_HINT): Promise<{ InternalName: string; Title: string }> {
  return (await proef().fields.createFieldAsXml({ SchemaXml: xml, Options: options })) as { InternalName: string; Title: string };
}

beforeAll(async () => {
  srv = await startTestServer();
  sp = pnp(srv.siteUrl);
  lookupListId = ((await sp.web.lists.add('Doel', '', 100)) as { Id: string }).Id;
  await sp.web.lists.add('Proef', '', 100);
  await addField(fieldSchemaXml({ internalName: 'Jaar', displayName: 'Jaar', type: 'Number', min: 2000, max: 2100, indexed: true }));
  await addField(fieldSchemaXml({ internalName: 'Soort', displayName: 'Soort', type: 'Choice', choices: ['a', 'b'], required: true }));
  await addField(fieldSchemaXml({ internalName: 'Doel', displayName: 'Doel', type: 'Lookup', lookupList: 'x', lookupField: 'Title' }, lookupListId));
  await addField(fieldSchemaXml({ internalName: 'Doelen', displayName: 'Doelen', type: 'LookupMulti', lookupList: 'x', lookupField: 'Title' }, lookupListId));
  await addField(fieldSchemaXml({ internalName: 'Eigenaar', displayName: 'Eigenaar', type: 'User' }));
  await addField(fieldSchemaXml({ internalName: 'Deadline', displayName: 'Deadline', type: 'DateTime' }));
  await sp.web.lists.getByTitle('Doel').items.add({ Title: 'Eén' });
  for (let i = 0; i < 120; i++) await proef().items.add({ Title: `Item ${i}`, Jaar: 2000 + (i % 30), Soort: 'a' });
});

afterAll(() => srv.stop());

describe('field internal names (createFieldAsXml)', () => {
  it('[F-01] without AddFieldInternalNameHint takes the internal name from DisplayName, not Name', async () => {
    const f = await addField('<Field Type="Number" Name="JaarGerealiseerd" StaticName="JaarGerealiseerd" DisplayName="Jaar gerealiseerd" />', 16);
    expect(f.InternalName).toBe('Jaar_x0020_gerealiseerd');
    const status = await addField('<Field Type="Text" Name="ActieStatus" DisplayName="Status" />', 0);
    expect(status.InternalName).toBe('Status');
    // The item property follows the internal name, not Name.
    const fields = (await proef().fields.select('InternalName')()) as { InternalName: string }[];
    expect(fields.map((x) => x.InternalName)).not.toContain('JaarGerealiseerd');
  });

  it('[F-02] with AddFieldInternalNameHint (8) keeps Name as the internal name', async () => {
    const f = await addField('<Field Type="Text" Name="KorteTitel" StaticName="KorteTitel" DisplayName="Korte titel" />', 8 | 16);
    expect(f.InternalName).toBe('KorteTitel');
    expect(f.Title).toBe('Korte titel');
  });

  it('[F-04] encodes other characters as _xHHHH_ (lower-case hex), keeps underscores', async () => {
    expect((await addField('<Field Type="Text" DisplayName="Risico\'s &amp; e-mail" />', 0)).InternalName).toBe('Risico_x0027_s_x0020__x0026__x00');
    expect((await addField('<Field Type="Text" DisplayName="Veld_één" />', 0)).InternalName).toBe('Veld__x00e9__x00e9_n');
  });

  it('[F-05] cuts a generated name at 32 characters, counted after encoding', async () => {
    const f = await addField('<Field Type="Text" DisplayName="Hoog prioritaire aanbevelingen" />', 0);
    expect(f.InternalName).toBe('Hoog_x0020_prioritaire_x0020_aan');
    expect(f.InternalName).toHaveLength(32);
  });

  it('[F-06] appends a counter from 0 when the name is taken', async () => {
    expect((await addField('<Field Type="Text" DisplayName="Opmerking" />', 0)).InternalName).toBe('Opmerking');
    expect((await addField('<Field Type="Text" DisplayName="Opmerking" />', 0)).InternalName).toBe('Opmerking0');
    expect((await addField('<Field Type="Text" DisplayName="Opmerking" />', 0)).InternalName).toBe('Opmerking1');
  });

  it('[F-07] the Title field keeps the internal name Title when its display name changes', async () => {
    await proef().fields.getByInternalNameOrTitle('Title').update({ Title: 'Actie' });
    const f = (await proef().fields.getByInternalNameOrTitle('Title').select('InternalName', 'Title')()) as { InternalName: string; Title: string };
    expect(f).toMatchObject({ InternalName: 'Title', Title: 'Actie' });
    const item = (await proef().items.top(1).select('Title')()) as { Title: string }[];
    expect(item[0].Title).toBe('Item 0');
  });
});

describe('query options on list items', () => {
  it('[Q-01] $select of a field that does not exist: 400 "The field or property ... does not exist."', async () => {
    const f = await failure(proef().items.select('Id', 'JaarGerealiseerd')());
    expect(f).toEqual({ status: 400, code: '-1, Microsoft.SharePoint.SPException', message: "The field or property 'JaarGerealiseerd' does not exist." });
  });

  it('[Q-02] a lookup projection without $expand: 400 naming the field and the missing $expand', async () => {
    const f = await failure(proef().items.select('Id', 'Doel/Title')());
    expect(f.status).toBe(400);
    expect(f.message).toBe("The query to field 'Doel/Title' is not valid. The $select query string must specify the target fields and the $expand query string must contains Doel.");
    const ok = (await proef().items.select('Id', 'Doel/Title').expand('Doel').top(1)()) as unknown[];
    expect(ok).toHaveLength(1);
  });

  it('[Q-03] $filter on a column that does not exist: 400 "Column ... does not exist."', async () => {
    const f = await failure(proef().items.filter('Jaartal eq 2001')());
    expect(f).toMatchObject({ status: 400, code: '-2147024809, System.ArgumentException' });
    expect(f.message).toBe("Column 'Jaartal' does not exist. It may have been deleted by another user.");
  });

  it('[Q-04] $orderby on a column that does not exist: the same 400', async () => {
    const f = await failure(proef().items.orderBy('Jaartal')());
    expect(f).toMatchObject({ status: 400, code: '-2147024809, System.ArgumentException', message: "Column 'Jaartal' does not exist. It may have been deleted by another user." });
  });

  it('[Q-05] $expand of a field that does not exist: 400 "The field or property ... does not exist."', async () => {
    const f = await failure(proef().items.select('Id', 'Bron/Title').expand('Bron')());
    expect(f).toMatchObject({ status: 400, message: "The field or property 'Bron' does not exist." });
  });

  it('[Q-06] a lookup projection of a multi-line text or Yes/No column of the target list: 400 "The query to field ... is not valid."', async () => {
    const doel = sp.web.lists.getByTitle('Doel');
    await doel.fields.createFieldAsXml({ SchemaXml: '<Field Type="Note" Name="Toelichting" DisplayName="Toelichting" />', Options: INTERNAL_NAME_HINT });
    await doel.fields.createFieldAsXml({ SchemaXml: '<Field Type="Boolean" Name="Lopend" DisplayName="Lopend" />', Options: INTERNAL_NAME_HINT });
    for (const name of ['Toelichting', 'Lopend']) {
      const f = await failure(proef().items.select('Id', `Doel/${name}`).expand('Doel')());
      expect(f).toMatchObject({ status: 400, message: `The query to field '${name}' is not valid.` });
    }
    // Simple columns of the target still project; the target's own item keeps its multi-line text.
    const ok = (await proef().items.select('Id', 'Doel/Title', 'Doel/Id').expand('Doel').top(1)()) as unknown[];
    expect(ok).toHaveLength(1);
    expect(await doel.items.select('Toelichting').top(1)()).toHaveLength(1);
  });

  it('[P-01] without $top a page has 100 items and an odata.nextLink with Paged=TRUE&p_ID', async () => {
    const r = await fetch(`${srv.siteUrl}/_api/web/lists/getByTitle('Proef')/items?$select=Id`, { headers: { Accept: 'application/json;odata=nometadata' } });
    const body = (await r.json()) as { value: { Id: number }[]; 'odata.nextLink': string };
    expect(body.value).toHaveLength(100);
    expect(decodeURIComponent(body['odata.nextLink'])).toContain('$skiptoken=Paged=TRUE&p_ID=100');
  });

  it('[P-02] $top above 5,000 on a list below the threshold returns the items', async () => {
    const items = (await proef().items.select('Id').top(6000)()) as unknown[];
    expect(items).toHaveLength(120);
  });

  it('[B-05] $skip is ignored on list items (paging is by $skiptoken)', async () => {
    const r = await fetch(`${srv.siteUrl}/_api/web/lists/getByTitle('Proef')/items?$select=Id&$top=2&$skip=4`, { headers: { Accept: 'application/json;odata=nometadata' } });
    const body = (await r.json()) as { value: { Id: number }[] };
    expect(body.value.map((v) => v.Id)).toEqual([1, 2]);
  });

  it('[L-03] more than 12 lookup and person columns in one query: 500 lookup column threshold', async () => {
    await sp.web.lists.add('Veel', '', 100);
    const veel = sp.web.lists.getByTitle('Veel');
    for (let i = 1; i <= 12; i++) {
      await veel.fields.createFieldAsXml({
        SchemaXml: fieldSchemaXml({ internalName: `L${i}`, displayName: `L${i}`, type: 'Lookup', lookupList: 'x', lookupField: 'Title' }, lookupListId),
        Options: INTERNAL_NAME_HINT
      });
    }
    await veel.items.add({ Title: 'x', L1Id: 1 });
    const twelve = Array.from({ length: 12 }, (_, i) => `L${i + 1}/Title`);
    expect(await veel.items.select('Id', ...twelve).expand(...twelve.map((s) => s.split('/')[0]))()).toHaveLength(1);
    const f = await failure(veel.items.select('Id', 'Author/Title', ...twelve).expand('Author', ...twelve.map((s) => s.split('/')[0]))());
    expect(f).toEqual({
      status: 500,
      code: '-2147024749, Microsoft.SharePoint.SPQueryThrottledException',
      message: 'The query cannot be completed because the number of lookup columns it contains exceeds the lookup column threshold.'
    });
    // A lookup counts however it is selected: as XId too (it is a column of the query's view).
    expect((await failure(veel.items.select('Id', 'EditorId', ...Array.from({ length: 12 }, (_, i) => `L${i + 1}Id`))())).status).toBe(500);
    expect(await veel.items.select('Id', 'EditorId', ...Array.from({ length: 11 }, (_, i) => `L${i + 1}Id`))()).toHaveLength(1);
  });
});

describe('writes', () => {
  it('[W-01] lookups, multi lookups and persons are written as <Name>Id with numbers and plain arrays', async () => {
    const me = (await sp.web.currentUser.select('Id')()) as { Id: number };
    const added = (await proef().items.add({ Title: 'w', Soort: 'a', DoelId: 1, DoelenId: [1], EigenaarId: me.Id })) as { Id: number };
    const item = (await proef().items.getById(added.Id).select('DoelId', 'DoelenId', 'EigenaarId', 'Doel/Title', 'Eigenaar/Title').expand('Doel', 'Eigenaar')()) as Record<string, unknown>;
    expect(item).toMatchObject({ DoelId: 1, DoelenId: [1], EigenaarId: me.Id, Doel: { Title: 'Eén' } });
  });

  it('[W-02] a verbose {results:[...]} multi value in a JSON light body: 400 InvalidClientQueryException', async () => {
    const f = await failure(proef().items.add({ Title: 'w', DoelenId: { results: [1] } }));
    expect(f.status).toBe(400);
    expect(f.code).toBe('-1, Microsoft.SharePoint.Client.InvalidClientQueryException');
    expect(f.message).toMatch(/^An unexpected 'StartObject' node was found/);
  });

  it('[W-07] clearing a multi lookup with null in a JSON light body: 400 (a StartArray was expected); [] clears it', async () => {
    const added = (await proef().items.add({ Title: 'w7', DoelenId: [1] })) as { Id: number };
    const f = await failure(proef().items.getById(added.Id).update({ DoelenId: null }));
    expect(f).toMatchObject({ status: 400, code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException' });
    expect(f.message).toBe("An unexpected 'PrimitiveValue' node was found when reading from the JSON reader. A 'StartArray' node was expected.");
    // Nothing changed, and [] is the way to clear.
    expect(((await proef().items.getById(added.Id).select('DoelenId')()) as { DoelenId: number[] }).DoelenId).toEqual([1]);
    await proef().items.getById(added.Id).update({ DoelenId: [] });
    expect(((await proef().items.getById(added.Id).select('DoelenId')()) as { DoelenId: number[] }).DoelenId).toEqual([]);
  });

  it('[W-08] __metadata is a property of verbose bodies only: in JSON light it is an unknown property', async () => {
    const f = await failure(proef().items.add({ __metadata: { type: 'SP.Data.ProefListItem' }, Title: 'w8' }));
    expect(f).toEqual({
      status: 400,
      code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      message: "The property '__metadata' does not exist on type 'SP.Data.ProefListItem'. Make sure to only use property names that are defined by the type."
    });
    const d = await digest(srv.siteUrl);
    const r = await fetch(`${srv.siteUrl}/_api/web/lists/getByTitle('Proef')/items`, {
      method: 'POST',
      headers: { Accept: 'application/json;odata=verbose', 'Content-Type': 'application/json;odata=verbose', 'X-RequestDigest': d },
      body: JSON.stringify({ __metadata: { type: 'SP.Data.ProefListItem' }, Title: 'w8' })
    });
    expect(r.status).toBe(201);
  });

  it('[W-03] a lookup written without the Id suffix: 400 navigation property message', async () => {
    const f = await failure(proef().items.add({ Title: 'w', Doel: 1 }));
    expect(f.status).toBe(400);
    expect(f.message).toMatch(/^A 'PrimitiveValue' node with non-null value was found when trying to read the value of a navigation property/);
  });

  it('[W-04] an unknown property: 400 "The property ... does not exist on type SP.Data.<List>ListItem"', async () => {
    const f = await failure(proef().items.add({ Title: 'w', Onbekend: 1 }));
    expect(f).toEqual({
      status: 400,
      code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      message: "The property 'Onbekend' does not exist on type 'SP.Data.ProefListItem'. Make sure to only use property names that are defined by the type."
    });
  });

  it('[W-05] a value of the wrong primitive type: 400 "Cannot convert a primitive value to the expected type"', async () => {
    const f = await failure(proef().items.add({ Title: 'w', Jaar: 'tweeduizend' }));
    expect(f).toEqual({
      status: 400,
      code: '-1, Microsoft.SharePoint.Client.InvalidClientQueryException',
      message: "Cannot convert a primitive value to the expected type 'Edm.Double'. See the inner exception for more details."
    });
  });

  it('[W-06] DateTime is stored and returned in UTC with Z', async () => {
    const added = (await proef().items.add({ Title: 'd', Deadline: '2023-06-30T22:00:00+02:00' })) as { Id: number };
    const item = (await proef().items.getById(added.Id).select('Deadline', 'Created', 'Modified')()) as Record<string, string>;
    expect(item.Deadline).toBe('2023-06-30T20:00:00Z');
    expect(item.Created).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  });

  it('[V-02] Required is not enforced through REST: an item without the required Choice is created', async () => {
    const added = (await proef().items.add({ Title: 'zonder soort' })) as { Id: number };
    const item = (await proef().items.getById(added.Id).select('Soort')()) as { Soort: string | null };
    expect(item.Soort).toBeNull();
  });

  it('[V-03] Choice values outside the choices and numbers outside Min/Max are not refused through REST', async () => {
    const added = (await proef().items.add({ Title: 'buiten', Soort: 'z', Jaar: 1999 })) as { Id: number };
    const item = (await proef().items.getById(added.Id).select('Soort', 'Jaar')()) as { Soort: string; Jaar: number };
    expect(item).toMatchObject({ Soort: 'z', Jaar: 1999 });
  });

  it('[V-04] a text longer than the column allows: 500 "Invalid text value", naming no field, nothing written', async () => {
    const added = (await proef().items.add({ Title: 'kort' })) as { Id: number };
    const f = await failure(proef().items.getById(added.Id).update({ Title: 'x'.repeat(256) }));
    expect(f).toEqual({
      status: 500,
      code: '-2130575336, Microsoft.SharePoint.SPException',
      message: 'Invalid text value. A text field contains invalid data. Please check the value and try again.'
    });
    expect(((await proef().items.getById(added.Id).select('Title')()) as { Title: string }).Title).toBe('kort');
    await proef().items.getById(added.Id).update({ Title: 'x'.repeat(255) });
  });

  it('[V-01] an item failing the list validation formula: 500 SPListDataValidationException, nothing written', async () => {
    await proef().update({ ValidationFormula: '=[Jaar]>=2000', ValidationMessage: 'Jaar vóór 2000' });
    const before = ((await proef().items.select('Id').top(5000)()) as unknown[]).length;
    const f = await failure(proef().items.add({ Title: 'te vroeg', Jaar: 1990 }));
    expect(f).toEqual({ status: 500, code: '-2130575162, Microsoft.SharePoint.SPListDataValidationException', message: 'List data validation failed.' });
    expect(((await proef().items.select('Id').top(5000)()) as unknown[]).length).toBe(before);
    await proef().update({ ValidationFormula: '', ValidationMessage: '' });
  });

  it('[E-01] a stale If-Match: 412 with the ETag values in the message', async () => {
    const added = (await proef().items.add({ Title: 'e' })) as { Id: number };
    await proef().items.getById(added.Id).update({ Title: 'e2' }, '"1"');
    const f = await failure(proef().items.getById(added.Id).update({ Title: 'e3' }, '"1"'));
    expect(f).toEqual({
      status: 412,
      code: '-1, Microsoft.SharePoint.Client.ClientServiceException',
      message: 'The request ETag value \'"1"\' does not match the object\'s ETag value \'"2"\'.'
    });
  });

  it('[E-02] an update answers 204 with the new ETag; the server sets Modified, Editor and the version', async () => {
    const added = (await proef().items.add({ Title: 'v' })) as { Id: number };
    const d = await digest(srv.siteUrl);
    const r = await fetch(`${srv.siteUrl}/_api/web/lists/getByTitle('Proef')/items(${added.Id})`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*', 'X-RequestDigest': d },
      body: JSON.stringify({ Title: 'v2' })
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('ETag')).toBe('"2"');
    const item = (await proef().items.getById(added.Id).select('EditorId', 'Modified', 'OData__UIVersionString', 'owshiddenversion')()) as Record<string, unknown>;
    expect(item).toMatchObject({ OData__UIVersionString: '2.0', owshiddenversion: 2 });
    expect(typeof item.EditorId).toBe('number');
  });

  it('[B-03] reading or deleting an item that does not exist: 404 "Item does not exist."', async () => {
    const f = await failure(proef().items.getById(99999)());
    expect(f).toEqual({ status: 404, code: '-2130575338, System.ArgumentException', message: 'Item does not exist. It may have been deleted by another user.' });
  });
});

describe('lists and the site', () => {
  it('[X-05] a new list keeps 50 major versions and a new library 500; neither has unique permissions', async () => {
    await sp.web.lists.add('Nieuwe lijst', '', 100);
    await sp.web.lists.add('Nieuwe bibliotheek', '', 101);
    const list = (await sp.web.lists.getByTitle('Nieuwe lijst').select('EnableVersioning', 'MajorVersionLimit', 'HasUniqueRoleAssignments')()) as Record<string, unknown>;
    const lib = (await sp.web.lists.getByTitle('Nieuwe bibliotheek').select('MajorVersionLimit', 'HasUniqueRoleAssignments')()) as Record<string, unknown>;
    expect(list).toMatchObject({ EnableVersioning: true, MajorVersionLimit: 50, HasUniqueRoleAssignments: false });
    expect(lib).toMatchObject({ MajorVersionLimit: 500, HasUniqueRoleAssignments: false });
  });

  it('[R-03] breakroleinheritance answers {"odata.null":true}; the list then has unique permissions', async () => {
    const d = await digest(srv.siteUrl);
    const r = await fetch(`${srv.siteUrl}/_api/web/lists/getByTitle('Nieuwe lijst')/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=true)`, {
      method: 'POST',
      headers: { Accept: 'application/json;odata=nometadata', 'X-RequestDigest': d }
    });
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ 'odata.null': true });
    expect(((await sp.web.lists.getByTitle('Nieuwe lijst').select('HasUniqueRoleAssignments')()) as Record<string, unknown>).HasUniqueRoleAssignments).toBe(true);
  });

  it('[B-10] a method the resource does not take: 400 "The type SP.X does not support HTTP M method."', async () => {
    const d = await digest(srv.siteUrl);
    const r = await fetch(`${srv.siteUrl}/_api/web/lists/getByTitle('Proef')/fields`, {
      method: 'DELETE',
      headers: { Accept: 'application/json;odata=nometadata', 'X-RequestDigest': d }
    });
    expect(r.status).toBe(400);
    const body = (await r.json()) as { 'odata.error': { code: string; message: { value: string } } };
    expect(body['odata.error'].code).toBe('-1, Microsoft.SharePoint.Client.InvalidClientQueryException');
    expect(body['odata.error'].message.value).toBe('The type SP.FieldCollection does not support HTTP DELETE method.');
  });

  it('[X-08] file names: # and % through addUsingPath; reserved names, ~$, _vti_, edge spaces and forbidden characters refused', async () => {
    const folder = sp.web.lists.getByTitle('Nieuwe bibliotheek').rootFolder;
    await folder.files.addUsingPath('Nota #1 (100%).txt', 'x', { Overwrite: false });
    const lib = `${new URL(srv.siteUrl).pathname}/Nieuwe bibliotheek`;
    expect(await sp.web.getFileByServerRelativePath(`${lib}/Nota #1 (100%).txt`).getText()).toBe('x');
    for (const name of ['CON.txt', 'desktop.ini', '.lock', '~$nota.docx', 'a_vti_b.txt', ' nota.txt', 'nota.txt ', 'a:b.txt', 'a|b.txt']) {
      const f = await failure(folder.files.addUsingPath(name, 'x', { Overwrite: false }));
      expect(f.status).toBe(400);
    }
    const tooLong = 'n'.repeat(400 - `${lib}/`.length - 3) + '.txt';
    expect((await failure(folder.files.addUsingPath(tooLong, 'x', { Overwrite: false }))).status).toBe(400);
  });

  it('[X-07] setting a document\'s columns makes a new version of the document: MajorVersion, label, ETag and file versions move', async () => {
    const folder = sp.web.lists.getByTitle('Nieuwe bibliotheek').rootFolder;
    await folder.files.addUsingPath('nota.txt', 'inhoud', { Overwrite: false });
    const file = sp.web.getFileByServerRelativePath(`${new URL(srv.siteUrl).pathname}/Nieuwe bibliotheek/nota.txt`);
    const before = (await file.select('MajorVersion', 'UIVersionLabel', 'ETag', 'TimeLastModified')()) as Record<string, string | number>;
    expect(before).toMatchObject({ MajorVersion: 1, UIVersionLabel: '1.0' });
    await new Promise((res) => setTimeout(res, 1100));
    await (await file.getItem()).update({ Title: 'Nota' });
    const after = (await file.select('MajorVersion', 'UIVersionLabel', 'UIVersion', 'ETag', 'TimeLastModified')()) as Record<string, string | number>;
    expect(after).toMatchObject({ MajorVersion: 2, UIVersionLabel: '2.0', UIVersion: 1024 });
    expect(String(after.ETag)).toMatch(/,2"$/);
    expect(after.TimeLastModified).not.toBe(before.TimeLastModified);
    expect(((await file.versions()) as { VersionLabel: string }[]).map((v) => v.VersionLabel)).toEqual(['1.0']);
    expect(await file.getText()).toBe('inhoud');
    // A document's item has no attachments but a copy source and a check-out user.
    const fields = (await file.listItemAllFields()) as Record<string, unknown>;
    expect(fields).toMatchObject({ OData__CopySource: null, CheckoutUserId: null, ComplianceAssetId: null, Title: 'Nota' });
    expect('Attachments' in fields).toBe(false);
  });

  it('[B-01] a second list with the same title: 500 SPException, the first list unchanged', async () => {
    const f = await failure(sp.web.lists.add('Proef', 'dubbel', 100));
    expect(f).toEqual({
      status: 500,
      code: '-2130575342, Microsoft.SharePoint.SPException',
      message: 'A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.'
    });
  });

  it('[B-02] getByTitle of a missing list: 404 naming the list and the site', async () => {
    const f = await failure(sp.web.lists.getByTitle('Nergens')());
    expect(f).toEqual({ status: 404, code: '-1, System.ArgumentException', message: `List 'Nergens' does not exist at site with URL '${srv.siteUrl}'.` });
  });

  it('[N-03] getList of a URL where no list is: 404 File Not Found', async () => {
    const f = await failure(sp.web.getList('/sites/organisatiebeheersing/Lists/Nergens')());
    expect(f).toEqual({ status: 404, code: '-2147024894, System.IO.FileNotFoundException', message: 'File Not Found.' });
  });

  it('[G-02] a new site already has its Documents and Site Pages libraries', async () => {
    const lists = (await sp.web.lists.select('Title', 'BaseTemplate', 'RootFolder/ServerRelativeUrl').expand('RootFolder')()) as {
      Title: string;
      BaseTemplate: number;
      RootFolder: { ServerRelativeUrl: string };
    }[];
    const byTitle = (t: string): (typeof lists)[0] | undefined => lists.filter((l) => l.Title === t)[0];
    expect(byTitle('Documents')).toMatchObject({ BaseTemplate: 101, RootFolder: { ServerRelativeUrl: '/sites/organisatiebeheersing/Shared Documents' } });
    expect(byTitle('Site Pages')).toMatchObject({ BaseTemplate: 119, RootFolder: { ServerRelativeUrl: '/sites/organisatiebeheersing/SitePages' } });
  });

  it('[G-03] the item entity type comes from the list URL: SP.Data.<Name>ListItem', async () => {
    const l = (await proef().select('ListItemEntityTypeFullName')()) as { ListItemEntityTypeFullName: string };
    expect(l.ListItemEntityTypeFullName).toBe('SP.Data.ProefListItem');
  });

  it('[D-02] a write with an invalid form digest: 403 security validation', async () => {
    const r = await fetch(`${srv.siteUrl}/_api/web/lists/getByTitle('Proef')/items`, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-RequestDigest': '0x00,1 Jan 2020 00:00:00 -0000' },
      body: JSON.stringify({ Title: 'x' })
    });
    expect(r.status).toBe(403);
    const body = (await r.json()) as { 'odata.error': { code: string; message: { value: string } } };
    expect(body['odata.error'].code).toBe('-2130575251, Microsoft.SharePoint.SPException');
    expect(body['odata.error'].message.value).toBe(
      "The security validation for this page is invalid and might be corrupted. Please use your web browser's Back button to try your operation again."
    );
  });

  it('[D-01] contextinfo gives a digest valid for 1,800 seconds', async () => {
    const r = await fetch(`${srv.siteUrl}/_api/contextinfo`, { method: 'POST', headers: { Accept: 'application/json' } });
    const info = (await r.json()) as { FormDigestTimeoutSeconds: number; FormDigestValue: string; WebFullUrl: string };
    expect(info.FormDigestTimeoutSeconds).toBe(1800);
    expect(info.WebFullUrl).toBe(srv.siteUrl);
  });

  it('[U-03] getUserById of an unknown id: 500 "User cannot be found."', async () => {
    const f = await failure(sp.web.getUserById(890879070)());
    expect(f).toEqual({ status: 500, code: '-2146232832, Microsoft.SharePoint.SPException', message: 'User cannot be found.' });
  });

  it('[U-05] ensureUser of a login that is no account of the tenant: 400 "The specified user ... could not be found."', async () => {
    const login = 'i:0#.f|membership|niemand@elders.example';
    const f = await failure(sp.web.ensureUser(login));
    expect(f).toEqual({ status: 400, code: '-2146232832, Microsoft.SharePoint.SPException', message: `The specified user ${login} could not be found.` });
    const before = (await sp.web.siteUsers()).length;
    expect((await failure(sp.web.ensureUser('niemand'))).status).toBe(400);
    expect((await sp.web.siteUsers()).length).toBe(before);
    // An account of the tenant that is not yet a site user is added.
    expect(await sp.web.ensureUser('jan.peeters@stad.example')).toMatchObject({ Title: 'Jan Peeters', Email: 'jan.peeters@stad.example' });
  });

  it('[S-01] GetStorageEntity answers a tenant property, and odata.null for a key that is not set', async () => {
    const missing = await fetch(`${srv.siteUrl}/_api/web/GetStorageEntity('Organisatiebeheersing.Onbekend')`, { headers: { Accept: 'application/json;odata=nometadata' } });
    expect(missing.status).toBe(200);
    expect(await missing.json()).toEqual({ 'odata.null': true });
    await srv.store.setStorageEntity('Organisatiebeheersing.DataSite', srv.siteUrl, 'data site');
    for (const base of [srv.url, srv.siteUrl]) {
      const r = await fetch(`${base}/_api/web/GetStorageEntity('Organisatiebeheersing.DataSite')`, { headers: { Accept: 'application/json;odata=nometadata' } });
      expect(await r.json()).toEqual({ Value: srv.siteUrl, Comment: 'data site', Description: null });
    }
    const viaPnp = await sp.web.getStorageEntity('Organisatiebeheersing.DataSite');
    expect(viaPnp.Value).toBe(srv.siteUrl);
  });

  it('[S-01] a tenant property naming this server is answered with the loopback name the request used (localhost or 127.0.0.1)', async () => {
    await srv.store.setStorageEntity('Organisatiebeheersing.DataSite', srv.siteUrl, 'data site');
    const other = srv.siteUrl.replace('//localhost:', '//127.0.0.1:');
    expect(other).not.toBe(srv.siteUrl);
    const r = await fetch(`${other}/_api/web/GetStorageEntity('Organisatiebeheersing.DataSite')`, { headers: { Accept: 'application/json;odata=nometadata' } });
    expect((await r.json()).Value).toBe(other);
    // Another host's URL is answered as stored.
    await srv.store.setStorageEntity('Organisatiebeheersing.DataSite', 'https://contoso.sharepoint.com/sites/org', 'data site');
    const r2 = await fetch(`${other}/_api/web/GetStorageEntity('Organisatiebeheersing.DataSite')`, { headers: { Accept: 'application/json;odata=nometadata' } });
    expect((await r2.json()).Value).toBe('https://contoso.sharepoint.com/sites/org');
  });
});
