// Checks that the .sppkg an admin uploads holds the web parts (the cards, audits and maturity ones as Teams tabs),
// the Viva Connections card (Adaptive Card Extension) with its bundle, and the Teams app
// package (TeamsSPFxApp.zip, used by "Sync to Teams" and `npm run deploy -- --teams`).
const fs = require('fs');
const JSZip = require('jszip');

async function main() {
  const file = process.argv[2];
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const names = Object.keys(zip.files);
  const manifests = [];
  for (const n of names.filter((x) => /\.xml$/i.test(x))) {
    const xml = await zip.files[n].async('string');
    const m = /ComponentManifest="([^"]+)"/.exec(xml);
    if (m) manifests.push(JSON.parse(m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')));
  }
  const byId = {};
  for (const m of manifests) byId[m.id] = m;
  const cards = byId['ae9cbe34-f28a-4b0e-90d2-dcd9b5cbb046'];
  const summary = byId['c2c52264-c35a-418c-8442-b64ec4bd49ba'];
  const audits = byId['94d15802-53bf-46c1-97cd-adaa32507273'];
  const maturity = byId['acbee088-7352-493c-8175-9844ee6d8539'];
  const ace = byId['d302f9c0-17ca-4baa-b704-7fc7d759a58b'];
  const problems = [];
  if (!cards) problems.push('Domeinkaarten web part missing');
  if (!summary) problems.push('Summary web part missing');
  if (cards && (cards.supportedHosts || []).indexOf('TeamsTab') < 0) problems.push('Domeinkaarten lacks the TeamsTab host');
  if (!audits) problems.push('Auditopvolging web part missing');
  for (const host of ['TeamsTab', 'TeamsPersonalApp']) {
    if (audits && (audits.supportedHosts || []).indexOf(host) < 0) problems.push(`Auditopvolging lacks the ${host} host`);
  }
  if (!maturity) problems.push('Maturiteitsinschatting web part missing');
  for (const host of ['SharePointWebPart', 'TeamsTab']) {
    if (maturity && (maturity.supportedHosts || []).indexOf(host) < 0) problems.push(`Maturiteitsinschatting lacks the ${host} host`);
  }
  if (!ace) problems.push('Viva Connections card (OrgSummaryAdaptiveCardExtension) missing');
  if (ace && ace.componentType !== 'AdaptiveCardExtension') problems.push(`Viva Connections card has componentType ${ace.componentType}`);
  if (ace) {
    const files = ((ace.loaderConfig || {}).scriptResources || {});
    const bundle = Object.keys(files).filter((k) => /org-summary-adaptive-card-extension/i.test(k))[0];
    const path = bundle && files[bundle].path;
    if (!path || !names.some((n) => n.endsWith('/' + path) || n === path)) problems.push('Viva Connections card bundle missing from the package');
  }
  const teams = names.filter((n) => /TeamsSPFxApp\.zip$|_(color|outline)\.png$|manifest\.json$/i.test(n));
  if (!names.some((n) => /(^|\/)TeamsSPFxApp\.zip$/i.test(n))) problems.push('TeamsSPFxApp.zip missing (run scripts/teams-package.ts before gulp package-solution)');
  console.log(`${file}: ${fs.statSync(file).size} bytes, ${names.length} entries, components: ${manifests.map((m) => m.alias).join(', ')}; Teams files: ${teams.join(', ') || 'none'}`);
  if (problems.length) {
    console.error('Package check failed: ' + problems.join('; '));
    process.exit(1);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
