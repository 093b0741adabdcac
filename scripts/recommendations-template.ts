/** Writes templates/aanbevelingen.xlsx, the Excel template for npm run import-recommendations (its header row and an explanation sheet). */
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import { RECOMMENDATION_TEMPLATE_HEADER } from '../tools/model/recommendationImport';

export const RECOMMENDATION_TEMPLATE_EXPLANATION: string[] = [
  'Eén aanbeveling per regel op het eerste werkblad (aanbeveling, prioriteit, eigenaar, deadline, domein).',
  'aanbeveling: de tekst van de aanbeveling uit het auditrapport. Dezelfde tekst bij dezelfde audit is dezelfde aanbeveling: opnieuw importeren voegt ze niet nog eens toe.',
  'prioriteit: H, M of L.',
  'eigenaar: het e-mailadres (of de login) van een gebruiker van de organisatie.',
  'deadline: een datum als jjjj-mm-dd of dd/mm/jjjj (of een datumcel).',
  'domein (mag leeg): het nummer of de naam van het domein.',
  'Importeren: npm run import-recommendations -- --audit <id> --file aanbevelingen.xlsx [--site <url>]. Bij een fout wordt niets geïmporteerd.'
];

const WIDTHS: Record<string, number> = { aanbeveling: 80, prioriteit: 12, eigenaar: 32, deadline: 14, domein: 30 };

export async function writeRecommendationTemplate(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Aanbevelingen');
  ws.columns = RECOMMENDATION_TEMPLATE_HEADER.map((h) => ({ header: h, key: h, width: WIDTHS[h] || 20 }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const info = wb.addWorksheet('Uitleg');
  RECOMMENDATION_TEMPLATE_EXPLANATION.forEach((l) => info.addRow([l]));
  info.getColumn(1).width = 120;
  await wb.xlsx.writeFile(file);
}

if (require.main === module) void writeRecommendationTemplate(process.argv[2] || path.resolve(__dirname, '../templates/aanbevelingen.xlsx'));
