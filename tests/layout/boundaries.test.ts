/** Who may import whom: the scripts do not reach into the local server, shared host code not into one web part. */
import { importsOf, relative, sourceFiles } from './importGraph';

function importsInto(fromFolder: string, target: (file: string) => boolean, from: (file: string) => boolean = () => true): string[] {
  return sourceFiles(fromFolder)
    .filter(from)
    .flatMap((f) => importsOf(f).map(relative).filter(target).map((t) => `${relative(f)} → ${t}`));
}

describe('layout boundaries', () => {
  it('scripts/ does not import from dev/server (shared facts live in tools/); only the benchmark starts local servers', () => {
    expect(importsInto('scripts', (t) => t.startsWith('dev/server/'), (f) => relative(f) !== 'scripts/bench.ts')).toEqual([]);
  });

  it('dev/server is a generic SharePoint: it imports nothing of the product (src/)', () => {
    expect(importsInto('dev/server', (t) => t.startsWith('src/'))).toEqual([]);
  });

  it('src/webparts/shared imports from no single web part folder', () => {
    expect(importsInto('src/webparts/shared', (t) => /^src\/webparts\/(?!shared\/)/.test(t))).toEqual([]);
  });

  it('src/ imports nothing from dev/, scripts/, tools/ or tests/', () => {
    expect(importsInto('src', (t) => /^(dev|scripts|tools|tests)\//.test(t))).toEqual([]);
  });
});
