/** @jest-environment node */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';

const ROOT = path.resolve(__dirname, '..', '..');
const TEAMS = path.join(ROOT, 'teams');
const SCRIPT = path.join(ROOT, 'scripts', 'teams-package.ts');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const ID = 'ae9cbe34-f28a-4b0e-90d2-dcd9b5cbb046';
const SOLUTION_VERSION: string = JSON.parse(fs.readFileSync(path.join(ROOT, 'config', 'package-solution.json'), 'utf8')).solution.version;
const EXPECTED_ENTRIES = ['manifest.json', `${ID}_color.png`, `${ID}_outline.png`, 'en-us.json'];

function runPackager(args: string[], env: NodeJS.ProcessEnv = {}): ReturnType<typeof spawnSync> {
  return spawnSync(TSX, [SCRIPT, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('scripts/teams-package.ts (TeamsSPFxApp.zip)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'teams-package-'));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('zips exactly manifest.json, the two icons and en-us.json, flat, with the files unchanged but for the version', async () => {
    const out = path.join(dir, 'TeamsSPFxApp.zip');
    const run = runPackager(['--out', out]);
    expect(run.status).toBe(0);
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const names = Object.keys(zip.files);
    expect(names).toEqual(EXPECTED_ENTRIES);
    for (const name of names) {
      expect(zip.files[name].dir).toBe(false);
      const content = await zip.files[name].async('nodebuffer');
      if (name === 'manifest.json') {
        const source = JSON.parse(fs.readFileSync(path.join(TEAMS, name), 'utf8'));
        expect(JSON.parse(content.toString('utf8'))).toEqual({ ...source, version: SOLUTION_VERSION.split('.').slice(0, 3).join('.') });
      } else {
        expect(content.equals(fs.readFileSync(path.join(TEAMS, name)))).toBe(true);
      }
    }
    // Nothing else from teams/ (e.g. an older TeamsSPFxApp.zip) is packed.
    expect(names).not.toContain('TeamsSPFxApp.zip');
  });

  it('is reproducible: same bytes on every run and in every time zone', () => {
    const a = path.join(dir, 'a.zip');
    const b = path.join(dir, 'b.zip');
    expect(runPackager(['--out', a], { TZ: 'Europe/Brussels' }).status).toBe(0);
    expect(runPackager(['--out', b], { TZ: 'Pacific/Auckland' }).status).toBe(0);
    expect(fs.readFileSync(a).equals(fs.readFileSync(b))).toBe(true);
  });

  it('fails, and writes nothing, when the manifest references a missing icon', () => {
    const teamsCopy = path.join(dir, 'teams-missing-icon');
    fs.mkdirSync(teamsCopy);
    for (const f of EXPECTED_ENTRIES.filter((e) => !e.endsWith('_outline.png'))) {
      fs.copyFileSync(path.join(TEAMS, f), path.join(teamsCopy, f));
    }
    const out = path.join(dir, 'missing.zip');
    const run = runPackager(['--teams-dir', teamsCopy, '--out', out]);
    expect(run.status).not.toBe(0);
    expect(String(run.stderr)).toMatch(/_outline\.png/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('by default writes teams/TeamsSPFxApp.zip, where gulp package-solution picks it up', () => {
    // Only checks the default path resolution: builds into a copy of teams/.
    const teamsCopy = path.join(dir, 'teams-default');
    fs.mkdirSync(teamsCopy);
    for (const f of EXPECTED_ENTRIES) {
      fs.copyFileSync(path.join(TEAMS, f), path.join(teamsCopy, f));
    }
    execFileSync(TSX, [SCRIPT, '--teams-dir', teamsCopy], { cwd: ROOT, stdio: 'pipe' });
    expect(fs.existsSync(path.join(teamsCopy, 'TeamsSPFxApp.zip'))).toBe(true);
    expect(fs.readdirSync(teamsCopy).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('takes the Teams app version from the solution version, so a new package version is a new Teams version', async () => {
    const solution = path.join(dir, 'package-solution.json');
    fs.writeFileSync(solution, JSON.stringify({ solution: { version: '2.4.1.0' } }));
    const out = path.join(dir, 'v241.zip');
    const run = runPackager(['--out', out, '--solution', solution]);
    expect(run.status).toBe(0);
    expect(String(run.stdout)).toContain('Teams app version 2.4.1');
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(JSON.parse(await zip.files['manifest.json'].async('string')).version).toBe('2.4.1');
  });

  it('refuses a solution version whose fourth part is not 0 (Teams versions have three parts)', () => {
    const solution = path.join(dir, 'package-solution-rev.json');
    fs.writeFileSync(solution, JSON.stringify({ solution: { version: '1.0.0.3' } }));
    const out = path.join(dir, 'rev.zip');
    const run = runPackager(['--out', out, '--solution', solution]);
    expect(run.status).not.toBe(0);
    expect(String(run.stderr)).toContain('keep the fourth part 0');
    expect(fs.existsSync(out)).toBe(false);
  });
});
