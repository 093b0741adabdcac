/**
 * Bundle budgets, checked on the bundles `gulp bundle --ship` (npm run build) left in dist/.
 * Skipped when there is no build: run `npm run build` first (the bench measures the same files).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

const DIST = path.resolve(__dirname, '../../dist');

/** The newest bundle whose name starts with `prefix` (a rebuild without clean leaves older ones). */
export function newestBundle(prefix: string): string | undefined {
  if (!fs.existsSync(DIST)) return undefined;
  const files = fs
    .readdirSync(DIST)
    .filter((f) => f.indexOf(prefix) === 0 && f.endsWith('.js'))
    .map((f) => path.join(DIST, f))
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  return files[0];
}

const BUDGETS_KB_GZIPPED: Record<string, number> = {
  // The homepage widget: every employee's homepage loads it.
  'summary-web-part_': 60
};

describe('bundle budgets (gzipped, from dist/)', () => {
  const built = newestBundle('summary-web-part_');
  (built ? it : it.skip).each(Object.entries(BUDGETS_KB_GZIPPED))('%s stays within %i KB', (prefix, budget) => {
    const file = newestBundle(prefix) as string;
    const gz = zlib.gzipSync(fs.readFileSync(file)).length;
    expect(gz / 1024).toBeLessThanOrEqual(budget);
  });

  (built ? it : it.skip)('the widget carries neither Fluent UI components nor the report code', () => {
    const text = fs.readFileSync(built as string, 'utf8');
    for (const marker of ['ms-Shimmer', 'ms-MessageBar', 'ms-Button', 'ms-Dropdown', 'pptxgenjs', 'docx']) expect(text.indexOf(marker)).toBe(-1);
  });
});
