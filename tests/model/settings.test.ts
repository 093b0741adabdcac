import { defaultReportYear } from '../../src/model/report';
import { settingsFromRows } from '../../src/model/settings';
import { loadSeedData } from '../helpers/seedData';
import { moveToRealisations } from '../helpers/figureData';

describe('the reporting year is a decision (list Instellingen), not an inference', () => {
  it('reads the decided year and the organisation from the settings list; blanks and non-years are left out', () => {
    expect(settingsFromRows([{ Title: 'Rapportjaar', Waarde: '2023' }, { Title: 'Organisatie', Waarde: ' Stad Mechelen ' }])).toEqual({ reportYear: 2023, organisation: 'Stad Mechelen' });
    expect(settingsFromRows([{ Title: 'rapportjaar', Waarde: 'volgend jaar' }, { Title: 'Organisatie', Waarde: '  ' }])).toEqual({});
  });

  it('realising a planning item in 2023 does not move the year while 2022 is decided', () => {
    const data = loadSeedData();
    const today = new Date(2026, 11, 4);
    // "Doorschuiven" of a Planning 2023 item records 2023 as its year.
    const item = data.actions.filter((a) => a.plannedYear === 2023 && a.status !== 'Gerealiseerd')[0];
    item.status = 'Gerealiseerd';
    item.realisedYear = 2023;
    // Without a decision the year follows the data: this is what moved the surfaces apart.
    expect(defaultReportYear(data, undefined, today, [])).toBe(2023);
    data.decidedYear = 2022;
    expect(defaultReportYear(data, undefined, today, [])).toBe(2022);
    // A final report does not move it either: only "Start rapportjaar" does.
    expect(defaultReportYear(data, undefined, today, [2022])).toBe(2022);
    data.decidedYear = 2023;
    expect(defaultReportYear(data, undefined, today, [2022])).toBe(2023);
    // A year pinned in a web part's settings still wins there.
    expect(defaultReportYear(data, 2021, today, [])).toBe(2021);
  });

  it('a doorschuiven from earlier planning keeps 2022', () => {
    const data = { ...loadSeedData(), decidedYear: 2022 };
    moveToRealisations(data, 2022);
    expect(defaultReportYear(data, undefined, new Date(2026, 0, 10), [])).toBe(2022);
  });
});
