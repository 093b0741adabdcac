/** @jest-environment node */
/**
 * The "Exporteren naar Excel" workbook opens in an office suite: LibreOffice (headless)
 * converts each sheet to CSV and the rows are compared with what was written.
 * Skipped, with a message, only when LibreOffice (soffice) is not installed:
 * apt-get install -y libreoffice-calc
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildXlsx, CellValue, IXlsxSheet } from '../../src/export/xlsx';
import { parseCsv } from '../../tools/model/maturityImport';

function findSoffice(): string | undefined {
  const candidates = [process.env.SOFFICE_PATH, 'soffice', 'libreoffice'].filter((c): c is string => !!c);
  for (const c of candidates) {
    const r = spawnSync(c, ['--version'], { encoding: 'utf8', timeout: 60000 });
    if (r.status === 0) return c;
  }
  return undefined;
}

const soffice = findSoffice();
const maybe = soffice ? describe : describe.skip;
if (!soffice) {
  console.warn('export-xlsx: LibreOffice (soffice) is not installed; skipping the xlsx-to-CSV check. Install: apt-get install -y libreoffice-calc');
}

const SHEETS: IXlsxSheet[] = [
  {
    name: "Risico's",
    columns: [{ header: 'Domein' }, { header: 'Risico' }, { header: 'Jaar vastgesteld' }],
    rows: [
      ['Organisatiecultuur', 'Hoge werkdruk', 2022],
      ['Bescherming activa', 'Tekst met "aanhalingstekens", komma en é', undefined]
    ]
  },
  {
    name: 'Acties',
    columns: [{ header: 'Actie' }, { header: 'Status' }, { header: 'Deadline' }],
    rows: [
      ['Archief ordenen', 'Gepland', { date: '2024-04-04' }],
      ['Rollen vastleggen', 'Gerealiseerd', undefined]
    ]
  }
];

function asText(v: CellValue): string {
  if (v === undefined) return '';
  if (typeof v === 'object') return v.date;
  return String(v);
}

maybe('the Excel export converted with LibreOffice', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgb-export-xlsx-'));
  const csv: string[] = [];

  beforeAll(() => {
    const file = path.join(dir, 'export.xlsx');
    fs.writeFileSync(file, buildXlsx(SHEETS));
    const profile = `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`;
    SHEETS.forEach((_s, i) => {
      const out = path.join(dir, `sheet${i + 1}`);
      fs.mkdirSync(out);
      // Comma, double quote, UTF-8 (76), from line 1, cells as shown (dates as yyyy-mm-dd), sheet i+1.
      const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,${i + 1}`;
      execFileSync(soffice as string, [profile, '--headless', '--convert-to', filter, '--outdir', out, file], { timeout: 240000, stdio: 'pipe' });
      const written = fs.readdirSync(out).filter((f) => f.endsWith('.csv'));
      csv.push(fs.readFileSync(path.join(out, written[0]), 'utf8'));
    });
  }, 300000);

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads every sheet back with the header and the rows as written', () => {
    SHEETS.forEach((s, i) => {
      const rows = parseCsv(csv[i]).filter((r) => r.some((c) => c !== ''));
      expect(rows).toEqual([s.columns.map((c) => c.header)].concat(s.rows.map((r) => r.map(asText))));
    });
  });
});
