/** @jest-environment ./tests/dev/environment.js */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureSchema } from '../../src/data/ensureSchema';
import { createSp } from '../../tools/data/node';
import { LISTS } from '../../src/schema/schema';
import { ITestServer, startTestServer } from '../helpers/localServer';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
let srv: ITestServer;
let dir: string;

beforeAll(async () => {
  srv = await startTestServer();
  await ensureSchema(createSp(srv.siteUrl));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-cli-'));
});

afterAll(async () => {
  await srv.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(TSX, [path.join(ROOT, 'scripts', script), ...args, '--site', srv.siteUrl], { cwd: ROOT, timeout: 60000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

function itemCounts(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const l of LISTS) out[l.title] = (srv.store.list(l.title)?.items || []).length;
  return out;
}

const rows = Array.from({ length: 30 }, (_, i) => `1;1.${i + 1};Doelstelling ${i + 1}`);

describe('the import CLIs refuse bad input and lose nothing', () => {
  it('import-objectives: 30 good rows and one code of 300 characters: exit 1, row and column named, nothing imported', async () => {
    const file = path.join(dir, 'lang.csv');
    fs.writeFileSync(file, ['thema;code;tekst', ...rows.slice(0, 20), `3;${'C'.repeat(300)};Te lang`, ...rows.slice(20)].join('\r\n'), 'utf8');
    const before = itemCounts();
    const r = await run('import-objectives.ts', ['--file', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('1 fout(en); er werd niets geïmporteerd. / 1 error(s); nothing was imported.');
    expect(r.stderr).toContain('regel 22, kolom code: de waarde mag maximaal 255 tekens bevatten (deze telt er 300). / row 22, column code:');
    expect(itemCounts()).toEqual(before);
  }, 60000);

  it('import-objectives: a Latin-1 CSV is refused naming the encoding', async () => {
    const file = path.join(dir, 'latin1.csv');
    fs.writeFileSync(file, Buffer.from('thema;code;tekst\r\n4;4.1;Financiële rapportering\r\n', 'latin1'));
    const r = await run('import-objectives.ts', ['--file', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/Kan .*latin1\.csv niet lezen .*Het bestand is geen UTF-8: regel 2 bevat byte 0xEB; het lijkt Latin-1\/Windows-1252/);
    expect(itemCounts()['MaturiteitDoelstellingen']).toBe(0);
  }, 60000);

  it('import: a domain title over 255 characters: exit 1, the domain and field named, nothing added', async () => {
    const report = JSON.parse(fs.readFileSync(path.resolve(ROOT, '../shared/data/voortgangsrapport-2022.json'), 'utf8')) as { domains: { title: string }[] };
    report.domains[4].title = 'E'.repeat(256);
    const file = path.join(dir, 'rapport.json');
    fs.writeFileSync(file, JSON.stringify(report));
    const before = itemCounts();
    const r = await run('import.ts', ['--file', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^rapport\.json: 1 fout\(en\) in de invoer; er werd niets geïmporteerd\./);
    expect(r.stderr).toContain("domein 5 'EEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEEE…', veld title: de waarde mag maximaal 255 tekens bevatten (deze telt er 256)");
    expect(itemCounts()).toEqual(before);
  }, 60000);

  it('import: the same file with a valid title imports, themes included, and a second run adds nothing', async () => {
    const file = path.join(ROOT, '../shared/data/voortgangsrapport-2022.json');
    const first = await run('import.ts', ['--file', file]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(itemCounts()['Domeinen']).toBe(7);
    expect(itemCounts()['MaturiteitThemas']).toBe(11);
    const second = await run('import.ts', ['--file', file]);
    expect(second.stdout).toContain('Niets nieuw: alles was al geïmporteerd. / Nothing new: already imported.');
  }, 120000);
});
