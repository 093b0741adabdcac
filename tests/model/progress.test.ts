import {
  actionChangesFor, IProgressReport, isSafeEvidenceUrl, pendingReports, recommendationChangesFor, refusalsFor, reviewOf, validateProgress, validateRefusal
} from '../../src/model/progress';
import { IAction, IRecommendation } from '../../src/model/types';

const action = (over: Partial<IAction> = {}): IAction => ({ id: 1, title: 'A', subItems: [], status: 'Gepland', plannedYear: 2023, domainIds: [1], risks: [], owner: { id: 10, title: 'Koen' }, ...over });
const rec = (over: Partial<IRecommendation> = {}): IRecommendation => ({ id: 2, title: 'R', priority: 'H', status: 'Open', actions: [], owner: { id: 11, title: 'Lies' }, ...over });
const report = (over: Partial<IProgressReport> = {}): IProgressReport => ({ id: 5, target: { kind: 'action', id: 1 }, state: 'uitgevoerd', outcome: 'in afwachting', authorId: 10, editorId: 10, ...over });

describe('evidence links', () => {
  it('accepts https and paths on the tenant, refuses anything else', () => {
    expect(isSafeEvidenceUrl('https://stad.sharepoint.com/sites/ict/Gedeelde documenten/x.pdf'.replace(' ', '%20'))).toBe(true);
    expect(isSafeEvidenceUrl('/sites/ict/Shared%20Documents/x.pdf')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'http://example.com', '//evil.example/x', 'data:text/html,x', 'sites/x', 'https://', ' ', 'https://a b']) {
      expect(isSafeEvidenceUrl(bad)).toBe(false);
    }
  });
});

describe('validateProgress', () => {
  it('only the owner reports, on an item that is not done, with a comment', () => {
    const input = { target: { kind: 'action' as const, id: 1 }, state: 'op schema' as const, comment: 'ok' };
    expect(validateProgress(input, action(), 10)).toEqual([]);
    expect(validateProgress(input, action(), 11)).toEqual(['notOwner']);
    expect(validateProgress(input, action({ status: 'Gerealiseerd' }), 10)).toEqual(['done']);
    expect(validateProgress({ ...input, comment: ' ' }, action(), 10)).toEqual(['comment']);
  });

  it('refuses a proposed deadline before the planned year and an unsafe evidence link', () => {
    const input = { target: { kind: 'action' as const, id: 1 }, state: 'vertraagd' as const, comment: 'later', proposedDeadline: '2022-12-31', evidenceUrl: 'javascript:x' };
    expect(validateProgress(input, action(), 10)).toEqual(['deadlineBeforePlanned', 'evidence']);
    expect(validateProgress({ ...input, proposedDeadline: 'morgen', evidenceUrl: '/sites/x' }, action(), 10)).toEqual(['deadline']);
  });
});

describe('reviewOf', () => {
  it('counts an outcome written by someone else than the author (a reviewer) or by the control team', () => {
    expect(reviewOf(report({ outcome: 'aanvaard', editorId: 8 }))).toEqual({ outcome: 'aanvaard', flagged: false });
    expect(reviewOf(report({ outcome: 'geweigerd', authorId: 8, editorId: 8 }), [7, 8, 9])).toEqual({ outcome: 'geweigerd', flagged: false });
  });

  it("ignores and flags an outcome the owner wrote on his own report", () => {
    expect(reviewOf(report({ outcome: 'aanvaard' }))).toEqual({ outcome: 'in afwachting', flagged: true });
    expect(pendingReports([report({ outcome: 'aanvaard' }), report({ id: 6, outcome: 'aanvaard', editorId: 8 })]).map((r) => r.id)).toEqual([5]);
  });

  it('shows an owner only valid refusals', () => {
    const list = [report({ outcome: 'geweigerd', editorId: 8, reason: 'bewijs' }), report({ id: 7, outcome: 'geweigerd' }), report({ id: 8, authorId: 11, editorId: 8, outcome: 'geweigerd' })];
    expect(refusalsFor(list, 10).map((r) => r.id)).toEqual([5]);
  });

  it('a refusal needs a reason', () => {
    expect(validateRefusal('')).toEqual(['reason']);
    expect(validateRefusal('Geen bewijs')).toEqual([]);
  });
});

describe('what accepting changes', () => {
  it('realises an action in the review year, never before its planned year', () => {
    expect(actionChangesFor(report(), action(), new Date(2024, 0, 5))).toEqual({ ActieStatus: 'Gerealiseerd', JaarGerealiseerd: 2024 });
    expect(actionChangesFor(report(), action({ plannedYear: 2025 }), new Date(2024, 0, 5)).JaarGerealiseerd).toBe(2025);
  });

  it('a delay makes a planned action "Lopend" with the proposed deadline', () => {
    expect(actionChangesFor(report({ state: 'vertraagd', proposedDeadline: '2024-06-30' }), action(), new Date(2024, 0, 5))).toEqual({
      ActieStatus: 'Lopend',
      Deadline: '2024-06-30T00:00:00.000Z'
    });
    expect(actionChangesFor(report({ state: 'op schema' }), action({ status: 'Lopend' }), new Date())).toEqual({});
  });

  it('a recommendation is carried out (100 %) or in progress', () => {
    expect(recommendationChangesFor(report({ target: { kind: 'recommendation', id: 2 } }), rec())).toEqual({ AanbevelingStatus: 'Uitgevoerd', Uitvoeringsgraad: 100 });
    expect(recommendationChangesFor(report({ state: 'op schema', target: { kind: 'recommendation', id: 2 } }), rec())).toEqual({ AanbevelingStatus: 'In uitvoering' });
  });
});
