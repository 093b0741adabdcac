/**
 * Runs the CLI for Microsoft 365 (`m365`) and reads its JSON output.
 *
 * The deploy script only talks to the tenant through this one function, so a test can
 * put a recording stand-in named `m365` first on PATH and see every call.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export interface IM365Result {
  /** Parsed JSON from stdout; undefined when the command printed nothing (e.g. `spo app deploy`). */
  json: unknown;
  stdout: string;
}

export class M365Error extends Error {
  public constructor(
    message: string,
    public readonly args: readonly string[],
    public readonly exitCode: number | null,
    public readonly stderr: string,
    /** The executable is not installed (ENOENT), as opposed to a failing command. */
    public readonly notInstalled: boolean = false
  ) {
    super(message);
  }
}

export type M365Runner = (args: readonly string[]) => Promise<IM365Result>;

/**
 * Quotes an argument for a POSIX shell (single quotes; a quote inside becomes '\''), so a
 * printed command can be copied into a shell and runs with exactly these arguments.
 */
export function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** For display: plain words stay bare (readable plans), anything else is quoted. */
function displayQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : shellQuote(arg);
}

export function formatCommand(args: readonly string[]): string {
  return ['m365', ...args].map(displayQuote).join(' ');
}

export interface ICommand {
  command: string;
  /** Arguments that come before the caller's (e.g. the CLI's JS entry when run with node). */
  prefix: string[];
}

export interface IFileAccess {
  exists(file: string): boolean;
  read(file: string): string;
}

const realFiles: IFileAccess = { exists: (f) => fs.existsSync(f), read: (f) => fs.readFileSync(f, 'utf8') };

/**
 * How to start `m365` without a shell. Elsewhere the executable on PATH is the CLI's own
 * script (spawn finds it). On Windows npm installs it as `m365.cmd`, and since CVE-2024-27980
 * Node refuses to spawn .cmd/.bat files without a shell; so we find the CLI's JS entry beside
 * that shim and run it with this Node (process.execPath). undefined: not installed.
 */
export function resolveM365(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, execPath: string, files: IFileAccess = realFiles): ICommand | undefined {
  if (platform !== 'win32') return { command: 'm365', prefix: [] };
  const w = path.win32;
  const dirs = (env.PATH || env.Path || '').split(';').map((d) => d.trim().replace(/^"(.*)"$/, '$1')).filter((d) => d);
  for (const dir of dirs) {
    const exe = w.join(dir, 'm365.exe');
    if (files.exists(exe)) return { command: exe, prefix: [] };
    const shim = w.join(dir, 'm365.cmd');
    if (!files.exists(shim)) continue;
    // npm's global layout: <prefix>\m365.cmd and <prefix>\node_modules\@pnp\cli-microsoft365.
    const pkgDir = w.join(dir, 'node_modules', '@pnp', 'cli-microsoft365');
    const pkgJson = w.join(pkgDir, 'package.json');
    if (files.exists(pkgJson)) {
      const bin = (JSON.parse(files.read(pkgJson)) as { bin?: string | Record<string, string> }).bin;
      const rel = typeof bin === 'string' ? bin : bin && bin.m365;
      if (rel && files.exists(w.join(pkgDir, rel))) return { command: execPath, prefix: [w.join(pkgDir, rel)] };
    }
    // Otherwise the script the shim names: "%dp0%\...\index.js" (npm's cmd-shim).
    const named = /"%~?dp0%?\\?([^"%]+\.[cm]?js)"/i.exec(files.read(shim));
    if (named && files.exists(w.join(dir, named[1]))) return { command: execPath, prefix: [w.join(dir, named[1])] };
  }
  return undefined;
}

/**
 * Spawns `m365 <args> --output json`. Errors carry the CLI's own message (stderr,
 * `Error: ...`) so the admin sees what SharePoint or Teams said.
 */
export function createM365Runner(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): M365Runner {
  return (args: readonly string[]) =>
    new Promise<IM365Result>((resolve, reject) => {
      const fullArgs = [...args, '--output', 'json'];
      const cmd = resolveM365(platform, env, process.execPath);
      if (!cmd) {
        reject(new M365Error('m365 is not installed', fullArgs, null, '', true));
        return;
      }
      // Never a shell: the arguments (site URLs, titles) reach the CLI exactly as given.
      const child = spawn(cmd.command, [...cmd.prefix, ...fullArgs], { env, shell: false, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
      child.on('error', (e: NodeJS.ErrnoException) => {
        reject(new M365Error(e.code === 'ENOENT' ? 'm365 is not installed' : e.message, fullArgs, null, '', e.code === 'ENOENT'));
      });
      child.on('close', (code) => {
        if (code !== 0) {
          const text = stderr.trim().replace(/^Error:\s*/i, '') || stdout.trim() || `exit code ${code}`;
          reject(new M365Error(text, fullArgs, code, stderr));
          return;
        }
        const trimmed = stdout.trim();
        if (!trimmed) {
          resolve({ json: undefined, stdout });
          return;
        }
        try {
          resolve({ json: JSON.parse(trimmed) as unknown, stdout });
        } catch {
          // `m365 status` prints the bare text "Logged out" even with --output json.
          resolve({ json: trimmed, stdout });
        }
      });
    });
}
