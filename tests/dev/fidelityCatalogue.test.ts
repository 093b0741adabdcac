import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');

interface IRow {
  id: string;
  local: string;
  source: string;
}

function rows(): IRow[] {
  const text = fs.readFileSync(path.join(ROOT, 'dev/server/FIDELITY.md'), 'utf8');
  const out: IRow[] = [];
  for (const line of text.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | ID | Behaviour | SharePoint Online | Source | Local | Test |
    if (cells.length >= 8 && /^[A-Z]-\d\d$/.test(cells[1])) out.push({ id: cells[1], source: cells[4], local: cells[5] });
  }
  return out;
}

/** Titles of every jest test under tests/, as written in the source. */
function testTitles(): string {
  const all: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.test\.tsx?$/.test(e.name)) all.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(ROOT, 'tests'));
  return all.join('\n');
}

describe('dev/server/FIDELITY.md', () => {
  it('catalogues at least 30 behaviours, each once, each with a source', () => {
    const r = rows();
    expect(r.length).toBeGreaterThanOrEqual(30);
    expect(new Set(r.map((x) => x.id)).size).toBe(r.length);
    for (const row of r) expect([row.id, row.source.length > 10]).toEqual([row.id, true]);
  });

  it('names a test, titled with the row id, for every emulated or lenient row', () => {
    const titles = testTitles();
    const missing = rows()
      .filter((r) => /^(emulated|lenient)/.test(r.local))
      .filter((r) => !new RegExp(`it\\((['"\`])\\[${r.id}\\]`).test(titles))
      .map((r) => r.id);
    expect(missing).toEqual([]);
  });
});
