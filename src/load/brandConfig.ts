// The organisation's look in content/config.yaml: its own fonts for the type roles, its logo and
// an optional cover image. Paths are relative to content/ and stay inside it; the files are
// read and checked later (load/brandFonts.ts, render's image and SVG readers).
import { isMap, isScalar } from 'yaml';
import { didYouMean, type ErrorList, type SourcePlace } from '../errors.js';
import { FONT_KEYS, type FontKey } from '../fonts/fontRegistry.js';
import type { BrandFontEntry } from './brandFonts.js';
import type { Picture } from './configPictures.js';
import { checkContentPath } from './contentPath.js';
import type { YamlFile } from './readYaml.js';

/** A picture named in config.yaml: the logo or the cover image. */
export interface ConfigImage {
  /** Path relative to the project root, e.g. content/images/logo.svg. */
  file: string;
  /** What it shows, for screen readers; none: decorative (an artifact). */
  alt?: string;
  place: SourcePlace;
  /** The picture, once the project's loader has read it (load/configPictures.ts). */
  picture?: Picture;
}

export interface BrandConfig {
  fonts: BrandFontEntry[];
  logo?: ConfigImage;
  coverImage?: ConfigImage;
}

export function readBrandConfig(y: YamlFile, section: (name: string) => unknown, errors: ErrorList): BrandConfig {
  const out: BrandConfig = { fonts: [] };
  const fonts = section('fonts');
  if (fonts !== undefined) {
    if (!isMap(fonts)) errors.add(y.placeOf(fonts), 'fonts must map type roles to font files', 'e.g. fonts: { serif: fonts/Brand-Regular.ttf }');
    else {
      for (const p of fonts.items) {
        const role = isScalar(p.key) ? String(p.key.value) : '';
        const place = y.placeOf(p.key);
        if (!(FONT_KEYS as string[]).includes(role)) {
          const g = didYouMean(role, FONT_KEYS);
          errors.add(place, `fonts: "${role}" is not a type role`, g ? `did you mean "${g}"?` : `the roles are ${FONT_KEYS.join(', ')}`);
          continue;
        }
        const file = pathIn(y, p.value, `fonts.${role}`, /\.(ttf|otf)$/i, 'a .ttf or .otf file', errors);
        if (file) out.fonts.push({ key: role as FontKey, file, place: y.placeOf(p.value) });
      }
    }
  }
  out.logo = image(y, section('logo'), 'logo', /\.(svg|png)$/i, 'an .svg or .png file', false, errors);
  out.coverImage = image(y, section('coverImage'), 'coverImage', /\.(png|jpe?g)$/i, 'a .png or .jpg file', true, errors);
  return out;
}

/** `logo: images/logo.svg`, or `{ file: images/logo.svg, alt: "…" }`. */
function image(y: YamlFile, node: unknown, key: string, ext: RegExp, kind: string, altRequired: boolean, errors: ErrorList): ConfigImage | undefined {
  if (node === undefined) return undefined;
  let fileNode: unknown = node;
  let alt: string | undefined;
  if (isMap(node)) {
    fileNode = undefined;
    for (const p of node.items) {
      const k = isScalar(p.key) ? String(p.key.value) : '';
      if (k === 'file') fileNode = p.value;
      else if (k === 'alt') {
        if (isScalar(p.value) && typeof p.value.value === 'string') alt = p.value.value;
        else errors.add(y.placeOf(p.value), `${key}.alt must be text`, 'say what the picture shows; "" marks it as decoration');
      } else {
        const g = didYouMean(k, ['file', 'alt']);
        errors.add(y.placeOf(p.key), `unknown key "${k}" in ${key}`, g ? `did you mean "${g}"?` : `${key} takes file and alt`);
      }
    }
    if (fileNode === undefined) {
      errors.add(y.placeOf(node), `${key} has no file`, `e.g. ${key}: { file: images/${key}.${key === 'logo' ? 'svg' : 'jpg'}, alt: "…" }`);
      return undefined;
    }
  } else if (altRequired) {
    errors.add(y.placeOf(node), `${key} needs a description`, `write ${key}: { file: …, alt: "what it shows" } (alt: "" if it is decoration only)`);
    return undefined;
  }
  const file = pathIn(y, fileNode, key, ext, kind, errors);
  if (altRequired && alt === undefined && file) {
    errors.add(y.placeOf(node), `${key} needs a description`, 'add alt: "what it shows" (alt: "" if it is decoration only)');
    return undefined;
  }
  return file ? { file, alt: alt === '' ? undefined : alt, place: y.placeOf(fileNode) } : undefined;
}

/** A path inside content/ with the right extension, as a path from the project root. */
function pathIn(y: YamlFile, node: unknown, key: string, ext: RegExp, kind: string, errors: ErrorList): string | undefined {
  const place = y.placeOf(node);
  const v = isScalar(node) ? node.value : undefined;
  if (typeof v !== 'string' || !v) {
    errors.add(place, `${key} must be the path of ${kind} inside content/`);
    return undefined;
  }
  try {
    checkContentPath(v, place);
  } catch {
    errors.add(place, `${key} "${v}" must be a path inside content/`, 'without "..", a leading "/" or a URL');
    return undefined;
  }
  if (!ext.test(v)) {
    errors.add(place, `${key} "${v}" must be ${kind}`);
    return undefined;
  }
  return `content/${v}`;
}
