import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mountListPage } from '../../dev/forms/index';
import { IListPageConfig } from '../../dev/forms/urls';
import { FakeSharePoint } from './fakeSharePoint';

const SITE = 'http://localhost:4321/sites/organisatiebeheersing';
const SOURCE = 'http://localhost:4321/workbench/closed';
const REQUIRED = 'U moet een waarde opgeven voor dit vereiste veld.';

let sp: FakeSharePoint;
let el: HTMLElement;
let unmount: (() => void) | undefined;
let navigate: jest.Mock;

beforeEach(() => {
  sp = new FakeSharePoint(SITE);
  sp.seed('Domeinen', [
    { Title: 'Organisatiecultuur', Volgorde: 1 },
    { Title: 'Bereiken doelstellingen', Volgorde: 2 },
    { Title: 'Bescherming activa', Volgorde: 7 }
  ]);
  sp.seed('Audits', [{ Title: 'Audit Vlaanderen 2021' }]);
  sp.seed('Risicos', [
    { Title: 'Geen integriteitsbeleid', DomeinId: 1, Bron: 'Audit Vlaanderen', AuditId: null, Prioriteit: 'Hoog', RisicoStatus: 'Open', JaarVastgesteld: 2021, JaarAfgesloten: null, Toelichting: null }
  ]);
  sp.seed('Acties', [
    { Title: 'Uitrol contractbeheer', DomeinenId: [1, 3], ActieStatus: 'Lopend', JaarGepland: 2022, JaarGerealiseerd: null, EigenaarId: 7, Deadline: '2023-06-29T22:00:00Z', RisicosId: [], AuditId: null }
  ]);
  sp.install();
  el = document.createElement('div');
  document.body.appendChild(el);
  navigate = jest.fn();
});

afterEach(() => {
  if (unmount) act(() => (unmount as () => void)());
  unmount = undefined;
  el.remove();
  sp.uninstall();
});

function mount(cfg: Partial<IListPageConfig> & Pick<IListPageConfig, 'listTitle' | 'page'>): void {
  act(() => {
    unmount = mountListPage(el, { siteUrl: SITE, ...cfg }, { navigate });
  });
}

function input(internalName: string): HTMLElement {
  const found = document.getElementById(`lp-field-${internalName}`);
  if (!found) throw new Error(`no input for ${internalName}`);
  return found;
}

function toolbar(): HTMLElement {
  return screen.getByRole('toolbar');
}

async function formReady(): Promise<void> {
  await screen.findByText('Velden met een * zijn verplicht.');
}

async function clickSave(): Promise<void> {
  await act(async () => {
    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Opslaan' }));
  });
}

describe('new form', () => {
  it('shows the required-field error in Dutch under each empty required field and sends nothing', async () => {
    mount({ listTitle: 'Risicos', page: 'NewForm', source: SOURCE });
    await formReady();
    await clickSave();

    const title = input('Title');
    expect(title).toHaveAttribute('aria-invalid', 'true');
    const describedBy = (title.getAttribute('aria-describedby') || '').split(' ');
    const errorEl = describedBy.map((id) => document.getElementById(id)).filter((x) => x && x.textContent === REQUIRED);
    expect(errorEl).toHaveLength(1);
    // Domein (required lookup) too; Prioriteit and Status have defaults.
    expect(input('Domein')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getAllByText(REQUIRED)).toHaveLength(2);
    expect(screen.getByText('Sommige velden zijn niet correct ingevuld. Verbeter ze en probeer opnieuw.')).toBeInTheDocument();
    expect(sp.writes()).toEqual([]);
    expect(navigate).not.toHaveBeenCalled();
    // Focus moves to the first invalid field.
    expect(document.activeElement).toBe(title);
  });

  it('labels fields with the schema display names, marks required ones and shows descriptions', async () => {
    mount({ listTitle: 'Risicos', page: 'NewForm' });
    await formReady();
    expect(screen.getByLabelText('Risico')).toBe(input('Title'));
    expect(screen.getByLabelText('Jaar vastgesteld')).toBe(input('JaarVastgesteld'));
    const desc = screen.getByText('Leeg: vastgesteld vóór de eerste rapportering in deze lijsten');
    expect(input('JaarVastgesteld').getAttribute('aria-describedby')).toContain(desc.id);
    expect(input('Title')).toBeRequired();
    expect(input('Domein')).toBeRequired();
    expect(input('Bron')).not.toBeRequired();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Risicos');
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('Nieuw item');
  });

  it('renders the choices of a choice field, with the default value selected', async () => {
    mount({ listTitle: 'Risicos', page: 'NewForm' });
    await formReady();
    const status = input('RisicoStatus');
    expect(status).toHaveTextContent('Open');
    act(() => {
      fireEvent.click(status);
    });
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Open', 'Opgevolgd', 'Afgesloten']);
  });

  it('loads the options of a lookup from the target list, sorted by title', async () => {
    mount({ listTitle: 'Risicos', page: 'NewForm' });
    await formReady();
    await waitFor(() => expect(input('Domein')).not.toHaveAttribute('aria-disabled', 'true'));
    act(() => {
      fireEvent.click(input('Domein'));
    });
    const options = screen.getAllByRole('option').map((o) => o.textContent);
    expect(options).toEqual(['Bereiken doelstellingen', 'Bescherming activa', 'Organisatiecultuur']);
    expect(sp.requests.some((r) => r.method === 'GET' && /getList\('\/sites\/organisatiebeheersing\/Lists\/Domeinen'\)\/items/.test(decodeURIComponent(r.url)))).toBe(true);
  });

  it('adds the item with defaults and the picked lookup, then goes to Source', async () => {
    mount({ listTitle: 'Risicos', page: 'NewForm', source: SOURCE });
    await formReady();
    fireEvent.change(input('Title'), { target: { value: 'Nieuw risico' } });
    await waitFor(() => expect(input('Domein')).not.toHaveAttribute('aria-disabled', 'true'));
    act(() => {
      fireEvent.click(input('Domein'));
    });
    act(() => {
      fireEvent.click(screen.getByRole('option', { name: 'Bescherming activa' }));
    });
    fireEvent.change(input('JaarVastgesteld'), { target: { value: '2023' } });
    await clickSave();
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(SOURCE));
    const writes = sp.writes();
    expect(writes).toHaveLength(1);
    expect(writes[0].method).toBe('POST');
    expect(decodeURIComponent(writes[0].url)).toMatch(/getList\('\/sites\/organisatiebeheersing\/Lists\/Risicos'\)\/items$/);
    expect(writes[0].body).toMatchObject({ Title: 'Nieuw risico', DomeinId: 3, Prioriteit: 'Hoog', RisicoStatus: 'Open', JaarVastgesteld: 2023, JaarAfgesloten: null, AuditId: null });
    expect(sp.item('Risicos', 2)).toMatchObject({ Title: 'Nieuw risico', DomeinId: 3 });
  });

  it('without Source goes to the list view after adding', async () => {
    mount({ listTitle: 'Domeinen', page: 'NewForm' });
    await formReady();
    fireEvent.change(input('Title'), { target: { value: 'Nieuw domein' } });
    fireEvent.change(input('Volgorde'), { target: { value: '8' } });
    await clickSave();
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(`${SITE}/Lists/Domeinen/AllItems.aspx`));
    expect(sp.writes()[0].body).toMatchObject({ Title: 'Nieuw domein', Volgorde: 8, Actief: true });
  });

  it('reports number ranges and the list validation formula before sending', async () => {
    mount({ listTitle: 'Acties', page: 'NewForm' });
    await formReady();
    fireEvent.change(input('Title'), { target: { value: 'Actie' } });
    fireEvent.change(input('JaarGepland'), { target: { value: '2023' } });
    fireEvent.change(input('JaarGerealiseerd'), { target: { value: '2022' } });
    fireEvent.change(input('Deadline'), { target: { value: '2024-03-05' } });
    await clickSave();
    expect(screen.getByText('Het jaar gerealiseerd kan niet vóór het jaar gepland liggen.')).toBeInTheDocument();
    expect(screen.getByText(REQUIRED)).toBeInTheDocument(); // Domeinen
    fireEvent.change(input('JaarGepland'), { target: { value: '1999' } });
    await clickSave();
    expect(screen.getByText('De waarde moet tussen 2000 en 2100 liggen.')).toBeInTheDocument();
    expect(sp.writes()).toEqual([]);
  });
});

describe('edit form', () => {
  it('loads the item into the fields', async () => {
    mount({ listTitle: 'Acties', page: 'EditForm', id: 1 });
    await formReady();
    expect(input('Title')).toHaveValue('Uitrol contractbeheer');
    expect(input('JaarGepland')).toHaveValue('2022');
    expect(input('ActieStatus')).toHaveTextContent('Lopend');
    await waitFor(() => expect(input('Domeinen')).toHaveTextContent('Organisatiecultuur, Bescherming activa'));
    await waitFor(() => expect(input('Eigenaar')).toHaveTextContent('Ann Janssens'));
    // Only persons are offered, not groups.
    act(() => {
      fireEvent.click(input('Eigenaar'));
    });
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['(geen)', 'Ann Janssens (ann@stad.example)']);
  });

  it("saves with MERGE and the item's etag, only the changed fields, then goes to Source", async () => {
    sp.touch('Risicos', 1); // version 2: etag "2"
    mount({ listTitle: 'Risicos', page: 'EditForm', id: 1, source: SOURCE });
    await formReady();
    fireEvent.change(input('Bron'), { target: { value: 'Audio' } });
    await clickSave();
    await waitFor(() => expect(navigate).toHaveBeenCalledWith(SOURCE));
    const writes = sp.writes();
    expect(writes).toHaveLength(1);
    expect(writes[0].method).toBe('MERGE');
    expect(decodeURIComponent(writes[0].url)).toMatch(/getList\('\/sites\/organisatiebeheersing\/Lists\/Risicos'\)\/items\(1\)$/);
    expect(writes[0].headers['if-match']).toBe('"2"');
    expect(writes[0].headers['x-requestdigest']).toBe('digest');
    expect(writes[0].body).toEqual({ Bron: 'Audio' });
    expect(sp.item('Risicos', 1)).toMatchObject({ Bron: 'Audio', version: 3 });
  });

  it('on 412 keeps the input and shows the conflict message', async () => {
    mount({ listTitle: 'Risicos', page: 'EditForm', id: 1, source: SOURCE });
    await formReady();
    fireEvent.change(input('Title'), { target: { value: 'Mijn wijziging' } });
    sp.touch('Risicos', 1, { Title: 'Wijziging van iemand anders' });
    await clickSave();
    expect(
      await screen.findByText('Iemand anders heeft dit item intussen gewijzigd. Vernieuw de pagina; uw wijzigingen werden niet opgeslagen.')
    ).toBeInTheDocument();
    expect(input('Title')).toHaveValue('Mijn wijziging');
    expect(navigate).not.toHaveBeenCalled();
    expect(sp.item('Risicos', 1)).toMatchObject({ Title: 'Wijziging van iemand anders' });
  });

  it("shows the server's own error message and keeps the input", async () => {
    mount({ listTitle: 'Risicos', page: 'EditForm', id: 1 });
    await formReady();
    fireEvent.change(input('Bron'), { target: { value: 'Audio' } });
    sp.failNextWrite = { status: 403, message: 'Access denied. You do not have permission to perform this action or access this resource.' };
    await clickSave();
    expect(
      await screen.findByText('Het item kon niet opgeslagen worden. Access denied. You do not have permission to perform this action or access this resource.')
    ).toBeInTheDocument();
    expect(input('Bron')).toHaveValue('Audio');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('checks the list formula against the stored values of unchanged fields', async () => {
    mount({ listTitle: 'Acties', page: 'EditForm', id: 1 });
    await formReady();
    fireEvent.change(input('JaarGerealiseerd'), { target: { value: '2021' } });
    await clickSave();
    expect(screen.getByText('Het jaar gerealiseerd kan niet vóór het jaar gepland liggen.')).toBeInTheDocument();
    expect(sp.writes()).toEqual([]);
  });

  it('Annuleren goes back to Source without saving', async () => {
    mount({ listTitle: 'Risicos', page: 'EditForm', id: 1, source: SOURCE });
    await formReady();
    fireEvent.change(input('Bron'), { target: { value: 'Audio' } });
    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Annuleren' }));
    expect(navigate).toHaveBeenCalledWith(SOURCE);
    expect(sp.writes()).toEqual([]);
  });

  it('says so when the item does not exist', async () => {
    mount({ listTitle: 'Risicos', page: 'EditForm', id: 99 });
    expect(await screen.findByText('Het item bestaat niet (meer). Misschien werd het verwijderd.')).toBeInTheDocument();
  });

  it('speaks English with the en-us locale', async () => {
    mount({ listTitle: 'Risicos', page: 'EditForm', id: 1, locale: 'en-us' });
    await screen.findByText('Fields marked * are required.');
    fireEvent.change(input('Title'), { target: { value: '' } });
    await act(async () => {
      fireEvent.click(within(toolbar()).getByRole('button', { name: 'Save' }));
    });
    expect(screen.getByText("You can't leave this blank.")).toBeInTheDocument();
  });
});

describe('display form', () => {
  it('shows the values with lookup and person titles, and links to the edit form keeping Source', async () => {
    mount({ listTitle: 'Acties', page: 'DispForm', id: 1, source: SOURCE });
    await screen.findByText('Uitrol contractbeheer');
    const group = (name: string): HTMLElement => screen.getByRole('group', { name });
    expect(group('Domeinen')).toHaveTextContent('Organisatiecultuur; Bescherming activa');
    expect(group('Eigenaar')).toHaveTextContent('Ann Janssens');
    expect(group('Status')).toHaveTextContent('Lopend');
    expect(within(toolbar()).getByRole('link', { name: 'Bewerken' })).toHaveAttribute(
      'href',
      `${SITE}/Lists/Acties/EditForm.aspx?ID=1&Source=${encodeURIComponent(SOURCE)}`
    );
    fireEvent.click(within(toolbar()).getByRole('button', { name: 'Sluiten' }));
    expect(navigate).toHaveBeenCalledWith(SOURCE);
    expect(sp.writes()).toEqual([]);
  });
});
