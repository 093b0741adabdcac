import { buildFigures, myFigures } from '../../src/model/figures';
import { needsAttention } from '../../src/model/audits';
import { loadSeedData } from '../helpers/seedData';

const TODAY = new Date(2023, 4, 15);

describe("the signed-in user's own items and the open recommendations (src/model/figures)", () => {
  it('the reminder rule: overdue or due within 30 days needs attention, later or no deadline not', () => {
    expect(['overdue', 'dueSoon', 'later', 'none'].map((s) => needsAttention(s as 'overdue'))).toEqual([true, true, false, false]);
  });

  it("myFigures counts only the user's own open items that need attention, overdue first", () => {
    const data = loadSeedData();
    const [a, b, c, d] = data.actions.filter((x) => x.status === 'Gepland');
    Object.assign(a, { owner: { id: 9, title: '' }, deadline: '2023-06-01' });
    Object.assign(b, { owner: { id: 9, title: '' }, deadline: '2023-05-01' });
    Object.assign(c, { owner: { id: 9, title: '' }, deadline: '2023-09-01' });
    Object.assign(d, { owner: { id: 10, title: '' }, deadline: '2023-05-01' });
    const mine = myFigures(data, 9, TODAY);
    expect([mine.overdue, mine.dueSoon]).toEqual([1, 1]);
    expect(mine.items.map((i) => (i.kind === 'action' ? i.action.id : 0))).toEqual([b.id, a.id]);
    expect(myFigures(data, undefined, TODAY).items).toEqual([]);
  });

  it('the total of open recommendations counts every open one once, also of an audit without a domain', () => {
    const data = loadSeedData();
    const withDomain = data.audits.filter((x) => x.domainIds.length > 0)[0];
    const lone = data.audits.filter((x) => x.id !== withDomain.id)[0];
    lone.domainIds = [];
    data.recommendations = [
      { id: 1, title: 'a', auditId: withDomain.id, priority: 'H', status: 'Open', actions: [] },
      { id: 2, title: 'b', auditId: lone.id, priority: 'H', status: 'In uitvoering', actions: [] },
      { id: 3, title: 'c', auditId: lone.id, priority: 'M', status: 'Uitgevoerd', actions: [] },
      { id: 4, title: 'd', auditId: withDomain.id, priority: 'L', status: 'Niet uitgevoerd', actions: [] }
    ];
    const f = buildFigures(data, 2022, TODAY);
    expect(f.totals.openRecommendations).toBe(2);
    expect(f.mentions.openRecommendations).toBe(withDomain.domainIds.filter((id) => f.domains.some((d) => d.domainId === id)).length);
  });
});
