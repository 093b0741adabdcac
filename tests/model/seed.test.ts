import { convertSeed, normaliseTitle } from '../../tools/model/seed';
import { loadSeedData, readSeedJson } from '../helpers/seedData';

describe('converting the 2022 report to list data', () => {
  const data = loadSeedData();

  it('keeps 7 domains with their order, criteria and decree basis', () => {
    expect(data.domains).toHaveLength(7);
    expect(data.domains.map((d) => d.order)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(data.domains[0].criteria).toContain('Deontologische code');
    expect(data.domains[0].decreeBasis).toBe('Mechelse toevoeging');
    expect(data.domains.every((d) => (d.criteriaText || '').length > 20)).toBe(true);
  });

  it('has 27 high risks and links a risk to the audit it names', () => {
    expect(data.risks).toHaveLength(27);
    expect(data.risks.every((r) => r.priority === 'Hoog' && r.status === 'Open')).toBe(true);
    const r = data.risks.filter((x) => x.source === 'Audit technische dienst')[0];
    expect(r.audit && r.audit.title).toBe('Audit technische dienst');
  });

  it('turns an item listed under two domains into one action with two domains', () => {
    const yucopia = data.actions.filter((a) => a.title === 'Uitrol contractbeheer (Yucopia)');
    expect(yucopia).toHaveLength(1);
    expect(yucopia[0].domainIds.sort()).toEqual([5, 7]);
    const lb365 = data.actions.filter((a) => normaliseTitle(a.title) === 'instap lb365');
    expect(lb365).toHaveLength(1);
    expect(lb365[0].domainIds.sort()).toEqual([5, 6]);
  });

  it('keeps two items with the same title apart when their years differ', () => {
    const welzijn = data.actions.filter((a) => normaliseTitle(a.title) === 'welzijn op het werk');
    expect(welzijn.map((a) => a.realisedYear)).toEqual([undefined, 2022]);
  });

  it('gives 2022 realisations and 2023 planning their year and older items none', () => {
    const realised2022 = data.actions.filter((a) => a.realisedYear === 2022);
    const planned2023 = data.actions.filter((a) => a.plannedYear === 2023);
    expect(realised2022.every((a) => a.status === 'Gerealiseerd' && !!a.description)).toBe(true);
    expect(planned2023.every((a) => a.status === 'Gepland' && !!a.description)).toBe(true);
    const older = data.actions.filter((a) => a.realisedYear === undefined && a.plannedYear === undefined);
    expect(older.every((a) => a.description === undefined)).toBe(true);
  });

  it('keeps the card wording as a short title', () => {
    const a = data.actions.filter((x) => x.title === 'Opvolgen van indicatoren en strategische projecten')[0];
    expect(a.shortTitle).toBe('Opvolgen indicatoren en strategische projecten');
  });

  it('imports the 20 audits with the follow-up link', () => {
    expect(data.audits).toHaveLength(20);
    const follow = data.audits.filter((a) => a.key === 'opvolgaudit-financiele-processen-2023')[0];
    expect(follow.followUpOf && follow.followUpOf.title).toBe('Audit financiële processen (Audit Financiën)');
    const info = data.audits.filter((a) => a.key === 'audit-informatiebeheer-2022')[0];
    expect([info.strengths, info.improvements, info.highRecommendations]).toEqual([10, 19, 17]);
  });

  it('keeps the English provenance notes of the data (OCR and listing remarks) out of what staff see', () => {
    const { report, audits } = readSeedJson();
    // The source does carry them...
    expect(JSON.stringify(report)).toContain('OCR variants');
    expect(audits.audits.some((a) => !!a.notes)).toBe(true);
    // ...but no action note or audit note comes from them.
    expect(data.actions.filter((a) => !!a.note)).toEqual([]);
    expect(data.audits.filter((a) => !!a.notes)).toEqual([]);
  });

  it('works without the audits file', () => {
    const { report } = readSeedJson();
    const d = convertSeed(report);
    expect(d.audits).toEqual([]);
    expect(d.risks.every((r) => r.audit === undefined)).toBe(true);
  });

  it('normalises titles across accents, case and punctuation', () => {
    expect(normaliseTitle('Efficiënt  gebruik – Middelen!')).toBe('efficient gebruik middelen');
  });
});
