/**
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 */
// Node export conditions: exceljs (used here only to read the file back) has no browser build jest can load.
import * as React from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import * as ExcelJS from 'exceljs';
import * as download from '../../src/components/download';
import { DomainCards } from '../../src/webparts/domainCards/components/DomainCards';
import { AuditFollowUp } from '../../src/webparts/auditFollowUp/components/AuditFollowUp';
import { IReportData } from '../../src/model/types';
import { FakeRepository } from '../helpers/fakeRepository';
import { loadSeedData } from '../helpers/seedData';

const TODAY = new Date(2023, 4, 15);

let saved: { name: string; bytes: Uint8Array; type: string }[];
beforeEach(() => {
  saved = [];
  jest.spyOn(download, 'saveFile').mockImplementation((name, bytes, type) => {
    saved.push({ name, bytes, type });
  });
});
afterEach(() => jest.restoreAllMocks());

async function exported(): Promise<Record<string, unknown[][]>> {
  fireEvent.click(screen.getByRole('button', { name: 'Exporteren naar Excel' }));
  await waitFor(() => expect(saved).toHaveLength(1));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(saved[0].bytes) as unknown as ArrayBuffer);
  const out: Record<string, unknown[][]> = {};
  for (const ws of wb.worksheets) {
    expect(ws.autoFilter).toMatch(/^A1:[A-Z]+\d+$/);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    out[ws.name] = (ws.getSheetValues().filter((r) => !!r) as unknown[][]).map((r) => r.slice(1));
  }
  return out;
}

/** Titles of the items on screen, each item once (an action under two domains is on two cards). */
function shownTitles(container: HTMLElement, quadrants: string[]): string[] {
  const sel = quadrants.map((q) => `[data-quadrant$="-${q}"] li[data-item-id], [data-quadrant$="-${q}"] li[data-risk-id]`).join(', ');
  const byId: Record<string, string> = {};
  for (const li of Array.prototype.slice.call(container.querySelectorAll(sel)) as HTMLElement[]) {
    const span = li.querySelector(':scope > button > span:first-child');
    if (span && span.textContent) byId[(li.getAttribute('data-item-id') || li.getAttribute('data-risk-id')) as string] = span.textContent;
  }
  return Object.keys(byId).map((k) => byId[k]).sort();
}

describe('Exporteren naar Excel: the domain cards', () => {
  it('exports the risks and actions on screen, with the search filter applied, one sheet each', async () => {
    const data = loadSeedData();
    const repo = new FakeRepository(data);
    const { container } = render(<DomainCards repository={repo} showDescriptions={true} isTeams={false} today={TODAY} openForm={jest.fn()} />);
    await waitFor(() => expect(container.querySelectorAll('section').length).toBe(7));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Zoeken' }), { target: { value: 'audit' } });
    await waitFor(() => expect(screen.getByTestId('filter-results')).toHaveTextContent(/resultaten/));
    // Older items open under a filter; wait until their titles are read.
    await waitFor(() => expect(container).not.toHaveTextContent('Titels laden'));
    const actionTitles = shownTitles(container, ['realisations', 'planning']);
    const riskTitles = shownTitles(container, ['risks']);
    expect(actionTitles.length).toBeGreaterThan(2);

    const sheets = await exported();
    expect(saved[0].name).toMatch(/^domeinkaarten-2022-2023-05-15\.xlsx$/);
    expect(saved[0].type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(Object.keys(sheets)).toEqual(["Risico’s", 'Acties']);
    const [actionHeader, ...actions] = sheets.Acties;
    expect(actionHeader).toEqual(['Actie', 'Domeinen', 'Onderdeel', 'Status', 'Jaar gepland', 'Jaar gerealiseerd', 'Eigenaar', 'Deadline']);
    expect(actions.map((r) => r[0]).sort()).toEqual(actionTitles);
    expect(sheets["Risico’s"].slice(1).map((r) => r[1]).sort()).toEqual(riskTitles);
    // An action under two domains is one row naming both.
    const both = data.actions.filter((a) => a.domainIds.length > 1 && actionTitles.indexOf(a.shortTitle || a.title) >= 0)[0];
    if (both) expect(actions.filter((r) => r[0] === (both.shortTitle || both.title))[0][1]).toMatch(/; /);
  });
});

function withRecommendations(): IReportData {
  const data = loadSeedData();
  const info = data.audits.filter((a) => a.key === 'audit-informatiebeheer-2022')[0].id;
  data.recommendations = [
    { id: 1, title: 'Archiefbeleid vastleggen', auditId: info, priority: 'H', status: 'Uitgevoerd', actions: [], owner: { id: 10, title: 'Koen Wouters' }, deadline: '2023-03-31' },
    { id: 2, title: 'Rollen en verantwoordelijkheden', auditId: info, priority: 'H', status: 'Open', actions: [], deadline: '2023-05-30' },
    { id: 3, title: 'Andere audit', auditId: data.audits.filter((a) => a.key !== 'audit-informatiebeheer-2022' && a.year === 2023)[0].id, priority: 'M', status: 'Open', actions: [] }
  ];
  return data;
}

describe('Exporteren naar Excel: the audits page', () => {
  it('exports the audits shown under the year filter with their execution rate, and their recommendations with their state', async () => {
    const repo = new FakeRepository(withRecommendations());
    const { container } = render(<AuditFollowUp repository={repo} isTeams={false} today={TODAY} openForm={jest.fn()} />);
    await waitFor(() => expect(container.querySelectorAll('[data-audit-id]').length).toBe(20));
    fireEvent.click(screen.getByRole('combobox', { name: /Jaar/ }));
    fireEvent.click(await screen.findByRole('option', { name: '2022' }));
    await waitFor(() => expect(screen.getByTestId('audit-count')).not.toHaveTextContent('20 van 20'));
    const shown = Array.prototype.map.call(container.querySelectorAll('[data-audit-id] h3'), (h: HTMLElement) => h.textContent) as string[];

    const sheets = await exported();
    expect(saved[0].name).toBe('audits-2023-05-15.xlsx');
    expect(sheets.Audits.slice(1).map((r) => r[0])).toEqual(shown);
    const info = sheets.Audits.filter((r) => r[0] === 'Audit informatiebeheer')[0];
    expect(info).toEqual(['Audit informatiebeheer', 2022, 'Audio', expect.any(String), expect.any(String), expect.any(String), 10, 19, 17, 1, 2, 50]);
    expect(sheets.Aanbevelingen).toEqual([
      ['Audit', 'Aanbeveling', 'Prioriteit', 'Status', 'Eigenaar', 'Deadline', 'Termijn', 'Acties'],
      ['Audit informatiebeheer', 'Archiefbeleid vastleggen', 'H', 'Uitgevoerd', 'Koen Wouters', new Date(Date.UTC(2023, 2, 31))],
      ['Audit informatiebeheer', 'Rollen en verantwoordelijkheden', 'H', 'Open', undefined, new Date(Date.UTC(2023, 4, 30)), 'binnen 30 dagen']
    ]);
  });
});
