/** @jest-environment node */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync } from 'child_process';
import { ACCENT, encodePng, iconFileNames } from '../../scripts/draw-icons';
import { decodePng, hexToRgb, IPng, pixelAt, readPngSize } from './png';

const ROOT = path.resolve(__dirname, '..', '..');
const TEAMS = path.join(ROOT, 'teams');
const COMPONENT_ID = 'ae9cbe34-f28a-4b0e-90d2-dcd9b5cbb046';
const COLOR = path.join(TEAMS, `${COMPONENT_ID}_color.png`);
const OUTLINE = path.join(TEAMS, `${COMPONENT_ID}_outline.png`);
/** Where the SPFx generator's default icons were left when the project was generated. */
const GENERATOR_DEFAULT_COLOR = `/tmp/gen/organisatiebeheersing/teams/${COMPONENT_ID}_color.png`;

function near(actual: number[], expected: number[], tolerance = 6): boolean {
  return expected.every((v, i) => Math.abs(actual[i] - v) <= tolerance);
}

function expectColor(png: IPng, x: number, y: number, hex: string): void {
  const [r, g, b, a] = pixelAt(png, x, y);
  const ok = near([r, g, b, a], [...hexToRgb(hex), 255]);
  if (!ok) {
    throw new Error(`Pixel (${x},${y}) is rgba(${r},${g},${b},${a}), expected ${hex}`);
  }
}

describe('Teams icons of the Domain cards web part', () => {
  const colorFile = fs.readFileSync(COLOR);
  const outlineFile = fs.readFileSync(OUTLINE);

  it('are named after the component id, as the manifest and SPFx expect', () => {
    expect(iconFileNames()).toEqual({ color: path.basename(COLOR), outline: path.basename(OUTLINE) });
  });

  it('are PNG files of 192x192 (colour) and 32x32 (outline)', () => {
    expect(readPngSize(colorFile)).toEqual({ width: 192, height: 192 });
    expect(readPngSize(outlineFile)).toEqual({ width: 32, height: 32 });
    const outline = decodePng(outlineFile);
    expect(outline.colorType).toBe(6); // RGBA: the outline icon needs transparency
  });

  it('the outline icon has only white or fully transparent pixels, and draws something', () => {
    const png = decodePng(outlineFile);
    let opaque = 0;
    const offenders: string[] = [];
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) {
        const [r, g, b, a] = pixelAt(png, x, y);
        if (a !== 0 && (r !== 255 || g !== 255 || b !== 255)) {
          offenders.push(`(${x},${y})=rgba(${r},${g},${b},${a})`);
        }
        if (a >= 200) {
          opaque++;
        }
      }
    }
    expect(offenders).toEqual([]);
    expect(opaque).toBeGreaterThan(80);
    // Transparent background around the card, the card's quadrant cross drawn in white.
    for (const [x, y] of [[0, 0], [31, 0], [0, 31], [31, 31], [1, 16]]) {
      expect(pixelAt(png, x, y)[3]).toBe(0);
    }
    expect(pixelAt(png, 10, 15)[3]).toBeGreaterThan(128);
    expect(pixelAt(png, 15, 10)[3]).toBeGreaterThan(128);
  });

  it('the colour icon is opaque, on the accent colour, with the four-quadrant card motif', () => {
    const png = decodePng(colorFile);
    let translucent = 0;
    const colours = new Set<number>();
    for (let i = 0; i < png.pixels.length; i += 4) {
      if (png.pixels[i + 3] !== 255) {
        translucent++;
      }
      colours.add((png.pixels[i] << 16) | (png.pixels[i + 1] << 8) | png.pixels[i + 2]);
    }
    expect(translucent).toBe(0);
    // Anti-aliased, several colours (not a flat or two-tone generator glyph).
    expect(colours.size).toBeGreaterThan(50);

    // Background: the manifest's accent colour, full bleed.
    expectColor(png, 4, 4, ACCENT);
    expectColor(png, 187, 96, ACCENT);
    // The white card, its margin around the quadrants.
    expectColor(png, 38, 96, '#FFFFFF');
    expectColor(png, 96, 96, '#FFFFFF');
    // Criteria (top left): tinted tile with list lines in the accent colour.
    expectColor(png, 48, 88, '#E2F0F5');
    expectColor(png, 72, 68, ACCENT);
    // High risks (top right): amber warning triangle.
    expectColor(png, 112, 79, '#E07B12');
    // Realisations (bottom left): green check mark on a green tint.
    expectColor(png, 64, 133, '#238647');
    expectColor(png, 48, 104, '#E2F3E7');
    // Planning (bottom right): the tallest rising bar.
    expectColor(png, 134, 125, '#1D5FA6');
    expectColor(png, 112, 104, '#E4ECF7');
  });

  it('the colour icon is not the SPFx generator default', () => {
    const defaults = [GENERATOR_DEFAULT_COLOR].filter((f) => fs.existsSync(f));
    const hash = (b: Buffer): string => crypto.createHash('sha256').update(b).digest('hex');
    for (const file of defaults) {
      expect(hash(colorFile)).not.toBe(hash(fs.readFileSync(file)));
    }
    // The generator's default is a dark glyph on a light grey background; ours is the accent colour.
    const corner = pixelAt(decodePng(colorFile), 0, 0);
    expect(near(corner, [...hexToRgb(ACCENT), 255])).toBe(true);
  });

  it('the PNG encoder round-trips through an independent decoder', () => {
    const w = 7;
    const h = 5;
    const rgba = new Uint8Array(w * h * 4);
    for (let i = 0; i < rgba.length; i++) {
      rgba[i] = (i * 37 + (i >> 3) * 11) & 0xff; // varied rows, so every filter type gets used
    }
    const png = decodePng(encodePng(w, h, rgba));
    expect([png.width, png.height, png.colorType, png.bitDepth]).toEqual([w, h, 6, 8]);
    expect(Buffer.from(png.pixels).equals(Buffer.from(rgba))).toBe(true);
  });

  it('the decoder rejects a damaged PNG (so the checks above can fail)', () => {
    const damaged = Buffer.from(colorFile);
    damaged[40] ^= 0xff; // inside the first IDAT chunk: the CRC no longer matches
    expect(() => decodePng(damaged)).toThrow(/CRC/);
    expect(() => readPngSize(Buffer.from('not a png at all'))).toThrow(/signature/);
  });

  // Drawing in-process under ts-jest is ~15x slower than tsx, so this runs the real CLI.
  it('the committed icons are exactly what scripts/draw-icons.ts draws (CLI, --out)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'icons-'));
    try {
      execFileSync(path.join(ROOT, 'node_modules', '.bin', 'tsx'), [path.join(ROOT, 'scripts', 'draw-icons.ts'), '--out', dir], {
        cwd: ROOT,
        stdio: 'pipe'
      });
      expect(fs.readFileSync(path.join(dir, path.basename(COLOR))).equals(colorFile)).toBe(true);
      expect(fs.readFileSync(path.join(dir, path.basename(OUTLINE))).equals(outlineFile)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
