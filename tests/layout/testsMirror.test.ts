/**
 * Tests mirror the code, so a file's tests are found in one hop: a test that exercises one web
 * part lives in tests/webparts/<name>/ (tests/webparts/shared/ for the host layer); tests across
 * web parts sit in tests/webparts/ itself, the card's in tests/adaptiveCardExtensions/.
 */
import * as fs from 'fs';
import * as path from 'path';
import { importsOf, relative, ROOT, sourceFiles } from './importGraph';

/** The web part folders a test imports from (src/webparts/<name>/…, shared/ excluded). */
function webPartsOf(file: string): string[] {
  const names = importsOf(file)
    .map(relative)
    .map((t) => /^src\/webparts\/([^/]+)\//.exec(t))
    .filter((m): m is RegExpExecArray => !!m && m[1] !== 'shared')
    .map((m) => m[1]);
  return Array.from(new Set(names)).sort();
}

const tests = sourceFiles('tests').filter((f) => /\.test\.tsx?$/.test(f) && !relative(f).startsWith('tests/e2e/'));

describe('tests mirror the code', () => {
  it('a test of one web part lives in tests/webparts/<that web part>/', () => {
    const misplaced = tests
      .map((f) => ({ file: relative(f), parts: webPartsOf(f) }))
      .filter((t) => t.parts.length === 1 && !t.file.startsWith(`tests/webparts/${t.parts[0]}/`) && !t.file.startsWith('tests/layout/'))
      .map((t) => `${t.file} tests src/webparts/${t.parts[0]}/`);
    expect(misplaced).toEqual([]);
  });

  it('tests/webparts/<name>/ exists only for a web part of src/webparts/', () => {
    const stray = tests
      .map(relative)
      .filter((f) => /^tests\/webparts\/[^/]+\//.test(f))
      .filter((f) => !fs.existsSync(path.join(ROOT, 'src/webparts', f.split('/')[2])));
    expect(stray).toEqual([]);
  });
});
