/**
 * npm run deploy -- --site <url> [--organisation <name>] [--create-site] [--import-example] [--teams] [--dry-run] [--skip-build] [--package <sppkg>]
 *
 * From package to people in one command, with the CLI for Microsoft 365 (`m365`, signed in
 * with `m365 login`): builds the .sppkg, adds and deploys it tenant-wide, creates the data
 * site if asked, provisions the lists and the permission model, records the data site as a
 * tenant property, puts the domain cards on a page, and publishes the Teams app if asked.
 * Every step checks before it changes anything, so running it again is safe and is also how
 * to resume after a failure.
 *
 * --site must be a tenant site (scripts/siteUrl.ts): the access token only ever goes to that
 * host. For tests, env DEPLOY_LOCAL_SP=http://localhost:<port> sends the list, permission and
 * example data calls to the local server instead (loopback only); m365 is called as usual.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs, flag } from './cli';
import { createM365Runner, M365Runner, shellQuote } from './deploy/m365';
import { buildSteps, checkPackage, IDeployContext, IDeployOptions, npmBuild, readSolution, ROOT, StepOutcome } from './deploy/steps';
import { parseLocalOrigin, parseSiteUrl } from './siteUrl';

export const USAGE: string = `Usage: npm run deploy -- --site https://<tenant>.sharepoint.com/sites/<site> [options]

  --site <url>        the data site (the lists live here; recorded as the tenant property)
  --organisation <name>  the organisation on the council report (setting Organisatie of the data
                      site, also set in the cards' property pane; default: the data site's title)
  --create-site       create the site as a Dutch communication site if it does not exist
  --import-example    import the 2022 example report into the lists
  --teams             publish (or update) the Teams app in the organisation's app catalog
  --dry-run           print the plan; change nothing and call nothing
  --skip-build        deploy the package already in sharepoint/solution
  --package <file>    deploy this .sppkg instead (implies --skip-build)

Needs: the CLI for Microsoft 365 (npm install -g @pnp/cli-microsoft365). Version 11 and later
sign in through your own Entra app registration: once \`m365 setup\` (creates it), or
\`m365 login --appId <app id> --tenant <tenant id>\` with an existing one; then \`m365 login\`
as a SharePoint administrator (and Teams administrator for --teams).`;

export function optionsFromArgv(argv: string[], env: NodeJS.ProcessEnv = process.env): IDeployOptions {
  const args = parseArgs(argv);
  const raw = flag(args, 'site');
  if (!raw) {
    throw new Error(`--site <url> is verplicht (de volledige URL van de gegevenssite). / --site <url> is required (the full URL of the data site).\n\n${USAGE}`);
  }
  const site = parseSiteUrl(raw, { allowLocal: false }).url;
  const solution = readSolution();
  const pkg = flag(args, 'package');
  return {
    site,
    localServer: env.DEPLOY_LOCAL_SP ? parseLocalOrigin(env.DEPLOY_LOCAL_SP) : undefined,
    createSite: args.flags['create-site'] === true,
    importExample: args.flags['import-example'] === true,
    teams: args.flags.teams === true,
    dryRun: args.flags['dry-run'] === true,
    skipBuild: args.flags['skip-build'] === true || !!pkg,
    packagePath: path.resolve(pkg || path.join(ROOT, 'sharepoint', 'solution', solution.fileName)),
    exampleDir: path.resolve(flag(args, 'example-dir') || path.join(ROOT, '..', 'shared', 'data')),
    organisation: (flag(args, 'organisation') || '').trim() || undefined
  };
}

/** The command line that repeats this run, for "run again to resume": every value POSIX-quoted. */
export function rerunCommand(o: IDeployOptions, cwd: string = process.cwd()): string {
  const parts = ['npm run deploy --', '--site', shellQuote(o.site)];
  if (o.organisation) parts.push('--organisation', shellQuote(o.organisation));
  if (o.createSite) parts.push('--create-site');
  if (o.importExample) parts.push('--import-example');
  if (o.teams) parts.push('--teams');
  if (o.skipBuild) parts.push('--package', shellQuote(path.relative(cwd, o.packagePath) || o.packagePath));
  return parts.join(' ');
}

export interface IDeployRun {
  ok: boolean;
  changed: number;
}

export async function deploy(o: IDeployOptions, deps: { m365?: M365Runner; log?: (l: string) => void; build?: () => Promise<void> } = {}): Promise<IDeployRun> {
  const log = deps.log || ((l: string) => console.log(l));
  // Also for callers other than the command line: the token goes only to the tenant (or a local server).
  if (parseSiteUrl(o.site, { allowLocal: false }).url !== o.site || (o.localServer !== undefined && parseLocalOrigin(o.localServer) !== o.localServer)) {
    throw new Error(`not a normalised tenant site: ${o.site}`);
  }
  const solution = readSolution();
  // A given package must be this solution at this version, before anything is called or uploaded.
  if (o.skipBuild && fs.existsSync(o.packagePath)) {
    try {
      await checkPackage(o.packagePath, solution);
    } catch (e) {
      log((e as Error).message);
      return { ok: false, changed: 0 };
    }
  }
  const steps = buildSteps(o, solution);
  const n = steps.length;
  if (o.dryRun) {
    log(`Plan for ${o.site} (${solution.name} ${solution.version}); --dry-run: nothing is changed, m365 is not called.`);
    log('Every m365 call runs with --output json; every step first checks and skips what is already in place.');
    steps.forEach((s, i) => {
      log(`${i + 1}/${n} ${s.title}`);
      for (const line of s.plan) log(`      ${line}`);
    });
    return { ok: true, changed: 0 };
  }
  const ctx: IDeployContext = { options: o, solution, m365: deps.m365 || createM365Runner(), log, build: deps.build || npmBuild, state: {} };
  const done: Array<{ title: string; outcome: StepOutcome }> = [];
  log(`Deploying ${solution.name} ${solution.version} with data site ${o.site}`);
  for (let i = 0; i < n; i++) {
    const step = steps[i];
    log(`${i + 1}/${n} ${step.title} ...`);
    try {
      const outcome = await step.run(ctx);
      done.push({ title: step.title, outcome });
      log(`      ${outcome.changed ? 'done' : 'unchanged'}: ${outcome.detail}`);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      log('');
      log(`FAILED at step ${i + 1}/${n} (${step.title}): ${message}`);
      if (done.length) {
        log('Completed before the failure:');
        done.forEach((d, j) => log(`  ${j + 1}. ${d.title}: ${d.outcome.changed ? 'done' : 'unchanged'} (${d.outcome.detail})`));
      } else {
        log('Nothing was changed.');
      }
      log(`Steps ${i + 1}-${n} did not run. Fix the cause, then resume with the same command (completed steps are checked and skipped):`);
      log(`  ${rerunCommand(o)}`);
      return { ok: false, changed: done.filter((d) => d.outcome.changed).length };
    }
  }
  const changed = done.filter((d) => d.outcome.changed).length;
  log(changed === 0 ? 'Everything was already in place; nothing changed.' : `Finished: ${changed} step(s) changed something.`);
  return { ok: true, changed };
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.indexOf('--help') >= 0 || argv.indexOf('-h') >= 0) {
    console.log(USAGE);
    return;
  }
  let options: IDeployOptions;
  try {
    options = optionsFromArgv(argv);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
  const result = await deploy(options);
  process.exit(result.ok ? 0 : 1);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.stack || e.message : e);
    process.exit(1);
  });
}
