/**
 * Reading the files the import CLIs take, refusing what they cannot read faithfully:
 * - text (CSV) must be UTF-8, with or without BOM; anything else is refused naming the
 *   encoding it looks like, never decoded with replacement characters;
 * - .xlsx is a zip: its size and the sizes its central directory declares are checked before
 *   anything is unpacked, every part is then inflated with its declared size as a hard cap
 *   (a zip that lies about its sizes is refused too) and the worksheet's rows and cells are
 *   counted before exceljs builds its model; formula cells give their cached result or are
 *   refused naming the cell, rich text is joined, dates become yyyy-mm-dd.
 */
import * as fs from 'fs';
import * as zlib from 'zlib';

export interface IXlsxLimits {
  /** Bytes of the .xlsx file. */
  fileBytes: number;
  /** Bytes all parts unpack to together (as the zip declares them). */
  unpackedBytes: number;
  /** Parts in the zip. */
  entries: number;
  /** Rows of the worksheet. */
  rows: number;
  /** Cells of the worksheet. */
  cells: number;
}

/** Far above any objectives file (the leidraad has about a hundred objectives). */
export const XLSX_LIMITS: IXlsxLimits = { fileBytes: 10 * 1024 * 1024, unpackedBytes: 50 * 1024 * 1024, entries: 1000, rows: 10000, cells: 100000 };

function mb(n: number): string {
  return n < 1024 * 1024 ? `${n} bytes` : `${(n / 1024 / 1024).toFixed(1)} MB`;
}

// ------------------------------------------------------------------ text files

/** The index of the first byte that is not part of a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    let cp = b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i;
    i += n + 1;
  }
  return -1;
}

const SAVE_AS_NL = 'Sla het bestand in Excel op als "CSV UTF-8 (door komma\'s gescheiden)" (of kies UTF-8 in je editor) en probeer opnieuw.';
const SAVE_AS_EN = 'In Excel, save it as "CSV UTF-8 (Comma delimited)" (or choose UTF-8 in your editor) and try again.';

/**
 * The text of a file that must be UTF-8 (a BOM is allowed and dropped). Throws, naming the
 * encoding found, for UTF-16/UTF-32 (by BOM or by the zero bytes of ASCII text) and for any
 * byte sequence that is not UTF-8 (then Latin-1/Windows-1252, showing the character it would be).
 */
export function decodeUtf8(bytes: Uint8Array): string {
  const starts = (...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
  const refuse = (nl: string, en: string): never => {
    throw new Error(`Het bestand is geen UTF-8: ${nl}. ${SAVE_AS_NL} / The file is not UTF-8: ${en}. ${SAVE_AS_EN}`);
  };
  if (starts(0xff, 0xfe, 0, 0) || starts(0, 0, 0xfe, 0xff)) refuse('het is UTF-32 (volgens de BOM)', 'it is UTF-32 (by its BOM)');
  if (starts(0xff, 0xfe)) refuse('het is UTF-16 LE (volgens de BOM, "Unicode-tekst" in Excel)', 'it is UTF-16 LE (by its BOM, "Unicode Text" in Excel)');
  if (starts(0xfe, 0xff)) refuse('het is UTF-16 BE (volgens de BOM)', 'it is UTF-16 BE (by its BOM)');
  const body = starts(0xef, 0xbb, 0xbf) ? bytes.subarray(3) : bytes;
  const sample = body.subarray(0, 4096);
  let zeros = 0;
  for (const b of sample) if (b === 0) zeros++;
  if (sample.length >= 4 && zeros * 4 >= sample.length) refuse('het lijkt UTF-16 zonder BOM (veel nul-bytes)', 'it looks like UTF-16 without a BOM (many zero bytes)');
  const bad = firstInvalidUtf8(body);
  if (bad >= 0) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (body[i] === 0x0a) line++;
    const byte = body[bad];
    const hex = `0x${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    const asCp1252 = new TextDecoder('windows-1252').decode(body.subarray(bad, bad + 1));
    refuse(
      `regel ${line} bevat byte ${hex}; het lijkt Latin-1/Windows-1252 (daarin is dat '${asCp1252}')`,
      `line ${line} has byte ${hex}; it looks like Latin-1/Windows-1252 (where that is '${asCp1252}')`
    );
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(body);
}

/** A text file that must be UTF-8 (see decodeUtf8). */
export function readUtf8File(file: string): string {
  return decodeUtf8(fs.readFileSync(file));
}

// ------------------------------------------------------------------ xlsx

export interface IZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

function notXlsx(nl: string, en: string): Error {
  return new Error(`Dit is geen geldig .xlsx-bestand: ${nl}. / This is not a valid .xlsx file: ${en}.`);
}

/**
 * The entries of a zip as its central directory declares them (read from the end of the
 * file; nothing is unpacked). ZIP64 is refused: no spreadsheet the import takes needs it.
 */
export function zipDirectory(buf: Buffer): IZipEntry[] {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notXlsx('geen zip (geen centrale map)', 'not a zip (no central directory)');
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff || cdSize === 0xffffffff) throw notXlsx('ZIP64 wordt niet ondersteund', 'ZIP64 is not supported');
  if (cdOffset + cdSize > eocd) throw notXlsx('de centrale map valt buiten het bestand', 'the central directory lies outside the file');
  const entries: IZipEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) throw notXlsx('beschadigde centrale map', 'damaged central directory');
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const entry: IZipEntry = {
      method: buf.readUInt16LE(p + 10),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localHeaderOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen)
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localHeaderOffset === 0xffffffff) {
      throw notXlsx('ZIP64 wordt niet ondersteund', 'ZIP64 is not supported');
    }
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The refusal of a spreadsheet that is too large (it is not read). */
function tooLarge(nl: string, en: string): Error {
  return new Error(
    `Het Excel-bestand is te groot om in te lezen: ${nl}. Laat alleen de kolommen thema, code en tekst staan, of gebruik een CSV-bestand. / ` +
      `The Excel file is too large to read: ${en}. Keep only the columns theme, code and text, or use a CSV file.`
  );
}

/** Checks the file size and the declared sizes (nothing unpacked); throws when over a limit. */
export function checkZipDirectory(fileBytes: number, entries: IZipEntry[], limits: IXlsxLimits = XLSX_LIMITS): void {
  if (fileBytes > limits.fileBytes) throw tooLarge(`${mb(fileBytes)} (hoogstens ${mb(limits.fileBytes)})`, `${mb(fileBytes)} (at most ${mb(limits.fileBytes)})`);
  if (entries.length > limits.entries) throw tooLarge(`${entries.length} onderdelen in het zip-bestand`, `${entries.length} parts in the zip`);
  const total = entries.reduce((s, e) => s + e.size, 0);
  if (total > limits.unpackedBytes) {
    const biggest = entries.slice().sort((a, b) => b.size - a.size)[0];
    throw tooLarge(
      `uitgepakt ${mb(total)} (hoogstens ${mb(limits.unpackedBytes)}; ${biggest.name}: ${mb(biggest.size)})`,
      `${mb(total)} unpacked (at most ${mb(limits.unpackedBytes)}; ${biggest.name}: ${mb(biggest.size)})`
    );
  }
}

/** An entry's bytes, inflated with its declared size as a hard cap (a lying zip is refused). */
function inflateEntry(buf: Buffer, e: IZipEntry): Buffer {
  const p = e.localHeaderOffset;
  if (p + 30 > buf.length || buf.readUInt32LE(p) !== 0x04034b50) throw notXlsx(`beschadigd onderdeel ${e.name}`, `damaged part ${e.name}`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  const data = buf.subarray(start, start + e.compressedSize);
  let out: Buffer;
  try {
    if (e.method === 0) out = data;
    else if (e.method === 8) out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) });
    else throw new Error(`method ${e.method}`);
  } catch {
    throw notXlsx(
      `onderdeel ${e.name} pakt niet uit tot de ${e.size} bytes die het bestand opgeeft`,
      `part ${e.name} does not unpack to the ${e.size} bytes the file declares`
    );
  }
  if (out.length !== e.size) {
    throw notXlsx(`onderdeel ${e.name} pakt niet uit tot de ${e.size} bytes die het bestand opgeeft`, `part ${e.name} does not unpack to the ${e.size} bytes the file declares`);
  }
  return out;
}

function countOf(xml: string, re: RegExp): number {
  let n = 0;
  re.lastIndex = 0;
  while (re.exec(xml)) n++;
  return n;
}

/**
 * Checks an .xlsx before exceljs reads it: file size and declared sizes first (nothing
 * unpacked), then each part inflated with its declared size as a cap, then the rows and
 * cells of each worksheet. Returns the file's bytes for exceljs.
 */
export function checkXlsx(file: string, limits: IXlsxLimits = XLSX_LIMITS): Buffer {
  const size = fs.statSync(file).size;
  if (size > limits.fileBytes) throw tooLarge(`${mb(size)} (hoogstens ${mb(limits.fileBytes)})`, `${mb(size)} (at most ${mb(limits.fileBytes)})`);
  const buf = fs.readFileSync(file);
  const entries = zipDirectory(buf);
  checkZipDirectory(buf.length, entries, limits);
  for (const e of entries) {
    const data = inflateEntry(buf, e);
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(e.name)) continue;
    const xml = data.toString('utf8');
    const rows = countOf(xml, /<row[\s>/]/g);
    const cells = countOf(xml, /<c[\s>/]/g);
    if (rows > limits.rows) throw tooLarge(`${rows} rijen in ${e.name} (hoogstens ${limits.rows})`, `${rows} rows in ${e.name} (at most ${limits.rows})`);
    if (cells > limits.cells) throw tooLarge(`${cells} cellen in ${e.name} (hoogstens ${limits.cells})`, `${cells} cells in ${e.name} (at most ${limits.cells})`);
  }
  return buf;
}

/** A cell as exceljs gives it: its value and its address (B7). */
export interface ICellLike {
  value: unknown;
  address: string;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** A date cell as text: yyyy-mm-dd (Excel dates carry no time zone: exceljs gives them as UTC). */
function dateText(d: Date): string {
  const day = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  const time = d.getUTCHours() || d.getUTCMinutes() ? ` ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}` : '';
  return day + time;
}

/**
 * The text of a cell. Formulas give their cached result (what Excel last calculated); a
 * formula without one, or an error value (#N/A, #DIV/0!), is refused naming the cell.
 */
export function cellText(cell: ICellLike): string {
  const text = (v: unknown): string => {
    if (v === null || v === undefined) return '';
    if (v instanceof Date) return dateText(v);
    if (typeof v !== 'object') return String(v);
    const o = v as { richText?: { text: string }[]; text?: unknown; hyperlink?: string; formula?: string; sharedFormula?: string; result?: unknown; error?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (o.formula !== undefined || o.sharedFormula !== undefined) {
      const f = o.formula || o.sharedFormula || '';
      if (o.result === undefined || o.result === null) {
        throw new Error(
          `Cel ${cell.address} bevat een formule zonder berekende waarde (=${f}): open het bestand in Excel en sla het op, of vervang de formule door haar waarde. / ` +
            `Cell ${cell.address} holds a formula without a calculated value (=${f}): open the file in Excel and save it, or replace the formula by its value.`
        );
      }
      return text(o.result);
    }
    if (typeof o.error === 'string') {
      throw new Error(`Cel ${cell.address} bevat de foutwaarde ${o.error}. / Cell ${cell.address} holds the error value ${o.error}.`);
    }
    if (o.text !== undefined) return text(o.text);
    throw new Error(`Cel ${cell.address} bevat een waarde die geen tekst is. / Cell ${cell.address} holds a value that is not text.`);
  };
  return text(cell.value);
}

/** The first worksheet as rows of text, after checkXlsx (exceljs, kept out of the web part bundles). */
export async function readXlsx(file: string, limits: IXlsxLimits = XLSX_LIMITS): Promise<string[][]> {
  const buf = checkXlsx(file, limits);
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const ExcelJS = require('exceljs') as typeof import('exceljs');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  if (!ws) return [];
  const rows: string[][] = [];
  const problems: string[] = [];
  const width = ws.columnCount;
  for (let r = 1; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) {
      try {
        cells.push(cellText(row.getCell(c)));
      } catch (e) {
        problems.push((e as Error).message);
        cells.push('');
      }
    }
    rows.push(cells);
  }
  if (problems.length) {
    const shown = problems.slice(0, 10);
    if (problems.length > shown.length) shown.push(`… (+${problems.length - shown.length})`);
    throw new Error(shown.join('\n'));
  }
  return rows;
}
