// The logo and cover image named in content/config.yaml, read when the project is loaded so
// that a missing file or an SVG the reader refuses is reported with the other input errors.
// An SVG is kept as shapes (drawn as vectors); a PNG or JPEG goes through the image reader
// Markdown images use.
import { ErrorList, InputError } from '../errors.js';
import { loadImage } from '../resolve/loadImage.js';
import type { ConfigImage } from './brandConfig.js';
import { readSvg, type VectorDrawing } from './readSvg.js';
import { readInputText } from './readInputFile.js';

/** A logo is small: a larger SVG is a drawing with embedded pictures, or not a logo. */

export type Picture =
  | { kind: 'vector'; drawing: VectorDrawing; width: number; height: number }
  | { kind: 'raster'; data: Buffer; width: number; height: number };

export function loadConfigPicture(root: string, image: ConfigImage | undefined, errors: ErrorList): Picture | undefined {
  if (!image) return undefined;
  try {
    if (/\.svg$/i.test(image.file)) {
      // Through the one safe reader: inside content/ with links resolved, a regular file, and a
      // logo SVG of at most 1 MB (the template limit would allow less than a detailed logo needs).
      const text = readInputText({
        root, file: image.file, kind: 'svg', place: image.place, tooLargeHint: 'simplify it, or give a PNG',
        ifMissing: () => new InputError(image.place, `${image.file} does not exist`, 'put the logo under content/ and give its path from there'),
      });
      const drawing = readSvg(text, image.file);
      return { kind: 'vector', drawing, width: drawing.viewBox[2], height: drawing.viewBox[3] };
    }
    const img = loadImage(root, image.file.replace(/^content\//, ''), image.place);
    return { kind: 'raster', data: img.data, width: img.width, height: img.height };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    errors.push(e);
    return undefined;
  }
}
