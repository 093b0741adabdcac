/** @jest-environment ./tests/dev/environment.js */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { readRecommendationRows } from '../../scripts/import-recommendations';
import { RECOMMENDATION_TEMPLATE_EXPLANATION, writeRecommendationTemplate } from '../../scripts/recommendations-template';

const TEMPLATES = path.join(__dirname, '../../templates');
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recommendations-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function sheets(file: string): Promise<{ name: string; rows: unknown[][]; frozen: unknown }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => ({
    name: ws.name,
    rows: ws.getSheetValues().filter((r) => !!r) as unknown[][],
    frozen: (ws.views || []).map((v) => ({ state: v.state, ySplit: (v as { ySplit?: number }).ySplit }))
  }));
}

describe('npm run import-recommendations: templates and reading the file', () => {
  it('ships CSV and Excel templates with the columns aanbeveling, prioriteit, eigenaar, deadline, domein and no rows', async () => {
    expect(fs.readFileSync(path.join(TEMPLATES, 'aanbevelingen.csv'), 'utf8').trim()).toBe('aanbeveling;prioriteit;eigenaar;deadline;domein');
    expect(await readRecommendationRows(path.join(TEMPLATES, 'aanbevelingen.csv'))).toEqual([]);
    expect(await readRecommendationRows(path.join(TEMPLATES, 'aanbevelingen.xlsx'))).toEqual([]);
  });

  it('the committed Excel template is what scripts/recommendations-template.ts writes (run it after changing the columns)', async () => {
    const fresh = path.join(dir, 'fresh.xlsx');
    await writeRecommendationTemplate(fresh);
    const committed = await sheets(path.join(TEMPLATES, 'aanbevelingen.xlsx'));
    expect(committed).toEqual(await sheets(fresh));
    expect(committed[1].rows.map((r) => r[1])).toEqual(RECOMMENDATION_TEMPLATE_EXPLANATION);
  });

  it('reads an .xlsx filled in from the template: an Excel date cell and a typed dd/mm/yyyy both give a deadline', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(TEMPLATES, 'aanbevelingen.xlsx'));
    const ws = wb.worksheets[0];
    ws.addRow(['Archief ordenen', 'H', 'koen.wouters@stad.example', new Date(Date.UTC(2025, 2, 31)), 3]);
    ws.addRow(['Rollen vastleggen', 'M', 'ann.janssens@stad.example', '30/06/2025']);
    const file = path.join(dir, 'filled.xlsx');
    await wb.xlsx.writeFile(file);
    expect(await readRecommendationRows(file)).toEqual([
      { line: 2, text: 'Archief ordenen', priority: 'H', owner: 'koen.wouters@stad.example', deadline: '2025-03-31', domain: '3' },
      { line: 3, text: 'Rollen vastleggen', priority: 'M', owner: 'ann.janssens@stad.example', deadline: '30/06/2025', domain: '' }
    ]);
  });

  it('refuses a CSV that is not UTF-8 and other file types', async () => {
    const latin = path.join(dir, 'latin.csv');
    fs.writeFileSync(latin, Buffer.from('aanbeveling;prioriteit;eigenaar;deadline\nBeheer van het archief \xe9;H;koen;2025-01-01\n', 'latin1'));
    await expect(readRecommendationRows(latin)).rejects.toThrow(/UTF-8/);
    await expect(readRecommendationRows('aanbevelingen.xls')).rejects.toThrow(/gebruik \.csv of \.xlsx/);
  });
});
