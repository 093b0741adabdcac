/** Plain-text helpers for list values (pure: also used by the report in Node). */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return isNaN(code) ? m : String.fromCodePoint(code);
    }
    const v = ENTITIES[e.toLowerCase()];
    return v === undefined ? m : v;
  });
}

/** True when the value looks like HTML (rich text field) rather than plain text. */
export function looksLikeHtml(value: string): boolean {
  return /<\/?[a-z][^>]*>/i.test(value);
}

/**
 * Rich text -> plain text with line breaks, for the Word/PowerPoint report and
 * for plain rendering. Script/style content is dropped, not shown.
 */
export function htmlToText(value: string | undefined): string {
  if (!value) return '';
  if (!looksLikeHtml(value)) return value.replace(/\r\n/g, '\n').trim();
  let s = value.replace(/\r\n?/g, '\n');
  s = s.replace(/<(script|style)[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
  s = s.replace(/<br\s*\/?>/gi, '\n');
  s = s.replace(/<li[^>]*>/gi, '\n• ');
  s = s.replace(/<\/(p|div|h[1-6]|ul|ol|tr)>/gi, '\n');
  s = s.replace(/<[^>]+>/g, '');
  s = decodeEntities(s);
  return s
    .split('\n')
    .map((l) => l.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A multi-line note (one entry per line) -> trimmed non-empty entries. */
export function splitLines(value: string | undefined): string[] {
  if (!value) return [];
  return htmlToText(value)
    .split('\n')
    .map((l) => l.replace(/^[•\-–*]\s*/, '').trim())
    .filter((l) => l.length > 0);
}

/** Title shown on cards and slides: the short wording when there is one. */
export function cardTitle(item: { title: string; shortTitle?: string }): string {
  return item.shortTitle && item.shortTitle.trim() ? item.shortTitle : item.title;
}

/** SharePoint's Title holds 255 characters; the full text goes in another column. */
export function shortTitle(text: string, max: number = 255): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= max ? t : t.slice(0, max - 1).replace(/\s+\S*$/, '') + '…';
}

/**
 * At most `max` characters, cut with "…": for places that cannot wrap (an Adaptive Card
 * button, a chart label). The full text stays available elsewhere (heading, table).
 */
export function shorten(text: string, max: number): string {
  const t = text.trim();
  return t.length > max ? `${t.slice(0, Math.max(1, max - 1)).trimEnd()}…` : t;
}

/** Text as HTML text or attribute value (e-mails, imported notes): the one escaper of the project. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
