/**
 * One glossary (README "Woordenlijst / Glossary") for the figures of src/model/figures, and
 * every surface's loc files use its words: the same idea never has two names, and two ideas
 * (earlier planning, overdue) never share one.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FIGURE_NAMES } from '../../src/model/figures';
import { format } from '../../src/components/format';

const ROOT = path.resolve(__dirname, '../..');

function glossary(): Record<string, { nl: string; en: string }> {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('## Woordenlijst / Glossary');
  expect(start).toBeGreaterThan(0);
  const section = readme.slice(start, readme.indexOf('\n## ', start + 5));
  const out: Record<string, { nl: string; en: string }> = {};
  for (const line of section.split('\n')) {
    const m = /^\| `(\w+)` \| ([^|]+) \| ([^|]+) \|/.exec(line);
    if (m) out[m[1]] = { nl: m[2].trim(), en: m[3].trim() };
  }
  return out;
}

function loc(file: string): Record<string, string> {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  // The loc files are AMD modules: run them with a define that keeps what they return.
  let result: Record<string, string> = {};
  // eslint-disable-next-line no-new-func
  new Function('define', text)((_deps: unknown, factory: () => Record<string, string>) => {
    result = factory();
  });
  return result;
}

// Which loc string of which surface names which figure.
const USES: Array<[string, string, string]> = [
  ['src/webparts/summary/loc', 'Totals', 'realised'],
  ['src/webparts/summary/loc', 'NewPlanning', 'newPlanning'],
  ['src/webparts/summary/loc', 'EarlierPlanning', 'earlierPlanning'],
  ['src/webparts/summary/loc', 'Overdue', 'overdue'],
  ['src/webparts/summary/loc', 'HighRisksMany', 'openHighRisks'],
  ['src/webparts/summary/loc', 'Mentions', 'mentions'],
  ['src/adaptiveCardExtensions/orgSummary/loc', 'HeadlineBody', 'realised'],
  ['src/adaptiveCardExtensions/orgSummary/loc', 'HeadlineBody', 'earlierPlanning'],
  ['src/adaptiveCardExtensions/orgSummary/loc', 'HeadlineBody', 'overdue'],
  ['src/adaptiveCardExtensions/orgSummary/loc', 'EarlierPlanningLabel', 'earlierPlanning'],
  ['src/adaptiveCardExtensions/orgSummary/loc', 'OverdueLabel', 'overdue'],
  ['src/adaptiveCardExtensions/orgSummary/loc', 'OpenHighRisksLabel', 'openHighRisks'],
  ['src/adaptiveCardExtensions/orgSummary/loc', 'QuickViewTotals', 'mentions'],
  ['src/webparts/domainCards/loc', 'CardCounts', 'realised'],
  ['src/webparts/domainCards/loc', 'CardCounts', 'newPlanning'],
  ['src/webparts/domainCards/loc', 'CardCounts', 'openHighRisks'],
  ['src/webparts/domainCards/loc', 'OlderPlanning', 'earlierPlanning'],
  ['src/webparts/domainCards/loc', 'CardDeadlines', 'overdue'],
  ['src/webparts/auditFollowUp/loc', 'DomainDeadlines', 'overdue'],
  ['src/webparts/summary/loc', 'OpenRecommendationsMany', 'openRecommendations'],
  ['src/webparts/summary/loc', 'Totals', 'openRecommendations'],
  ['src/adaptiveCardExtensions/orgSummary/loc', 'OpenRecommendationsLabel', 'openRecommendations'],
  ['src/adaptiveCardExtensions/orgSummary/loc', 'QuickViewOpenRecommendations', 'openRecommendations'],
  ['src/adaptiveCardExtensions/orgSummary/loc', 'MineHeadline', 'overdue'],
  ['src/webparts/auditFollowUp/loc', 'OpenRecommendationsTotal', 'openRecommendations'],
  ['src/webparts/auditFollowUp/loc', 'DomainOpenRecommendations', 'openRecommendations'],
  ['src/webparts/auditFollowUp/loc', 'MineSummary', 'overdue']
];

describe('one glossary of words for the figures', () => {
  const g = glossary();

  it('the README glossary names every figure of the model, and the per-domain mentions', () => {
    expect(Object.keys(g).sort()).toEqual([...FIGURE_NAMES, 'mentions'].sort());
  });

  it.each(['nl-nl', 'en-us'])('every surface uses the glossary word for each figure it shows (%s)', (lang) => {
    const word = (f: string): string => (lang === 'nl-nl' ? g[f].nl : g[f].en).toLowerCase();
    const misses: string[] = [];
    for (const [dir, key, figure] of USES) {
      const template = loc(`${dir}/${lang}.js`)[key];
      // As shown with several items: "{0:risk|risks}" reads "risks".
      const value = template === undefined ? undefined : format(template, 2, 2, 2, 2, 2, 2, 2, 2);
      if (value === undefined || value.toLowerCase().indexOf(word(figure)) < 0) misses.push(`${dir} ${key}: "${value}" lacks "${word(figure)}"`);
    }
    expect(misses).toEqual([]);
  });

  it('no loc file or card manifest uses another word for these ideas ("achterstallig", "arrears")', () => {
    const files = [
      ...['summary', 'domainCards', 'auditFollowUp', 'maturity'].flatMap((w) => [`src/webparts/${w}/loc/nl-nl.js`, `src/webparts/${w}/loc/en-us.js`]),
      'src/adaptiveCardExtensions/orgSummary/loc/nl-nl.js',
      'src/adaptiveCardExtensions/orgSummary/loc/en-us.js',
      'src/adaptiveCardExtensions/orgSummary/OrgSummaryAdaptiveCardExtension.manifest.json'
    ];
    for (const f of files) expect(`${f}: ${fs.readFileSync(path.join(ROOT, f), 'utf8')}`).not.toMatch(/achterstallig|arrears|in arrear/i);
  });
});
