// Every picture an author places or a chart draws, checked and normalised before pdfkit sees it
// (its own PNG and JPEG readers trust the file): PNG and JPEG only, structure walked, size
// within the limits, decoded to prove it decodes, written again where pdfkit would embed it wrongly.
import { createHash } from 'node:crypto';
import { checkJpeg, isJpeg } from './checkJpeg.js';
import { checkPng, isPng } from './checkPng.js';
import { ImageRefused } from './imageLimits.js';

export { ImageRefused } from './imageLimits.js';

export interface DecodedImage {
  /** The bytes pdfkit embeds. */
  data: Buffer;
  /** Pixel size. */
  width: number;
  height: number;
}

/**
 * Outcomes by the SHA-256 of the file, for this process: decoding a 12-megapixel JPEG to prove
 * it decodes takes seconds, and watch mode, chart image marks and documents sharing a picture
 * would pay it again on every rebuild. At most 128 MB of pictures kept, oldest first out.
 */
const MEMO_BYTES = 128 * 1024 * 1024;
const memo = new Map<string, DecodedImage | ImageRefused>();
let memoBytes = 0;
const sizeOf = (r: DecodedImage | ImageRefused) => (r instanceof ImageRefused ? 1024 : r.data.length);

/** The picture in `b`, ready for pdfkit, or ImageRefused saying what is wrong with it. */
export function decodeImage(b: Buffer): DecodedImage {
  const key = createHash('sha256').update(b).digest('hex');
  let r = memo.get(key);
  if (!r) {
    try {
      r = check(b);
    } catch (e) {
      if (!(e instanceof ImageRefused)) throw e;
      r = e;
    }
    while (memo.size && memoBytes + sizeOf(r) > MEMO_BYTES) {
      const [oldest, old] = memo.entries().next().value!;
      memo.delete(oldest);
      memoBytes -= sizeOf(old);
    }
    if (sizeOf(r) <= MEMO_BYTES) {
      memo.set(key, r);
      memoBytes += sizeOf(r);
    }
  }
  if (r instanceof ImageRefused) throw r;
  // The file itself when it is embedded as it is, so callers keep their own buffer.
  return r.data.equals(b) ? { ...r, data: b } : r;
}

function check(b: Buffer): DecodedImage {
  if (isPng(b)) return checkPng(b);
  if (isJpeg(b)) return checkJpeg(b);
  throw new ImageRefused('is not a PNG or JPEG image', 'save it as PNG or JPEG');
}
