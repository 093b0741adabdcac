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
