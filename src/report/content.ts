/** Turning list values into report blocks. Pure, shared by the Word note and the slide deck. */
import { htmlToText } from '../model/text';
import { anyScored, appetiteFor, HeatKind, heatMaps, IHeatCell, IHeatMap, IRiskMarks, isScored, riskMarks, riskScale } from '../model/risks';
import { IAction, IAuditAnnexEntry, IReport, IRisk } from '../model/types';

/** A piece of a description as the Word note lays it out. */
export type ContentBlock =
  /** `nested`: part of the text of the sub-item above it (indented under it). */
  | { kind: 'paragraph'; text: string; nested: boolean }
  | { kind: 'bullet'; text: string; nested: boolean }
  | { kind: 'numbered'; text: string; number: number; list: number; nested: boolean }
  /** "Sub-item: text" paragraph: the sub-item as a bold bullet, its text below it. */
  | { kind: 'subItem'; label: string; text: string };

/**
 * Removes characters XML 1.0 cannot hold (control characters, lone surrogates),
 * keeping tabs and line breaks. Everything else, emoji included, is kept as is.
 */
export function cleanText(value: string | undefined): string {
  if (!value) return '';
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < value.length ? value.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += value.charAt(i) + value.charAt(i + 1);
        i++;
      }
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) continue;
    if (c === 0xfffe || c === 0xffff) continue;
    out += value.charAt(i);
  }
  return out;
}

/** One-line text (titles): no line breaks, single spaces. */
export function oneLine(value: string | undefined): string {
  return cleanText(value).replace(/\s+/g, ' ').trim();
}

const BULLET_LINE = /^[•\-–—*o▪◦]\s+(.*)$/;
const NUMBERED_LINE = /^(\d{1,3})[.)]\s+(.*)$/;

/** The text after "Label:" when `line` starts with the label (case-insensitive), else undefined. */
function afterLabel(line: string, label: string): string | undefined {
  const l = label.trim();
  if (!l || line.toLowerCase().indexOf(l.toLowerCase()) !== 0) return undefined;
  const rest = line.slice(l.length).replace(/^\s+/, '');
  return rest.charAt(0) === ':' ? rest.slice(1).trim() : undefined;
}

/**
 * A description (plain or rich text) -> blocks, keeping its line structure:
 * lines starting with •, –, - become bullets, lines starting with "N." numbered items,
 * and a paragraph starting with the name of a sub-item and a colon becomes that sub-item.
 * Returns the blocks and the sub-items the description did not mention.
 */
export function descriptionBlocks(description: string | undefined, subItems: string[]): { blocks: ContentBlock[]; unmentioned: string[] } {
  const text = cleanText(htmlToText(description));
  const blocks: ContentBlock[] = [];
  const mentioned: Record<string, true> = {};
  let list = 0;
  let inNumbered = false;
  const paragraphs = text ? text.split(/\n\s*\n/) : [];
  for (const para of paragraphs) {
    const lines = para
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0);
    let buffer: string[] = [];
    let nested = false;
    const flush = (): void => {
      if (buffer.length) blocks.push({ kind: 'paragraph', text: buffer.join(' '), nested });
      buffer = [];
    };
    lines.forEach((line, i) => {
      if (i === 0) {
        const sub = subItems.filter((s) => afterLabel(line, s) !== undefined)[0];
        if (sub) {
          mentioned[sub] = true;
          inNumbered = false;
          nested = true;
          blocks.push({ kind: 'subItem', label: sub.trim(), text: afterLabel(line, sub) || '' });
          return;
        }
      }
      const bullet = BULLET_LINE.exec(line);
      const numbered = NUMBERED_LINE.exec(line);
      if (bullet) {
        flush();
        inNumbered = false;
        blocks.push({ kind: 'bullet', text: bullet[1], nested });
      } else if (numbered) {
        flush();
        if (!inNumbered) list++;
        inNumbered = true;
        blocks.push({ kind: 'numbered', text: numbered[2], number: parseInt(numbered[1], 10), list, nested });
      } else {
        // A line break inside a paragraph in the source is a new paragraph in the note,
        // except a plain continuation of a sub-item's text.
        flush();
        inNumbered = false;
        buffer.push(line);
      }
    });
    flush();
    inNumbered = false;
  }
  return { blocks, unmentioned: subItems.filter((s) => !mentioned[s] && s.trim().length > 0) };
}

/** "Facturatie (Audit Financiën)": the risk with its source in brackets. */
export function riskLine(risk: IRisk): string {
  const source = risk.audit ? risk.audit.title : risk.source;
  const title = oneLine(risk.title);
  return source && oneLine(source) ? `${title} (${oneLine(source)})` : title;
}

/** The short form of a decree basis: "Art. 217, 1° DLB: de vastgelegde ..." -> "Art. 217, 1° DLB". */
export function shortDecreeBasis(basis: string | undefined): string {
  if (!basis) return '';
  const b = oneLine(basis);
  const colon = b.indexOf(':');
  return colon > 0 && colon < 40 ? b.slice(0, colon) : b;
}

/** "Title (2021)" style year label of an older item, or '' when the year is not known. */
export function olderRealisationSuffix(action: IAction): string {
  return action.realisedYear !== undefined ? ` (${action.realisedYear})` : '';
}

export function olderPlanningSuffix(action: IAction): string {
  return action.plannedYear !== undefined ? ` (gepland ${action.plannedYear})` : '';
}

/* ---------- annex "Audits en opvolging" (Dutch, like the rest of the council report) ---------- */

export const NOT_STATED_NL: string = 'niet vermeld';

function statedNl(v: string | number | undefined): string {
  return v === undefined || (typeof v === 'string' && !v.trim()) ? NOT_STATED_NL : oneLine(String(v));
}

/** "Audio · extern · audit · Afgerond" (each unknown part "niet vermeld"). */
export function annexAuditMeta(e: IAuditAnnexEntry): string {
  const a = e.audit;
  return `Auditor: ${statedNl(a.auditor)} · soort: ${statedNl(a.kind)} · type: ${statedNl(a.type)} · status: ${a.status}`;
}

/** "10 sterktes, 19 verbeterpunten, 17 hoog prioritaire aanbevelingen" or "niet vermeld". */
export function annexFindings(e: IAuditAnnexEntry): string {
  const a = e.audit;
  if (a.strengths === undefined && a.improvements === undefined && a.highRecommendations === undefined) return `Bevindingen: ${NOT_STATED_NL}`;
  return `Bevindingen: ${statedNl(a.strengths)} sterktes, ${statedNl(a.improvements)} verbeterpunten, ${statedNl(a.highRecommendations)} hoog prioritaire aanbevelingen`;
}

function pct(part: number, total: number): number {
  return Math.round((part / total) * 100);
}

/** The execution rate in words; no percentage (and no division) without recommendations. */
export function annexExecution(e: IAuditAnnexEntry): string {
  if (e.recommendations === 0) return 'Uitvoeringsgraad: nog geen aanbevelingen opgenomen';
  const all = `${e.carriedOut} van ${e.recommendations} aanbevelingen uitgevoerd (${pct(e.carriedOut, e.recommendations)}%)`;
  const high = e.high > 0 ? `H-aanbevelingen: ${e.highCarriedOut} van ${e.high} (${pct(e.highCarriedOut, e.high)}%)` : 'geen H-aanbevelingen';
  return `Uitvoeringsgraad: ${all}; ${high}`;
}

/** Short form for a table cell: "2/4 (50%) · H 1/2 (50%)". */
export function annexExecutionShort(e: IAuditAnnexEntry): string {
  if (e.recommendations === 0) return 'geen aanbevelingen';
  const high = e.high > 0 ? ` · H ${e.highCarriedOut}/${e.high} (${pct(e.highCarriedOut, e.high)}%)` : '';
  return `${e.carriedOut}/${e.recommendations} (${pct(e.carriedOut, e.recommendations)}%)${high}`;
}

export function annexTitle(year: number): string {
  return `Bijlage: Audits en opvolging ${year - 1}-${year}`;
}

/* ---------- section "Risicomatrix" (only when a risk of the report is scored) ---------- */

/** One matrix of the section: its title and the heat map. */
export interface IRiskMatrixBlock {
  title: string;
  map: IHeatMap;
}

export interface IRiskMatrixSection {
  matrices: IRiskMatrixBlock[];
  /** "Titel (domein): score 16 boven de risicobereidheid 12 zonder behandelende actie" and the like, per marked risk. */
  marks: string[];
  appetiteText: string;
  scaleText: string;
}

const KIND_NL: Record<HeatKind, string> = { inherent: 'inherent', residual: 'residueel (na maatregelen)' };

/** The marks of a risk in the council's words. */
function marksNl(m: IRiskMarks, levels: number, appetite: number | undefined): string[] {
  const out: string[] = [];
  if (m.outOfScale) out.push(`kans of impact buiten de schaal 1-${levels}`);
  if (m.incomplete) out.push('kans en impact niet allebei ingevuld');
  if (m.residualAboveInherent) out.push('restrisico hoger dan het inherente risico');
  if (m.acceptedWithoutReason) out.push('aanvaard zonder reden');
  if (m.aboveAppetiteUntreated) out.push(`boven de risicobereidheid (${appetite}) zonder behandelende actie`);
  return out;
}

/**
 * The heat maps of the report's risks, overall and per domain with scores, inherent and (when
 * scored) residual; undefined when no risk is scored (the report then has no such section).
 */
export function riskMatrixSection(report: IReport): IRiskMatrixSection | undefined {
  const settings = report.riskSettings;
  const scale = riskScale(settings);
  const risks = ([] as IRisk[]).concat(...report.domains.map((d) => d.risks));
  if (!anyScored(risks, scale)) return undefined;
  const maps = heatMaps(report.domains, settings);
  const matrices: IRiskMatrixBlock[] = [];
  const add = (scope: string, pair: { inherent: IHeatMap; residual: IHeatMap }): void => {
    for (const kind of ['inherent', 'residual'] as HeatKind[]) {
      if (pair[kind].scoredCount > 0) matrices.push({ title: `${scope}: ${KIND_NL[kind]}`, map: pair[kind] });
    }
  };
  add('Alle domeinen', maps.overall);
  for (const d of maps.domains) add(oneLine(d.title), d);
  const actions = ([] as IAction[]).concat(...report.domains.map((d) => d.realisationsNew.concat(d.realisationsOlder, d.planningNew, d.planningOlder)));
  const marks: string[] = [];
  for (const d of report.domains) {
    const appetite = appetiteFor(settings, d.domain.title);
    for (const r of d.risks) {
      const words = marksNl(riskMarks(r, actions, scale, appetite), scale.levels, appetite);
      if (words.length) marks.push(`${oneLine(r.title)} (${oneLine(d.domain.title)}): ${words.join('; ')}`);
    }
  }
  const unscored = risks.filter((r) => !isScored(r)).length;
  return {
    matrices,
    marks,
    appetiteText:
      settings && settings.appetite !== undefined
        ? `Risicobereidheid: score ${settings.appetite}; cellen met een hogere score zijn gemarkeerd met ▲.`
        : 'Er is geen risicobereidheid vastgelegd.',
    scaleText:
      `Score = kans × impact, elk op een schaal van 1 tot ${scale.levels} (kans: ${scale.likelihoodLabels.join(', ')}; impact: ${scale.impactLabels.join(', ')}).` +
      (unscored ? ` ${unscored} risico('s) zijn (nog) niet gescoord en staan niet in de matrix.` : '')
  };
}

/** A cell as text: "▲ 20: Titel A; Titel B" (at most `max` titles, then "+n"). */
export function matrixCellText(cell: IHeatCell, max: number): string {
  const titles = cell.risks.slice(0, max).map((r) => oneLine(r.title));
  const more = cell.risks.length - titles.length;
  const head = `${cell.band === 'above' ? '▲ ' : ''}${cell.score}`;
  return titles.length ? `${head}: ${titles.join('; ')}${more > 0 ? ` (+${more})` : ''}` : head;
}
