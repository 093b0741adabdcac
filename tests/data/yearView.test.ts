/** @jest-environment ./tests/dev/environment.js */
import { ensureSchema } from '../../src/data/ensureSchema';
import { importReportData } from '../../tools/data/importData';
import { createSp } from '../../tools/data/node';
import { clearPageLoads } from '../../src/data/pageLoads';
import { clearCache } from '../../src/data/cache';
import { buildReport } from '../../src/model/report';
import { buildFigures } from '../../src/model/figures';
import { ITestServer, startTestServer } from '../helpers/localServer';
import { onPage, recordRequests } from '../helpers/pageContext';
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

function counts(report: ReturnType<typeof buildReport>): number[][] {
  return report.domains.map((d) => [d.risks.length, d.realisationsNew.length, d.realisationsOlder.length, d.planningNew.length, d.planningOlder.length]);
}

describe('first open of the cards: one request', () => {
  it('reads data, permissions, stored reports and the user in one $batch, with the digest of the page (no contextinfo)', async () => {
    const { repository } = await onPage(srv.siteUrl);
    const rec = recordRequests();
    try {
      const view = await repository.loadYearView({ year: 2022 });
      // What the cards and the report buttons ask next comes from the same answer.
      expect(await repository.getPermissions()).toMatchObject({ canEdit: true, canManageLists: true, canFinalise: true });
      expect(await repository.getStoredReports()).toEqual([]);
      expect(rec.log.map((r) => `${r.method} ${r.url}`)).toEqual([`POST ${srv.siteUrl}/_api/$batch`]);
      expect(view.year).toBe(2022);
      expect(view.permissions).toMatchObject({ canEdit: true, canManageLists: true, canFinalise: true });
      expect(view.currentUser && view.currentUser.title).toBeTruthy();
      expect(counts(buildReport(view.data, 2022))).toEqual(EXPECTED_2022);
    } finally {
      rec.stop();
    }
  });

  it('reads titles only for what the card shows; older items are counted, descriptions stay on the server', async () => {
    const { repository } = await onPage(srv.siteUrl);
    const view = await repository.loadYearView({ year: 2022 });
    const report = buildReport(view.data, 2022);
    for (const d of report.domains) {
      for (const a of d.realisationsNew.concat(d.planningNew)) {
        expect(a.detail).toBe('card');
        expect(a.title).not.toBe('');
      }
      for (const a of d.realisationsOlder.concat(d.planningOlder)) {
        expect(a.detail).toBe('count');
        expect(a.title).toBe('');
      }
    }
    expect(view.data.actions.every((a) => a.description === undefined)).toBe(true);
    expect(view.data.risks.every((r) => r.notes === undefined)).toBe(true);
  });

  it('without a configured year reads the year the data points at; a wrong first guess costs a second request, never wrong data', async () => {
    clearCache({ site: `view:${srv.siteUrl}`, user: 'test' });
    const { repository } = await onPage(srv.siteUrl);
    const rec = recordRequests();
    try {
      // Nothing cached, today in 2026: the first guess (2025) is not the latest year with realisations (2022).
      const view = await repository.loadYearView({ today: new Date(2026, 0, 10) });
      expect(view.year).toBe(2022);
      expect(rec.log).toHaveLength(2);
      expect(counts(buildReport(view.data, 2022))).toEqual(EXPECTED_2022);
      // Opened again: the year shown last time is the guess, so one request.
      clearPageLoads();
      rec.log.length = 0;
      await repository.loadYearView({ today: new Date(2026, 0, 10) });
      expect(rec.log).toHaveLength(1);
    } finally {
      rec.stop();
    }
  });
});

describe('read on demand', () => {
  it('reads the titles of a folded toggle when it opens, in one request', async () => {
    const { repository } = await onPage(srv.siteUrl);
    const view = await repository.loadYearView({ year: 2022 });
    const older = buildReport(view.data, 2022).domains[0].realisationsOlder;
    const rec = recordRequests();
    try {
      const titled = await repository.loadActionTitles(older.map((a) => a.id));
      expect(rec.log).toHaveLength(1);
      expect(titled.map((a) => a.id).sort((a, b) => a - b)).toEqual(older.map((a) => a.id).sort((a, b) => a - b));
      expect(titled.every((a) => a.title !== '' && a.detail === 'card')).toBe(true);
    } finally {
      rec.stop();
    }
  });

  it('reads one item with its description and ETag when its details open', async () => {
    const { repository } = await onPage(srv.siteUrl);
    const full = loadSeedData().actions.filter((a) => !!a.description)[0];
    const view = await repository.loadYearView({ year: 2022 });
    const onCard = view.data.actions.filter((a) => a.title === full.title)[0];
    const details = await repository.loadActionDetails(onCard.id);
    expect(details && details.description).toBeTruthy();
    expect(details && details.etag).toBeTruthy();
    expect(details && details.detail).toBeUndefined();
  });
});

describe('the homepage widget', () => {
  it('shares the read of the domain cards on the same page: one request for both', async () => {
    const page = await onPage(srv.siteUrl);
    const rec = recordRequests();
    try {
      const [view, summaryData] = await Promise.all([page.repository.loadYearView({ year: 2022 }), page.summary.loadSummary()]);
      expect(rec.log).toHaveLength(1);
      expect(buildFigures(summaryData, 2022, new Date(2023, 4, 15)).domains.map((d) => d.realised)).toEqual(EXPECTED_2022.map((e) => e[1]));
      expect(summaryData).toBe(view.data);
    } finally {
      rec.stop();
    }
  });

  it('alone reads counts only, in one request, and gets the same figures', async () => {
    const page = await onPage(srv.siteUrl);
    const rec = recordRequests();
    try {
      const data = await page.summary.loadSummary();
      expect(rec.log).toHaveLength(1);
      expect(data.actions.every((a) => a.title === '' && a.detail === 'count')).toBe(true);
      const summary = buildFigures(data, 2022, new Date(2023, 4, 15));
      expect(summary.domains.map((d) => [d.openHighRisks, d.realised, d.newPlanning])).toEqual(
        buildFigures(loadSeedData(), 2022, new Date(2023, 4, 15)).domains.map((d) => [d.openHighRisks, d.realised, d.newPlanning])
      );
    } finally {
      rec.stop();
    }
  });
});
