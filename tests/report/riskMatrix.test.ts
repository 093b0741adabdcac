/** @jest-environment node */
import { buildSlideDeck, buildWordReport } from '../../src/report';
import { riskMatrixSection } from '../../src/report/content';
import { hideNodeFromPptxgenjs, OPTIONS, seedReport } from './fixtures';
import { docxParagraphs, pptxSlides } from './officeXml';

hideNodeFromPptxgenjs();

describe('the council report: heat map section and slide', () => {
  it('adds nothing when no risk is scored (the 2022 report stays as it was)', async () => {
    const report = seedReport(2022);
    expect(riskMatrixSection(report)).toBeUndefined();
    const { paragraphs } = await docxParagraphs(await buildWordReport(report, OPTIONS));
    expect(paragraphs.filter((p) => p.text === 'Risicomatrix')).toEqual([]);
    const { slides } = await pptxSlides(await buildSlideDeck(report, OPTIONS));
    expect(slides.filter((s) => s.paragraphs.indexOf('Risicomatrix') >= 0)).toEqual([]);
  });

  it('adds a section and a slide with the matrix, its cells listing the risks, when a risk is scored', async () => {
    const report = seedReport(2022);
    const d = report.domains[0];
    d.risks[0] = { ...d.risks[0], likelihood: 4, impact: 5 };
    report.riskSettings = { appetite: 12 };
    const title = d.risks[0].title;
    const { paragraphs } = await docxParagraphs(await buildWordReport(report, OPTIONS));
    const texts = paragraphs.map((p) => p.text);
    const at = paragraphs.findIndex((p) => p.text === 'Risicomatrix' && p.style === 'Heading1');
    expect(at).toBeGreaterThan(0);
    expect(texts[at + 1]).toContain('Score = kans × impact, elk op een schaal van 1 tot 5');
    expect(texts[at + 1]).toContain('Risicobereidheid: score 12');
    expect(texts).toContain('Alle domeinen: inherent');
    expect(texts).toContain(`▲ 20: ${title}`);
    // No residual scores: no residual matrix.
    expect(texts.filter((t) => t.indexOf('residueel') >= 0)).toEqual([]);
    expect(texts.some((t) => t.indexOf(`${title} (${d.domain.title}): boven de risicobereidheid (12) zonder behandelende actie`) === 0)).toBe(true);

    const { slides } = await pptxSlides(await buildSlideDeck(report, OPTIONS));
    const slide = slides.filter((s) => s.paragraphs.indexOf('Risicomatrix') >= 0)[0];
    expect(slide).toBeDefined();
    expect(slide.paragraphs).toEqual(expect.arrayContaining(['Alle domeinen: inherent', `▲ 20: ${title}`, '1. Zeer beperkt', '5. Zeer waarschijnlijk']));
  });
});
