/** @jest-environment node */
import { cardTitle } from '../../src/model/text';
import { buildWordReport, DEFAULT_INTRO, reportFileName } from '../../src/report';
import { riskLine } from '../../src/report/content';
import { buildReport } from '../../src/model/report';
import { loadSeedData } from '../helpers/seedData';
import { action, domain, OPTIONS, risk, seedReport, singleDomainReport } from './fixtures';
import { docxParagraphs, IXmlParagraph, zipText } from './officeXml';

const report = seedReport(2022);
let doc: { xml: string; paragraphs: IXmlParagraph[] };
let all: Awaited<ReturnType<typeof docxParagraphs>>;

beforeAll(async () => {
  all = await docxParagraphs(await buildWordReport(report, OPTIONS));
  doc = all;
});

function texts(style?: string): string[] {
  return doc.paragraphs.filter((p) => style === undefined || p.style === style).map((p) => p.text);
}

/** Paragraphs of one domain: from its Heading1 to the next Heading1. */
function domainSection(order: number, title: string): IXmlParagraph[] {
  const start = doc.paragraphs.findIndex((p) => p.style === 'Heading1' && p.text === `${order}. ${title}`);
  expect(start).toBeGreaterThan(0);
  let end = start + 1;
  while (end < doc.paragraphs.length && doc.paragraphs[end].style !== 'Heading1') end++;
  return doc.paragraphs.slice(start, end);
}

/** Heading3 titles between two Heading2 headings of a section. */
function itemsUnder(section: IXmlParagraph[], heading: string): string[] {
  const i = section.findIndex((p) => p.style === 'Heading2' && p.text === heading);
  expect(i).toBeGreaterThan(0);
  const out: string[] = [];
  for (let j = i + 1; j < section.length && section[j].style !== 'Heading2'; j++) {
    if (section[j].style === 'Heading3') out.push(section[j].text);
  }
  return out;
}

describe('Word note for 2022 (seed data)', () => {
  it('has the title page with the year, organisation and Dutch generation date', () => {
    const t = texts();
    expect(t).toContain('Voortgangsrapport organisatiebeheersing 2022');
    expect(t).toContain('Stad Mechelen');
    expect(t).toContain('Gegenereerd op 23 november 2026');
  });

  it('has one Heading1 per domain, in order, after Algemeen, then the audit annex', () => {
    const h1 = texts('Heading1');
    expect(h1).toEqual(['Algemeen', ...report.domains.map((d) => `${d.domain.order}. ${d.domain.title}`), 'Bijlage: Audits en opvolging 2021-2022']);
    expect(report.domains).toHaveLength(7);
  });

  it('lists every domain with its decree basis under Algemeen', () => {
    const t = texts();
    for (const d of report.domains) {
      expect(t.some((x) => x.startsWith(`${d.domain.order}. ${d.domain.title}`) && x.indexOf('(') > 0)).toBe(true);
    }
  });

  it('has the default intro quoting art. 217-220', () => {
    const body = texts().join('\n');
    expect(DEFAULT_INTRO).toMatch(/artikel 217 tot en met 220/);
    expect(body).toContain('overeenkomstig artikel 217 tot en met 220');
    expect(body).toContain('wetgeving en procedures naleeft;');
    expect(body).not.toContain('{organisatie}');
  });

  it('shows every criteria paragraph and every high risk with its source', () => {
    const t = texts();
    for (const d of report.domains) {
      expect(t).toContain(d.domain.criteriaText);
      for (const r of d.risks) expect(t).toContain(riskLine(r));
    }
    const withSource = report.domains.flatMap((d) => d.risks).filter((r) => r.source || r.audit);
    for (const r of withSource) expect(riskLine(r)).toMatch(/\(.+\)$/);
  });

  it('describes exactly the new realisations under "Realisaties 2022" and the new planning under "Planning 2023"', () => {
    for (const d of report.domains) {
      const section = domainSection(d.domain.order, d.domain.title);
      expect(itemsUnder(section, 'Realisaties 2022')).toEqual(d.realisationsNew.map((a) => a.title));
      expect(itemsUnder(section, 'Planning 2023')).toEqual(d.planningNew.map((a) => a.title));
    }
  });

  it('lists the older realisations and planning compactly, one line each, in their own sections', () => {
    for (const d of report.domains) {
      const section = domainSection(d.domain.order, d.domain.title).map((p) => p.text);
      const older = section.slice(section.indexOf('Eerdere realisaties') + 1, section.indexOf('Eerdere planning'));
      expect(older).toHaveLength(Math.max(d.realisationsOlder.length, 1));
      d.realisationsOlder.forEach((a, i) => expect(older[i].startsWith(a.title)).toBe(true));
      const olderPlanning = section.slice(section.indexOf('Eerdere planning') + 1);
      expect(olderPlanning).toHaveLength(Math.max(d.planningOlder.length, 1));
      d.planningOlder.forEach((a, i) => expect(olderPlanning[i].startsWith(a.title)).toBe(true));
    }
  });

  it('keeps the line structure of descriptions: numbered and bulleted lines become list paragraphs', () => {
    const numbered = doc.paragraphs.filter((p) => p.text === 'Financieel gezonde situatie');
    expect(numbered).toHaveLength(1);
    expect(numbered[0].xml).toContain('<w:numPr>');
    const bullet = doc.paragraphs.filter((p) => p.text === 'een gezonde vergadercultuur,');
    expect(bullet.length).toBeGreaterThan(0);
    expect(bullet[0].xml).toContain('<w:numPr>');
    // Sub-items named in the description become bold bullets with their text below.
    const sub = doc.paragraphs.filter((p) => p.text === 'Mindlab');
    expect(sub.length).toBeGreaterThan(0);
    expect(sub[0].xml).toContain('<w:b/>');
  });

  it('has heading styles, a table of contents that Word updates, and page numbers "Pagina X van Y"', async () => {
    const styles = await zipText(all.zip, 'word/styles.xml');
    expect(styles).toContain('w:styleId="Heading1"');
    expect(styles).toContain('w:styleId="Heading2"');
    expect(doc.xml).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o/);
    expect(doc.xml).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    const settings = await zipText(all.zip, 'word/settings.xml');
    expect(settings).toMatch(/<w:updateFields( w:val="(true|1)")?\/>/);
    const files = Object.keys(all.zip.files);
    const footers = await Promise.all(files.filter((f) => /^word\/footer\d+\.xml$/.test(f)).map((f) => zipText(all.zip, f)));
    const footer = footers.filter((x) => x.indexOf('Pagina') >= 0)[0];
    expect(footer).toBeDefined();
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    const headers = await Promise.all(files.filter((f) => /^word\/header\d+\.xml$/.test(f)).map((f) => zipText(all.zip, f)));
    expect(headers.some((h) => h.indexOf('Voortgangsrapport organisatiebeheersing 2022') >= 0)).toBe(true);
  });

  it('uses the card wording only in the deck: the note keeps the full titles', () => {
    const shortened = report.domains.flatMap((d) => d.realisationsNew).filter((a) => cardTitle(a) !== a.title);
    for (const a of shortened) expect(texts('Heading3')).toContain(a.title);
  });
});

describe('Word note options and edge cases', () => {
  it('uses the intro given in the options instead of the default, filling in {organisatie}', async () => {
    const intro = 'Eigen inleiding van {organisatie}.\n\nTweede alinea:\n• punt een\n• punt twee';
    const { paragraphs } = await docxParagraphs(await buildWordReport(report, { organisation: 'Gemeente Testdorp', intro }));
    const t = paragraphs.map((p) => p.text);
    expect(t).toContain('Eigen inleiding van Gemeente Testdorp.');
    expect(t).toContain('punt twee');
    expect(t.join('\n')).not.toContain('overeenkomstig artikel 217 tot en met 220');
  });

  it('says "Geen items." for every empty part instead of leaving it blank', async () => {
    const r = singleDomainReport({ domain: domain(1, 'Leeg domein') });
    const { paragraphs } = await docxParagraphs(await buildWordReport(r, OPTIONS));
    // Criteria, risks, realisations, planning, older realisations, older planning.
    expect(paragraphs.filter((p) => p.text === 'Geen items.')).toHaveLength(6);
  });

  it('keeps titles with XML-special characters, quotes, script tags and emoji intact', async () => {
    const nasty = 'R&D "quotes" \'apos\' <script>alert(1)</script> 🚀 ✓ café';
    const r = singleDomainReport({
      domain: domain(1, `Domein ${nasty}`, { criteriaText: nasty }),
      risks: [risk(1, nasty)],
      realisationsNew: [action(1, nasty, { realisedYear: 2022, description: `<p>${nasty.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>` })],
      planningNew: [action(2, `Plan ${nasty}`, { status: 'Gepland', plannedYear: 2023 })]
    });
    const { xml, paragraphs } = await docxParagraphs(await buildWordReport(r, OPTIONS));
    const t = paragraphs.map((p) => p.text);
    expect(t).toContain(`1. Domein ${nasty}`);
    expect(t).toContain(nasty);
    expect(t).toContain(`Plan ${nasty}`);
    expect(xml).not.toContain('<script>');
  });

  it('drops characters XML cannot hold instead of writing a broken file', async () => {
    const r = singleDomainReport({ domain: domain(1, 'Controle\u0001teken\u0000'), realisationsNew: [action(1, 'Titel\u000b met tab\t', { realisedYear: 2022 })] });
    const { paragraphs } = await docxParagraphs(await buildWordReport(r, OPTIONS));
    expect(paragraphs.map((p) => p.text)).toContain('1. Controleteken');
  });
});

describe('report file names', () => {
  it('names the files after the report title and year', () => {
    expect(reportFileName(2022, 'docx')).toBe('Voortgangsrapport organisatiebeheersing 2022.docx');
    expect(reportFileName(2023, 'pptx')).toBe('Voortgangsrapport organisatiebeheersing 2023.pptx');
  });
});

describe('Word note: annex "Audits en opvolging"', () => {
  function annex(paragraphs: IXmlParagraph[]): string[] {
    const start = paragraphs.findIndex((p) => p.style === 'Heading1' && p.text.indexOf('Bijlage: Audits en opvolging') === 0);
    expect(start).toBeGreaterThan(0);
    return paragraphs.slice(start).map((p) => p.text);
  }

  it('holds the audits of the year and the year before, their findings ("niet vermeld" where unknown) and execution rate', async () => {
    const data = loadSeedData();
    const info = data.audits.filter((a) => a.key === 'audit-informatiebeheer-2022')[0];
    data.recommendations = [
      { id: 1, title: 'A', auditId: info.id, priority: 'H', status: 'Uitgevoerd', actions: [] },
      { id: 2, title: 'B', auditId: info.id, priority: 'H', status: 'Open', actions: [] },
      { id: 3, title: 'C', auditId: info.id, priority: 'M', status: 'Uitgevoerd', actions: [] }
    ];
    const { paragraphs } = await docxParagraphs(await buildWordReport(buildReport(data, 2022), OPTIONS));
    const t = annex(paragraphs);
    expect(t).toContain('Audit informatiebeheer (2022)');
    expect(t).toContain('Audit financiële processen (Audit Financiën) (2021)');
    expect(t).not.toContain('Opvolgaudit financiële processen (2023)');
    expect(t).toContain('Bevindingen: 10 sterktes, 19 verbeterpunten, 17 hoog prioritaire aanbevelingen');
    expect(t).toContain('Conclusie: zwak');
    expect(t).toContain('Uitvoeringsgraad: 2 van 3 aanbevelingen uitgevoerd (67%); H-aanbevelingen: 1 van 2 (50%)');
    // The 2021 audit has no figures and no recommendations: said in words, no 0 and no 0%.
    const i = t.indexOf('Audit financiële processen (Audit Financiën) (2021)');
    expect(t.slice(i, i + 6)).toEqual(expect.arrayContaining(['Bevindingen: niet vermeld', 'Conclusie: niet vermeld', 'Uitvoeringsgraad: nog geen aanbevelingen opgenomen']));
  });

  it('says so when the two years have no audits', async () => {
    const { paragraphs } = await docxParagraphs(await buildWordReport(buildReport(loadSeedData(), 2030), OPTIONS));
    expect(annex(paragraphs)).toContain('Geen audits in 2029 of 2030.');
  });
});
