/** @jest-environment ./tests/dev/environment.js */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/files';
import '@pnp/sp/folders';
import { Queryable } from '@pnp/queryable';
import { ensureSchema } from '../../src/data/ensureSchema';
import { createNodeRepository, createSp } from '../../tools/data/node';
import { IReportFile, ReportExistsError } from '../../src/data/IOrgRepository';
import { createDataAccess } from '../../src/data/createDataAccess';
import { IOrgRepository } from '../../src/data/IOrgRepository';
import { ITestServer, startTestServer } from '../helpers/localServer';

let srv: ITestServer;

beforeAll(async () => {
  srv = await startTestServer();
  await ensureSchema(createSp(srv.siteUrl));
});

afterAll(() => srv.stop());

const enc = (t: string): ArrayBuffer => new TextEncoder().encode(t).buffer as ArrayBuffer;

function files(year: number, tag: string): IReportFile[] {
  return [
    { name: `Voortgangsrapport ${year}.docx`, format: 'Word', content: enc(`word ${tag}`) },
    { name: `Voortgangsrapport ${year}.pptx`, format: 'PowerPoint', content: enc(`deck ${tag}`) },
    { name: `Voortgangsrapport ${year} - gegevens.json`, format: 'Gegevens', content: enc(JSON.stringify({ year, data: { domains: [], risks: [], actions: [], audits: [], recommendations: [], tag } })) }
  ];
}

function libraryNames(): string[] {
  return (srv.store.list('Rapporten')?.items || []).map((i) => (i.file ? i.file.Name : '')).sort();
}

/** A repository whose PnPjs calls run `hook` before the first request matching `match`. */
function repoWithHook(user: string, match: (url: string, init: RequestInit) => boolean, hook: () => Promise<void>): IOrgRepository {
  let fired = false;
  const sp: SPFI = createSp(srv.siteUrl, undefined, user).using((instance: Queryable) => {
    instance.on.pre(async function (url: string, init: RequestInit, result: unknown) {
      if (!fired && match(url, init)) {
        fired = true;
        await hook();
      }
      return [url, init, result];
    });
    return instance;
  });
  return createDataAccess(sp, srv.siteUrl, user).repository;
}

const isMerge = (_url: string, init: RequestInit): boolean => ((init.headers || {}) as Record<string, string>)['X-HTTP-Method'] === 'MERGE';
const isUpload = (url: string): boolean => /addUsingPath/i.test(url);

describe('finalising the report of a year', () => {
  it('stores Word, PowerPoint and the JSON snapshot under their final names, each with its year; nothing temporary remains', async () => {
    const repo = createNodeRepository(srv.siteUrl, undefined, 'pieter');
    expect((await repo.getPermissions()).canFinalise).toBe(true);
    const stored = await repo.finaliseReport(2021, files(2021, 'a'), false);
    expect(stored.map((r) => r.format)).toEqual(['Word', 'PowerPoint', 'Gegevens']);
    const listed = (await repo.getStoredReports()).filter((r) => r.year === 2021);
    expect(listed.map((r) => r.name).sort()).toEqual(['Voortgangsrapport 2021 - gegevens.json', 'Voortgangsrapport 2021.docx', 'Voortgangsrapport 2021.pptx']);
    expect(libraryNames().filter((n) => n.indexOf('~') === 0)).toEqual([]);
    const items = srv.store.list('Rapporten')?.items || [];
    expect(items.every((i) => i.values.Rapportjaar === 2021 && i.values.Definitief === true)).toBe(true);
    expect(((await repo.getReportSnapshot(2021)) as unknown as { tag: string }).tag).toBe('a');
  });

  it('[X-03] a second finalisation of the year asks first (ReportExistsError, nothing changed); replacing keeps the earlier one in the version history', async () => {
    const repo = createNodeRepository(srv.siteUrl, undefined, 'pieter');
    const before = JSON.stringify(srv.store.list('Rapporten'));
    await expect(repo.finaliseReport(2021, files(2021, 'b'), false)).rejects.toBeInstanceOf(ReportExistsError);
    expect(JSON.stringify(srv.store.list('Rapporten'))).toBe(before);
    await repo.finaliseReport(2021, files(2021, 'b'), true);
    const sp = createSp(srv.siteUrl);
    const file = sp.web.getFileByServerRelativePath('/sites/organisatiebeheersing/Rapporten/Voortgangsrapport 2021.docx');
    expect(await file.getText()).toBe('word b');
    const versions = await file.versions();
    // Setting a document's columns is a version of it too: the first report was uploaded (1.0) and got its columns
    // (2.0); replacing overwrote it (3.0) and set the columns again (the current 4.0). 2.0 is the earlier final report.
    expect(versions.map((v: { VersionLabel: string }) => v.VersionLabel)).toEqual(['1.0', '2.0', '3.0']);
    expect(versions[1]).toMatchObject({ ID: 1024, IsCurrentVersion: false, Length: '6', Size: 6 });
    const lib = srv.store.list('Rapporten');
    const doc = lib?.items.find((i) => i.file && i.file.Name === 'Voortgangsrapport 2021.docx');
    const v2 = doc?.history?.find((v) => v.major === 2);
    expect(v2 && v2.file ? v2.file.Length : undefined).toBe(6);
    expect(v2?.values).toMatchObject({ Rapportjaar: 2021, Definitief: true });
    expect(((await repo.getReportSnapshot(2021)) as unknown as { tag: string }).tag).toBe('b');
  });

  it('a failure between upload and metadata leaves no file without its year (the temporary upload is removed)', async () => {
    const repo = repoWithHook('pieter', isMerge, async () => {
      throw new Error('simulated network failure');
    });
    const before = libraryNames();
    await expect(repo.finaliseReport(2019, files(2019, 'x'), false)).rejects.toThrow(/simulated/);
    expect(libraryNames()).toEqual(before);
  });

  it('a failure half-way (the second file) removes the first one too: the library is as it was', async () => {
    let uploads = 0;
    const repo = repoWithHook(
      'pieter',
      (url) => isUpload(url) && ++uploads === 2,
      async () => {
        throw new Error('simulated failure on the deck');
      }
    );
    const before = libraryNames();
    await expect(repo.finaliseReport(2018, files(2018, 'y'), false)).rejects.toThrow(/simulated/);
    expect(libraryNames()).toEqual(before);
  });

  it('a single failed request after the commit (the deck\'s final upload) is finished in the same run: one complete new set, nothing temporary', async () => {
    await createNodeRepository(srv.siteUrl, undefined, 'ann').finaliseReport(2016, files(2016, 'old'), false);
    let failed = false;
    const repo = repoWithHook(
      'pieter',
      (url) => isUpload(url) && /decodedurl='Voortgangsrapport%202016\.pptx'|decodedurl='Voortgangsrapport 2016\.pptx'/i.test(url),
      async () => {
        failed = true;
        throw new Error('simulated network failure on the deck');
      }
    );
    const stored = await repo.finaliseReport(2016, files(2016, 'new'), true);
    expect(failed).toBe(true);
    expect(stored.map((r) => r.name)).toEqual(['Voortgangsrapport 2016.docx', 'Voortgangsrapport 2016.pptx', 'Voortgangsrapport 2016 - gegevens.json']);
    expect(libraryNames().filter((n) => n.indexOf('~') === 0)).toEqual([]);
    const sp = createSp(srv.siteUrl);
    const texts = await Promise.all(stored.map((r) => sp.web.getFileByServerRelativePath(decodeURI(new URL(r.url).pathname)).getText()));
    expect(texts.slice(0, 2)).toEqual(['word new', 'deck new']);
    expect(JSON.parse(texts[2]).data.tag).toBe('new');
  });

  it('[X-04] two users finalising the same year: the second never overwrites the first, gets ReportExistsError and leaves nothing behind', async () => {
    const ann = createNodeRepository(srv.siteUrl, undefined, 'ann');
    // Pieter read "no final report yet", then Ann finished first while he was uploading.
    const pieter = repoWithHook('pieter', isUpload, async () => {
      await ann.finaliseReport(2020, files(2020, 'ann'), false);
    });
    const err = await pieter.finaliseReport(2020, files(2020, 'pieter'), false).catch((e) => e);
    expect(err).toBeInstanceOf(ReportExistsError);
    expect((err as ReportExistsError).existing.map((r) => r.name)).toContain('Voortgangsrapport 2020.docx');
    expect(await createSp(srv.siteUrl).web.getFileByServerRelativePath('/sites/organisatiebeheersing/Rapporten/Voortgangsrapport 2020.docx').getText()).toBe('word ann');
    expect(libraryNames().filter((n) => n.indexOf('~') === 0)).toEqual([]);
  });

  it('[R-02] a reader cannot finalise through the API: 403, no button permission, library unchanged', async () => {
    const repo = createNodeRepository(srv.siteUrl, undefined, 'lees');
    expect((await repo.getPermissions()).canFinalise).toBe(false);
    const before = libraryNames();
    await expect(repo.finaliseReport(2017, files(2017, 'r'), false)).rejects.toMatchObject({ status: 403 });
    expect(libraryNames()).toEqual(before);
  });
});

describe('version history', () => {
  it('[X-05] provisioning turns versioning on for every list (50 major versions) and the library (100)', async () => {
    const sp = createSp(srv.siteUrl);
    const acties = await sp.web.getList('/sites/organisatiebeheersing/Lists/Acties').select('EnableVersioning', 'MajorVersionLimit')();
    expect(acties).toMatchObject({ EnableVersioning: true, MajorVersionLimit: 50 });
    const rapporten = await sp.web.getList('/sites/organisatiebeheersing/Rapporten').select('EnableVersioning', 'MajorVersionLimit')();
    expect(rapporten).toMatchObject({ EnableVersioning: true, MajorVersionLimit: 100 });
  });

  it('[X-01] keeps a version per item write: items(n)/versions lists the current one first, with its editor', async () => {
    const list = createSp(srv.siteUrl, undefined, 'ann').web.getList('/sites/organisatiebeheersing/Lists/Domeinen');
    const added = await list.items.add({ Title: 'Versietest' });
    await createSp(srv.siteUrl, undefined, 'pieter').web.getList('/sites/organisatiebeheersing/Lists/Domeinen').items.getById(added.Id).update({ Title: 'Versietest 2' });
    const versions = await list.items.getById(added.Id).versions();
    expect(versions.map((v: { VersionLabel: string; VersionId: number; IsCurrentVersion: boolean; Title: string }) => [v.VersionLabel, v.VersionId, v.IsCurrentVersion, v.Title])).toEqual([
      ['2.0', 1024, true, 'Versietest 2'],
      ['1.0', 512, false, 'Versietest']
    ]);
    expect(versions[0].Editor).toMatchObject({ LookupId: 8, LookupValue: 'Pieter De Smet' });
    expect(versions[0].Created).not.toMatch(/Z$/);
  });
});
