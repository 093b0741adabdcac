/** @jest-environment node */
import { cleanText, descriptionBlocks, riskLine, shortDecreeBasis } from '../../src/report/content';
import { DEFAULT_INTRO, formatDutchDate, introText } from '../../src/report/options';
import { estimateLines } from '../../src/report/pptx';
import { risk } from './fixtures';

describe('descriptionBlocks', () => {
  it('turns bullet, dash and numbered lines into list blocks and the rest into paragraphs', () => {
    const { blocks } = descriptionBlocks('Intro tekst:\n• een\n– twee\n1. eerste\n2. tweede\nSlot.', []);
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'bullet', 'bullet', 'numbered', 'numbered', 'paragraph']);
    expect(blocks[1]).toMatchObject({ text: 'een', nested: false });
    expect(blocks[3]).toMatchObject({ text: 'eerste', number: 1 });
  });

  it('starts a new numbered list after other text', () => {
    const { blocks } = descriptionBlocks('1. a\n2. b\nTussen\n1. c', []);
    const lists = blocks.filter((b) => b.kind === 'numbered').map((b) => (b.kind === 'numbered' ? b.list : -1));
    expect(lists[0]).toBe(lists[1]);
    expect(lists[2]).not.toBe(lists[0]);
  });

  it('recognises "Sub-item: text" paragraphs and nests what follows under the sub-item', () => {
    const { blocks, unmentioned } = descriptionBlocks('Algemeen.\n\nKlachten: Het proces.\n• punt\n\nAnders', ['Klachten', 'Vergunningen']);
    expect(blocks[1]).toEqual({ kind: 'subItem', label: 'Klachten', text: 'Het proces.' });
    expect(blocks[2]).toMatchObject({ kind: 'bullet', text: 'punt', nested: true });
    expect(blocks[3]).toMatchObject({ kind: 'paragraph', text: 'Anders', nested: false });
    expect(unmentioned).toEqual(['Vergunningen']);
  });

  it('reads rich text: list items become bullets and scripts are dropped', () => {
    const { blocks } = descriptionBlocks('<p>Tekst &amp; meer</p><ul><li>een</li><li>twee</li></ul><script>alert(1)</script>', []);
    expect(blocks).toEqual([
      { kind: 'paragraph', text: 'Tekst & meer', nested: false },
      { kind: 'bullet', text: 'een', nested: false },
      { kind: 'bullet', text: 'twee', nested: false }
    ]);
  });

  it('gives no blocks for an empty description', () => {
    expect(descriptionBlocks(undefined, []).blocks).toEqual([]);
    expect(descriptionBlocks('   ', []).blocks).toEqual([]);
  });
});

describe('text helpers', () => {
  it('cleanText keeps emoji and line breaks but drops control characters and lone surrogates', () => {
    expect(cleanText('a\u0000b\u0008c\td\ne 🚀 \uD800x')).toBe('abc\td\ne 🚀 x');
  });

  it('riskLine puts the source in brackets, preferring the audit', () => {
    expect(riskLine(risk(1, 'Facturatie'))).toBe('Facturatie');
    expect(riskLine(risk(1, 'Facturatie', { source: 'Audit X' }))).toBe('Facturatie (Audit X)');
    expect(riskLine(risk(1, 'Facturatie', { source: 'x', audit: { id: 2, title: 'Audit Financiën' } }))).toBe('Facturatie (Audit Financiën)');
  });

  it('shortDecreeBasis keeps the article reference', () => {
    expect(shortDecreeBasis("Art. 217, 1° DLB: de vastgelegde doelstellingen bereikt")).toBe('Art. 217, 1° DLB');
    expect(shortDecreeBasis('Mechelse toevoeging')).toBe('Mechelse toevoeging');
    expect(shortDecreeBasis(undefined)).toBe('');
  });

  it('formats dates in Dutch', () => {
    expect(formatDutchDate(new Date(2026, 10, 23))).toBe('23 november 2026');
    expect(formatDutchDate(new Date(2023, 0, 1))).toBe('1 januari 2023');
  });

  it('introText falls back to the default and fills in the organisation', () => {
    expect(introText({ organisation: 'Stad Mechelen' })).toContain('binnen Stad Mechelen');
    expect(introText({ organisation: 'X', intro: '  ' })).toBe(DEFAULT_INTRO.split('{organisatie}').join('X'));
    expect(introText({ organisation: 'X', intro: 'Eigen {organisatie}' })).toBe('Eigen X');
  });

  it('estimateLines grows with the text and shrinks with the width', () => {
    const text = 'Uitwerken strategisch vastgoedstrategie gekoppeld aan burgemeestersconvenant';
    expect(estimateLines('Kort', 3, 12)).toBe(1);
    expect(estimateLines(text, 2, 12)).toBeGreaterThan(estimateLines(text, 6, 12));
    expect(estimateLines(text, 2, 14)).toBeGreaterThanOrEqual(estimateLines(text, 2, 10));
    expect(estimateLines('x'.repeat(300), 2, 10)).toBeGreaterThan(3);
  });
});
