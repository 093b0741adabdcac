import { getList, IListSchema } from '../../src/schema/schema';
import { evaluateListFormula, IValidationError, validateItem } from '../../tools/schema/validation';

const risks = getList('risks');
const actions = getList('actions');
const domains = getList('domains');
const reports = getList('reports');

const REQUIRED = 'U moet een waarde opgeven voor dit vereiste veld.';

function fieldsOf(errors: IValidationError[]): (string | undefined)[] {
  return errors.map((e) => e.field);
}

describe('validateItem: required columns', () => {
  it('reports a missing Title and required lookup on add, in Dutch and English', () => {
    const errors = validateItem(risks, {}, 'add');
    expect(fieldsOf(errors)).toEqual(['Title', 'Domein']);
    expect(errors[0].messageNl).toBe(REQUIRED);
    expect(errors[0].messageEn).toBe("You can't leave this blank.");
  });

  it('accepts an add that omits required columns with a default value', () => {
    // Prioriteit and RisicoStatus are required but default to Hoog / Open.
    expect(validateItem(risks, { Title: 'Risico', DomeinId: 1 }, 'add')).toEqual([]);
  });

  it('rejects a required column that is sent empty, even when it has a default', () => {
    const errors = validateItem(risks, { Title: 'Risico', DomeinId: 1, Prioriteit: '' }, 'add');
    expect(errors).toEqual([{ field: 'Prioriteit', messageNl: REQUIRED, messageEn: "You can't leave this blank." }]);
  });

  it('treats whitespace, null, lookup id 0 and empty multi lookups as empty', () => {
    expect(fieldsOf(validateItem(risks, { Title: '  ', DomeinId: 0 }, 'add'))).toEqual(['Title', 'Domein']);
    expect(fieldsOf(validateItem(risks, { Title: 'x', DomeinId: null }, 'add'))).toEqual(['Domein']);
    expect(fieldsOf(validateItem(actions, { Title: 'x', DomeinenId: [] }, 'add'))).toEqual(['Domeinen']);
    expect(fieldsOf(validateItem(actions, { Title: 'x', DomeinenId: { results: [] } }, 'add'))).toEqual(['Domeinen']);
    expect(validateItem(actions, { Title: 'x', DomeinenId: { results: [2, 3] } }, 'add')).toEqual([]);
  });

  it('on update only checks required columns that are written', () => {
    expect(validateItem(risks, { Bron: 'Audio' }, 'update')).toEqual([]);
    expect(fieldsOf(validateItem(risks, { Title: '' }, 'update'))).toEqual(['Title']);
    expect(fieldsOf(validateItem(domains, { Volgorde: null }, 'update'))).toEqual(['Volgorde']);
  });

  it('does not require a Title in a document library', () => {
    expect(validateItem(reports, {}, 'add')).toEqual([]);
  });
});

describe('validateItem: values', () => {
  it('rejects a value that is not one of the choices', () => {
    const errors = validateItem(risks, { Prioriteit: 'Zeer hoog' }, 'update');
    expect(errors).toHaveLength(1);
    expect(errors[0].field).toBe('Prioriteit');
    expect(errors[0].messageNl).toBe('De waarde moet een van de volgende keuzes zijn: Hoog, Middel, Laag.');
    expect(validateItem(risks, { Prioriteit: 'Middel' }, 'update')).toEqual([]);
  });

  it('checks number ranges with the range in the message', () => {
    const errors = validateItem(actions, { JaarGepland: 1999 }, 'update');
    expect(errors).toEqual([
      { field: 'JaarGepland', messageNl: 'De waarde moet tussen 2000 en 2100 liggen.', messageEn: 'The value of this field must be between 2000 and 2100.' }
    ]);
    expect(validateItem(actions, { JaarGepland: 2100 }, 'update')).toEqual([]);
    expect(validateItem(domains, { Volgorde: 100 }, 'update')[0].messageNl).toBe('De waarde moet tussen 1 en 99 liggen.');
  });

  it('uses a one-sided message when only a minimum is set', () => {
    const errors = validateItem(getList('audits'), { Sterktes: -1 }, 'update');
    expect(errors[0].messageNl).toBe('De waarde moet groter dan of gelijk aan 0 zijn.');
  });

  it('requires whole numbers (years) and real numbers', () => {
    expect(validateItem(actions, { JaarGepland: 2023.5 }, 'update')[0].messageNl).toBe('De waarde moet een geheel getal zijn.');
    expect(validateItem(actions, { JaarGepland: 'twintig' }, 'update')[0].messageNl).toBe('Dit is geen geldig getal.');
    expect(validateItem(actions, { JaarGepland: '2023' }, 'update')).toEqual([]);
  });

  it('checks dates, booleans and lookup ids', () => {
    expect(fieldsOf(validateItem(actions, { Deadline: '31/12/2024' }, 'update'))).toEqual(['Deadline']);
    expect(validateItem(actions, { Deadline: '2024-12-31T00:00:00Z' }, 'update')).toEqual([]);
    expect(fieldsOf(validateItem(domains, { Actief: 'ja' }, 'update'))).toEqual(['Actief']);
    expect(fieldsOf(validateItem(actions, { AuditId: 'abc' }, 'update'))).toEqual(['Audit']);
    expect(fieldsOf(validateItem(actions, { RisicosId: [1, 'x'] }, 'update'))).toEqual(['Risicos']);
  });

  it('limits single line text to 255 characters', () => {
    expect(fieldsOf(validateItem(domains, { Sleutel: 'x'.repeat(256) }, 'update'))).toEqual(['Sleutel']);
  });
});

describe('validateItem: list validation formula', () => {
  const msg = 'Het jaar gerealiseerd kan niet vóór het jaar gepland liggen.';

  it('fails when the realised year lies before the planned year', () => {
    const errors = validateItem(actions, { Title: 'A', DomeinenId: [1], JaarGepland: 2023, JaarGerealiseerd: 2022 }, 'add');
    expect(errors).toEqual([{ messageNl: msg, messageEn: msg }]);
  });

  it('passes when either year is blank or the order is right', () => {
    expect(validateItem(actions, { Title: 'A', DomeinenId: [1], JaarGepland: 2023 }, 'add')).toEqual([]);
    expect(validateItem(actions, { Title: 'A', DomeinenId: [1], JaarGerealiseerd: 2022 }, 'add')).toEqual([]);
    expect(validateItem(actions, { Title: 'A', DomeinenId: [1], JaarGepland: 2022, JaarGerealiseerd: 2022 }, 'add')).toEqual([]);
  });

  it('combines the written values with the stored item on update', () => {
    const existing = { Title: 'A', DomeinenId: [1], JaarGepland: 2023, JaarGerealiseerd: null };
    expect(validateItem(actions, { JaarGerealiseerd: 2022 }, 'update', existing)).toEqual([{ messageNl: msg, messageEn: msg }]);
    expect(validateItem(actions, { JaarGerealiseerd: 2024 }, 'update', existing)).toEqual([]);
    // Clearing the planned year makes the item valid again.
    expect(validateItem(actions, { JaarGepland: null }, 'update', { ...existing, JaarGerealiseerd: 2022 })).toEqual([]);
  });

  it('refuses an accepted risk without a reason (list validation formula), in the form and on the server alike', () => {
    const msg = getList('risks').validation?.message;
    expect(validateItem(risks, { Title: 'R', DomeinId: 1, Behandeling: 'aanvaarden' }, 'add').map((e) => e.messageNl)).toEqual([msg]);
    expect(validateItem(risks, { Title: 'R', DomeinId: 1, Behandeling: 'aanvaarden', RedenAanvaarding: 'Kost weegt niet op' }, 'add')).toEqual([]);
    expect(validateItem(risks, { Title: 'R', DomeinId: 1, Behandeling: 'verminderen' }, 'add')).toEqual([]);
    expect(validateItem(risks, { Title: 'R', DomeinId: 1 }, 'add')).toEqual([]);
    // Clearing the reason of a stored accepted risk is refused too.
    expect(validateItem(risks, { RedenAanvaarding: null }, 'update', { Title: 'R', DomeinId: 1, Behandeling: 'aanvaarden', RedenAanvaarding: 'x' })).toHaveLength(1);
  });

  it('refuses a likelihood outside the columns\' 1-10 in the form (Number Min/Max)', () => {
    expect(fieldsOf(validateItem(risks, { Title: 'R', DomeinId: 1, Kans: 11, Impact: 0 }, 'add'))).toEqual(['Kans', 'Impact']);
    expect(validateItem(risks, { Title: 'R', DomeinId: 1, Kans: 5, Impact: 1 }, 'add')).toEqual([]);
  });

  it('applies the risks formula with its own message', () => {
    const errors = validateItem(risks, { JaarVastgesteld: 2022, JaarAfgesloten: 2021 }, 'update');
    expect(errors.map((e) => e.messageNl)).toEqual([getList('risks').validation?.message]);
  });
});

describe('evaluateListFormula', () => {
  const list: IListSchema = {
    key: 't',
    title: 'T',
    description: '',
    template: 100,
    url: 'Lists/T',
    titleDisplayName: 'Naam',
    fields: [
      { internalName: 'A', displayName: 'Getal A', type: 'Number' },
      { internalName: 'B', displayName: 'Getal B', type: 'Number' },
      { internalName: 'S', displayName: 'Status', type: 'Choice', choices: ['Open', 'Dicht'] },
      { internalName: 'V', displayName: 'Vlag', type: 'Boolean' },
      { internalName: 'D', displayName: 'Deadline', type: 'DateTime' },
      { internalName: 'L', displayName: 'Lijst', type: 'Lookup' }
    ]
  };
  const ev = (f: string, r: Record<string, unknown>): boolean | undefined => evaluateListFormula(list, f, r);

  it('evaluates comparisons, AND, OR and NOT', () => {
    expect(ev('=[Getal A]>[Getal B]', { A: 2, B: 1 })).toBe(true);
    expect(ev('=[Getal A]<>[Getal B]', { A: 1, B: 1 })).toBe(false);
    expect(ev('=AND([Getal A]>=1,[Getal A]<=3)', { A: 3 })).toBe(true);
    expect(ev('=AND([Getal A]>=1,[Getal A]<3)', { A: 3 })).toBe(false);
    expect(ev('=OR([Getal A]=1,[Getal B]=1)', { A: 2, B: 1 })).toBe(true);
    expect(ev('=NOT([Getal A]=1)', { A: 1 })).toBe(false);
    expect(ev('=[Getal A]+[Getal B]*2=7', { A: 1, B: 3 })).toBe(true);
    expect(ev('=-[Getal A]<0', { A: 1 })).toBe(true);
  });

  it('compares text case-insensitively and handles quotes', () => {
    expect(ev('=[Status]="open"', { S: 'Open' })).toBe(true);
    expect(ev('=[Naam]<>"Zeg ""hallo"""', { Title: 'Zeg "hallo"' })).toBe(false);
    expect(ev('=LEN([Naam])<=5', { Title: 'abcdef' })).toBe(false);
    expect(ev('=[Naam]&"x"="abx"', { Title: 'ab' })).toBe(true);
  });

  it('knows ISBLANK, IF, TRUE and FALSE, booleans and dates', () => {
    expect(ev('=ISBLANK([Getal A])', {})).toBe(true);
    expect(ev('=ISBLANK([Getal A])', { A: 0 })).toBe(false);
    expect(ev('=ISBLANK([Naam])', { Title: '' })).toBe(true);
    expect(ev('=IF([Vlag],[Getal A]>0,TRUE)', { V: true, A: 0 })).toBe(false);
    expect(ev('=IF([Vlag]=FALSE(),TRUE,FALSE)', { V: false })).toBe(true);
    expect(ev('=[Deadline]>=DATE_UNKNOWN', { D: '2024-01-01T00:00:00Z' })).toBeUndefined();
    expect(ev('=[Deadline]-1<[Deadline]', { D: '2024-01-01T00:00:00Z' })).toBe(true);
  });

  it('accepts internal names, semicolons and formulas without =', () => {
    expect(ev('AND([A]=1;[B]=2)', { A: 1, B: 2 })).toBe(true);
    expect(ev('=[Lijst]=4', { LId: 4 })).toBe(true);
  });

  it('treats unknown functions, unknown columns and broken syntax as passing (undefined), never throwing', () => {
    expect(ev('=TODAY()>[Getal A]', { A: 1 })).toBeUndefined();
    expect(ev('=[Bestaat niet]>1', {})).toBeUndefined();
    expect(ev('=AND([Getal A]>1', { A: 2 })).toBeUndefined();
    expect(ev('=[Getal A]/0>1', { A: 2 })).toBeUndefined();
    expect(ev('=[Getal A] ? 1', { A: 2 })).toBeUndefined();
    expect(ev('', {})).toBeUndefined();
    const withUnknown: IListSchema = { ...list, validation: { formula: '=WEEKDAY([Deadline])<6', message: 'Geen weekend.' } };
    expect(validateItem(withUnknown, { Title: 'x' }, 'add')).toEqual([]);
  });
});

describe('validateItem: text length', () => {
  it('takes 255 characters by default and a Text column\'s own MaxLength when it declares one', () => {
    const list: IListSchema = {
      key: 'x', title: 'X', description: '', template: 100, url: 'Lists/X',
      fields: [{ internalName: 'Kort', displayName: 'Kort', type: 'Text', maxLength: 10 }]
    };
    expect(validateItem(list, { Title: 'a'.repeat(255), Kort: 'b'.repeat(10) }, 'add')).toEqual([]);
    expect(validateItem(list, { Title: 'a'.repeat(256), Kort: 'b'.repeat(11) }, 'add').map((e) => [e.field, e.messageNl])).toEqual([
      ['Title', 'De waarde mag maximaal 255 tekens bevatten.'],
      ['Kort', 'De waarde mag maximaal 10 tekens bevatten.']
    ]);
  });
});
