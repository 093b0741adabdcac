/** @jest-environment ./tests/dev/environment.js */
/**
 * The list forms' SharePoint calls against the real local server, provisioned from the
 * schema like a tenant: the value shapes the forms write are accepted, etags give 412,
 * lookups and persons come back with titles, paging follows odata.nextLink.
 */
import { createSp } from '../../tools/data/node';
import { ensureSchema } from '../../src/data/ensureSchema';
import { getList } from '../../src/schema/schema';
import { validateItem } from '../../tools/schema/validation';
import { PnPListPageService, serverMessage, statusOf } from '../../dev/forms/service';
import { formFields, formValuesFromItem, newFormValues, restValuesFromForm } from '../../dev/forms/values';
import { startTestServer, ITestServer } from '../helpers/localServer';

let srv: ITestServer;
const actions = getList('actions');
const domains = getList('domains');
let service: PnPListPageService;

beforeAll(async () => {
  srv = await startTestServer();
  await ensureSchema(createSp(srv.siteUrl));
  await srv.store.addItems('Domeinen', [
    { Title: 'Organisatiecultuur', Volgorde: 1 },
    { Title: 'Bescherming activa', Volgorde: 7 },
    { Title: 'Bereiken doelstellingen', Volgorde: 2 }
  ]);
  service = new PnPListPageService(srv.siteUrl, actions, formFields(actions));
});
afterAll(() => srv.stop());

describe('list form service against the local server', () => {
  it('adds an item written from form values of every column type and reads it back into the same form values', async () => {
    const users = await service.siteUsers();
    expect(users.length).toBeGreaterThan(0);
    const form = {
      ...newFormValues(actions),
      Title: 'Uitrol contractbeheer',
      Domeinen: [1, 2],
      Beschrijving: '<p>Contracten <b>centraal</b></p>',
      JaarGepland: '2022',
      Eigenaar: users[0].id,
      Deadline: '2023-06-30'
    };
    const body = restValuesFromForm(actions, form);
    expect(validateItem(actions, body, 'add')).toEqual([]);
    const id = await service.addItem(body);
    expect(id).toBeGreaterThan(0);

    const loaded = await service.loadItem(id);
    expect(loaded.etag).toBe('"1"');
    const back = formValuesFromItem(actions, loaded.values);
    expect(back).toMatchObject({
      Title: 'Uitrol contractbeheer',
      Domeinen: [1, 2],
      ActieStatus: 'Gepland',
      JaarGepland: '2022',
      JaarGerealiseerd: '',
      Eigenaar: users[0].id,
      Deadline: '2023-06-30',
      Audit: null,
      Risicos: []
    });
    // Expanded titles for the display form.
    expect(loaded.values.Domeinen).toEqual([expect.objectContaining({ Title: 'Organisatiecultuur' }), expect.objectContaining({ Title: 'Bescherming activa' })]);
    expect(loaded.values.Eigenaar).toMatchObject({ Title: users[0].title.replace(/ \(.*\)$/, '') });
  });

  it('updates with the etag and answers 412 to a stale one', async () => {
    const id = await service.addItem({ Title: 'Actie', DomeinenId: [1] });
    const first = await service.loadItem(id);
    await service.updateItem(id, { JaarGepland: 2023 }, first.etag);
    let error: unknown;
    try {
      await service.updateItem(id, { JaarGepland: 2024 }, first.etag);
    } catch (e) {
      error = e;
    }
    expect(statusOf(error)).toBe(412);
    const now = await service.loadItem(id);
    expect(now.values.JaarGepland).toBe(2023);
    expect(now.etag).toBe('"2"');
  });

  it("returns the server's message for a rejected write", async () => {
    let error: unknown;
    try {
      await service.addItem({ Title: 'Actie', JaarGepland: 'tweeduizend' });
    } catch (e) {
      error = e;
    }
    expect(statusOf(error)).toBe(400);
    expect(serverMessage(error)).toMatch(/Edm\.Double/);
  });

  it('loads lookup options sorted by title', async () => {
    const field = actions.fields.filter((f) => f.internalName === 'Domeinen')[0];
    const opts = await service.lookupOptions(field);
    expect(opts.map((o) => o.title)).toEqual(['Bereiken doelstellingen', 'Bescherming activa', 'Organisatiecultuur']);
  });

  it('pages through items with the async iterator', async () => {
    const domainService = new PnPListPageService(srv.siteUrl, domains, formFields(domains));
    await srv.store.addItems(
      'Domeinen',
      Array.from({ length: 7 }, (_v, i) => ({ Title: `Domein ${i}`, Volgorde: 10 + i }))
    );
    const pager = domainService.items(4);
    const seen: string[] = [];
    let page = await pager.next();
    seen.push(...page.items.map((i) => String(i.Title)));
    expect(page.hasMore).toBe(true);
    while (page.hasMore) {
      page = await pager.next();
      seen.push(...page.items.map((i) => String(i.Title)));
    }
    expect(seen).toHaveLength(10);
    expect(await pager.next()).toEqual({ items: [], hasMore: false });
  });
});
