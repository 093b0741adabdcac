/** @jest-environment ./tests/dev/environment.js */
import { ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SPFI } from '@pnp/sp';
import '@pnp/sp/files';
import { Queryable } from '@pnp/queryable';
import { ensureSchema } from '../../src/data/ensureSchema';
import { createNodeRepository, createSp } from '../../tools/data/node';
import { IReportFile, IStoredReport } from '../../src/data/IOrgRepository';
import { createDataAccess } from '../../src/data/createDataAccess';
import { IOrgRepository } from '../../src/data/IOrgRepository';
import { IItem } from '../../dev/server/store';
import { ITestServer, startServerProcess, startTestServer } from '../helpers/localServer';

/*
 * "Definitief maken" stopped dead after each of its SharePoint requests in turn (the process is
 * gone: no later request, not even its own clean-up, reaches SharePoint), then the cards' load-time
 * repair and the next finalisation. Stopping before request N is the same, seen from the library,
 * as a kill -9 after request N-1 was answered (or after N reached the server and its answer was lost).
 */

let srv: ITestServer;

beforeAll(async () => {
  srv = await startTestServer();
  await ensureSchema(createSp(srv.siteUrl));
});

afterAll(() => srv.stop());

const enc = (t: string): ArrayBuffer => new TextEncoder().encode(t).buffer as ArrayBuffer;
const FOLDER = '/sites/organisatiebeheersing/Rapporten';

function files(year: number, tag: string): IReportFile[] {
  return [
    { name: `Voortgangsrapport ${year}.docx`, format: 'Word', content: enc(`word ${tag}`) },
    { name: `Voortgangsrapport ${year}.pptx`, format: 'PowerPoint', content: enc(`deck ${tag}`) },
    { name: `Voortgangsrapport ${year} - gegevens.json`, format: 'Gegevens', content: enc(JSON.stringify({ year, data: { domains: [], risks: [], actions: [], audits: [], recommendations: [] }, tag })) }
  ];
}

/** A repository whose process stops before its `stopAt`-th SharePoint request (Infinity: never). */
function stoppingRepo(stopAt: number): { repo: IOrgRepository; requests: () => number } {
  let n = 0;
  const sp: SPFI = createSp(srv.siteUrl, undefined, 'pieter').using((instance: Queryable) => {
    instance.on.pre(async function (url: string, init: RequestInit, result: unknown) {
      if (++n >= stopAt) throw new Error('process stopped');
      return [url, init, result];
    });
    return instance;
  });
  return { repo: createDataAccess(sp, srv.siteUrl, `pieter-${stopAt}`).repository, requests: () => n };
}

function items(): IItem[] {
  return srv.store.list('Rapporten')?.items || [];
}

async function text(serverRelative: string): Promise<string> {
  return createSp(srv.siteUrl, undefined, 'lees').web.getFileByServerRelativePath(serverRelative).getText();
}

/** The tag of a file's content ("word old" -> old; the snapshot's JSON tag). */
function tagOf(content: string): string {
  return content.charAt(0) === '{' ? (JSON.parse(content) as { tag: string }).tag : content.replace(/^(word|deck) /, '');
}

/** What a reader's cards link to for `year`: nothing, or three files of one finalisation (returns its tag). */
async function readerSees(year: number): Promise<string | undefined> {
  const reports = (await createNodeRepository(srv.siteUrl, undefined, 'lees').getStoredReports()).filter((r: IStoredReport) => r.year === year);
  if (reports.length === 0) return undefined;
  expect(reports.map((r) => r.format).sort()).toEqual(['Gegevens', 'PowerPoint', 'Word']);
  const tags = await Promise.all(reports.map(async (r) => tagOf(await text(decodeURI(new URL(r.url).pathname)))));
  expect(new Set(tags).size).toBe(1);
  return tags[0];
}

/** The library for `year` after a repair: no staged file at all, and none or one complete set with Definitief = ja. */
async function librarySet(year: number): Promise<{ tag: string; setId: string } | undefined> {
  expect(items().filter((i) => /^~/.test(i.file?.Name || '')).map((i) => i.file?.Name)).toEqual([]);
  const finals = items().filter((i) => i.values.Rapportjaar === year && i.values.Definitief === true);
  if (finals.length === 0) {
    expect(items().filter((i) => (i.file?.Name || '').indexOf(`Voortgangsrapport ${year}`) === 0)).toEqual([]);
    return undefined;
  }
  expect(finals.map((i) => i.file?.Name).sort()).toEqual([`Voortgangsrapport ${year} - gegevens.json`, `Voortgangsrapport ${year}.docx`, `Voortgangsrapport ${year}.pptx`]);
  const setIds = new Set(finals.map((i) => i.values.Finalisatie));
  expect(setIds.size).toBe(1);
  const setId = finals[0].values.Finalisatie as string;
  expect(setId).toMatch(/^[0-9a-z]+$/);
  const tags = await Promise.all(finals.map(async (i) => tagOf(await text(`${FOLDER}/${i.file?.Name}`))));
  expect(new Set(tags).size).toBe(1);
  return { tag: tags[0], setId };
}

/** The Word note's earlier versions: their Finalisatie and content. */
function wordHistory(year: number): Array<{ setId: unknown; final: unknown; content: string }> {
  const lib = srv.store.list('Rapporten');
  const doc = items().find((i) => i.file?.Name === `Voortgangsrapport ${year}.docx`);
  return (doc?.history || []).map((v) => ({
    setId: v.values.Finalisatie,
    final: v.values.Definitief,
    content: v.file ? fs.readFileSync(path.join(srv.dataDir, 'files', lib?.meta.Id as string, `${v.file.contentId}.bin`), 'utf8') : ''
  }));
}

async function cleanRunRequests(year: number, replace: boolean): Promise<number> {
  const clean = stoppingRepo(Infinity);
  await clean.repo.finaliseReport(year, files(year, 'probe'), replace);
  return clean.requests();
}

describe('"Definitief maken" stopped after every step', () => {
  it('a first finalisation: readers never see a mix; the cards on load and the next finalisation leave one complete set', async () => {
    const steps = await cleanRunRequests(2001, false);
    expect(steps).toBeGreaterThanOrEqual(12);
    const outcomes = new Set<string>();
    for (let stopAt = 1; stopAt <= steps; stopAt++) {
      const year = 2001 + stopAt;
      await expect(stoppingRepo(stopAt).repo.finaliseReport(year, files(year, 'crash'), false)).rejects.toThrow(/process stopped/);
      // Before anyone repairs: nothing, or the whole new set (served from its staged copies once committed).
      const seen = await readerSees(year);
      expect([undefined, 'crash']).toContain(seen);

      // The cards on load, for a control-team member: the library as they read it, then the repair.
      const leftovers = items().filter((i) => /^~definitief-/.test(i.file?.Name || '')).length;
      const ann = createNodeRepository(srv.siteUrl, undefined, 'ann');
      await ann.getStoredReports();
      const repaired = await ann.repairFinalisations(true);
      const after = await librarySet(year);
      expect(after ? after.tag : undefined).toBe(seen);
      // A committed run is finished, an uncommitted one removed; the repair says which (the cards show it).
      expect(repaired).toEqual(leftovers === 0 ? { removed: 0, completedYears: [] } : seen ? { removed: 0, completedYears: [year] } : { removed: leftovers, completedYears: [] });
      outcomes.add(seen === undefined ? 'rolled back' : 'rolled forward');

      // The next finalisation of the year.
      await createNodeRepository(srv.siteUrl, undefined, 'sofie').finaliseReport(year, files(year, 'next'), after !== undefined);
      expect((await librarySet(year))?.tag).toBe('next');
      expect(await readerSees(year)).toBe('next');
    }
    expect(Array.from(outcomes).sort()).toEqual(['rolled back', 'rolled forward']);
  }, 300000);

  it('a first finalisation stopped at each step: the next finalisation alone (no cards in between) removes the leftovers', async () => {
    const steps = await cleanRunRequests(2040, false);
    for (let stopAt = 1; stopAt <= steps; stopAt++) {
      const year = 2040 + stopAt;
      await expect(stoppingRepo(stopAt).repo.finaliseReport(year, files(year, 'crash'), false)).rejects.toThrow(/process stopped/);
      const seen = await readerSees(year);
      // The user tries again: when the interrupted run had committed it is finished first, and this one replaces it.
      await createNodeRepository(srv.siteUrl, undefined, 'sofie').finaliseReport(year, files(year, 'next'), seen !== undefined);
      expect((await librarySet(year))?.tag).toBe('next');
    }
  }, 300000);

  it('"Vervangen": readers see the old set or the new one, never a mix; after the repair one complete set, the old one in the version history', async () => {
    const steps = await cleanRunRequests(2070, true);
    const outcomes = new Set<string>();
    for (let stopAt = 1; stopAt <= steps; stopAt++) {
      const year = 2070 + stopAt;
      await createNodeRepository(srv.siteUrl, undefined, 'ann').finaliseReport(year, files(year, 'old'), false);
      const old = (await librarySet(year)) as { tag: string; setId: string };
      await expect(stoppingRepo(stopAt).repo.finaliseReport(year, files(year, 'newer'), true)).rejects.toThrow(/process stopped/);
      const seen = await readerSees(year);
      expect(['old', 'newer']).toContain(seen);
      outcomes.add(seen as string);

      const ann = createNodeRepository(srv.siteUrl, undefined, 'ann');
      await ann.getStoredReports();
      await ann.repairFinalisations(true);
      const after = (await librarySet(year)) as { tag: string; setId: string };
      expect(after.tag).toBe(seen);
      if (after.tag === 'newer') {
        // Replaced: the old final report is restorable from the version history.
        expect(wordHistory(year)).toContainEqual({ setId: old.setId, final: true, content: 'word old' });
      } else {
        expect(after.setId).toBe(old.setId);
      }

      await createNodeRepository(srv.siteUrl, undefined, 'sofie').finaliseReport(year, files(year, 'next'), true);
      expect((await librarySet(year))?.tag).toBe('next');
      expect(wordHistory(year)).toContainEqual({ setId: old.setId, final: true, content: 'word old' });
    }
    expect(Array.from(outcomes).sort()).toEqual(['newer', 'old']);
  }, 300000);
});


describe('"Vervangen" with the SharePoint server killed (-9) in the middle', () => {
  // While staging (after the first temporary upload) and while swapping (the deck's final name about to be overwritten).
  const KILL_POINTS: Array<[string, RegExp]> = [
    ['staging', /addUsingPath\(decodedurl='~definitief-[0-9a-z]+-Voortgangsrapport 2024\.pptx'/i],
    ['swapping', /addUsingPath\(decodedurl='Voortgangsrapport 2024\.pptx'/i]
  ];

  it.each(KILL_POINTS)('killed while %s: after a restart the cards repair it to one complete set; the old report is in the version history', async (_label, killAt) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-sp-finalise-kill-'));
    const saved = srv;
    let running: ChildProcess | undefined;
    try {
      const { child, siteUrl } = await startServerProcess(dataDir);
      running = child;
      const exited = new Promise((r) => child.on('exit', r));
      await ensureSchema(createSp(siteUrl));
      await createNodeRepository(siteUrl, undefined, 'ann').finaliseReport(2024, files(2024, 'old'), false);
      let killed = false;
      const sp: SPFI = createSp(siteUrl, undefined, 'pieter').using((instance: Queryable) => {
        instance.on.pre(async function (url: string, init: RequestInit, result: unknown) {
          if (!killed && killAt.test(decodeURIComponent(url))) {
            killed = true;
            process.kill(-(child.pid as number), 'SIGKILL');
            await exited;
          }
          return [url, init, result];
        });
        return instance;
      });
      await expect(createDataAccess(sp, siteUrl, 'pieter-kill').repository.finaliseReport(2024, files(2024, 'newer'), true)).rejects.toThrow();
      expect(killed).toBe(true);
      child.stdout?.destroy();
      child.stderr?.destroy();

      srv = await startTestServer({ dataDir });
      try {
        const seen = await readerSees(2024);
        expect(seen).toBe(_label === 'staging' ? 'old' : 'newer');
        const ann = createNodeRepository(srv.siteUrl, undefined, 'ann');
        await ann.getStoredReports();
        const repaired = await ann.repairFinalisations(true);
        expect(repaired.removed + repaired.completedYears.length).toBeGreaterThan(0);
        expect((await librarySet(2024))?.tag).toBe(seen);
        await createNodeRepository(srv.siteUrl, undefined, 'sofie').finaliseReport(2024, files(2024, 'next'), true);
        expect((await librarySet(2024))?.tag).toBe('next');
        expect(wordHistory(2024).map((v) => v.content)).toContain('word old');
      } finally {
        await srv.stop(true);
      }
    } finally {
      if (running && running.exitCode === null && running.signalCode === null) process.kill(-(running.pid as number), 'SIGKILL');
      srv = saved;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90000);
});
