/**
 * npm run report -- --year 2022 --format docx|pptx|both --out <dir>
 *                   [--site <url>] [--token <bearer>] [--organisation "Stad Mechelen"]
 *                   [--intro-file <txt>] [--from-seed [<data dir>]]
 *
 * Writes the council report (Word note and/or slide deck) for a year from the lists of
 * the data site (default: the local site of `npm start`), or, with --from-seed, from
 * the structured 2022 data in ../shared/data without any site.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createNodeRepository } from '../src/data/node';
import { buildReport, defaultReportYear } from '../src/model/report';
import { convertSeed, ISeedAudits, ISeedReport } from '../src/model/seed';
import { IReportData } from '../src/model/types';
import { buildSlideDeck, buildWordReport, IReportOptions, ReportFormat, reportFileName } from '../src/report';
import { maturityReportSection } from '../src/model/maturity';
import { fail, flag, ICliArgs, parseArgs, siteFrom, tokenFrom } from './cli';

export const DEFAULT_SEED_DIR: string = path.resolve(__dirname, '../../shared/data');
const USAGE =
  'Gebruik / Usage: npm run report -- --year 2022 --format docx|pptx|both --out <map/dir> ' +
  '[--site <url>] [--token <bearer>] [--organisation "Stad Mechelen"] [--intro-file <txt>] [--from-seed [<dir>]]';

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function formatsFrom(args: ICliArgs): ReportFormat[] {
  const f = (flag(args, 'format') || 'both').toLowerCase();
  if (f === 'both') return ['docx', 'pptx'];
  if (f === 'docx' || f === 'pptx') return [f];
  return usageError(`Onbekend formaat / Unknown format: ${f} (docx, pptx of/or both).`);
}

function yearFrom(args: ICliArgs): number | undefined {
  const y = flag(args, 'year');
  if (y === undefined) return undefined;
  const n = Number(y);
  if (!/^\d{4}$/.test(y) || n < 1990 || n > 2200) return usageError(`Ongeldig jaar / Invalid year: ${y}`);
  return n;
}

function loadSeed(dir: string): IReportData {
  const reportFile = path.join(dir, 'voortgangsrapport-2022.json');
  const auditsFile = path.join(dir, 'audits-2022.json');
  try {
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as ISeedReport;
    const audits = fs.existsSync(auditsFile) ? (JSON.parse(fs.readFileSync(auditsFile, 'utf8')) as ISeedAudits) : undefined;
    return convertSeed(report, audits);
  } catch (e) {
    console.error(`Kan ${reportFile} niet lezen / Cannot read ${reportFile}: ${(e as Error).message}`);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (args.flags.help || args.flags.h) {
    console.log(USAGE);
    return;
  }
  const formats = formatsFrom(args);
  const requestedYear = yearFrom(args);
  const outDir = path.resolve(flag(args, 'out') || '.');
  const introFile = flag(args, 'intro-file');
  const options: IReportOptions = {
    organisation: flag(args, 'organisation') || 'Stad Mechelen',
    intro: introFile ? fs.readFileSync(introFile, 'utf8') : undefined,
    generatedOn: new Date()
  };

  let data: IReportData;
  const fromSeed = args.flags['from-seed'];
  const site = siteFrom(args);
  if (fromSeed !== undefined) {
    data = loadSeed(typeof fromSeed === 'string' ? path.resolve(fromSeed) : DEFAULT_SEED_DIR);
  } else {
    try {
      data = await createNodeRepository(site, tokenFrom(args)).loadReportData();
    } catch (e) {
      return fail(e, site);
    }
  }

  const year = defaultReportYear(data, requestedYear, new Date());
  const report = buildReport(data, year);
  if (fromSeed === undefined) {
    const maturity = await createNodeRepository(site, tokenFrom(args)).loadMaturityResults!().catch(() => undefined);
    if (maturity) report.maturity = maturityReportSection(maturity, year);
  }
  if (report.domains.length === 0) {
    console.error('Geen actieve domeinen gevonden: niets om te rapporteren. / No active domains found: nothing to report.');
    process.exit(1);
  }
  fs.mkdirSync(outDir, { recursive: true });
  for (const format of formats) {
    const started = Date.now();
    const bytes = format === 'docx' ? await buildWordReport(report, options) : await buildSlideDeck(report, options);
    const file = path.join(outDir, reportFileName(year, format));
    fs.writeFileSync(file, bytes);
    console.log(`${file}  (${Math.round(bytes.length / 1024)} kB, ${Date.now() - started} ms)`);
  }
}

main().catch((e: unknown) => {
  console.error(`Fout / Error: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
