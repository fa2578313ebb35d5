// Every use of fontkit's private members, in one place (tested against the installed version
// in tests/fontkitInternals.test.ts, which fails loudly when an upgrade changes them).
// fontkit 2.0's public API has no way to reach a font's bytes or decoded tables, to forget its
// per-font Glyph objects, or to turn mark positioning off for one call; we need each of those.
import type * as FontkitTypes from 'fontkit';

type Font = FontkitTypes.Font;

/** The fontkit version these members were checked against (the test compares it). */
export const FONTKIT_CHECKED = '2.0';

/** The font file's bytes as fontkit holds them (to read cmap, GPOS and GSUB ourselves). */
export function fontBytes(font: Font): Uint8Array {
  return (font as unknown as { stream: { buffer: Uint8Array } }).stream.buffer;
}

/** fontkit's decoded tables, which pdfkit compares when two fonts share a name. */
export function decodedTables(font: Font): unknown {
  return (font as unknown as { _tables: unknown })._tables;
}

/** Drops fontkit's Glyph objects of a font (each carries the code points it was first made with). */
export function forgetGlyphObjects(font: Font): void {
  (font as unknown as { _glyphs: Record<number, unknown> })._glyphs = {};
}

/**
 * fontkit keeps one Glyph per id per font, with the code points of the first request, and its
 * subsetter (pdfkit embedding a document's fonts) requests every glyph it embeds with none.
 * The fonts are shared by every document of the process, so text that fontkit shapes in a
 * later document (Khmer, or any word with a character outside SIMPLE_TEXT) would get glyphs
 * with no code points, and pdfkit would write no ToUnicode entry for them: the text would be
 * lost to search, copy and screen readers. A later request that knows the code points fills
 * them in.
 */
export function keepCodePoints(font: Font): void {
  const f = font as unknown as { getGlyph(id: number, cps?: number[]): FontkitTypes.Glyph };
  const getGlyph = f.getGlyph.bind(font);
  f.getGlyph = (id, cps = []) => {
    const g = getGlyph(id, cps);
    if (g && id !== 0 && cps.length && g.codePoints.length === 0) (g as { codePoints: number[] }).codePoints = cps;
    return g;
  };
}

/**
 * fontkit's layout with features given as an object of on/off switches: its typings allow only
 * a list of features to turn on, but the shaper also takes `{ mark: false, … }` to turn some off.
 */
export function layoutWithSwitches(font: Font, text: string, features: Record<string, boolean>): FontkitTypes.GlyphRun {
  return font.layout(text, features as unknown as string[]);
}
