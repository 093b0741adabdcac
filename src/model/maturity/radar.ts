/** Geometry of the results' radar chart. */

export interface IRadarPoint {
  x: number;
  y: number;
}

/**
 * Points of a radar chart: axis i of n at angle -90° + i * 360/n, value scaled from
 * [min, max] to [0, radius] around (cx, cy). A missing value sits at the centre.
 */
export function radarPoints(values: (number | undefined)[], min: number, max: number, cx: number, cy: number, radius: number): IRadarPoint[] {
  const n = values.length;
  return values.map((v, i) => {
    const angle = -Math.PI / 2 + (i * 2 * Math.PI) / Math.max(n, 1);
    const f = v === undefined || max === min ? 0 : Math.max(0, Math.min(1, (v - min) / (max - min)));
    return { x: round2(cx + Math.cos(angle) * radius * f), y: round2(cy + Math.sin(angle) * radius * f) };
  });
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** Words longer than a line are split with a hyphen ("Belanghebbendenmanage-", "ment"). */
function hyphenate(word: string, width: number): string[] {
  const parts: string[] = [];
  let rest = word;
  while (rest.length > width) {
    parts.push(`${rest.slice(0, width - 1)}-`);
    rest = rest.slice(width - 1);
  }
  return parts.concat([rest]);
}

/**
 * A label's lines of at most `width` characters, cut at spaces (a longer word with a hyphen); at most `maxLines`, the
 * last one shortened with "…" only when the text does not fit in them.
 */
export function wrapLabel(text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  const words = ([] as string[]).concat(...text.split(/\s+/).filter((w) => w).map((w) => hyphenate(w, width)));
  for (const word of words) {
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  const out = lines.slice(0, maxLines);
  if (lines.length > maxLines) out[maxLines - 1] = `${out[maxLines - 1].slice(0, width - 1)}…`;
  return out;
}

export interface IRadarLabel {
  x: number;
  /** The first line's baseline area (middle); the others follow at `lineHeight`. */
  y: number;
  anchor: 'start' | 'middle' | 'end';
  lines: string[];
}

/**
 * Where the axis labels go: just outside the outer ring, anchored away from the centre, wrapped to `width` characters
 * and moved up when above the centre, so that none leaves a chart of size `size` (checked in the model tests).
 */
export function radarLabels(titles: string[], cx: number, cy: number, radius: number, width: number, lineHeight: number): IRadarLabel[] {
  const at = radarPoints(titles.map(() => 1.12), 0, 1, cx, cy, radius);
  return titles.map((t, i) => {
    const p = at[i];
    const lines = wrapLabel(t, width, 3);
    const anchor = Math.abs(p.x - cx) < 10 ? 'middle' : p.x < cx ? 'end' : 'start';
    const up = p.y < cy - 10 ? (lines.length - 1) * lineHeight : p.y > cy + 10 ? 0 : ((lines.length - 1) * lineHeight) / 2;
    return { x: p.x, y: round2(p.y - up), anchor, lines };
  });
}
