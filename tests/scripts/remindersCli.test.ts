/** @jest-environment ./tests/dev/environment.js */
/** `npm run reminders -- --site <local site>` end to end: digests in the local outbox, nothing twice. */
import { spawn } from 'child_process';
import * as path from 'path';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { ensureSchema } from '../../src/data/ensureSchema';
import { ensurePermissions } from '../../src/data/permissions';
import { createSp } from '../../tools/data/node';
import { ITestServer, startTestServer } from '../helpers/localServer';

const ROOT = path.resolve(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
let srv: ITestServer;

function run(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [path.join(ROOT, 'scripts', 'reminders.ts'), ...args], { cwd: ROOT, env: { ...process.env, SP_TOKEN: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

beforeAll(async () => {
  srv = await startTestServer();
  const sp = createSp(srv.siteUrl, undefined, 'ann');
  await ensureSchema(sp);
  await ensurePermissions(sp);
  const domain = ((await sp.web.lists.getByTitle('Domeinen').items.add({ Title: 'Bescherming activa', Volgorde: 7 })) as { Id: number }).Id;
  await sp.web.lists.getByTitle('Acties').items.add({ Title: 'Uitrol MFA', DomeinenId: [domain], ActieStatus: 'Gepland', JaarGepland: 2023, EigenaarId: 10, Deadline: '2024-03-01T00:00:00Z' });
});

afterAll(async () => {
  await srv.stop();
});

it('sends koen his digest and the director her summary; a second run the same day sends nothing', async () => {
  const first = await run(['--site', srv.siteUrl, '--today', '2024-03-13']);
  expect(first.code).toBe(0);
  expect(first.output).toContain('Verzonden / sent: overzicht → koen.wouters@stad.example');
  const sent = (await (await fetch(`${srv.url}/_outbox`)).json()) as Array<{ to: string[]; subject: string }>;
  expect(sent.map((m) => `${m.to[0]} ${m.subject}`)).toEqual([
    'koen.wouters@stad.example Organisatiebeheersing: uw acties (1 te laat)',
    'ann.janssens@stad.example Organisatiebeheersing: maandoverzicht 2024-03'
  ]);
  const second = await run(['--site', srv.siteUrl, '--today', '2024-03-13']);
  expect(second.code).toBe(0);
  expect(second.output).toContain('0 verzonden, 2 al eerder verzonden');
  expect(((await (await fetch(`${srv.url}/_outbox`)).json()) as unknown[]).length).toBe(2);
}, 120000);

it('refuses a bad --escalation-days with exit code 2', async () => {
  const r = await run(['--site', srv.siteUrl, '--escalation-days', 'veel']);
  expect(r.code).toBe(2);
  expect(r.output).toContain('--escalation-days');
}, 60000);
