/**
 * OData v3 query options as SharePoint accepts them: a recursive-descent `$filter`
 * parser and evaluator, `$orderby`, `$select`/`$expand` parsing.
 * Pure functions, no I/O; the server supplies a resolver for member paths.
 */

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; expr: FilterNode }
  | { kind: 'cmp'; op: CmpOp; left: FilterNode; right: FilterNode }
  | { kind: 'call'; name: string; args: FilterNode[] }
  | { kind: 'lit'; value: Literal }
  | { kind: 'member'; path: string[] };

export type CmpOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';
export type Literal = string | number | boolean | null | Date;

/** A $filter/$orderby syntax error; the server answers 400. */
export class ODataSyntaxError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'ODataSyntaxError';
  }
}

interface IToken {
  t: 'ident' | 'string' | 'number' | 'datetime' | 'guid' | '(' | ')' | ',' | 'eof';
  v: string;
  pos: number;
}

const CMP_OPS: string[] = ['eq', 'ne', 'gt', 'ge', 'lt', 'le'];
const FUNCTIONS: string[] = ['startswith', 'substringof'];

function tokenize(src: string): IToken[] {
  const tokens: IToken[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === ',') {
      tokens.push({ t: c, v: c, pos: i });
      i++;
      continue;
    }
    if (c === "'") {
      const [value, end] = readQuoted(src, i);
      tokens.push({ t: 'string', v: value, pos: i });
      i = end;
      continue;
    }
    if (/[0-9]/.test(c) || (c === '-' && /[0-9]/.test(src[i + 1] || ''))) {
      const m = /^-?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?[mMdDfFlL]?/.exec(src.slice(i));
      if (!m) throw new ODataSyntaxError(`Syntax error at position ${i}.`);
      tokens.push({ t: 'number', v: m[0].replace(/[mMdDfFlL]$/, ''), pos: i });
      i += m[0].length;
      continue;
    }
    if (/[A-Za-z_$@]/.test(c)) {
      const m = /^[A-Za-z_$@][A-Za-z0-9_$@./]*/.exec(src.slice(i));
      const word = m ? m[0] : c;
      // typed literals: datetime'...', guid'...'
      if ((word === 'datetime' || word === 'guid') && src[i + word.length] === "'") {
        const [value, end] = readQuoted(src, i + word.length);
        tokens.push({ t: word, v: value, pos: i });
        i = end;
        continue;
      }
      tokens.push({ t: 'ident', v: word.replace(/\/+$/, ''), pos: i });
      i += word.length;
      continue;
    }
    throw new ODataSyntaxError(`Syntax error: character '${c}' is not valid at position ${i}.`);
  }
  tokens.push({ t: 'eof', v: '', pos: src.length });
  return tokens;
}

/** Reads a '...' literal starting at src[start] === "'", with '' as an escaped quote. */
function readQuoted(src: string, start: number): [string, number] {
  let i = start + 1;
  let out = '';
  for (;;) {
    if (i >= src.length) throw new ODataSyntaxError(`There is an unterminated string literal at position ${start}.`);
    if (src[i] === "'") {
      if (src[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      return [out, i + 1];
    }
    out += src[i++];
  }
}

/** Parses a $filter expression. Throws ODataSyntaxError. */
export function parseFilter(src: string): FilterNode {
  const tokens = tokenize(src);
  let p = 0;
  const peek = (): IToken => tokens[p];
  const next = (): IToken => tokens[p++];
  const isWord = (w: string): boolean => peek().t === 'ident' && peek().v.toLowerCase() === w;
  const fail = (): never => {
    const tok = peek();
    throw new ODataSyntaxError(`The expression "${src}" is not valid.${tok.t === 'eof' ? '' : ` Unexpected '${tok.v}' at position ${tok.pos}.`}`);
  };

  function parseOr(): FilterNode {
    let left = parseAnd();
    while (isWord('or')) {
      next();
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  }
  function parseAnd(): FilterNode {
    let left = parseUnary();
    while (isWord('and')) {
      next();
      left = { kind: 'and', left, right: parseUnary() };
    }
    return left;
  }
  function parseUnary(): FilterNode {
    if (isWord('not')) {
      next();
      return { kind: 'not', expr: parseUnary() };
    }
    return parseCmp();
  }
  function parseCmp(): FilterNode {
    const left = parsePrimary();
    if (peek().t === 'ident' && CMP_OPS.indexOf(peek().v.toLowerCase()) >= 0) {
      const op = next().v.toLowerCase() as CmpOp;
      const right = parsePrimary();
      return { kind: 'cmp', op, left, right };
    }
    return left;
  }
  function parsePrimary(): FilterNode {
    const tok = peek();
    if (tok.t === '(') {
      next();
      const e = parseOr();
      if (peek().t !== ')') fail();
      next();
      return e;
    }
    if (tok.t === 'string') {
      next();
      return { kind: 'lit', value: tok.v };
    }
    if (tok.t === 'number') {
      next();
      return { kind: 'lit', value: Number(tok.v) };
    }
    if (tok.t === 'datetime') {
      next();
      const d = new Date(/Z|[+-]\d\d:?\d\d$/.test(tok.v) ? tok.v : tok.v + 'Z');
      if (isNaN(d.getTime())) throw new ODataSyntaxError(`The expression "${src}" is not valid. Invalid datetime '${tok.v}'.`);
      return { kind: 'lit', value: d };
    }
    if (tok.t === 'guid') {
      next();
      return { kind: 'lit', value: tok.v.toLowerCase() };
    }
    if (tok.t === 'ident') {
      const lower = tok.v.toLowerCase();
      if (lower === 'true' || lower === 'false') {
        next();
        return { kind: 'lit', value: lower === 'true' };
      }
      if (lower === 'null') {
        next();
        return { kind: 'lit', value: null };
      }
      if (tokens[p + 1].t === '(') {
        if (FUNCTIONS.indexOf(lower) < 0) {
          throw new ODataSyntaxError(`The query is not valid: the function '${tok.v}' is not supported.`);
        }
        next();
        next();
        const args: FilterNode[] = [];
        if (peek().t !== ')') {
          args.push(parseOr());
          while (peek().t === ',') {
            next();
            args.push(parseOr());
          }
        }
        if (peek().t !== ')') fail();
        next();
        if (args.length !== 2) throw new ODataSyntaxError(`The function '${tok.v}' expects 2 arguments.`);
        return { kind: 'call', name: lower, args };
      }
      if (['and', 'or', 'not'].concat(CMP_OPS).indexOf(lower) >= 0) fail();
      next();
      return { kind: 'member', path: tok.v.split('/') };
    }
    return fail();
  }

  if (peek().t === 'eof') fail();
  const tree = parseOr();
  if (peek().t !== 'eof') fail();
  return tree;
}

/** What a member path means for one entity: its value(s) and, for multi-valued lookups, all of them. */
export interface IResolved {
  value: unknown;
  /** Multi-valued (multi lookup): comparisons hold when any value matches. */
  multi?: boolean;
}

export type Resolver = (path: string[]) => IResolved;

function isEmpty(v: unknown): boolean {
  return v === null || v === undefined || v === '';
}

/** Comparable scalar: dates to epoch ms, booleans to 0/1. */
function norm(v: unknown): unknown {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'boolean') return v ? 1 : 0;
  return v;
}

function compareScalar(op: CmpOp, a: unknown, b: unknown): boolean {
  if (isEmpty(a) || isEmpty(b)) {
    const same = isEmpty(a) && isEmpty(b);
    if (op === 'eq') return same;
    if (op === 'ne') return !same;
    return false;
  }
  let x = norm(a);
  let y = norm(b);
  // ISO date strings against datetime literals, numbers against numeric strings
  if (typeof x === 'string' && typeof y === 'number') {
    const asDate = /^\d{4}-\d\d-\d\d/.test(x) ? Date.parse(x) : NaN;
    x = !isNaN(asDate) ? asDate : Number(x);
  } else if (typeof x === 'number' && typeof y === 'string') {
    y = Number(y);
  }
  let c: number;
  if (typeof x === 'string' && typeof y === 'string') {
    // SharePoint compares text case-insensitively (SQL collation).
    c = x.localeCompare(y, 'nl', { sensitivity: 'base' });
  } else {
    const xn = x as number;
    const yn = y as number;
    c = xn < yn ? -1 : xn > yn ? 1 : xn === yn ? 0 : NaN;
    if (isNaN(c)) return op === 'ne';
  }
  switch (op) {
    case 'eq': return c === 0;
    case 'ne': return c !== 0;
    case 'gt': return c > 0;
    case 'ge': return c >= 0;
    case 'lt': return c < 0;
    default: return c <= 0;
  }
}

function valueOf(node: FilterNode, resolve: Resolver): IResolved {
  if (node.kind === 'lit') return { value: node.value };
  if (node.kind === 'member') return resolve(node.path);
  return { value: evaluate(node, resolve) };
}

function str(v: unknown): string {
  return v === null || v === undefined ? '' : String(v).toLowerCase();
}

/** Evaluates a parsed filter for one entity. */
export function evaluate(node: FilterNode, resolve: Resolver): boolean {
  switch (node.kind) {
    case 'and': return evaluate(node.left, resolve) && evaluate(node.right, resolve);
    case 'or': return evaluate(node.left, resolve) || evaluate(node.right, resolve);
    case 'not': return !evaluate(node.expr, resolve);
    case 'lit': return node.value === true;
    case 'member': return resolve(node.path).value === true;
    case 'call': {
      const a = valueOf(node.args[0], resolve);
      const b = valueOf(node.args[1], resolve);
      if (node.name === 'startswith') {
        return str(a.value).indexOf(str(b.value)) === 0 && !isEmpty(a.value);
      }
      // substringof('needle', Field)
      return !isEmpty(b.value) && str(b.value).indexOf(str(a.value)) >= 0;
    }
    case 'cmp': {
      const l = valueOf(node.left, resolve);
      const r = valueOf(node.right, resolve);
      const multi = l.multi ? l : r.multi ? r : undefined;
      if (multi) {
        const other = multi === l ? r.value : l.value;
        const values = Array.isArray(multi.value) ? multi.value : [];
        const op = node.op;
        if (op === 'eq' && other === null) return values.length === 0;
        if (op === 'ne' && other === null) return values.length > 0;
        const any = values.some((v) => (multi === l ? compareScalar(op === 'ne' ? 'eq' : op, v, other) : compareScalar(op === 'ne' ? 'eq' : op, other, v)));
        return op === 'ne' ? !any : any;
      }
      return compareScalar(node.op, l.value, r.value);
    }
  }
}

/** Every member path a filter refers to (for the list view threshold's index check). */
export function memberPaths(node: FilterNode): string[][] {
  switch (node.kind) {
    case 'and':
    case 'or': return memberPaths(node.left).concat(memberPaths(node.right));
    case 'not': return memberPaths(node.expr);
    case 'cmp': return memberPaths(node.left).concat(memberPaths(node.right));
    case 'call': return node.args.reduce((acc: string[][], a) => acc.concat(memberPaths(a)), []);
    case 'member': return [node.path];
    default: return [];
  }
}

/** The clause SharePoint evaluates first: the leftmost operand of a chain of `and`s. */
export function firstClause(node: FilterNode): FilterNode {
  return node.kind === 'and' ? firstClause(node.left) : node;
}

export interface IOrderKey {
  path: string[];
  desc: boolean;
}

export function parseOrderBy(src: string): IOrderKey[] {
  const keys: IOrderKey[] = [];
  for (const part of src.split(',')) {
    const bits = part.trim().split(/\s+/).filter((b) => b.length > 0);
    if (bits.length === 0 || bits.length > 2 || !/^[A-Za-z_][A-Za-z0-9_/]*$/.test(bits[0])) {
      throw new ODataSyntaxError(`The expression "${src}" is not valid.`);
    }
    const dir = (bits[1] || 'asc').toLowerCase();
    if (dir !== 'asc' && dir !== 'desc') throw new ODataSyntaxError(`The expression "${src}" is not valid.`);
    keys.push({ path: bits[0].split('/'), desc: dir === 'desc' });
  }
  return keys;
}

/** Compares two values for sorting: empty values first (ascending), text case-insensitively. */
export function compareForSort(a: unknown, b: unknown): number {
  const ea = isEmpty(a) || (Array.isArray(a) && a.length === 0);
  const eb = isEmpty(b) || (Array.isArray(b) && b.length === 0);
  if (ea || eb) return ea && eb ? 0 : ea ? -1 : 1;
  const x = norm(Array.isArray(a) ? a[0] : a);
  const y = norm(Array.isArray(b) ? b[0] : b);
  if (typeof x === 'string' && typeof y === 'string') return x.localeCompare(y, 'nl', { sensitivity: 'base' });
  return (x as number) < (y as number) ? -1 : (x as number) > (y as number) ? 1 : 0;
}

/** `$select` / `$expand` lists: comma-separated, trimmed, empty entries dropped. */
export function parseList(src: string | null): string[] | undefined {
  if (src === null) return undefined;
  return src
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
