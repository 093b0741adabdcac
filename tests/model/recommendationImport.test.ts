import { findDomain, parseDeadline, planRecommendationImport, recommendationAdds, recommendationRowsFromTable, IRecommendationRow } from '../../tools/model/recommendationImport';
import { IDomain, IRecommendation } from '../../src/model/types';
import { validateImportItems } from '../../tools/schema/importValidation';

const domains: IDomain[] = [
  { id: 31, title: 'Organisatiecultuur', order: 1, criteria: [], active: true },
  { id: 33, title: 'Bescherming activa', order: 3, criteria: [], active: true }
];
const owners: Record<string, number> = { 'koen.wouters@stad.example': 10, 'i:0#.f|membership|ann.janssens@stad.example': 7 };
const row = (line: number, over: Partial<IRecommendationRow> = {}): IRecommendationRow => ({
  line,
  text: `Aanbeveling ${line}`,
  priority: 'H',
  owner: 'koen.wouters@stad.example',
  deadline: '2025-03-31',
  domain: '',
  ...over
});

describe('recommendations from a file: reading the table', () => {
  it('takes the columns by name in any order and skips empty rows; domein is optional', () => {
    const rows = recommendationRowsFromTable([
      ['Deadline', 'Eigenaar', 'Aanbeveling', 'Prioriteit'],
      ['31/03/2025', 'koen.wouters@stad.example', 'Een beleid opstellen', 'h'],
      ['', '', '', '']
    ]);
    expect(rows).toEqual([{ line: 2, text: 'Een beleid opstellen', priority: 'h', owner: 'koen.wouters@stad.example', deadline: '31/03/2025', domain: '' }]);
  });

  it('names the missing columns', () => {
    expect(() => recommendationRowsFromTable([['aanbeveling', 'prioriteit']])).toThrow(/ontbreekt: eigenaar, deadline/);
  });
});

describe('recommendations from a file: deadlines', () => {
  it.each([
    ['2025-03-31', '2025-03-31'],
    ['31/03/2025', '2025-03-31'],
    ['1/02/2024', '2024-02-01'],
    ['29/02/2024', '2024-02-29']
  ])('accepts %s as %s', (v, out) => expect(parseDeadline(v)).toBe(out));

  it.each(['03/31/2025', '31-03-2025', '2025/03/31', '31/02/2025', '2025-3-31', 'eind maart', '45747', '2025-03-31 10:00', '31.03.2025'])('refuses %s', (v) =>
    expect(parseDeadline(v)).toBeUndefined()
  );
});

describe('recommendations from a file: planning', () => {
  it('plans valid rows with owner id, priority, ISO deadline and domain', () => {
    const plan = planRecommendationImport([row(2, { priority: 'm', deadline: '1/04/2025', domain: 'Bescherming activa' })], [], owners, domains);
    expect(plan.errors).toEqual([]);
    expect(plan.add).toEqual([{ line: 2, text: 'Aanbeveling 2', priority: 'M', ownerId: 10, deadline: '2025-04-01', domain: domains[1] }]);
    const [add] = recommendationAdds(5, plan.add);
    expect(add.body).toEqual({
      Title: 'Aanbeveling 2', AuditId: 5, Prioriteit: 'M', AanbevelingStatus: 'Open', EigenaarId: 10, Deadline: '2025-04-01T00:00:00Z',
      Toelichting: '<p>Domein: Bescherming activa</p>'
    });
    expect(validateImportItems([add], { existing: { audits: [5] } })).toEqual([]);
  });

  it('names the row of each bad value: priority, unknown owner, deadline, domain', () => {
    const plan = planRecommendationImport(
      [row(2, { priority: 'Hoog' }), row(3, { owner: 'iemand@elders.example' }), row(4, { deadline: '03/31/2025' }), row(5, { domain: '9' }), row(6, { owner: '' }), row(7, { text: ' ' })],
      [],
      owners,
      domains
    );
    expect(plan.add).toEqual([]);
    expect(plan.errors.map((e) => e.message)).toEqual([
      "regel 2: prioriteit 'Hoog' is geen H, M of L / priority 'Hoog' is not H, M or L",
      "regel 3: eigenaar 'iemand@elders.example' is geen gebruiker van de organisatie (geef het e-mailadres of de login) / owner 'iemand@elders.example' is not a user of the organisation (give the e-mail address or login)",
      "regel 4: deadline '03/31/2025' is geen datum als jjjj-mm-dd of dd/mm/jjjj / deadline '03/31/2025' is not a date as yyyy-mm-dd or dd/mm/yyyy",
      "regel 5: onbekend domein '9' (gebruik het nummer of de naam) / unknown domain '9' (use its number or name)",
      'regel 6: eigenaar ontbreekt / owner is empty',
      'regel 7: aanbeveling ontbreekt / recommendation is empty'
    ]);
  });

  it('refuses the same recommendation twice in the file, naming both rows (whitespace and case aside)', () => {
    const plan = planRecommendationImport([row(2, { text: 'Archief  ordenen' }), row(3), row(4, { text: 'archief ordenen' })], [], owners, domains);
    expect(plan.errors.map((e) => e.message)).toEqual(['regels 2 en 4: dezelfde aanbeveling staat ook op regel 2 / the same recommendation is also on row 2']);
  });

  it('skips what the audit already has: same text is the same recommendation', () => {
    const existing = [{ id: 1, title: 'Aanbeveling 2', auditId: 5, priority: 'H', status: 'Uitgevoerd', actions: [] } as IRecommendation];
    const plan = planRecommendationImport([row(2), row(3)], existing, owners, domains);
    expect(plan).toMatchObject({ unchanged: 1, errors: [] });
    expect(plan.add.map((a) => a.text)).toEqual(['Aanbeveling 3']);
  });

  it('keeps a text over 255 characters whole in Toelichting, the title shortened; finds domains by number', () => {
    const long = 'Zorg voor een informatiebeheerplan '.repeat(10).trim();
    const plan = planRecommendationImport([row(2, { text: long, domain: '3.' })], [], owners, domains);
    const body = recommendationAdds(5, plan.add)[0].body;
    expect((body.Title as string).length).toBeLessThanOrEqual(255);
    expect(body.Toelichting).toBe(`<p>${long}</p><p>Domein: Bescherming activa</p>`);
    expect(findDomain('1', domains)?.title).toBe('Organisatiecultuur');
  });
});
