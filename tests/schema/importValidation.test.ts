import { IPlannedAdd, resolveRefs, validateImportItems } from '../../tools/schema/importValidation';

const row = (n: number): IPlannedAdd['source'] => ({ nl: `regel ${n}`, en: `row ${n}`, columns: { Code: 'code', Tekst: 'tekst', Thema: 'thema', Title: 'tekst' } });

function objective(n: number, body: Record<string, unknown>): IPlannedAdd {
  return { ref: `o${n}`, list: 'maturityObjectives', body: { Title: `Doelstelling ${n}`, ThemaId: 7, Code: `1.${n}`, Tekst: 'Tekst', Volgorde: n, ...body }, source: row(n) };
}

const THEMES = { existing: { maturityThemes: [7, 8] } };

describe('checking import items against the schema before anything is written', () => {
  it('accepts valid items', () => {
    expect(validateImportItems([objective(2, {}), objective(3, { ThemaId: 8 })], THEMES)).toEqual([]);
  });

  it('names row and column of a text over 255 characters, in Dutch and English, with its length', () => {
    const issues = validateImportItems([objective(2, {}), objective(3, { Code: 'x'.repeat(300) })], THEMES);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ field: 'Code', column: 'code' });
    expect(issues[0].message).toBe(
      'regel 3, kolom code: de waarde mag maximaal 255 tekens bevatten (deze telt er 300). / row 3, column code: the value can contain at most 255 characters (this one has 300).'
    );
  });

  it('reports required columns, choices, number ranges and the list validation formula', () => {
    const issues = validateImportItems(
      [
        { ref: 't', list: 'maturityThemes', body: { Title: '', Nummer: 120 }, source: { nl: 'thema 1', en: 'theme 1' } },
        {
          ref: 'a',
          list: 'actions',
          body: { Title: 'Actie', DomeinenId: [], ActieStatus: 'Klaar', JaarGepland: 2024, JaarGerealiseerd: 2020 },
          source: { nl: 'actie 1', en: 'action 1', columns: { ActieStatus: 'status' }, columnWord: { nl: 'veld', en: 'field' } }
        }
      ],
      { existing: { domains: [] } }
    );
    expect(issues.map((i) => [i.source.nl, i.column])).toEqual([
      ['thema 1', 'Thema'],
      ['thema 1', 'Nummer'],
      ['actie 1', 'Domeinen'],
      ['actie 1', 'status'],
      ['actie 1', undefined]
    ]);
    expect(issues[1].messageNl).toBe('de waarde moet tussen 0 en 99 liggen.');
    expect(issues[3].message).toMatch(/^actie 1, veld status: de waarde moet een van de volgende keuzes zijn: Gepland, .* \/ action 1, field status: the value must be one of/);
    expect(issues[4].messageNl).toMatch(/jaar gerealiseerd kan niet vóór het jaar gepland/);
  });

  it('requires lookups to point at an existing item or one the same run adds earlier', () => {
    const theme: IPlannedAdd = { ref: 'theme:3', list: 'maturityThemes', body: { Title: 'Monitoring', Nummer: 3 }, source: { nl: 'thema 3', en: 'theme 3' } };
    const ok = validateImportItems([theme, objective(2, { ThemaId: { ref: 'theme:3' } })], THEMES);
    expect(ok).toEqual([]);
    const declared = validateImportItems([objective(2, { ThemaId: { ref: 'theme:4' } })], { ...THEMES, planned: { maturityThemes: ['theme:4'] } });
    expect(declared).toEqual([]);

    const issues = validateImportItems([objective(2, { ThemaId: 99 }), objective(3, { ThemaId: { ref: 'theme:3' } }), theme], THEMES);
    expect(issues.map((i) => i.message)).toEqual([
      'regel 2, kolom thema: verwijst naar item 99 van MaturiteitThemas, dat niet bestaat. / row 2, column thema: refers to item 99 of MaturiteitThemas, which does not exist.',
      'regel 3, kolom thema: verwijst naar een item van MaturiteitThemas dat deze import niet (eerst) aanmaakt. / row 3, column thema: refers to an item of MaturiteitThemas that this import does not create (first).'
    ]);
  });

  it('refuses columns the list does not have', () => {
    const issues = validateImportItems([objective(2, { Kleur: 'rood' })], THEMES);
    expect(issues.map((i) => i.messageEn)).toEqual(["list MaturiteitDoelstellingen has no column 'Kleur'."]);
  });

  it('replaces refs by the ids the run gave them', () => {
    expect(resolveRefs({ ThemaId: { ref: 'a' }, DomeinenId: [3, { ref: 'b' }], Title: 'x' }, { a: 11, b: 12 })).toEqual({ ThemaId: 11, DomeinenId: [3, 12], Title: 'x' });
    expect(() => resolveRefs({ ThemaId: { ref: 'c' } }, {})).toThrow(/not written yet/);
  });
});
