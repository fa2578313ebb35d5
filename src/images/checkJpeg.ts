// A JPEG walked marker by marker and decoded by us before pdfkit sees it. pdfkit embeds a JPEG
// as it is, after looking for the first frame header it can find: a file with garbage between
// its segments, a stray frame header, trailing bytes or a colour model it guesses wrong ends up
// in the PDF as a stream viewers cannot draw, or with a wrong size or colour space. Here the
// structure is checked (SOI, segment lengths inside the file, one frame header, a scan, EOI),
// the size against the limits, and the picture is decoded with jpeg-js under a memory cap to
// prove it decodes. A clean baseline or progressive JPEG in grey or RGB is embedded as it is;
// an untidy one (junk between segments or after the end) is written again from its segments
// alone, a CMYK one as a PNG (pdfkit guesses its inversion); anything else is refused.
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { checkImageSize, ImageRefused, MAX_DECODED_BYTES, MAX_IMAGE_PIXELS } from './imageLimits.js';

const BROKEN = 'the file is damaged: export it again from an image editor';
/**
 * Decoding visits every block of the picture once per scan: a progressive JPEG has about ten,
 * and a file of thousands of tiny scans (a "scan bomb") would keep the decoder busy for hours.
 */
const MAX_SCANS = 100;
const MAX_SCAN_PIXELS = 500_000_000;

export const isJpeg = (b: Buffer): boolean => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

interface Frame {
  width: number;
  height: number;
  precision: number;
  components: number;
  marker: number;
}

export interface CheckedJpeg {
  width: number;
  height: number;
  data: Buffer;
}

export function checkJpeg(b: Buffer): CheckedJpeg {
  const walked = walkMarkers(b);
  const { frame } = walked;
  const clean = walked.tidy ? b : walked.clean;
  // Baseline (C0, C1) and progressive (C2) Huffman only: lossless, hierarchical and arithmetic
  // coded frames are what neither jpeg-js nor many PDF viewers read.
  if (![0xc0, 0xc1, 0xc2].includes(frame.marker)) throw new ImageRefused(`it is a lossless, hierarchical or arithmetic-coded JPEG (SOF${frame.marker - 0xc0}), which PDF viewers do not all read`, 'save it as an ordinary (baseline) JPEG or a PNG');
  if (frame.precision !== 8) throw new ImageRefused(`it has ${frame.precision}-bit samples; PDF JPEGs have 8`, 'save it as an 8-bit JPEG or a PNG');
  if (![1, 3, 4].includes(frame.components)) throw new ImageRefused(`it has ${frame.components} colour components`, 'save it as an RGB or greyscale JPEG');
  checkImageSize(frame.width, frame.height, 4);
  if (walked.scans > MAX_SCANS || walked.scans * frame.width * frame.height > MAX_SCAN_PIXELS) {
    throw new ImageRefused(`it has ${walked.scans} scans; decoding it would take too long`, 'save it as an ordinary (baseline) JPEG');
  }
  let pixels: Uint8Array;
  try {
    pixels = jpeg.decode(clean, {
      useTArray: true,
      formatAsRGBA: true,
      tolerantDecoding: false,
      maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6,
      maxMemoryUsageInMB: MAX_DECODED_BYTES / 1048576,
    }).data;
  } catch (e) {
    throw new ImageRefused(`it cannot be decoded (${String((e as Error).message ?? e).slice(0, 120)})`, BROKEN);
  }
  // pdfkit inverts every 4-component JPEG as if Adobe wrote it; a decoded RGB copy is always right.
  if (frame.components !== 4) return { width: frame.width, height: frame.height, data: clean };
  const png = new PNG({ width: frame.width, height: frame.height, colorType: 2, inputHasAlpha: true });
  png.data = Buffer.from(pixels.buffer, pixels.byteOffset, pixels.byteLength);
  return { width: frame.width, height: frame.height, data: PNG.sync.write(png, { colorType: 2, inputColorType: 6, inputHasAlpha: true }) };
}

/**
 * The frame header, whether the file is tidy (nothing between segments, nothing after EOI), and
 * the file made of its segments and scans alone.
 */
function walkMarkers(b: Buffer): { frame: Frame; tidy: boolean; clean: Buffer; scans: number } {
  const pieces: Buffer[] = [b.subarray(0, 2)];
  if (!isJpeg(b)) throw new ImageRefused('is not a JPEG', BROKEN);
  let frame: Frame | undefined;
  let tidy = true;
  let scans = 0;
  let pos = 2;
  for (;;) {
    if (pos >= b.length) throw new ImageRefused('it ends before its end marker (EOI): the file is cut short', BROKEN);
    if (b[pos] !== 0xff) {
      // Bytes where a marker belongs: skipped to the next marker, and the picture written again.
      tidy = false;
      while (pos < b.length && b[pos] !== 0xff) pos++;
      continue;
    }
    // Fill bytes (runs of FF) may precede a marker.
    while (pos < b.length && b[pos] === 0xff) pos++;
    if (pos >= b.length) throw new ImageRefused('it ends before its end marker (EOI): the file is cut short', BROKEN);
    const marker = b[pos++];
    if (marker === 0xd9) {
      if (!frame || !scans) throw new ImageRefused('it ends before its picture data', BROKEN);
      if (pos !== b.length) tidy = false;
      pieces.push(Buffer.from([0xff, 0xd9]));
      return { frame, tidy, clean: Buffer.concat(pieces), scans };
    }
    if (marker === 0x00 || marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      // A stuffed byte, a second SOI, or a restart marker outside a scan: not a segment.
      tidy = false;
      continue;
    }
    if (pos + 2 > b.length) throw new ImageRefused('it ends inside a segment: the file is cut short', BROKEN);
    const length = b.readUInt16BE(pos);
    if (length < 2 || pos + length > b.length) throw new ImageRefused(`a segment (marker FF${marker.toString(16).toUpperCase()}) claims ${length} bytes, more than the file holds`, BROKEN);
    const seg = b.subarray(pos + 2, pos + length);
    pieces.push(Buffer.from([0xff, marker]), b.subarray(pos, pos + length));
    pos += length;
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) {
      if (frame) throw new ImageRefused('it has two frame headers (SOF)', BROKEN);
      if (seg.length < 6 || seg.length !== 6 + 3 * seg[5]) throw new ImageRefused('its frame header (SOF) is malformed', BROKEN);
      frame = { marker, precision: seg[0], height: seg.readUInt16BE(1), width: seg.readUInt16BE(3), components: seg[5] };
      if (frame.height === 0) throw new ImageRefused('its height is given after the picture (DNL), which PDF does not allow', 'save it again from an image editor');
    } else if (marker === 0xda) {
      if (!frame) throw new ImageRefused('its picture data comes before its frame header (SOF)', BROKEN);
      scans++;
      const end = skipEntropyData(b, pos);
      pieces.push(b.subarray(pos, end));
      pos = end;
    }
  }
}

/** The position of the first marker after a scan's coded data (stuffed 00 and RSTn are part of it). */
function skipEntropyData(b: Buffer, pos: number): number {
  for (;;) {
    const at = b.indexOf(0xff, pos);
    if (at < 0 || at + 1 >= b.length) throw new ImageRefused('it ends inside its picture data: the file is cut short', BROKEN);
    const next = b[at + 1];
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) pos = at + (next === 0xff ? 1 : 2);
    else return at;
  }
}
