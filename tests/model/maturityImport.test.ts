import { IMaturityTheme } from '../../src/model/maturity';
import { DEMO_ROUND_2023, findTheme, LEIDRAAD_THEMES, parseCsv, planObjectiveImport, rowsFromTable } from '../../src/model/maturityImport';

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
