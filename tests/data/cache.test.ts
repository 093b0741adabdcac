/** @jest-environment ./tests/dev/environment.js */
import { ensureSchema } from '../../src/data/ensureSchema';
import { createNodeRepository, createSp } from '../../tools/data/node';
import { clearCache, MAX_AGE_MS, MAX_ENTRY_CHARS, readCache, writeCache } from '../../src/data/cache';
import { IReportData } from '../../src/model/types';
import { ITestServer, startTestServer } from '../helpers/localServer';

const data = (n: number): IReportData => ({ domains: [], risks: [], actions: [], audits: [], recommendations: [], n } as unknown as IReportData);

describe('the browser cache of report data', () => {
  it('is kept per site and user: data cached for one user is never read as another', () => {
    writeCache({ site: 'https://t/sites/a', user: 'pieter' }, data(1));
    expect(readCache({ site: 'https://t/sites/a', user: 'pieter' })).toBeDefined();
    expect(readCache({ site: 'https://t/sites/a', user: 'lees' })).toBeUndefined();
    expect(readCache({ site: 'https://t/sites/b', user: 'pieter' })).toBeUndefined();
    clearCache({ site: 'https://t/sites/a', user: 'pieter' });
  });

  it('expires after MAX_AGE_MS, and keeps nothing larger than the size cap', () => {
    const key = { site: 'https://t/sites/a', user: 'ann' };
    const then = new Date(2024, 0, 1);
    writeCache(key, data(1), then);
    expect(readCache(key, new Date(then.getTime() + MAX_AGE_MS - 1000))).toBeDefined();
    expect(readCache(key, new Date(then.getTime() + MAX_AGE_MS + 1000))).toBeUndefined();
    const big = { ...data(2), domains: [{ title: 'x'.repeat(MAX_ENTRY_CHARS) }] } as unknown as IReportData;
    writeCache(key, big);
    expect(readCache(key)).toBeUndefined();
  });
});

describe('the repository and the cache, against the local server', () => {
  let srv: ITestServer;
  beforeAll(async () => {
    srv = await startTestServer();
    await ensureSchema(createSp(srv.siteUrl));
  });
  afterAll(() => srv.stop());

  it('a load by one user paints instantly for that user only; a reader sees nothing cached by someone else', async () => {
    await createNodeRepository(srv.siteUrl, undefined, 'pieter').loadReportData();
    expect(createNodeRepository(srv.siteUrl, undefined, 'pieter').getCached()).toBeDefined();
    expect(createNodeRepository(srv.siteUrl, undefined, 'lees').getCached()).toBeUndefined();
  });

  it('drops the cached data when the server answers 401 or 403', async () => {
    const key = { site: srv.siteUrl, user: 'nobody' };
    writeCache(key, data(3));
    // 'nobody' is not in the local directory: the server answers 401.
    await expect(createNodeRepository(srv.siteUrl, undefined, 'nobody').loadReportData()).rejects.toMatchObject({ status: 401 });
    expect(readCache(key)).toBeUndefined();
  });
});
