/**
 * npm start: the local SharePoint-compatible site with the 2022 data and the workbench.
 * On first start it provisions the lists with the real ensureSchema and imports
 * ../shared/data over HTTP, exactly as against a tenant (no back door).
 */
import * as fs from 'fs';
import * as path from 'path';
import { createLocalServer, ILocalStoreAccess, optionsFromEnv } from './server/index';
import { DATA_SITE_PROPERTY_KEY } from '../src/data/dataSite';
import { buildWorkbench, IBundle } from './workbench/build';
import { workbenchRoutes } from './workbench/routes';
import { spfxHostRoutes } from './spfx-host/routes';
import { buildHostModules } from './spfx-host/build';
import { createSp } from '../tools/data/node';
import { ensureSchema } from '../src/data/ensureSchema';
import { CONTROL_TEAM_GROUP, ensurePermissions } from '../src/data/permissions';
import '@pnp/sp/site-groups/web';
import { importReportData } from '../tools/data/importData';
import { importMaturity, LOCAL_DEMO_ROUND } from '../tools/data/importMaturity';
import { FACILITATOR_GROUP } from '../src/data/maturityAccess';
import { convertSeed, ISeedAudits, ISeedReport } from '../tools/model/seed';
import { SETTING_REPORT_YEAR } from '../src/model/settings';
import { writeSetting } from '../src/data/settings';
import { addExampleOwners } from './exampleOwners';

const SHARED_DATA = path.resolve(__dirname, '../../shared/data');
const SEED_MARKER = 'seed-imported.json';
const MATURITY_MARKER = 'maturity-imported.json';


/** The leidraad's themes and the 2023 round of the seed, once per data folder (also on sites seeded before it existed). */
async function seedMaturityIfNew(siteUrl: string, dataDir: string, log: (l: string) => void): Promise<void> {
  const marker = path.join(dataDir, MATURITY_MARKER);
  if (fs.existsSync(marker)) return;
  await importMaturity(createSp(siteUrl), { demoRound: LOCAL_DEMO_ROUND }, (l) => log(`Import: ${l}`));
  fs.writeFileSync(marker, JSON.stringify({ importedAt: new Date().toISOString(), source: 'leidraad + seed 000 (planning 2023)' }) + '\n');
}
/** The local control team (dev/server/directory.ts): Ann, Pieter and Sofie. */
const LOCAL_CONTROL_TEAM = ['i:0#.f|membership|ann.janssens@stad.example', 'i:0#.f|membership|pieter.desmet@stad.example', 'i:0#.f|membership|sofie.maes@stad.example'];

/**
 * Records the local site as the tenant's data site (the tenant property `npm run deploy`
 * sets in a real tenant), so the Teams personal app page, which opens on the tenant root,
 * finds the lists the same way. The URL follows the port, so it is set on every start.
 */
export async function recordDataSite(server: { siteUrl: string; store: ILocalStoreAccess }): Promise<void> {
  await server.store.setStorageEntity(DATA_SITE_PROPERTY_KEY, server.siteUrl, 'Organisatiebeheersing: gegevenssite (lokaal)');
}

/** `exampleOwners: false` keeps the 2022 data as imported (browser tests that count deadlines themselves). */
export async function seedIfNew(siteUrl: string, dataDir: string, log: (l: string) => void, options: { exampleOwners?: boolean } = {}): Promise<void> {
  const sp = createSp(siteUrl);
  const schema = await ensureSchema(sp);
  if (schema.changes.length) log(`Lijsten ingericht: ${schema.changes.length} wijzigingen (schemaversie ${schema.schemaVersion}).`);
  // The permission model through the product's own code, as "Lijsten controleren" and npm run provision do.
  const permissions = await ensurePermissions(sp, {}, log);
  const groups: Array<{ Id: number; Title: string }> = permissions.some((c) => c.kind === 'group') ? await sp.web.siteGroups.select('Id', 'Title')() : [];
  const created = (title: string): { Id: number } | undefined =>
    permissions.some((c) => c.kind === 'group' && c.name === title) ? groups.filter((g) => g.Title === title)[0] : undefined;
  // A new group is empty: put the local people in it, as an admin would (README, Permission model).
  const team = created(CONTROL_TEAM_GROUP);
  if (team) {
    for (const login of LOCAL_CONTROL_TEAM) await sp.web.siteGroups.getById(team.Id).users.add(login);
    log(`Controleteam in ${CONTROL_TEAM_GROUP}: ann, pieter, sofie.`);
  }
  const facilitators = created(FACILITATOR_GROUP);
  if (facilitators) {
    await sp.web.siteGroups.getById(facilitators.Id).users.add(LOCAL_DEMO_ROUND.facilitator);
    log(`Facilitator van de maturiteitsinschatting in ${FACILITATOR_GROUP}: pieter.`);
  }
  await seedMaturityIfNew(siteUrl, dataDir, log);
  const marker = path.join(dataDir, SEED_MARKER);
  if (fs.existsSync(marker)) return;
  const reportFile = path.join(SHARED_DATA, 'voortgangsrapport-2022.json');
  if (!fs.existsSync(reportFile)) {
    log(`Geen standaardgegevens gevonden in ${SHARED_DATA}; de lijsten blijven leeg.`);
    return;
  }
  const report = JSON.parse(fs.readFileSync(reportFile, 'utf8')) as ISeedReport;
  const auditsFile = path.join(SHARED_DATA, 'audits-2022.json');
  const audits = fs.existsSync(auditsFile) ? (JSON.parse(fs.readFileSync(auditsFile, 'utf8')) as ISeedAudits) : undefined;
  await importReportData(sp, convertSeed(report, audits), (l) => log(`Import 2022: ${l}`));
  // The control team's decision, as "Start rapportjaar" records it: the seed is the report on 2022.
  await writeSetting(sp, SETTING_REPORT_YEAR, String(report.reportYear));
  log(`Rapportjaar ingesteld op ${report.reportYear} (lijst Instellingen).`);
  // Example owners and deadlines (the real report has none): only here, never in npm run import.
  if (options.exampleOwners !== false) {
    const owned = await addExampleOwners(sp);
    log(`Voorbeeldgegevens: ${owned} acties van de planning 2023 kregen een eigenaar (koen, lees, sofie) en een deadline.`);
  }
  fs.writeFileSync(marker, JSON.stringify({ importedAt: new Date().toISOString(), source: 'voortgangsrapport-2022.json' }) + '\n');
}

async function main(): Promise<void> {
  const env = optionsFromEnv(process.env);
  const dataDir = path.resolve(env.dataDir || '.local-sp');
  fs.mkdirSync(dataDir, { recursive: true });
  let bundles: Record<string, IBundle> = {};
  const started = Date.now();
  bundles = await buildWorkbench(false);
  let server: Awaited<ReturnType<typeof createLocalServer>>;
  try {
    // No control team group from the server: seedIfNew creates it through src/data/permissions.ts.
    const workbench = workbenchRoutes(() => bundles);
    // The built package's pages (SitePages/*.aspx) first: the workbench answers the site's other .aspx URLs (list forms).
    const shipped = spfxHostRoutes();
    // Their page modules (shims, page application) build in the background: the first page need not wait for them.
    buildHostModules().catch((e: Error) => console.error(`SPFx-pagina's / SPFx pages: ${e.message}`));
    server = await createLocalServer({ ...env, dataDir, controlTeamGroup: false, extraRoutes: async (req, res, url) => (await shipped(req, res, url)) || workbench(req, res, url) });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') {
      console.error(`Poort ${env.port} is al in gebruik. Stop het andere proces of kies een andere poort: PORT=4322 npm start\nPort ${env.port} is in use; set PORT to use another.`);
      process.exit(1);
    }
    if (err.code === 'ELOCKED') {
      console.error(err.message);
      process.exit(1);
    }
    throw e;
  }
  try {
    await seedIfNew(server.siteUrl, dataDir, (l) => console.log(l));
    await recordDataSite(server);
  } catch (e) {
    console.error(`Inrichten of importeren mislukt / Provisioning or import failed: ${(e as Error).message}`);
    if (env.user === 'reader') console.error('Tip: start eerst één keer zonder LOCAL_SP_USER=reader, zodat de lijsten aangemaakt kunnen worden.');
  }
  const u = server.url;
  console.log(`
Organisatiebeheersing – lokale site klaar in ${((Date.now() - started) / 1000).toFixed(1)} s (gegevens: ${path.relative(process.cwd(), dataDir) || dataDir})
  Overzicht           ${u}/
  Domeinkaarten       ${u}/workbench/domain-cards
  Teams-tabblad       ${u}/teams/domain-cards?theme=default   (dark | contrast)
  Startpaginawidget   ${u}/workbench/summary
  Auditopvolging      ${u}/workbench/audits   (Teams: ${u}/teams/audits)
  Persoonlijke app    ${u}/teams/personal   (vindt de gegevenssite via de tenant-eigenschap)
  Viva-kaart          ${u}/workbench/card
  Maturiteit          ${u}/workbench/maturity   (Teams: ${u}/teams/maturity)
  Gebouwd pakket      ${server.siteUrl}/SitePages/Domeinkaarten.aspx   (na npm run build; ook Startpagina, Auditopvolging, Maturiteit, Dashboard)
  Lijsten             ${server.siteUrl}/Lists/Acties/AllItems.aspx
  REST API            ${server.siteUrl}/_api/web/lists/getByTitle('Risicos')/items
Stoppen: Ctrl+C`);
  const stop = (): void => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
