/**
 * The Word note "Voortgangsrapport organisatiebeheersing {Y}" (like the city's own note):
 * title page, table of contents, Algemeen, then per domain Criteria, Op te volgen hoge
 * risico's, Realisaties {Y}, Planning {Y+1}, Eerdere realisaties and Eerdere planning.
 * Runs in the browser and in Node.
 */
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  LineRuleType,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType
} from 'docx';
import { IAction, IDomainReport, IReport } from '../model/types';
import {
  annexAuditMeta, annexExecution, annexFindings, annexTitle, ContentBlock, descriptionBlocks, NOT_STATED_NL, oneLine, olderPlanningSuffix, olderRealisationSuffix,
  matrixCellText, riskLine, riskMatrixSection, shortDecreeBasis
} from './content';
import { HeatBand, IHeatMap } from '../model/risks';
import { formatDutchDate, introText, IReportOptions, reportTitle } from './options';
import { formatScore, themeResultLine } from '../model/maturity';

const FONT = 'Calibri';
const ACCENT = '1F3864';
const MUTED = '595959';
const NUMBERING_REF = 'orgb-numbered';
const EMPTY = 'Geen items.';

type Block = Paragraph | TableOfContents | Table;

/** Counter for numbered lists: each list restarts at 1 (a numbering instance per list). */
interface INumberingState {
  next: number;
}

function para(text: string, opts: { bold?: boolean; italics?: boolean; color?: string; spacingAfter?: number } = {}): Paragraph {
  return new Paragraph({
    spacing: { after: opts.spacingAfter !== undefined ? opts.spacingAfter : 120 },
    children: [new TextRun({ text, bold: opts.bold, italics: opts.italics, color: opts.color })]
  });
}

function bullet(children: TextRun[], level: number = 0): Paragraph {
  return new Paragraph({ bullet: { level }, spacing: { after: 60 }, children });
}

function heading(text: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel], pageBreakBefore: boolean = false): Paragraph {
  return new Paragraph({ heading: level, pageBreakBefore, children: [new TextRun(text)] });
}

function emptyNote(): Paragraph {
  return para(EMPTY, { italics: true, color: MUTED });
}

/** Description blocks -> paragraphs; numbered lists restart per list. */
function renderBlocks(blocks: ContentBlock[], numbering: INumberingState): Paragraph[] {
  const out: Paragraph[] = [];
  const instanceOfList: Record<number, number> = {};
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      out.push(new Paragraph({ indent: b.nested ? { left: 720 } : undefined, spacing: { after: 120 }, children: [new TextRun(b.text)] }));
    } else if (b.kind === 'bullet') {
      out.push(bullet([new TextRun(b.text)], b.nested ? 1 : 0));
    } else if (b.kind === 'numbered') {
      if (instanceOfList[b.list] === undefined) instanceOfList[b.list] = numbering.next++;
      out.push(
        new Paragraph({
          numbering: { reference: NUMBERING_REF, level: b.nested ? 1 : 0, instance: instanceOfList[b.list] },
          spacing: { after: 60 },
          children: [new TextRun(b.text)]
        })
      );
    } else {
      out.push(bullet([new TextRun({ text: b.label, bold: true })], 0));
      if (b.text) {
        out.push(new Paragraph({ indent: { left: 720 }, spacing: { after: 120 }, children: [new TextRun(b.text)] }));
      }
    }
  }
  return out;
}

/** A new realisation or planning item: bold title, its description, its sub-items. */
function renderNewItem(action: IAction, numbering: INumberingState): Paragraph[] {
  const out: Paragraph[] = [heading(oneLine(action.title), HeadingLevel.HEADING_3)];
  const { blocks, unmentioned } = descriptionBlocks(action.description, action.subItems);
  out.push(...renderBlocks(blocks, numbering));
  for (const s of unmentioned) out.push(bullet([new TextRun(oneLine(s))], 0));
  if (blocks.length === 0 && unmentioned.length === 0) {
    out.push(para('Geen toelichting.', { italics: true, color: MUTED }));
  }
  return out;
}

/** Older items: one bullet line each (sub-items after a colon). */
function renderOlderItem(action: IAction, suffix: string): Paragraph {
  const subs = action.subItems.map(oneLine).filter((s) => s.length > 0);
  const runs = [new TextRun(oneLine(action.title) + suffix)];
  if (subs.length) runs.push(new TextRun({ text: `: ${subs.join(', ')}`, color: MUTED }));
  return bullet(runs, 0);
}

function renderDomain(d: IDomainReport, report: IReport, numbering: INumberingState): Paragraph[] {
  const out: Paragraph[] = [heading(`${d.domain.order}. ${oneLine(d.domain.title)}`, HeadingLevel.HEADING_1, true)];
  if (d.domain.decreeBasis) out.push(para(`Basis: ${oneLine(d.domain.decreeBasis)}`, { italics: true, color: MUTED }));

  out.push(heading('Criteria', HeadingLevel.HEADING_2));
  const criteria = descriptionBlocks(d.domain.criteriaText, []).blocks;
  if (criteria.length) out.push(...renderBlocks(criteria, numbering));
  const criteriaList = d.domain.criteria.map(oneLine).filter((c) => c.length > 0);
  if (criteriaList.length) {
    if (criteria.length) out.push(para('In het kort:', { spacingAfter: 60 }));
    for (const c of criteriaList) out.push(bullet([new TextRun(c)]));
  }
  if (!criteria.length && !criteriaList.length) out.push(emptyNote());

  out.push(heading("Op te volgen hoge risico's", HeadingLevel.HEADING_2));
  if (d.risks.length) {
    out.push(para("Binnen dit domein moet er rekening gehouden worden met de volgende hoge risico's:", { spacingAfter: 60 }));
    for (const r of d.risks) out.push(bullet([new TextRun(riskLine(r))]));
  } else {
    out.push(emptyNote());
  }

  out.push(heading(`Realisaties ${report.year}`, HeadingLevel.HEADING_2));
  if (d.realisationsNew.length) for (const a of d.realisationsNew) out.push(...renderNewItem(a, numbering));
  else out.push(emptyNote());

  out.push(heading(`Planning ${report.planningYear}`, HeadingLevel.HEADING_2));
  if (d.planningNew.length) for (const a of d.planningNew) out.push(...renderNewItem(a, numbering));
  else out.push(emptyNote());

  out.push(heading('Eerdere realisaties', HeadingLevel.HEADING_2));
  if (d.realisationsOlder.length) for (const a of d.realisationsOlder) out.push(renderOlderItem(a, olderRealisationSuffix(a)));
  else out.push(emptyNote());

  out.push(heading('Eerdere planning', HeadingLevel.HEADING_2));
  if (d.planningOlder.length) for (const a of d.planningOlder) out.push(renderOlderItem(a, olderPlanningSuffix(a)));
  else out.push(emptyNote());
  return out;
}

/** Annex "Audits en opvolging": audits of the year and the year before, findings, execution rate. */
function auditAnnex(report: IReport): Paragraph[] {
  const entries = report.audits || [];
  const out: Paragraph[] = [heading(annexTitle(report.year), HeadingLevel.HEADING_1, true)];
  out.push(
    para(
      `De audits van ${report.year - 1} en ${report.year} met hun bevindingen en de uitvoeringsgraad van hun aanbevelingen ` +
        '(het aandeel uitgevoerde aanbevelingen, in totaal en voor de hoog prioritaire), zoals opgevolgd in de lijst Aanbevelingen.'
    )
  );
  if (entries.length === 0) {
    out.push(para(`Geen audits in ${report.year - 1} of ${report.year}.`, { italics: true, color: MUTED }));
    return out;
  }
  for (const e of entries) {
    out.push(heading(`${oneLine(e.audit.title)} (${e.audit.year})`, HeadingLevel.HEADING_3));
    out.push(bullet([new TextRun(annexAuditMeta(e))]));
    out.push(bullet([new TextRun(annexFindings(e))]));
    out.push(bullet([new TextRun(`Conclusie: ${e.audit.conclusion ? oneLine(e.audit.conclusion) : NOT_STATED_NL}`)]));
    out.push(bullet([new TextRun(`Domeinen: ${e.domains.length ? e.domains.map(oneLine).join(', ') : NOT_STATED_NL}`)]));
    out.push(bullet([new TextRun({ text: annexExecution(e), bold: true })]));
  }
  return out;
}

/** Section "Maturiteitsinschatting": the latest closed round per theme, compared with the round before. */
function maturitySection(report: IReport): Paragraph[] {
  const res = report.maturity && report.maturity.results;
  const out: Paragraph[] = [heading('Maturiteitsinschatting', HeadingLevel.HEADING_1, true)];
  if (!res) {
    out.push(para(`Nog geen afgesloten maturiteitsinschatting tot en met ${report.year}.`, { italics: true, color: MUTED }));
    return out;
  }
  const prev = res.previousRounds.map((r) => oneLine(r.title)).join(', ');
  out.push(
    para(
      `${oneLine(res.round.title)} volgens de leidraad organisatiebeheersing van Audit Vlaanderen: per thema het gemiddelde van de ` +
        `consensusscores (schaal ${res.round.scaleMin} tot ${res.round.scaleMax})` +
        (prev ? `, vergeleken met ${prev}.` : '; er is geen eerdere afgesloten ronde om mee te vergelijken.')
    )
  );
  for (const t of res.themes) out.push(bullet([new TextRun(oneLine(themeResultLine(t)))]));
  out.push(para(`Gemiddelde over de thema's: ${formatScore(res.overall)}.`, { bold: true }));
  return out;
}

const BAND_FILLS: Record<HeatBand, string> = { above: 'F4CCCC', within: 'D9EAD3', high: 'F4CCCC', medium: 'FFF2CC', low: 'D9EAD3' };

function textCell(text: string, opts: { bold?: boolean; fill?: string } = {}): TableCell {
  return new TableCell({
    children: [new Paragraph({ children: [new TextRun({ text, bold: opts.bold, size: 18 })] })],
    shading: opts.fill ? { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill } : undefined
  });
}

/** A heat map as a Word table: rows likelihood (high first), columns impact; cells list their risks. */
function matrixTable(map: IHeatMap): Table {
  const header = new TableRow({
    tableHeader: true,
    children: [textCell('Kans \\ impact', { bold: true })].concat(map.scale.impactLabels.map((l, i) => textCell(`${i + 1}. ${l}`, { bold: true })))
  });
  const rows = map.rows.map(
    (row) =>
      new TableRow({
        children: [textCell(`${row[0].likelihood}. ${map.scale.likelihoodLabels[row[0].likelihood - 1]}`, { bold: true })].concat(
          row.map((c) => textCell(matrixCellText(c, 50), { fill: BAND_FILLS[c.band] }))
        )
      })
  );
  return new Table({ rows: [header].concat(rows), width: { size: 100, type: WidthType.PERCENTAGE } });
}

/** Section "Risicomatrix": only when a risk of the report is scored (the 2022 report has none). */
function riskMatrixBlocks(report: IReport): Block[] {
  const section = riskMatrixSection(report);
  if (!section) return [];
  const out: Block[] = [heading('Risicomatrix', HeadingLevel.HEADING_1, true)];
  out.push(para(`${section.scaleText} ${section.appetiteText}`));
  for (const m of section.matrices) {
    out.push(heading(m.title, HeadingLevel.HEADING_3));
    out.push(matrixTable(m.map));
  }
  if (section.marks.length) {
    out.push(heading('Aandachtspunten', HeadingLevel.HEADING_3));
    for (const line of section.marks) out.push(bullet([new TextRun(line)]));
  }
  return out;
}

function titlePage(report: IReport, options: IReportOptions, date: Date): Paragraph[] {
  return [
    new Paragraph({ spacing: { before: 3000 }, children: [] }),
    new Paragraph({
      style: 'Title',
      children: [new TextRun(reportTitle(report.year))]
    }),
    new Paragraph({ spacing: { before: 240, after: 120 }, children: [new TextRun({ text: oneLine(options.organisation), size: 32, color: ACCENT })] }),
    new Paragraph({
      spacing: { after: 120 },
      children: [new TextRun({ text: 'Rapportering aan de gemeenteraad over organisatiebeheersing (Decreet lokaal bestuur, art. 217-220)', color: MUTED })]
    }),
    new Paragraph({
      spacing: { before: 1200 },
      children: [new TextRun({ text: `Gegenereerd op ${formatDutchDate(date)}`, color: MUTED })]
    }),
    new Paragraph({ children: [new PageBreak()] })
  ];
}

function algemeen(report: IReport, options: IReportOptions, numbering: INumberingState): Paragraph[] {
  const out: Paragraph[] = [heading('Algemeen', HeadingLevel.HEADING_1, true)];
  out.push(heading('Decreet lokaal bestuur', HeadingLevel.HEADING_2));
  out.push(...renderBlocks(descriptionBlocks(introText(options), []).blocks, numbering));

  out.push(heading('Domeinen', HeadingLevel.HEADING_2));
  if (report.domains.length) {
    out.push(para(`Het voortgangsrapport volgt ${report.domains.length} domeinen:`, { spacingAfter: 60 }));
    for (const d of report.domains) {
      const runs = [new TextRun({ text: `${d.domain.order}. ${oneLine(d.domain.title)}`, bold: true })];
      const basis = shortDecreeBasis(d.domain.decreeBasis);
      if (basis) runs.push(new TextRun({ text: ` (${basis})`, color: MUTED }));
      out.push(bullet(runs));
    }
  } else {
    out.push(para('Er zijn nog geen actieve domeinen.', { italics: true, color: MUTED }));
  }

  out.push(heading('Opbouw per domein', HeadingLevel.HEADING_2));
  const parts: [string, string][] = [
    ['Criteria', 'de zaken waarnaar gekeken wordt binnen het domein: welke acties en projecten worden opgenomen bij realisaties en planning.'],
    ["Op te volgen hoge risico's", 'risico\'s binnen het domein die uit interne en externe audits en onderzoeksrapporten naar boven kwamen, en waarmee de planning rekening houdt.'],
    [`Realisaties ${report.year}`, `wat in ${report.year} gerealiseerd werd, met toelichting. Realisaties van voorgaande jaren staan kort onder "Eerdere realisaties".`],
    [`Planning ${report.planningYear}`, `wat nieuw op de planning staat voor ${report.planningYear}, met toelichting. Zaken die al langer op de planning staan, staan kort onder "Eerdere planning". Geplande acties schuiven door naar realisaties wanneer ze uitgevoerd zijn.`]
  ];
  parts.forEach(([label, text]) => out.push(bullet([new TextRun({ text: `${label}: `, bold: true }), new TextRun(text)])));
  return out;
}

/** The Word document object (exposed for tests and callers that pack it themselves). */
export function createWordDocument(report: IReport, options: IReportOptions): Document {
  const date = options.generatedOn || new Date();
  const title = reportTitle(report.year);
  const numbering: INumberingState = { next: 1 };
  const body: Block[] = [];
  body.push(...titlePage(report, options, date));
  body.push(new Paragraph({ style: 'TOCHeading', children: [new TextRun('Inhoud')] }));
  body.push(new TableOfContents('Inhoud', { hyperlink: true, headingStyleRange: '1-1' }));
  body.push(...algemeen(report, options, numbering));
  for (const d of report.domains) body.push(...renderDomain(d, report, numbering));
  if (report.maturity) body.push(...maturitySection(report));
  body.push(...riskMatrixBlocks(report));
  if (report.audits) body.push(...auditAnnex(report));

  return new Document({
    creator: oneLine(options.organisation),
    title,
    description: `${title} - ${oneLine(options.organisation)}`,
    features: { updateFields: true },
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 }, paragraph: { spacing: { line: 276, lineRule: LineRuleType.AUTO } } },
        title: { run: { font: FONT, size: 56, bold: true, color: ACCENT }, paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO, after: 240 } } },
        heading1: { run: { font: FONT, size: 32, bold: true, color: ACCENT }, paragraph: { spacing: { before: 240, after: 160 }, keepNext: true } },
        heading2: { run: { font: FONT, size: 26, bold: true, color: ACCENT }, paragraph: { spacing: { before: 240, after: 100 }, keepNext: true } },
        heading3: { run: { font: FONT, size: 22, bold: true, color: '000000' }, paragraph: { spacing: { before: 200, after: 60 }, keepNext: true } }
      },
      paragraphStyles: [
        {
          id: 'TOCHeading',
          name: 'TOC Heading',
          basedOn: 'Normal',
          next: 'Normal',
          run: { font: FONT, size: 32, bold: true, color: ACCENT },
          paragraph: { spacing: { after: 200 } }
        }
      ]
    },
    numbering: {
      config: [
        {
          reference: NUMBERING_REF,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 720, hanging: 360 } } }
            },
            {
              level: 1,
              format: LevelFormat.DECIMAL,
              text: '%2.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 1440, hanging: 360 } } }
            }
          ]
        }
      ]
    },
    sections: [
      {
        properties: { titlePage: true },
        headers: {
          first: new Header({ children: [new Paragraph({ children: [] })] }),
          default: new Header({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [new TextRun({ text: `${title} - ${oneLine(options.organisation)}`, size: 18, color: MUTED })]
              })
            ]
          })
        },
        footers: {
          first: new Footer({ children: [new Paragraph({ children: [] })] }),
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: ['Pagina ', PageNumber.CURRENT, ' van ', PageNumber.TOTAL_PAGES], size: 18, color: MUTED })
                ]
              })
            ]
          })
        },
        children: body
      }
    ]
  });
}

/** The Word note as bytes (.docx). Works in the browser and in Node. */
export async function buildWordReport(report: IReport, options: IReportOptions): Promise<Uint8Array> {
  return Packer.pack(createWordDocument(report, options), 'uint8array');
}
