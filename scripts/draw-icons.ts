/**
 * Draws the Teams app icons of the Domain cards web part (Organisatiebeheersing) and
 * writes them as PNG files, with nothing but Node's own zlib.
 *
 *   npx tsx scripts/draw-icons.ts                 -> teams/<componentId>_color.png (192x192)
 *                                                    teams/<componentId>_outline.png (32x32)
 *   npx tsx scripts/draw-icons.ts --out DIR       -> the same two files in DIR
 *   npx tsx scripts/draw-icons.ts --preview DIR   -> also 4x / 8x enlarged copies to look at
 *
 * The motif is the product itself: a domain card with its four quadrants
 * (criteria / high risks / realisations / planning). The colour icon is a white card on the
 * accent colour with one symbol per quadrant: list lines, a warning triangle, a check mark
 * and rising bars. The outline icon is the same card in white on a transparent background,
 * as Teams requires (only white and transparency). Edges are anti-aliased by supersampling.
 *
 * The output is deterministic: the same script always writes the same bytes, so the
 * committed icons can be checked against it (tests/teams).
 */
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

export const COMPONENT_ID = 'ae9cbe34-f28a-4b0e-90d2-dcd9b5cbb046';
/** Background of the colour icon; also the manifest's accentColor. */
export const ACCENT = '#0E6E8C';

type Rgba = readonly [number, number, number, number];

function hex(color: string, alpha = 255): Rgba {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) {
    throw new Error(`Not a #rrggbb colour: ${color}`);
  }
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16), alpha];
}

// ---------------------------------------------------------------------------------------
// PNG encoder: RGBA, 8 bits per channel, zlib-compressed, adaptive per-row filtering.
// ---------------------------------------------------------------------------------------

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    }
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) {
    c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  }
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const typeAndData = Buffer.concat([Buffer.from(type, 'ascii'), Buffer.from(data)]);
  const out = Buffer.alloc(8 + data.length + 4);
  out.writeUInt32BE(data.length, 0);
  typeAndData.copy(out, 4);
  out.writeUInt32BE(crc32(typeAndData), 8 + data.length);
  return out;
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) {
    return a;
  }
  return pb <= pc ? b : c;
}

/** Encodes RGBA pixels (row-major, 4 bytes a pixel) as a PNG file. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  if (rgba.length !== width * height * 4) {
    throw new Error(`Expected ${width * height * 4} bytes of RGBA, got ${rgba.length}`);
  }
  const bpp = 4;
  const stride = width * bpp;
  const raw = Buffer.alloc((stride + 1) * height);
  const candidate = Buffer.alloc(stride);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    const prev = y > 0 ? (y - 1) * stride : -1;
    let bestType = 0;
    let bestScore = Infinity;
    let best = Buffer.alloc(stride);
    // Try the five filter types and keep the one with the smallest sum of |bytes|.
    for (let type = 0; type <= 4; type++) {
      let score = 0;
      for (let i = 0; i < stride; i++) {
        const x = rgba[row + i];
        const a = i >= bpp ? rgba[row + i - bpp] : 0;
        const b = prev >= 0 ? rgba[prev + i] : 0;
        const c = prev >= 0 && i >= bpp ? rgba[prev + i - bpp] : 0;
        let v: number;
        switch (type) {
          case 0: v = x; break;
          case 1: v = x - a; break;
          case 2: v = x - b; break;
          case 3: v = x - ((a + b) >> 1); break;
          default: v = x - paeth(a, b, c); break;
        }
        v &= 0xff;
        candidate[i] = v;
        score += v < 128 ? v : 256 - v;
      }
      if (score < bestScore) {
        bestScore = score;
        bestType = type;
        best = Buffer.from(candidate);
      }
    }
    raw[y * (stride + 1)] = bestType;
    best.copy(raw, y * (stride + 1) + 1);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: truecolour with alpha
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0))
  ]);
}

// ---------------------------------------------------------------------------------------
// A tiny vector scene: shapes as signed distance functions, painted in order,
// rasterised with N x N supersampling per pixel.
// ---------------------------------------------------------------------------------------

/** Signed distance: negative inside, positive outside (in pixels). */
type Sdf = (x: number, y: number) => number;

interface IShape {
  sdf: Sdf;
  color: Rgba;
}

function roundRect(x0: number, y0: number, x1: number, y1: number, r: number): Sdf {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  return (x, y) => {
    const qx = Math.abs(x - cx) - hx;
    const qy = Math.abs(y - cy) - hy;
    const ox = Math.max(qx, 0);
    const oy = Math.max(qy, 0);
    return Math.hypot(ox, oy) + Math.min(Math.max(qx, qy), 0) - r;
  };
}

function circle(cx: number, cy: number, r: number): Sdf {
  return (x, y) => Math.hypot(x - cx, y - cy) - r;
}

/** A line segment with round caps, `width` thick. */
function capsule(ax: number, ay: number, bx: number, by: number, width: number): Sdf {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  return (x, y) => {
    const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, ((x - ax) * dx + (y - ay) * dy) / len2));
    return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) - width / 2;
  };
}

/** A polyline of capsules (e.g. a check mark). */
function polyline(points: ReadonlyArray<readonly [number, number]>, width: number): Sdf {
  const parts: Sdf[] = [];
  for (let i = 1; i < points.length; i++) {
    parts.push(capsule(points[i - 1][0], points[i - 1][1], points[i][0], points[i][1], width));
  }
  return union(...parts);
}

/** A convex polygon (vertices clockwise on screen), corners rounded by `r`. */
function convexPolygon(points: ReadonlyArray<readonly [number, number]>, r = 0): Sdf {
  // Inset the edges by r, then take distance to the inset polygon minus r.
  const n = points.length;
  return (x, y) => {
    let inside = -Infinity;
    let outside = Infinity;
    let allInside = true;
    for (let i = 0; i < n; i++) {
      const [ax, ay] = points[i];
      const [bx, by] = points[(i + 1) % n];
      const ex = bx - ax;
      const ey = by - ay;
      const len = Math.hypot(ex, ey);
      // Outward normal for clockwise order in screen coordinates (y down).
      const nx = ey / len;
      const ny = -ex / len;
      const side = (x - ax) * nx + (y - ay) * ny;
      inside = Math.max(inside, side);
      if (side > 0) {
        allInside = false;
      }
      const t = Math.min(1, Math.max(0, ((x - ax) * ex + (y - ay) * ey) / (len * len)));
      outside = Math.min(outside, Math.hypot(x - (ax + t * ex), y - (ay + t * ey)));
    }
    return (allInside ? inside : outside) - r;
  };
}

function union(...parts: Sdf[]): Sdf {
  return (x, y) => {
    let d = Infinity;
    for (const p of parts) {
      d = Math.min(d, p(x, y));
    }
    return d;
  };
}

/** The stroke (`width` thick, centred) of a shape's outline. */
function stroke(shape: Sdf, width: number): Sdf {
  return (x, y) => Math.abs(shape(x, y)) - width / 2;
}

/** Paints the shapes in order over the background, averaging samples x samples per pixel. */
function rasterise(size: number, background: Rgba, shapes: readonly IShape[], samples: number): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  const n = samples * samples;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      // Premultiplied accumulation, so transparent samples do not darken edges.
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = px + (sx + 0.5) / samples;
          const y = py + (sy + 0.5) / samples;
          let c: Rgba = background;
          for (const s of shapes) {
            if (s.sdf(x, y) <= 0) {
              c = s.color;
            }
          }
          r += c[0] * c[3];
          g += c[1] * c[3];
          b += c[2] * c[3];
          a += c[3];
        }
      }
      const i = (py * size + px) * 4;
      const alpha = a / n;
      out[i + 3] = Math.round(alpha);
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// The two icons.
// ---------------------------------------------------------------------------------------

const WHITE = hex('#FFFFFF');
/** Quadrant order on the card, reading order: criteria, risks / realisations, planning. */
const QUADRANT_TINTS = {
  criteria: hex('#E2F0F5'),
  risks: hex('#FDEEDC'),
  realisations: hex('#E2F3E7'),
  planning: hex('#E4ECF7')
};

/** 192x192 full-colour icon: white four-quadrant card on the accent colour. */
export function drawColorIcon(): Uint8Array {
  const card = { x0: 34, y0: 34, x1: 158, y1: 158 };
  const pad = 10;
  const gap = 6;
  const inner0 = card.x0 + pad; // 44
  const inner1 = card.x1 - pad; // 148
  const mid = (inner0 + inner1) / 2; // 96
  const t0 = inner0;
  const t1 = mid - gap / 2; // 93
  const t2 = mid + gap / 2; // 99
  const t3 = inner1;
  const tileR = 7;

  const accent = hex(ACCENT);
  const shapes: IShape[] = [
    // Soft shadow under the card, a shade darker than the background.
    { sdf: roundRect(card.x0 + 1, card.y0 + 4, card.x1 + 1, card.y1 + 4, 18), color: hex('#0A5670') },
    { sdf: roundRect(card.x0, card.y0, card.x1, card.y1, 18), color: WHITE },
    { sdf: roundRect(t0, t0, t1, t1, tileR), color: QUADRANT_TINTS.criteria },
    { sdf: roundRect(t2, t0, t3, t1, tileR), color: QUADRANT_TINTS.risks },
    { sdf: roundRect(t0, t2, t1, t3, tileR), color: QUADRANT_TINTS.realisations },
    { sdf: roundRect(t2, t2, t3, t3, tileR), color: QUADRANT_TINTS.planning }
  ];

  // Criteria (top left): a bulleted list.
  const listColor = accent;
  const cx0 = (t0 + t1) / 2; // 68.5
  const cy0 = (t0 + t1) / 2;
  for (const dy of [-11, 0, 11]) {
    shapes.push({ sdf: circle(cx0 - 12, cy0 + dy, 3), color: listColor });
    shapes.push({ sdf: capsule(cx0 - 5, cy0 + dy, cx0 + 14, cy0 + dy, 5), color: listColor });
  }

  // High risks (top right): an amber warning triangle with a white exclamation mark.
  const rx = (t2 + t3) / 2; // 123.5
  const ry = (t0 + t1) / 2; // 68.5
  shapes.push({
    sdf: convexPolygon([[rx, ry - 15], [rx + 17, ry + 14], [rx - 17, ry + 14]], 2.5),
    color: hex('#E07B12')
  });
  shapes.push({ sdf: capsule(rx, ry - 5, rx, ry + 4, 4.2), color: WHITE });
  shapes.push({ sdf: circle(rx, ry + 9.5, 2.4), color: WHITE });

  // Realisations (bottom left): a green check mark.
  const gx = (t0 + t1) / 2;
  const gy = (t2 + t3) / 2; // 123.5
  shapes.push({
    sdf: polyline([[gx - 14, gy + 1], [gx - 4, gy + 11], [gx + 15, gy - 10]], 7),
    color: hex('#238647')
  });

  // Planning (bottom right): three rising bars.
  const bx = (t2 + t3) / 2;
  const baseY = gy + 15;
  const barW = 7;
  const barGap = 4;
  const heights = [11, 20, 30];
  const left = bx - (3 * barW + 2 * barGap) / 2;
  heights.forEach((h, i) => {
    const x0 = left + i * (barW + barGap);
    shapes.push({ sdf: roundRect(x0, baseY - h, x0 + barW, baseY, 1.5), color: hex('#1D5FA6') });
  });

  return rasterise(192, accent, shapes, 6);
}

/** 32x32 outline icon: the same card in white on full transparency. */
export function drawOutlineIcon(): Uint8Array {
  const transparent: Rgba = [255, 255, 255, 0];
  const card = roundRect(3.5, 3.5, 28.5, 28.5, 4.5);
  const shapes: IShape[] = [
    // Card border and the quadrant cross.
    { sdf: stroke(card, 2), color: WHITE },
    { sdf: capsule(16, 4, 16, 28, 1.5), color: WHITE },
    { sdf: capsule(4, 16, 28, 16, 1.5), color: WHITE },
    // Criteria: two list lines.
    { sdf: capsule(7.5, 8.5, 12.5, 8.5, 1.5), color: WHITE },
    { sdf: capsule(7.5, 11.5, 11, 11.5, 1.5), color: WHITE },
    // Risks: an exclamation mark.
    { sdf: capsule(22, 7.5, 22, 10.5, 1.8), color: WHITE },
    { sdf: circle(22, 12.9, 0.95), color: WHITE },
    // Realisations: a check mark.
    { sdf: polyline([[7.3, 22], [9.6, 24.2], [12.9, 19.8]], 1.7), color: WHITE },
    // Planning: rising bars.
    { sdf: roundRect(18.5, 22.5, 20.2, 25.2, 0.3), color: WHITE },
    { sdf: roundRect(21.2, 20.5, 22.9, 25.2, 0.3), color: WHITE },
    { sdf: roundRect(23.9, 18.5, 25.6, 25.2, 0.3), color: WHITE }
  ];
  const pixels = rasterise(32, transparent, shapes, 8);
  // Teams wants only white and transparency: every pixel white, coverage in alpha.
  for (let i = 0; i < pixels.length; i += 4) {
    pixels[i] = 255;
    pixels[i + 1] = 255;
    pixels[i + 2] = 255;
  }
  return pixels;
}

/** Nearest-neighbour enlargement, to look at small icons. */
function enlarge(size: number, pixels: Uint8Array, factor: number, background?: Rgba): Uint8Array {
  const out = new Uint8Array(size * factor * size * factor * 4);
  for (let y = 0; y < size * factor; y++) {
    for (let x = 0; x < size * factor; x++) {
      const s = (Math.floor(y / factor) * size + Math.floor(x / factor)) * 4;
      const d = (y * size * factor + x) * 4;
      if (background) {
        const a = pixels[s + 3] / 255;
        for (let k = 0; k < 3; k++) {
          out[d + k] = Math.round(pixels[s + k] * a + background[k] * (1 - a));
        }
        out[d + 3] = 255;
      } else {
        out.set(pixels.subarray(s, s + 4), d);
      }
    }
  }
  return out;
}

export function iconFileNames(componentId: string = COMPONENT_ID): { color: string; outline: string } {
  return { color: `${componentId}_color.png`, outline: `${componentId}_outline.png` };
}

function argValue(args: readonly string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function main(): void {
  const args = process.argv.slice(2);
  const outDir = path.resolve(argValue(args, '--out') ?? path.join(__dirname, '..', 'teams'));
  const previewDir = argValue(args, '--preview');
  fs.mkdirSync(outDir, { recursive: true });
  const names = iconFileNames();
  const color = drawColorIcon();
  const outline = drawOutlineIcon();
  fs.writeFileSync(path.join(outDir, names.color), encodePng(192, 192, color));
  fs.writeFileSync(path.join(outDir, names.outline), encodePng(32, 32, outline));
  console.log(`Wrote ${path.join(outDir, names.color)} and ${path.join(outDir, names.outline)}`);
  if (previewDir) {
    fs.mkdirSync(previewDir, { recursive: true });
    fs.writeFileSync(path.join(previewDir, 'color-x4.png'), encodePng(768, 768, enlarge(192, color, 4)));
    // The outline icon on a Teams-like dark purple rail, enlarged.
    fs.writeFileSync(path.join(previewDir, 'outline-x8.png'), encodePng(256, 256, enlarge(32, outline, 8, hex('#464775'))));
    console.log(`Wrote previews to ${previewDir}`);
  }
}

if (require.main === module) {
  main();
}
