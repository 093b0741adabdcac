/** @jest-environment ./tests/dev/environment.js */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DataFolderLockedError } from '../../dev/server/index';
import { startTestServer } from '../helpers/localServer';

const ROOT = path.resolve(__dirname, '../..');

describe('one server per data folder', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-sp-lock-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('refuses a second server on the same folder, naming the folder and the holder, in Dutch and English', async () => {
    const first = await startTestServer({ dataDir });
    try {
      const second = startTestServer({ dataDir });
      await expect(second).rejects.toBeInstanceOf(DataFolderLockedError);
      await expect(second).rejects.toThrow(`De gegevensmap ${dataDir} is al in gebruik door een andere lokale server (PID ${process.pid})`);
      await expect(second).rejects.toThrow(`The data folder ${dataDir} is in use by another local server (PID ${process.pid})`);
      // The first one is untouched.
      expect((await fetch(`${first.siteUrl}/_api/web/Title`, { headers: { Accept: 'application/json' } })).status).toBe(200);
      expect(fs.readFileSync(path.join(dataDir, '.lock'), 'utf8').trim()).toBe(String(process.pid));
    } finally {
      await first.stop();
    }
    expect(fs.existsSync(path.join(dataDir, '.lock'))).toBe(false);
  });

  it('a second `main.ts` on a folder in use exits non-zero with the message', async () => {
    const first = await startTestServer({ dataDir });
    try {
      const r = await new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(path.join(ROOT, 'node_modules/.bin/tsx'), ['dev/server/main.ts'], {
          cwd: ROOT,
          env: { ...process.env, PORT: '0', LOCAL_SP_DATA: dataDir },
          stdio: ['ignore', 'pipe', 'pipe']
        });
        let out = '';
        child.stdout.on('data', (c: Buffer) => (out += c.toString()));
        child.stderr.on('data', (c: Buffer) => (out += c.toString()));
        child.on('exit', (code) => resolve({ code, out }));
      });
      expect(r.code).not.toBe(0);
      expect(r.out).toContain(`PID ${process.pid}`);
      expect(r.out).toContain(dataDir);
      expect(r.out).not.toContain('Local SharePoint site:');
    } finally {
      await first.stop();
    }
  }, 30000);

  it('takes over a stale lock whose process no longer runs', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid as number;
    fs.writeFileSync(path.join(dataDir, '.lock'), `${dead}\n`);
    const srv = await startTestServer({ dataDir });
    try {
      expect(fs.readFileSync(path.join(dataDir, '.lock'), 'utf8').trim()).toBe(String(process.pid));
    } finally {
      await srv.stop();
    }
    expect(fs.existsSync(path.join(dataDir, '.lock'))).toBe(false);
  });

  it('releases the lock when the start fails (a corrupt store)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-sp-lock-corrupt-'));
    try {
      fs.writeFileSync(path.join(dir, 'site.json'), '{');
      await expect(startTestServer({ dataDir: dir })).rejects.toThrow(/corrupt/);
      expect(fs.existsSync(path.join(dir, '.lock'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
