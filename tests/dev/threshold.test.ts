/** @jest-environment ./tests/dev/environment.js */
import { SPFI } from '@pnp/sp';
import { ITestServer } from '../helpers/localServer';
import { startWithBigList } from './fixtures';

let srv: ITestServer;
let sp: SPFI;
const N = 6000;

beforeAll(async () => {
  ({ srv, sp } = await startWithBigList(
    [
      { internalName: 'Soort', displayName: 'Soort', type: 'Choice', choices: ['a', 'b'], indexed: true },
      { internalName: 'Notitie', displayName: 'Notitie', type: 'Text' }
    ],
    Array.from({ length: N }, (_, i) => ({ Title: `Item ${i}`, Jaar: 2000 + (i % 50), Soort: i < 5500 ? 'a' : 'b', Notitie: `n${i % 7}` }))
  ));
});
afterAll(() => srv.stop());

const groot = (): ReturnType<SPFI['web']['lists']['getByTitle']> => sp.web.lists.getByTitle('Groot');

async function failure(p: Promise<unknown>): Promise<{ status: number; body: { 'odata.error': { code: string; message: { value: string } } } }> {
  try {
    await p;
  } catch (e) {
    const err = e as { status: number; response: Response };
    return { status: err.status, body: await err.response.json() };
  }
  throw new Error('expected the request to fail');
}

describe('list view threshold (> 5,000 items)', () => {
  it('[L-01] refuses a filter on a non-indexed column with SharePoint’s 500', async () => {
    const f = await failure(groot().items.filter("Notitie eq 'n1'")());
    expect(f.status).toBe(500);
    expect(f.body['odata.error']).toEqual({
      code: '-2147024860, Microsoft.SharePoint.SPQueryThrottledException',
      message: { lang: 'en-US', value: 'The attempted operation is prohibited because it exceeds the list view threshold.' }
    });
  });

  it('[L-04] refuses ordering by a non-indexed column', async () => {
    expect((await failure(groot().items.orderBy('Notitie')())).status).toBe(500);
  });

  it('[L-05] allows a selective filter on an indexed column', async () => {
    const got = await groot().items.select('Id', 'Jaar').filter('Jaar eq 2010').top(5000)();
    expect(got).toHaveLength(N / 50);
    expect(got.every((g: { Jaar: number }) => g.Jaar === 2010)).toBe(true);
    const ordered = await groot().items.select('Id', 'Jaar').filter('Jaar ge 2048').orderBy('Jaar', false).top(5000)();
    expect(ordered[0].Jaar).toBe(2049);
  });

  it('[L-02] refuses when the first clause matches more than 5,000 items, even if later clauses narrow it', async () => {
    expect((await failure(groot().items.filter("Soort eq 'a' and Jaar eq 2010")())).status).toBe(500);
    const ok = await groot().items.select('Id').filter("Jaar eq 2010 and Soort eq 'a'").top(5000)();
    expect(ok.length).toBeGreaterThan(0);
  });

  it('[L-06] pages through everything by ID with $top 5000; a $top above 5,000 is refused here', async () => {
    const ids: number[] = [];
    for await (const page of groot().items.select('Id').top(5000)) ids.push(...page.map((p: { Id: number }) => p.Id));
    expect(ids).toHaveLength(N);
    expect(ids[N - 1]).toBe(N);
    const byId = await groot().items.select('Id').filter('Id gt 5990').top(100)();
    expect(byId).toHaveLength(10);
    const tooMany = await failure(groot().items.select('Id').top(5001)());
    expect(tooMany.status).toBe(500);
    expect(tooMany.body['odata.error'].code).toBe('-2147024860, Microsoft.SharePoint.SPQueryThrottledException');
  });
});
