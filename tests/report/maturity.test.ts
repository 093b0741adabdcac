/** @jest-environment node */
import { buildSlideDeck, buildWordReport } from '../../src/report';
import { IConsensus, IMaturityResultsData, IMaturityRound, maturityReportSection } from '../../src/model/maturity';
import { hideNodeFromPptxgenjs, OPTIONS, seedReport } from './fixtures';
import { docxParagraphs, pptxSlides } from './officeXml';

hideNodeFromPptxgenjs();

function round(id: number, year: number, status: IMaturityRound['status']): IMaturityRound {
  return { id, title: `Maturiteitsinschatting ${year}`, year, themeIds: [1, 3], status, scaleMin: 1, scaleMax: 5, levelLabels: [], raters: [] };
}

const c = (id: number, roundId: number, themeId: number, score: number): IConsensus => ({ id, roundId, themeId, score, actions: [] });

const DATA: IMaturityResultsData = {
  themes: [
    { id: 1, number: 1, title: 'Doelstellingen en procesmanagement' },
    { id: 3, number: 3, title: 'Monitoring' }
  ],
  objectives: [],
  rounds: [round(1, 2019, 'afgesloten'), round(2, 2021, 'afgesloten'), round(3, 2023, 'scoren')],
  consensus: [c(1, 1, 1, 1), c(2, 2, 1, 2), c(3, 2, 3, 4)]
};

describe('the council report: maturity section and slide', () => {
  it('reports the latest closed round up to the report year, compared with the round before', async () => {
    const report = seedReport(2022);
    report.maturity = maturityReportSection(DATA, 2022);
    const { paragraphs } = await docxParagraphs(await buildWordReport(report, OPTIONS));
    const texts = paragraphs.map((p) => p.text);
    // The seed's planning has an action called "Maturiteitsinschatting" too: find the section heading.
    const at = paragraphs.findIndex((p) => p.text === 'Maturiteitsinschatting' && p.style === 'Heading1');
    expect(at).toBeGreaterThan(0);
    expect(texts[at + 1]).toContain('Maturiteitsinschatting 2021');
    expect(texts[at + 1]).toContain('vergeleken met Maturiteitsinschatting 2019');
    expect(texts.slice(at + 2, at + 4)).toEqual(['1. Doelstellingen en procesmanagement: 2 (2019: 1; +1)', '3. Monitoring: 4 (geen vorige ronde)']);
    expect(texts[at + 4]).toBe("Gemiddelde over de thema's: 3.");

    const { slides } = await pptxSlides(await buildSlideDeck(report, OPTIONS));
    const slide = slides.filter((s) => s.paragraphs.indexOf('Vorige (2019)') >= 0)[0];
    expect(slide).toBeDefined();
    expect(slide.paragraphs).toEqual(expect.arrayContaining(['Vorige (2019)', '1. Doelstellingen en procesmanagement', '+1', '3. Monitoring', 'geen']));
  });

  it('says so when no round is closed yet (the 2023 round is still being scored)', async () => {
    const report = seedReport(2022);
    report.maturity = maturityReportSection({ ...DATA, rounds: [round(3, 2023, 'scoren')] }, 2023);
    const { paragraphs } = await docxParagraphs(await buildWordReport(report, OPTIONS));
    expect(paragraphs.map((p) => p.text)).toContain('Nog geen afgesloten maturiteitsinschatting tot en met 2022.');
  });
});
