// The logo and cover image named in content/config.yaml, read when the project is loaded so
// that a missing file or an SVG the reader refuses is reported with the other input errors.
// An SVG is kept as shapes (drawn as vectors); a PNG or JPEG goes through the image reader
// Markdown images use.
import { readFileSync, statSync } from 'node:fs';
import { ErrorList, InputError } from '../errors.js';
import { loadImage } from '../resolve/loadImage.js';
import type { ConfigImage } from './brandConfig.js';
import { readSvg, type VectorDrawing } from './readSvg.js';

/** A logo is small: a larger SVG is a drawing with embedded pictures, or not a logo. */
const MAX_SVG_BYTES = 1024 * 1024;

export type Picture =
  | { kind: 'vector'; drawing: VectorDrawing; width: number; height: number }
  | { kind: 'raster'; data: Buffer; width: number; height: number };

export function loadConfigPicture(root: string, image: ConfigImage | undefined, errors: ErrorList): Picture | undefined {
  if (!image) return undefined;
  try {
    if (/\.svg$/i.test(image.file)) {
      let size: number;
      try {
        size = statSync(`${root}/${image.file}`).size;
      } catch {
        throw new InputError(image.place, `${image.file} does not exist`, 'put the logo under content/ and give its path from there');
      }
      if (size > MAX_SVG_BYTES) throw new InputError(image.place, `${image.file} is ${(size / 1048576).toFixed(1)} MB; a logo SVG may be 1 MB`, 'simplify it, or give a PNG');
      const drawing = readSvg(readFileSync(`${root}/${image.file}`, 'utf8'), image.file);
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
