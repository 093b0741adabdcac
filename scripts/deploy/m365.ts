/**
 * Runs the CLI for Microsoft 365 (`m365`) and reads its JSON output.
 *
 * The deploy script only talks to the tenant through this one function, so a test can
 * put a recording stand-in named `m365` first on PATH and see every call.
 */
import { spawn } from 'child_process';

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

/** Quotes an argument for display, so a printed command can be copied into a shell. */
export function shellQuote(arg: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function formatCommand(args: readonly string[]): string {
  return ['m365', ...args].map(shellQuote).join(' ');
}

/**
 * Spawns `m365 <args> --output json`. Errors carry the CLI's own message (stderr,
 * `Error: ...`) so the admin sees what SharePoint or Teams said.
 */
export function createM365Runner(executable: string = 'm365', env: NodeJS.ProcessEnv = process.env): M365Runner {
  return (args: readonly string[]) =>
    new Promise<IM365Result>((resolve, reject) => {
      const fullArgs = [...args, '--output', 'json'];
      // The CLI is a Node script with a shebang; on Windows npm installs it as m365.cmd.
      const child = spawn(executable, fullArgs, { env, shell: process.platform === 'win32', stdio: ['ignore', 'pipe', 'pipe'] });
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
