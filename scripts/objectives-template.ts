/** Writes templates/doelstellingen.xlsx, the Excel template for npm run import-objectives (headers thema, code, tekst and an explanation sheet). */
import * as path from 'path';
import * as ExcelJS from 'exceljs';
void (async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Doelstellingen');
  ws.columns = [{ header: 'thema', key: 'thema', width: 40 }, { header: 'code', key: 'code', width: 10 }, { header: 'tekst', key: 'tekst', width: 100 }];
  ws.getRow(1).font = { bold: true };
  const info = wb.addWorksheet('Uitleg');
  const lines = [
    'Eén doelstelling per regel op het eerste werkblad (thema, code, tekst).',
    'thema: het nummer (0-10) of de naam van het hoofdstuk van de leidraad organisatiebeheersing, bv. 3 of Monitoring.',
    'code: uniek over de hele leidraad, bv. 3.1.',
    'tekst: de tekst van de doelstelling zoals in de leidraad.',
    'Importeren: npm run import-objectives -- --file doelstellingen.xlsx [--site <url>]. Bij een fout wordt niets geïmporteerd.'
  ];
  lines.forEach((l) => info.addRow([l]));
  info.getColumn(1).width = 120;
  await wb.xlsx.writeFile(process.argv[2] || path.resolve(__dirname, '../templates/doelstellingen.xlsx'));
})();
