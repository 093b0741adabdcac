import { escalations, isoWeek, monthOf, ownerDigests, planReminders } from '../../tools/model/reminders';
import { IProgressReport } from '../../src/model/progress';
import { IAction, IReportData } from '../../src/model/types';

const koen = { id: 10, title: 'Koen Wouters', email: 'koen.wouters@stad.example' };
const team = [{ id: 8, title: 'Pieter De Smet', email: 'pieter.desmet@stad.example' }];
const action = (id: number, deadline: string | undefined, over: Partial<IAction> = {}): IAction => ({
  id, title: `Actie ${id}`, subItems: [], status: 'Gepland', plannedYear: 2024, domainIds: [1], risks: [], owner: koen, deadline, ...over
});
const data = (actions: IAction[]): IReportData => ({ domains: [{ id: 1, title: 'D', order: 1, criteria: [], active: true }], risks: [], actions, audits: [], recommendations: [] });
const today = new Date(2024, 2, 13);
const input = (actions: IAction[], reports: IProgressReport[] = []): Parameters<typeof planReminders>[0] => ({ data: data(actions), reports, today, siteUrl: 'https://t.sharepoint.com/sites/ob', controlTeam: team });

describe('periods', () => {
  it('names ISO weeks and months', () => {
    expect(isoWeek(new Date(2024, 2, 13))).toBe('2024-W11');
    expect(isoWeek(new Date(2021, 0, 3))).toBe('2020-W53');
    expect(isoWeek(new Date(2024, 11, 30))).toBe('2025-W01');
    expect(monthOf(new Date(2024, 2, 13))).toBe('2024-03');
  });
});

describe('owner digests', () => {
  it('one digest per owner with overdue or soon-due items, none for later or done items', () => {
    const msgs = ownerDigests(input([action(1, '2024-03-01'), action(2, '2024-04-01'), action(3, '2024-12-01'), action(4, '2024-01-01', { status: 'Gerealiseerd' })]));
    expect(msgs).toHaveLength(1);
    expect(msgs[0].key).toBe('overzicht|2024-W11|koen.wouters@stad.example');
    expect(msgs[0].subject).toBe('Organisatiebeheersing: uw acties (1 te laat, 1 binnenkort)');
    expect(msgs[0].body).toContain('https://t.sharepoint.com/sites/ob/Lists/Acties/DispForm.aspx?ID=1');
    expect(msgs[0].body).not.toContain('Actie 3');
    expect(ownerDigests(input([action(3, '2024-12-01')]))).toEqual([]);
  });

  it('tells an owner about a refusal only while it is the latest report on the item, and escapes its text', () => {
    const refused: IProgressReport = { id: 1, target: { kind: 'action', id: 3 }, state: 'uitgevoerd', outcome: 'geweigerd', reason: 'Geen <bewijs>', authorId: 10, editorId: 8, created: '2024-03-01' };
    const later: IProgressReport = { ...refused, id: 2, outcome: 'in afwachting', editorId: 10, created: '2024-03-05' };
    const one = ownerDigests(input([action(3, '2024-12-01')], [refused]));
    expect(one[0].subject).toBe('Organisatiebeheersing: uw acties (1 geweigerd)');
    expect(one[0].body).toContain('Geen &lt;bewijs&gt;');
    expect(ownerDigests(input([action(3, '2024-12-01')], [refused, later]))).toEqual([]);
  });
});

describe('escalation', () => {
  it('escalates only items overdue more than N days, to each control team member', () => {
    const acts = [action(1, '2024-02-12'), action(2, '2024-02-11')]; // 30 and 31 days overdue
    const msgs = escalations(input(acts));
    expect(msgs.map((m) => m.to.email)).toEqual(['pieter.desmet@stad.example']);
    expect(msgs[0].body).toContain('Actie 2');
    expect(msgs[0].body).not.toContain('Actie 1<');
    expect(escalations({ ...input(acts), escalationDays: 60 })).toEqual([]);
  });

  it('no summary without a director; with one, once per month', () => {
    expect(planReminders(input([])).filter((m) => m.kind === 'maandoverzicht')).toEqual([]);
    const withDirector = planReminders({ ...input([]), director: { id: 7, title: 'Ann', email: 'ann@x' } }).filter((m) => m.kind === 'maandoverzicht');
    expect(withDirector.map((m) => m.key)).toEqual(['maandoverzicht|2024-03|ann@x']);
  });
});
