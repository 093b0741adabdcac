/**
 * npm run deploy -- --site <url> [--create-site] [--import-example] [--teams] [--dry-run] [--skip-build] [--package <sppkg>]
 *
 * From package to people in one command, with the CLI for Microsoft 365 (`m365`, signed in
 * with `m365 login`): builds the .sppkg, adds and deploys it tenant-wide, creates the data
 * site if asked, provisions the lists and the permission model, records the data site as a
 * tenant property, puts the domain cards on a page, and publishes the Teams app if asked.
 * Every step checks before it changes anything, so running it again is safe and is also how
 * to resume after a failure.
 */
import * as path from 'path';
import { parseArgs, flag } from './cli';
import { createM365Runner, M365Runner } from './deploy/m365';
import { buildSteps, IDeployContext, IDeployOptions, npmBuild, readSolution, ROOT, StepOutcome } from './deploy/steps';

export const USAGE: string = `Usage: npm run deploy -- --site https://<tenant>.sharepoint.com/sites/<site> [options]

  --site <url>        the data site (the lists live here; recorded as the tenant property)
  --create-site       create the site as a Dutch communication site if it does not exist
  --import-example    import the 2022 example report into the lists
  --teams             publish (or update) the Teams app in the organisation's app catalog
  --dry-run           print the plan; change nothing and call nothing
  --skip-build        deploy the package already in sharepoint/solution
  --package <file>    deploy this .sppkg instead (implies --skip-build)

Needs: the CLI for Microsoft 365 (npm install -g @pnp/cli-microsoft365), signed in with
\`m365 login\` as a SharePoint administrator (and Teams administrator for --teams).`;

export function optionsFromArgv(argv: string[]): IDeployOptions {
  const args = parseArgs(argv);
  const site = (flag(args, 'site') || '').trim().replace(/\/+$/, '');
  if (!site || !/^https?:\/\/[^\s/]+\/\S*$/i.test(site)) {
    throw new Error(`--site <url> is required (the full URL of the data site).\n\n${USAGE}`);
  }
  const solution = readSolution();
  const pkg = flag(args, 'package');
  return {
    site,
    createSite: args.flags['create-site'] === true,
    importExample: args.flags['import-example'] === true,
    teams: args.flags.teams === true,
    dryRun: args.flags['dry-run'] === true,
    skipBuild: args.flags['skip-build'] === true || !!pkg,
    packagePath: path.resolve(pkg || path.join(ROOT, 'sharepoint', 'solution', solution.fileName)),
    exampleDir: path.resolve(flag(args, 'example-dir') || path.join(ROOT, '..', 'shared', 'data'))
  };
}

/** The command line that repeats this run, for "run again to resume". */
function rerunCommand(o: IDeployOptions): string {
  const parts = ['npm run deploy --', '--site', o.site];
  if (o.createSite) parts.push('--create-site');
  if (o.importExample) parts.push('--import-example');
  if (o.teams) parts.push('--teams');
  if (o.skipBuild) parts.push('--package', path.relative(process.cwd(), o.packagePath) || o.packagePath);
  return parts.join(' ');
}

export interface IDeployRun {
  ok: boolean;
  changed: number;
}

export async function deploy(o: IDeployOptions, deps: { m365?: M365Runner; log?: (l: string) => void; build?: () => Promise<void> } = {}): Promise<IDeployRun> {
  const log = deps.log || ((l: string) => console.log(l));
  const solution = readSolution();
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
