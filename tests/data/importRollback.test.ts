/** @jest-environment ./tests/dev/environment.js */
import * as fs from 'fs';
import * as path from 'path';
import { ensureSchema } from '../../src/data/ensureSchema';
import { importReportData } from '../../tools/data/importData';
import { importObjectives } from '../../tools/data/importMaturity';
import { ImportValidationError, ImportWriteError } from '../../tools/data/importRun';
import { createSp } from '../../tools/data/node';
import { convertSeed, ISeedAudits, ISeedReport } from '../../tools/model/seed';
import { IObjectiveRow } from '../../tools/model/maturityImport';
import { LISTS } from '../../src/schema/schema';
import { ITestServer, startTestServer } from '../helpers/localServer';

const DATA = path.resolve(__dirname, '../../../shared/data');
const report = JSON.parse(fs.readFileSync(path.join(DATA, 'voortgangsrapport-2022.json'), 'utf8')) as ISeedReport;
const audits = JSON.parse(fs.readFileSync(path.join(DATA, 'audits-2022.json'), 'utf8')) as ISeedAudits;

let srv: ITestServer;
const realFetch = globalThis.fetch;

beforeAll(async () => {
  srv = await startTestServer();
  await ensureSchema(createSp(srv.siteUrl));
});

afterEach(() => {
  globalThis.fetch = realFetch;
});

afterAll(async () => {
  globalThis.fetch = realFetch;
  await srv.stop();
});

/** Every item of every list of the product: id, and values. */
function snapshot(): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const l of LISTS) out[l.title] = (srv.store.list(l.title)?.items || []).map((i) => ({ Id: i.Id, values: i.values }));
  return out;
}

function count(title: string): number {
  return (srv.store.list(title)?.items || []).length;
}

type Fault = (url: string, init: RequestInit | undefined, body: string) => Promise<Response> | undefined;

/** Wraps fetch: a write $batch whose body matches `which` gets the fault (on every attempt, so PnPjs' retries are used up). */
function failBatches(which: (body: string) => boolean, fault: Fault): { hits: () => number } {
  let hits = 0;
  globalThis.fetch = ((input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const body = typeof init?.body === 'string' ? init.body : '';
    if (/\/_api\/\$batch$/i.test(url) && which(body)) {
      hits++;
      const r = fault(url, init, body);
      if (r) return r;
    }
    return realFetch(input, init);
  }) as typeof fetch;
  return { hits: () => hits };
}

const unavailable: Fault = () => Promise.resolve(new Response('Service Unavailable', { status: 503 }));

/** The server writes the batch but its answer never arrives (connection reset). */
const answerLost: Fault = async (url, init) => {
  await realFetch(url, init);
  throw new TypeError('fetch failed');
};

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected the import to fail');
}

const objectiveRows = (n: number): IObjectiveRow[] => Array.from({ length: n }, (_, i) => ({ line: i + 2, theme: String(1 + (i % 3)), code: `${1 + (i % 3)}.${i + 1}`, text: `Doelstelling ${i + 1} (test)` }));

describe('npm run import-objectives: a write failing midway', () => {
  it('30 good rows and one code of 300 characters: nothing is written, not even the themes; the error names row and column', async () => {
    const before = snapshot();
    const rows = objectiveRows(30).concat([{ line: 32, theme: '3', code: 'C'.repeat(300), text: 'Te lang' }]);
    const result = await importObjectives(createSp(srv.siteUrl), rows);
    expect(result.created).toBe(0);
    expect(result.errors.map((e) => e.message)).toEqual([
      'regel 32, kolom code: de waarde mag maximaal 255 tekens bevatten (deze telt er 300). / row 32, column code: the value can contain at most 255 characters (this one has 300).'
    ]);
    expect(snapshot()).toEqual(before);
    expect(count('MaturiteitThemas')).toBe(0);
  });

  it('is undone when the server keeps answering 503 (retries used up): the themes and objectives it added are deleted again', async () => {
    const before = snapshot();
    // 11 themes, then objectives in batches of 20: the second batch of objectives fails.
    const fault = failBatches((b) => b.indexOf('Doelstelling 25 (test)') >= 0, unavailable);
    const err = await failure(importObjectives(createSp(srv.siteUrl), objectiveRows(45)));
    expect(fault.hits()).toBeGreaterThan(1);
    expect(err).toBeInstanceOf(ImportWriteError);
    expect((err as ImportWriteError).outcome).toBe('rolledBack');
    expect((err as ImportWriteError).written).toBe(31);
    expect(err.message).toMatch(/^De import is mislukt na 31 van 56 items .* de lijsten zijn zoals voorheen\. .* \/ The import failed after 31 of 56 items .* the lists are as before/);
    expect(snapshot()).toEqual(before);

    globalThis.fetch = realFetch;
    const again = await importObjectives(createSp(srv.siteUrl), objectiveRows(45));
    expect(again).toMatchObject({ created: 45, themesCreated: 11, errors: [] });
    expect(count('MaturiteitDoelstellingen')).toBe(45);
  });
});

describe('npm run import: the 2022 report', () => {
  it('a domain title over 255 characters: nothing is added, the error names the domain and field', async () => {
    const before = snapshot();
    const data = convertSeed(report, audits);
    data.domains[2].title = 'Voorkomen van fraude en fouten '.repeat(10);
    const err = await failure(importReportData(createSp(srv.siteUrl), data));
    expect(err).toBeInstanceOf(ImportValidationError);
    expect(err.message).toContain("domein 3 'Voorkomen van fraude en fouten Voorkomen van frau…', veld title: de waarde mag maximaal 255 tekens bevatten (deze telt er 310)");
    expect(err.message).toContain("domain 3 'Voorkomen van fraude en fouten Voorkomen van frau…', field title: the value can contain at most 255 characters");
    expect(err.message).toMatch(/er werd niets geïmporteerd.*nothing was imported/);
    expect(snapshot()).toEqual(before);
    expect(count('Domeinen')).toBe(0);
  });

  it('is undone when a batch of actions fails after retries', async () => {
    const before = snapshot();
    let actionBatches = 0;
    failBatches(
      (b) => /Lists(\/|%2F)Acties/i.test(b) && ++actionBatches >= 3,
      unavailable
    );
    const err = (await failure(importReportData(createSp(srv.siteUrl), convertSeed(report, audits)))) as ImportWriteError;
    expect(err).toBeInstanceOf(ImportWriteError);
    expect(err.outcome).toBe('rolledBack');
    expect(err.written).toBeGreaterThan(70);
    expect(snapshot()).toEqual(before);
  });

  it('is undone also when a batch was written but its answer was lost (the retries wrote it again): found by title among the new ids', async () => {
    const before = snapshot();
    let actionBatches = 0;
    const fault = failBatches((b) => /Lists(\/|%2F)Acties/i.test(b) && ++actionBatches >= 2, answerLost);
    const err = (await failure(importReportData(createSp(srv.siteUrl), convertSeed(report, audits)))) as ImportWriteError;
    expect(fault.hits()).toBe(3);
    expect(err.outcome).toBe('rolledBack');
    expect(snapshot()).toEqual(before);
  });

  it('when the server is gone midway nothing can be undone: the message says so, and a second run completes the import', async () => {
    const data = convertSeed(report, audits);
    let actionBatches = 0;
    failBatches(
      (b) => /Lists(\/|%2F)Acties/i.test(b) && ++actionBatches === 2,
      () => srv.stop(true).then(() => Promise.reject(new TypeError('fetch failed')))
    );
    const { dataDir, port } = srv;
    const err = (await failure(importReportData(createSp(srv.siteUrl), data))) as ImportWriteError;
    expect(err).toBeInstanceOf(ImportWriteError);
    expect(err.outcome).toBe('incomplete');
    expect(err.remaining).toBe(err.written);
    expect(err.message).toMatch(/het terugdraaien lukte niet .* Voer dezelfde import opnieuw uit: wat er al staat wordt overgeslagen en de rest aangevuld\. \/ .*Run the same import again/);

    globalThis.fetch = realFetch;
    const restarted = await startTestServer({ dataDir, port });
    const stop = restarted.stop;
    srv = { ...restarted, stop: async () => { await stop(); fs.rmSync(dataDir, { recursive: true, force: true }); } };
    expect(count('Acties')).toBe(20);
    const second = await importReportData(createSp(srv.siteUrl), data);
    expect(second.actions.created).toBe(data.actions.length - 20);
    expect(count('Domeinen')).toBe(7);
    expect(count('Risicos')).toBe(data.risks.length);
    expect(count('Audits')).toBe(data.audits.length);
    expect(count('Acties')).toBe(data.actions.length);
    const third = await importReportData(createSp(srv.siteUrl), data);
    expect(third.actions.created + third.domains.created + third.risks.created + third.audits.created).toBe(0);
  });
});
