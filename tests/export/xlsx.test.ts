/** @jest-environment ./tests/dev/environment.js */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { buildXlsx, columnName, excelSerial, IXlsxSheet, sheetName } from '../../src/export/xlsx';
import { checkZipDirectory, zipDirectory } from '../../scripts/importFiles';

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

const SHEETS: IXlsxSheet[] = [
  {
    name: "Risico's",
    columns: [{ header: 'Titel', width: 50 }, { header: 'Jaar' }, { header: 'Deadline' }],
    rows: [
      ['Hoge werkdruk', 2022, { date: '2024-04-04' }],
      ['<b>Tom & Jerry</b> "quotes"\u0001 🙂 é', undefined, undefined],
      ['=SUM(A1:A2)', 0, { date: 'geen datum' }]
    ]
  },
  { name: 'Acties', columns: [{ header: 'Titel' }, { header: 'Domeinen' }], rows: [] }
];

describe('xlsx writer (Exporteren naar Excel)', () => {
  it('writes one sheet per table that exceljs reads back with the same rows, typed numbers and dates', async () => {
    const wb = await load(buildXlsx(SHEETS));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Risico's", 'Acties']);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, 'Titel', 'Jaar', 'Deadline']);
    expect(ws.getCell('A1').font?.bold).toBe(true);
    expect(ws.getRow(2).values).toEqual([undefined, 'Hoge werkdruk', 2022, new Date(Date.UTC(2024, 3, 4))]);
    expect(ws.getCell('C2').numFmt).toBe('yyyy-mm-dd');
    // Text stays text (control characters dropped), formulas-looking text is not a formula, a bad date stays as its text.
    expect(ws.getCell('A3').value).toBe('<b>Tom & Jerry</b> "quotes" 🙂 é');
    expect(ws.getCell('B3').value).toBeNull();
    expect(ws.getCell('A4').value).toBe('=SUM(A1:A2)');
    expect(ws.getCell('B4').value).toBe(0);
    expect(ws.getCell('C4').value).toBe('geen datum');
    expect(ws.rowCount).toBe(4);
    expect(ws.getColumn(1).width).toBe(50);
    expect(wb.worksheets[1].rowCount).toBe(1);
  });

  it('has an autofilter over the table and a frozen header row on every sheet', async () => {
    const wb = await load(buildXlsx(SHEETS));
    expect(wb.worksheets[0].autoFilter).toBe('A1:C4');
    expect(wb.worksheets[1].autoFilter).toBe('A1:B1');
    for (const ws of wb.worksheets) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2' });
  });

  it('is a well-formed zip (checked as the import checks an .xlsx)', () => {
    const bytes = Buffer.from(buildXlsx(SHEETS));
    const entries = zipDirectory(bytes);
    expect(entries.map((e) => e.name)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']));
    expect(() => checkZipDirectory(bytes.length, entries)).not.toThrow();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-'));
    fs.writeFileSync(path.join(dir, 'x.xlsx'), bytes);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('makes sheet names Excel accepts and column letters past Z', () => {
    expect(sheetName('Risico\'s [2022]: a/b*c?', [])).toBe("Risico's  2022   a b c");
    expect(sheetName('Acties', ['acties'])).toBe('Acties 2');
    expect(sheetName('x'.repeat(40), [])).toHaveLength(31);
    expect([1, 26, 27, 52, 703].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(excelSerial('1900-03-01')).toBe(61);
    expect(excelSerial('2024-04-04')).toBe(45386);
  });
});
