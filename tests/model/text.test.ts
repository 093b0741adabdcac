import { cardTitle, htmlToText, looksLikeHtml, shorten, splitLines } from '../../src/model/text';

describe('plain text from list values', () => {
  it('keeps plain text as is', () => {
    expect(htmlToText('Eén regel\nTwee & drie')).toBe('Eén regel\nTwee & drie');
  });

  it('turns rich text into lines and bullets and decodes entities', () => {
    expect(htmlToText('<div><p>Intro &amp; meer</p><ul><li>één</li><li>twee</li></ul></div>')).toBe('Intro & meer\n\n• één\n• twee');
  });

  it('drops script and style content instead of showing it', () => {
    expect(htmlToText('<p>a</p><script>alert(1)</script><style>p{}</style>')).toBe('a');
  });

  it('detects HTML', () => {
    expect(looksLikeHtml('a < b en c > d')).toBe(false);
    expect(looksLikeHtml('<b>x</b>')).toBe(true);
  });

  it('splits a one-per-line note into entries without bullets or blanks', () => {
    expect(splitLines('• Eerste\n\n- Tweede\r\nDerde ')).toEqual(['Eerste', 'Tweede', 'Derde']);
    expect(splitLines(undefined)).toEqual([]);
  });

  it('uses the short card wording when present', () => {
    expect(cardTitle({ title: 'Lang', shortTitle: 'Kort' })).toBe('Kort');
    expect(cardTitle({ title: 'Lang', shortTitle: ' ' })).toBe('Lang');
  });
});

describe('shorten (labels that cannot wrap)', () => {
  it('keeps text that fits and cuts longer text with an ellipsis, within the limit', () => {
    expect(shorten('  Monitoring ', 26)).toBe('Monitoring');
    const cut = shorten('Organisatiebeheersing'.repeat(12), 26);
    expect(cut).toHaveLength(26);
    expect(cut.endsWith('…')).toBe(true);
    expect(shorten('Facilitaire middelen, opdrachten en contracten', 26)).toBe('Facilitaire middelen, opd…');
  });
});

describe('escapeHtml', () => {
  it('escapes what would start markup or end an attribute, and leaves the rest', () => {
    const { escapeHtml } = require('../../src/model/text') as typeof import('../../src/model/text');
    expect(escapeHtml('<a href="x">R&D</a> ok')).toBe('&lt;a href=&quot;x&quot;&gt;R&amp;D&lt;/a&gt; ok');
  });
});
