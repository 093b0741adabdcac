/**
 * The council slide deck (like the city's deck for the Commissie Algemene zaken):
 * title slide, "Algemeen" with the domains, per domain the four-quadrant card
 * (Detail criterium / Op te volgen hoge risico's / Realisaties / Planning) and a
 * closing slide. New items are bold, coloured and marked with "★ " (not colour only).
 * A card whose quadrants do not fit gets a smaller font (down to MIN_FONT_PT), then
 * two columns, then continuation slides: nothing is cut off.
 * Runs in the browser and in Node.
 */
import PptxGenJS from 'pptxgenjs';
import { cardTitle } from '../model/text';
import { IAction, IDomainReport, IReport } from '../model/types';
import { annexExecutionShort, annexTitle, matrixCellText, NOT_STATED_NL, oneLine, riskMatrixSection, shortDecreeBasis } from './content';
import { HeatBand, IHeatMap } from '../model/risks';
import { formatDelta, formatScore } from '../model/maturity';
import { formatDutchDate, IReportOptions, reportTitle } from './options';

/** Marker in front of new items (the text signal next to bold and colour). */
export const NEW_MARKER = '★ ';

export const MAX_FONT_PT = 14;
export const MIN_FONT_PT = 10;

const SLIDE_W = 13.333;
const SLIDE_H = 7.5;
const MARGIN_X = 0.4;
const GRID_TOP = 1.05;
const GRID_BOTTOM = 6.8;
const GAP = 0.15;
const HEADER_H = 0.36;
const BOX_INSET = 0.08;
const MIN_TOP_ROW = 1.0;
const MAX_TOP_SHARE = 0.55;
/** Average glyph width as a share of the font size (Calibri/Carlito, with some slack), regular and bold. */
const CHAR_EM = 0.46;
const CHAR_EM_BOLD = 0.49;
const LINE_EM = 1.22;
const SPACE_AFTER_PT = 1;
/** An item with at most this many entries (itself and its sub-items) is not split over columns. */
const KEEP_TOGETHER = 3;
const BULLET_INDENT_PT = 12;
const MIN_COLUMN_W = 2.6;

/** Proofing language of the text runs. */
const LANG = 'nl-BE';

const C = {
  title: '1F3864',
  text: '262626',
  muted: '595959',
  newText: '0B5394',
  line: 'BFBFBF'
};

/** The look every table of the deck shares. */
const TABLE_LOOK = {
  fontFace: 'Calibri',
  color: C.text,
  border: { type: 'solid' as const, pt: 0.75, color: C.line },
  fill: { color: 'FFFFFF' },
  valign: 'middle' as const
};

const QUADRANT_FILLS = ['F2F2F2', 'FBEAE7', 'EAF3E6', 'E8EFF8'];

/** One line item of a quadrant. */
export interface ICardEntry {
  text: string;
  isNew: boolean;
  /** 0: item, 1: sub-item of the item above. */
  level: 0 | 1;
}

interface IQuadrant {
  label: string;
  entries: ICardEntry[];
}

interface IPlacedQuadrant {
  label: string;
  columns: ICardEntry[][];
  /** First entry shown is not the quadrant's first: "(vervolg)". */
  continued: boolean;
  /** Text instead of entries: "Geen items." or "Zie vorige dia." */
  placeholder?: string;
}

interface IBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ICardPage {
  fontPt: number;
  topRowH: number;
  quadrants: IPlacedQuadrant[];
}

function lineHeightIn(fontPt: number): number {
  return (fontPt * LINE_EM) / 72;
}

/** Lines a text takes in a column of `widthIn` at `fontPt` (greedy word wrap on an average glyph width). */
export function estimateLines(text: string, widthIn: number, fontPt: number, bold: boolean = false): number {
  const maxChars = Math.max(8, Math.floor(widthIn / ((fontPt * (bold ? CHAR_EM_BOLD : CHAR_EM)) / 72)));
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/)) {
    if (!word) continue;
    // Characters outside the BMP (emoji) count twice in length and are wide: fine as an estimate.
    let len = word.length;
    while (len > maxChars) {
      if (used > 0) lines++;
      len -= maxChars;
      used = 0;
      if (len > 0) lines++;
    }
    if (used === 0) used = len;
    else if (used + 1 + len <= maxChars) used += 1 + len;
    else {
      lines++;
      used = len;
    }
  }
  return lines;
}

/** A run without a break opportunity longer than this is no word: it gets break opportunities. */
export const LONG_WORD: number = 40;
/** Such a run: more than LONG_WORD characters other than white space and zero width spaces. */
const LONG_RUN: RegExp = /[^\s\u200b]{41,}/g;
/** Characters between the inserted break opportunities (fits the narrowest text column at 14 pt). */
const LONG_WORD_CHUNK: number = 15;
const ZERO_WIDTH_SPACE = '\u200b';

/**
 * PowerPoint only wraps at break opportunities; a 255-character title without a space runs
 * out of its table cell or text box. Runs longer than LONG_WORD (no real word is) get a zero
 * width space every LONG_WORD_CHUNK characters: invisible, but a place to wrap. Real words
 * stay whole.
 */
export function breakLongWords(text: string): string {
  return text.replace(LONG_RUN, (run) => {
    const parts: string[] = [];
    // By code point, so no surrogate pair (emoji) is cut in half.
    const chars = Array.from(run);
    for (let i = 0; i < chars.length; i += LONG_WORD_CHUNK) parts.push(chars.slice(i, i + LONG_WORD_CHUNK).join(''));
    return parts.join(ZERO_WIDTH_SPACE);
  });
}

/** Every cell of a table with break opportunities in its long runs. */
function breakCells(rows: ICell[][]): ICell[][] {
  return rows.map((r) => r.map((c) => ({ ...c, text: breakLongWords(c.text) })));
}

/** Sub-items are one point smaller than items. */
function entryFontPt(e: ICardEntry, fontPt: number): number {
  return e.level === 0 ? fontPt : Math.max(fontPt - 1, 8);
}

function entryHeight(e: ICardEntry, colW: number, fontPt: number): number {
  const indent = ((e.level + 1) * BULLET_INDENT_PT) / 72;
  const text = e.isNew && e.level === 0 ? NEW_MARKER + e.text : e.text;
  const size = entryFontPt(e, fontPt);
  return estimateLines(text, colW - indent, size, e.isNew) * lineHeightIn(size) + SPACE_AFTER_PT / 72;
}

/** Text area of a quadrant box (below its header). */
function textArea(box: IBox): { w: number; h: number } {
  return { w: box.w - 2 * BOX_INSET, h: box.h - HEADER_H - 2 * BOX_INSET };
}

function columnWidth(areaW: number, cols: number): number {
  return (areaW - (cols - 1) * 0.15) / cols;
}

function totalHeight(entries: ICardEntry[], colW: number, fontPt: number): number {
  let h = 0;
  for (const e of entries) h += entryHeight(e, colW, fontPt);
  return h;
}

/** Takes from `queue` what fits in `cols` columns; an item keeps its sub-items when it can. */
function fill(queue: ICardEntry[], area: { w: number; h: number }, cols: number, fontPt: number): ICardEntry[][] {
  const colW = columnWidth(area.w, cols);
  const columns: ICardEntry[][] = [];
  for (let c = 0; c < cols && queue.length > 0; c++) {
    const col: ICardEntry[] = [];
    let used = 0;
    while (queue.length > 0) {
      // The group: the first entry and the sub-items that follow it.
      let n = 1;
      while (n < queue.length && queue[n].level === 1) n++;
      const group = queue.slice(0, n);
      const gh = totalHeight(group, colW, fontPt);
      if (used + gh <= area.h) {
        col.push(...queue.splice(0, n));
        used += gh;
        continue;
      }
      // Keep small groups together; split a long one over columns rather than waste space.
      if (used > 0 && n <= KEEP_TOGETHER && gh <= area.h) break;
      let took = 0;
      while (queue.length > 0 && (took === 0 || queue[0].level === 1)) {
        const eh = entryHeight(queue[0], colW, fontPt);
        if (used + eh > area.h && (used > 0 || took > 0)) break;
        col.push(queue.shift() as ICardEntry);
        used += eh;
        took++;
      }
      break;
    }
    columns.push(col);
  }
  return columns;
}

/** Columns to use for what remains: 1 when it fits, else 2 when the box is wide enough. */
function chooseColumns(queue: ICardEntry[], area: { w: number; h: number }, fontPt: number): number {
  if (totalHeight(queue, area.w, fontPt) <= area.h) return 1;
  return columnWidth(area.w, 2) >= MIN_COLUMN_W ? 2 : 1;
}

function gridBoxes(topRowH: number): IBox[] {
  const colW = (SLIDE_W - 2 * MARGIN_X - GAP) / 2;
  const bottomY = GRID_TOP + topRowH + GAP;
  const bottomH = GRID_BOTTOM - bottomY;
  return [
    { x: MARGIN_X, y: GRID_TOP, w: colW, h: topRowH },
    { x: MARGIN_X + colW + GAP, y: GRID_TOP, w: colW, h: topRowH },
    { x: MARGIN_X, y: bottomY, w: colW, h: bottomH },
    { x: MARGIN_X + colW + GAP, y: bottomY, w: colW, h: bottomH }
  ];
}

/** Splits the card over pages at a given font size. */
function paginate(quadrants: IQuadrant[], fontPt: number): ICardPage[] {
  const queues = quadrants.map((q) => q.entries.slice());
  const started = quadrants.map(() => false);
  const pages: ICardPage[] = [];
  const gridH = GRID_BOTTOM - GRID_TOP;
  const colW = (SLIDE_W - 2 * MARGIN_X - GAP) / 2 - 2 * BOX_INSET;
  while (pages.length === 0 || queues.some((q) => q.length > 0)) {
    if (pages.length > 200) throw new Error('Slide layout did not converge');
    const need = [0, 1].map((i) =>
      queues[i].length ? totalHeight(queues[i], colW, fontPt) : lineHeightIn(fontPt) + SPACE_AFTER_PT / 72
    );
    const topRowH = Math.min(Math.max(Math.max(need[0], need[1]) + HEADER_H + 2 * BOX_INSET + 0.05, MIN_TOP_ROW), gridH * MAX_TOP_SHARE);
    const boxes = gridBoxes(topRowH);
    const placed: IPlacedQuadrant[] = quadrants.map((q, i) => {
      const area = textArea(boxes[i]);
      if (q.entries.length === 0) return { label: q.label, columns: [], continued: false, placeholder: 'Geen items.' };
      if (queues[i].length === 0) return { label: q.label, columns: [], continued: false, placeholder: 'Zie vorige dia.' };
      const continued = started[i];
      started[i] = true;
      const columns = fill(queues[i], area, chooseColumns(queues[i], area, fontPt), fontPt);
      return { label: q.label, columns, continued };
    });
    pages.push({ fontPt, topRowH, quadrants: placed });
  }
  return pages;
}

/**
 * Pages of a card: the largest font (MAX..MIN) at which it fits on one slide;
 * else the smallest font over as many continuation slides as needed.
 */
export function layoutCard(quadrants: IQuadrant[]): ICardPage[] {
  for (let f = MAX_FONT_PT; f > MIN_FONT_PT; f--) {
    const pages = paginate(quadrants, f);
    if (pages.length === 1) return pages;
  }
  return paginate(quadrants, MIN_FONT_PT);
}

function actionEntries(actions: IAction[], isNew: boolean): ICardEntry[] {
  const out: ICardEntry[] = [];
  for (const a of actions) {
    out.push({ text: oneLine(cardTitle(a)), isNew, level: 0 });
    for (const s of a.subItems) {
      const t = oneLine(s);
      if (t) out.push({ text: t, isNew, level: 1 });
    }
  }
  return out;
}

/** The four quadrants of a domain card: older items first, then the new ones (as on the city's deck). */
export function cardQuadrants(d: IDomainReport): IQuadrant[] {
  const criteria = d.domain.criteria.map(oneLine).filter((c) => c.length > 0);
  const criteriaEntries: ICardEntry[] = criteria.length
    ? criteria.map((c) => ({ text: c, isNew: false, level: 0 as const }))
    : d.domain.criteriaText
      ? [{ text: oneLine(d.domain.criteriaText.replace(/<[^>]+>/g, ' ')), isNew: false, level: 0 }]
      : [];
  return [
    { label: 'DETAIL CRITERIUM', entries: criteriaEntries },
    { label: "OP TE VOLGEN HOGE RISICO'S", entries: d.risks.map((r) => ({ text: oneLine(cardTitle(r)), isNew: false, level: 0 as const })) },
    { label: 'REALISATIES', entries: actionEntries(d.realisationsOlder, false).concat(actionEntries(d.realisationsNew, true)) },
    { label: 'PLANNING', entries: actionEntries(d.planningOlder, false).concat(actionEntries(d.planningNew, true)) }
  ];
}

type Slide = ReturnType<PptxGenJS['addSlide']>;
type TextRuns = Parameters<Slide['addText']>[0];

function entryRuns(entries: ICardEntry[], fontPt: number): TextRuns {
  const runs: { text: string; options: Record<string, unknown> }[] = [];
  for (const e of entries) {
    const color = e.isNew ? C.newText : C.text;
    const para = {
      bullet: e.level === 0 ? { indent: BULLET_INDENT_PT } : { characterCode: '2013', indent: BULLET_INDENT_PT },
      indentLevel: e.level,
      paraSpaceAfter: SPACE_AFTER_PT,
      fontSize: entryFontPt(e, fontPt)
    };
    // One run per paragraph: pptxgenjs writes a paragraph's properties again before every
    // further run, which PowerPoint rejects ("repair"); so the marker is part of the text.
    const text = breakLongWords(e.isNew && e.level === 0 ? NEW_MARKER + e.text : e.text);
    runs.push({ text, options: { ...para, lang: LANG, bold: e.isNew, color, breakLine: true } });
  }
  return runs as unknown as TextRuns;
}

function addHeaderBar(slide: Slide, title: string, subtitle: string): void {
  slide.addShape('rect', { x: 0, y: 0, w: SLIDE_W, h: 0.12, fill: { color: C.title }, line: { color: C.title } });
  // Long domain titles get a smaller size so they stay above the card.
  const fontSize = title.length <= 42 ? 24 : title.length <= 56 ? 20 : title.length <= 110 ? 16 : 12;
  slide.addText(breakLongWords(title), { x: MARGIN_X, y: 0.22, w: SLIDE_W - 2 * MARGIN_X - 3.2, h: 0.72, fontSize, bold: true, color: C.title, lang: LANG, valign: 'middle', margin: 0 });
  slide.addText(breakLongWords(subtitle), { x: SLIDE_W - MARGIN_X - 3.2, y: 0.25, w: 3.2, h: 0.65, fontSize: 11, color: C.muted, align: 'right', valign: 'middle', margin: 0 });
}

function addCardSlide(pptx: PptxGenJS, page: ICardPage, title: string, subtitle: string, report: IReport): void {
  const slide = pptx.addSlide();
  addHeaderBar(slide, title, subtitle);
  const boxes = gridBoxes(page.topRowH);
  page.quadrants.forEach((q, i) => {
    const b = boxes[i];
    slide.addShape('roundRect', { x: b.x, y: b.y, w: b.w, h: b.h, fill: { color: QUADRANT_FILLS[i] }, line: { color: C.line, width: 0.75 }, rectRadius: 0.08 });
    slide.addText(q.continued ? `${q.label} (VERVOLG)` : q.label, {
      x: b.x + BOX_INSET,
      y: b.y + 0.04,
      w: b.w - 2 * BOX_INSET,
      h: HEADER_H - 0.04,
      fontSize: 12,
      bold: true,
      color: C.title,
      valign: 'middle',
      margin: [0, 2, 0, 2]
    });
    const area = textArea(b);
    const top = b.y + HEADER_H + BOX_INSET;
    if (q.placeholder) {
      slide.addText(q.placeholder, { x: b.x + BOX_INSET, y: top, w: area.w, h: lineHeightIn(page.fontPt) + 0.1, fontSize: page.fontPt, italic: true, color: C.muted, valign: 'top', margin: 0 });
      return;
    }
    const cols = q.columns.length;
    const colW = columnWidth(area.w, Math.max(cols, 1));
    q.columns.forEach((col, c) => {
      slide.addText(entryRuns(col, page.fontPt), {
        x: b.x + BOX_INSET + c * (colW + 0.15),
        y: top,
        w: colW,
        h: area.h,
        valign: 'top',
        margin: 0,
        fontFace: 'Calibri',
        color: C.text
      });
    });
  });
  // Legend: the marker, bold and colour together; colour is never the only signal.
  // Two boxes rather than two runs in one paragraph (see entryRuns).
  slide.addText(`${NEW_MARKER}vet = nieuw: gerealiseerd in ${report.year} of nieuw op de planning ${report.planningYear}`, {
    x: MARGIN_X,
    y: GRID_BOTTOM + 0.12,
    w: 7.2,
    h: 0.35,
    fontSize: 11,
    bold: true,
    color: C.newText,
    lang: LANG,
    valign: 'middle',
    margin: 0
  });
  slide.addText('Overige items: eerdere jaren.', { x: MARGIN_X + 5.6, y: GRID_BOTTOM + 0.12, w: 4, h: 0.35, fontSize: 11, color: C.muted, lang: LANG, valign: 'middle', margin: 0 });
  slide.slideNumber = { x: SLIDE_W - MARGIN_X - 0.6, y: GRID_BOTTOM + 0.12, w: 0.6, h: 0.35, fontSize: 10, color: C.muted, align: 'right' } as Slide['slideNumber'];
}

function addTitleSlide(pptx: PptxGenJS, report: IReport, options: IReportOptions, date: Date): void {
  const slide = pptx.addSlide();
  slide.addShape('rect', { x: 0, y: 0, w: 0.35, h: SLIDE_H, fill: { color: C.title }, line: { color: C.title } });
  slide.addText('VOORTGANGSRAPPORT', { x: 1, y: 1.6, w: 11, h: 0.8, fontSize: 40, bold: true, color: C.title, margin: 0 });
  slide.addText(`Organisatiebeheersing ${report.year}`, { x: 1, y: 2.45, w: 11, h: 0.8, fontSize: 32, color: C.title, margin: 0 });
  slide.addText(oneLine(options.organisation), { x: 1, y: 3.6, w: 11, h: 0.6, fontSize: 24, bold: true, color: C.text, margin: 0 });
  slide.addText('Rapportering aan de gemeenteraad (Decreet lokaal bestuur, art. 217-220)', { x: 1, y: 4.3, w: 11, h: 0.5, fontSize: 16, color: C.muted, margin: 0 });
  slide.addText(formatDutchDate(date), { x: 1, y: 5.9, w: 11, h: 0.5, fontSize: 16, color: C.muted, margin: 0 });
}

/** Domains per overview slide: the table stays on the slide. */
const OVERVIEW_ROWS = 10;

type TableRows = Parameters<Slide['addTable']>[0];

interface ICell {
  text: string;
  options?: Record<string, unknown>;
}

function addOverviewSlides(pptx: PptxGenJS, report: IReport, options: IReportOptions): void {
  const head = (t: string): ICell => ({ text: t, options: { bold: true, color: 'FFFFFF', fill: { color: C.title } } });
  const header: ICell[] = [head('Domein'), head('Basis'), head("Hoge risico's"), head(`Realisaties (nieuw ${report.year})`), head(`Planning (nieuw ${report.planningYear})`)];
  const rows: ICell[][] = report.domains.map((d) => [
    { text: `${d.domain.order}. ${oneLine(d.domain.title)}`, options: { bold: true } },
    { text: shortDecreeBasis(d.domain.decreeBasis) || '-' },
    { text: String(d.risks.length) },
    { text: `${d.realisationsNew.length + d.realisationsOlder.length} (${d.realisationsNew.length})` },
    { text: `${d.planningNew.length + d.planningOlder.length} (${d.planningNew.length})` }
  ]);
  if (rows.length === 0) rows.push([{ text: 'Geen actieve domeinen.' }, { text: '-' }, { text: '-' }, { text: '-' }, { text: '-' }]);
  const pages = Math.ceil(rows.length / OVERVIEW_ROWS);
  for (let p = 0; p < pages; p++) {
    const slide = pptx.addSlide();
    addHeaderBar(slide, pages > 1 && p > 0 ? 'Algemeen: domeinen (vervolg)' : 'Algemeen: domeinen', `${reportTitle(report.year)} · ${oneLine(options.organisation)}`);
    slide.addText(
      `Per domein vier delen: detail criterium, op te volgen hoge risico's, realisaties en planning. ` +
        `${NEW_MARKER}Vet = nieuw in ${report.year} (realisaties) of nieuw op de planning ${report.planningYear}.`,
      { x: MARGIN_X, y: 1.0, w: SLIDE_W - 2 * MARGIN_X, h: 0.55, fontSize: 14, color: C.text, lang: LANG, margin: 0, valign: 'top' }
    );
    // No autoPage: pptxgenjs then splits cell text into one run per word, with repeated
    // paragraph properties that PowerPoint rejects; the rows are paged here instead.
    slide.addTable(breakCells([header].concat(rows.slice(p * OVERVIEW_ROWS, (p + 1) * OVERVIEW_ROWS))) as unknown as TableRows, {
      x: MARGIN_X,
      y: 1.7,
      w: SLIDE_W - 2 * MARGIN_X,
      colW: [4.1, 3.2, 1.5, 1.85, 1.883],
      fontSize: 12,
      ...TABLE_LOOK
    });
  }
}

/** Audits on the one annex slide; more are summarised in a line below the table. */
export const ANNEX_ROWS: number = 9;

/** One slide "Audits en opvolging": per audit of the year and the year before, findings and execution rate. */
function addAuditSlide(pptx: PptxGenJS, report: IReport, options: IReportOptions): void {
  const entries = report.audits || [];
  const slide = pptx.addSlide();
  addHeaderBar(slide, annexTitle(report.year).replace('Bijlage: ', ''), `${reportTitle(report.year)} · ${oneLine(options.organisation)}`);
  const head = (t: string): ICell => ({ text: t, options: { bold: true, color: 'FFFFFF', fill: { color: C.title } } });
  const header: ICell[] = [head('Audit'), head('Jaar'), head('Auditor'), head('Bevindingen (S / V / H)'), head('Uitvoeringsgraad')];
  const figures = (e: (typeof entries)[number]): string => {
    const a = e.audit;
    if (a.strengths === undefined && a.improvements === undefined && a.highRecommendations === undefined) return NOT_STATED_NL;
    const f = (v: number | undefined): string => (v === undefined ? '?' : String(v));
    return `${f(a.strengths)} / ${f(a.improvements)} / ${f(a.highRecommendations)}`;
  };
  const rows: ICell[][] = entries.slice(0, ANNEX_ROWS).map((e) => [
    { text: oneLine(e.audit.title), options: { bold: true } },
    { text: String(e.audit.year) },
    { text: e.audit.auditor ? oneLine(e.audit.auditor) : NOT_STATED_NL },
    { text: figures(e) },
    { text: annexExecutionShort(e) }
  ]);
  if (rows.length === 0) rows.push([{ text: `Geen audits in ${report.year - 1} of ${report.year}.` }, { text: '-' }, { text: '-' }, { text: '-' }, { text: '-' }]);
  slide.addTable(breakCells([header].concat(rows)) as unknown as TableRows, {
    x: MARGIN_X,
    y: 1.2,
    w: SLIDE_W - 2 * MARGIN_X,
    colW: [4.6, 0.9, 2.0, 2.4, 2.633],
    fontSize: 12,
    ...TABLE_LOOK
  });
  const more = entries.length - ANNEX_ROWS;
  const note =
    (more > 0 ? `En nog ${more} audit(s): zie de bijlage in de nota. ` : '') +
    'S = sterktes, V = verbeterpunten, H = hoog prioritaire aanbevelingen. Uitvoeringsgraad: uitgevoerde aanbevelingen, in totaal en voor H.';
  slide.addText(note, { x: MARGIN_X, y: GRID_BOTTOM + 0.12, w: SLIDE_W - 2 * MARGIN_X, h: 0.35, fontSize: 11, color: C.muted, lang: LANG, valign: 'middle', margin: 0 });
}

/** One slide "Maturiteitsinschatting": per theme the consensus average, the previous round and the delta. */
function addMaturitySlide(pptx: PptxGenJS, report: IReport, options: IReportOptions): void {
  const res = report.maturity && report.maturity.results;
  const slide = pptx.addSlide();
  addHeaderBar(slide, 'Maturiteitsinschatting', `${reportTitle(report.year)} · ${oneLine(options.organisation)}`);
  const head = (t: string): ICell => ({ text: t, options: { bold: true, color: 'FFFFFF', fill: { color: C.title } } });
  if (!res) {
    slide.addText(`Nog geen afgesloten maturiteitsinschatting tot en met ${report.year}.`, { x: MARGIN_X, y: 1.3, w: SLIDE_W - 2 * MARGIN_X, h: 0.6, fontSize: 16, color: C.muted, lang: LANG, margin: 0 });
    return;
  }
  const prevTitle = res.previousRounds.map((r) => String(r.year ?? oneLine(r.title))).join(', ') || '-';
  const header: ICell[] = [head('Thema'), head(`${res.round.year ?? oneLine(res.round.title)}`), head(`Vorige (${prevTitle})`), head('Verschil')];
  const rows: ICell[][] = res.themes.map((t) => [
    { text: `${t.theme.number}. ${oneLine(t.theme.title)}`, options: { bold: true } },
    { text: formatScore(t.average) },
    { text: t.previous ? formatScore(t.previous.average) : 'geen' },
    { text: formatDelta(t.delta) }
  ]);
  rows.push([{ text: "Alle thema's", options: { bold: true } }, { text: formatScore(res.overall) }, { text: '' }, { text: '' }]);
  slide.addTable(breakCells([header].concat(rows)) as unknown as TableRows, {
    x: MARGIN_X,
    y: 1.2,
    w: SLIDE_W - 2 * MARGIN_X,
    colW: [6.533, 2.0, 2.0, 2.0],
    fontSize: 14,
    ...TABLE_LOOK
  });
  slide.addText(
    `Gemiddelde consensusscore per thema (schaal ${res.round.scaleMin}-${res.round.scaleMax}), leidraad organisatiebeheersing van Audit Vlaanderen.`,
    { x: MARGIN_X, y: GRID_BOTTOM + 0.12, w: SLIDE_W - 2 * MARGIN_X, h: 0.35, fontSize: 11, color: C.muted, lang: LANG, valign: 'middle', margin: 0 }
  );
}

/** Cell fills of the heat map; the band is also in the text (▲ above the appetite). */
const BAND_FILLS: Record<HeatBand, string> = { above: 'F4CCCC', within: 'D9EAD3', high: 'F4CCCC', medium: 'FFF2CC', low: 'D9EAD3' };

function matrixTable(map: IHeatMap, title: string): ICell[][] {
  const head = (t: string): ICell => ({ text: t, options: { bold: true, color: 'FFFFFF', fill: { color: C.title } } });
  const header: ICell[] = [head(`Kans \\ impact`)].concat(map.scale.impactLabels.map((l, i) => head(`${i + 1}. ${l}`)));
  const rows = map.rows.map((row) =>
    [{ text: `${row[0].likelihood}. ${map.scale.likelihoodLabels[row[0].likelihood - 1]}`, options: { bold: true } } as ICell].concat(
      row.map((c) => ({ text: matrixCellText(c, 2), options: { fill: { color: BAND_FILLS[c.band] } } }))
    )
  );
  return [[{ text: title, options: { bold: true, colspan: map.scale.levels + 1 } }] as ICell[]].concat([header], rows);
}

/** One slide "Risicomatrix": all domains, inherent and residual side by side (only when a risk is scored). */
function addRiskMatrixSlide(pptx: PptxGenJS, report: IReport, options: IReportOptions): void {
  const section = riskMatrixSection(report);
  if (!section) return;
  const slide = pptx.addSlide();
  addHeaderBar(slide, 'Risicomatrix', `${reportTitle(report.year)} · ${oneLine(options.organisation)}`);
  const overall = section.matrices.filter((m) => m.title.indexOf('Alle domeinen') === 0).slice(0, 2);
  const w = (SLIDE_W - 2 * MARGIN_X - 0.3) / Math.max(1, overall.length);
  overall.forEach((m, i) => {
    slide.addTable(breakCells(matrixTable(m.map, m.title)) as unknown as TableRows, {
      x: MARGIN_X + i * (w + 0.3),
      y: 1.2,
      w,
      fontSize: 8,
      ...TABLE_LOOK
    });
  });
  const note = `${section.scaleText} ${section.appetiteText}` + (section.marks.length ? ` Aandachtspunten: ${section.marks.length} (zie de nota).` : '');
  slide.addText(note, { x: MARGIN_X, y: GRID_BOTTOM - 0.3, w: SLIDE_W - 2 * MARGIN_X, h: 0.65, fontSize: 10, color: C.muted, lang: LANG, valign: 'middle', margin: 0 });
}

function addClosingSlide(pptx: PptxGenJS, report: IReport, options: IReportOptions, date: Date): void {
  const slide = pptx.addSlide();
  slide.addShape('rect', { x: 0, y: 0, w: 0.35, h: SLIDE_H, fill: { color: C.title }, line: { color: C.title } });
  slide.addText('Bedankt', { x: 1, y: 2.4, w: 11, h: 0.9, fontSize: 40, bold: true, color: C.title, margin: 0 });
  slide.addText('Vragen en opmerkingen zijn welkom.', { x: 1, y: 3.35, w: 11, h: 0.6, fontSize: 20, color: C.text, margin: 0 });
  slide.addText(`${reportTitle(report.year)} · ${oneLine(options.organisation)} · ${formatDutchDate(date)}`, { x: 1, y: 5.9, w: 11, h: 0.5, fontSize: 14, color: C.muted, margin: 0 });
}

/** The deck as a PptxGenJS object (exposed for callers that write it themselves). */
export function createSlideDeck(report: IReport, options: IReportOptions): PptxGenJS {
  // pptxgenjs is CommonJS (module.exports = class): accept both interop shapes.
  const Ctor = ((PptxGenJS as unknown as { default?: typeof PptxGenJS }).default || PptxGenJS) as typeof PptxGenJS;
  const pptx = new Ctor();
  const date = options.generatedOn || new Date();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = reportTitle(report.year);
  pptx.author = oneLine(options.organisation);
  pptx.company = oneLine(options.organisation);
  pptx.theme = { headFontFace: 'Calibri', bodyFontFace: 'Calibri' };

  addTitleSlide(pptx, report, options, date);
  addOverviewSlides(pptx, report, options);
  const subtitle = `Voortgangsrapport ${report.year} · ${oneLine(options.organisation)}`;
  for (const d of report.domains) {
    const pages = layoutCard(cardQuadrants(d));
    const base = `${d.domain.order}. ${oneLine(d.domain.title)}`;
    pages.forEach((page, i) => {
      const title = pages.length === 1 ? base : i === 0 ? `${base} (1/${pages.length})` : `${base} (vervolg ${i + 1}/${pages.length})`;
      addCardSlide(pptx, page, title, subtitle, report);
    });
  }
  if (report.maturity) addMaturitySlide(pptx, report, options);
  addRiskMatrixSlide(pptx, report, options);
  if (report.audits) addAuditSlide(pptx, report, options);
  addClosingSlide(pptx, report, options, date);
  return pptx;
}

function toBytes(out: unknown): Uint8Array {
  if (out instanceof Uint8Array) return out;
  if (out instanceof ArrayBuffer) return new Uint8Array(out);
  throw new Error('pptxgenjs did not return bytes');
}

/**
 * The slide deck as bytes (.pptx), compressed. Works in the browser and in Node:
 * pptxgenjs only compresses its blob (browser) and stream (Node) outputs.
 */
export async function buildSlideDeck(report: IReport, options: IReportOptions): Promise<Uint8Array> {
  const deck = createSlideDeck(report, options);
  try {
    if (typeof window !== 'undefined' && typeof Blob !== 'undefined') {
      const blob = (await deck.write({ compression: true })) as Blob;
      return new Uint8Array(await blob.arrayBuffer());
    }
    return toBytes(await deck.write({ outputType: 'STREAM', compression: true }));
  } catch {
    // Uncompressed, but always available.
    return toBytes(await deck.write({ outputType: 'uint8array' }));
  }
}
