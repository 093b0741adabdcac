/** @jest-environment ./tests/dev/environment.js */
/**
 * The query rules the year view relies on (dev/server/FIDELITY.md, "Performance-relevant
 * query rules"), on a list past the 5,000-item list view threshold, through PnPjs.
 */
import { SPFI } from '@pnp/sp';
import '@pnp/sp/batching';
import { InjectHeaders } from '@pnp/queryable';
import { ITestServer } from '../helpers/localServer';
import { startWithBigList } from './fixtures';

let srv: ITestServer;
let sp: SPFI;
const N = 6000;

beforeAll(async () => {
  ({ srv, sp } = await startWithBigList([], Array.from({ length: N }, (_, i) => ({ Title: `Item ${i}`, Jaar: i < 5500 ? 2023 : 2000 + (i % 10) }))));
});
afterAll(() => srv.stop());

const groot = (s: SPFI = sp): ReturnType<SPFI['web']['lists']['getByTitle']> => s.web.lists.getByTitle('Groot');

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    return (e as { status: number }).status;
  }
}

describe('performance-relevant query rules (list of 6,000 items)', () => {
  it('[PQ-01] a filter on an indexed column works when its first clause selects at most 5,000 rows, and is refused (500) above', async () => {
    expect((await groot().items.select('Id').filter('Jaar eq 2005').top(5000)()).length).toBe(50);
    expect(await status(groot().items.select('Id').filter('Jaar eq 2023').top(5000)())).toBe(500);
  });

  it('[PQ-02] unfiltered pages by ID ($skiptoken p_ID, $top 5000) work at any list size, also several in one $batch', async () => {
    const [batched, execute] = sp.batched();
    const pages = [0, 5000].map((p) => (p === 0 ? groot(batched).items.select('Id').top(5000) : groot(batched).items.select('Id').top(5000).skip(p))());
    await execute();
    const [a, b] = await Promise.all(pages);
    expect(a).toHaveLength(5000);
    expect(b).toHaveLength(N - 5000);
    expect(b[0].Id).toBe(5001);
  });

  it('[PQ-03] ordering by ID (indexed) with $top 1 gives the last id on a big list', async () => {
    const last = await groot().items.select('Id').orderBy('Id', false).top(1)();
    expect(last).toEqual([expect.objectContaining({ Id: N })]);
  });

  it('[PQ-04] a filter of at most 100 ids joined by or selects just those rows on a big list', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => 10 + i * 50);
    const rows = await groot().items.select('Id').filter(ids.map((id) => `Id eq ${id}`).join(' or ')).top(5000)();
    expect(rows.map((r: { Id: number }) => r.Id)).toEqual(ids);
  });

  it('[PQ-05] odata=nometadata answers rows without per-row metadata (no odata.type, odata.id, odata.etag)', async () => {
    const rows = await groot().items.select('Id', 'Jaar').top(2).using(InjectHeaders({ Accept: 'application/json;odata=nometadata' }))();
    expect(rows.map((r: { Id: number; Jaar: number }) => [r.Id, r.Jaar])).toEqual([[1, 2023], [2, 2023]]);
    for (const r of rows) expect(Object.keys(r).filter((k) => k.indexOf('odata.') === 0)).toEqual([]);
  });
});
