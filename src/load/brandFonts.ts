// An organisation's own fonts (content/config.yaml `fonts:`, files under content/fonts/), read
// and checked before anything is measured with them: each must be one TrueType or OpenType
// font whose licence bits allow what the PDF does with it. Every PDF embeds a subset of each
// font it uses, so a font that forbids embedding (OS/2 fsType "restricted licence"), forbids
// subsetting, or allows embedding its bitmaps only is refused, at the line that names it.
import { createHash } from 'node:crypto';
import * as fontkit from 'fontkit';
import { ErrorList, InputError, type SourcePlace } from '../errors.js';
import { readInputFile } from './readInputFile.js';
import type { BrandFont, FontKey, FontSet } from '../fonts/fontRegistry.js';
import { readFontInfo } from '../fonts/openTypeReader.js';

/** A role mapped to a file in config.yaml, as loadConfig read it. */
export interface BrandFontEntry {
  key: FontKey;
  /** Path relative to the project root, e.g. content/fonts/Brand-Regular.ttf. */
  file: string;
  place: SourcePlace;
}

/** OS/2 fsType bits (OpenType spec, OS/2 table). */
const FS_USAGE_MASK = 0x000f;
const FS_RESTRICTED = 0x0002;
const FS_NO_SUBSETTING = 0x0100;
const FS_BITMAP_ONLY = 0x0200;

/** The tables measuring and embedding read; a file without them is not a font we can set. */
const REQUIRED_TABLES = ['cmap', 'head', 'hhea', 'hmtx', 'maxp', 'name', 'post'];

export function loadBrandFonts(root: string, entries: readonly BrandFontEntry[], errors: ErrorList): FontSet | undefined {
  const fonts: Partial<Record<FontKey, BrandFont>> = {};
  for (const e of entries) {
    const f = readBrandFont(root, e, errors);
    if (f) fonts[e.key] = f;
  }
  const keys = Object.keys(fonts).sort() as FontKey[];
  if (!keys.length) return undefined;
  return { id: keys.map((k) => `${k}@${fonts[k]!.hash}`).join(','), fonts };
}

function readBrandFont(root: string, e: BrandFontEntry, errors: ErrorList): BrandFont | undefined {
  const what = `fonts.${e.key}: ${e.file}`;
  let data: Buffer;
  try {
    // Through the one safe reader: inside content/ with links resolved, a regular file, at most 32 MB.
    data = readInputFile({
      root, file: e.file, kind: 'font', place: e.place, subject: what,
      ifMissing: () => new InputError(e.place, `${what} not found`, 'put the font file under content/fonts/ and give its path from content/'),
    });
  } catch (x) {
    if (!(x instanceof InputError)) throw x;
    errors.push(x);
    return undefined;
  }
  const tables = tableOffsets(data);
  if (!tables) {
    errors.add(e.place, `${what} is not a TrueType or OpenType font`, 'give a .ttf or .otf file (not a collection, WOFF or WOFF2)');
    return undefined;
  }
  const missing = REQUIRED_TABLES.filter((t) => !tables.has(t));
  if (missing.length) {
    errors.add(e.place, `${what} has no ${missing.join(', ')} table${missing.length > 1 ? 's' : ''}`, 'use a complete TrueType or OpenType font');
    return undefined;
  }
  const os2 = tables.get('OS/2');
  const fsType = os2 !== undefined && os2 + 10 <= data.length ? data.readUInt16BE(os2 + 8) : 0;
  const hex = `0x${fsType.toString(16).padStart(4, '0')}`;
  const hint = 'use a font whose licence allows embedding and subsetting (OS/2 fsType), or ask the foundry for an embeddable version';
  if ((fsType & FS_USAGE_MASK) === FS_RESTRICTED) {
    errors.add(e.place, `${what}: the font's licence forbids embedding it in documents (OS/2 fsType ${hex}, restricted licence)`, hint);
    return undefined;
  }
  if (fsType & FS_NO_SUBSETTING) {
    errors.add(e.place, `${what}: the font's licence forbids subsetting it, and every PDF embeds a subset (OS/2 fsType ${hex})`, hint);
    return undefined;
  }
  if (fsType & FS_BITMAP_ONLY) {
    errors.add(e.place, `${what}: the font's licence allows embedding its bitmaps only, and PDFs embed outlines (OS/2 fsType ${hex})`, hint);
    return undefined;
  }
  try {
    const font = fontkit.create(data);
    if (!('unitsPerEm' in font) || !font.numGlyphs) throw new Error('not a single font');
    readFontInfo(data);
  } catch {
    errors.add(e.place, `${what} could not be read as a font`, 'the file may be damaged: export it again from the foundry\'s download');
    return undefined;
  }
  return { key: e.key, file: e.file, data, hash: createHash('sha256').update(data).digest('hex').slice(0, 16) };
}

/**
 * The table directory of a single sfnt font (TrueType 0x00010000 or "true", OpenType "OTTO"),
 * by tag; undefined for anything else (a collection, WOFF, WOFF2, not a font).
 */
function tableOffsets(data: Buffer): Map<string, number> | undefined {
  if (data.length < 12) return undefined;
  const tag = data.readUInt32BE(0);
  if (tag !== 0x00010000 && tag !== 0x74727565 && tag !== 0x4f54544f) return undefined;
  const n = data.readUInt16BE(4);
  if (12 + 16 * n > data.length) return undefined;
  const tables = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const r = 12 + 16 * i;
    const offset = data.readUInt32BE(r + 8);
    const length = data.readUInt32BE(r + 12);
    if (offset + length > data.length) return undefined;
    tables.set(data.toString('latin1', r, r + 4), offset);
  }
  return tables;
}
