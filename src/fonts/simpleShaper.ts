// A small shaper for simple scripts (Latin, Greek, Cyrillic): cmap glyphs, the font's standard
// ligatures and pair kerning, read straight from the font's bytes (openTypeReader.ts) and
// cached per process. fontkit's layout() costs ~100 µs a call whatever the length, and both
// the line breaker and pdfkit would call it for every word and word piece. Complex scripts
// (Khmer) never come here: fontkit shapes them in full.
import type * as FontkitTypes from 'fontkit';
import { fontBytes, layoutWithSwitches } from './fontkitInternals.js';
import { readOpenType, type OpenTypeReader } from './openTypeReader.js';

type Font = FontkitTypes.Font;

/** What pdfkit's encoder needs of a glyph. */
export interface SimpleGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

export const SIMPLE_TEXT = /^[\u0020-\u024F\u0370-\u04FF\u1E00-\u1EFF\u2000-\u206F\u20A0-\u20CF\u2100-\u214F]*$/;

interface FontCaches {
  ot: OpenTypeReader;
  /** Glyph of each BMP code point, filled on first use (SIMPLE_TEXT is all BMP). */
  glyph: (SimpleGlyph | undefined)[];
  /** Per BMP code point: 0 not looked up, 1 begins no ligature, 2 may begin one. */
  ligStart: Uint8Array;
  kern: Map<number, number>;
  /** Ligature glyph for a string of 2–3 characters, or null when the font has none. */
  liga: Map<string, SimpleGlyph | null>;
}

const caches = new WeakMap<Font, FontCaches>();

function cachesOf(font: Font): FontCaches {
  let c = caches.get(font);
  if (!c) {
    const bytes = fontBytes(font);
    c = { ot: readOpenType(bytes), glyph: new Array(0x10000), ligStart: new Uint8Array(0x10000), kern: new Map(), liga: new Map() };
    caches.set(font, c);
  }
  return c;
}

/** The font's glyph for a code point (0: none), from its cmap bytes; fontkit's own cmap decode costs ~12 ms a font. */
export function glyphIdFor(font: Font, codePoint: number): number {
  return cachesOf(font).ot.glyphId(codePoint);
}

function glyphOf(c: FontCaches, cp: number): SimpleGlyph {
  let g = c.glyph[cp];
  if (!g) {
    const id = c.ot.glyphId(cp);
    g = { id, advanceWidth: c.ot.advance(id), codePoints: [cp] };
    c.glyph[cp] = g;
  }
  return g;
}

function mayStartLigature(c: FontCaches, cp: number): boolean {
  let s = c.ligStart[cp];
  if (s === 0) c.ligStart[cp] = s = c.ot.startsLigature(glyphOf(c, cp).id) ? 2 : 1;
  return s === 2;
}

function ligatureOf(c: FontCaches, key: string): SimpleGlyph | null {
  let l = c.liga.get(key);
  if (l === undefined) {
    const cps = Array.from(key, (ch) => ch.charCodeAt(0));
    const id = c.ot.ligature(cps.map((cp) => glyphOf(c, cp).id));
    l = id === null ? null : { id, advanceWidth: c.ot.advance(id), codePoints: cps };
    c.liga.set(key, l);
  }
  return l;
}

function kernOf(c: FontCaches, a: SimpleGlyph, b: SimpleGlyph): number {
  const key = a.id * 65536 + b.id;
  let k = c.kern.get(key);
  if (k === undefined) {
    k = c.ot.kern(a.id, b.id);
    c.kern.set(key, k);
  }
  return k;
}

export interface SimpleRun {
  glyphs: SimpleGlyph[];
  /** Advance of each glyph in font units, kerning included. */
  advances: number[];
  /** Total advance in font units. */
  advance: number;
}

/** Glyphs of simple-script text: cmap, then standard ligatures between letters. */
function glyphsOf(c: FontCaches, text: string): SimpleGlyph[] {
  const glyphs: SimpleGlyph[] = [];
  const n = text.length;
  for (let i = 0; i < n; ) {
    const cp = text.charCodeAt(i);
    // Ligatures are only tried between letters (never across spaces, digits or punctuation),
    // and only from a glyph that begins one.
    if (i + 1 < n && isLetter(cp) && isLetter(text.charCodeAt(i + 1)) && mayStartLigature(c, cp)) {
      if (i + 2 < n && isLetter(text.charCodeAt(i + 2))) {
        const lig3 = ligatureOf(c, text.slice(i, i + 3));
        if (lig3) {
          glyphs.push(lig3);
          i += 3;
          continue;
        }
      }
      const lig2 = ligatureOf(c, text.slice(i, i + 2));
      if (lig2) {
        glyphs.push(lig2);
        i += 2;
        continue;
      }
    }
    glyphs.push(glyphOf(c, cp));
    i++;
  }
  return glyphs;
}

/** Glyphs and advances of simple-script text (callers check SIMPLE_TEXT first). */
export function shapeSimple(font: Font, text: string): SimpleRun {
  const c = cachesOf(font);
  const glyphs = glyphsOf(c, text);
  const advances = new Array<number>(glyphs.length);
  let advance = 0;
  for (let i = 0; i < glyphs.length; i++) {
    let a = glyphs[i].advanceWidth;
    if (i + 1 < glyphs.length) a += kernOf(c, glyphs[i], glyphs[i + 1]);
    advances[i] = a;
    advance += a;
  }
  return { glyphs, advances, advance };
}

/** Total advance, in font units, of what shapeSimple would set (no per-glyph arrays kept). */
export function simpleAdvance(font: Font, text: string): number {
  const c = cachesOf(font);
  const glyphs = glyphsOf(c, text);
  let advance = 0;
  for (let i = 0; i < glyphs.length; i++) {
    advance += glyphs[i].advanceWidth;
    if (i + 1 < glyphs.length) advance += kernOf(c, glyphs[i], glyphs[i + 1]);
  }
  return advance;
}

function isLetter(cp: number): boolean {
  return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0xc0 && cp <= 0x24f);
}

/**
 * fontkit's layout, surviving a fontkit bug: some Khmer sequences (e.g. "ខំ" in Noto Sans
 * Khmer) throw inside mark positioning; those are shaped again without mark attachment.
 */
export function safeLayout(font: Font, text: string, features?: Record<string, boolean> | string[]): FontkitTypes.GlyphRun {
  try {
    return font.layout(text, features as string[]);
  } catch {
    // abvm/blwm too: Khmer's above-base marks (the nikahit of "ខំ", "ភ្នំពេញ") throw in abvm.
    return layoutWithSwitches(font, text, { ...(Array.isArray(features) ? {} : features), abvm: false, blwm: false, mark: false, mkmk: false });
  }
}
