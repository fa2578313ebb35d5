// Hostile pictures made in code, for the image decoder's unit tests and the hostile-input suite:
// each is small on disk and aimed at one weakness of a trusting PNG or JPEG reader.
import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import jpeg from 'jpeg-js';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngChunk(type: string, data: Buffer, length = data.length): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(length >>> 0);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function ihdr(w: number, h: number, depth = 8, colourType = 2, interlace = 0): Buffer {
  const d = Buffer.alloc(13);
  d.writeUInt32BE(w, 0);
  d.writeUInt32BE(h, 4);
  d[8] = depth;
  d[9] = colourType;
  d[12] = interlace;
  return pngChunk('IHDR', d);
}

/** A well-formed w×h RGB PNG of one colour. */
export function plainPng(w: number, h: number): Buffer {
  const raw = Buffer.alloc((w * 3 + 1) * h, 0x80);
  for (let y = 0; y < h; y++) raw[y * (w * 3 + 1)] = 0;
  return Buffer.concat([PNG_SIGNATURE, ihdr(w, h), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** 57 bytes: a header, then a chunk whose length is -1 read as a signed number (the loop that never ends). */
export function negativeLengthPng(): Buffer {
  const bad = Buffer.alloc(12);
  bad.writeInt32BE(-1, 0);
  bad.write('tEXt', 4, 'latin1');
  return Buffer.concat([PNG_SIGNATURE, ihdr(1, 1), bad, Buffer.alloc(57 - 8 - 25 - 12)]);
}

/** About 1 KB declaring 60000×60000 RGBA. */
export function hugeDeclaredPng(): Buffer {
  return Buffer.concat([PNG_SIGNATURE, ihdr(60000, 60000, 8, 6), pngChunk('IDAT', deflateSync(Buffer.alloc(60001 * 4 * 2))), pngChunk('IEND', Buffer.alloc(0))]);
}

/**
 * A PNG bomb: a 1000×1000 greyscale header over a valid zlib stream that inflates to `inflated`
 * bytes of zeros (1 GB by default). One deflate block for 16 MB of zeros, ended on a byte
 * boundary (sync flush), is repeated: each block only refers back to zeros, so the stream stays
 * valid, and the test never holds the inflated bytes.
 */
export function pngBomb(inflated = 1024 * 1024 * 1024): Buffer {
  const step = 16 * 1024 * 1024;
  const block = deflateRawSync(Buffer.alloc(step), { level: 9, finishFlush: constants.Z_SYNC_FLUSH });
  const blocks = Math.ceil(inflated / step);
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((blocks * step) % 65521) * 65536 + 1) >>> 0);
  // 78 DA: zlib header; 03 00: an empty final fixed-Huffman block.
  const zlib = Buffer.concat([Buffer.from([0x78, 0xda]), ...Array<Buffer>(blocks).fill(block), Buffer.from([0x03, 0x00]), adler]);
  return Buffer.concat([PNG_SIGNATURE, ihdr(1000, 1000, 8, 0), pngChunk('IDAT', zlib), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A PNG whose image data is not a zlib stream (its CRC correct, so only inflating finds it). */
export function corruptIdatPng(): Buffer {
  const good = deflateSync(Buffer.alloc((16 * 3 + 1) * 16));
  const bad = Buffer.from(good);
  for (let i = 2; i < bad.length - 4; i++) bad[i] ^= 0x5a;
  return Buffer.concat([PNG_SIGNATURE, ihdr(16, 16), pngChunk('IDAT', bad), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A real baseline JPEG (jpeg-js's encoder): a w×h gradient. */
export function plainJpeg(w = 64, h = 48): Buffer {
  const data = Buffer.alloc(w * h * 4);
  for (let i = 0; i < w * h; i++) data.set([(i % w) * 4, (i / w) * 5, 120, 255], i * 4);
  return jpeg.encode({ width: w, height: h, data }, 85).data;
}

/** A JPEG cut off in the middle of its picture data. */
export function truncatedJpeg(): Buffer {
  const j = plainJpeg(128, 96);
  return j.subarray(0, Math.floor(j.length * 0.6));
}

/**
 * A JPEG that still decodes but is untidy in ways pdfkit copies into the PDF as they are: junk
 * bytes between two segments, and junk after the end marker.
 */
export function garbageSegmentsJpeg(): Buffer {
  const j = plainJpeg(64, 48);
  // After SOI and the APP0 segment (its length at bytes 4–5).
  const at = 4 + j.readUInt16BE(4);
  return Buffer.concat([j.subarray(0, at), Buffer.from('garbage between segments'), j.subarray(at), Buffer.from('trailing junk after EOI')]);
}

/**
 * A JPEG with a garbage segment pdfkit trusts: a stray frame header (2 components, 16×16)
 * before the real one. pdfkit takes its size and colour model from the first it finds and
 * embeds the file as it is; libjpeg (qpdf --check) then fails on "two SOF markers".
 */
export function strayFrameJpeg(): Buffer {
  const j = plainJpeg(64, 48);
  const at = 4 + j.readUInt16BE(4);
  return Buffer.concat([j.subarray(0, at), Buffer.from([0xff, 0xc0, 0x00, 0x0e, 0x08, 0x00, 0x10, 0x00, 0x10, 0x02, 1, 0x11, 0, 2, 0x11, 0]), j.subarray(at)]);
}
