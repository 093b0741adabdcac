/** @jest-environment ./tests/dev/environment.js */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import { fieldSchemaXml } from '../../src/schema/schema';
import { startTestServer, ITestServer } from '../helpers/localServer';
import { pnp } from './fixtures';

let srv: ITestServer;
let sp: SPFI;
const folder = '/sites/organisatiebeheersing/Rapporten';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

beforeAll(async () => {
  srv = await startTestServer();
  sp = pnp(srv.siteUrl);
  await sp.web.lists.add('Rapporten', 'Rapporten', 101);
  await sp.web.lists.getByTitle('Rapporten').fields.createFieldAsXml(fieldSchemaXml({ internalName: 'Rapportjaar', displayName: 'Rapportjaar', type: 'Number', indexed: true }));
  await sp.web.lists.getByTitle('Rapporten').fields.createFieldAsXml(fieldSchemaXml({ internalName: 'Formaat', displayName: 'Formaat', type: 'Choice', choices: ['Word', 'PowerPoint'] }));
});
afterAll(() => srv.stop());

describe('document library files', () => {
  const bytes = new Uint8Array([80, 75, 3, 4, 0, 255, 10, 13, 1, 2, 3]);

  it('creates a library at the site root', async () => {
    const l = await sp.web.lists.getByTitle('Rapporten').select('BaseTemplate', 'EntityTypeName', 'RootFolder/ServerRelativeUrl').expand('RootFolder')();
    expect(l).toMatchObject({ BaseTemplate: 101, EntityTypeName: 'Rapporten', RootFolder: { ServerRelativeUrl: folder } });
  });

  it('uploads with addUsingPath, reads properties, content and the list item, and updates its metadata', async () => {
    const info = await sp.web.getFolderByServerRelativePath(folder).files.addUsingPath('Voortgangsrapport 2022.docx', bytes.buffer, { Overwrite: true });
    expect(info).toMatchObject({ Name: 'Voortgangsrapport 2022.docx', ServerRelativeUrl: `${folder}/Voortgangsrapport 2022.docx`, Length: String(bytes.length) });
    const file = sp.web.getFileByServerRelativePath(info.ServerRelativeUrl);
    expect(await file.select('Name', 'Length')()).toMatchObject({ Name: 'Voortgangsrapport 2022.docx' });
    expect(new Uint8Array(await file.getBuffer())).toEqual(bytes);
    const item = await file.getItem();
    await item.update({ Rapportjaar: 2022, Formaat: 'Word' });
    const items = await sp.web.lists.getByTitle('Rapporten').items.select('Id', 'FileLeafRef', 'FileRef', 'Rapportjaar', 'Formaat')();
    expect(items).toEqual([expect.objectContaining({ FileLeafRef: 'Voortgangsrapport 2022.docx', FileRef: `${folder}/Voortgangsrapport 2022.docx`, Rapportjaar: 2022, Formaat: 'Word' })]);
    const fields = await file.listItemAllFields.select('Rapportjaar')();
    expect(fields.Rapportjaar).toBe(2022);
  });

  it('lists files, finds one by name, overwrites it and refuses to overwrite without Overwrite', async () => {
    const files = await sp.web.getFolderByServerRelativePath(folder).files.select('Name')();
    expect(files.map((f: { Name: string }) => f.Name)).toEqual(['Voortgangsrapport 2022.docx']);
    const byName = await sp.web.getFolderByServerRelativePath(folder).files.getByUrl('Voortgangsrapport 2022.docx').select('Name')();
    expect(byName.Name).toBe('Voortgangsrapport 2022.docx');
    const v2 = new TextEncoder().encode('tweede versie');
    await sp.web.getFolderByServerRelativePath(folder).files.addUsingPath('Voortgangsrapport 2022.docx', v2, { Overwrite: true });
    expect(await sp.web.getFileByServerRelativePath(`${folder}/Voortgangsrapport 2022.docx`).getText()).toBe('tweede versie');
    await expect(sp.web.getFolderByServerRelativePath(folder).files.addUsingPath('Voortgangsrapport 2022.docx', v2, { Overwrite: false })).rejects.toMatchObject({ status: 400 });
    // metadata survives the overwrite
    const items = await sp.web.lists.getByTitle('Rapporten').items.select('Rapportjaar')();
    expect(items).toEqual([expect.objectContaining({ Rapportjaar: 2022 })]);
  });

  it('serves $value and the plain file URL with the right content type', async () => {
    const v = await fetch(`${srv.siteUrl}/_api/web/getFileByServerRelativePath(decodedUrl='${encodeURIComponent(folder + '/Voortgangsrapport 2022.docx')}')/$value`);
    expect(v.status).toBe(200);
    expect(v.headers.get('content-type')).toBe(DOCX);
    const plain = await fetch(`${srv.url}${encodeURI(folder + '/Voortgangsrapport 2022.docx')}`);
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-disposition')).toContain("filename*=UTF-8''Voortgangsrapport%202022.docx");
    expect(await plain.text()).toBe('tweede versie');
    expect((await fetch(`${srv.url}${folder}/bestaat-niet.docx`)).status).toBe(404);
  });

  it('answers 404 for a missing file and deletes files', async () => {
    await expect(sp.web.getFileByServerRelativePath(`${folder}/nope.docx`)()).rejects.toMatchObject({ status: 404 });
    await sp.web.getFolderByServerRelativePath(folder).files.addUsingPath('weg.pptx', new Uint8Array([1]), { Overwrite: true });
    await sp.web.getFileByServerRelativePath(`${folder}/weg.pptx`).delete();
    expect((await fetch(`${srv.url}${folder}/weg.pptx`)).status).toBe(404);
  });

  it('refuses items.add on a library', async () => {
    await expect(sp.web.lists.getByTitle('Rapporten').items.add({ Title: 'x' })).rejects.toMatchObject({ status: 400 });
  });
});
