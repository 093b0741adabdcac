/** @jest-environment node */
/**
 * The 2022 council report opens and lays out in an office suite: both files are
 * converted to PDF with LibreOffice (headless) and the page counts are checked.
 * Skipped, with a message, only when LibreOffice (soffice) is not installed:
 * apt-get install -y libreoffice-core libreoffice-writer libreoffice-impress
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { buildSlideDeck, buildWordReport, reportFileName } from '../../src/report';
import { hideNodeFromPptxgenjs, OPTIONS, seedReport } from '../report/fixtures';

function findSoffice(): string | undefined {
  const candidates = [process.env.SOFFICE_PATH, 'soffice', 'libreoffice'].filter((c): c is string => !!c);
  for (const c of candidates) {
    const r = spawnSync(c, ['--version'], { encoding: 'utf8', timeout: 60000 });
    if (r.status === 0) return c;
  }
  return undefined;
}

/** Pages of a PDF: pdfinfo when available, else the page objects in the file. */
function pdfPages(file: string): number {
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  if (info.status === 0) {
    const m = /^Pages:\s+(\d+)/m.exec(info.stdout);
    if (m) return Number(m[1]);
  }
  const raw = fs.readFileSync(file).toString('latin1');
  return (raw.match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

function pdfText(file: string): string | undefined {
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return r.status === 0 ? r.stdout : undefined;
}

const soffice = findSoffice();
const maybe = soffice ? describe : describe.skip;
if (!soffice) {
  console.warn('report-pdf: LibreOffice (soffice) is not installed; skipping the PDF conversion checks. ' + 'Install: apt-get install -y libreoffice-core libreoffice-writer libreoffice-impress poppler-utils');
}

maybe('2022 report converted to PDF with LibreOffice', () => {
  hideNodeFromPptxgenjs();
  const report = seedReport(2022);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgb-report-pdf-'));
  const pdf: Record<'docx' | 'pptx', string> = { docx: '', pptx: '' };

  beforeAll(async () => {
    const docx = path.join(dir, reportFileName(2022, 'docx'));
    const pptx = path.join(dir, reportFileName(2022, 'pptx'));
    fs.writeFileSync(docx, await buildWordReport(report, OPTIONS));
    fs.writeFileSync(pptx, await buildSlideDeck(report, OPTIONS));
    // Own profile: no clash with a LibreOffice that is already running. Both files have
    // the same base name, so each is converted into its own folder.
    const profile = `-env:UserInstallation=file://${path.join(dir, 'lo-profile')}`;
    for (const [format, file] of [['docx', docx], ['pptx', pptx]] as const) {
      const out = path.join(dir, format);
      fs.mkdirSync(out);
      execFileSync(soffice as string, [profile, '--headless', '--convert-to', 'pdf', '--outdir', out, file], { timeout: 240000, stdio: 'pipe' });
      pdf[format] = path.join(out, path.basename(file).replace(/\.(docx|pptx)$/, '.pdf'));
    }
  }, 300000);

  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('converts the Word note to a PDF of a sane length (title, contents, Algemeen, a section per domain)', () => {
    expect(fs.existsSync(pdf.docx)).toBe(true);
    expect(pdf.docx).not.toBe(pdf.pptx);
    const pages = pdfPages(pdf.docx);
    // Each domain starts on a new page: at least title + contents + Algemeen + one page per domain.
    expect(pages).toBeGreaterThanOrEqual(Math.max(8, 3 + report.domains.length));
    expect(pages).toBeLessThan(200);
    const text = pdfText(pdf.docx);
    if (text !== undefined) expect(text).toContain('Pagina 2 van');
  });

  it('converts the slide deck to one page per slide: title, Algemeen, a card per domain, closing', () => {
    expect(fs.existsSync(pdf.pptx)).toBe(true);
    const pages = pdfPages(pdf.pptx);
    expect(pages).toBeGreaterThanOrEqual(1 + report.domains.length + 1);
    expect(pages).toBeLessThan(1 + 1 + 4 * report.domains.length + 1);
  });

  it('shows every domain title in both PDFs (when pdftotext is available)', () => {
    const texts = [pdfText(pdf.docx), pdfText(pdf.pptx)];
    if (texts.some((t) => t === undefined)) {
      console.warn('report-pdf: pdftotext (poppler-utils) not installed; text check skipped.');
      return;
    }
    for (const t of texts) {
      for (const d of report.domains) expect(t).toContain(`${d.domain.order}. ${d.domain.title}`);
      expect(t).toContain('2022');
    }
  });
});
