import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { mountListPage } from '../../dev/forms/index';
import { mainColumns } from '../../dev/forms/ListView';
import { IListPageConfig } from '../../dev/forms/urls';
import { getList } from '../../src/schema/schema';
import { FakeSharePoint } from './fakeSharePoint';

const SITE = 'http://localhost:4321/sites/organisatiebeheersing';

let sp: FakeSharePoint;
let el: HTMLElement;
let unmount: (() => void) | undefined;

beforeEach(() => {
  sp = new FakeSharePoint(SITE);
  sp.seed('Domeinen', [{ Title: 'Organisatiecultuur' }, { Title: 'Bescherming activa' }]);
  sp.install();
  el = document.createElement('div');
  document.body.appendChild(el);
});

afterEach(() => {
  if (unmount) act(() => (unmount as () => void)());
  unmount = undefined;
  el.remove();
  sp.uninstall();
});

function mount(cfg: Partial<IListPageConfig> & Pick<IListPageConfig, 'listTitle' | 'page'>): void {
  act(() => {
    unmount = mountListPage(el, { siteUrl: SITE, ...cfg }, { navigate: jest.fn() });
  });
}

function dataRows(): HTMLElement[] {
  // querySelectorAll: role queries are slow on hundreds of rows in jsdom.
  return Array.from(el.querySelectorAll<HTMLElement>('[role="row"]')).filter((r) => r.querySelector('[role="gridcell"], [role="rowheader"]'));
}

describe('mainColumns', () => {
  it('picks up to five columns: required and indexed first, shown in schema order, no long text', () => {
    expect(mainColumns(getList('risks')).map((f) => f.internalName)).toEqual(['Domein', 'Prioriteit', 'RisicoStatus', 'JaarVastgesteld', 'JaarAfgesloten']);
    expect(mainColumns(getList('actions')).map((f) => f.internalName)).toEqual(['Domeinen', 'ActieStatus', 'JaarGepland', 'JaarGerealiseerd', 'Risicos']);
    for (const key of ['domains', 'audits', 'recommendations', 'reports']) {
      const cols = mainColumns(getList(key));
      expect(cols.length).toBeLessThanOrEqual(5);
      expect(cols.every((f) => f.type !== 'Note')).toBe(true);
    }
  });
});

describe('list view (AllItems)', () => {
  it('lists the items with lookup titles, links to the display and edit forms and a new item button', async () => {
    sp.seed('Risicos', [
      { Title: 'Geen integriteitsbeleid', DomeinId: 1, Prioriteit: 'Hoog', RisicoStatus: 'Open', JaarVastgesteld: 2021 },
      { Title: 'Activa niet geïnventariseerd', DomeinId: 2, Prioriteit: 'Middel', RisicoStatus: 'Afgesloten', JaarVastgesteld: 2020, JaarAfgesloten: 2022 }
    ]);
    mount({ listTitle: 'Risicos', page: 'AllItems' });
    const link = await screen.findByRole('link', { name: 'Geen integriteitsbeleid' });
    expect(link).toHaveAttribute('href', `${SITE}/Lists/Risicos/DispForm.aspx?ID=1`);
    expect(screen.getByRole('link', { name: 'Activa niet geïnventariseerd bewerken' })).toHaveAttribute('href', `${SITE}/Lists/Risicos/EditForm.aspx?ID=2`);
    const headers = screen.getAllByRole('columnheader').map((h) => h.textContent);
    expect(headers).toEqual(expect.arrayContaining(['Risico', 'Domein', 'Prioriteit', 'Status', 'Jaar vastgesteld', 'Jaar afgesloten']));
    const rows = dataRows();
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('Bescherming activa');
    expect(rows[1]).toHaveTextContent('Afgesloten');
    expect(within(screen.getByRole('toolbar')).getByRole('link', { name: 'Nieuw item' })).toHaveAttribute(
      'href',
      `${SITE}/Lists/Risicos/NewForm.aspx`
    );
    // Lookups are expanded in the one request.
    const get = sp.requests.filter((r) => /getList\('\/sites\/organisatiebeheersing\/Lists\/Risicos'\)\/items/.test(decodeURIComponent(r.url)))[0];
    expect(decodeURIComponent(get.url)).toMatch(/\$expand=Domein,Audit/);
    expect(decodeURIComponent(get.url)).toMatch(/\$top=100/);
  });

  it('pages through a large list 100 items at a time with "Meer laden"', async () => {
    const rows: Record<string, unknown>[] = [];
    for (let i = 1; i <= 230; i++) rows.push({ Title: `Actie ${i}`, DomeinenId: [1], ActieStatus: 'Gepland' });
    sp.seed('Acties', rows);
    mount({ listTitle: 'Acties', page: 'AllItems' });
    await screen.findByRole('link', { name: 'Actie 1' });
    expect(dataRows()).toHaveLength(100);
    expect(screen.getByText('100 items getoond; er zijn er meer.')).toBeInTheDocument();

    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Meer laden' }));
    });
    await waitFor(() => expect(dataRows()).toHaveLength(200));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Meer laden' }));
    });
    await waitFor(() => expect(dataRows()).toHaveLength(230));
    expect(screen.getByText('230 items getoond.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Meer laden' })).toBeNull();
    const pages = sp.requests.filter((r) => /getList\('\/sites\/organisatiebeheersing\/Lists\/Acties'\)\/items/.test(decodeURIComponent(r.url)));
    expect(pages).toHaveLength(3);
    expect(decodeURIComponent(pages[1].url)).toContain('p_ID=100');
  });

  it('says what to do when the list is empty', async () => {
    sp.seed('Aanbevelingen', []);
    mount({ listTitle: 'Aanbevelingen', page: 'AllItems' });
    expect(await screen.findByText('Deze lijst bevat nog geen items. Kies "Nieuw item" om er een toe te voegen.')).toBeInTheDocument();
  });

  it('shows a load error with a retry button', async () => {
    mount({ listTitle: 'Aanbevelingen', page: 'AllItems' });
    expect(await screen.findByText(/De gegevens konden niet geladen worden\. List 'Aanbevelingen' does not exist/)).toBeInTheDocument();
    sp.seed('Aanbevelingen', [{ Title: 'Aanbeveling 1', AuditId: null, Prioriteit: 'H' }]);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Opnieuw proberen' }));
    });
    expect(await screen.findByRole('link', { name: 'Aanbeveling 1' })).toBeInTheDocument();
  });
});

describe('document library view', () => {
  it('lists the files with a download link and no new item button', async () => {
    sp.seed('Rapporten', [
      {
        Title: 'Voortgangsrapport 2022',
        FileLeafRef: 'voortgangsrapport-2022.docx',
        FileRef: '/sites/organisatiebeheersing/Rapporten/voortgangsrapport-2022.docx',
        Rapportjaar: 2022,
        Formaat: 'Word',
        Definitief: true
      }
    ]);
    mount({ listTitle: 'Rapporten', page: 'AllItems' });
    const file = await screen.findByRole('link', { name: 'voortgangsrapport-2022.docx downloaden' });
    expect(file).toHaveAttribute('href', '/sites/organisatiebeheersing/Rapporten/voortgangsrapport-2022.docx');
    expect(file).toHaveAttribute('download', 'voortgangsrapport-2022.docx');
    expect(screen.getByRole('link', { name: 'Voortgangsrapport 2022' })).toHaveAttribute('href', `${SITE}/Rapporten/Forms/DispForm.aspx?ID=1`);
    expect(dataRows()[0]).toHaveTextContent('Ja');
    expect(screen.queryByRole('link', { name: 'Nieuw item' })).toBeNull();
  });
});
