/** @jest-environment ./tests/dev/environment.js */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { readRows } from '../../scripts/import-objectives';
import { decodeUtf8, readXlsx, XLSX_LIMITS } from '../../scripts/importFiles';

const TEMPLATE = path.join(__dirname, '../../templates/doelstellingen.xlsx');
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-files-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function write(name: string, data: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, data);
  return file;
}

describe('CSV must be UTF-8', () => {
  it('accepts UTF-8 with a BOM (Excel\'s "CSV UTF-8") and without', async () => {
    const text = 'thema;code;tekst\r\n1;1.1;Beheersing van de financiële risico\'s: één overzicht\r\n';
    const withBom = write('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    const without = write('nobom.csv', Buffer.from(text, 'utf8'));
    const expected = [{ line: 2, theme: '1', code: '1.1', text: "Beheersing van de financiële risico's: één overzicht" }];
    expect(await readRows(withBom)).toEqual(expected);
    expect(await readRows(without)).toEqual(expected);
  });

  it('refuses Latin-1 / Windows-1252 naming the encoding, the line and the character, instead of turning é into U+FFFD', async () => {
    const file = write('latin1.csv', Buffer.from('thema;code;tekst\n1;1.1;financiële risico\'s\n', 'latin1'));
    const err = await readRows(file).then(
      () => undefined,
      (e: Error) => e
    );
    expect(err?.message).toMatch(/^Het bestand is geen UTF-8: regel 2 bevat byte 0xEB; het lijkt Latin-1\/Windows-1252 \(daarin is dat 'ë'\)/);
    expect(err?.message).toMatch(/The file is not UTF-8: line 2 has byte 0xEB; it looks like Latin-1\/Windows-1252/);
    expect(err?.message).not.toContain('\uFFFD');
  });

  it('refuses UTF-16 (Excel\'s "Unicode text"), by BOM or by its zero bytes', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('thema\tcode\ttekst\r\n', 'utf16le')]);
    expect(() => decodeUtf8(utf16)).toThrow(/geen UTF-8: het is UTF-16 LE .*not UTF-8: it is UTF-16 LE/);
    expect(() => decodeUtf8(Buffer.from([0xfe, 0xff, 0, 0x74]))).toThrow(/UTF-16 BE/);
    expect(() => decodeUtf8(Buffer.from('thema;code;tekst', 'utf16le'))).toThrow(/lijkt UTF-16 zonder BOM/);
  });

  it('refuses overlong forms and surrogates, which are not UTF-8 either', () => {
    expect(() => decodeUtf8(Buffer.from([0x61, 0xc0, 0xaf]))).toThrow(/byte 0xC0/);
    expect(() => decodeUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toThrow(/byte 0xED/);
    expect(decodeUtf8(Buffer.from('€ 😀', 'utf8'))).toBe('€ 😀');
  });
});

async function templateWith(fill: (ws: ExcelJS.Worksheet) => void, name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(TEMPLATE);
  fill(wb.worksheets[0]);
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('Excel cells', () => {
  it('refuses a formula without a cached value, naming the cell', async () => {
    const file = await templateWith((ws) => {
      for (let i = 1; i <= 5; i++) ws.addRow([1, `1.${i}`, `Tekst ${i}`]);
      ws.getCell('B7').value = { formula: 'CONCATENATE("1.",ROW()-1)' } as ExcelJS.CellFormulaValue;
    }, 'formula.xlsx');
    await expect(readRows(file)).rejects.toThrow(/^Cel B7 bevat een formule zonder berekende waarde \(=CONCATENATE\("1\.",ROW\(\)-1\)\).* \/ Cell B7 holds a formula without a calculated value/);
  });

  it('uses the cached value of a formula; dates become yyyy-mm-dd; rich text is joined', async () => {
    const file = await templateWith((ws) => {
      ws.addRow([1, { formula: 'CONCATENATE("1.",ROW()-1)', result: '1.1' }, { richText: [{ text: 'Vóór ' }, { text: 'de deadline', font: { bold: true } }] }]);
      ws.addRow([{ formula: '1+2', result: 3 }, '3.1', new Date(Date.UTC(2024, 2, 1))]);
    }, 'cached.xlsx');
    expect(await readRows(file)).toEqual([
      { line: 2, theme: '1', code: '1.1', text: 'Vóór de deadline' },
      { line: 3, theme: '3', code: '3.1', text: '2024-03-01' }
    ]);
  });

  it('refuses an error value, naming the cell', async () => {
    const file = await templateWith((ws) => {
      ws.addRow([1, '1.1', { formula: '1/0', result: { error: '#DIV/0!' } }]);
    }, 'error.xlsx');
    await expect(readRows(file)).rejects.toThrow(/Cel C2 bevat de foutwaarde #DIV\/0!/);
  });

  it('refuses a sheet over the row or cell limit before exceljs reads it', async () => {
    const file = await templateWith((ws) => {
      for (let i = 1; i <= 30; i++) ws.addRow([1, `1.${i}`, `Tekst ${i}`]);
    }, 'rows.xlsx');
    await expect(readXlsx(file, { ...XLSX_LIMITS, rows: 20 })).rejects.toThrow(/te groot om in te lezen: 31 rijen in xl\/worksheets\/sheet1\.xml \(hoogstens 20\)/);
    await expect(readXlsx(file, { ...XLSX_LIMITS, cells: 60 })).rejects.toThrow(/93 cellen/);
    expect(await readXlsx(file)).toHaveLength(31);
  });
});

interface IRawEntry {
  name: string;
  /** Raw deflate data. */
  deflated: Buffer;
  size: number;
  crc: number;
}

/** A zip written by hand, so a part can be a deflate stream of hundreds of MB produced in chunks. */
function zipOf(entries: IRawEntry[], declare: (e: IRawEntry) => number = (e) => e.size): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(8, 8);
    lh.writeUInt32LE(e.crc, 14);
    lh.writeUInt32LE(e.deflated.length, 18);
    lh.writeUInt32LE(declare(e), 22);
    lh.writeUInt16LE(name.length, 26);
    locals.push(lh, name, e.deflated);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(8, 10);
    ch.writeUInt32LE(e.crc, 16);
    ch.writeUInt32LE(e.deflated.length, 20);
    ch.writeUInt32LE(declare(e), 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    central.push(ch, name);
    offset += 30 + name.length + e.deflated.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** The template's parts, with the worksheet replaced by `rows` copies of one row (deflated in chunks). */
async function bombParts(rows: number): Promise<IRawEntry[]> {
  const zip = await JSZip.loadAsync(fs.readFileSync(TEMPLATE));
  const entries: IRawEntry[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    let data: Buffer;
    if (name === 'xl/worksheets/sheet1.xml') {
      const head = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
      const row = Buffer.from(`<row><c t="inlineStr"><is><t>${'A'.repeat(200)}</t></is></c></row>`);
      const chunk = Buffer.concat(Array.from({ length: 4096 }, () => row));
      const tail = Buffer.from('</sheetData></worksheet>');
      const deflate = zlib.createDeflateRaw({ level: 9 });
      const out: Buffer[] = [];
      deflate.on('data', (b: Buffer) => out.push(b));
      const done = new Promise((resolve) => deflate.on('end', resolve));
      let size = 0;
      let crc = 0;
      const put = (b: Buffer): Promise<void> =>
        new Promise((resolve) => {
          size += b.length;
          crc = zlib.crc32(b, crc);
          if (deflate.write(b)) resolve();
          else deflate.once('drain', () => resolve());
        });
      await put(head);
      for (let i = 0; i < rows / 4096; i++) await put(chunk);
      await put(tail);
      deflate.end();
      await done;
      entries.push({ name, deflated: Buffer.concat(out), size, crc });
      continue;
    }
    data = await zip.files[name].async('nodebuffer');
    entries.push({ name, deflated: zlib.deflateRawSync(data), size: data.length, crc: zlib.crc32(data) });
  }
  return entries;
}

describe('a zip bomb', () => {
  let parts: IRawEntry[];
  beforeAll(async () => {
    // About 1.3 million rows: the worksheet unpacks to ~320 MB from well under 1 MB.
    parts = await bombParts(4096 * 320);
  }, 60000);

  it('is refused from its central directory, before anything is unpacked: quickly and without the memory', async () => {
    const file = write('bomb.xlsx', zipOf(parts));
    const packed = fs.statSync(file).size;
    const sheet = parts.filter((p) => p.name === 'xl/worksheets/sheet1.xml')[0];
    expect(packed).toBeLessThan(2 * 1024 * 1024);
    expect(sheet.size).toBeGreaterThan(300 * 1024 * 1024);
    const heap = process.memoryUsage();
    const t0 = Date.now();
    const err = await readRows(file).then(
      () => undefined,
      (e: Error) => e
    );
    const ms = Date.now() - t0;
    const grown = process.memoryUsage().rss - heap.rss;
    expect(err?.message).toMatch(/^Het Excel-bestand is te groot om in te lezen: uitgepakt \d+\.\d MB \(hoogstens 50\.0 MB; xl\/worksheets\/sheet1\.xml: \d+\.\d MB\)/);
    expect(err?.message).toMatch(/The Excel file is too large to read/);
    expect(ms).toBeLessThan(1000);
    expect(grown).toBeLessThan(64 * 1024 * 1024);
  });

  it('that lies about its sizes is refused when a part unpacks to more than it declares (the inflate is capped)', async () => {
    const file = write('liar.xlsx', zipOf(parts, (e) => (e.name === 'xl/worksheets/sheet1.xml' ? 4096 : e.size)));
    const t0 = Date.now();
    await expect(readRows(file)).rejects.toThrow(/onderdeel xl\/worksheets\/sheet1\.xml pakt niet uit tot de 4096 bytes die het bestand opgeeft/);
    expect(Date.now() - t0).toBeLessThan(1000);
  });

  it('a file over the size limit is refused from its size alone', async () => {
    const file = write('big.xlsx', Buffer.alloc(2048));
    await expect(readXlsx(file, { ...XLSX_LIMITS, fileBytes: 1024 })).rejects.toThrow(/te groot om in te lezen: 2048 bytes \(hoogstens 1024 bytes\)/);
  });
});
