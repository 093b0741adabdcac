/** @jest-environment ./tests/dev/environment.js */
import * as os from 'os';
import { AddressInfo } from 'net';
import { createLocalServer, ILocalServer, optionsFromEnv } from '../../dev/server/index';
import * as fs from 'fs';
import * as path from 'path';

async function withServer(host: string | undefined, fn: (srv: ILocalServer) => Promise<void>): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-sp-listen-'));
  const srv = await createLocalServer({ port: 0, dataDir, host });
  try {
    await fn(srv);
  } finally {
    await srv.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const hasIPv6Loopback = Object.values(os.networkInterfaces()).some((list) => (list || []).some((a) => a.address === '::1'));

describe('where the local server listens', () => {
  it('by default on loopback only, reachable as localhost and 127.0.0.1', async () => {
    await withServer(undefined, async (srv) => {
      expect((srv.server.address() as AddressInfo).address).toBe('127.0.0.1');
      expect(srv.url).toBe(`http://localhost:${srv.port}`);
      for (const base of [srv.url, `http://127.0.0.1:${srv.port}`].concat(hasIPv6Loopback ? [`http://[::1]:${srv.port}`] : [])) {
        const r = await fetch(`${base}/sites/organisatiebeheersing/_api/web/Title`, { headers: { Accept: 'application/json;odata=nometadata' } });
        expect(r.status).toBe(200);
      }
    });
  });

  it('on the host given (option host, env LOCAL_SP_HOST)', async () => {
    expect(optionsFromEnv({ LOCAL_SP_HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(optionsFromEnv({}).host).toBeUndefined();
    await withServer('0.0.0.0', async (srv) => {
      expect((srv.server.address() as AddressInfo).address).toBe('0.0.0.0');
      expect((await fetch(`http://127.0.0.1:${srv.port}/sites/organisatiebeheersing/_api/web/Title`)).status).toBe(200);
    });
  });
});
