/**
 * The component manifests a SharePoint page hands to sp-loader: the framework's (from the
 * SPFx packages in node_modules, exactly as shipped), the solution's (from the ship build in
 * dist/) and the host modules' (shims and page application, build.ts). Each manifest's base URL
 * points at this server, the way SharePoint points it at its CDN or the app catalog.
 */
import * as fs from 'fs';
import * as path from 'path';
import { IHostModule } from './build';

const ROOT = path.resolve(__dirname, '../..');
const MS = path.join(ROOT, 'node_modules', '@microsoft');

/** The SPFx packages whose dist/ (AMD bundles + manifest) the page may load. */
export const FRAMEWORK_PACKAGES = [
  'sp-loader',
  'sp-core-library',
  'sp-diagnostics',
  'sp-lodash-subset',
  'sp-page-context',
  'sp-dynamic-data',
  'sp-http-base',
  'sp-http',
  'sp-http-msgraph',
  'sp-component-base',
  'sp-webpart-base',
  'sp-property-pane',
  'sp-adaptive-card-extension-base',
  'sp-office-ui-fabric-core',
  'sp-image-helper',
  'sp-top-actions'
];

export const SOLUTION_DIST = path.join(ROOT, 'dist');

/** The solution id (config/package-solution.json): the folder of its assets in the app catalog. */
export const SOLUTION_ID: string = (JSON.parse(fs.readFileSync(path.join(ROOT, 'config', 'package-solution.json'), 'utf8')) as { solution: { id: string } }).solution.id;

/**
 * Where SharePoint serves the package's files with `includeClientSideAssets: true`: the
 * ClientSideAssets library of the tenant app catalog site, one folder per solution id (the
 * manifests' `HTTPS://SPCLIENTSIDEASSETLIBRARY/` token is replaced with it on deployment).
 * Served from here, the bundles and their lazy chunks (the report) load from a path under a
 * site, as in a tenant, not from the server root.
 */
export const SOLUTION_ASSET_PATH = `/sites/appcatalog/ClientSideAssets/${SOLUTION_ID}/`;

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Manifest = Record<string, any>;

function withBase(m: Manifest, base: string): Manifest {
  const copy = JSON.parse(JSON.stringify(m)) as Manifest;
  copy.loaderConfig.internalModuleBaseUrls = [base];
  return copy;
}

/**
 * npm carries SPFx's own strings only in English (`en-us`) and pseudo-locales; its `default`
 * bundles hold the string keys. SharePoint's CDN serves every language: here the framework's
 * UI (property pane chrome, SPFx's error message) falls back to English, never to keys.
 */
function englishByDefault(m: Manifest): Manifest {
  for (const r of Object.values(m.loaderConfig.scriptResources as Record<string, any>)) {
    if (r && r.type === 'localizedPath' && r.paths && r.paths['en-US']) r.defaultPath = r.paths['en-US'];
  }
  return m;
}

/** The framework's manifests, read from node_modules (the assembly's own manifest is not needed: the page loads it by script). */
export function frameworkManifests(origin: string): Manifest[] {
  const out: Manifest[] = [];
  for (const pkg of FRAMEWORK_PACKAGES) {
    const dir = path.join(MS, pkg, 'dist');
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.manifest.json'))) {
      const m = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Manifest;
      if (m.alias === 'sp-loader-assembly') continue;
      out.push(englishByDefault(withBase(m, `${origin}/_spfx/fx/${pkg}/`)));
    }
  }
  return out;
}

/** Whether dist/ holds a ship build (manifests and bundles). */
export function hasSolutionBuild(): boolean {
  return fs.existsSync(SOLUTION_DIST) && fs.readdirSync(SOLUTION_DIST).some((n) => n.endsWith('.manifest.json'));
}

/** The solution's manifests of the last `npm run build` (dist/*.manifest.json). */
export function solutionManifests(origin: string): Manifest[] {
  if (!hasSolutionBuild()) return [];
  return fs
    .readdirSync(SOLUTION_DIST)
    .filter((n) => n.endsWith('.manifest.json'))
    .map((f) => withBase(JSON.parse(fs.readFileSync(path.join(SOLUTION_DIST, f), 'utf8')) as Manifest, `${origin}${SOLUTION_ASSET_PATH}`));
}

export function hostManifests(origin: string, modules: IHostModule[]): Manifest[] {
  return modules.map((m) => {
    const scriptResources: Record<string, unknown> = { [m.name]: { type: 'path', path: m.file } };
    for (const [name, dep] of Object.entries(m.deps)) scriptResources[name] = { type: 'component', id: dep.id, version: dep.version };
    return {
      id: m.id,
      alias: m.name,
      componentType: 'Library',
      version: m.version,
      manifestVersion: 2,
      loaderConfig: { internalModuleBaseUrls: [`${origin}/_spfx/host/`], entryModuleId: m.name, scriptResources }
    };
  });
}

/** A file of an SPFx package's dist/ (only the listed packages, only a plain file name). */
export function frameworkFile(pkg: string, file: string): string | undefined {
  if (FRAMEWORK_PACKAGES.indexOf(pkg) < 0 || !/^[\w.-]+$/.test(file)) return undefined;
  const p = path.join(MS, pkg, 'dist', file);
  if (fs.existsSync(p)) return p;
  // The sp-loader assembly bundles these packages; their lazy chunks load from the assembly's folder.
  if (pkg === 'sp-loader' && /^chunk\./.test(file)) {
    for (const inner of ASSEMBLY_PACKAGES) {
      const c = path.join(MS, inner, 'dist', file);
      if (fs.existsSync(c)) return c;
    }
  }
  return undefined;
}

const ASSEMBLY_PACKAGES = ['sp-http-base', 'sp-core-library', 'sp-diagnostics', 'sp-page-context', 'sp-dynamic-data', 'sp-lodash-subset'];

/**
 * Components the sp-loader assembly carries inside itself (its `_initializeAssembly` list) that
 * have no manifest on npm: SharePoint's page lists a manifest for each; the loader then takes the
 * module from the assembly instead of fetching a script.
 */
export const ASSEMBLY_COMPONENTS: { id: string; version: string; alias: string }[] = [
  { id: '01c4df03-e775-48cb-aa14-171ee5199a15', version: '2.3.1', alias: 'tslib' },
  { id: '229b8d08-79f3-438b-8c21-4613fc877abd', version: '0.1.2', alias: '@microsoft/load-themed-styles' },
  { id: '2e09fb9b-13bb-48f2-859f-97d6fff71176', version: '1.5.82', alias: '@msinternal/odsp-core-bundle' },
  { id: '8217e442-8ed3-41fd-957d-b112e841286a', version: '0.35.145', alias: '@msinternal/sp-telemetry' }
];

export function assemblyManifests(origin: string): Manifest[] {
  return ASSEMBLY_COMPONENTS.map((c) => ({
    id: c.id,
    alias: c.alias,
    componentType: 'Library',
    version: c.version,
    manifestVersion: 2,
    loaderConfig: {
      internalModuleBaseUrls: [`${origin}/_spfx/fx/sp-loader/`],
      entryModuleId: c.alias,
      scriptResources: { [c.alias]: { type: 'path', path: 'bundled-in-sp-loader-assembly.js' } }
    }
  }));
}

export function solutionFile(file: string): string | undefined {
  if (!/^[\w.-]+$/.test(file)) return undefined;
  const p = path.join(SOLUTION_DIST, file);
  return fs.existsSync(p) ? p : undefined;
}
