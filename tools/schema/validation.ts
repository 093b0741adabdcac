/**
 * Item validation as SharePoint applies it when an item is added or updated: required
 * columns, choice membership, number ranges (whole numbers: every Number column of the
 * schema has Decimals="0") and the list validation formula.
 *
 * Pure (no DOM, no I/O): used by the local list forms before they send, and by the local
 * server to reject writes the way SharePoint does. Values use REST property names:
 * `Title`, `Volgorde`, `DomeinId` (lookup / person), `DomeinenId` (multi lookup: an array
 * or the verbose `{ results: [] }`).
 */
import { IFieldSchema, IListSchema } from '../../src/schema/schema';

export interface IValidationError {
  /** Internal name of the column, absent for the list validation formula. */
  field?: string;
  messageNl: string;
  messageEn: string;
}

export type ValidationMode = 'add' | 'update';

/** What a list validation formula needs of a list: its columns (the local server builds this from any list). */
export type IFormulaList = Pick<IListSchema, 'fields' | 'template' | 'titleDisplayName'>;

/** A column's type as the formula evaluator knows it (SharePoint's TypeAsString). */
export type FormulaFieldType = IFieldSchema['type'];

/** The built-in Title column as the schema does not declare it. */
function titleField(list: IFormulaList): IFieldSchema {
  return {
    internalName: 'Title',
    displayName: list.titleDisplayName || 'Titel',
    type: 'Text',
    // Title is required in generic lists, optional in document libraries.
    required: list.template === 100
  };
}

/** All writable columns of a list: Title first, then the schema's fields. */
export function listFields(list: IFormulaList): IFieldSchema[] {
  return [titleField(list)].concat(list.fields);
}

/** The REST property name of a column: lookups and persons are written as `<Name>Id`. */
export function restName(field: IFieldSchema): string {
  return field.type === 'Lookup' || field.type === 'LookupMulti' || field.type === 'User' || field.type === 'UserMulti' ? field.internalName + 'Id' : field.internalName;
}

function has(values: Record<string, unknown> | undefined, key: string): boolean {
  return !!values && Object.prototype.hasOwnProperty.call(values, key);
}

/** Multi-value lookups as an array (plain or the verbose `{ results: [] }`), else undefined. */
function asArray(v: unknown): unknown[] | undefined {
  if (Array.isArray(v)) return v;
  if (v && typeof v === 'object' && Array.isArray((v as { results?: unknown }).results)) return (v as { results: unknown[] }).results;
  return undefined;
}

function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return isFinite(v) ? v : undefined;
  if (typeof v === 'string' && v.trim() !== '') {
    const n = Number(v.trim());
    return isFinite(n) ? n : undefined;
  }
  return undefined;
}

/** Whether a written value leaves the column empty, as SharePoint sees it. */
export function isBlankValue(field: IFieldSchema, v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (field.type === 'LookupMulti' || field.type === 'UserMulti') {
    const arr = asArray(v);
    return !arr || arr.length === 0;
  }
  if (field.type === 'Lookup' || field.type === 'User') {
    const n = toNumber(v);
    // Lookup id 0 or -1 clears the value.
    return n !== undefined && n <= 0;
  }
  return false;
}

const MSG_REQUIRED_NL: string = 'U moet een waarde opgeven voor dit vereiste veld.';
const MSG_REQUIRED_EN: string = "You can't leave this blank.";

function err(field: string | undefined, messageNl: string, messageEn: string): IValidationError {
  return field === undefined ? { messageNl, messageEn } : { field, messageNl, messageEn };
}

function rangeError(field: IFieldSchema): IValidationError {
  const { min, max } = field;
  if (min !== undefined && max !== undefined) {
    return err(field.internalName, `De waarde moet tussen ${min} en ${max} liggen.`, `The value of this field must be between ${min} and ${max}.`);
  }
  if (min !== undefined) {
    return err(field.internalName, `De waarde moet groter dan of gelijk aan ${min} zijn.`, `The value of this field must be greater than or equal to ${min}.`);
  }
  return err(field.internalName, `De waarde moet kleiner dan of gelijk aan ${max} zijn.`, `The value of this field must be less than or equal to ${max}.`);
}

/** The most characters a Text column takes: its MaxLength, else SharePoint's default of 255. */
export function textMaxLength(field: IFieldSchema): number {
  return field.maxLength !== undefined ? field.maxLength : 255;
}

const ISO_DATE: RegExp = /^\d{4}-\d\d-\d\d(T\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)?)?$/;

/** Type, choice and range checks of one non-blank value. */
function checkValue(field: IFieldSchema, v: unknown): IValidationError | undefined {
  const name = field.internalName;
  switch (field.type) {
    case 'Text':
      if (typeof v !== 'string' && typeof v !== 'number') return err(name, 'Geef tekst op.', 'Enter text.');
      if (String(v).length > textMaxLength(field)) {
        const max = textMaxLength(field);
        return err(name, `De waarde mag maximaal ${max} tekens bevatten.`, `The value can contain at most ${max} characters.`);
      }
      return undefined;
    case 'Note':
      return typeof v === 'string' || typeof v === 'number' ? undefined : err(name, 'Geef tekst op.', 'Enter text.');
    case 'Choice': {
      const choices = field.choices || [];
      if (typeof v !== 'string' || choices.indexOf(v) < 0) {
        return err(
          name,
          `De waarde moet een van de volgende keuzes zijn: ${choices.join(', ')}.`,
          `The value must be one of the following choices: ${choices.join(', ')}.`
        );
      }
      return undefined;
    }
    case 'Number': {
      const n = toNumber(v);
      if (n === undefined || typeof v === 'boolean') return err(name, 'Dit is geen geldig getal.', 'Enter a valid number.');
      if (Math.floor(n) !== n) return err(name, 'De waarde moet een geheel getal zijn.', 'The value must be a whole number.');
      if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max)) return rangeError(field);
      return undefined;
    }
    case 'Boolean':
      return typeof v === 'boolean' || v === 0 || v === 1 ? undefined : err(name, 'Kies ja of nee.', 'Choose yes or no.');
    case 'DateTime':
      if (typeof v !== 'string' || !ISO_DATE.test(v) || isNaN(new Date(v).getTime())) {
        return err(name, 'Geef een geldige datum op.', 'Enter a valid date.');
      }
      return undefined;
    case 'Lookup':
    case 'User': {
      const n = toNumber(v);
      if (n === undefined || Math.floor(n) !== n) return err(name, 'Kies een geldige waarde.', 'Choose a valid value.');
      return undefined;
    }
    case 'LookupMulti':
    case 'UserMulti': {
      const arr = asArray(v);
      if (!arr || arr.some((x) => { const n = toNumber(x); return n === undefined || Math.floor(n) !== n; })) {
        return err(name, 'Kies geldige waarden.', 'Choose valid values.');
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * Validates an item write. `values` is the REST body; `existing` the stored item (REST
 * names) for updates, used by the list validation formula for columns not written.
 * Returns no errors when the write is valid.
 */
export function validateItem(
  list: IListSchema,
  values: Record<string, unknown>,
  mode: ValidationMode,
  existing?: Record<string, unknown>
): IValidationError[] {
  const errors: IValidationError[] = [];
  for (const field of listFields(list)) {
    const key = restName(field);
    const present = has(values, key);
    const v = present ? values[key] : undefined;
    if (isBlankValue(field, v)) {
      const missingOnAdd = mode === 'add' && !present && field.defaultValue === undefined;
      const emptied = present;
      if (field.required && (missingOnAdd || emptied)) errors.push(err(field.internalName, MSG_REQUIRED_NL, MSG_REQUIRED_EN));
      continue;
    }
    const e = checkValue(field, v);
    if (e) errors.push(e);
  }
  if (list.validation && list.validation.formula) {
    const record: Record<string, unknown> = {};
    if (mode === 'add') {
      for (const f of list.fields) {
        if (f.defaultValue !== undefined) record[restName(f)] = f.type === 'Boolean' ? /^(1|true)$/i.test(f.defaultValue) : f.defaultValue;
      }
    }
    Object.assign(record, existing || {}, values);
    if (evaluateListFormula(list, list.validation.formula, record) === false) {
      errors.push(err(undefined, list.validation.message, list.validation.message));
    }
  }
  return errors;
}

// ---------------------------------------------------------------- formula evaluator

/** A formula value: blank (undefined), number, text or boolean. */
type FValue = number | string | boolean | undefined;

class UnsupportedFormula extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'UnsupportedFormula';
  }
}

interface IToken {
  kind: 'num' | 'str' | 'ref' | 'name' | 'op' | '(' | ')' | ',';
  text: string;
}

function tokenize(src: string): IToken[] {
  const tokens: IToken[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    if (/\s/.test(c)) {
      i++;
    } else if (/[0-9.]/.test(c)) {
      const m = /^(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i));
      if (!m) throw new UnsupportedFormula(`Bad number at ${i}`);
      tokens.push({ kind: 'num', text: m[0] });
      i += m[0].length;
    } else if (c === '"') {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new UnsupportedFormula('Unterminated string');
        if (src.charAt(i) === '"') {
          if (src.charAt(i + 1) === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src.charAt(i++);
      }
      tokens.push({ kind: 'str', text: s });
    } else if (c === '[') {
      const end = src.indexOf(']', i);
      if (end < 0) throw new UnsupportedFormula('Unterminated column reference');
      tokens.push({ kind: 'ref', text: src.slice(i + 1, end) });
      i = end + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(src.slice(i)) as RegExpExecArray;
      tokens.push({ kind: 'name', text: m[0].toUpperCase() });
      i += m[0].length;
    } else if (c === '(' || c === ')') {
      tokens.push({ kind: c, text: c });
      i++;
    } else if (c === ',' || c === ';') {
      tokens.push({ kind: ',', text: ',' });
      i++;
    } else {
      const two = src.substr(i, 2);
      if (two === '<>' || two === '<=' || two === '>=') {
        tokens.push({ kind: 'op', text: two });
        i += 2;
      } else if ('=<>+-*/&'.indexOf(c) >= 0) {
        tokens.push({ kind: 'op', text: c });
        i++;
      } else {
        throw new UnsupportedFormula(`Unexpected '${c}'`);
      }
    }
  }
  return tokens;
}

/** A parsed expression: evaluated lazily so IF/AND/OR short-circuit like Excel does not need to. */
type Expr = (resolve: (ref: string) => FValue) => FValue;

function isBlank(v: FValue): boolean {
  return v === undefined || v === '';
}

function toNum(v: FValue): number {
  if (v === undefined || v === '') return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const n = Number(v);
  if (isNaN(n)) throw new UnsupportedFormula('#VALUE!');
  return n;
}

function toBool(v: FValue): boolean {
  if (typeof v === 'boolean') return v;
  if (v === undefined || v === '') return false;
  if (typeof v === 'number') return v !== 0;
  const u = v.toUpperCase();
  if (u === 'TRUE') return true;
  if (u === 'FALSE') return false;
  throw new UnsupportedFormula('#VALUE!');
}

function toStr(v: FValue): string {
  if (v === undefined) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function compare(op: string, a: FValue, b: FValue): boolean {
  let cmp: number;
  if (typeof a === 'string' || typeof b === 'string') {
    // Blank compares as empty text with text, as 0 with numbers.
    if ((typeof a === 'number' && b === '') || (typeof b === 'number' && a === '')) {
      cmp = toNum(a) - toNum(b);
    } else {
      const x = toStr(a).toLowerCase();
      const y = toStr(b).toLowerCase();
      cmp = x < y ? -1 : x > y ? 1 : 0;
    }
  } else {
    cmp = toNum(a) - toNum(b);
  }
  switch (op) {
    case '=': return cmp === 0;
    case '<>': return cmp !== 0;
    case '<': return cmp < 0;
    case '<=': return cmp <= 0;
    case '>': return cmp > 0;
    default: return cmp >= 0;
  }
}

const FUNCTIONS: Record<string, (args: Expr[], r: (ref: string) => FValue) => FValue> = {
  AND: (args, r) => args.length > 0 && args.every((a) => toBool(a(r))),
  OR: (args, r) => args.some((a) => toBool(a(r))),
  NOT: (args, r) => {
    if (args.length !== 1) throw new UnsupportedFormula('NOT takes one argument');
    return !toBool(args[0](r));
  },
  ISBLANK: (args, r) => {
    if (args.length !== 1) throw new UnsupportedFormula('ISBLANK takes one argument');
    return isBlank(args[0](r));
  },
  IF: (args, r) => {
    if (args.length < 2 || args.length > 3) throw new UnsupportedFormula('IF takes two or three arguments');
    return toBool(args[0](r)) ? args[1](r) : args.length === 3 ? args[2](r) : false;
  },
  LEN: (args, r) => {
    if (args.length !== 1) throw new UnsupportedFormula('LEN takes one argument');
    return toStr(args[0](r)).length;
  },
  TRUE: () => true,
  FALSE: () => false
};

class Parser {
  private _pos: number = 0;
  public constructor(private readonly _tokens: IToken[]) {}

  public parse(): Expr {
    const e = this._comparison();
    if (this._pos < this._tokens.length) throw new UnsupportedFormula(`Unexpected '${this._tokens[this._pos].text}'`);
    return e;
  }

  private _peek(): IToken | undefined {
    return this._tokens[this._pos];
  }

  private _next(): IToken {
    const t = this._tokens[this._pos++];
    if (!t) throw new UnsupportedFormula('Unexpected end of formula');
    return t;
  }

  private _isOp(...ops: string[]): string | undefined {
    const t = this._peek();
    return t && t.kind === 'op' && ops.indexOf(t.text) >= 0 ? t.text : undefined;
  }

  private _comparison(): Expr {
    let left = this._concat();
    let op: string | undefined;
    while ((op = this._isOp('=', '<>', '<', '<=', '>', '>='))) {
      this._pos++;
      const l = left;
      const right = this._concat();
      const o = op;
      left = (r) => compare(o, l(r), right(r));
    }
    return left;
  }

  private _concat(): Expr {
    let left = this._additive();
    while (this._isOp('&')) {
      this._pos++;
      const l = left;
      const right = this._additive();
      left = (r) => toStr(l(r)) + toStr(right(r));
    }
    return left;
  }

  private _additive(): Expr {
    let left = this._multiplicative();
    let op: string | undefined;
    while ((op = this._isOp('+', '-'))) {
      this._pos++;
      const l = left;
      const right = this._multiplicative();
      left = op === '+' ? (r) => toNum(l(r)) + toNum(right(r)) : (r) => toNum(l(r)) - toNum(right(r));
    }
    return left;
  }

  private _multiplicative(): Expr {
    let left = this._unary();
    let op: string | undefined;
    while ((op = this._isOp('*', '/'))) {
      this._pos++;
      const l = left;
      const right = this._unary();
      left =
        op === '*'
          ? (r) => toNum(l(r)) * toNum(right(r))
          : (r) => {
              const d = toNum(right(r));
              if (d === 0) throw new UnsupportedFormula('#DIV/0!');
              return toNum(l(r)) / d;
            };
    }
    return left;
  }

  private _unary(): Expr {
    if (this._isOp('-')) {
      this._pos++;
      const e = this._unary();
      return (r) => -toNum(e(r));
    }
    if (this._isOp('+')) {
      this._pos++;
      return this._unary();
    }
    return this._primary();
  }

  private _primary(): Expr {
    const t = this._next();
    switch (t.kind) {
      case 'num': {
        const n = Number(t.text);
        return () => n;
      }
      case 'str':
        return () => t.text;
      case 'ref':
        return (r) => r(t.text);
      case '(': {
        const e = this._comparison();
        if (this._next().kind !== ')') throw new UnsupportedFormula("Expected ')'");
        return e;
      }
      case 'name': {
        const fn = FUNCTIONS[t.text];
        const p = this._peek();
        if (!p || p.kind !== '(') {
          if (t.text === 'TRUE' || t.text === 'FALSE') return () => t.text === 'TRUE';
          throw new UnsupportedFormula(`Unknown name ${t.text}`);
        }
        this._pos++;
        const args: Expr[] = [];
        if (this._peek() && (this._peek() as IToken).kind === ')') {
          this._pos++;
        } else {
          for (;;) {
            args.push(this._comparison());
            const sep = this._next();
            if (sep.kind === ')') break;
            if (sep.kind !== ',') throw new UnsupportedFormula("Expected ',' or ')'");
          }
        }
        if (!fn) throw new UnsupportedFormula(`Unknown function ${t.text}`);
        return (r) => fn(args, r);
      }
      default:
        throw new UnsupportedFormula(`Unexpected '${t.text}'`);
    }
  }
}

/** A column's value as a formula sees it. */
function formulaValue(field: IFieldSchema, v: unknown): FValue {
  if (isBlankValue(field, v)) return undefined;
  switch (field.type) {
    case 'Number':
    case 'Lookup':
    case 'User': {
      const n = toNumber(v);
      return n === undefined ? String(v) : n;
    }
    case 'Boolean':
      return v === true || v === 1;
    case 'DateTime': {
      // Excel-style serial day number, so dates compare and subtract.
      const t = new Date(String(v)).getTime();
      return isNaN(t) ? String(v) : t / 86400000 + 25569;
    }
    case 'LookupMulti':
    case 'UserMulti': {
      const arr = asArray(v) || [];
      return arr.join(';');
    }
    default:
      return typeof v === 'boolean' || typeof v === 'number' || typeof v === 'string' ? v : String(v);
  }
}

/**
 * Evaluates a SharePoint list validation formula against an item (REST names). Column
 * references use display names (internal names are accepted too). Returns true or false,
 * or undefined when the formula uses something this evaluator does not know (unknown
 * function or column, syntax it does not support): callers treat that as passing.
 */
export function evaluateListFormula(list: IFormulaList, formula: string, record: Record<string, unknown>): boolean | undefined {
  const fields = listFields(list);
  const byName = (ref: string): IFieldSchema => {
    const l = ref.trim().toLowerCase();
    const f =
      fields.filter((x) => x.displayName.toLowerCase() === l)[0] ||
      fields.filter((x) => x.internalName.toLowerCase() === l)[0] ||
      (l === 'title' || l === 'titel' ? fields[0] : undefined);
    if (!f) throw new UnsupportedFormula(`Unknown column [${ref}]`);
    return f;
  };
  try {
    const src = formula.trim().replace(/^=/, '');
    if (!src) return undefined;
    const expr = new Parser(tokenize(src)).parse();
    const result = expr((ref) => {
      const f = byName(ref);
      return formulaValue(f, record[restName(f)]);
    });
    return toBool(result);
  } catch (e) {
    if (e instanceof UnsupportedFormula) return undefined;
    // Never let a formula break a save: anything unexpected passes.
    return undefined;
  }
}
