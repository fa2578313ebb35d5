// The one place that knows which font files exist. Every font is read and parsed by fontkit
// at most once per process, then shared by layout (measuring) and render (embedding), and by
// both documents of a build.
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import type * as FontkitTypes from 'fontkit';
import { memoised, type MemoSpec } from '../cache/sessionMemos.js';
import { forgetGlyphObjects, keepCodePoints } from './fontkitInternals.js';
import { pdfFontFacade } from './pdfFontFacade.js';
import { readFontInfo } from './openTypeReader.js';
import { glyphIdFor, safeLayout, simpleAdvance, SIMPLE_TEXT, type SimpleGlyph } from './simpleShaper.js';

// The CommonJS bundle has its own require; under ESM (tests, ESM bundles whose `require` is a
// shim without `resolve`) one is made for resolving package paths.
const resolver: NodeRequire = typeof require === 'function' && typeof require.resolve === 'function' ? require : createRequire(import.meta.url);
type Font = FontkitTypes.Font;

export type FontKey =
  | 'serif'
  | 'serif-italic'
  | 'serif-bold'
  | 'serif-bolditalic'
  | 'serif-semibold'
  | 'sans'
  | 'sans-italic'
  | 'sans-semibold'
  | 'sans-bold'
  | 'sans-bolditalic'
  | 'mono'
  | 'khmer'
  | 'khmer-bold';

// Resolved through package.json so we never import the expo packages' index.js (it pulls in expo).
const FILES: Record<FontKey, [pkg: string, file: string]> = {
  serif: ['@expo-google-fonts/source-serif-4', '400Regular/SourceSerif4_400Regular.ttf'],
  'serif-italic': ['@expo-google-fonts/source-serif-4', '400Regular_Italic/SourceSerif4_400Regular_Italic.ttf'],
  'serif-bold': ['@expo-google-fonts/source-serif-4', '700Bold/SourceSerif4_700Bold.ttf'],
  'serif-bolditalic': ['@expo-google-fonts/source-serif-4', '700Bold_Italic/SourceSerif4_700Bold_Italic.ttf'],
  'serif-semibold': ['@expo-google-fonts/source-serif-4', '600SemiBold/SourceSerif4_600SemiBold.ttf'],
  sans: ['@expo-google-fonts/source-sans-3', '400Regular/SourceSans3_400Regular.ttf'],
  'sans-italic': ['@expo-google-fonts/source-sans-3', '400Regular_Italic/SourceSans3_400Regular_Italic.ttf'],
  'sans-semibold': ['@expo-google-fonts/source-sans-3', '600SemiBold/SourceSans3_600SemiBold.ttf'],
  'sans-bold': ['@expo-google-fonts/source-sans-3', '700Bold/SourceSans3_700Bold.ttf'],
  'sans-bolditalic': ['@expo-google-fonts/source-sans-3', '700Bold_Italic/SourceSans3_700Bold_Italic.ttf'],
  mono: ['@expo-google-fonts/source-code-pro', '400Regular/SourceCodePro_400Regular.ttf'],
  khmer: ['@expo-google-fonts/noto-sans-khmer', '400Regular/NotoSansKhmer_400Regular.ttf'],
  'khmer-bold': ['@expo-google-fonts/noto-sans-khmer', '700Bold/NotoSansKhmer_700Bold.ttf'],
};

export const FONT_KEYS = Object.keys(FILES) as FontKey[];

export interface LoadedFont {
  key: FontKey;
  path: string;
  /** The raw file; render hands this same Buffer to pdfkit for embedding. */
  data: Buffer;
  font: Font;
  /** What pdfkit is handed for embedding (see pdfFontFacade.ts). */
  pdfFont: object;
  unitsPerEm: number;
  /** Ascender and descender in 1/1000 em (descender negative), as pdfkit reports them. */
  ascender: number;
  descender: number;
}

// Process-wide, because they depend on nothing but the font files: the parsed fonts, and
// measured widths (a complex run's width is that of its shaping, which depends only on the text).
// Keyed by fontId: a project's brand font and the built-in font of the same role differ.
const cache = new Map<string, LoadedFont>();
/** Advance widths in ems, by font id, then text (measureText). */
const widthCache = new Map<string, Map<string, number>>();
let widthCount = 0;

/** A project's own font file for a role (content/config.yaml `fonts:`), checked by src/load/brandFonts.ts. */
export interface BrandFont {
  key: FontKey;
  /** Path relative to the project root, e.g. content/fonts/Brand-Regular.ttf. */
  file: string;
  data: Buffer;
  /** A digest of the file: part of every cache key of what is measured or shaped with it. */
  hash: string;
}

/** The brand fonts of the project being built; roles not in it use the built-in fonts. */
export interface FontSet {
  /** Changes with any file of the set (chart and paragraph caches are keyed by it). */
  id: string;
  fonts: Partial<Record<FontKey, BrandFont>>;
}

// The font set of the build running: a build enters a scope when it starts and sets the
// project's brand fonts once it has read content/config.yaml (src/build/buildProject.ts).
// Outside a scope, or before that, every role is the built-in font.
export interface FontScope {
  set?: FontSet;
}
const fontScope = new AsyncLocalStorage<FontScope>();

/** Runs `f` (and everything it awaits) in a font scope (a build session's); `setFontSet` fills it in. */
export function runWithFontScope<T>(scope: FontScope, f: () => T): T {
  return fontScope.run(scope, f);
}

/** The project's brand fonts for the rest of the scope's build. */
export function setFontSet(set: FontSet | undefined): void {
  const scope = fontScope.getStore();
  if (scope) scope.set = set;
}

/** The font set of the running build, if it has brand fonts. */
export function currentFontSet(): FontSet | undefined {
  return fontScope.getStore()?.set;
}

function brandFont(key: FontKey): BrandFont | undefined {
  return fontScope.getStore()?.set?.fonts[key];
}

/** Names the font file a role stands for in the running build: the key, or key@digest of a brand font. */
export function fontId(key: FontKey): string {
  const b = brandFont(key);
  return b ? `${key}@${b.hash}` : key;
}

/** Names the running build's whole font set ("" for the built-in fonts). */
export function fontSetId(): string {
  return fontScope.getStore()?.set?.id ?? '';
}

function packageDir(pkg: string): string {
  return resolver.resolve(`${pkg}/package.json`).slice(0, -'package.json'.length);
}

export function fontPath(key: FontKey): string {
  const [pkg, file] = FILES[key];
  return packageDir(pkg) + file;
}

export function getFont(key: FontKey): LoadedFont {
  const id = fontId(key);
  let f = cache.get(id);
  if (f) return f;
  const brand = brandFont(key);
  const path = brand ? brand.file : fontPath(key);
  const data = brand ? brand.data : readFileSync(path);
  const font = fontkit.create(data) as Font;
  keepCodePoints(font);
  const info = readFontInfo(data);
  const upm = info.unitsPerEm;
  f = {
    key,
    path,
    data,
    font,
    pdfFont: pdfFontFacade(font, info),
    unitsPerEm: upm,
    ascender: (info.ascent / upm) * 1000,
    descender: (info.descent / upm) * 1000,
  };
  cache.set(id, f);
  return f;
}

/**
 * Advance width of `text` in points at `size`, with kerning and ligatures as the PDF will
 * draw them. Shaping a whole string with fontkit costs ~50–100 µs, and the line breaker asks
 * for thousands of words and word pieces; for simple (Latin, Greek, Cyrillic) text the width is
 * the sum of glyph advances plus the shaped adjustment of each adjacent pair, which is what
 * pair kerning and two-letter ligatures amount to. Complex scripts (Khmer) are always shaped.
 */
export function measureText(key: FontKey, text: string, size: number): number {
  if (text.length === 0) return 0;
  // One map per font: a key made by joining the font's name to the text would be a new string
  // to hash at every call, and the breaker makes hundreds of thousands of calls on a long document.
  const id = fontId(key);
  let widths = widthCache.get(id);
  if (!widths) widthCache.set(id, (widths = new Map()));
  let units = widths.get(text);
  if (units === undefined) {
    units = SIMPLE_TEXT.test(text) ? simpleWidth(key, text) : shapedWidth(key, text);
    if (++widthCount > 200_000) {
      for (const m of widthCache.values()) m.clear();
      widthCount = 0;
    }
    widths.set(text, units);
  }
  return units * size;
}

function shapedWidth(key: FontKey, text: string): number {
  const run = shapeComplex(key, text);
  let adv = 0;
  for (const p of run.positions) adv += p.xAdvance;
  return adv / getFont(key).unitsPerEm;
}

/** A complex-script run as plain data: glyphs (what pdfkit's encoder reads) and positions, in font units. */
export interface ComplexRun {
  glyphs: SimpleGlyph[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }[];
}

/**
 * fontkit's shaping of complex-script text (Khmer), by font and text. The first call on a font
 * decodes its whole GSUB and GPOS (~30 ms for Noto Sans Khmer); the build session keeps the
 * results, and between builds the disk cache (build/persistedMemos.ts), so unchanged Khmer text
 * is not shaped again.
 */
export const COMPLEX_RUNS: MemoSpec<ComplexRun> = { name: 'complexRuns', limit: 20_000 };

export function shapeComplex(key: FontKey, text: string): ComplexRun {
  return memoised(COMPLEX_RUNS, fontId(key) + '\u0000' + text, () => {
    const font = getFont(key).font;
    // fontkit keeps one Glyph per id per font, carrying the code points of whichever text first
    // produced it; copied from there, a run's code points (and so the PDF's ToUnicode) would
    // depend on what else the process had shaped before. Forgetting the glyphs makes them
    // those of this text alone, as the cache on disk requires: the same text, the same run.
    forgetGlyphObjects(font);
    const r = safeLayout(font, text);
    return {
      glyphs: r.glyphs.map((g) => ({ id: g.id, advanceWidth: g.advanceWidth, codePoints: [...g.codePoints] })),
      positions: r.positions.map((p) => ({ xAdvance: p.xAdvance, yAdvance: p.yAdvance, xOffset: p.xOffset, yOffset: p.yOffset })),
    };
  });
}

function simpleWidth(key: FontKey, text: string): number {
  const f = getFont(key);
  return simpleAdvance(f.font, text) / f.unitsPerEm;
}

/** Characters of `text` the font has no glyph for (used to warn instead of drawing boxes). */
export function missingGlyphs(key: FontKey, text: string): string[] {
  const f = getFont(key).font;
  let known = drawable.get(f);
  if (!known) drawable.set(f, (known = new Map()));
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let ok = known.get(cp);
    if (ok === undefined) {
      ok = cp < 0x20 || ch === '\u00ad' || /\s/.test(ch) || glyphIdFor(f, cp) !== 0;
      known.set(cp, ok);
    }
    if (!ok) missing.add(ch);
  }
  return [...missing];
}

/** Per font, whether each code point met so far can be drawn: a long document repeats few characters. */
const drawable = new WeakMap<Font, Map<number, boolean>>();

export function lineMetrics(key: FontKey, size: number): { ascent: number; descent: number } {
  const f = getFont(key);
  return { ascent: (f.ascender / 1000) * size, descent: (-f.descender / 1000) * size };
}
