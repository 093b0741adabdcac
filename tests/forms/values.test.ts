import { getList } from '../../src/schema/schema';
import { changedRestValues, dateInputToIso, formValuesFromItem, isoToDateInput, newFormValues, restValuesFromForm } from '../../dev/forms/values';

const actions = getList('actions');
const domains = getList('domains');

describe('list form values', () => {
  it('starts a new item with the schema defaults', () => {
    expect(newFormValues(domains)).toMatchObject({ Title: '', Volgorde: '', Actief: true });
    expect(newFormValues(actions)).toMatchObject({ ActieStatus: 'Gepland', Domeinen: [], Eigenaar: null, Deadline: '' });
  });

  it('writes REST property names and types: ids for lookups and persons, numbers, null for empty', () => {
    const body = restValuesFromForm(actions, {
      ...newFormValues(actions),
      Title: 'A',
      Domeinen: [2, 1],
      Audit: 4,
      Eigenaar: null,
      JaarGepland: ' 2023 ',
      JaarGerealiseerd: '',
      ActieStatus: ''
    });
    expect(body).toMatchObject({ Title: 'A', DomeinenId: [2, 1], AuditId: 4, EigenaarId: null, JaarGepland: 2023, JaarGerealiseerd: null, ActieStatus: null, Deadline: null });
    expect(body).not.toHaveProperty('Domeinen');
    // Not a number: passed on as text, so validation can say so.
    expect(restValuesFromForm(actions, { JaarGepland: 'twintig' })).toEqual({ JaarGepland: 'twintig' });
  });

  it('reads minimal and verbose multi lookup values', () => {
    expect(formValuesFromItem(actions, { DomeinenId: [1, 3] }).Domeinen).toEqual([1, 3]);
    expect(formValuesFromItem(actions, { DomeinenId: { results: [2] } }).Domeinen).toEqual([2]);
    expect(formValuesFromItem(actions, { AuditId: null, JaarGepland: 2022 })).toMatchObject({ Audit: null, JaarGepland: '2022', Title: '' });
  });

  it('round-trips a date-only value through the browser time zone', () => {
    const iso = dateInputToIso('2024-03-05');
    expect(iso).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(isoToDateInput(iso)).toBe('2024-03-05');
    expect(dateInputToIso('5/3/2024')).toBe('5/3/2024');
    expect(isoToDateInput('nonsense')).toBe('');
  });

  it('sends only what changed on edit', () => {
    const before = formValuesFromItem(actions, { Title: 'A', DomeinenId: [1], JaarGepland: 2022, EigenaarId: 7 });
    expect(changedRestValues(actions, before, { ...before })).toEqual({});
    expect(changedRestValues(actions, before, { ...before, Domeinen: [1, 2], Eigenaar: null })).toEqual({ DomeinenId: [1, 2], EigenaarId: null });
  });
});
