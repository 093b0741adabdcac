/**
 * Checks every item an import is about to add against the schema BEFORE the first write,
 * so a bad row costs nothing: required columns, text length (MaxLength, 255 by default),
 * choice values, number ranges, the list validation formula (validateItem, as SharePoint
 * applies them) and that every lookup points at an item that exists or that the same run
 * creates earlier. Each problem names its row (or item) and column, in Dutch and English.
 *
 * Pure: used by `npm run import`, `npm run import-objectives` and their tests.
 */
import { getList, IFieldSchema, IListSchema } from '../../src/schema/schema';
import { listFields, restName, textMaxLength, validateItem } from './validation';

/** A lookup to an item the same run adds (its id is known only once it is written). */
export interface IPlannedRef {
  ref: string;
}

/** Where an item comes from, for messages: "regel 7" / "row 7", and the source's own column names. */
export interface IImportSource {
  nl: string;
  en: string;
  /** Column of the source per internal name (e.g. Code -> 'code'); else the field's display name. */
  columns?: Record<string, string>;
  /** Word for a column in messages; default 'kolom' / 'column' (a JSON file: 'veld' / 'field'). */
  columnWord?: { nl: string; en: string };
}

/** One item to add. Lookup values in `body` are ids of existing items or IPlannedRef. */
export interface IPlannedAdd {
  /** Unique within the run: how later items refer to this one. */
  ref: string;
  /** List key (schema.ts). */
  list: string;
  body: Record<string, unknown>;
  source: IImportSource;
}

export interface IImportIssue {
  source: IImportSource;
  /** Internal name of the column; absent for the list validation formula. */
  field?: string;
  /** The column as the source names it. */
  column?: string;
  messageNl: string;
  messageEn: string;
  /** "regel 7, kolom code: ... / row 7, column code: ..." */
  message: string;
}

export interface IImportTargets {
  /** Ids of the items already in each list (list key -> ids): what lookups may point at. */
  existing: Record<string, number[]>;
  /** Refs the run creates before these items, outside `adds` (list key -> refs). */
  planned?: Record<string, string[]>;
}

export function isPlannedRef(v: unknown): v is IPlannedRef {
  return !!v && typeof v === 'object' && typeof (v as IPlannedRef).ref === 'string' && Object.keys(v as object).length === 1;
}

function isLookup(f: IFieldSchema): boolean {
  return f.type === 'Lookup' || f.type === 'LookupMulti';
}

function columnOf(source: IImportSource, field: IFieldSchema | undefined): string | undefined {
  if (!field) return undefined;
  return (source.columns && source.columns[field.internalName]) || field.displayName;
}

export function issue(source: IImportSource, field: IFieldSchema | undefined, messageNl: string, messageEn: string): IImportIssue {
  const column = columnOf(source, field);
  const word = source.columnWord || { nl: 'kolom', en: 'column' };
  const where = (lang: 'nl' | 'en'): string => `${source[lang]}${column ? `, ${word[lang]} ${column}` : ''}`;
  const result: IImportIssue = { source, messageNl, messageEn, message: `${where('nl')}: ${messageNl} / ${where('en')}: ${messageEn}` };
  if (field) {
    result.field = field.internalName;
    result.column = column;
  }
  return result;
}

/**
 * Validates the items of one run, in the order they will be written. Returns every problem
 * (empty: all items are valid). Nothing is written by the caller unless this is empty.
 */
export function validateImportItems(adds: IPlannedAdd[], targets: IImportTargets): IImportIssue[] {
  const issues: IImportIssue[] = [];
  const existing: Record<string, Record<number, true>> = {};
  for (const key of Object.keys(targets.existing)) {
    existing[key] = {};
    for (const id of targets.existing[key]) existing[key][id] = true;
  }
  // Refs that exist by the time an item is written: declared ones, then each earlier item.
  const created: Record<string, string> = {};
  const planned = targets.planned || {};
  for (const key of Object.keys(planned)) for (const r of planned[key]) created[r] = key;
  const refsSeen: Record<string, true> = {};

  for (const add of adds) {
    let list: IListSchema;
    try {
      list = getList(add.list);
    } catch {
      issues.push(issue(add.source, undefined, `onbekende lijst '${add.list}'.`, `unknown list '${add.list}'.`));
      continue;
    }
    if (refsSeen[add.ref]) issues.push(issue(add.source, undefined, `dubbele verwijzing '${add.ref}'.`, `duplicate reference '${add.ref}'.`));
    refsSeen[add.ref] = true;
    const fields = listFields(list);
    const byRest: Record<string, IFieldSchema> = {};
    for (const f of fields) byRest[restName(f)] = f;
    const check: Record<string, unknown> = {};
    for (const key of Object.keys(add.body)) {
      const field = byRest[key];
      const v = add.body[key];
      if (!field) {
        issues.push(issue(add.source, undefined, `de lijst ${list.title} heeft geen kolom '${key}'.`, `list ${list.title} has no column '${key}'.`));
        continue;
      }
      if (!isLookup(field)) {
        check[key] = v;
        if (field.type === 'Text' && typeof v === 'string' && v.length > textMaxLength(field)) {
          // validateItem names the limit; the import also says how long the value is.
          const max = textMaxLength(field);
          issues.push(
            issue(
              add.source,
              field,
              `de waarde mag maximaal ${max} tekens bevatten (deze telt er ${v.length}).`,
              `the value can contain at most ${max} characters (this one has ${v.length}).`
            )
          );
          delete check[key];
        }
        continue;
      }
      // Lookups: each value must point at an existing item of the target list or at an item this run adds first.
      const values = field.type === 'LookupMulti' ? (Array.isArray(v) ? v : v === null || v === undefined ? [] : [v]) : v === null || v === undefined ? [] : [v];
      const target = field.lookupList || '';
      const targetTitle = (() => {
        try {
          return getList(target).title;
        } catch {
          return target;
        }
      })();
      let ok = true;
      for (const x of values) {
        if (isPlannedRef(x)) {
          if (created[x.ref] !== target) {
            ok = false;
            issues.push(
              issue(
                add.source,
                field,
                `verwijst naar een item van ${targetTitle} dat deze import niet (eerst) aanmaakt.`,
                `refers to an item of ${targetTitle} that this import does not create (first).`
              )
            );
          }
        } else if (typeof x !== 'number' || !existing[target] || !existing[target][x]) {
          ok = false;
          issues.push(
            issue(add.source, field, `verwijst naar item ${String(x)} van ${targetTitle}, dat niet bestaat.`, `refers to item ${String(x)} of ${targetTitle}, which does not exist.`)
          );
        }
      }
      // The rest of the checks (required) need ids: a valid ref stands in as id 1.
      check[key] = field.type === 'LookupMulti' ? values.map((x) => (isPlannedRef(x) ? 1 : x)) : values.length ? (isPlannedRef(values[0]) ? 1 : values[0]) : v;
      if (!ok) delete check[key];
    }
    for (const e of validateItem(list, check, 'add')) {
      const field = e.field ? fields.filter((f) => f.internalName === e.field)[0] : undefined;
      // Fields removed from `check` above already have their problem reported.
      if (field && !Object.prototype.hasOwnProperty.call(check, restName(field)) && Object.prototype.hasOwnProperty.call(add.body, restName(field))) continue;
      issues.push(issue(add.source, field, lowerFirst(e.messageNl), lowerFirst(e.messageEn)));
    }
    created[add.ref] = add.list;
  }
  return issues;
}

function lowerFirst(s: string): string {
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Replaces planned refs in a body by the ids the run gave them (throws on a ref not yet written). */
export function resolveRefs(body: Record<string, unknown>, ids: Record<string, number>): Record<string, unknown> {
  const one = (v: unknown): unknown => {
    if (!isPlannedRef(v)) return v;
    const id = ids[v.ref];
    if (id === undefined) throw new Error(`Import: '${v.ref}' is not written yet`);
    return id;
  };
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(body)) {
    const v = body[key];
    out[key] = Array.isArray(v) ? v.map(one) : one(v);
  }
  return out;
}

/** Refs in a body (to decide which items can share a batch). */
export function refsOf(body: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(body)) {
    const v = body[key];
    for (const x of Array.isArray(v) ? v : [v]) if (isPlannedRef(x)) out.push(x.ref);
  }
  return out;
}
