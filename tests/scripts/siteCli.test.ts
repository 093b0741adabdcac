/**
 * provision, import, import-objectives and report take --site and --token: a --site that is
 * neither a tenant site nor the local server is refused before any request, so the token
 * never leaves for another host. A recording HTTP server on 127.0.0.1 stands for "another host".
 */
import { spawn } from 'child_process';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const TOKEN = 'secret-token-123';

let sink: http.Server;
let port = 0;
const requests: string[] = [];

beforeAll(async () => {
  sink = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ${req.headers.authorization || ''}`);
    res.statusCode = 500;
    res.end('{"error":{"message":{"value":"sink"}}}');
  });
  await new Promise<void>((r) => sink.listen(0, '127.0.0.1', () => r()));
  port = (sink.address() as AddressInfo).port;
});

afterAll(() => new Promise<void>((r) => sink.close(() => r())));

function run(script: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, env: { ...process.env, SP_TOKEN: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

const TEMPLATE = path.join(ROOT, 'templates', 'doelstellingen.csv');
const SCRIPTS: Array<[string, string[]]> = [
  ['provision.ts', []],
  ['import.ts', []],
  ['import-objectives.ts', ['--file', TEMPLATE]],
  ['report.ts', []],
  ['reminders.ts', []]
];

describe('--site with --token in provision, import, import-objectives and report', () => {
  it.each(SCRIPTS)('%s refuses a --site on another host, with a user name, a query or another path: exit 2, no request', async (script, extra) => {
    const hostile = [
      `http://127.0.0.1:${port}/evil/organisatiebeheersing`,
      `http://user:pass@127.0.0.1:${port}/sites/organisatiebeheersing`,
      `http://127.0.0.1:${port}/sites/organisatiebeheersing?x=1`,
      `https://contoso.sharepoint.com.evil.com/sites/organisatiebeheersing`,
      `http://contoso.sharepoint.com/sites/organisatiebeheersing`
    ];
    for (const site of hostile.slice(0, script === 'provision.ts' ? hostile.length : 2)) {
      const r = await run(script, [...extra, '--site', site, '--token', TOKEN]);
      expect({ site, code: r.code }).toEqual({ site, code: 2 });
      expect(r.output).toContain(`Ongeldige --site ${JSON.stringify(site)}`);
      expect(r.output).toContain(`Invalid --site ${JSON.stringify(site)}`);
    }
    expect(requests).toEqual([]);
  }, 60000);

  it('the local server stays allowed (the token may go there)', async () => {
    const r = await run('provision.ts', ['--site', `http://127.0.0.1:${port}/sites/organisatiebeheersing/`, '--token', TOKEN]);
    expect(r.code).toBe(1);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests[0]).toMatch(new RegExp(`^\\S+ /sites/organisatiebeheersing/_api/\\S* Bearer ${TOKEN}$`));
    requests.length = 0;
  }, 60000);
});
