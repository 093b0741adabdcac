/**
 * npm run report -- --year 2022 --format docx|pptx|both --out <dir>
 *                   [--site <url>] [--token <bearer>] [--organisation "<name>"]
 *                   [--intro-file <txt>] [--from-seed [<data dir>]]
 *
 * Writes the council report (Word note and/or slide deck) for a year from the lists of
 * the data site (default: the local site of `npm start`), or, with --from-seed, from
 * the structured 2022 data in ../shared/data without any site.
 * The organisation name on the report: --organisation, else the data site's title (as the
 * web part does), or with --from-seed the seed's own organisation. The year: --year, else the
 * cards' rule (src/model defaultReportYear, taking the site's final reports into account).
 */
import * as fs from 'fs';
import * as path from 'path';
import { createNodeAccess } from '../tools/data/node';
import { defaultReportYear } from '../src/model/report';
import { convertSeed, ISeedAudits, ISeedReport } from '../tools/model/seed';
import { IReportData } from '../src/model/types';
import { IReportOptions, ReportFormat } from '../src/report';
import { buildCouncilReport, IMaturityResultsSource, renderCouncilReport } from '../src/app/councilReport';
import { fail, flag, ICliArgs, parseArgs, siteFrom, tokenFrom } from './cli';

export const DEFAULT_SEED_DIR: string = path.resolve(__dirname, '../../shared/data');
const USAGE =
  'Gebruik / Usage: npm run report -- --year 2022 --format docx|pptx|both --out <map/dir> ' +
  '[--site <url>] [--token <bearer>] [--organisation "<naam/name>"] [--intro-file <txt>] [--from-seed [<dir>]]';

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

/** The source of a report: its data, the organisation it names by default, and the years already final. */
export interface IReportSource {
  data: IReportData;
  organisation: string;
  finalYears: number[];
  /** The maturity lists of the data site (none with --from-seed). */
  maturity?: IMaturityResultsSource;
}

export function loadSeed(dir: string): IReportSource {
  const reportFile = path.join(dir, 'voortgangsrapport-2022.json');
  const auditsFile = path.join(dir, 'audits-2022.json');
  try {
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as ISeedReport & { organisation?: string };
    const audits = fs.existsSync(auditsFile) ? (JSON.parse(fs.readFileSync(auditsFile, 'utf8')) as ISeedAudits) : undefined;
    return { data: convertSeed(report, audits), organisation: report.organisation || '', finalYears: [] };
  } catch (e) {
    console.error(`Kan ${reportFile} niet lezen / Cannot read ${reportFile}: ${(e as Error).message}`);
    process.exit(1);
  }
}

/** From the data site, in one go: the lists, its title (the organisation, as the web part uses it) and its final reports. */
export async function loadSite(site: string, token: string | undefined): Promise<IReportSource> {
  const access = createNodeAccess(site, token);
  const [data, title, reports] = await Promise.all([access.reportData.loadReportData(), access.settings.getSiteTitle(), access.reports.getStoredReports().catch(() => [])]);
  return { data, organisation: title, finalYears: reports.map((r) => r.year), maturity: access.maturity };
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
    organisation: '',
    intro: introFile ? fs.readFileSync(introFile, 'utf8') : undefined,
    generatedOn: new Date()
  };

  let source: IReportSource;
  const fromSeed = args.flags['from-seed'];
  const site = siteFrom(args);
  if (fromSeed !== undefined) {
    source = loadSeed(typeof fromSeed === 'string' ? path.resolve(fromSeed) : DEFAULT_SEED_DIR);
  } else {
    try {
      source = await loadSite(site, tokenFrom(args));
    } catch (e) {
      return fail(e, site);
    }
  }
  const data: IReportData = source.data;
  options.organisation = flag(args, 'organisation') || source.organisation;

  const year = defaultReportYear(data, requestedYear, new Date(), source.finalYears);
  // The same assembly as the cards' "Rapport maken" and "Definitief maken" (src/app/councilReport).
  const report = await buildCouncilReport(data, year, source.maturity);
  if (report.domains.length === 0) {
    console.error('Geen actieve domeinen gevonden: niets om te rapporteren. / No active domains found: nothing to report.');
    process.exit(1);
  }
  fs.mkdirSync(outDir, { recursive: true });
  for (const format of formats) {
    const started = Date.now();
    const doc = await renderCouncilReport(report, format, options);
    const file = path.join(outDir, doc.name);
    fs.writeFileSync(file, doc.bytes);
    console.log(`${file}  (${Math.round(doc.bytes.length / 1024)} kB, ${Date.now() - started} ms)`);
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(`Fout / Error: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  });
}
