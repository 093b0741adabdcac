/**
 * _api URL parsing: the path into segments (`getByTitle('a/b')` keeps its quoted
 * argument) and a segment's arguments into literals, with `@alias` parameters.
 */
import { badRequest } from './fields';

export interface ISeg {
  name: string;
  lower: string;
  args?: string;
}

export type Lit = string | number | boolean | null;

export interface IArgs {
  positional: Lit[];
  named: Record<string, Lit>;
}

/** Splits an _api path into segments; '(...)' arguments may contain quoted '/' and ')'. */
export function parseSegments(p: string): ISeg[] {
  const segs: ISeg[] = [];
  let i = 0;
  while (i < p.length) {
    if (p[i] === '/') {
      i++;
      continue;
    }
    let name = '';
    while (i < p.length && p[i] !== '/' && p[i] !== '(') name += p[i++];
    let args: string | undefined;
    if (p[i] === '(') {
      const end = closingParen(p, i);
      args = p.slice(i + 1, end);
      i = end + 1;
    }
    segs.push({ name, lower: name.toLowerCase(), args });
  }
  return segs;
}

/** Index of the ')' that closes the '(' at `open`, skipping quoted text. */
function closingParen(p: string, open: number): number {
  let depth = 0;
  let inQ = false;
  for (let j = open; j < p.length; j++) {
    const c = p[j];
    if (inQ) {
      if (c === "'") {
        if (p[j + 1] === "'") j++;
        else inQ = false;
      }
      continue;
    }
    if (c === "'") inQ = true;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return j;
  }
  throw badRequest(`The expression "${p}" is not valid.`);
}

function unquote(v: string): string {
  return v.slice(1, -1).replace(/''/g, "'");
}

function literal(raw: string, query: URLSearchParams): Lit {
  const v = raw.trim();
  if (v.startsWith('@')) {
    const aliased = query.get(v);
    if (aliased === null) throw badRequest(`The parameter alias ${v} has no value.`);
    return literal(aliased, new URLSearchParams());
  }
  if (/^'.*'$/s.test(v)) return unquote(v);
  if (/^guid'.*'$/i.test(v)) return unquote(v.slice(4)).toLowerCase();
  if (/^(true|false)$/i.test(v)) return v.toLowerCase() === 'true';
  if (/^null$/i.test(v)) return null;
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  return v;
}

/** Splits on commas outside quotes. */
function splitArgs(args: string): string[] {
  const parts: string[] = [];
  let cur = '';
  let inQ = false;
  for (let i = 0; i < args.length; i++) {
    const c = args[i];
    if (c === "'") {
      if (inQ && args[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      inQ = !inQ;
    }
    if (c === ',' && !inQ) {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

export function parseArgs(args: string | undefined, query: URLSearchParams): IArgs {
  const out: IArgs = { positional: [], named: {} };
  if (args === undefined || args.trim() === '') return out;
  for (const part of splitArgs(args)) {
    const m = /^\s*([A-Za-z_][\w]*)\s*=\s*([\s\S]*)$/.exec(part);
    if (m && !/^\s*'/.test(part)) out.named[m[1].toLowerCase()] = literal(m[2], query);
    else out.positional.push(literal(part, query));
  }
  return out;
}

export function firstArg(a: IArgs): Lit {
  if (a.positional.length) return a.positional[0];
  const keys = Object.keys(a.named);
  return keys.length ? a.named[keys[0]] : null;
}
