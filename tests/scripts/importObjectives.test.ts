/** @jest-environment ./tests/dev/environment.js */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { readRows } from '../../scripts/import-objectives';

const TEMPLATES = path.join(__dirname, '../../templates');

describe('npm run import-objectives: reading the city file', () => {
  it('ships CSV and Excel templates with the columns thema, code, tekst and no objectives', async () => {
    expect(fs.readFileSync(path.join(TEMPLATES, 'doelstellingen.csv'), 'utf8').trim()).toBe('thema;code;tekst');
    expect(await readRows(path.join(TEMPLATES, 'doelstellingen.csv'))).toEqual([]);
    expect(await readRows(path.join(TEMPLATES, 'doelstellingen.xlsx'))).toEqual([]);
  });

  it('reads an .xlsx filled in from the template (numbers and rich text as text), skipping empty rows', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(TEMPLATES, 'doelstellingen.xlsx'));
    const ws = wb.worksheets[0];
    ws.addRow([3, '3.1', 'Eerste tekst']);
    ws.addRow([]);
    ws.addRow(['Monitoring', '3.2', { richText: [{ text: 'Tweede ' }, { text: 'tekst', font: { bold: true } }] }]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'objectives-')), 'doelstellingen.xlsx');
    await wb.xlsx.writeFile(file);
    expect(await readRows(file)).toEqual([
      { line: 2, theme: '3', code: '3.1', text: 'Eerste tekst' },
      { line: 4, theme: 'Monitoring', code: '3.2', text: 'Tweede tekst' }
    ]);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('refuses other file types', async () => {
    await expect(readRows('doelstellingen.xls')).rejects.toThrow(/gebruik \.csv of \.xlsx/);
  });
});
