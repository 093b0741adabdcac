import { auditsSheets, cardsSheets, dateCell, exportFileName, IAuditsExportLabels, ICardsExportLabels } from '../../src/export/tables';
import { IAction, IAudit, IDomain, IDomainReport, IReportData } from '../../src/model/types';

const CARD_LABELS: ICardsExportLabels = {
  risksSheet: 'R', actionsSheet: 'A', domain: 'Domein', domains: 'Domeinen', risk: 'Risico', action: 'Actie', priority: 'Prioriteit', status: 'Status', source: 'Bron',
  audit: 'Audit', yearIdentified: 'Jaar vastgesteld', yearClosed: 'Jaar afgesloten', part: 'Onderdeel', realisations: 'Realisaties', planning: 'Planning',
  plannedYear: 'Jaar gepland', realisedYear: 'Jaar gerealiseerd', owner: 'Eigenaar', deadline: 'Deadline', statusText: (s) => `<${s}>`
};
const d1: IDomain = { id: 1, title: 'Een', order: 2, criteria: [], active: true };
const d2: IDomain = { id: 2, title: 'Twee', order: 1, criteria: [], active: true };
const action = (id: number, extra: Partial<IAction> = {}): IAction => ({ id, title: `Actie ${id}`, subItems: [], status: 'Gepland', domainIds: [1], risks: [], ...extra });
const report = (domain: IDomain, extra: Partial<IDomainReport>): IDomainReport => ({ domain, risks: [], realisationsNew: [], realisationsOlder: [], planningNew: [], planningOlder: [], ...extra });

describe('Excel export: the cards tables', () => {
  it('lists each action once with all its domains (in domain order), its part, years, owner and deadline as a date', () => {
    const shared = action(5, { domainIds: [1, 2], status: 'Gerealiseerd', realisedYear: 2022, plannedYear: 2021, owner: { id: 7, title: 'Ann' }, deadline: '2022-03-31T22:00:00Z' });
    const sheets = cardsSheets(
      [report(d1, { realisationsNew: [shared], risks: [{ id: 9, title: 'Risico', priority: 'Hoog', status: 'Open', source: 'Audio', yearIdentified: 2021 }] }), report(d2, { realisationsNew: [shared], planningOlder: [action(6, { detail: 'count', title: '' })] })],
      [d1, d2],
      CARD_LABELS,
      { 6: action(6, { title: 'Later gelezen' }) }
    );
    expect(sheets[0].rows).toEqual([['Een', 'Risico', 'Hoog', '<Open>', 'Audio', undefined, 2021, undefined]]);
    expect(sheets[1].rows).toEqual([
      ['Actie 5', 'Twee; Een', 'Realisaties', '<Gerealiseerd>', 2021, 2022, 'Ann', dateCell('2022-03-31T22:00:00Z')],
      ['Later gelezen', 'Een', 'Planning', '<Gepland>', undefined, undefined, undefined, undefined]
    ]);
  });

  it('adds the risk assessment: scores as entered, the score on the site scale, treatment, owner, review date and the marks', () => {
    const labels: ICardsExportLabels = {
      ...CARD_LABELS,
      assessment: {
        likelihood: 'Kans', impact: 'Impact', score: 'Score', residualLikelihood: 'Restkans', residualImpact: 'Restimpact', residualScore: 'Restscore',
        treatment: 'Behandeling', owner: 'Risico-eigenaar', reviewDate: 'Herzieningsdatum', marks: 'Aandachtspunten',
        treatmentText: (t) => t && t.toUpperCase(),
        marksText: (m) => [m.aboveAppetiteUntreated ? 'boven' : '', m.residualAboveInherent ? 'rest hoger' : ''].filter((x) => x)
      }
    };
    const scored = { id: 1, title: 'Gescoord', priority: 'Hoog' as const, status: 'Open' as const, likelihood: 4, impact: 4, residualLikelihood: 5, residualImpact: 4, treatment: 'verminderen' as const, owner: { id: 3, title: 'Pieter' }, reviewDate: '2023-03-01' };
    const old = { id: 2, title: 'Oud', priority: 'Hoog' as const, status: 'Open' as const };
    const sheets = cardsSheets([report(d1, { risks: [scored, old] })], [d1], labels, {}, { actions: [], riskSettings: { appetite: 12 } });
    expect(sheets[0].columns.map((c) => c.header).slice(8)).toEqual(['Kans', 'Impact', 'Score', 'Restkans', 'Restimpact', 'Restscore', 'Behandeling', 'Risico-eigenaar', 'Herzieningsdatum', 'Aandachtspunten']);
    expect(sheets[0].rows[0].slice(8)).toEqual([4, 4, 16, 5, 4, 20, 'VERMINDEREN', 'Pieter', { date: '2023-03-01' }, 'boven; rest hoger']);
    // The 2022 risks: no invented score, every assessment cell empty.
    expect(sheets[0].rows[1].slice(8)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(sheets[0].columns.length).toBe(sheets[0].rows[0].length);
  });

  it('a deadline is the calendar day the cards show; the file is named with today', () => {
    expect(dateCell('2024-04-04')).toEqual({ date: '2024-04-04' });
    expect(dateCell(undefined)).toBeUndefined();
    expect(exportFileName('domeinkaarten-2022', new Date(2023, 0, 5))).toBe('domeinkaarten-2022-2023-01-05.xlsx');
  });
});

describe('Excel export: the audits tables', () => {
  const labels = new Proxy({} as IAuditsExportLabels, {
    get: (_t, k: string) =>
      k === 'statusText' || k === 'kindText' ? (s: string | undefined) => s || 'niet vermeld' : k === 'deadlineStateText' ? (s: string) => (s === 'overdue' ? 'te laat' : '') : k === 'notStated' ? 'niet vermeld' : k
  });
  it('says "niet vermeld" for what the source does not state, never blank or 0; the rate only with recommendations', () => {
    const audits: IAudit[] = [
      { id: 1, title: 'Zonder cijfers', status: 'Afgerond', domainIds: [] },
      { id: 2, title: 'Met cijfers', status: 'Afgerond', domainIds: [], year: 2022, strengths: 0, improvements: 3, highRecommendations: 1, auditor: 'Audio', kind: 'extern', type: 'audit' }
    ];
    const data = { domains: [], risks: [], actions: [], audits, recommendations: [{ id: 4, title: 'Doen', auditId: 2, priority: 'H', status: 'Open', actions: [{ id: 3, title: 'Actie' }], deadline: '2023-01-31' }] } as IReportData;
    const [a, r] = auditsSheets(audits, data, labels, new Date(2023, 4, 15));
    expect(a.rows).toEqual([
      ['Zonder cijfers', 'niet vermeld', 'niet vermeld', 'niet vermeld', 'niet vermeld', 'Afgerond', 'niet vermeld', 'niet vermeld', 'niet vermeld', undefined, 0, undefined],
      ['Met cijfers', 2022, 'Audio', 'extern', 'audit', 'Afgerond', 0, 3, 1, 0, 1, 0]
    ]);
    expect(r.rows).toEqual([['Met cijfers', 'Doen', 'H', 'Open', undefined, { date: '2023-01-31' }, 'te laat', 'Actie']]);
  });
});
