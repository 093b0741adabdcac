/**
 * A minimal .xlsx writer (pure, no dependencies) for "Exporteren naar Excel": one sheet per
 * table, a bold header row that stays in view (frozen pane), an autofilter over the table,
 * column widths, text, numbers and dates (yyyy-mm-dd). The parts are stored in the zip
 * uncompressed: Excel and LibreOffice open that as any other workbook, and it keeps exceljs
 * (CLI only) and a deflate library out of the web part bundles.
 */

/** A date cell: the calendar day as yyyy-mm-dd. */
export interface IDateCell {
  date: string;
}

export type CellValue = string | number | IDateCell | undefined;

export interface IXlsxColumn {
  header: string;
  /** Width in characters (Excel's unit); default 16. */
  width?: number;
}

export interface IXlsxSheet {
  name: string;
  columns: IXlsxColumn[];
  rows: CellValue[][];
}

/** Excel's limit on the text of one cell. */
export const MAX_CELL_TEXT = 32767;

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/* ---------------------------------------------------------------- XML */

export function xmlEscape(s: string): string {
  // Characters XML 1.0 does not allow (control characters other than tab, LF, CR; lone surrogates; U+FFFE/F) are dropped.
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        out += s.charAt(i) + s.charAt(i + 1);
        i++;
      }
      continue;
    }
    if ((c >= 0xdc00 && c <= 0xdfff) || (c < 0x20 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff) continue;
    const ch = s.charAt(i);
    out += ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : ch === '"' ? '&quot;' : ch;
  }
  return out;
}

/** Column letters of a 1-based column number: 1 -> A, 27 -> AA. */
export function columnName(n: number): string {
  let s = '';
  let x = n;
  while (x > 0) {
    const r = (x - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    x = Math.floor((x - 1) / 26);
  }
  return s;
}

/** A sheet name Excel accepts: no []:*?/\, not blank, at most 31 characters, unique in the workbook. */
export function sheetName(name: string, taken: string[]): string {
  const base = (name.replace(/[[\]:*?/\\]/g, ' ').replace(/^'+|'+$/g, '').trim() || 'Blad').slice(0, 31);
  let out = base;
  for (let i = 2; taken.some((t) => t.toLowerCase() === out.toLowerCase()); i++) out = `${base.slice(0, 31 - String(i).length - 1)} ${i}`;
  return out;
}

/** Days since 1899-12-30 (Excel's serial date) of yyyy-mm-dd; undefined for anything else. */
export function excelSerial(date: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return undefined;
  const t = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return isNaN(t) ? undefined : t / 86400000 + 25569;
}

function isDate(v: CellValue): v is IDateCell {
  return !!v && typeof v === 'object' && typeof (v as IDateCell).date === 'string';
}

// Cell styles (cellXfs): 0 normal, 1 bold header, 2 date yyyy-mm-dd, 3 text wrapped at the top.
const STYLES =
  `<styleSheet xmlns="${MAIN_NS}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="4">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"><alignment vertical="top"/></xf>' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

class SharedStrings {
  public readonly list: string[] = [];
  private readonly index: Record<string, number> = {};
  public add(s: string): number {
    const key = `#${s}`;
    if (this.index[key] === undefined) {
      this.index[key] = this.list.length;
      this.list.push(s);
    }
    return this.index[key];
  }
}

function cellXml(ref: string, v: CellValue, strings: SharedStrings, header: boolean): string {
  if (v === undefined || v === null || v === '') return '';
  if (typeof v === 'number') return isFinite(v) ? `<c r="${ref}"${header ? ' s="1"' : ''}><v>${v}</v></c>` : '';
  if (isDate(v)) {
    const serial = excelSerial(v.date);
    return serial === undefined ? cellXml(ref, v.date, strings, header) : `<c r="${ref}" s="2"><v>${serial}</v></c>`;
  }
  const text = String(v).slice(0, MAX_CELL_TEXT);
  return `<c r="${ref}" t="s" s="${header ? 1 : 3}"><v>${strings.add(text)}</v></c>`;
}

function sheetXml(sheet: IXlsxSheet, strings: SharedStrings, selected: boolean): { xml: string; range: string } {
  const width = Math.max(1, sheet.columns.length);
  const last = columnName(width);
  const range = `A1:${last}${sheet.rows.length + 1}`;
  const rows = [sheet.columns.map((c) => c.header) as CellValue[]].concat(sheet.rows);
  const body = rows
    .map((cells, i) => {
      const r = i + 1;
      const xml = cells
        .slice(0, width)
        .map((v, c) => cellXml(`${columnName(c + 1)}${r}`, v, strings, i === 0))
        .join('');
      return `<row r="${r}">${xml}</row>`;
    })
    .join('');
  const cols = sheet.columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width || 16}" customWidth="1"/>`).join('');
  const xml =
    XML_HEAD +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<dimension ref="${range}"/>` +
    `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}>` +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
    '</sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    `<sheetData>${body}</sheetData>` +
    `<autoFilter ref="${range}"/>` +
    '</worksheet>';
  return { xml, range };
}

/** The parts of the workbook (path -> XML). */
export function xlsxParts(sheets: IXlsxSheet[]): { path: string; text: string }[] {
  if (sheets.length === 0) throw new Error('An xlsx needs at least one sheet');
  const strings = new SharedStrings();
  const names: string[] = [];
  for (const s of sheets) names.push(sheetName(s.name, names));
  const built = sheets.map((s, i) => sheetXml(s, strings, i === 0));
  const quoted = (n: string): string => `'${n.replace(/'/g, "''")}'`;
  const absolute = (range: string): string => range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  const workbook =
    XML_HEAD +
    `<workbook xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${names.map((n, i) => `<sheet name="${xmlEscape(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>` +
    // Excel keeps an autofilter's range in this hidden name; without it some versions drop the filter on save.
    `<definedNames>${names
      .map((n, i) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlEscape(`${quoted(n)}!${absolute(built[i].range)}`)}</definedName>`)
      .join('')}</definedNames>` +
    '</workbook>';
  const n = sheets.length;
  const workbookRels =
    XML_HEAD +
    `<Relationships xmlns="${PKG_REL_NS}">` +
    sheets.map((_s, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
    `<Relationship Id="rId${n + 1}" Type="${REL_NS}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="${REL_NS}/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>';
  const sst =
    XML_HEAD +
    `<sst xmlns="${MAIN_NS}" count="${strings.list.length}" uniqueCount="${strings.list.length}">` +
    strings.list.map((s) => `<si><t${/^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : ''}>${xmlEscape(s)}</t></si>`).join('') +
    '</sst>';
  const types =
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheets.map((_s, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
    '</Types>';
  const rootRels =
    XML_HEAD + `<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  return [
    { path: '[Content_Types].xml', text: types },
    { path: '_rels/.rels', text: rootRels },
    { path: 'xl/workbook.xml', text: workbook },
    { path: 'xl/_rels/workbook.xml.rels', text: workbookRels },
    { path: 'xl/styles.xml', text: XML_HEAD + STYLES },
    { path: 'xl/sharedStrings.xml', text: sst }
  ].concat(built.map((b, i) => ({ path: `xl/worksheets/sheet${i + 1}.xml`, text: b.xml })));
}

/* ---------------------------------------------------------------- zip (stored) */

let crcTable: number[] | undefined;

export function crc32(bytes: Uint8Array): number {
  if (!crcTable) {
    crcTable = [];
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable.push(c >>> 0);
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = crcTable[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A zip of the files, stored without compression (method 0), names in UTF-8, dated 1980-01-01. */
export function zipStored(files: { path: string; bytes: Uint8Array }[]): Uint8Array {
  const enc = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const DOS_DATE = (0 << 9) | (1 << 5) | 1;
  for (const f of files) {
    const name = enc.encode(f.path);
    const crc = crc32(f.bytes);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(6, 0x0800, true);
    local.setUint16(8, 0, true);
    local.setUint16(10, 0, true);
    local.setUint16(12, DOS_DATE, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, f.bytes.length, true);
    local.setUint32(22, f.bytes.length, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, 0, true);
    chunks.push(new Uint8Array(local.buffer), name, f.bytes);
    const cd = new DataView(new ArrayBuffer(46));
    cd.setUint32(0, 0x02014b50, true);
    cd.setUint16(4, 20, true);
    cd.setUint16(6, 20, true);
    cd.setUint16(8, 0x0800, true);
    cd.setUint16(10, 0, true);
    cd.setUint16(12, 0, true);
    cd.setUint16(14, DOS_DATE, true);
    cd.setUint32(16, crc, true);
    cd.setUint32(20, f.bytes.length, true);
    cd.setUint32(24, f.bytes.length, true);
    cd.setUint16(28, name.length, true);
    cd.setUint32(42, offset, true);
    central.push(new Uint8Array(cd.buffer), name);
    offset += 30 + name.length + f.bytes.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, files.length, true);
  end.setUint16(10, files.length, true);
  end.setUint32(12, cdSize, true);
  end.setUint32(16, offset, true);
  const all = chunks.concat(central, [new Uint8Array(end.buffer)]);
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The .xlsx file of the sheets. */
export function buildXlsx(sheets: IXlsxSheet[]): Uint8Array {
  const enc = new TextEncoder();
  return zipStored(xlsxParts(sheets).map((p) => ({ path: p.path, bytes: enc.encode(p.text) })));
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
