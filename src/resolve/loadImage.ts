// Images the author places: PNG or JPEG, from content/ only, at most 5 MB, with a description.
// Checked by their bytes, not their names, before anything reaches pdfkit: the structure walked,
// the size within limits and the picture decoded by images/decodeImage.ts.
import { readFileSync, statSync } from 'node:fs';
import { InputError, type SourcePlace } from '../errors.js';
import { checkContentPath } from '../load/contentPath.js';
import { decodeImage, ImageRefused } from '../images/decodeImage.js';

const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

export interface LoadedImage {
  data: Buffer;
  /** Pixel size. */
  width: number;
  height: number;
}

export function loadImage(root: string, src: string, place: SourcePlace): LoadedImage {
  if (/^https?:/i.test(src)) throw new InputError(place, `image ${src} is on the web and is not fetched`, 'save it under content/images/ and use that path');
  checkContentPath(src, place);
  const path = `${root}/content/${src}`;
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new InputError(place, `image content/${src} does not exist`, 'put images under content/ and give the path from there');
  }
  if (size > MAX_IMAGE_BYTES) throw new InputError(place, `image content/${src} is ${(size / 1048576).toFixed(1)} MB; the limit is 5 MB`, 'export it smaller');
  const data = readFileSync(path);
  try {
    return decodeImage(data);
  } catch (e) {
    if (!(e instanceof ImageRefused)) throw e;
    throw new InputError(place, `image content/${src}${e.problem.startsWith('is ') ? ' ' : ': '}${e.problem}`, e.hint);
  }
}
