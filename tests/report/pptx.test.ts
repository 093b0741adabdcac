/** @jest-environment node */
import { cardTitle } from '../../src/model/text';
import { IAction, IDomainReport } from '../../src/model/types';
import { buildSlideDeck, NEW_MARKER } from '../../src/report';
import { cardQuadrants, layoutCard, MIN_FONT_PT } from '../../src/report/pptx';
import { action, domain, hideNodeFromPptxgenjs, manyActions, OPTIONS, risk, seedReport, singleDomainReport } from './fixtures';
import { ISlideText, pptxSlides, zipText } from './officeXml';

hideNodeFromPptxgenjs();

const report = seedReport(2022);
let deck: Awaited<ReturnType<typeof pptxSlides>>;

beforeAll(async () => {
  deck = await pptxSlides(await buildSlideDeck(report, OPTIONS));
});

const LEGEND_START = `${NEW_MARKER}vet = nieuw`;

function isCard(s: ISlideText): boolean {
  return s.paragraphs.some((p) => p === 'DETAIL CRITERIUM' || p === 'DETAIL CRITERIUM (VERVOLG)');
}

/** Card slides whose title is "N. Title" or a continuation of it. */
function cardsTitled(slides: ISlideText[], title: string): ISlideText[] {
  return slides.filter((s) => isCard(s) && s.paragraphs.some((p) => p === title || p.startsWith(`${title} (`)));
}

function domainSlides(slides: ISlideText[], d: IDomainReport): ISlideText[] {
  return cardsTitled(slides, `${d.domain.order}. ${d.domain.title}`);
}

function itemParagraphs(slides: ISlideText[]): string[] {
  return slides.flatMap((s) => s.paragraphs).filter((p) => !p.startsWith(LEGEND_START));
}

function sorted(a: string[]): string[] {
  return a.slice().sort();
}

describe('slide deck for 2022 (seed data)', () => {
  it('is 16:9 with a title slide, an Algemeen slide, the domain cards and a closing slide', async () => {
    const pres = await zipText(deck.zip, 'ppt/presentation.xml');
    const m = /<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(pres);
    expect(m).not.toBeNull();
    expect(Number(m![1]) / Number(m![2])).toBeCloseTo(16 / 9, 2);
    const { slides } = deck;
    expect(slides.length).toBeGreaterThanOrEqual(1 + 1 + report.domains.length + 1);
    expect(slides[0].paragraphs.join(' ')).toContain('Organisatiebeheersing 2022');
    expect(slides[0].paragraphs).toContain('Stad Mechelen');
    expect(slides[0].paragraphs).toContain('23 november 2026');
    expect(slides[1].paragraphs.join(' ')).toContain('Algemeen');
    for (const d of report.domains) expect(slides[1].paragraphs).toContain(`${d.domain.order}. ${d.domain.title}`);
    expect(slides[slides.length - 1].paragraphs).toContain('Bedankt');
  });

  it('has a card for every domain with the four quadrants and a legend', () => {
    for (const d of report.domains) {
      const slides = domainSlides(deck.slides, d);
      expect(slides.length).toBeGreaterThanOrEqual(1);
      for (const s of slides) {
        for (const label of ['DETAIL CRITERIUM', "OP TE VOLGEN HOGE RISICO'S", 'REALISATIES', 'PLANNING']) {
          expect(s.paragraphs.some((p) => p === label || p === `${label} (VERVOLG)`)).toBe(true);
        }
        expect(s.paragraphs.some((p) => p.startsWith(LEGEND_START))).toBe(true);
      }
    }
  });

  it('shows every criterion, high risk, realisation and planning item of each domain on its card', () => {
    for (const d of report.domains) {
      const p = itemParagraphs(domainSlides(deck.slides, d));
      for (const c of d.domain.criteria) expect(p).toContain(c);
      for (const r of d.risks) expect(p).toContain(cardTitle(r));
      for (const a of d.realisationsOlder.concat(d.planningOlder)) expect(p).toContain(cardTitle(a));
      for (const a of d.realisationsNew.concat(d.planningNew)) expect(p).toContain(NEW_MARKER + cardTitle(a));
      for (const a of d.realisationsOlder.concat(d.realisationsNew)) for (const s of a.subItems) expect(p).toContain(s);
    }
  });

  it('marks exactly the new items (realised in 2022, new on the 2023 planning) with the text marker', () => {
    let marked = 0;
    for (const d of report.domains) {
      const p = itemParagraphs(domainSlides(deck.slides, d));
      const withMarker = p.filter((x) => x.startsWith(NEW_MARKER)).map((x) => x.slice(NEW_MARKER.length));
      const expected = d.realisationsNew.concat(d.planningNew).map((a: IAction) => cardTitle(a));
      expect(sorted(withMarker)).toEqual(sorted(expected));
      marked += withMarker.length;
      // Older items are shown without the marker (an older and a new item may share a title).
      for (const a of d.realisationsOlder.concat(d.planningOlder)) {
        const title = cardTitle(a);
        const olderWithTitle = d.realisationsOlder.concat(d.planningOlder).filter((x) => cardTitle(x) === title).length;
        expect(p.filter((x) => x === title).length).toBeGreaterThanOrEqual(olderWithTitle);
      }
    }
    expect(marked).toBe(report.domains.reduce((n, d) => n + d.realisationsNew.length + d.planningNew.length, 0));
    expect(marked).toBeGreaterThan(0);
  });

  it('sets new items apart visually as well (bold, other colour), not by the marker alone', () => {
    const d = report.domains[0];
    const xml = domainSlides(deck.slides, d)[0].xml;
    const title = NEW_MARKER + cardTitle(d.realisationsNew[0]);
    const run = new RegExp(`<a:rPr[^>]*b="1"[^>]*>(?:(?!</a:rPr>).)*<a:srgbClr val="([0-9A-F]{6})"/>(?:(?!</a:rPr>).)*</a:rPr><a:t>${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</a:t>`);
    const m = run.exec(xml);
    expect(m).not.toBeNull();
    const older = cardTitle(d.realisationsOlder[0]);
    const olderRun = new RegExp(`<a:rPr([^>]*)>(?:(?!</a:rPr>).)*<a:srgbClr val="([0-9A-F]{6})"/>(?:(?!</a:rPr>).)*</a:rPr><a:t>${older}</a:t>`).exec(xml);
    expect(olderRun).not.toBeNull();
    expect(olderRun![1]).not.toContain('b="1"');
    expect(olderRun![2]).not.toBe(m![1]);
  });
});

describe('slide XML validity', () => {
  it('writes the paragraph properties only at the start of a paragraph (PowerPoint repairs files otherwise)', () => {
    for (const s of deck.slides) {
      for (const p of s.xml.match(/<a:p>[\s\S]*?<\/a:p>/g) || []) {
        expect(p.indexOf('<a:pPr', p.indexOf('<a:r>') >= 0 ? p.indexOf('<a:r>') : p.length)).toBe(-1);
      }
    }
  });

  it('marks the text as Dutch for proofing', () => {
    const card = domainSlides(deck.slides, report.domains[0])[0];
    expect(card.xml).toContain('lang="nl-BE"');
  });
});

describe('slide deck overflow and edge cases', () => {
  it('splits a quadrant with 60 realisations over continuation slides without losing any', async () => {
    const realisations = manyActions(60, 'Realisatie', { realisedYear: 2022 });
    const older = manyActions(5, 'Ouder', {});
    const r = singleDomainReport({ domain: domain(1, 'Groot domein', { criteria: ['Een', 'Twee'] }), realisationsNew: realisations, realisationsOlder: older, risks: [risk(1, 'Risico')] });
    const { slides } = await pptxSlides(await buildSlideDeck(r, OPTIONS));
    const cards = cardsTitled(slides, '1. Groot domein');
    expect(cards.length).toBeGreaterThan(1);
    expect(cards[1].paragraphs.some((p) => p.startsWith('1. Groot domein (vervolg 2/'))).toBe(true);
    const p = itemParagraphs(cards);
    for (const a of realisations) expect(p.filter((x) => x === NEW_MARKER + a.title)).toHaveLength(1);
    for (const a of older) expect(p.filter((x) => x === a.title)).toHaveLength(1);
    expect(p.filter((x) => x === 'Risico')).toHaveLength(1);
    // Quadrants already shown in full say so on the continuation slides instead of being blank.
    expect(cards[1].paragraphs).toContain('Zie vorige dia.');
  });

  it('handles 60 items in every quadrant, with sub-items, and long titles', async () => {
    const long = 'Zeer lange titel die over meerdere regels loopt omdat ze veel woorden bevat over aanbesteding en implementatie van software';
    const withSubs = manyActions(60, 'Plan', { status: 'Gepland', plannedYear: 2023, subItems: ['deel a', 'deel b'] });
    const r = singleDomainReport({
      domain: domain(1, 'Alles vol', { criteria: Array.from({ length: 60 }, (_, i) => `Criterium ${i + 1}`) }),
      risks: Array.from({ length: 60 }, (_, i) => risk(i + 1, `${long} ${i + 1}`)),
      realisationsOlder: manyActions(60, 'Oud'),
      planningNew: withSubs
    });
    const { slides } = await pptxSlides(await buildSlideDeck(r, OPTIONS));
    const p = itemParagraphs(slides);
    for (let i = 1; i <= 60; i++) {
      expect(p).toContain(`Criterium ${i}`);
      expect(p).toContain(`${long} ${i}`);
    }
    for (const a of withSubs) expect(p).toContain(NEW_MARKER + a.title);
    expect(p.filter((x) => x === 'deel a')).toHaveLength(60);
  });

  it('uses one slide at a readable size when the card fits, and never goes below the minimum font', () => {
    for (const d of report.domains) {
      const pages = layoutCard(cardQuadrants(d));
      for (const page of pages) expect(page.fontPt).toBeGreaterThanOrEqual(MIN_FONT_PT);
    }
    const small = singleDomainReport({ domain: domain(1, 'Klein', { criteria: ['Een'] }), risks: [risk(1, 'R')] }).domains[0];
    const pages = layoutCard(cardQuadrants(small));
    expect(pages).toHaveLength(1);
    expect(pages[0].fontPt).toBeGreaterThan(MIN_FONT_PT);
  });

  it('says "Geen items." in empty quadrants', async () => {
    const r = singleDomainReport({ domain: domain(1, 'Leeg') });
    const { slides } = await pptxSlides(await buildSlideDeck(r, OPTIONS));
    const card = cardsTitled(slides, '1. Leeg')[0];
    expect(card.paragraphs.filter((p) => p === 'Geen items.')).toHaveLength(4);
  });

  it('keeps titles with XML-special characters, quotes, script tags and emoji intact', async () => {
    const nasty = 'R&D "quotes" \'apos\' <script>alert(1)</script> 🚀 ✓ café';
    const r = singleDomainReport({
      domain: domain(1, `Domein ${nasty}`, { criteria: [nasty] }),
      risks: [risk(1, nasty)],
      realisationsNew: [action(1, `Nieuw ${nasty}`, { realisedYear: 2022 })],
      realisationsOlder: [action(2, `Oud ${nasty}`)],
      planningNew: [action(3, `Plan ${nasty}`, { status: 'Gepland', plannedYear: 2023 })]
    });
    const { slides } = await pptxSlides(await buildSlideDeck(r, OPTIONS));
    const p = slides.flatMap((s) => s.paragraphs);
    expect(p).toContain(`1. Domein ${nasty}`);
    expect(p.filter((x) => x === nasty)).toHaveLength(2);
    expect(p).toContain(`${NEW_MARKER}Nieuw ${nasty}`);
    expect(p).toContain(`Oud ${nasty}`);
    expect(p).toContain(`${NEW_MARKER}Plan ${nasty}`);
    for (const s of slides) expect(s.xml).not.toContain('<script>');
  });

  it('uses the short card wording when an item has one', async () => {
    const r = singleDomainReport({ domain: domain(1, 'Kort'), realisationsNew: [action(1, 'Een heel lange officiële titel', { shortTitle: 'Korte titel', realisedYear: 2022 })] });
    const { slides } = await pptxSlides(await buildSlideDeck(r, OPTIONS));
    const p = slides.flatMap((s) => s.paragraphs);
    expect(p).toContain(`${NEW_MARKER}Korte titel`);
    expect(p).not.toContain(`${NEW_MARKER}Een heel lange officiële titel`);
  });
});

describe('slide deck: one slide "Audits en opvolging"', () => {
  it('has exactly one audit slide before the closing slide, with figures and execution rate per audit', async () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { buildReport } = require('../../src/model/report');
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { loadSeedData } = require('../helpers/seedData');
    const data = loadSeedData();
    const info = data.audits.filter((a: { key?: string }) => a.key === 'audit-informatiebeheer-2022')[0];
    data.recommendations = [
      { id: 1, title: 'A', auditId: info.id, priority: 'H', status: 'Uitgevoerd', actions: [] },
      { id: 2, title: 'B', auditId: info.id, priority: 'M', status: 'Open', actions: [] }
    ];
    const { slides } = await pptxSlides(await buildSlideDeck(buildReport(data, 2022), OPTIONS));
    const audit = slides.filter((s) => s.paragraphs.some((p) => p.indexOf('Audits en opvolging 2021-2022') === 0));
    expect(audit).toHaveLength(1);
    expect(slides.indexOf(audit[0])).toBe(slides.length - 2);
    const p = audit[0].paragraphs;
    expect(p).toContain('Audit informatiebeheer');
    expect(p).toContain('10 / 19 / 17');
    expect(p).toContain('1/2 (50%) · H 1/1 (100%)');
    expect(p).toContain('niet vermeld');
    expect(p).toContain('geen aanbevelingen');
  });
});

describe('long unbroken words in the deck', () => {
  const LONG = (p: string): string => (p + 'Organisatiebeheersingsrisicoopvolgingsactieplan'.repeat(7)).slice(0, 255);

  it('breakLongWords: runs past 40 characters get invisible break opportunities, real words stay whole', () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { breakLongWords, LONG_WORD } = require('../../src/report/pptx');
    expect(breakLongWords('Arbeidsongeschiktheidsverzekering en informatieveiligheid')).toBe('Arbeidsongeschiktheidsverzekering en informatieveiligheid');
    const out = breakLongWords(`Titel ${LONG('x')} einde`) as string;
    expect(out.replace(/\u200b/g, '')).toBe(`Titel ${LONG('x')} einde`);
    for (const run of out.split(/[\s\u200b]+/)) expect(run.length).toBeLessThanOrEqual(LONG_WORD);
    // An emoji is never cut in half.
    expect(Array.from(breakLongWords('😀'.repeat(60)) as string).every((c) => c === '😀' || c === '\u200b')).toBe(true);
  });

  it('a 255-character title without a space (domain, risk, action, audit) wraps in the slides: no run longer than 40 characters', async () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { loadSeedData } = require('../helpers/seedData');
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { buildReport } = require('../../src/model/report');
    const data = loadSeedData();
    data.domains[0].title = LONG('Domein');
    data.domains[0].shortTitle = undefined;
    data.risks.filter((r: { domainId: number }) => r.domainId === data.domains[0].id)[0].title = LONG('Risico');
    data.actions[0].title = LONG('Actie');
    data.actions[0].shortTitle = undefined;
    data.audits.forEach((a: { title: string }) => (a.title = LONG('Audit')));
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { buildAuditAnnex } = require('../../src/model/audits');
    const withAnnex = { ...buildReport(data, 2022), audits: buildAuditAnnex(data, 2022) };
    expect(withAnnex.audits.length).toBeGreaterThan(0);
    const long = await pptxSlides(await buildSlideDeck(withAnnex, OPTIONS));
    const text = long.slides.flatMap((s) => s.paragraphs);
    // The titles are all there (the breaks are invisible)...
    const plain = text.map((p) => p.replace(/\u200b/g, '')).join('\n');
    for (const p of ['Domein', 'Risico', 'Actie', 'Audit']) expect(plain).toContain(LONG(p));
    // ...and nothing runs out of its cell or box.
    const runs = text.flatMap((p) => p.split(/[\s\u200b]+/));
    expect(runs.filter((r) => r.length > 40)).toEqual([]);
  });
});
