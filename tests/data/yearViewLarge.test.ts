/** @jest-environment ./tests/dev/environment.js */
import { largeListActions } from '../../dev/largeList';
import { ensureSchema } from '../../src/data/ensureSchema';
import { importReportData } from '../../tools/data/importData';
import { createSp } from '../../tools/data/node';
import { clearPageLoads } from '../../src/data/pageLoads';
import { buildReport } from '../../src/model/report';
import { ITestServer, startTestServer } from '../helpers/localServer';
import { onPage, recordRequests } from '../helpers/pageContext';
import { EXPECTED_2022, loadSeedData } from '../helpers/seedData';

/**
 * 50,000 actions on top of the 2022 data (the bench's list): far past the 5,000-item list
 * view threshold, with 16,667 actions planned for 2023 (more than one filter may select).
 */
const EXTRA = 50000;
let srv: ITestServer;

/** Per domain id: realised in 2022 / earlier, planned for 2023 (the extra items only). */
function extraCounts(domainId: number): { realisedNew: number; realisedOlder: number; planned2023: number } {
  const out = { realisedNew: 0, realisedOlder: 0, planned2023: 0 };
  for (let i = 0; i < EXTRA; i++) {
    if ((i % 7) + 1 !== domainId) continue;
    if (i % 3 === 0) out.planned2023++;
    else if (2010 + (i % 13) === 2022) out.realisedNew++;
    else out.realisedOlder++;
  }
  return out;
}

beforeAll(async () => {
  srv = await startTestServer();
  const sp = createSp(srv.siteUrl);
  await ensureSchema(sp);
  await importReportData(sp, loadSeedData());
  await srv.store.addItems('Acties', largeListActions(EXTRA));
}, 120000);

afterAll(() => srv.stop());

describe('the year view past the list view threshold (50,170 actions)', () => {
  it('counts every domain right without a refused query, and reads titles only for the rows on the card', async () => {
    clearPageLoads();
    const { repository } = await onPage(srv.siteUrl);
    const rec = recordRequests();
    let view;
    try {
      view = await repository.loadYearView({ year: 2022 });
    } finally {
      rec.stop();
    }
    // No 500 reached the caller; the count pages after the first went in one $batch, and the
    // 16,687 rows of the year holding more rows than one filter may select were read by id
    // (100 ids a query, 100 queries a $batch: two more).
    expect(rec.log.every((r) => /\/_api\/\$batch$/.test(r.url))).toBe(true);
    expect(rec.log.length).toBeLessThanOrEqual(4);
    // Card fields (Onderdelen is one) came only for the rows on the card, not for the whole list.
    const cardRowsRead = rec.log.reduce((n, r) => n + (r.text.match(/"Onderdelen":/g) || []).length, 0);
    const onCard = new Set(buildReport(view.data, 2022).domains.flatMap((d) => d.realisationsNew.concat(d.planningNew).map((a) => a.id)));
    expect(cardRowsRead).toBe(onCard.size);
    const report = buildReport(view.data, 2022);
    report.domains.forEach((d, i) => {
      const extra = extraCounts(d.domain.id);
      const base = EXPECTED_2022[i];
      expect([d.realisationsNew.length, d.realisationsOlder.length, d.planningNew.length]).toEqual([
        base[1] + extra.realisedNew,
        base[2] + extra.realisedOlder,
        base[3] + extra.planned2023
      ]);
      expect(d.realisationsNew.concat(d.planningNew).every((a) => a.detail === 'card' && a.title !== '')).toBe(true);
      expect(d.realisationsOlder.every((a) => a.detail === 'count')).toBe(true);
    });
  }, 120000);

  it('reads the older titles of one domain by year (indexed filters), within the threshold', async () => {
    clearPageLoads();
    const { repository } = await onPage(srv.siteUrl);
    const view = await repository.loadYearView({ year: 2022 });
    const older = buildReport(view.data, 2022).domains[6].realisationsOlder;
    const rec = recordRequests();
    try {
      const titled = await repository.loadActionTitles(older.map((a) => a.id));
      expect(titled).toHaveLength(older.length);
      expect(titled.every((a) => a.title !== '')).toBe(true);
      expect(rec.log).toHaveLength(1);
    } finally {
      rec.stop();
    }
  }, 120000);
});
