import { ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createLocalServer, ILocalServerOptions, ILocalStoreAccess } from '../../dev/server/index';

export interface ITestServer {
  /** http://localhost:PORT */
  url: string;
  /** http://localhost:PORT/sites/organisatiebeheersing */
  siteUrl: string;
  dataDir: string;
  port: number;
  store: ILocalStoreAccess;
  /** Stops the server; removes the data folder unless it was given or keepData is set. */
  stop(keepData?: boolean): Promise<void>;
}

/**
 * Starts the local SharePoint server in-process on a free port with a fresh temp
 * data folder (or the given one). Use one per test file; call stop() in afterAll.
 */
export async function startTestServer(opts: Partial<ILocalServerOptions> = {}): Promise<ITestServer> {
  const own = !opts.dataDir;
  const dataDir = opts.dataDir || fs.mkdtempSync(path.join(os.tmpdir(), 'local-sp-test-'));
  const srv = await createLocalServer({ retryAfterSeconds: 0, ...opts, port: opts.port ?? 0, dataDir });
  return {
    url: srv.url,
    siteUrl: srv.siteUrl,
    dataDir,
    port: srv.port,
    store: srv.store,
    stop: async (keepData?: boolean) => {
      await srv.close();
      if (own && !keepData) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  };
}

/**
 * A copy of a data folder (without the running server's lock), for a second server that
 * shows the same site to another user or with faults: one folder can hold only one server.
 */
export function copyDataDir(dataDir: string): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'local-sp-copy-'));
  fs.cpSync(dataDir, copy, { recursive: true, filter: (src) => path.basename(src) !== '.lock' });
  return copy;
}

/** Starts a server on a copy of a running server's data; stop() removes the copy. */
export async function startTestServerOnCopy(dataDir: string, opts: Partial<ILocalServerOptions> = {}): Promise<ITestServer> {
  const copy = copyDataDir(dataDir);
  const srv = await startTestServer({ ...opts, dataDir: copy });
  return {
    ...srv,
    stop: async () => {
      await srv.stop(true);
      fs.rmSync(copy, { recursive: true, force: true });
    }
  };
}

const ROOT = path.resolve(__dirname, '../..');

/**
 * The local server as its own process (tsx dev/server/main.ts on a free port), in its own
 * process group so that a test can kill it with -9 (tsx runs the server in a child process).
 */
export function startServerProcess(dataDir: string): Promise<{ child: ChildProcess; siteUrl: string }> {
  const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['dev/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', LOCAL_SP_DATA: dataDir, LOCAL_SP_LOG: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 30000);
    child.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Local SharePoint site: (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, siteUrl: m[1] });
      }
    });
    child.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${out}`)));
  });
}
