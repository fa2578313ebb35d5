// Every picture an author places or a chart draws, checked and normalised before pdfkit sees it
// (its own PNG and JPEG readers trust the file): PNG and JPEG only, structure walked, size
// within the limits, decoded to prove it decodes, written again where pdfkit would embed it wrongly.
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

/** The picture in `b`, ready for pdfkit, or ImageRefused saying what is wrong with it. */
export function decodeImage(b: Buffer): DecodedImage {
  if (isPng(b)) return checkPng(b);
  if (isJpeg(b)) return checkJpeg(b);
  throw new ImageRefused('is not a PNG or JPEG image', 'save it as PNG or JPEG');
}
