/**
 * Import of an audit's recommendations from a CSV or Excel file (aanbeveling, prioriteit,
 * eigenaar, deadline, optional domein). Pure: owners and domains are resolved by the caller
 * (tools/data/importRecommendations.ts). All-or-nothing: one bad row and nothing is imported.
 * Idempotent: a recommendation with the same text on the same audit is the same one.
 */
import { IDomain, IRecommendation } from '../../src/model/types';
import { normaliseName } from './maturityImport';
import { escapeHtml, shortTitle } from '../../src/model/text';
import { IPlannedAdd } from '../schema/importValidation';

export interface IRecommendationRow {
  /** 1-based line in the file (the header is line 1). */
  line: number;
  text: string;
  priority: string;
  owner: string;
  deadline: string;
  domain: string;
}

/** The file's column names (first one is the template's), lower case without accents. */
export const RECOMMENDATION_COLUMNS: { key: keyof Omit<IRecommendationRow, 'line'>; names: string[]; required: boolean }[] = [
  { key: 'text', names: ['aanbeveling', 'recommendation', 'tekst', 'text'], required: true },
  { key: 'priority', names: ['prioriteit', 'priority'], required: true },
  { key: 'owner', names: ['eigenaar', 'owner'], required: true },
  { key: 'deadline', names: ['deadline'], required: true },
  { key: 'domain', names: ['domein', 'domain'], required: false }
];

/** The header of the templates (templates/aanbevelingen.csv and .xlsx). */
export const RECOMMENDATION_TEMPLATE_HEADER: string[] = RECOMMENDATION_COLUMNS.map((c) => c.names[0]);

function clean(v: unknown): string {
  return v === undefined || v === null ? '' : String(v).replace(/\s+/g, ' ').trim();
}

/** Rows of a table whose first row names the columns (in any order); empty rows are skipped. */
export function recommendationRowsFromTable(table: string[][]): IRecommendationRow[] {
  if (table.length === 0) throw new Error('Het bestand is leeg. / The file is empty.');
  const header = table[0].map((h) => normaliseName(h || ''));
  const index: Record<string, number> = {};
  const missing: string[] = [];
  for (const c of RECOMMENDATION_COLUMNS) {
    index[c.key] = header.findIndex((h) => c.names.indexOf(h) >= 0);
    if (index[c.key] < 0 && c.required) missing.push(c.names[0]);
  }
  if (missing.length) {
    throw new Error(
      `De eerste regel moet de kolommen aanbeveling, prioriteit, eigenaar en deadline benoemen (ontbreekt: ${missing.join(', ')}). / ` +
        `The first row must name the columns aanbeveling, prioriteit, eigenaar and deadline (missing: ${missing.join(', ')}).`
    );
  }
  const rows: IRecommendationRow[] = [];
  table.slice(1).forEach((cells, i) => {
    if (cells.every((c) => clean(c) === '')) return;
    const cell = (key: string): string => (index[key] >= 0 ? cells[index[key]] ?? '' : '');
    rows.push({ line: i + 2, text: cell('text'), priority: cell('priority'), owner: cell('owner'), deadline: cell('deadline'), domain: cell('domain') });
  });
  return rows;
}

function two(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * A deadline as yyyy-mm-dd, from yyyy-mm-dd (also an Excel date cell, which the reader gives
 * that way) or dd/mm/yyyy (day and month may have one digit, as Excel writes d/mm/yyyy).
 * Anything else (mm/dd/yyyy that is no valid dd/mm/yyyy, 31/02/2025, a time of day, words)
 * gives undefined: the row is refused rather than guessed.
 */
export function parseDeadline(value: string): string | undefined {
  const v = value.trim();
  let y: number;
  let m: number;
  let d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  const be = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
  if (iso) {
    y = Number(iso[1]);
    m = Number(iso[2]);
    d = Number(iso[3]);
  } else if (be) {
    d = Number(be[1]);
    m = Number(be[2]);
    y = Number(be[3]);
  } else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${two(m)}-${two(d)}`;
}

/** The identity of a recommendation within its audit: its title, whitespace and case aside. */
export function recommendationKey(text: string): string {
  return shortTitle(text).toLowerCase();
}

export type RecommendationProblem =
  | 'emptyText'
  | 'badPriority'
  | 'emptyOwner'
  | 'unknownOwner'
  | 'emptyDeadline'
  | 'badDeadline'
  | 'unknownDomain'
  | 'duplicate';

export interface IRecommendationRowError {
  line: number;
  problem: RecommendationProblem;
  value: string;
  message: string;
}

const MESSAGES: Record<RecommendationProblem, (v: string) => string> = {
  emptyText: () => 'aanbeveling ontbreekt / recommendation is empty',
  badPriority: (v) => `prioriteit '${v}' is geen H, M of L / priority '${v}' is not H, M or L`,
  emptyOwner: () => 'eigenaar ontbreekt / owner is empty',
  unknownOwner: (v) =>
    `eigenaar '${v}' is geen gebruiker van de organisatie (geef het e-mailadres of de login) / owner '${v}' is not a user of the organisation (give the e-mail address or login)`,
  emptyDeadline: () => 'deadline ontbreekt / deadline is empty',
  badDeadline: (v) => `deadline '${v}' is geen datum als jjjj-mm-dd of dd/mm/jjjj / deadline '${v}' is not a date as yyyy-mm-dd or dd/mm/yyyy`,
  unknownDomain: (v) => `onbekend domein '${v}' (gebruik het nummer of de naam) / unknown domain '${v}' (use its number or name)`,
  duplicate: (v) => `dezelfde aanbeveling staat ook op regel ${v} / the same recommendation is also on row ${v}`
};

/** A domain by its number (its order, "3" or "3."), or its title. */
export function findDomain(value: string, domains: IDomain[]): IDomain | undefined {
  const v = value.trim();
  const num = /^(\d{1,2})\.?$/.exec(v);
  if (num) return domains.filter((d) => d.order === Number(num[1]))[0];
  const n = normaliseName(v);
  return domains.filter((d) => normaliseName(d.title) === n || (!!d.shortTitle && normaliseName(d.shortTitle) === n))[0];
}

export interface IRecommendationToAdd {
  line: number;
  text: string;
  priority: 'H' | 'M' | 'L';
  ownerId: number;
  deadline: string;
  domain?: IDomain;
}

export interface IRecommendationPlan {
  add: IRecommendationToAdd[];
  /** Rows whose recommendation the audit already has (a second import adds nothing). */
  unchanged: number;
  errors: IRecommendationRowError[];
}

/**
 * Checks every row and plans the import into one audit. `owners` maps each owner value of
 * the file (as written, trimmed) to a site user id; a value missing from it is unknown.
 * The same text twice in the file is refused naming both rows; a text the audit already
 * has is skipped.
 */
export function planRecommendationImport(
  rows: IRecommendationRow[],
  existing: IRecommendation[],
  owners: Record<string, number>,
  domains: IDomain[]
): IRecommendationPlan {
  const errors: IRecommendationRowError[] = [];
  const add: IRecommendationToAdd[] = [];
  let unchanged = 0;
  const have: Record<string, true> = {};
  for (const r of existing) have[recommendationKey(r.title)] = true;
  const seen: Record<string, number> = {};
  const err = (line: number, problem: RecommendationProblem, value: string): void => {
    errors.push({ line, problem, value, message: `regel ${line}: ${MESSAGES[problem](value)}` });
  };
  for (const r of rows) {
    const text = clean(r.text);
    const priority = clean(r.priority).toUpperCase();
    const owner = clean(r.owner);
    const deadlineText = clean(r.deadline);
    const domainText = clean(r.domain);
    const before = errors.length;
    if (!text) err(r.line, 'emptyText', '');
    if (priority !== 'H' && priority !== 'M' && priority !== 'L') err(r.line, 'badPriority', clean(r.priority));
    if (!owner) err(r.line, 'emptyOwner', '');
    else if (owners[owner] === undefined) err(r.line, 'unknownOwner', owner);
    const deadline = deadlineText ? parseDeadline(deadlineText) : undefined;
    if (!deadlineText) err(r.line, 'emptyDeadline', '');
    else if (!deadline) err(r.line, 'badDeadline', deadlineText);
    const domain = domainText ? findDomain(domainText, domains) : undefined;
    if (domainText && !domain) err(r.line, 'unknownDomain', domainText);
    if (text) {
      const key = recommendationKey(text);
      if (seen[key] !== undefined) {
        errors.push({ line: r.line, problem: 'duplicate', value: String(seen[key]), message: `regels ${seen[key]} en ${r.line}: ${MESSAGES.duplicate(String(seen[key]))}` });
        continue;
      }
      seen[key] = r.line;
      if (have[key]) {
        unchanged++;
        continue;
      }
    }
    if (errors.length > before) continue;
    add.push({ line: r.line, text, priority: priority as 'H' | 'M' | 'L', ownerId: owners[owner], deadline: deadline as string, domain });
  }
  return { add, unchanged, errors };
}

/** The file's columns per field of Aanbevelingen, for the row/column of a schema error. */
export const RECOMMENDATION_FIELD_COLUMNS: Record<string, string> = {
  Title: 'aanbeveling',
  Prioriteit: 'prioriteit',
  Eigenaar: 'eigenaar',
  Deadline: 'deadline',
  Toelichting: 'aanbeveling'
};

/**
 * The list item of a recommendation to add (REST names). The title is the text (shortened
 * past 255 characters, the full text then goes to Toelichting). Aanbevelingen has no domain
 * column: a domain given in the file is kept in Toelichting.
 */
export function recommendationItem(auditId: number, r: IRecommendationToAdd): Record<string, unknown> {
  const title = shortTitle(r.text);
  const notes: string[] = [];
  if (title !== r.text) notes.push(`<p>${escapeHtml(r.text)}</p>`);
  if (r.domain) notes.push(`<p>Domein: ${escapeHtml(r.domain.title)}</p>`);
  const body: Record<string, unknown> = {
    Title: title,
    AuditId: auditId,
    Prioriteit: r.priority,
    AanbevelingStatus: 'Open',
    EigenaarId: r.ownerId,
    // Date-only: midnight UTC is the same calendar day in the city's time zone (Brussels).
    Deadline: `${r.deadline}T00:00:00Z`
  };
  if (notes.length) body.Toelichting = notes.join('');
  return body;
}

/** The recommendations to add as planned items of a run, each naming its row in the file. */
export function recommendationAdds(auditId: number, add: IRecommendationToAdd[]): IPlannedAdd[] {
  return add.map((r) => ({
    ref: `recommendations:${r.line}`,
    list: 'recommendations',
    body: recommendationItem(auditId, r),
    source: { nl: `regel ${r.line}`, en: `row ${r.line}`, columns: RECOMMENDATION_FIELD_COLUMNS }
  }));
}
