/** src/ is what ships: every module under src/ is reachable from a web part's or the ACE's entry module. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { entryModules, importsOf, reachableFrom, relative, sourceFiles } from './importGraph';

describe('src/ holds only what ships', () => {
  it('finds an entry module for every bundle in config/config.json', () => {
    const entries = entryModules().map(relative);
    expect(entries).toEqual(expect.arrayContaining([
      'src/webparts/domainCards/DomainCardsWebPart.ts',
      'src/adaptiveCardExtensions/orgSummary/OrgSummaryAdaptiveCardExtension.ts'
    ]));
  });

  it('reaches every .ts/.tsx file under src/ from a web part or ACE entry', () => {
    const reachable = reachableFrom(entryModules());
    const unreachable = sourceFiles('src').filter((f) => !reachable.has(f)).map(relative);
    // Code for the local server, the scripts or the tests belongs in dev/, scripts/ or tools/.
    expect(unreachable).toEqual([]);
  });

  it('follows static, re-export, side-effect and dynamic imports, with index and .tsx resolution', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layout-'));
    const write = (name: string, text: string): string => {
      const file = path.join(dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      return file;
    };
    const entry = write('entry.ts', [
      "import { a } from './a';",
      "export * from './b';",
      "import './c';",
      "const d = import(/* webpackChunkName: 'd' */ './d');",
      "// import { e } from './e';",
      "import * as React from 'react';"
    ].join('\n'));
    write('a.ts', '');
    write('b/index.ts', '');
    write('c.tsx', '');
    write('d.ts', '');
    write('e.ts', '');
    const names = [...reachableFrom([entry])].map((f) => path.relative(dir, f).split(path.sep).join('/')).sort();
    expect(names).toEqual(['a.ts', 'b/index.ts', 'c.tsx', 'd.ts', 'entry.ts']);
    expect(importsOf(path.join(dir, 'e.ts'))).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
