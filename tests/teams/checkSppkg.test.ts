/** @jest-environment node */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';

const ROOT = path.resolve(__dirname, '..', '..');
const CHECK = path.join(ROOT, 'scripts', 'check-sppkg.js');
const CARDS = 'ae9cbe34-f28a-4b0e-90d2-dcd9b5cbb046';
const SUMMARY = 'c2c52264-c35a-418c-8442-b64ec4bd49ba';
const AUDITS = '94d15802-53bf-46c1-97cd-adaa32507273';
const MATURITY = 'acbee088-7352-493c-8175-9844ee6d8539';
const ACE = 'd302f9c0-17ca-4baa-b704-7fc7d759a58b';
const ACE_BUNDLE = 'org-summary-adaptive-card-extension_0123abcd.js';

function componentXml(manifest: object): string {
  const attr = JSON.stringify(manifest).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return `<?xml version="1.0" encoding="utf-8"?><Elements><ClientSideComponent ComponentManifest="${attr}" /></Elements>`;
}

/** A package shaped like gulp package-solution's, with parts left out on request. */
async function sppkg(dir: string, name: string, omit: string[] = []): Promise<string> {
  const zip = new JSZip();
  zip.file('AppManifest.xml', '<App />');
  zip.file('f/WebPart_cards.xml', componentXml({ id: CARDS, alias: 'DomainCardsWebPart', componentType: 'WebPart', supportedHosts: ['SharePointWebPart', 'TeamsTab'] }));
  zip.file('f/WebPart_audits.xml', componentXml({ id: AUDITS, alias: 'AuditFollowUpWebPart', componentType: 'WebPart', supportedHosts: ['SharePointWebPart', 'TeamsTab', 'TeamsPersonalApp'] }));
  if (omit.indexOf('maturity') < 0) {
    zip.file('f/WebPart_maturity.xml', componentXml({ id: MATURITY, alias: 'MaturityWebPart', componentType: 'WebPart', supportedHosts: ['SharePointWebPart', 'TeamsTab'] }));
  }
  zip.file('f/WebPart_summary.xml', componentXml({ id: SUMMARY, alias: 'SummaryWebPart', componentType: 'WebPart', supportedHosts: ['SharePointWebPart'] }));
  if (omit.indexOf('ace') < 0) {
    zip.file(
      `f/AdaptiveCardExtension_${ACE}.xml`,
      componentXml({ id: ACE, alias: 'OrgSummaryAdaptiveCardExtension', componentType: 'AdaptiveCardExtension', loaderConfig: { scriptResources: { 'org-summary-adaptive-card-extension': { type: 'path', path: ACE_BUNDLE } } } })
    );
  }
  if (omit.indexOf('ace-bundle') < 0) zip.file(`ClientSideAssets/${ACE_BUNDLE}`, '// bundle');
  if (omit.indexOf('teams') < 0) zip.file('ClientSideAssets/TeamsSPFxApp.zip', 'zip');
  const file = path.join(dir, name);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
  return file;
}

function check(file: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [CHECK, file], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

describe('scripts/check-sppkg.js (the package an admin uploads)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-sppkg-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('fails when the Maturiteitsinschatting web part is missing', async () => {
    const r = check(await sppkg(dir, 'nomaturity.sppkg', ['maturity']));
    expect(r.status).toBe(1);
    expect(r.out).toContain('Maturiteitsinschatting web part missing');
  });

  it('passes a package with the four web parts, the Viva Connections card and its bundle, and the Teams app zip', async () => {
    const r = check(await sppkg(dir, 'ok.sppkg'));
    expect(r.out).toContain('OrgSummaryAdaptiveCardExtension');
    expect(r.status).toBe(0);
  });

  it('fails when TeamsSPFxApp.zip is missing', async () => {
    const r = check(await sppkg(dir, 'noteams.sppkg', ['teams']));
    expect(r.status).toBe(1);
    expect(r.out).toContain('TeamsSPFxApp.zip missing');
  });

  it('fails when the card or its bundle is missing', async () => {
    expect(check(await sppkg(dir, 'noace.sppkg', ['ace'])).out).toContain('Viva Connections card (OrgSummaryAdaptiveCardExtension) missing');
    const r = check(await sppkg(dir, 'nobundle.sppkg', ['ace-bundle']));
    expect(r.status).toBe(1);
    expect(r.out).toContain('Viva Connections card bundle missing');
  });
});
