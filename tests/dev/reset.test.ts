/** @jest-environment ./tests/dev/environment.js */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { resetDecision } from '../../dev/reset';
import { startTestServer } from '../helpers/localServer';

const ROOT = path.resolve(__dirname, '../..');

function reset(dataDir: string): { status: number | null; out: string } {
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), ['dev/reset.ts'], { cwd: ROOT, env: { ...process.env, LOCAL_SP_DATA: dataDir }, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('npm run reset', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'local-sp-reset-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('refuses the file-system root, the home folder and folders the server did not make', () => {
    const other = path.join(tmp, 'project');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'README.md'), 'mine');
    const onlySiteJson = path.join(tmp, 'website');
    fs.mkdirSync(onlySiteJson);
    fs.writeFileSync(path.join(onlySiteJson, 'site.json'), '{}');
    for (const dir of [path.parse(tmp).root, os.homedir(), other, onlySiteJson, path.join(other, 'README.md')]) {
      const d = resetDecision(dir);
      expect(d.action).toBe('refuse');
      expect(d.message).toContain('Er is niets verwijderd.');
      expect(d.message).toContain('Nothing was deleted.');
    }
    expect(resetDecision(other).message).toContain(`${other} is not a local-site data folder`);
  });

  it('has nothing to do for a folder that does not exist, and deletes an empty one', () => {
    expect(resetDecision(path.join(tmp, 'missing')).action).toBe('nothing');
    const emptyDir = path.join(tmp, 'empty');
    fs.mkdirSync(emptyDir);
    expect(resetDecision(emptyDir).action).toBe('delete');
  });

  it('the script deletes a local-site folder and exits 0, refuses another folder with exit 1 and deletes nothing', async () => {
    const site = path.join(tmp, 'site');
    const srv = await startTestServer({ dataDir: site });
    await srv.stop();
    expect(resetDecision(site).action).toBe('delete');

    const other = path.join(tmp, 'keep');
    fs.mkdirSync(other);
    fs.writeFileSync(path.join(other, 'data.txt'), 'keep me');
    const refused = reset(other);
    expect(refused.status).toBe(1);
    expect(refused.out).toMatch(/geen gegevensmap van de lokale site[\s\S]*not a local-site data folder/);
    expect(fs.readFileSync(path.join(other, 'data.txt'), 'utf8')).toBe('keep me');

    const done = reset(site);
    expect(done.status).toBe(0);
    expect(done.out).toContain('Lokale gegevens verwijderd');
    expect(fs.existsSync(site)).toBe(false);
  }, 30000);
});
