// Images the author places: PNG or JPEG, from content/ only, at most 5 MB, with a description.
// Checked by their bytes, not their names, before anything reaches pdfkit.
import { InputError, type SourcePlace } from '../errors.js';
import { checkContentPath } from '../load/contentPath.js';
import { readInputFile } from '../load/readInputFile.js';

export interface LoadedImage {
  data: Buffer;
  /** Pixel size. */
  width: number;
  height: number;
}

export function loadImage(root: string, src: string, place: SourcePlace): LoadedImage {
  if (/^https?:/i.test(src)) throw new InputError(place, `image ${src} is on the web and is not fetched`, 'save it under content/images/ and use that path');
  checkContentPath(src, place);
  const data = readInputFile({
    root, file: `content/${src}`, kind: 'image', place, subject: `image content/${src}`, tooLargeHint: 'export it smaller',
    ifMissing: () => new InputError(place, `image content/${src} does not exist`, 'put images under content/ and give the path from there'),
  });
  const dims = pngSize(data) ?? jpegSize(data);
  if (!dims) throw new InputError(place, `content/${src} is not a PNG or JPEG image`, 'save it as PNG or JPEG');
  return { data, ...dims };
}

function pngSize(b: Buffer): { width: number; height: number } | null {
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function jpegSize(b: Buffer): { width: number; height: number } | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null;
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1];
    const len = b.readUInt16BE(i + 2);
    // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: b.readUInt16BE(i + 5), width: b.readUInt16BE(i + 7) };
    }
    i += 2 + len;
  }
  return null;
}
