/** @jest-environment ./tests/dev/environment.js */
import { ensureSchema } from '../../src/data/ensureSchema';
import { createNodeRepository, createSp } from '../../tools/data/node';
import { DEFAULT_SEED_DIR, loadSeed, loadSite } from '../../scripts/report';
import { ITestServer, startTestServer } from '../helpers/localServer';

const enc = (t: string): ArrayBuffer => new TextEncoder().encode(t).buffer as ArrayBuffer;

describe('npm run report: organisation name and year without flags', () => {
  let srv: ITestServer;
  beforeAll(async () => {
    srv = await startTestServer();
    await ensureSchema(createSp(srv.siteUrl));
  });
  afterAll(() => srv.stop());

  it('from a site: names the data site\'s title (as the web part does), not a city, and knows its final years', async () => {
    await createNodeRepository(srv.siteUrl, undefined, 'pieter').finaliseReport(2022, [{ name: 'Voortgangsrapport 2022.docx', format: 'Word', content: enc('x') }], false);
    const source = await loadSite(srv.siteUrl, undefined);
    expect(source.organisation).toBe('Organisatiebeheersing');
    expect(source.organisation).not.toContain('Mechelen');
    expect(source.finalYears).toEqual([2022]);
  });

  it('--from-seed: names the seed\'s own organisation', () => {
    const seed = loadSeed(DEFAULT_SEED_DIR);
    expect(seed.organisation).toBe('Stad Mechelen');
    expect(seed.data.domains.length).toBe(7);
  });
});
