import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { chromium, Browser } from 'playwright-core';
import { createLocalServer } from '../../dev/server/index';
import { buildWorkbench, IBundle } from '../../dev/workbench/build';
import { workbenchRoutes } from '../../dev/workbench/routes';
import { recordDataSite, seedIfNew } from '../../dev/start';

let bundlesPromise: Promise<Record<string, IBundle>> | undefined;

/** The workbench bundle, built once per test file. */
export function bundles(): Promise<Record<string, IBundle>> {
  if (!bundlesPromise) bundlesPromise = buildWorkbench(false);
  return bundlesPromise;
}

export interface ISite {
  url: string;
  siteUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * A local site like `npm start` (provisioned and seeded over HTTP) on a free port.
 * With user 'reader', the data is seeded first as owner, then served read-only.
 */
export async function startSite(opts: { user?: 'owner' | 'member' | 'reader'; dataDir?: string; throttleEvery?: number } = {}): Promise<ISite> {
  const b = await bundles();
  const dataDir = opts.dataDir || fs.mkdtempSync(path.join(os.tmpdir(), 'orgb-e2e-'));
  const routes = workbenchRoutes(() => b);
  if (!opts.dataDir) {
    // Like npm start: the control team group comes from ensurePermissions in seedIfNew.
    const owner = await createLocalServer({ port: 0, dataDir, controlTeamGroup: false, extraRoutes: routes });
    // Without the example owners: these tests set the owners and deadlines they count themselves.
    await seedIfNew(owner.siteUrl, dataDir, () => undefined, { exampleOwners: false });
    await recordDataSite(owner);
    if (!opts.user || opts.user === 'owner') {
      if (!opts.throttleEvery) return { url: owner.url, siteUrl: owner.siteUrl, dataDir, stop: () => owner.close() };
    }
    await owner.close();
  }
  const srv = await createLocalServer({ port: 0, dataDir, user: opts.user, throttleEvery: opts.throttleEvery, extraRoutes: routes });
  return { url: srv.url, siteUrl: srv.siteUrl, dataDir, stop: () => srv.close() };
}

export const CHROMIUM_PATH: string = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (see README, browser tests)`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage'
    ]
  });
}

/** Starts Chromium and a local site before the file's tests and stops both after them. */
export function useBrowserAndSite(): { browser: Browser; site: ISite } {
  const ctx = {} as { browser: Browser; site: ISite };
  beforeAll(async () => {
    [ctx.browser, ctx.site] = await Promise.all([launchBrowser(), startSite()]);
  });
  afterAll(async () => {
    await ctx.browser?.close();
    await ctx.site?.stop();
  });
  return ctx;
}
