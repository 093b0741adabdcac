/**
 * npm run bench: prints performance figures (no pass/fail). Everything runs against
 * local servers on free ports with temporary data folders.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { createLocalServer } from '../dev/server/index';
import { buildWorkbench } from '../dev/workbench/build';
import { workbenchRoutes } from '../dev/workbench/routes';
import { seedIfNew } from '../dev/start';
import { createSp, createNodeRepository } from '../src/data/node';
import { ensureSchema } from '../src/data/ensureSchema';
import { buildReport } from '../src/model/report';
import { convertSeed, ISeedAudits, ISeedReport } from '../src/model/seed';

const counter = { requests: 0, bytes: 0 };
const realFetch = globalThis.fetch;
globalThis.fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
  counter.requests++;
  const res = await realFetch(input, init);
  const body = await res.clone().arrayBuffer();
  counter.bytes += body.byteLength;
  return res;
}) as typeof fetch;

function measure(): () => { requests: number; bytes: number } {
  const start = { ...counter };
  return () => ({ requests: counter.requests - start.requests, bytes: counter.bytes - start.bytes });
}

const kb = (n: number): string => `${(n / 1024).toFixed(1)} KB`;
const rows: string[][] = [];
const row = (...cells: string[]): void => {
  rows.push(cells);
};

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'orgb-bench-'));
}

/** The naive read the product avoids: per domain, every list read whole. */
async function naiveRead(siteUrl: string, domains: number): Promise<void> {
  const sp = createSp(siteUrl);
  for (let d = 0; d < domains; d++) {
    for (const title of ['Domeinen', 'Risicos', 'Acties', 'Audits']) {
      await sp.web.lists.getByTitle(title).items.top(5000)();
    }
  }
}

async function withSite<T>(fn: (siteUrl: string, store: Awaited<ReturnType<typeof createLocalServer>>['store']) => Promise<T>, seed: boolean = true): Promise<T> {
  const dir = tmp();
  const srv = await createLocalServer({ port: 0, dataDir: dir });
  try {
    if (seed) await seedIfNew(srv.siteUrl, dir, () => undefined);
    else await ensureSchema(createSp(srv.siteUrl));
    return await fn(srv.siteUrl, srv.store);
  } finally {
    await srv.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function openCards(siteUrl: string): Promise<{ requests: number; bytes: number; ms: number }> {
  const repo = createNodeRepository(siteUrl);
  const m = measure();
  const t = Date.now();
  await repo.loadReportData();
  return { ...m(), ms: Date.now() - t };
}

async function scale(actions: number): Promise<void> {
  await withSite(async (siteUrl, store) => {
    const bodies = [];
    for (let i = 0; i < actions; i++) {
      const realised = i % 3 !== 0;
      bodies.push({
        Title: `Actie ${i + 1}`,
        DomeinenId: [(i % 7) + 1],
        ActieStatus: realised ? 'Gerealiseerd' : 'Gepland',
        JaarGerealiseerd: realised ? 2010 + (i % 13) : null,
        JaarGepland: realised ? null : 2023,
        Beschrijving: 'Beschrijving van de actie, zoals in het voortgangsrapport.'
      });
    }
    await store.addItems('Acties', bodies);
    await createSp(siteUrl).web(); // warm the digest
    const cards = await openCards(siteUrl);
    const m = measure();
    const t = Date.now();
    await naiveRead(siteUrl, 7);
    const naive = { ...m(), ms: Date.now() - t };
    row(`Open cards, ${actions + 170} actions`, `${cards.requests} req, ${kb(cards.bytes)}, ${cards.ms} ms`, `${naive.requests} req, ${kb(naive.bytes)}, ${naive.ms} ms (first 5,000 items a list)`);
  });
}

async function browserFigures(): Promise<void> {
  let chromium;
  try {
    chromium = (await import('playwright-core')).chromium;
  } catch {
    return;
  }
  if (!fs.existsSync('/usr/bin/chromium')) {
    row('Render in headless Chromium', 'skipped: apt-get install -y chromium', '');
    return;
  }
  const bundles = await buildWorkbench(false);
  const dir = tmp();
  const srv = await createLocalServer({ port: 0, dataDir: dir, extraRoutes: workbenchRoutes(() => bundles) });
  await seedIfNew(srv.siteUrl, dir, () => undefined);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'] });
  try {
    const page = await (await browser.newContext()).newPage();
    let apiRequests = 0;
    page.on('request', (r) => {
      if (r.url().indexOf('/_api/') >= 0) apiRequests++;
    });
    const t = Date.now();
    await page.goto(srv.url + '/workbench/domain-cards');
    await page.locator('section[aria-labelledby]').nth(6).waitFor();
    const first = Date.now() - t;
    const firstRequests = apiRequests;
    apiRequests = 0;
    // Re-open: cards painted from the cache before any API request is answered.
    await page.route('**/_api/**', async (route) => {
      await new Promise((r) => setTimeout(r, 1500));
      await route.continue();
    });
    const t2 = Date.now();
    await page.reload();
    await page.locator('section[aria-labelledby]').nth(6).waitFor();
    const reopen = Date.now() - t2;
    row('First open in Chromium (7 cards visible)', `${first} ms, ${firstRequests} API requests`, '');
    row('Re-open in Chromium (from cache)', `${reopen} ms with every API answer held back 1.5 s: painted from the cache`, '');
  } finally {
    await browser.close();
    await srv.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function bundleSizes(): void {
  const dist = path.resolve(__dirname, '../dist');
  if (!fs.existsSync(dist)) {
    row('Bundle sizes', 'run `npm run build` first', '');
    return;
  }
  for (const f of fs.readdirSync(dist).filter((x) => /^(domain-cards-web-part|summary-web-part|chunk\.report|chunk\.\d+).*\.js$/.test(x))) {
    const buf = fs.readFileSync(path.join(dist, f));
    if (buf.length < 1000) continue;
    row(`Bundle ${f.replace(/_[0-9a-f]+\.js$/, '')}`, `${kb(buf.length)}, ${kb(zlib.gzipSync(buf).length)} gzipped`, '');
  }
}

async function reportTimes(): Promise<void> {
  Object.defineProperty(process, 'release', { value: { ...process.release }, configurable: true });
  const lib = await import('../src/report/index');
  const dataDir = path.resolve(__dirname, '../../shared/data');
  const data = convertSeed(
    JSON.parse(fs.readFileSync(path.join(dataDir, 'voortgangsrapport-2022.json'), 'utf8')) as ISeedReport,
    JSON.parse(fs.readFileSync(path.join(dataDir, 'audits-2022.json'), 'utf8')) as ISeedAudits
  );
  const report = buildReport(data, 2022);
  for (const kind of ['docx', 'pptx']) {
    const times: number[] = [];
    let size = 0;
    for (let i = 0; i < 5; i++) {
      const t = Date.now();
      const bytes = kind === 'docx' ? await lib.buildWordReport(report, { organisation: 'Stad Mechelen' }) : await lib.buildSlideDeck(report, { organisation: 'Stad Mechelen' });
      times.push(Date.now() - t);
      size = bytes.length;
    }
    times.sort((a, b) => a - b);
    row(`Report 2022 ${kind}`, `median ${times[2]} ms (range ${times[0]}-${times[4]} ms over 5 runs), ${kb(size)}`, '');
  }
}

async function main(): Promise<void> {
  console.log('Organisatiebeheersing – benchmark (local server, this machine)\n');
  await withSite(async (siteUrl) => {
    await createSp(siteUrl).web();
    const fresh = await openCards(siteUrl);
    const m = measure();
    const t = Date.now();
    await naiveRead(siteUrl, 7);
    row('Open cards, 2022 data (170 actions)', `${fresh.requests} req ($batch), ${kb(fresh.bytes)}, ${fresh.ms} ms`, `${m().requests} req, ${kb(m().bytes)}, ${Date.now() - t} ms`);
    const repo = createNodeRepository(siteUrl);
    const m2 = measure();
    const cached = repo.getCached();
    row('Re-open: requests before first paint', `${m2().requests} (cache: ${cached ? cached.actions.length : 0} actions)`, 'n/a (no cache)');
  });
  const digest = await withSite(async (siteUrl) => {
    const m = measure();
    await createNodeRepository(siteUrl).loadReportData();
    return m().requests;
  });
  row('Open on a new site (PnPjs caches the digest per process)', `${digest} req`, '');
  for (const n of [300, 6000, 50000]) await scale(n);
  await browserFigures();
  bundleSizes();
  await reportTimes();

  const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => (r[i] || '').length), ['What', 'Product', 'Naive read'][i].length));
  const line = (r: string[]): string => '| ' + r.map((c, i) => (c || '').padEnd(widths[i])).join(' | ') + ' |';
  console.log(line(['What', 'Product', 'Naive read (per domain, every list whole)']));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(line(r));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
