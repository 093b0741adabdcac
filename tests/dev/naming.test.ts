import { assignInternalName, encodeInternalName } from '../../dev/server/naming';

const none = (): boolean => false;

describe('internal names SharePoint Online gives fields created from XML', () => {
  it('derives the name from DisplayName, not Name, without AddFieldInternalNameHint', () => {
    expect(assignInternalName({ Name: 'JaarGerealiseerd', DisplayName: 'Jaar gerealiseerd' }, 0, none)).toBe('Jaar_x0020_gerealiseerd');
    expect(assignInternalName({ Name: 'ActieStatus', StaticName: 'ActieStatus', DisplayName: 'Status' }, 16, none)).toBe('Status');
  });

  it('keeps Name with AddFieldInternalNameHint (8)', () => {
    expect(assignInternalName({ Name: 'ActieStatus', DisplayName: 'Status' }, 8, none)).toBe('ActieStatus');
    expect(assignInternalName({ Name: 'JaarGepland', DisplayName: 'Jaar gepland' }, 8 | 16, none)).toBe('JaarGepland');
  });

  it('encodes other characters as _xHHHH_ in lower-case hex and keeps underscores', () => {
    expect(encodeInternalName("Risico's")).toBe('Risico_x0027_s');
    expect(encodeInternalName('E-mail')).toBe('E_x002d_mail');
    expect(encodeInternalName('Téléphone')).toBe('T_x00e9_l_x00e9_phone');
    expect(encodeInternalName('With SpaceAnd_Underscore')).toBe('With_x0020_SpaceAnd_Underscore');
    expect(encodeInternalName('2023 doel')).toBe('_x0032_023_x0020_doel');
  });

  it('cuts the encoded name at 32 characters, even inside an escape', () => {
    expect(assignInternalName({ DisplayName: 'Prix total de la référence' }, 0, none)).toBe('Prix_x0020_total_x0020_de_x0020_');
    expect(assignInternalName({ DisplayName: 'Région de la commune' }, 0, none)).toBe('R_x00e9_gion_x0020_de_x0020_la_x');
    expect(assignInternalName({ DisplayName: 'Hoog prioritaire aanbevelingen' }, 0, none)).toHaveLength(32);
  });

  it('appends a counter from 0 when the name is taken', () => {
    const taken = (n: string): boolean => ['Status', 'Status0'].indexOf(n) >= 0;
    expect(assignInternalName({ DisplayName: 'Status' }, 0, taken)).toBe('Status1');
    expect(assignInternalName({ Name: 'Status', DisplayName: 'Status' }, 8, (n) => n === 'Status')).toBe('Status0');
  });
});
