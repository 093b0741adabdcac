/** @jest-environment ./tests/dev/environment.js */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { fieldSchemaXml } from '../../src/schema/schema';
import { startServerProcess, startTestServer } from '../helpers/localServer';
import { pnp } from './fixtures';


describe('crash safety', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-sp-crash-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('keeps every acknowledged write after kill -9, and the store loads', async () => {
    const { child, siteUrl } = await startServerProcess(dataDir);
    const exited = new Promise((r) => child.on('exit', r));
    const sp = pnp(siteUrl);
    await sp.web.lists.add('Log', '', 100);
    await sp.web.lists.getByTitle('Log').fields.createFieldAsXml(fieldSchemaXml({ internalName: 'Nummer', displayName: 'Nummer', type: 'Number' }));
    // Raw writes with a bearer token: no retries, every 2xx is an acknowledgement.
    const url = `${siteUrl}/_api/web/lists/getByTitle('Log')/items`;
    const headers = { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: 'Bearer local' };
    const acknowledged: number[] = [];
    const updated = new Map<number, number>();
    let n = 0;
    let killed = false;
    const worker = async (): Promise<void> => {
      while (!killed) {
        const nr = n++;
        try {
          const r = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ Title: `w${nr}`, Nummer: nr }) });
          if (r.status === 201) {
            const id = ((await r.json()) as { Id: number }).Id;
            acknowledged.push(nr);
            if (nr % 5 === 0) {
              const u = await fetch(`${url}(${id})`, { method: 'POST', headers: { ...headers, 'X-HTTP-Method': 'MERGE', 'IF-MATCH': '*' }, body: JSON.stringify({ Nummer: -nr - 1000 }) });
              if (u.status === 204) updated.set(nr, -nr - 1000);
            }
          }
        } catch {
          // connection reset by the kill: not acknowledged
        }
        if (acknowledged.length >= 150 && !killed) {
          killed = true;
          process.kill(-(child.pid as number), 'SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    await exited;
    child.stdout?.destroy();
    child.stderr?.destroy();
    // The whole group is gone: nothing answers on the old port any more.
    await expect(fetch(`${siteUrl}/_api/web`)).rejects.toThrow();
    expect(acknowledged.length).toBeGreaterThanOrEqual(150);

    const srv = await startTestServer({ dataDir });
    try {
      const items = await pnp(srv.siteUrl).web.lists.getByTitle('Log').items.select('Title', 'Nummer').top(5000)();
      const byTitle = new Map(items.map((i: { Title: string; Nummer: number }) => [i.Title, i.Nummer]));
      for (const nr of acknowledged) expect(byTitle.has(`w${nr}`)).toBe(true);
      updated.forEach((v, nr) => expect(byTitle.get(`w${nr}`)).toBe(v));
      expect(fs.readdirSync(path.join(dataDir, 'lists')).every((f) => f.endsWith('.json'))).toBe(true);
    } finally {
      await srv.stop(true);
    }
  }, 40000);

  it('refuses to start on a corrupt store file with a clear message, leaving the file as it was', async () => {
    const file = fs.readdirSync(path.join(dataDir, 'lists'))[0];
    const full = path.join(dataDir, 'lists', file);
    fs.writeFileSync(full, '{"meta": {"Id": "x"}, "fields": [');
    await expect(startTestServer({ dataDir })).rejects.toThrow(/is corrupt .*Nothing was changed/);
    expect(fs.readFileSync(full, 'utf8')).toBe('{"meta": {"Id": "x"}, "fields": [');
  });
});
