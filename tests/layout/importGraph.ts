/**
 * A small import walker for the layout checks: static `import ... from`, `export ... from`,
 * side-effect `import '...'`, dynamic `import()` and `require()`, relative specifiers only
 * (packages and the localized-strings aliases are not files of this repository).
 */
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..');

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;

/** Drops comments so that examples in comments are not taken for imports. */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

export function specifiers(source: string): string[] {
  const found: string[] = [];
  const text = stripComments(source);
  let match: RegExpExecArray | null;
  SPECIFIER.lastIndex = 0;
  while ((match = SPECIFIER.exec(text)) !== null) found.push(match[1]);
  return found;
}

const EXTENSIONS = ['.ts', '.tsx', '.js', '.json', '.scss', '.css', '.d.ts'];

/** Resolves a relative specifier like TypeScript's node resolution: the file, with an extension, or its index. */
export function resolve(fromFile: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...['.ts', '.tsx', '.js'].map((e) => path.join(base, 'index' + e))];
  return candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
}

export function importsOf(file: string): string[] {
  if (!/\.(ts|tsx|js)$/.test(file)) return [];
  const out = new Set<string>();
  for (const spec of specifiers(fs.readFileSync(file, 'utf8'))) {
    const target = resolve(file, spec);
    if (target) out.add(target);
  }
  return [...out];
}

/** Every .ts/.tsx file under a folder of the repository (absolute paths). */
export function sourceFiles(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules') walk(full);
      } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(full);
    }
  };
  walk(path.join(ROOT, folder));
  return out.sort();
}

/** The entry module of every web part and ACE: config/config.json's lib/...js mapped back to src/...ts. */
export function entryModules(): string[] {
  const config = JSON.parse(fs.readFileSync(path.join(ROOT, 'config', 'config.json'), 'utf8')) as {
    bundles: Record<string, { components: Array<{ entrypoint: string }> }>;
  };
  const entries: string[] = [];
  for (const bundle of Object.values(config.bundles)) {
    for (const component of bundle.components) {
      const stem = path.join(ROOT, component.entrypoint.replace(/^\.\/lib\//, 'src/').replace(/\.js$/, ''));
      const file = ['.ts', '.tsx'].map((e) => stem + e).find((f) => fs.existsSync(f));
      if (!file) throw new Error(`Entry ${component.entrypoint} has no source file under src/`);
      entries.push(file);
    }
  }
  return entries;
}

export function reachableFrom(entries: string[]): Set<string> {
  const seen = new Set<string>();
  const stack = [...entries];
  while (stack.length) {
    const file = stack.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    stack.push(...importsOf(file));
  }
  return seen;
}

/** Import cycles among the given files (Tarjan's strongly connected components of two or more files, or a self-import). */
export function cycles(files: string[]): string[][] {
  const inSet = new Set(files);
  const graph = new Map(files.map((f) => [f, importsOf(f).filter((t) => inSet.has(t))]));
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  const connect = (v: string): void => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!indices.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v) as number, indices.get(w) as number));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) result.push(component.sort());
    }
  };
  for (const f of files) if (!indices.has(f)) connect(f);
  return result;
}

export function relative(file: string): string {
  return path.relative(ROOT, file).split(path.sep).join('/');
}
