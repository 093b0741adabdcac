/**
 * Import of the leidraad's objectives from a CSV or Excel file (theme, code, text). The
 * wording of the objectives comes from the city's file only: nothing here invents it.
 * Validation is all-or-nothing: one bad row and nothing is imported.
 */
import { IMaturityObjective, IMaturityTheme } from '../../src/model/maturity';
import { shortTitle } from '../../src/model/text';
import { IPlannedAdd, IPlannedRef, validateImportItems } from '../schema/importValidation';

/**
 * The chapters of the "Leidraad organisatiebeheersing voor lokale besturen" (Audit Vlaanderen).
 * Only the chapter titles: the objectives are the city's to import. `domain` is the domain (of the 2022 report's seven)
 * that improvement actions from the chapter default to: a default of this app, changed per theme in MaturiteitThemas.
 */
export const LEIDRAAD_THEMES: { number: number; title: string; key: string; domain: string }[] = [
  { number: 0, title: 'Aanpak van organisatiebeheersing', key: 'aanpak-organisatiebeheersing', domain: 'Bereiken doelstellingen' },
  { number: 1, title: 'Doelstellingen en procesmanagement', key: 'doelstellingen-procesmanagement', domain: 'Bereiken doelstellingen' },
  { number: 2, title: 'Belanghebbendenmanagement', key: 'belanghebbendenmanagement', domain: 'Bereiken doelstellingen' },
  { number: 3, title: 'Monitoring', key: 'monitoring', domain: 'Betrouwbare informatie' },
  { number: 4, title: 'Financieel management', key: 'financieel-management', domain: 'Efficiënt gebruik middelen' },
  { number: 5, title: 'Organisatiestructuur', key: 'organisatiestructuur', domain: 'Organisatiecultuur' },
  { number: 6, title: 'Personeelsbeleid', key: 'personeelsbeleid', domain: 'Organisatiecultuur' },
  { number: 7, title: 'Organisatiecultuur', key: 'organisatiecultuur', domain: 'Organisatiecultuur' },
  { number: 8, title: 'Informatie en communicatie', key: 'informatie-communicatie', domain: 'Betrouwbare informatie' },
  { number: 9, title: 'Facilitaire middelen, opdrachten en contracten', key: 'facilitaire-middelen-opdrachten-contracten', domain: 'Naleving wetgeving en procedures' },
  { number: 10, title: 'ICT', key: 'ict', domain: 'Bescherming activa' }
];

/**
 * The Domein of a chapter's theme: the domain of that title (normalised), on the site (its id) or added by the same run
 * (its planned ref); undefined when there is none.
 */
export function themeDomain<T>(themeNumber: number, domains: { value: T; title: string }[]): T | undefined {
  const chapter = LEIDRAAD_THEMES.filter((t) => t.number === themeNumber)[0];
  if (!chapter) return undefined;
  const want = normaliseName(chapter.domain);
  const found = domains.filter((d) => normaliseName(d.title) === want)[0];
  return found ? found.value : undefined;
}

/** The five themes of the 2023 round (seed 000, "Planning 2023 – Maturiteitsinschatting"). */
export const DEMO_ROUND_2023: { year: number; title: string; themeNumbers: number[] } = {
  year: 2023,
  title: 'Maturiteitsinschatting 2023',
  themeNumbers: [1, 3, 4, 9, 10]
};

export interface IObjectiveRow {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  theme: string;
  code: string;
  text: string;
}

export type RowProblem = 'unknownTheme' | 'emptyTheme' | 'emptyCode' | 'emptyText' | 'duplicateCode' | 'codeTaken' | 'invalidValue';

export interface IRowError {
  line: number;
  problem: RowProblem;
  /** The value concerned (theme name or code; for invalidValue the column). */
  value: string;
  /** The column concerned (thema, code, tekst) when one is. */
  column?: string;
  message: string;
}

export interface IObjectivePlan {
  /** New objectives to add, with their theme. */
  add: { themeId: number; code: string; text: string; order: number }[];
  /** The file line of each objective in `add`. */
  lines: number[];
  /** Rows identical to an objective already in the list (a second import adds nothing). */
  unchanged: number;
  errors: IRowError[];
}

const MESSAGES: Record<RowProblem, (v: string) => string> = {
  unknownTheme: (v) => `onbekend thema '${v}' (gebruik het nummer 0-10 of de naam uit de leidraad) / unknown theme '${v}'`,
  emptyTheme: () => 'thema ontbreekt / theme is empty',
  emptyCode: () => 'code ontbreekt / code is empty',
  emptyText: () => 'tekst ontbreekt / text is empty',
  duplicateCode: (v) => `code '${v}' staat meer dan eens in het bestand / code '${v}' appears more than once in the file`,
  codeTaken: (v) => `code '${v}' bestaat al met een andere tekst of een ander thema / code '${v}' already exists with another text or theme`,
  invalidValue: (v) => `ongeldige waarde in kolom ${v} / invalid value in column ${v}`
};

/**
 * A theme the same run still has to add (a leidraad chapter not yet on the site) has no id:
 * pass it with plannedThemeId(number); its objectives then point at the theme the run adds.
 */
export function plannedThemeId(themeNumber: number): number {
  return -1 - themeNumber;
}

/** The ref of the theme a run adds for a chapter (see plannedThemeId). */
export function plannedThemeRef(themeNumber: number): string {
  return `maturityThemes:${themeNumber}`;
}

/** The Thema lookup value of an objective: the theme's id, or the theme this run adds. */
export function themeLookup(themeId: number): number | IPlannedRef {
  return themeId > 0 ? themeId : { ref: plannedThemeRef(-1 - themeId) };
}

/** The list item of an objective to add (REST names), as written and as validated. */
export function objectiveItem(o: { themeId: number; code: string; text: string; order: number }): Record<string, unknown> {
  return { Title: shortTitle(o.text), ThemaId: themeLookup(o.themeId), Code: o.code, Tekst: o.text, Volgorde: o.order };
}

/** The file's columns per field of MaturiteitDoelstellingen (Title is made from the text). */
export const OBJECTIVE_COLUMNS: Record<string, string> = { Title: 'tekst', Thema: 'thema', Code: 'code', Tekst: 'tekst', Volgorde: 'volgorde' };

/** The objectives to add as planned items of a run, each naming its line in the file. */
export function objectiveAdds(add: IObjectivePlan['add'], lines: number[]): IPlannedAdd[] {
  return add.map((o, i) => ({
    ref: `maturityObjectives:${o.code}`,
    list: 'maturityObjectives',
    body: objectiveItem(o),
    source: { nl: `regel ${lines[i]}`, en: `row ${lines[i]}`, columns: OBJECTIVE_COLUMNS }
  }));
}

export function normaliseName(v: string): string {
  return v
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A theme by its number ("1", "1.", "Thema 1"), its title, or "1 Doelstellingen en procesmanagement". */
export function findTheme(value: string, themes: IMaturityTheme[]): IMaturityTheme | undefined {
  const v = value.trim();
  const num = /^(?:thema\s*)?(\d{1,2})\.?(?:\s+(.*))?$/i.exec(v);
  if (num) {
    const t = themes.filter((x) => x.number === Number(num[1]))[0];
    if (t && (!num[2] || normaliseName(num[2]) === normaliseName(t.title))) return t;
    if (t && num[2]) return undefined;
  }
  const n = normaliseName(v);
  return themes.filter((x) => normaliseName(x.title) === n)[0];
}

function clean(v: unknown): string {
  return v === undefined || v === null ? '' : String(v).replace(/\s+/g, ' ').trim();
}

/**
 * Checks every row and plans the import. Codes are unique over the whole leidraad. A row equal
 * to an existing objective (same code, theme and text) is skipped; the same code with another
 * text or theme is an error (edit the list item instead). Every row to add is then checked
 * against the schema of MaturiteitDoelstellingen (validateImportItems), naming row and column.
 * Themes with an id <= 0 (plannedThemeId) are added by the same run.
 */
export function planObjectiveImport(rows: IObjectiveRow[], themes: IMaturityTheme[], existing: IMaturityObjective[]): IObjectivePlan {
  const errors: IRowError[] = [];
  const add: IObjectivePlan['add'] = [];
  const lines: number[] = [];
  let unchanged = 0;
  const seen: Record<string, number> = {};
  const existingByCode: Record<string, IMaturityObjective> = {};
  for (const o of existing) existingByCode[o.code.trim().toLowerCase()] = o;
  const err = (line: number, problem: RowProblem, value: string): void => {
    errors.push({ line, problem, value, message: `regel ${line}: ${MESSAGES[problem](value)}` });
  };
  const nextOrder: Record<number, number> = {};
  for (const o of existing) if (o.themeId !== undefined) nextOrder[o.themeId] = Math.max(nextOrder[o.themeId] || 0, (o.order ?? 0) + 1);
  for (const r of rows) {
    const themeText = clean(r.theme);
    const code = clean(r.code);
    const text = clean(r.text);
    let bad = false;
    let theme: IMaturityTheme | undefined;
    if (!themeText) {
      err(r.line, 'emptyTheme', '');
      bad = true;
    } else {
      theme = findTheme(themeText, themes);
      if (!theme) {
        err(r.line, 'unknownTheme', themeText);
        bad = true;
      }
    }
    if (!code) {
      err(r.line, 'emptyCode', '');
      bad = true;
    }
    if (!text) {
      err(r.line, 'emptyText', '');
      bad = true;
    }
    if (code) {
      const k = code.toLowerCase();
      if (seen[k] !== undefined) {
        err(r.line, 'duplicateCode', code);
        bad = true;
      }
      seen[k] = r.line;
    }
    if (bad || !theme) continue;
    const old = existingByCode[code.toLowerCase()];
    if (old) {
      if (old.themeId === theme.id && clean(old.text) === text) unchanged++;
      else err(r.line, 'codeTaken', code);
      continue;
    }
    const order = nextOrder[theme.id] || 1;
    nextOrder[theme.id] = order + 1;
    add.push({ themeId: theme.id, code, text, order });
    lines.push(r.line);
  }
  // Every row to add is checked against the list's schema (length, required, lookups) before anything is written.
  const planned = themes.filter((t) => t.id <= 0).map((t) => plannedThemeRef(t.number));
  const items = objectiveAdds(add, lines);
  const issues = validateImportItems(items, {
    existing: { maturityThemes: themes.filter((t) => t.id > 0).map((t) => t.id) },
    planned: { maturityThemes: planned }
  });
  for (const i of issues) {
    const line = lines[items.map((x) => x.source).indexOf(i.source)];
    errors.push({ line, problem: 'invalidValue', value: i.column || '', column: i.column, message: i.message });
  }
  errors.sort((a, b) => a.line - b.line);
  return { add: errors.length ? [] : add, lines: errors.length ? [] : lines, unchanged, errors };
}

/**
 * Rows from a table (CSV or a worksheet's values): the first row is the header with the
 * columns thema/theme, code and tekst/text (any order, any case); empty lines are skipped.
 * Throws when a column is missing.
 */
export function rowsFromTable(table: string[][]): IObjectiveRow[] {
  if (table.length === 0) throw new Error('Het bestand is leeg. / The file is empty.');
  const header = table[0].map((h) => normaliseName(h || ''));
  const col = (names: string[]): number => header.findIndex((h) => names.indexOf(h) >= 0);
  const ti = col(['thema', 'theme']);
  const ci = col(['code']);
  const xi = col(['tekst', 'text', 'doelstelling', 'objective']);
  const missing = [ti < 0 ? 'thema' : '', ci < 0 ? 'code' : '', xi < 0 ? 'tekst' : ''].filter((x) => !!x);
  if (missing.length) {
    throw new Error(
      `De eerste regel moet de kolommen thema, code en tekst benoemen (ontbreekt: ${missing.join(', ')}). / ` +
        `The first row must name the columns theme, code and text (missing: ${missing.join(', ')}).`
    );
  }
  const rows: IObjectiveRow[] = [];
  table.slice(1).forEach((cells, i) => {
    if (cells.every((c) => clean(c) === '')) return;
    rows.push({ line: i + 2, theme: cells[ti] ?? '', code: cells[ci] ?? '', text: cells[xi] ?? '' });
  });
  return rows;
}

/**
 * CSV as Excel writes it: separator ';' or ',' (taken from the header line), double quotes
 * around fields with separators, quotes or line breaks, a UTF-8 BOM allowed.
 */
export function parseCsv(input: string): string[][] {
  const text = input.replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/)[0] || '';
  const sep = (firstLine.match(/;/g) || []).length >= (firstLine.match(/,/g) || []).length && firstLine.indexOf(';') >= 0 ? ';' : firstLine.indexOf('\t') >= 0 && firstLine.indexOf(',') < 0 ? '\t' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"') {
        if (text.charAt(i + 1) === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === sep) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text.charAt(i + 1) === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
