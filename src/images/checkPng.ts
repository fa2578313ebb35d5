// A PNG walked and checked by us before pdfkit's PNG reader (png-js) sees it: png-js trusts the
// file — a negative chunk length loops forever, a huge IHDR throws a RangeError, an IDAT that
// inflates to gigabytes is inflated whole. Here the chunk structure is checked first (signature,
// every length inside the file, CRCs, IHDR first, known depth and colour type, IEND), the size
// against the limits before anything is inflated, and then the image data is inflated with its
// output capped at the size the header implies, so a bomb stops at that size.
import { crc32, inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { checkImageSize, ImageRefused } from './imageLimits.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Channels of each colour type, and the bit depths the PNG specification allows for it. */
const COLOUR_TYPES: Record<number, { channels: number; depths: number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};
/** Adam7 passes: first column, first row, column step, row step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

const BROKEN = 'the file is damaged: export it again from an image editor';

export interface CheckedPng {
  width: number;
  height: number;
  /** The bytes to embed: the file itself, or the picture written again where png-js would misread it. */
  data: Buffer;
}

interface Header {
  width: number;
  height: number;
  depth: number;
  colourType: number;
  interlaced: boolean;
}

export const isPng = (b: Buffer): boolean => b.length >= 8 && b.subarray(0, 8).equals(SIGNATURE);

export function checkPng(b: Buffer): CheckedPng {
  const { header, idat, hasTransparency } = walkChunks(b);
  const { channels } = COLOUR_TYPES[header.colourType];
  // Decoded by png-js for pictures with alpha, by pngjs when written again: at most 8 bytes a pixel.
  checkImageSize(header.width, header.height, Math.max(4, (channels * header.depth) / 8));
  const rows = scanlines(header, channels);
  const expected = rows.reduce((n, r) => n + r.count * (1 + r.bytes), 0);
  let raw: Buffer;
  try {
    raw = inflateSync(idat, { maxOutputLength: expected + 1 });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new ImageRefused(`its image data inflates to more than the ${expected} bytes its ${header.width}×${header.height} pixels need`, BROKEN);
    throw new ImageRefused(`its image data cannot be inflated (${(e as Error).message})`, BROKEN);
  }
  if (raw.length !== expected) throw new ImageRefused(`its image data is ${raw.length > expected ? 'longer' : 'shorter'} than its ${header.width}×${header.height} pixels need`, BROKEN);
  let at = 0;
  for (const r of rows) {
    for (let y = 0; y < r.count; y++, at += 1 + r.bytes) {
      if (raw[at] > 4) throw new ImageRefused(`row filter ${raw[at]} is not a PNG filter`, BROKEN);
    }
  }
  // png-js reads interlaced pictures, and those of under 8 bits with transparency, a pixel at a
  // time with fractional byte counts and gets them wrong: they are written again, plainly.
  const rewrite = header.interlaced || (header.depth < 8 && hasTransparency);
  return { width: header.width, height: header.height, data: rewrite ? rewritePng(b) : b };
}

function walkChunks(b: Buffer): { header: Header; idat: Buffer; hasTransparency: boolean } {
  if (!isPng(b)) throw new ImageRefused('is not a PNG', BROKEN);
  let header: Header | undefined;
  const idat: Buffer[] = [];
  let idatEnded = false;
  let hasPalette = false;
  let hasTransparency = false;
  let pos = 8;
  for (let index = 0; ; index++) {
    if (pos + 12 > b.length) throw new ImageRefused(`it ends before its IEND chunk (${b.length} bytes)`, BROKEN);
    const length = b.readUInt32BE(pos);
    const type = b.toString('latin1', pos + 4, pos + 8);
    // The PNG specification caps lengths at 2^31-1: a larger one is "negative" to a signed reader.
    if (length > 0x7fffffff || pos + 12 + length > b.length) throw new ImageRefused(`chunk ${index + 1} (${JSON.stringify(type)}) claims ${length} bytes, more than the file holds`, BROKEN);
    if (!/^[A-Za-z]{4}$/.test(type)) throw new ImageRefused(`chunk ${index + 1} has no valid type`, BROKEN);
    const data = b.subarray(pos + 8, pos + 8 + length);
    if (crc32(data, crc32(b.subarray(pos + 4, pos + 8))) !== b.readUInt32BE(pos + 8 + length)) throw new ImageRefused(`chunk ${type} fails its checksum (CRC)`, BROKEN);
    pos += 12 + length;
    if (index === 0) {
      if (type !== 'IHDR' || length !== 13) throw new ImageRefused('it does not start with an IHDR chunk', BROKEN);
      header = readHeader(data);
      continue;
    }
    if (!header) throw new ImageRefused('it does not start with an IHDR chunk', BROKEN);
    if (type === 'IHDR') throw new ImageRefused('it has two IHDR chunks', BROKEN);
    if (type === 'IDAT') {
      if (idatEnded) throw new ImageRefused('its IDAT chunks are not consecutive', BROKEN);
      idat.push(data);
      continue;
    }
    if (idat.length) idatEnded = true;
    if (type === 'IEND') break;
    if (type === 'PLTE') {
      if (length === 0 || length % 3 || length > 768) throw new ImageRefused('its palette (PLTE) is malformed', BROKEN);
      hasPalette = true;
    } else if (type === 'tRNS') {
      hasTransparency = true;
    } else if (type[0] === type[0].toUpperCase()) {
      // An unknown critical chunk: the specification says a reader must not show the picture.
      throw new ImageRefused(`it has an unknown critical chunk ${type}`, 'save it again as a plain PNG');
    }
  }
  if (!header) throw new ImageRefused('it has no IHDR chunk', BROKEN);
  if (!idat.length) throw new ImageRefused('it has no image data (IDAT)', BROKEN);
  if (header.colourType === 3 && !hasPalette) throw new ImageRefused('it is a palette picture without a palette (PLTE)', BROKEN);
  return { header, idat: Buffer.concat(idat), hasTransparency };
}

function readHeader(d: Buffer): Header {
  const width = d.readUInt32BE(0);
  const height = d.readUInt32BE(4);
  const [depth, colourType, compression, filter, interlace] = [d[8], d[9], d[10], d[11], d[12]];
  const kind = COLOUR_TYPES[colourType];
  if (!kind) throw new ImageRefused(`colour type ${colourType} is not a PNG colour type`, BROKEN);
  if (!kind.depths.includes(depth)) throw new ImageRefused(`bit depth ${depth} is not allowed for colour type ${colourType}`, BROKEN);
  if (compression !== 0 || filter !== 0 || interlace > 1) throw new ImageRefused('its header names an unknown compression, filter or interlace method', BROKEN);
  if (width > 0x7fffffff || height > 0x7fffffff) throw new ImageRefused(`declares ${width}×${height} pixels`, BROKEN);
  return { width, height, depth, colourType, interlaced: interlace === 1 };
}

/** Rows of each pass (one pass unless interlaced) and the bytes of each row after its filter byte. */
function scanlines(h: Header, channels: number): { count: number; bytes: number }[] {
  const passes = h.interlaced ? ADAM7 : [[0, 0, 1, 1] as const];
  return passes
    .map(([x0, y0, dx, dy]) => {
      const w = h.width > x0 ? Math.ceil((h.width - x0) / dx) : 0;
      const rows = h.height > y0 ? Math.ceil((h.height - y0) / dy) : 0;
      return { count: w ? rows : 0, bytes: Math.ceil((w * channels * h.depth) / 8) };
    })
    .filter((p) => p.count > 0);
}

/** The picture decoded by pngjs (structure and size already checked) and written as plain 8-bit RGBA. */
function rewritePng(b: Buffer): Buffer {
  try {
    const png = PNG.sync.read(b);
    return PNG.sync.write(png, { colorType: 6, inputColorType: 6, inputHasAlpha: true });
  } catch (e) {
    throw new ImageRefused(`it cannot be decoded (${(e as Error).message})`, BROKEN);
  }
}
