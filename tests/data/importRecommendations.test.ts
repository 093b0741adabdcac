/** @jest-environment ./tests/dev/environment.js */
import { execFile } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as strings from 'AuditFollowUpWebPartStrings';
import { format } from '../../src/components/format';
import { ensureSchema } from '../../src/data/ensureSchema';
import { importReportData } from '../../tools/data/importData';
import { importRecommendations, UnknownAuditError } from '../../tools/data/importRecommendations';
import { toRecommendation } from '../../src/data/mapping';
import { createSp } from '../../tools/data/node';
import { executionRate, percent } from '../../src/model/audits';
import { convertSeed, ISeedAudits, ISeedReport } from '../../tools/model/seed';
import { IRecommendationRow } from '../../tools/model/recommendationImport';
import { readRecommendationRows } from '../../scripts/import-recommendations';
import { ITestServer, startTestServer } from '../helpers/localServer';

const DATA = path.resolve(__dirname, '../../../shared/data');
const FIXTURE = path.join(__dirname, '../fixtures/aanbevelingen-informatiebeheer-2022.csv');
let srv: ITestServer;
let auditId: number;

beforeAll(async () => {
  srv = await startTestServer();
  const sp = createSp(srv.siteUrl);
  await ensureSchema(sp);
  const report = JSON.parse(fs.readFileSync(path.join(DATA, 'voortgangsrapport-2022.json'), 'utf8')) as ISeedReport;
  const audits = JSON.parse(fs.readFileSync(path.join(DATA, 'audits-2022.json'), 'utf8')) as ISeedAudits;
  await importReportData(sp, convertSeed(report, audits));
  const audit = srv.store.list('Audits')!.items.filter((i) => i.values.Title === 'Audit informatiebeheer' && i.values.Jaar === 2022)[0];
  auditId = audit.Id;
});

afterAll(() => srv.stop());

function recommendationItems(): { Id: number; values: Record<string, unknown> }[] {
  return (srv.store.list('Aanbevelingen')?.items || []).map((i) => ({ Id: i.Id, values: i.values }));
}

async function readBack(): Promise<ReturnType<typeof toRecommendation>[]> {
  const items = await createSp(srv.siteUrl)
    .web.lists.getByTitle('Aanbevelingen')
    .items.select('Id', 'Title', 'AuditId', 'Prioriteit', 'AanbevelingStatus', 'Deadline', 'Eigenaar/Id', 'Eigenaar/EMail', 'Toelichting')
    .expand('Eigenaar')();
  return items.map(toRecommendation);
}

const row = (line: number, over: Partial<IRecommendationRow> = {}): IRecommendationRow => ({
  line, text: `Losse aanbeveling ${line}`, priority: 'M', owner: 'koen.wouters@stad.example', deadline: '2025-06-30', domain: '', ...over
});

describe('npm run import-recommendations against the local site', () => {
  it('a bad row among good ones (unknown owner, bad deadline, duplicate): nothing is written, each row named', async () => {
    const result = await importRecommendations(createSp(srv.siteUrl), auditId, [
      row(2),
      row(3, { owner: 'niemand@elders.example' }),
      row(4, { deadline: '2025-13-01' }),
      row(5, { text: 'Losse aanbeveling 2' })
    ]);
    expect(result.created).toBe(0);
    expect(result.errors.map((e) => e.message)).toEqual([
      expect.stringMatching(/^regel 3: eigenaar 'niemand@elders\.example' is geen gebruiker/),
      expect.stringMatching(/^regel 4: deadline '2025-13-01' is geen datum/),
      'regels 2 en 5: dezelfde aanbeveling staat ook op regel 2 / the same recommendation is also on row 2'
    ]);
    expect(recommendationItems()).toEqual([]);
  });

  it('refuses an audit id that does not exist', async () => {
    await expect(importRecommendations(createSp(srv.siteUrl), 9999, [row(2)])).rejects.toBeInstanceOf(UnknownAuditError);
  });

  it('imports the 17 H-recommendations of the 2022 audit informatiebeheer from a file; the execution rate reads 0 of 17; a second run adds nothing', async () => {
    const rows = await readRecommendationRows(FIXTURE);
    const result = await importRecommendations(createSp(srv.siteUrl), auditId, rows);
    expect(result).toMatchObject({ errors: [], created: 17, unchanged: 0, auditTitle: 'Audit informatiebeheer' });

    const recs = await readBack();
    expect(recs).toHaveLength(17);
    expect(recs.every((r) => r.auditId === auditId && r.status === 'Open' && r.priority === 'H')).toBe(true);
    // Owners are the tenant's users; dd/mm/yyyy became the same calendar day.
    const third = recs.filter((r) => r.title.startsWith('Aanbeveling informatiebeheer 3 '))[0];
    expect(third.owner?.email).toBe('ann.janssens@stad.example');
    expect(third.deadline?.slice(0, 10)).toBe('2024-04-04');
    const rate = executionRate(recs.filter((r) => r.auditId === auditId));
    expect(format(strings.ExecutionAll, rate.carriedOut, rate.total, percent(rate.rate))).toBe('0 van 17 aanbevelingen uitgevoerd (0%)');
    expect(format(strings.ExecutionHigh, rate.highCarriedOut, rate.highTotal, percent(rate.highRate))).toBe('H-aanbevelingen: 0 van 17 uitgevoerd (0%)');

    const before = recommendationItems();
    const again = await importRecommendations(createSp(srv.siteUrl), auditId, rows);
    expect(again).toMatchObject({ errors: [], created: 0, unchanged: 17 });
    expect(recommendationItems()).toEqual(before);
  });

  it('adds a tenant account that is not yet a user of the site (ensureUser) as owner', async () => {
    const result = await importRecommendations(createSp(srv.siteUrl), auditId, [row(2, { owner: 'jan.peeters@stad.example', text: 'Een nieuwe eigenaar' })]);
    expect(result).toMatchObject({ errors: [], created: 1 });
    const rec = (await readBack()).filter((r) => r.title === 'Een nieuwe eigenaar')[0];
    expect(rec.owner?.email).toBe('jan.peeters@stad.example');
  });
});

const ROOT = path.resolve(__dirname, '../..');

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/import-recommendations.ts'), ...args, '--site', srv.siteUrl], { cwd: ROOT, timeout: 60000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run import-recommendations (the command line)', () => {
  it('a second run of the same file adds nothing and says so; a bad owner is refused naming the row; --audit must be an id', async () => {
    const again = await cli(['--audit', String(auditId), '--file', FIXTURE]);
    expect(again).toMatchObject({ code: 0 });
    expect(again.stdout).toContain('Audit informatiebeheer: 0 aanbeveling(en) toegevoegd, 17 al aanwezig.');

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'recs-cli-'));
    const file = path.join(dir, 'fout.csv');
    fs.writeFileSync(file, 'aanbeveling;prioriteit;eigenaar;deadline\nNieuwe aanbeveling;H;Onbekende Persoon;2025-01-31\n', 'utf8');
    const before = recommendationItems();
    const bad = await cli(['--audit', String(auditId), '--file', file]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('1 fout(en); er werd niets geïmporteerd.');
    expect(bad.stderr).toContain("regel 2: eigenaar 'Onbekende Persoon' is geen gebruiker van de organisatie");
    expect(recommendationItems()).toEqual(before);

    const noId = await cli(['--audit', 'informatiebeheer', '--file', file]);
    expect(noId.code).toBe(1);
    expect(noId.stderr).toContain("--audit moet het id van de audit zijn (een getal), niet 'informatiebeheer'.");
    fs.rmSync(dir, { recursive: true, force: true });
  }, 120000);
});
