/**
 * Builds the developer-provided Microsoft Teams app package, teams/TeamsSPFxApp.zip.
 *
 *   npx tsx scripts/teams-package.ts [--teams-dir DIR] [--out FILE] [--solution config/package-solution.json]
 *
 * The zip holds, at its root (no folder): manifest.json, the icon files and the
 * localization files that manifest.json references (icons.color, icons.outline,
 * localizationInfo.additionalLanguages[].file). Nothing else from teams/ goes in.
 *
 * Why the file is here: `gulp package-solution` copies everything in the project's teams/
 * folder into the .sppkg (as ClientSideAssets). When an admin selects "Sync to Teams"
 * in the tenant app catalog, SharePoint deploys TeamsSPFxApp.zip from the package
 * instead of generating a Teams manifest. So this script must run BEFORE
 * `gulp package-solution`.
 *
 * The manifest's "version" follows the solution version of config/package-solution.json
 * (1.2.3.0 -> 1.2.3): Teams only accepts an update with a higher version, and an admin
 * should see the same version in the app catalog and in Teams.
 *
 * The zip is reproducible: fixed entry order, fixed timestamps (stored as UTC by JSZip),
 * fixed permissions, so the same inputs give the same bytes on any machine and time zone.
 */
import * as fs from 'fs';
import * as path from 'path';
import JSZip from 'jszip';

export const PACKAGE_FILE_NAME = 'TeamsSPFxApp.zip';
/** Every entry gets this timestamp, so the package does not change between builds. */
export const FIXED_DATE = new Date(Date.UTC(2024, 0, 1, 0, 0, 0));

interface ITeamsManifestFiles {
  icons?: { color?: string; outline?: string };
  localizationInfo?: { additionalLanguages?: Array<{ languageTag: string; file: string }> };
}

/** The files of the app package, in zip order: manifest first, then what it references. */
export function packageEntries(teamsDir: string): string[] {
  const manifestPath = path.join(teamsDir, 'manifest.json');
  if (!fs.existsSync(manifestPath)) {
    throw new Error(`No manifest.json in ${teamsDir}`);
  }
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as ITeamsManifestFiles;
  const color = manifest.icons?.color;
  const outline = manifest.icons?.outline;
  if (!color || !outline) {
    throw new Error('manifest.json must name icons.color and icons.outline');
  }
  const languages = (manifest.localizationInfo?.additionalLanguages ?? []).map((l) => l.file);
  const entries = ['manifest.json', color, outline, ...languages];
  for (const entry of entries) {
    // App packages are flat: a referenced file must sit next to manifest.json.
    if (entry !== path.basename(entry) || entry.includes('\\')) {
      throw new Error(`Referenced file must be at the package root: ${entry}`);
    }
    if (!fs.existsSync(path.join(teamsDir, entry))) {
      throw new Error(`manifest.json references ${entry}, which is not in ${teamsDir}`);
    }
  }
  if (new Set(entries).size !== entries.length) {
    throw new Error(`Duplicate files in the package: ${entries.join(', ')}`);
  }
  return entries;
}

/**
 * Teams manifest version for a solution version: Teams wants three numeric parts, SharePoint
 * four. The fourth part must be 0, or two solution versions would share one Teams version
 * and Teams would refuse the update.
 */
export function teamsManifestVersion(solutionVersion: string): string {
  const m = /^(\d+)\.(\d+)\.(\d+)(?:\.(\d+))?$/.exec(solutionVersion.trim());
  if (!m) throw new Error(`Solution version ${solutionVersion} is not of the form major.minor.patch.revision`);
  if (m[4] !== undefined && Number(m[4]) !== 0) {
    throw new Error(`Solution version ${solutionVersion}: keep the fourth part 0 (Teams app versions have three parts); raise the third part instead`);
  }
  return [m[1], m[2], m[3]].map((n) => String(Number(n))).join('.');
}

export function readSolutionVersion(packageSolutionFile: string): string {
  const ps = JSON.parse(fs.readFileSync(packageSolutionFile, 'utf8')) as { solution?: { version?: string } };
  if (!ps.solution || !ps.solution.version) throw new Error(`${packageSolutionFile} has no solution.version`);
  return ps.solution.version;
}

/** manifest.json as packed: the source file with "version" set from the solution version. */
export function packagedManifest(teamsDir: string, solutionVersion: string): Buffer {
  const manifest = JSON.parse(fs.readFileSync(path.join(teamsDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  manifest.version = teamsManifestVersion(solutionVersion);
  return Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8');
}

export const DEFAULT_PACKAGE_SOLUTION: string = path.join(__dirname, '..', 'config', 'package-solution.json');

export async function buildTeamsPackage(teamsDir: string, solutionVersion: string = readSolutionVersion(DEFAULT_PACKAGE_SOLUTION)): Promise<Buffer> {
  const zip = new JSZip();
  for (const entry of packageEntries(teamsDir)) {
    const content = entry === 'manifest.json' ? packagedManifest(teamsDir, solutionVersion) : fs.readFileSync(path.join(teamsDir, entry));
    zip.file(entry, content, {
      date: FIXED_DATE,
      binary: true,
      createFolders: false,
      unixPermissions: 0o644
    });
  }
  return zip.generateAsync({
    type: 'nodebuffer',
    compression: 'DEFLATE',
    compressionOptions: { level: 9 },
    platform: 'UNIX'
  });
}

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const teamsDir = path.resolve(argValue(args, '--teams-dir') ?? path.join(__dirname, '..', 'teams'));
  const out = path.resolve(argValue(args, '--out') ?? path.join(teamsDir, PACKAGE_FILE_NAME));
  const solutionVersion = readSolutionVersion(path.resolve(argValue(args, '--solution') ?? DEFAULT_PACKAGE_SOLUTION));
  const bytes = await buildTeamsPackage(teamsDir, solutionVersion);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  // Write then rename, so a failed run never leaves half a zip for package-solution to pick up.
  const tmp = `${out}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, bytes);
  fs.renameSync(tmp, out);
  console.log(`Wrote ${out} (${bytes.length} bytes, Teams app version ${teamsManifestVersion(solutionVersion)}): ${packageEntries(teamsDir).join(', ')}`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
