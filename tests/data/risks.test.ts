/** @jest-environment ./tests/dev/environment.js */
import '@pnp/sp/items';
import '@pnp/sp/site-users/web';
import { ensureSchema } from '../../src/data/ensureSchema';
import { writeSetting } from '../../src/data/settings';
import { heatMaps, riskMarks, riskScale } from '../../src/model/risks';
import { buildReport } from '../../src/model/report';
import { riskMatrixSection } from '../../src/report/content';
import { createNodeRepository, createSp } from '../../tools/data/node';
import { ITestServer, startTestServer } from '../helpers/localServer';

let srv: ITestServer;
const RISKS = '/sites/organisatiebeheersing/Lists/Risicos';
const ACTIONS = '/sites/organisatiebeheersing/Lists/Acties';

beforeAll(async () => {
  srv = await startTestServer();
  await ensureSchema(createSp(srv.siteUrl));
});

afterAll(() => srv.stop());

async function domainId(): Promise<number> {
  const sp = createSp(srv.siteUrl, undefined, 'ann');
  const d = await sp.web.getList('/sites/organisatiebeheersing/Lists/Domeinen').items.add({ Title: 'Betrouwbare informatie', Volgorde: 1, Actief: true });
  return d.Id as number;
}

describe("risk assessment through PnPjs against the local server", () => {
  it('a control-team member scores a risk and links an action: the cards read the scores, the appetite and the link both ways', async () => {
    const dom = await domainId();
    const pieter = createSp(srv.siteUrl, undefined, 'pieter');
    const risk = await pieter.web.getList(RISKS).items.add({ Title: 'Datalek', DomeinId: dom, Prioriteit: 'Hoog', RisicoStatus: 'Open', JaarVastgesteld: 2022 });
    const old = await pieter.web.getList(RISKS).items.add({ Title: 'Niet gescoord', DomeinId: dom, Prioriteit: 'Hoog', RisicoStatus: 'Open', JaarVastgesteld: 2022 });
    const me = (await pieter.web.currentUser.select('Id')()).Id as number;
    // The list form writes the assessment as an update of the item.
    await pieter.web.getList(RISKS).items.getById(risk.Id).update({ Kans: 4, Impact: 5, RestKans: 2, RestImpact: 3, Behandeling: 'verminderen', RisicoEigenaarId: me, Herzieningsdatum: '2023-03-01T00:00:00Z' });
    const act = await pieter.web.getList(ACTIONS).items.add({ Title: 'DLP invoeren', DomeinenId: [dom], ActieStatus: 'Lopend', JaarGepland: 2023, RisicosId: [risk.Id] });
    const ann = createSp(srv.siteUrl, undefined, 'ann');
    await writeSetting(ann, 'Risicobereidheid', '8');

    const view = await createNodeRepository(srv.siteUrl, undefined, 'lees').loadYearView({ year: 2022 });
    const data = view.data;
    const r = data.risks.filter((x) => x.id === risk.Id)[0];
    expect(r).toMatchObject({ likelihood: 4, impact: 5, residualLikelihood: 2, residualImpact: 3, treatment: 'verminderen' });
    expect(r.owner).toMatchObject({ id: me, title: 'Pieter De Smet' });
    expect(data.risks.filter((x) => x.id === old.Id)[0].likelihood).toBeUndefined();
    expect(data.riskSettings).toEqual({ appetite: 8 });
    // Action -> risk (its lookup) and risk -> action (the count rows carry the ids).
    const a = data.actions.filter((x) => x.id === act.Id)[0];
    expect(a.risks.map((x) => x.id)).toEqual([risk.Id]);
    const scale = riskScale(data.riskSettings);
    // Residual 6 is within the appetite 8; without the action and with only the inherent 20 it would be marked.
    expect(riskMarks(r, data.actions, scale, 8).aboveAppetiteUntreated).toBe(false);
    expect(riskMarks({ ...r, residualLikelihood: undefined, residualImpact: undefined }, [], scale, 8).aboveAppetiteUntreated).toBe(true);

    const report = buildReport(data, 2022);
    const maps = heatMaps(report.domains, data.riskSettings);
    expect(maps.overall.inherent.rows[1][4].risks.map((x) => x.id)).toEqual([risk.Id]);
    expect(maps.overall.inherent.unscored.map((x) => x.id)).toContain(old.Id);
    const section = riskMatrixSection(report);
    expect(section && section.matrices.map((m) => m.title)).toEqual([
      'Alle domeinen: inherent', 'Alle domeinen: residueel (na maatregelen)', 'Betrouwbare informatie: inherent', 'Betrouwbare informatie: residueel (na maatregelen)'
    ]);
  });

  it('[V-01] refuses an accepted risk without a reason (list validation formula): 500, nothing written', async () => {
    const dom = await domainId();
    const pieter = createSp(srv.siteUrl, undefined, 'pieter');
    const me = (await pieter.web.currentUser.select('Id')()).Id as number;
    const list = pieter.web.getList(RISKS);
    const before = (await list.items.select('Id').top(500)()).length;
    await expect(list.items.add({ Title: 'Aanvaard', DomeinId: dom, Behandeling: 'aanvaarden' })).rejects.toMatchObject({ status: 500 });
    expect((await list.items.select('Id').top(500)()).length).toBe(before);
    const ok = await list.items.add({ Title: 'Aanvaard', DomeinId: dom, Behandeling: 'aanvaarden', RedenAanvaarding: 'Kost weegt niet op tegen de impact', AanvaardDoorId: me });
    expect(ok.Id).toBeGreaterThan(0);
  });

  it('[V-03] a likelihood outside the columns\' Min/Max is not refused through REST (as in SharePoint Online); the app marks it', async () => {
    const dom = await domainId();
    const list = createSp(srv.siteUrl, undefined, 'pieter').web.getList(RISKS);
    const added = await list.items.add({ Title: 'Buiten schaal', DomeinId: dom, Kans: 12, Impact: 3 });
    const data = await createNodeRepository(srv.siteUrl, undefined, 'lees').loadReportData();
    const r = data.risks.filter((x) => x.id === added.Id)[0];
    expect(r.likelihood).toBe(12);
    expect(riskMarks(r, [], riskScale(undefined), undefined).outOfScale).toBe(true);
  });
});
