/** The Excel export, loaded as its own chunk only when someone exports ("Exporteren naar Excel"). */
export { buildXlsx, XLSX_MIME } from './xlsx';
export { auditsSheets, cardsSheets, exportFileName } from './tables';
