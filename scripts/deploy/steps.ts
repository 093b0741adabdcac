/**
 * The steps of `npm run deploy`. Each step looks before it acts (so a second run changes
 * nothing), says what it did, and throws on the first failure; the runner then reports
 * what was done and how to resume.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { createSp } from '../../tools/data/node';
import { ensureSchema } from '../../src/data/ensureSchema';
import { importReportData } from '../../tools/data/importData';
import { DATA_SITE_PROPERTY_KEY } from '../../src/data/dataSite';
import { convertSeed, ISeedAudits, ISeedReport } from '../../tools/model/seed';
import { teamsManifestVersion } from '../teams-package';
import { formatCommand, ICommand, M365Error, M365Runner } from './m365';
import { ensurePermissionModel } from './hooks';
import { queueSettingsRead, writeSetting } from '../../src/data/settings';
import { SETTING_ORGANISATION } from '../../src/model/settings';

export const ROOT: string = path.resolve(__dirname, '..', '..');
export const DOMAIN_CARDS_WEB_PART_ID: string = 'ae9cbe34-f28a-4b0e-90d2-dcd9b5cbb046';
export const PAGE_NAME: string = 'Organisatiebeheersing.aspx';
export const SITE_TITLE: string = 'Organisatiebeheersing';
/** Dutch (Netherlands/Belgium share LCID 1043 for SharePoint site languages). */
export const DUTCH_LCID: string = '1043';
/** Sign-in with CLI for Microsoft 365 v11+, which needs an Entra app registration before `m365 login`. */
const SIGN_IN_EN: string = 'sign in with `m365 login` (CLI v11+: first once `m365 setup`, or `m365 login --appId <app id> --tenant <tenant id>` with your Entra app registration)';
const SIGN_IN_NL: string = 'meld aan met `m365 login` (CLI v11+: eerst eenmalig `m365 setup`, of `m365 login --appId <app-id> --tenant <tenant-id>` met jullie Entra-appregistratie)';

export interface IDeployOptions {
  /** The tenant site, checked by parseSiteUrl (scripts/siteUrl.ts). */
  site: string;
  /**
   * Rehearsal (tests): the lists, permissions and example data go to this local server
   * (http://localhost:<port>, same site path) instead of the tenant; the m365 calls are unchanged.
   */
  localServer?: string;
  createSite: boolean;
  importExample: boolean;
  teams: boolean;
  dryRun: boolean;
  skipBuild: boolean;
  /** The .sppkg to deploy (default sharepoint/solution/<name>.sppkg). */
  packagePath: string;
  /** Folder with voortgangsrapport-2022.json and audits-2022.json for --import-example. */
  exampleDir: string;
  /** --organisation: the data site's setting Organisatie (the report's title page and footer). */
  organisation?: string;
}

export interface ISolutionInfo {
  id: string;
  name: string;
  version: string;
  fileName: string;
  teamsAppId: string;
}

export function readSolution(root: string = ROOT): ISolutionInfo {
  const ps = JSON.parse(fs.readFileSync(path.join(root, 'config', 'package-solution.json'), 'utf8')) as {
    solution: { id: string; name: string; version: string };
    paths: { zippedPackage: string };
  };
  const teams = JSON.parse(fs.readFileSync(path.join(root, 'teams', 'manifest.json'), 'utf8')) as { id: string };
  return { id: ps.solution.id, name: ps.solution.name, version: ps.solution.version, fileName: path.basename(ps.paths.zippedPackage), teamsAppId: teams.id };
}

export interface IDeployContext {
  options: IDeployOptions;
  solution: ISolutionInfo;
  m365: M365Runner;
  log: (line: string) => void;
  /** Runs `npm run build` (replaceable in tests). */
  build: () => Promise<void>;
  /** Filled in by earlier steps. */
  state: { appCatalogUrl?: string; token?: string; appAdded?: boolean };
}

export type StepOutcome = { changed: boolean; detail: string };

export interface IStep {
  id: string;
  title: string;
  /** What the step does, as shown by --dry-run: commands and actions. */
  plan: string[];
  run(ctx: IDeployContext): Promise<StepOutcome>;
}

function asArray(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? (v as Record<string, unknown>[]) : [];
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** The SharePoint host a bearer token is for: the tenant. */
function resourceOf(siteUrl: string): string {
  return new URL(siteUrl).origin;
}

/** Where PnPjs sends the token: the tenant site, or in a rehearsal the same path on the local server. */
export function dataSiteUrl(o: IDeployOptions): string {
  return o.localServer ? `${o.localServer}${new URL(o.site).pathname}` : o.site;
}

/** Version and product id from the package's AppManifest.xml. */
export async function readPackageManifest(file: string): Promise<{ version: string; productId: string }> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const manifest = zip.file('AppManifest.xml');
  if (!manifest) throw new Error(`${file}: geen AppManifest.xml, geen SharePoint-pakket. / no AppManifest.xml, not a SharePoint package.`);
  const xml = await manifest.async('string');
  const attr = (n: string): string => (new RegExp(`<App\\b[^>]*\\s${n}="([^"]*)"`).exec(xml) || [])[1] || '';
  return { version: attr('Version'), productId: attr('ProductID').replace(/[{}]/g, '').toLowerCase() };
}

/** Refuses a package that is not this solution at the version in config/package-solution.json. */
export async function checkPackage(file: string, s: ISolutionInfo): Promise<void> {
  const m = await readPackageManifest(file);
  const name = path.basename(file);
  if (m.productId !== s.id.toLowerCase()) {
    throw new Error(`${name} is niet de oplossing ${s.name} (product-id ${m.productId || '?'}, verwacht ${s.id}). / ${name} is not the ${s.name} solution (product id ${m.productId || '?'}, expected ${s.id}).`);
  }
  if (m.version !== s.version) {
    throw new Error(
      `${name} heeft versie ${m.version || '?'}, maar config/package-solution.json zegt ${s.version}: bouw opnieuw (npm run build) of geef het juiste --package. Er werd niets opgeladen.\n` +
        `${name} is version ${m.version || '?'}, but config/package-solution.json says ${s.version}: build again (npm run build) or pass the matching --package. Nothing was uploaded.`
    );
  }
}

function notFound(e: unknown): boolean {
  return e instanceof M365Error && /404|not found|does ?n[o']t exist|File Not Found/i.test(e.message);
}

/**
 * How to run npm without a shell: the npm that runs this script (npm_execpath, a JS file) with
 * this Node; else on Windows the npm-cli.js shipped beside node.exe (npm.cmd cannot be spawned
 * without a shell since Node's CVE-2024-27980 fix); else `npm` from PATH.
 */
export function npmCommand(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, execPath: string): ICommand {
  const npmJs = env.npm_execpath;
  if (npmJs && /\.[cm]?js$/i.test(npmJs)) return { command: execPath, prefix: [npmJs] };
  if (platform === 'win32') return { command: execPath, prefix: [path.win32.join(path.win32.dirname(execPath), 'node_modules', 'npm', 'bin', 'npm-cli.js')] };
  return { command: 'npm', prefix: [] };
}

export function npmBuild(): Promise<void> {
  return new Promise((resolve, reject) => {
    const npm = npmCommand(process.platform, process.env, process.execPath);
    const child = spawn(npm.command, [...npm.prefix, 'run', 'build'], { cwd: ROOT, stdio: 'inherit', shell: false });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`npm run build failed (exit code ${code})`))));
  });
}

async function accessToken(ctx: IDeployContext): Promise<string> {
  if (ctx.state.token) return ctx.state.token;
  const r = await ctx.m365(['util', 'accesstoken', 'get', '--resource', resourceOf(ctx.options.site), '--new']);
  const token = str(r.json).trim();
  if (!token) throw new Error('m365 util accesstoken get returned no token');
  ctx.state.token = token;
  return token;
}

async function appCatalogUrl(ctx: IDeployContext): Promise<string> {
  if (ctx.state.appCatalogUrl) return ctx.state.appCatalogUrl;
  const r = await ctx.m365(['spo', 'tenant', 'appcatalogurl', 'get']);
  const url = str(r.json).replace(/\/+$/, '');
  if (!url) {
    throw new Error('This tenant has no app catalog yet. Create it (SharePoint admin center > More features > Apps, or `m365 spo tenant appcatalog add`) and run again.');
  }
  ctx.state.appCatalogUrl = url;
  return url;
}

async function findApp(ctx: IDeployContext): Promise<Record<string, unknown> | undefined> {
  const r = await ctx.m365(['spo', 'app', 'list']);
  const id = ctx.solution.id.toLowerCase();
  return asArray(r.json).filter((a) => str(a.ProductId).replace(/[{}]/g, '').toLowerCase() === id)[0];
}

export function buildSteps(o: IDeployOptions, s: ISolutionInfo): IStep[] {
  const site = o.site;
  const pkg = o.packagePath;
  const teamsVersion = teamsManifestVersion(s.version);
  const steps: IStep[] = [];

  steps.push({
    id: 'cli',
    title: 'Check the CLI for Microsoft 365 and the sign-in',
    plan: [formatCommand(['status'])],
    run: async (ctx) => {
      let r;
      try {
        r = await ctx.m365(['status']);
      } catch (e) {
        if (e instanceof M365Error && e.notInstalled) {
          throw new Error(
            `De CLI for Microsoft 365 (m365) is niet geïnstalleerd: \`npm install -g @pnp/cli-microsoft365\`, daarna ${SIGN_IN_NL}, en opnieuw. / ` +
              `The CLI for Microsoft 365 (m365) is not installed. Install it with \`npm install -g @pnp/cli-microsoft365\`, then ${SIGN_IN_EN}, and run again.`
          );
        }
        throw new Error(`m365 status failed: ${(e as Error).message}. ${SIGN_IN_EN[0].toUpperCase()}${SIGN_IN_EN.slice(1)} and run again.`);
      }
      const who = r.json && typeof r.json === 'object' ? str((r.json as Record<string, unknown>).connectedAs) : '';
      if (!who) {
        throw new Error(
          `Niet aangemeld bij Microsoft 365: ${SIGN_IN_NL} (als SharePoint-beheerder), en opnieuw. / Not signed in to Microsoft 365: ${SIGN_IN_EN} (as a SharePoint administrator), and run again.`
        );
      }
      return { changed: false, detail: `signed in as ${who}` };
    }
  });

  steps.push({
    id: 'build',
    title: o.skipBuild ? 'Use the package already built' : 'Build the package',
    plan: [
      ...(o.skipBuild ? [`use ${path.relative(ROOT, pkg) || pkg}`] : ['npm run build', `-> ${path.relative(ROOT, pkg)}`]),
      `its AppManifest.xml must say version ${s.version} (config/package-solution.json), else stop before uploading`
    ],
    run: async (ctx) => {
      if (!ctx.options.skipBuild) await ctx.build();
      if (!fs.existsSync(pkg)) throw new Error(`${pkg} does not exist${ctx.options.skipBuild ? ': run without --skip-build' : ''}`);
      await checkPackage(pkg, s);
      return { changed: false, detail: `${path.basename(pkg)}, version ${s.version}, ${fs.statSync(pkg).size} bytes` };
    }
  });

  steps.push({
    id: 'app-add',
    title: 'Add the package to the tenant app catalog',
    plan: [formatCommand(['spo', 'app', 'list']), `if version ${s.version} is not there yet: ${formatCommand(['spo', 'app', 'add', '--filePath', pkg, '--overwrite'])}`],
    run: async (ctx) => {
      const app = await findApp(ctx);
      if (app && str(app.AppCatalogVersion) === s.version) {
        return { changed: false, detail: `version ${s.version} is already in the app catalog` };
      }
      await ctx.m365(['spo', 'app', 'add', '--filePath', pkg, '--overwrite']);
      ctx.state.appAdded = true;
      return { changed: true, detail: app ? `replaced version ${str(app.AppCatalogVersion)} with ${s.version}` : `added version ${s.version}` };
    }
  });

  steps.push({
    id: 'app-deploy',
    title: 'Deploy it to all sites (tenant-wide)',
    plan: [`if not yet deployed tenant-wide: ${formatCommand(['spo', 'app', 'deploy', '--name', s.fileName, '--skipFeatureDeployment'])}`],
    run: async (ctx) => {
      const app = await findApp(ctx);
      if (!app) throw new Error(`${s.fileName} is not in the app catalog after adding it`);
      if (!ctx.state.appAdded && app.Deployed === true && app.SkipDeploymentFeature === true) {
        return { changed: false, detail: 'already deployed tenant-wide' };
      }
      await ctx.m365(['spo', 'app', 'deploy', '--name', s.fileName, '--skipFeatureDeployment']);
      return { changed: true, detail: 'deployed tenant-wide' };
    }
  });

  steps.push({
    id: 'site',
    title: o.createSite ? 'Create the data site (communication site, Dutch) if it does not exist' : 'Check that the data site exists',
    plan: [
      formatCommand(['spo', 'site', 'get', '--url', site]),
      o.createSite
        ? `if it does not exist: ${formatCommand(['spo', 'site', 'add', '--type', 'CommunicationSite', '--url', site, '--title', SITE_TITLE, '--lcid', DUTCH_LCID, '--siteDesign', 'Topic'])}`
        : 'if it does not exist: stop (add --create-site to create it)'
    ],
    run: async (ctx) => {
      try {
        await ctx.m365(['spo', 'site', 'get', '--url', site]);
        return { changed: false, detail: `${site} exists` };
      } catch (e) {
        if (!notFound(e)) throw e;
      }
      if (!ctx.options.createSite) throw new Error(`The site ${site} does not exist. Create it yourself, or add --create-site to create a Dutch communication site.`);
      await ctx.m365(['spo', 'site', 'add', '--type', 'CommunicationSite', '--url', site, '--title', SITE_TITLE, '--lcid', DUTCH_LCID, '--siteDesign', 'Topic']);
      return { changed: true, detail: `created ${site} (communication site, Dutch)` };
    }
  });

  steps.push({
    id: 'lists',
    title: 'Provision the lists (idempotent, additive)',
    plan: [formatCommand(['util', 'accesstoken', 'get', '--resource', resourceOf(site), '--new']), `ensureSchema on ${dataSiteUrl(o)} (src/data/ensureSchema.ts)`],
    run: async (ctx) => {
      const result = await ensureSchema(createSp(dataSiteUrl(o), await accessToken(ctx)), (l) => ctx.log(`      ${l}`));
      return result.changes.length === 0
        ? { changed: false, detail: `lists up to date (schema version ${result.schemaVersion})` }
        : { changed: true, detail: `${result.changes.length} change(s) (schema version ${result.schemaVersion})` };
    }
  });

  steps.push({
    id: 'permissions',
    title: 'Apply the permission model',
    plan: [`ensurePermissions on ${dataSiteUrl(o)} (src/data/permissions.ts: group "Organisatiebeheersing – beheerders" with Contribute)`],
    run: async (ctx) => {
      const result = await ensurePermissionModel(createSp(dataSiteUrl(o), await accessToken(ctx)), dataSiteUrl(o), (l) => ctx.log(`      ${l}`));
      return { changed: result.changes > 0, detail: result.changes > 0 ? `${result.changes} change(s)` : 'permissions already in place' };
    }
  });

  if (o.organisation) {
    const organisation = o.organisation;
    steps.push({
      id: 'organisation',
      title: 'Set the organisation named on the council report',
      plan: [`setting ${SETTING_ORGANISATION} = "${organisation}" in the list Instellingen on ${dataSiteUrl(o)} (src/data/settings.ts)`],
      run: async (ctx) => {
        const sp = createSp(dataSiteUrl(o), await accessToken(ctx));
        // Outside a batch the queued read is sent at once.
        const current = await queueSettingsRead(sp);
        if (current.organisation === organisation) return { changed: false, detail: `already "${organisation}"` };
        await writeSetting(sp, SETTING_ORGANISATION, organisation);
        return { changed: true, detail: `"${organisation}"` };
      }
    });
  }

  if (o.importExample) {
    steps.push({
      id: 'example',
      title: 'Import the example data (2022 report)',
      plan: [`importReportData on ${dataSiteUrl(o)} from ${path.relative(ROOT, o.exampleDir) || o.exampleDir} (adds only what is missing)`],
      run: async (ctx) => {
        const reportFile = path.join(o.exampleDir, 'voortgangsrapport-2022.json');
        const auditsFile = path.join(o.exampleDir, 'audits-2022.json');
        const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as ISeedReport;
        const audits = fs.existsSync(auditsFile) ? (JSON.parse(fs.readFileSync(auditsFile, 'utf8')) as ISeedAudits) : undefined;
        const r = await importReportData(createSp(dataSiteUrl(o), await accessToken(ctx)), convertSeed(report, audits), (l) => ctx.log(`      ${l}`));
        const created = r.domains.created + r.audits.created + r.risks.created + r.actions.created;
        return { changed: created > 0, detail: created > 0 ? `${created} items added` : 'already imported' };
      }
    });
  }

  steps.push({
    id: 'property',
    title: 'Record the data site as a tenant property',
    plan: [
      formatCommand(['spo', 'tenant', 'appcatalogurl', 'get']),
      formatCommand(['spo', 'storageentity', 'get', '--key', DATA_SITE_PROPERTY_KEY]),
      `if not ${site}: ${formatCommand(['spo', 'storageentity', 'set', '--appCatalogUrl', '<app catalog>', '--key', DATA_SITE_PROPERTY_KEY, '--value', site, '--description', 'Organisatiebeheersing: data site'])}`
    ],
    run: async (ctx) => {
      const catalog = await appCatalogUrl(ctx);
      const r = await ctx.m365(['spo', 'storageentity', 'get', '--key', DATA_SITE_PROPERTY_KEY]);
      const current = r.json && typeof r.json === 'object' ? str((r.json as Record<string, unknown>).Value) : '';
      if (current.replace(/\/+$/, '') === site) return { changed: false, detail: `${DATA_SITE_PROPERTY_KEY} = ${site}` };
      await ctx.m365(['spo', 'storageentity', 'set', '--appCatalogUrl', catalog, '--key', DATA_SITE_PROPERTY_KEY, '--value', site, '--description', 'Organisatiebeheersing: data site']);
      return { changed: true, detail: current ? `${DATA_SITE_PROPERTY_KEY}: ${current} -> ${site}` : `${DATA_SITE_PROPERTY_KEY} = ${site}` };
    }
  });

  steps.push({
    id: 'page',
    title: 'Create the page with the domain cards',
    plan: [
      formatCommand(['spo', 'page', 'get', '--webUrl', site, '--name', PAGE_NAME]),
      `if missing: ${formatCommand(['spo', 'page', 'add', '--webUrl', site, '--name', PAGE_NAME, '--title', SITE_TITLE])}`,
      `if the cards are not on it: ${formatCommand(['spo', 'page', 'clientsidewebpart', 'add', '--webUrl', site, '--pageName', PAGE_NAME, '--webPartId', DOMAIN_CARDS_WEB_PART_ID])}`,
      `if not published: ${formatCommand(['spo', 'page', 'publish', '--webUrl', site, '--name', PAGE_NAME])}`
    ],
    run: async (ctx) => {
      const done: string[] = [];
      let page: Record<string, unknown> | undefined;
      try {
        const r = await ctx.m365(['spo', 'page', 'get', '--webUrl', site, '--name', PAGE_NAME]);
        page = r.json && typeof r.json === 'object' ? (r.json as Record<string, unknown>) : undefined;
      } catch (e) {
        if (!notFound(e)) throw e;
      }
      if (!page) {
        await ctx.m365(['spo', 'page', 'add', '--webUrl', site, '--name', PAGE_NAME, '--title', SITE_TITLE]);
        done.push('page created');
      }
      const hasCards = !!page && str(page.canvasContentJson).toLowerCase().indexOf(DOMAIN_CARDS_WEB_PART_ID) >= 0;
      if (!hasCards) {
        await ctx.m365(['spo', 'page', 'clientsidewebpart', 'add', '--webUrl', site, '--pageName', PAGE_NAME, '--webPartId', DOMAIN_CARDS_WEB_PART_ID]);
        done.push('domain cards added');
      }
      // A published page has a major version (x.0); adding a web part leaves a draft.
      const published = !!page && hasCards && Number(page.MinorVersion) === 0 && Number(page.MajorVersion) >= 1;
      if (!published) {
        await ctx.m365(['spo', 'page', 'publish', '--webUrl', site, '--name', PAGE_NAME]);
        done.push('published');
      }
      const url = `${site}/SitePages/${PAGE_NAME}`;
      return done.length ? { changed: true, detail: `${url}: ${done.join(', ')}` } : { changed: false, detail: `${url} is in place` };
    }
  });

  if (o.teams) {
    steps.push({
      id: 'teams',
      title: 'Publish or update the Teams app',
      plan: [
        formatCommand(['teams', 'app', 'list', '--distributionMethod', 'organization']),
        `if present: ${formatCommand(['request', '--url', '@graph/appCatalogs/teamsApps/<id>/appDefinitions'])} (version ${teamsVersion}?)`,
        `if missing or older: ${formatCommand(['spo', 'app', 'teamspackage', 'download', '--appName', s.fileName, '--appCatalogUrl', '<app catalog>', '--fileName', '<temp>/TeamsSPFxApp.zip'])}`,
        `then ${formatCommand(['teams', 'app', 'publish', '--filePath', '<zip>'])} or ${formatCommand(['teams', 'app', 'update', '--id', '<id>', '--filePath', '<zip>'])}`
      ],
      run: async (ctx) => {
        const list = await ctx.m365(['teams', 'app', 'list', '--distributionMethod', 'organization']);
        const existing = asArray(list.json).filter((a) => str(a.externalId).toLowerCase() === s.teamsAppId.toLowerCase())[0];
        if (existing) {
          const defs = await ctx.m365(['request', '--url', `@graph/appCatalogs/teamsApps/${str(existing.id)}/appDefinitions`]);
          const versions = asArray(defs.json && typeof defs.json === 'object' ? (defs.json as Record<string, unknown>).value : undefined).map((d) => str(d.version));
          if (versions.indexOf(teamsVersion) >= 0) return { changed: false, detail: `Teams app version ${teamsVersion} is published` };
        }
        const catalog = await appCatalogUrl(ctx);
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'orgb-teams-'));
        try {
          const zip = path.join(dir, 'TeamsSPFxApp.zip');
          await ctx.m365(['spo', 'app', 'teamspackage', 'download', '--appName', s.fileName, '--appCatalogUrl', catalog, '--fileName', zip]);
          if (existing) {
            await ctx.m365(['teams', 'app', 'update', '--id', str(existing.id), '--filePath', zip]);
            return { changed: true, detail: `Teams app updated to version ${teamsVersion}` };
          }
          await ctx.m365(['teams', 'app', 'publish', '--filePath', zip]);
          return { changed: true, detail: `Teams app version ${teamsVersion} published to the organisation's app catalog` };
        } finally {
          fs.rmSync(dir, { recursive: true, force: true });
        }
      }
    });
  }
  return steps;
}
