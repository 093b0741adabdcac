/** No import circles in src/ or dev/, except the one the SPFx scaffold gives every ACE (extension ↔ its views). */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cycles, relative, sourceFiles } from './importGraph';

/** The ACE imports its views to register them, and the views import the ACE for its props and state types. */
const ACE_SCAFFOLD = /^src\/adaptiveCardExtensions\/[^/]+\//;

describe('import circles', () => {
  it('finds none in src/ and dev/ apart from an ACE and its views', () => {
    const found = cycles([...sourceFiles('src'), ...sourceFiles('dev')])
      .map((c) => c.map(relative))
      .filter((c) => !c.every((f) => ACE_SCAFFOLD.test(f)));
    expect(found.map((c) => c.join(' ↔ '))).toEqual([]);
  });

  it('reports a circle through three files and a self-import, not a diamond', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cycles-'));
    const write = (name: string, text: string): string => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, text);
      return file;
    };
    const files = [
      write('a.ts', "import { b } from './b';"),
      write('b.ts', "export * from './c';"),
      write('c.ts', "import type { A } from './a';"),
      write('self.ts', "import { x } from './self';"),
      write('top.ts', "import './left';\nimport './right';"),
      write('left.ts', "import './bottom';"),
      write('right.ts', "import './bottom';"),
      write('bottom.ts', '')
    ];
    const names = cycles(files).map((c) => c.map((f) => path.basename(f)));
    expect(names).toEqual(expect.arrayContaining([['a.ts', 'b.ts', 'c.ts'], ['self.ts']]));
    expect(names).toHaveLength(2);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
