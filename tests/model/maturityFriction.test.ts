import { IMaturityRound, IMaturityTheme, levelLabel, radarLabels, transitionSummary, unitsOfRound, wrapLabel } from '../../src/model/maturity';
import { LEIDRAAD_THEMES, themeDomain } from '../../tools/model/maturityImport';
import { DOMAIN_TITLES_2022 } from '../helpers/seedData';

const ANN = { id: 7, title: 'Ann' };
const PIETER = { id: 8, title: 'Pieter' };

function round(over: Partial<IMaturityRound> = {}): IMaturityRound {
  return { id: 1, title: 'R', year: 2023, themeIds: [10, 11], status: 'scoren', scaleMin: 1, scaleMax: 5, levelLabels: [], raters: [ANN, PIETER], ...over };
}

describe('level labels', () => {
  it("offers the leidraad's labels when a round names none of its levels, and keeps the round's own otherwise", () => {
    expect(levelLabel(round(), 1)).toBe('Ad-hocbasis');
    expect(levelLabel(round({ scaleMin: 0 }), 0)).toBe('Onbestaand');
    expect(levelLabel(round({ levelLabels: ['Niet aanwezig'] }), 1)).toBe('Niet aanwezig');
    // The round named its levels (only the first): the others stay unnamed rather than mixing two scales.
    expect(levelLabel(round({ levelLabels: ['Niet aanwezig'] }), 2)).toBeUndefined();
  });
});

describe('confirmation figures', () => {
  it('counts submitted scores against raters × units, finished raters and consensus', () => {
    const themes: IMaturityTheme[] = [{ id: 10, number: 1, title: 'A' }, { id: 11, number: 3, title: 'B' }];
    const r = round();
    const units = unitsOfRound(r, themes, []);
    const s = transitionSummary(
      r,
      units,
      [
        { id: 1, roundId: 1, themeId: 10, raterId: 7, score: 2 },
        { id: 2, roundId: 1, themeId: 11, raterId: 7, score: 3 },
        { id: 3, roundId: 1, themeId: 10, raterId: 8, score: 4 },
        // Another round's and a non-rater's score do not count.
        { id: 4, roundId: 2, themeId: 11, raterId: 8, score: 4 },
        { id: 5, roundId: 1, themeId: 11, raterId: 99, score: 4 }
      ],
      [{ id: 9, roundId: 1, themeId: 10, score: 3, actions: [] }]
    );
    expect(s).toEqual({ raters: 2, units: 2, submitted: 3, expected: 4, finished: 1, consensus: 1 });
  });
});

describe('radar labels', () => {
  it('wraps long theme titles instead of cutting them', () => {
    const lines = wrapLabel('9. Facilitaire middelen, opdrachten en contracten', 22, 3);
    expect(lines.join(' ')).toBe('9. Facilitaire middelen, opdrachten en contracten');
    expect(lines.every((l) => l.length <= 22)).toBe(true);
  });

  it('keeps every label of the eleven chapters inside the chart (640 × 420, 12 px text)', () => {
    const titles = LEIDRAAD_THEMES.map((t) => `${t.number}. ${t.title}`);
    for (const n of [3, 5, 11]) {
      const labels = radarLabels(titles.slice(0, n), 320, 210, 130, 22, 14);
      for (const l of labels) {
        expect(l.lines.join(' ')).not.toContain('…');
        // A generous 7.2 px per character (0.6 em) for the widest line.
        const w = Math.max(...l.lines.map((x) => x.length)) * 7.2;
        const left = l.anchor === 'start' ? l.x : l.anchor === 'end' ? l.x - w : l.x - w / 2;
        expect(left).toBeGreaterThanOrEqual(0);
        expect(left + w).toBeLessThanOrEqual(640);
        expect(l.y - 7).toBeGreaterThanOrEqual(0);
        expect(l.y + (l.lines.length - 1) * 14 + 7).toBeLessThanOrEqual(420);
      }
    }
  });
});

describe('leidraad chapters and domains', () => {
  it("maps every chapter to one of the report's seven domains, found by title on the site or in the same run", () => {
    for (const t of LEIDRAAD_THEMES) expect(DOMAIN_TITLES_2022).toContain(t.domain);
    const site = DOMAIN_TITLES_2022.map((title, i) => ({ value: i + 1, title: title.toUpperCase() }));
    expect(themeDomain(9, site)).toBe(DOMAIN_TITLES_2022.indexOf('Naleving wetgeving en procedures') + 1);
    expect(themeDomain(3, [{ value: { ref: 'domains:6' }, title: 'Betrouwbare informatie' }])).toEqual({ ref: 'domains:6' });
    expect(themeDomain(10, [])).toBeUndefined();
  });
});
