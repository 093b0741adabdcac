/**
 * Form values of the local list forms and their conversion from and to the REST
 * properties SharePoint reads and writes. Pure: no DOM, no I/O.
 *
 * Form value per column type:
 *   Text, Note, Number, Choice  string ('' = empty; numbers stay text until saved)
 *   DateTime                    'YYYY-MM-DD' ('' = empty), the date in the browser's time zone
 *   Boolean                     boolean
 *   Lookup, User                number | null (item or user id)
 *   LookupMulti                 number[]
 */
import { IFieldSchema, IListSchema } from '../../src/schema/schema';
import { listFields, restName } from '../../tools/schema/validation';

export type FormValue = string | boolean | number | null | number[];
export type FormValues = Record<string, FormValue>;

/** A column of the form: the schema field plus the built-in Title. */
export function formFields(list: IListSchema): IFieldSchema[] {
  return listFields(list);
}

function ids(v: unknown): number[] {
  const arr = Array.isArray(v)
    ? v
    : v && typeof v === 'object' && Array.isArray((v as { results?: unknown }).results)
      ? (v as { results: unknown[] }).results
      : [];
  return arr.filter((x): x is number => typeof x === 'number');
}

function pad(n: number): string {
  return (n < 10 ? '0' : '') + n;
}

/** A stored SharePoint date (UTC) as the calendar date in the browser's time zone. */
export function isoToDateInput(iso: string): string {
  const d = new Date(iso);
  if (isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * A picked date as SharePoint stores a date-only value: midnight in the (site's, here the
 * browser's) time zone, in UTC. Returns the text unchanged when it is not a date, so
 * validation can report it.
 */
export function dateInputToIso(value: string): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(value.trim());
  if (!m) return value;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (isNaN(d.getTime())) return value;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function emptyValue(field: IFieldSchema): FormValue {
  switch (field.type) {
    case 'Boolean': return false;
    case 'Lookup':
    case 'User': return null;
    case 'LookupMulti':
    case 'UserMulti': return [];
    default: return '';
  }
}

/** The values of a new item: the schema's default values, else empty. */
export function newFormValues(list: IListSchema): FormValues {
  const out: FormValues = {};
  for (const f of formFields(list)) {
    let v = emptyValue(f);
    if (f.defaultValue !== undefined) {
      if (f.type === 'Boolean') v = /^(1|true)$/i.test(f.defaultValue);
      else if (f.type === 'Text' || f.type === 'Note' || f.type === 'Choice' || f.type === 'Number') v = f.defaultValue;
    }
    out[f.internalName] = v;
  }
  return out;
}

/** The form values of a stored item (REST JSON, minimal or verbose metadata). */
export function formValuesFromItem(list: IListSchema, item: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const f of formFields(list)) {
    const v = item[restName(f)];
    switch (f.type) {
      case 'Boolean':
        out[f.internalName] = v === true;
        break;
      case 'Lookup':
      case 'User':
        out[f.internalName] = typeof v === 'number' && v > 0 ? v : null;
        break;
      case 'LookupMulti':
      case 'UserMulti':
        out[f.internalName] = ids(v);
        break;
      case 'DateTime':
        out[f.internalName] = typeof v === 'string' ? isoToDateInput(v) : '';
        break;
      case 'Number':
        out[f.internalName] = typeof v === 'number' ? String(v) : '';
        break;
      default:
        out[f.internalName] = typeof v === 'string' ? v : v === null || v === undefined ? '' : String(v);
    }
  }
  return out;
}

/** One form value as the REST property value to write. */
function restValue(field: IFieldSchema, v: FormValue): unknown {
  switch (field.type) {
    case 'Boolean':
      return v === true;
    case 'Lookup':
    case 'User':
      return typeof v === 'number' && v > 0 ? v : null;
    case 'LookupMulti':
    case 'UserMulti':
      return Array.isArray(v) ? v.slice() : [];
    case 'Number': {
      const s = typeof v === 'string' ? v.trim().replace(',', '.') : v === null ? '' : String(v);
      if (s === '') return null;
      const n = Number(s);
      // Not a number: kept as text so validation reports it.
      return isNaN(n) ? s : n;
    }
    case 'DateTime':
      return typeof v === 'string' && v.trim() !== '' ? dateInputToIso(v) : null;
    case 'Choice':
      return typeof v === 'string' && v !== '' ? v : null;
    default:
      return typeof v === 'string' ? v : v === null ? '' : String(v);
  }
}

/** All form values as a REST body (REST property names: DomeinId, DomeinenId, ...). */
export function restValuesFromForm(list: IListSchema, values: FormValues): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of formFields(list)) {
    if (!Object.prototype.hasOwnProperty.call(values, f.internalName)) continue;
    out[restName(f)] = restValue(f, values[f.internalName]);
  }
  return out;
}

/** The REST properties whose value differs between two sets of form values. */
export function changedRestValues(list: IListSchema, before: FormValues, after: FormValues): Record<string, unknown> {
  const a = restValuesFromForm(list, before);
  const b = restValuesFromForm(list, after);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(b)) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out[k] = b[k];
  }
  return out;
}

/** The REST property name of a column (re-exported for the views). */
export { restName };
