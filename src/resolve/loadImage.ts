// Images the author places: PNG or JPEG, from content/ only, at most 5 MB, with a description.
// Checked by their bytes, not their names, before anything reaches pdfkit: read through the one
// safe reader, the structure walked, the size within limits and the picture decoded by
// images/decodeImage.ts.
import { InputError, type SourcePlace } from '../errors.js';
import { checkContentPath } from '../load/contentPath.js';
import { readInputFile } from '../load/readInputFile.js';
import { decodeImage, ImageRefused } from '../images/decodeImage.js';

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
  try {
    return decodeImage(data);
  } catch (e) {
    if (!(e instanceof ImageRefused)) throw e;
    throw new InputError(place, `image content/${src}${e.problem.startsWith('is ') ? ' ' : ': '}${e.problem}`, e.hint);
  }
}
