/** @jest-environment ./tests/dev/environment.js */
/**
 * `npm run deploy` end to end: the provisioning steps run against the local SharePoint
 * server; every `m365` call goes to the RECORDING STAND-IN in tests/deploy/m365-standin
 * (not the real CLI), which checks the arguments, answers like the CLI's documented JSON
 * and keeps the tenant's state in a file between runs.
 */
import { execFile, spawn } from 'child_process';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { spfi, SPBrowser } from '@pnp/sp';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { startTestServer, ITestServer } from '../helpers/localServer';
import { buildTeamsPackage } from '../../scripts/teams-package';
import { DATA_SITE_PROPERTY_KEY } from '../../src/data/dataSite';
import { rerunCommand } from '../../scripts/deploy';
import { resolveM365 } from '../../scripts/deploy/m365';
import { IDeployOptions, npmCommand } from '../../scripts/deploy/steps';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const STANDIN_DIR = path.join(__dirname, 'm365-standin');
const SOLUTION = JSON.parse(fs.readFileSync(path.join(ROOT, 'config', 'package-solution.json'), 'utf8')).solution as { id: string; version: string; name: string };
const CARDS_ID = 'ae9cbe34-f28a-4b0e-90d2-dcd9b5cbb046';
const APP_CATALOG = 'https://contoso.sharepoint.com/sites/appcatalog';
/** The tenant site given to --site; the list calls go to the local server with the same path (DEPLOY_LOCAL_SP). */
const TENANT_SITE = 'https://contoso.sharepoint.com/sites/organisatiebeheersing';
const MUTATING = [
  'spo app add',
  'spo app deploy',
  'spo site add',
  'spo storageentity set',
  'spo page add',
  'spo page clientsidewebpart add',
  'spo page publish',
  'teams app publish',
  'teams app update'
];

interface ICall {
  argv: string[];
  command: string | null;
  mutating: boolean;
  ok: boolean;
}

interface IRun {
  code: number | null;
  output: string;
  calls: ICall[];
}

let srv: ITestServer;
let tmp: string;
let sppkg: string;

/** A solution package shaped like gulp's: AppManifest.xml plus the Teams app zip among the assets. */
async function fakeSppkg(file: string, version: string = SOLUTION.version): Promise<void> {
  const zip = new JSZip();
  zip.file(
    'AppManifest.xml',
    `<?xml version="1.0" encoding="utf-8"?><App xmlns="http://schemas.microsoft.com/sharepoint/2012/app/manifest" Name="${SOLUTION.name}" ProductID="${SOLUTION.id}" Version="${version}" SharePointMinVersion="16.0.0.0" IsClientSideSolution="true"><Properties><Title>Organisatiebeheersing</Title></Properties></App>`
  );
  zip.file('ClientSideAssets/TeamsSPFxApp.zip', await buildTeamsPackage(path.join(ROOT, 'teams'), SOLUTION.version));
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
}

function newTenant(name: string, state: Record<string, unknown> = {}): { stateFile: string; logFile: string } {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  const stateFile = path.join(dir, 'state.json');
  fs.writeFileSync(stateFile, JSON.stringify({ signedInAs: 'admin@contoso.onmicrosoft.com', appCatalogUrl: APP_CATALOG, sites: [], apps: [], ...state }));
  return { stateFile, logFile: path.join(dir, 'calls.jsonl') };
}

function readCalls(logFile: string): ICall[] {
  if (!fs.existsSync(logFile)) return [];
  return fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ICall);
}

/** Runs `tsx scripts/deploy.ts` asynchronously (the local server answers from this process meanwhile). */
function runDeploy(args: string[], tenant: { stateFile: string; logFile: string }, env: NodeJS.ProcessEnv = {}, pathDirs?: string[]): Promise<IRun> {
  const before = readCalls(tenant.logFile).length;
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, 'scripts', 'deploy.ts'), ...args], {
      cwd: ROOT,
      env: {
        ...process.env,
        PATH: (pathDirs || [STANDIN_DIR, path.dirname(process.execPath), process.env.PATH || '']).join(path.delimiter),
        M365_STANDIN_STATE: tenant.stateFile,
        M365_STANDIN_LOG: tenant.logFile,
        DEPLOY_LOCAL_SP: srv.url,
        ...env
      },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output, calls: readCalls(tenant.logFile).slice(before) }));
  });
}

function commands(calls: ICall[]): string[] {
  return calls.map((c) => c.command || '?');
}

function mutatingCalls(calls: ICall[]): ICall[] {
  return calls.filter((c) => c.mutating || MUTATING.indexOf(c.command || '') >= 0);
}

function optionOf(call: ICall, name: string): string | undefined {
  const i = call.argv.indexOf(`--${name}`);
  return i >= 0 ? call.argv[i + 1] : undefined;
}

function state(tenant: { stateFile: string }): Record<string, any> { // eslint-disable-line @typescript-eslint/no-explicit-any
  return JSON.parse(fs.readFileSync(tenant.stateFile, 'utf8'));
}

beforeAll(async () => {
  srv = await startTestServer();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'deploy-test-'));
  sppkg = path.join(tmp, `${SOLUTION.name}.sppkg`);
  await fakeSppkg(sppkg);
});

afterAll(async () => {
  await srv?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

describe('npm run deploy (m365 recording stand-in + local server)', () => {
  const tenant = (): { stateFile: string; logFile: string } => ({ stateFile: path.join(tmp, 'full', 'state.json'), logFile: path.join(tmp, 'full', 'calls.jsonl') });

  it('first run: deploys tenant-wide, creates the Dutch site, provisions and imports, records the tenant property, builds the page, publishes the Teams app', async () => {
    const t = newTenant('full');
    const run = await runDeploy(['--site', TENANT_SITE, '--organisation', 'Stad Mechelen', '--create-site', '--import-example', '--teams', '--package', sppkg], t);
    expect(run.output).toContain('Finished');
    expect(run.code).toBe(0);
    // Only the existence checks fail (404), as the CLI's do for a missing site or page.
    expect(commands(run.calls.filter((c) => !c.ok))).toEqual(['spo site get', 'spo page get']);
    expect(commands(mutatingCalls(run.calls))).toEqual([
      'spo app add',
      'spo app deploy',
      'spo site add',
      'spo storageentity set',
      'spo page add',
      'spo page clientsidewebpart add',
      'spo page publish',
      'teams app publish'
    ]);
    const byName = (n: string): ICall => run.calls.filter((c) => c.command === n)[0];
    expect(byName('spo app deploy').argv).toContain('--skipFeatureDeployment');
    expect(optionOf(byName('spo site add'), 'type')).toBe('CommunicationSite');
    expect(optionOf(byName('spo site add'), 'lcid')).toBe('1043');
    expect(optionOf(byName('spo page clientsidewebpart add'), 'webPartId')).toBe(CARDS_ID);
    // The token is asked for the tenant host only.
    expect(run.calls.filter((c) => c.command === 'util accesstoken get').map((c) => optionOf(c, 'resource'))).toEqual(['https://contoso.sharepoint.com']);

    const s = state(t);
    expect(s.apps[0]).toMatchObject({ ProductId: SOLUTION.id, AppCatalogVersion: SOLUTION.version, Deployed: true, SkipDeploymentFeature: true });
    expect(s.storageEntities[DATA_SITE_PROPERTY_KEY].Value).toBe(TENANT_SITE);
    expect(s.teamsApps).toHaveLength(1);
    expect(s.teamsApps[0]).toMatchObject({ externalId: CARDS_ID, versions: [SOLUTION.version.split('.').slice(0, 3).join('.')] });

    // The lists and the example data are on the (local) site, through PnPjs with the CLI's token.
    const sp = spfi(srv.siteUrl).using(SPBrowser({ baseUrl: srv.siteUrl }));
    const domains = await sp.web.lists.getByTitle('Domeinen').items.select('Title')();
    expect(domains).toHaveLength(7);
    expect((await sp.web.lists.getByTitle('Risicos').items.select('Id').top(100)()).length).toBe(27);
    // The organisation on the report: one setting of the data site, set by --organisation.
    const settings = await sp.web.lists.getByTitle('Instellingen').items.select('Title', 'Waarde')();
    expect(settings.filter((r: { Title: string }) => r.Title === 'Organisatie').map((r: { Waarde: string }) => r.Waarde)).toEqual(['Stad Mechelen']);
  });

  it('second run changes nothing: no mutating m365 command, no new list items', async () => {
    const t = tenant();
    const sp = spfi(srv.siteUrl).using(SPBrowser({ baseUrl: srv.siteUrl }));
    const actionsBefore = (await sp.web.lists.getByTitle('Acties').items.select('Id').top(5000)()).length;
    const run = await runDeploy(['--site', TENANT_SITE, '--organisation', 'Stad Mechelen', '--create-site', '--import-example', '--teams', '--package', sppkg], t);
    expect(run.code).toBe(0);
    expect(mutatingCalls(run.calls)).toEqual([]);
    expect(run.output).toContain('Everything was already in place; nothing changed.');
    expect(run.output).not.toMatch(/ done: /);
    expect((await sp.web.lists.getByTitle('Acties').items.select('Id').top(5000)()).length).toBe(actionsBefore);
  });

  it('stops at the first failure, says what was done and how to resume; the rerun finishes without repeating done work', async () => {
    const t = newTenant('resume', { sites: [TENANT_SITE] });
    const failed = await runDeploy(['--site', TENANT_SITE, '--teams', '--package', sppkg], t, { M365_STANDIN_FAIL: 'spo page add' });
    expect(failed.code).toBe(1);
    expect(failed.output).toMatch(/FAILED at step \d+\/\d+ \(Create the page with the domain cards\): Request failed with status code 500/);
    expect(failed.output).toContain('Completed before the failure:');
    expect(failed.output).toMatch(/Record the data site as a tenant property: done/);
    expect(failed.output).toContain(`npm run deploy -- --site '${TENANT_SITE}' --teams --package '${path.relative(ROOT, sppkg)}'`);
    // Nothing after the failing command ran.
    const last = failed.calls[failed.calls.length - 1];
    expect(last.command).toBe('spo page add');
    expect(commands(failed.calls)).not.toContain('teams app publish');

    const resumed = await runDeploy(['--site', TENANT_SITE, '--teams', '--package', sppkg], t);
    expect(resumed.code).toBe(0);
    expect(commands(mutatingCalls(resumed.calls))).toEqual(['spo page add', 'spo page clientsidewebpart add', 'spo page publish', 'teams app publish']);
  });

  it('an existing site without --create-site is used; a missing one stops with the flag to use', async () => {
    const t = newTenant('nosite');
    const run = await runDeploy(['--site', 'https://contoso.sharepoint.com/sites/nieuw', '--package', sppkg], t);
    expect(run.code).toBe(1);
    expect(run.output).toContain('does not exist. Create it yourself, or add --create-site');
    expect(commands(mutatingCalls(run.calls))).toEqual(['spo app add', 'spo app deploy']);
    expect(commands(run.calls)).not.toContain('spo site add');
  });

  it('not signed in: says to run m365 login and calls nothing else', async () => {
    const t = newTenant('loggedout', { signedInAs: null });
    const run = await runDeploy(['--site', TENANT_SITE, '--package', sppkg], t);
    expect(run.code).toBe(1);
    expect(run.output).toContain('m365 login');
    // CLI for Microsoft 365 v11 needs an Entra app registration first.
    expect(run.output).toContain('m365 setup');
    expect(run.output).toContain('m365 login --appId <app id> --tenant <tenant id>');
    expect(commands(run.calls)).toEqual(['status']);
  });

  it('m365 not installed: says how to install it', async () => {
    const t = newTenant('nocli');
    const run = await runDeploy(['--site', TENANT_SITE, '--package', sppkg], t, {}, [path.dirname(process.execPath)]);
    expect(run.code).toBe(1);
    expect(run.output).toContain('npm install -g @pnp/cli-microsoft365');
    expect(run.calls).toEqual([]);
  });

  it('--dry-run prints every step with its commands and calls nothing', async () => {
    const t = newTenant('dry');
    // As CI runs it: no rehearsal server.
    const run = await runDeploy(['--site', 'https://contoso.sharepoint.com/sites/organisatiebeheersing', '--create-site', '--import-example', '--teams', '--dry-run'], t, { DEPLOY_LOCAL_SP: '' });
    expect(run.code).toBe(0);
    expect(run.calls).toEqual([]);
    for (const text of [
      'npm run build',
      'm365 spo app add --filePath',
      'm365 spo app deploy --name organisatiebeheersing.sppkg --skipFeatureDeployment',
      'm365 spo site add --type CommunicationSite --url https://contoso.sharepoint.com/sites/organisatiebeheersing --title Organisatiebeheersing --lcid 1043',
      'ensureSchema on https://contoso.sharepoint.com/sites/organisatiebeheersing',
      'ensurePermissions',
      'importReportData',
      `m365 spo storageentity set --appCatalogUrl '<app catalog>' --key ${DATA_SITE_PROPERTY_KEY}`,
      'm365 spo page clientsidewebpart add',
      'm365 teams app publish'
    ]) {
      expect(run.output).toContain(text);
    }
    expect(run.output).toMatch(/^11\/11 Publish or update the Teams app$/m);
  });

  it('without --site: exits with the usage', async () => {
    const t = newTenant('nosite-arg');
    const run = await runDeploy(['--dry-run'], t);
    expect(run.code).toBe(2);
    expect(run.output).toContain('--site <url> is required');
  });
});

describe('npm run deploy: --site is a tenant site, nothing else; the token goes nowhere else', () => {
  /** Records every request that reaches it: a hostile --site pointing here must cause none. */
  let sink: http.Server;
  let sinkPort = 0;
  const sinkRequests: string[] = [];
  beforeAll(async () => {
    sink = http.createServer((req, res) => {
      sinkRequests.push(`${req.method} ${req.url} ${req.headers.authorization || ''}`);
      res.end('{}');
    });
    await new Promise<void>((r) => sink.listen(0, '127.0.0.1', () => r()));
    sinkPort = (sink.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((r) => sink.close(() => r())));

  const hostile = (): string[] => [
    'https://evil.com/sites/x',
    'http://contoso.sharepoint.com/sites/organisatiebeheersing',
    `http://127.0.0.1:${sinkPort}/sites/organisatiebeheersing`,
    `https://user:pass@127.0.0.1:${sinkPort}/sites/organisatiebeheersing`,
    'https://user:pass@contoso.sharepoint.com/sites/organisatiebeheersing',
    'https://contoso.sharepoint.com.evil.com/sites/organisatiebeheersing',
    'https://contoso.sharepoint.com:8443/sites/organisatiebeheersing',
    'https://contoso.sharepoint.com/sites/organisatiebeheersing&calc',
    'https://contoso.sharepoint.com/sites/$(touch pwned)',
    "https://contoso.sharepoint.com/sites/o'b",
    'https://contoso.sharepoint.com/sites/organisatiebeheersing?x=1',
    'https://contoso.sharepoint.com/sites/organisatiebeheersing/Lists/Acties'
  ];

  it('each hostile --site is refused (exit 2, in Dutch and English) before any m365 call or request, with and without --dry-run', async () => {
    const t = newTenant('hostile');
    // Every hostile site as a dry run, a few also with a real --package (the whole table is in siteUrl.test.ts);
    // four CLIs at a time keep this within the timeout on a 2-core machine.
    const runs: string[][] = hostile().map((site) => ['--site', site, '--dry-run']);
    for (const site of hostile().filter((_, i) => i % 4 === 0)) runs.push(['--site', site, '--package', sppkg]);
    for (let i = 0; i < runs.length; i += 4) {
      const group = runs.slice(i, i + 4);
      const results = await Promise.all(group.map((args) => runDeploy(args, t)));
      results.forEach((run, k) => {
        const site = group[k][1];
        expect({ site, code: run.code }).toEqual({ site, code: 2 });
        expect(run.output).toContain(`Ongeldige --site ${JSON.stringify(site)}`);
        expect(run.output).toContain(`Invalid --site ${JSON.stringify(site)}`);
        expect(run.output).not.toContain('Plan for');
      });
    }
    expect(fs.existsSync(t.logFile)).toBe(false);
    expect(sinkRequests).toEqual([]);
    expect(fs.existsSync(path.join(ROOT, 'pwned'))).toBe(false);
  }, 300000);

  it('a rehearsal server (DEPLOY_LOCAL_SP) on another host is refused', async () => {
    const t = newTenant('hostile-local');
    const run = await runDeploy(['--site', TENANT_SITE, '--package', sppkg], t, { DEPLOY_LOCAL_SP: 'http://evil.com:80' });
    expect(run.code).toBe(2);
    expect(run.output).toContain('Not a local server');
    expect(fs.existsSync(t.logFile)).toBe(false);
  });

  it('a trailing slash is accepted (as the CLI accepts it) and removed', async () => {
    const t = newTenant('slash');
    const run = await runDeploy(['--site', `${TENANT_SITE}/`, '--create-site', '--dry-run'], t);
    expect(run.code).toBe(0);
    expect(run.output).toContain(`Plan for ${TENANT_SITE} (`);
    expect(run.output).toContain(`m365 spo site get --url ${TENANT_SITE}\n`);
    expect(run.output).not.toContain(`${TENANT_SITE}/ `);
    expect(run.calls).toEqual([]);
  });

  it('a --package of another version is refused before anything is called or uploaded', async () => {
    const old = path.join(tmp, 'old', `${SOLUTION.name}.sppkg`);
    fs.mkdirSync(path.dirname(old), { recursive: true });
    await fakeSppkg(old, '0.9.0.0');
    const t = newTenant('oldpkg');
    for (const extra of [[], ['--dry-run']]) {
      const run = await runDeploy(['--site', TENANT_SITE, '--package', old, ...extra], t);
      expect(run.code).toBe(1);
      expect(run.output).toContain(`${SOLUTION.name}.sppkg is version 0.9.0.0, but config/package-solution.json says ${SOLUTION.version}`);
      expect(run.output).toContain(`${SOLUTION.name}.sppkg heeft versie 0.9.0.0`);
    }
    expect(fs.existsSync(t.logFile)).toBe(false);
    expect(state(t).apps).toEqual([]);
  });
});

describe('npm run deploy: no shell anywhere', () => {
  function shellWords(cmd: string): Promise<string[]> {
    // Only here, in the test, does a shell read the printed command: that is what an admin's shell does with it.
    return new Promise((resolve, reject) =>
      execFile('sh', ['-c', cmd.replace(/^npm run deploy --/, `printf '%s\\n'`)], (e, out) => (e ? reject(e) : resolve(out.split('\n').slice(0, -1))))
    );
  }

  it('the resume command quotes every value, so a shell passes it on unchanged', async () => {
    const o: IDeployOptions = {
      site: TENANT_SITE,
      createSite: true,
      importExample: false,
      teams: true,
      dryRun: false,
      skipBuild: true,
      packagePath: path.join(tmp, "it's $(touch pwned) & `id`.sppkg"),
      exampleDir: tmp
    };
    const cmd = rerunCommand(o, tmp);
    expect(cmd).toBe(`npm run deploy -- --site '${TENANT_SITE}' --create-site --teams --package 'it'\\''s $(touch pwned) & \`id\`.sppkg'`);
    expect(await shellWords(cmd)).toEqual(['--site', TENANT_SITE, '--create-site', '--teams', '--package', "it's $(touch pwned) & `id`.sppkg"]);
    expect(fs.existsSync(path.join(ROOT, 'pwned'))).toBe(false);
  });

  it('no spawn in scripts/ or dev/ uses a shell, exec or execSync', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const f = path.join(dir, e.name);
        if (e.isDirectory()) walk(f);
        else if (/\.(ts|js|cjs|mjs)$/.test(e.name)) {
          // Code only: comments may say "shell".
          const text = fs.readFileSync(f, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
          if (/shell\s*:(?!\s*false\b)/.test(text) || /\b(exec|execSync)\s*\(/.test(text.replace(/\.exec\(/g, ''))) offenders.push(path.relative(ROOT, f));
        }
      }
    };
    walk(path.join(ROOT, 'scripts'));
    walk(path.join(ROOT, 'dev'));
    expect(offenders).toEqual([]);
  });

  it('on Windows m365.cmd is not spawned (Node refuses .cmd without a shell): the CLI\'s JS entry runs with node', () => {
    const files = (map: Record<string, string>): { exists: (f: string) => boolean; read: (f: string) => string } => ({ exists: (f) => f in map, read: (f) => map[f] });
    const node = 'C:\\Program Files\\nodejs\\node.exe';
    const npmDir = 'C:\\Users\\ann\\AppData\\Roaming\\npm';
    const pkgDir = `${npmDir}\\node_modules\\@pnp\\cli-microsoft365`;
    const env = { PATH: `C:\\Windows\\system32;"${npmDir}"` };
    expect(
      resolveM365('win32', env, node, files({ [`${npmDir}\\m365.cmd`]: '', [`${pkgDir}\\package.json`]: JSON.stringify({ bin: { m365: './dist/index.js' } }), [`${pkgDir}\\dist\\index.js`]: '' }))
    ).toEqual({ command: node, prefix: [`${pkgDir}\\dist\\index.js`] });
    // Another layout: the script the npm shim names.
    const shim = `@ECHO off\r\n"%_prog%"  "%dp0%\\lib\\cli\\index.js" %*\r\n`;
    expect(resolveM365('win32', env, node, files({ [`${npmDir}\\m365.cmd`]: shim, [`${npmDir}\\lib\\cli\\index.js`]: '' }))).toEqual({ command: node, prefix: [`${npmDir}\\lib\\cli\\index.js`] });
    expect(resolveM365('win32', env, node, files({}))).toBeUndefined();
    expect(resolveM365('linux', env, '/usr/bin/node', files({}))).toEqual({ command: 'm365', prefix: [] });
    // npm for the build: the npm running this script, else npm-cli.js beside node.exe; never npm.cmd.
    expect(npmCommand('win32', { npm_execpath: 'C:\\npm\\bin\\npm-cli.js' }, node)).toEqual({ command: node, prefix: ['C:\\npm\\bin\\npm-cli.js'] });
    expect(npmCommand('win32', {}, node)).toEqual({ command: node, prefix: ['C:\\Program Files\\nodejs\\node_modules\\npm\\bin\\npm-cli.js'] });
    expect(npmCommand('linux', {}, '/usr/bin/node')).toEqual({ command: 'npm', prefix: [] });
  });
});

describe('the m365 recording stand-in checks arguments like the CLI', () => {
  function standin(args: string[], t: { stateFile: string; logFile: string }): Promise<{ code: number | null; out: string }> {
    return new Promise((resolve) => {
      const child = spawn(path.join(STANDIN_DIR, 'm365'), args, { env: { ...process.env, M365_STANDIN_STATE: t.stateFile, M365_STANDIN_LOG: t.logFile } });
      let out = '';
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.stderr.on('data', (d: Buffer) => (out += d.toString()));
      child.on('close', (code) => resolve({ code, out }));
    });
  }

  it('refuses unknown options, missing required options, bad values and a missing --output json', async () => {
    const t = newTenant('standin');
    expect((await standin(['spo', 'app', 'deploy', '--name', 'x.sppkg', '--skipFeatureDeploy', '--output', 'json'], t)).out).toContain("Invalid option: '--skipFeatureDeploy'");
    expect((await standin(['spo', 'storageentity', 'set', '--key', 'k', '--value', 'v', '--output', 'json'], t)).out).toContain('Required option appCatalogUrl not specified');
    expect((await standin(['spo', 'site', 'add', '--type', 'Communication', '--title', 'x', '--url', 'https://c.sharepoint.com/sites/x', '--output', 'json'], t)).out).toContain("'Communication' is not a valid value for type");
    expect((await standin(['spo', 'page', 'clientsidewebpart', 'add', '--webUrl', 'https://c.sharepoint.com/sites/x', '--pageName', 'p.aspx', '--webPartId', 'cards', '--output', 'json'], t)).out).toContain('is not a valid GUID');
    const noJson = await standin(['spo', 'app', 'list'], t);
    expect(noJson.code).toBe(1);
    const ok = await standin(['spo', 'app', 'list', '--output', 'json'], t);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.out)).toEqual([]);
  });

  it('refuses a site URL that does not start with https:// (as the CLI does) and accepts a trailing slash', async () => {
    const t = newTenant('standin-url', { sites: [TENANT_SITE] });
    for (const url of ['http://contoso.sharepoint.com/sites/x', 'HTTPS://contoso.sharepoint.com/sites/x', 'contoso.sharepoint.com/sites/x']) {
      const r = await standin(['spo', 'site', 'get', '--url', url, '--output', 'json'], t);
      expect(r.code).toBe(1);
      expect(r.out).toContain(`'${url}' is not a valid SharePoint Online site URL.`);
      expect((await standin(['spo', 'page', 'get', '--webUrl', url, '--name', 'p.aspx', '--output', 'json'], t)).out).toContain('is not a valid SharePoint Online site URL');
    }
    const slash = await standin(['spo', 'site', 'get', '--url', `${TENANT_SITE}/`, '--output', 'json'], t);
    expect(slash.code).toBe(0);
    expect(JSON.parse(slash.out).Url).toBe(TENANT_SITE);
  });
});
