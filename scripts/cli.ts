/** Small shared helpers for the command-line tools (provision, import, report, bench). */
import { localSiteUrl } from '../tools/data/node';
import { sharePointMessage } from '../src/data/errors';
import { parseSiteUrl, SiteUrlError } from './siteUrl';

export interface ICliArgs {
  flags: Record<string, string | true>;
}

export function parseArgs(argv: string[]): ICliArgs {
  const flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) continue;
    const eq = a.indexOf('=');
    if (eq > 0) {
      flags[a.slice(2, eq)] = a.slice(eq + 1);
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      flags[a.slice(2)] = argv[++i];
    } else {
      flags[a.slice(2)] = true;
    }
  }
  return { flags };
}

export function flag(args: ICliArgs, name: string): string | undefined {
  const v = args.flags[name];
  return typeof v === 'string' ? v : undefined;
}

/**
 * --site, else the local site of `npm start`; checked by parseSiteUrl (scripts/siteUrl.ts): a
 * tenant site (https://<tenant>.sharepoint.com/sites/<name>) or the local server, nothing else,
 * because --token / SP_TOKEN is sent to it. Throws SiteUrlError with a bilingual message.
 */
export function checkedSite(args: ICliArgs, env: NodeJS.ProcessEnv = process.env): string {
  const given = args.flags.site;
  if (given === true) throw new SiteUrlError('--site heeft een URL nodig. / --site needs a URL.');
  return parseSiteUrl(given === undefined ? localSiteUrl(env) : given, { allowLocal: true }).url;
}

/** checkedSite for a command line: an invalid --site ends the process (exit code 2) before any request. */
export function siteFrom(args: ICliArgs): string {
  try {
    return checkedSite(args);
  } catch (e) {
    console.error((e as Error).message);
    process.exit(2);
  }
}

/** --token, else env SP_TOKEN (a bearer token for a tenant: `m365 util accesstoken get --resource https://<tenant>.sharepoint.com`). */
export function tokenFrom(args: ICliArgs): string | undefined {
  return flag(args, 'token') || process.env.SP_TOKEN || undefined;
}

/** Turns connection and SharePoint errors into a short bilingual message and exit code 1. */
export function fail(e: unknown, site: string): never {
  const text = e instanceof Error ? e.message : String(e);
  const cause = e instanceof Error && e.cause ? String((e.cause as Error).message || e.cause) : '';
  if (/fetch failed|ECONNREFUSED/i.test(text + cause)) {
    console.error(
      `Kan de site ${site} niet bereiken. Start eerst de lokale site met \`npm start\`, of geef --site op.\n` +
        `Cannot reach ${site}. Start the local site with \`npm start\` first, or pass --site.`
    );
  } else {
    console.error(`Fout / Error: ${sharePointMessage(e)}`);
  }
  process.exit(1);
}
