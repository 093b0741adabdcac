/** @jest-environment ./tests/dev/environment.js */
/**
 * The product's $batch reads and writes against SharePoint's batch limits (FIDELITY B-11, B-12)
 * and a part that times out (B-13): retried, else "SharePoint is busy", never partial data.
 */
import { ensureSchema } from '../../src/data/ensureSchema';
import { importReportData } from '../../tools/data/importData';
import { IMPORT_BATCH_BODY_BYTES, runImport } from '../../tools/data/importRun';
import { createNodeRepository, createSp } from '../../tools/data/node';
import { clearPageLoads } from '../../src/data/pageLoads';
import { isServerBusy } from '../../src/data/errors';
import { PnPSummarySource } from '../../src/data/summarySource';
import { PnPMaturityRepository } from '../../src/data/PnPMaturityRepository';
import { readByIds, PARTS_PER_BATCH } from '../../src/data/yearLoad';
import { ITEM_QUERIES } from '../../src/data/queries';
import { buildReport } from '../../src/model/report';
import { IReportData } from '../../src/model/types';
import { ITestServer, startTestServer, startTestServerOnCopy } from '../helpers/localServer';
import { EXPECTED_2022, loadSeedData } from '../helpers/seedData';

let srv: ITestServer;

beforeAll(async () => {
  srv = await startTestServer();
  const sp = createSp(srv.siteUrl);
  await ensureSchema(sp);
  await importReportData(sp, loadSeedData());
});

afterAll(() => srv.stop());

beforeEach(() => clearPageLoads());

function counts(data: IReportData, year: number): number[][] {
  return buildReport(data, year).domains.map((d) => [d.risks.length, d.realisationsNew.length, d.realisationsOlder.length, d.planningNew.length, d.planningOlder.length]);
}

/** What the screens read, from a server as given. */
async function readEverything(siteUrl: string): Promise<unknown> {
  const sp = createSp(siteUrl);
  const view = await createNodeRepository(siteUrl).loadYearView({ year: 2022 });
  clearPageLoads();
  const all = await createNodeRepository(siteUrl).loadReportData();
  clearPageLoads();
  const summary = await new PnPSummarySource(sp, siteUrl, 'timeouts').loadSummary();
  const results = await new PnPMaturityRepository(sp, siteUrl).loadResults();
  return { view: { year: view.year, data: view.data, permissions: view.permissions, reports: view.reports }, all, summary, results };
}

describe('a batch part that times out', () => {
  it('[B-13] is asked again: cards, report data, widget and maturity results are complete when every 3rd part times out', async () => {
    const expected = await readEverything(srv.siteUrl);
    expect(counts((expected as { view: { data: IReportData } }).view.data, 2022)).toEqual(EXPECTED_2022);
    clearPageLoads();
    const slow = await startTestServerOnCopy(srv.dataDir, { batchPartTimeoutEvery: 3 });
    try {
      expect(await readEverything(slow.siteUrl)).toEqual(expected);
    } finally {
      await slow.stop();
    }
  });

  it('[B-13] when every part keeps timing out, the cards fail as "SharePoint is busy", with no partial data', async () => {
    const stuck = await startTestServerOnCopy(srv.dataDir, { batchPartTimeoutEvery: 1 });
    try {
      const repository = createNodeRepository(stuck.siteUrl);
      const error = await repository.loadYearView({ year: 2022 }).then(
        () => undefined,
        (e: unknown) => e
      );
      expect(error).toBeDefined();
      expect(isServerBusy(error)).toBe(true);
      clearPageLoads();
      const summary = await new PnPSummarySource(createSp(stuck.siteUrl), stuck.siteUrl, 'stuck').loadSummary().then(
        () => 'answered',
        (e: unknown) => isServerBusy(e)
      );
      expect(summary).toBe(true);
      const results = await new PnPMaturityRepository(createSp(stuck.siteUrl), stuck.siteUrl).loadResults().then(
        () => 'answered',
        (e: unknown) => isServerBusy(e)
      );
      expect(results).toBe(true);
    } finally {
      await stuck.stop();
    }
  });
});

describe('batch limits', () => {
  it('[B-11] reads by id in batches of at most 100 queries, also for more than 100 queries of ids', async () => {
    const sp = createSp(srv.siteUrl);
    const existing = (await sp.web.lists.getByTitle('Acties').items.select('Id').top(5000)()) as { Id: number }[];
    // 101 queries of 100 ids: more than one $batch may hold.
    const ids = existing.map((r) => r.Id).concat(Array.from({ length: 100 * PARTS_PER_BATCH + 50 }, (_, i) => 100000 + i));
    const rows = await readByIds(sp, ITEM_QUERIES.cardActions, ids);
    expect(rows.map((r) => r.Id)).toEqual(existing.map((r) => r.Id));
  });

  it('[B-12] an import with long texts splits its $batch so no batch body passes 1 MB', async () => {
    const long = 'Criterium met een lange uitleg. '.repeat(3000); // ~96 KB a domain
    const adds = Array.from({ length: 20 }, (_, i) => ({
      ref: `lang-${i}`,
      list: 'domains',
      body: { Title: `Lang domein ${i}`, Volgorde: 50 + (i % 40), Criteria: long },
      source: { nl: `domein ${i}`, en: `domain ${i}` }
    }));
    const sp = createSp(srv.siteUrl);
    const bodies: number[] = [];
    const realFetch = globalThis.fetch;
    globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes('$batch') && typeof init?.body === 'string') bodies.push(Buffer.byteLength(init.body));
      return realFetch(input, init);
    }) as typeof fetch;
    let ids: Record<string, number>;
    try {
      ids = await runImport(sp, adds, { existing: { domains: [] } });
    } finally {
      globalThis.fetch = realFetch;
    }
    expect(bodies.length).toBeGreaterThan(1);
    for (const b of bodies) expect(b).toBeLessThan(1024 * 1024);
    expect(IMPORT_BATCH_BODY_BYTES).toBeLessThan(1024 * 1024);
    const first = Math.min(...Object.values(ids));
    const stored = (await sp.web.lists.getByTitle('Domeinen').items.select('Id', 'Criteria').filter(`Id ge ${first}`)()) as { Criteria: string }[];
    expect(stored.filter((r) => r.Criteria === long)).toHaveLength(20);
  });
});
