import { IMaturityTheme } from '../../src/model/maturity';
import { DEMO_ROUND_2023, findTheme, LEIDRAAD_THEMES, objectiveItem, parseCsv, plannedThemeId, planObjectiveImport, rowsFromTable } from '../../tools/model/maturityImport';

const THEMES: IMaturityTheme[] = LEIDRAAD_THEMES.map((t, i) => ({ id: 100 + i, number: t.number, title: t.title }));

describe('the leidraad themes', () => {
  it('are chapters 0-10 with the five themes of the 2023 round among them', () => {
    expect(LEIDRAAD_THEMES.map((t) => t.number)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const names = DEMO_ROUND_2023.themeNumbers.map((n) => LEIDRAAD_THEMES.filter((t) => t.number === n)[0].title);
    expect(names).toEqual(['Doelstellingen en procesmanagement', 'Monitoring', 'Financieel management', 'Facilitaire middelen, opdrachten en contracten', 'ICT']);
  });

  it('are found by number, by name (case and accents ignored) or by "number name"', () => {
    expect(findTheme('4', THEMES)?.title).toBe('Financieel management');
    expect(findTheme('Thema 10', THEMES)?.title).toBe('ICT');
    expect(findTheme('financieel MANAGEMENT', THEMES)?.number).toBe(4);
    expect(findTheme('9 Facilitaire middelen, opdrachten en contracten', THEMES)?.number).toBe(9);
    expect(findTheme('9 Monitoring', THEMES)).toBeUndefined();
    expect(findTheme('Risicobeheer', THEMES)).toBeUndefined();
  });
});

describe('CSV', () => {
  it('reads semicolon CSV from Excel with BOM, quotes and line breaks in fields', () => {
    const rows = parseCsv('\uFEFFthema;code;tekst\r\n1;1.1;"Een tekst; met ""aanhalingstekens"""\r\n3;3.1;"twee\nregels"\r\n');
    expect(rows).toEqual([
      ['thema', 'code', 'tekst'],
      ['1', '1.1', 'Een tekst; met "aanhalingstekens"'],
      ['3', '3.1', 'twee\nregels']
    ]);
  });

  it('reads comma CSV and maps the columns by header, skipping empty lines', () => {
    const rows = rowsFromTable(parseCsv('Code,Theme,Text\n1.1,1,a\n,,\n1.2,1,b'));
    expect(rows).toEqual([
      { line: 2, theme: '1', code: '1.1', text: 'a' },
      { line: 4, theme: '1', code: '1.2', text: 'b' }
    ]);
  });

  it('names missing columns', () => {
    expect(() => rowsFromTable([['thema', 'omschrijving']])).toThrow(/ontbreekt: code, tekst/);
  });
});

describe('planning an import of objectives', () => {
  it('adds valid rows with their theme and an order per theme', () => {
    const plan = planObjectiveImport(
      [
        { line: 2, theme: '1', code: '1.1', text: 'Tekst A' },
        { line: 3, theme: 'Doelstellingen en procesmanagement', code: '1.2', text: 'Tekst B' },
        { line: 4, theme: '10', code: '10.1', text: 'Tekst C' }
      ],
      THEMES,
      []
    );
    expect(plan.errors).toEqual([]);
    expect(plan.add).toEqual([
      { themeId: 101, code: '1.1', text: 'Tekst A', order: 1 },
      { themeId: 101, code: '1.2', text: 'Tekst B', order: 2 },
      { themeId: 110, code: '10.1', text: 'Tekst C', order: 1 }
    ]);
  });

  it('reports every bad row and imports nothing: unknown theme, duplicate code, empty text', () => {
    const plan = planObjectiveImport(
      [
        { line: 2, theme: '1', code: '1.1', text: 'ok' },
        { line: 3, theme: 'Risicobeheer', code: '1.2', text: 'x' },
        { line: 4, theme: '1', code: '1.1', text: 'y' },
        { line: 5, theme: '3', code: '3.1', text: '  ' },
        { line: 6, theme: '', code: '', text: 'z' }
      ],
      THEMES,
      []
    );
    expect(plan.add).toEqual([]);
    expect(plan.errors.map((e) => [e.line, e.problem])).toEqual([
      [3, 'unknownTheme'],
      [4, 'duplicateCode'],
      [5, 'emptyText'],
      [6, 'emptyTheme'],
      [6, 'emptyCode']
    ]);
    expect(plan.errors[0].message).toMatch(/^regel 3: onbekend thema 'Risicobeheer'/);
  });

  it('skips rows that are already there and refuses a code that exists with another text', () => {
    const existing = [{ id: 1, themeId: 101, code: '1.1', text: 'Tekst A', order: 1 }];
    const again = planObjectiveImport([{ line: 2, theme: '1', code: '1.1', text: 'Tekst  A' }], THEMES, existing);
    expect(again).toMatchObject({ add: [], unchanged: 1, errors: [] });
    const next = planObjectiveImport([{ line: 2, theme: '1', code: '1.2', text: 'Tekst B' }], THEMES, existing);
    expect(next.add[0].order).toBe(2);
    const changed = planObjectiveImport([{ line: 2, theme: '1', code: '1.1', text: 'Andere tekst' }], THEMES, existing);
    expect(changed.errors.map((e) => e.problem)).toEqual(['codeTaken']);
  });
});

describe('checking every row against the schema before anything is written', () => {
  const good = Array.from({ length: 30 }, (_, i) => ({ line: i + 2, theme: '1', code: `1.${i + 1}`, text: `Doelstelling ${i + 1}` }));

  it('30 good rows and one code of 300 characters: nothing to add, the error names row and column', () => {
    const rows = good.slice(0, 15).concat([{ line: 17, theme: '3', code: 'C'.repeat(300), text: 'Te lange code' }], good.slice(15).map((r) => ({ ...r, line: r.line + 1 })));
    const plan = planObjectiveImport(rows, THEMES, []);
    expect(plan.add).toEqual([]);
    expect(plan.errors).toHaveLength(1);
    expect(plan.errors[0]).toMatchObject({ line: 17, problem: 'invalidValue', column: 'code' });
    expect(plan.errors[0].message).toBe(
      'regel 17, kolom code: de waarde mag maximaal 255 tekens bevatten (deze telt er 300). / row 17, column code: the value can contain at most 255 characters (this one has 300).'
    );
    // The same rows without the long code are all fine.
    expect(planObjectiveImport(good, THEMES, []).add).toHaveLength(30);
  });

  it('rows may point at themes the same run adds (plannedThemeId): their objectives refer to that theme', () => {
    const themes = THEMES.filter((t) => t.number !== 3).concat([{ id: plannedThemeId(3), number: 3, title: 'Monitoring' }]);
    const plan = planObjectiveImport([{ line: 2, theme: 'Monitoring', code: '3.1', text: 'Tekst' }], themes, []);
    expect(plan.errors).toEqual([]);
    expect(plan.lines).toEqual([2]);
    expect(objectiveItem(plan.add[0])).toEqual({ Title: 'Tekst', ThemaId: { ref: 'maturityThemes:3' }, Code: '3.1', Tekst: 'Tekst', Volgorde: 1 });
  });
});
