import {
  actionsFromAudit,
  auditFilterOptions,
  auditsFeedingDomain,
  buildAuditAnnex,
  deadlineDate,
  deadlinesByDomain,
  deadlineState,
  executionRate,
  filterAudits,
  followUpChain,
  groupAuditsByYear,
  hasFindings,
  linkedActions,
  myItems,
  NOT_STATED_KEY,
  openRecommendationsAnsweredBy,
  pageOf,
  percent,
  recommendationsOf,
  risksFromAudit,
  statedOr
} from '../../src/model/audits';
import { buildReport } from '../../src/model/report';
import { IAction, IRecommendation, IReportData } from '../../src/model/types';
import { loadSeedData } from '../helpers/seedData';

const TODAY = new Date(2023, 4, 15); // 15 May 2023

function rec(id: number, auditId: number, priority: 'H' | 'M' | 'L', status: IRecommendation['status'], extra: Partial<IRecommendation> = {}): IRecommendation {
  return { id, title: `Aanbeveling ${id}`, auditId, priority, status, actions: [], ...extra };
}

function infoAudit(data: IReportData): number {
  return data.audits.filter((a) => a.key === 'audit-informatiebeheer-2022')[0].id;
}

describe('deadlines', () => {
  it('marks a deadline before today as overdue, within 30 days as due soon, later as later', () => {
    expect(deadlineState('2023-05-14', false, TODAY)).toBe('overdue');
    expect(deadlineState('2023-05-15', false, TODAY)).toBe('dueSoon');
    expect(deadlineState('2023-06-14', false, TODAY)).toBe('dueSoon');
    expect(deadlineState('2023-06-15', false, TODAY)).toBe('later');
  });

  it('never marks a done item or an item without (a valid) deadline', () => {
    expect(deadlineState('2020-01-01', true, TODAY)).toBe('none');
    expect(deadlineState(undefined, false, TODAY)).toBe('none');
    expect(deadlineState('not a date', false, TODAY)).toBe('none');
  });

  it('reads SharePoint date-only values (UTC instant of local midnight) as that local day', () => {
    const d = deadlineDate(new Date(2023, 2, 1).toISOString());
    expect(d && [d.getFullYear(), d.getMonth(), d.getDate()]).toEqual([2023, 2, 1]);
    const bare = deadlineDate('2023-03-01');
    expect(bare && [bare.getFullYear(), bare.getMonth(), bare.getDate()]).toEqual([2023, 2, 1]);
  });

  it('counts overdue and due-soon open items per domain; a realised action with a past deadline is not late', () => {
    const data = loadSeedData();
    const planned = data.actions.filter((a) => a.status === 'Gepland' && a.domainIds.length === 1)[0];
    const realised = data.actions.filter((a) => a.status === 'Gerealiseerd' && a.domainIds.length === 1)[0];
    planned.deadline = '2023-01-31';
    realised.deadline = '2022-01-31';
    const audit = data.audits.filter((a) => a.key === 'audit-informatiebeheer-2022')[0];
    data.recommendations = [rec(1, audit.id, 'H', 'Open', { deadline: '2023-06-01' }), rec(2, audit.id, 'H', 'Uitgevoerd', { deadline: '2023-01-01' })];
    const counts = deadlinesByDomain(data, TODAY);
    expect(counts[planned.domainIds[0]].overdue).toBe(1);
    for (const d of audit.domainIds) expect(counts[d].dueSoon).toBe(1);
    const totalOverdue = Object.keys(counts).reduce((n, k) => n + counts[Number(k)].overdue, 0);
    expect(totalOverdue).toBe(1);
  });
});

describe('niet vermeld', () => {
  it('shows missing values as the label, never blank or zero; a stated zero stays 0', () => {
    expect(statedOr(undefined, 'niet vermeld')).toBe('niet vermeld');
    expect(statedOr('  ', 'niet vermeld')).toBe('niet vermeld');
    expect(statedOr(0, 'niet vermeld')).toBe('0');
    expect(statedOr(2022, 'niet vermeld')).toBe('2022');
  });

  it('only the 2022 information management audit has figures: 10 / 19 / 17', () => {
    const data = loadSeedData();
    const withFigures = data.audits.filter(hasFindings);
    expect(withFigures.map((a) => a.title)).toEqual(['Audit informatiebeheer']);
    expect([withFigures[0].strengths, withFigures[0].improvements, withFigures[0].highRecommendations]).toEqual([10, 19, 17]);
  });
});

describe('execution rate', () => {
  it('is the share carried out, overall and for H only', () => {
    const r = executionRate([rec(1, 1, 'H', 'Uitgevoerd'), rec(2, 1, 'H', 'Open'), rec(3, 1, 'M', 'Uitgevoerd'), rec(4, 1, 'L', 'Niet uitgevoerd')]);
    expect(r).toEqual({ total: 4, carriedOut: 2, rate: 0.5, highTotal: 2, highCarriedOut: 1, highRate: 0.5 });
    expect(percent(2 / 3)).toBe(67);
  });

  it('has no rate (not 0%, no division by zero) for an audit without recommendations or without H', () => {
    expect(executionRate([])).toEqual({ total: 0, carriedOut: 0, rate: undefined, highTotal: 0, highCarriedOut: 0, highRate: undefined });
    expect(executionRate([rec(1, 1, 'M', 'Uitgevoerd')]).highRate).toBeUndefined();
  });

  it('handles 500 recommendations on one audit, listed H first and paged', () => {
    const data = loadSeedData();
    const id = infoAudit(data);
    data.recommendations = [];
    for (let i = 1; i <= 500; i++) data.recommendations.push(rec(i, id, i % 3 === 0 ? 'H' : 'M', i % 2 === 0 ? 'Uitgevoerd' : 'Open'));
    const list = recommendationsOf(data, id);
    expect(list).toHaveLength(500);
    expect(list[0].priority).toBe('H');
    expect(list[165].priority).toBe('H');
    expect(list[166].priority).toBe('M');
    const rate = executionRate(list);
    expect([rate.carriedOut, rate.total, rate.highTotal]).toEqual([250, 500, 166]);
    const last = pageOf(list, 99, 50);
    expect([last.page, last.pages, last.items.length]).toEqual([9, 10, 50]);
    expect(pageOf([], 0, 50)).toEqual({ items: [], page: 0, pages: 1 });
  });
});

describe('links between recommendations, actions, risks and audits', () => {
  it('keeps a link to a deleted action visible as missing instead of dropping it', () => {
    const data = loadSeedData();
    const r = rec(1, 1, 'H', 'Open', { actions: [{ id: data.actions[0].id, title: data.actions[0].title }, { id: 99999, title: 'Weg' }] });
    const linked = linkedActions(data, r);
    expect(linked.found.map((a) => a.id)).toEqual([data.actions[0].id]);
    expect(linked.missing).toEqual([{ id: 99999, title: 'Weg' }]);
  });

  it('finds the open recommendations an action answers (not the carried-out ones)', () => {
    const data = loadSeedData();
    const a = data.actions[3];
    data.recommendations = [
      rec(1, 1, 'M', 'Open', { actions: [{ id: a.id, title: a.title }] }),
      rec(2, 1, 'H', 'In uitvoering', { actions: [{ id: a.id, title: a.title }] }),
      rec(3, 1, 'H', 'Uitgevoerd', { actions: [{ id: a.id, title: a.title }] }),
      rec(4, 1, 'H', 'Open')
    ];
    expect(openRecommendationsAnsweredBy(data, a.id).map((r) => r.id)).toEqual([2, 1]);
  });

  it('lists the risks and actions that came from an audit (lookup or via its recommendations)', () => {
    const data = loadSeedData();
    const risk = data.risks.filter((r) => r.audit)[0];
    expect(risksFromAudit(data, risk.audit!.id).map((r) => r.id)).toContain(risk.id);
    const id = infoAudit(data);
    const viaLookup: IAction = data.actions[0];
    viaLookup.audit = { id, title: 'Audit informatiebeheer' };
    const viaRec = data.actions[1];
    data.recommendations = [rec(1, id, 'H', 'Open', { actions: [{ id: viaRec.id, title: viaRec.title }] })];
    expect(actionsFromAudit(data, id).map((a) => a.id)).toEqual([viaLookup.id, viaRec.id]);
  });

  it('lists per domain the audits that feed it', () => {
    const data = loadSeedData();
    const info = data.domains.filter((d) => d.key === 'betrouwbare-informatie')[0];
    const titles = auditsFeedingDomain(data, info.id).map((a) => a.title);
    expect(titles).toContain('Audit informatiebeheer');
    expect(titles).toContain('Zelfevaluatie monitoring');
    expect(titles).not.toContain('Keuring ATK (rapport)');
    // A risk's audit feeds the risk's domain even when the audit does not name it.
    const risk = data.risks.filter((r) => r.audit)[0];
    expect(auditsFeedingDomain(data, risk.domainId!).map((a) => a.id)).toContain(risk.audit!.id);
  });

  it('follows the chain of follow-up audits both ways, safe against cycles', () => {
    const data = loadSeedData();
    const base = data.audits.filter((a) => a.key === 'audit-burgerzaken')[0];
    const follow = data.audits.filter((a) => a.key === 'opvolgaudit-burgerzaken')[0];
    expect(followUpChain(data.audits, base).after.map((a) => a.id)).toEqual([follow.id]);
    expect(followUpChain(data.audits, follow).before.map((a) => a.id)).toEqual([base.id]);
    base.followUpOf = { id: follow.id, title: follow.title };
    const cyc = followUpChain(data.audits, follow);
    expect(cyc.before.map((a) => a.id)).toEqual([base.id]);
    expect(cyc.after).toEqual([]);
  });
});

describe('audit list: grouping and filters', () => {
  it('groups the 20 audits by year, newest first, those without a year last', () => {
    const data = loadSeedData();
    const groups = groupAuditsByYear(data.audits);
    expect(groups.map((g) => g.year)).toEqual([2023, 2022, 2021, undefined]);
    expect(groups.reduce((n, g) => n + g.audits.length, 0)).toBe(20);
    expect(groups[1].audits.map((a) => a.title)).toEqual(['Audit informatiebeheer']);
  });

  it('offers only values that occur, plus "niet vermeld", and filters on them', () => {
    const data = loadSeedData();
    const options = auditFilterOptions(data.audits);
    expect(options.years).toEqual(['2023', '2022', '2021', NOT_STATED_KEY]);
    expect(options.kinds).toEqual(['extern', 'intern', NOT_STATED_KEY]);
    expect(options.auditors).toContain('Audio');
    expect(filterAudits(data.audits, { kind: 'extern', year: '2022' }).map((a) => a.title)).toEqual(['Audit informatiebeheer']);
    expect(filterAudits(data.audits, { auditor: NOT_STATED_KEY }).every((a) => a.auditor === undefined)).toBe(true);
    expect(filterAudits(data.audits, { status: 'Gepland' })).toHaveLength(4);
  });
});

describe('Mijn acties', () => {
  it('lists the open actions and recommendations the user owns, late first, then by deadline', () => {
    const data = loadSeedData();
    const [a1, a2, a3] = data.actions.filter((a) => a.status === 'Gepland');
    const me = { id: 7, title: 'Ann Janssens' };
    a1.owner = me;
    a1.deadline = '2023-09-01';
    a2.owner = me;
    a2.deadline = '2023-04-01';
    a3.owner = { id: 8, title: 'Pieter De Smet' };
    const done = data.actions.filter((a) => a.status === 'Gerealiseerd')[0];
    done.owner = me;
    data.recommendations = [rec(1, 1, 'H', 'Open', { owner: me, deadline: '2023-06-01' }), rec(2, 1, 'H', 'Uitgevoerd', { owner: me })];
    const items = myItems(data, 7, TODAY);
    expect(items.map((i) => (i.kind === 'action' ? `a${i.action.id}:${i.state}` : `r${i.recommendation.id}:${i.state}`))).toEqual([
      `a${a2.id}:overdue`,
      'r1:dueSoon',
      `a${a1.id}:later`
    ]);
    expect(myItems(data, 8, TODAY)).toHaveLength(1);
    expect(myItems(data, undefined, TODAY)).toEqual([]);
  });
});

describe('report annex', () => {
  it('holds the audits of the report year and the year before with their execution rate', () => {
    const data = loadSeedData();
    const id = infoAudit(data);
    data.recommendations = [rec(1, id, 'H', 'Uitgevoerd'), rec(2, id, 'H', 'Open'), rec(3, id, 'M', 'Uitgevoerd')];
    const annex = buildAuditAnnex(data, 2022);
    expect(annex.map((e) => `${e.audit.year} ${e.audit.title}`)).toEqual(['2022 Audit informatiebeheer', '2021 Audit financiële processen (Audit Financiën)']);
    expect(annex[0]).toMatchObject({ recommendations: 3, carriedOut: 2, high: 2, highCarriedOut: 1, domains: ['Voorkomen van fraude en fouten', 'Betrouwbare informatie'] });
    expect(annex[1].recommendations).toBe(0);
    expect(buildReport(data, 2023).audits!.map((e) => e.audit.year)).toEqual([2023, 2023, 2023, 2023, 2022]);
  });
});
