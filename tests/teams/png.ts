/**
 * A small, independent PNG reader for the icon tests: checks the signature and every
 * chunk's CRC, reads IHDR, inflates IDAT and undoes the five scanline filters.
 * Only what Teams icons need: 8-bit RGBA or RGB, not interlaced.
 */
import * as zlib from 'zlib';

export interface IPng {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  /** RGBA, 4 bytes a pixel, row-major. */
  pixels: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function crc32(data: Buffer): number {
  let c = ~0;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) {
      c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
    }
  }
  return ~c >>> 0;
}

/** Width and height from IHDR, without decoding the image. */
export function readPngSize(file: Buffer): { width: number; height: number } {
  if (!file.subarray(0, 8).equals(SIGNATURE)) {
    throw new Error('Not a PNG file (bad signature)');
  }
  if (file.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error('First chunk is not IHDR');
  }
  return { width: file.readUInt32BE(16), height: file.readUInt32BE(20) };
}

export function decodePng(file: Buffer): IPng {
  readPngSize(file);
  let pos = 8;
  let header: Omit<IPng, 'pixels'> | undefined;
  const idat: Buffer[] = [];
  let ended = false;
  while (pos < file.length) {
    const length = file.readUInt32BE(pos);
    const type = file.toString('ascii', pos + 4, pos + 8);
    const data = file.subarray(pos + 8, pos + 8 + length);
    const crc = file.readUInt32BE(pos + 8 + length);
    if (crc32(file.subarray(pos + 4, pos + 8 + length)) !== crc) {
      throw new Error(`Bad CRC in chunk ${type}`);
    }
    if (type === 'IHDR') {
      header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8],
        colorType: data[9],
        interlace: data[12]
      };
    } else if (type === 'IDAT') {
      idat.push(Buffer.from(data));
    } else if (type === 'IEND') {
      ended = true;
      break;
    }
    pos += 12 + length;
  }
  if (!header || !ended || idat.length === 0) {
    throw new Error('PNG lacks IHDR, IDAT or IEND');
  }
  if (header.bitDepth !== 8 || (header.colorType !== 6 && header.colorType !== 2) || header.interlace !== 0) {
    throw new Error(`Unsupported PNG: depth ${header.bitDepth}, colour type ${header.colorType}, interlace ${header.interlace}`);
  }
  const bpp = header.colorType === 6 ? 4 : 3;
  const stride = header.width * bpp;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  if (raw.length !== (stride + 1) * header.height) {
    throw new Error(`Unexpected image data length ${raw.length}`);
  }
  const out = new Uint8Array(stride * header.height);
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    for (let i = 0; i < stride; i++) {
      const x = raw[src + i];
      const a = i >= bpp ? out[row + i - bpp] : 0;
      const b = y > 0 ? out[row - stride + i] : 0;
      const c = y > 0 && i >= bpp ? out[row - stride + i - bpp] : 0;
      let predictor: number;
      switch (filter) {
        case 0: predictor = 0; break;
        case 1: predictor = a; break;
        case 2: predictor = b; break;
        case 3: predictor = (a + b) >> 1; break;
        case 4: {
          const p = a + b - c;
          const pa = Math.abs(p - a);
          const pb = Math.abs(p - b);
          const pc = Math.abs(p - c);
          predictor = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
          break;
        }
        default:
          throw new Error(`Bad filter type ${filter} on row ${y}`);
      }
      out[row + i] = (x + predictor) & 0xff;
    }
  }
  let pixels = out;
  if (bpp === 3) {
    pixels = new Uint8Array(header.width * header.height * 4);
    for (let p = 0; p < header.width * header.height; p++) {
      pixels.set(out.subarray(p * 3, p * 3 + 3), p * 4);
      pixels[p * 4 + 3] = 255;
    }
  }
  return { ...header, pixels };
}

export function pixelAt(png: IPng, x: number, y: number): [number, number, number, number] {
  const i = (y * png.width + x) * 4;
  return [png.pixels[i], png.pixels[i + 1], png.pixels[i + 2], png.pixels[i + 3]];
}

export function hexToRgb(hex: string): [number, number, number] {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) {
    throw new Error(`Not a #rrggbb colour: ${hex}`);
  }
  return [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)];
}
