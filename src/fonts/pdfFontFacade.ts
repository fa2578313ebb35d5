// What pdfkit's EmbeddedFont reads of a font, answered from the font's bytes. pdfkit asks
// fontkit for the PostScript name, metrics, bounding box and flags of every font it embeds,
// and fontkit decodes whole tables to answer (name, OS/2, post, head, hhea, hmtx: ~30 ms a
// build for thirteen fonts). Shaping and subsetting still go to the fontkit font itself.
import type * as FontkitTypes from 'fontkit';
import { decodedTables } from './fontkitInternals.js';
import type { FontInfo } from './openTypeReader.js';

type Font = FontkitTypes.Font;

/** An object pdfkit accepts as a font (it checks for `layout`), backed by `font` for real work. */
export function pdfFontFacade(font: Font, info: FontInfo): object {
  return {
    postscriptName: info.postscriptName,
    unitsPerEm: info.unitsPerEm,
    ascent: info.ascent,
    descent: info.descent,
    lineGap: info.lineGap,
    // fontkit falls back to the ascent and to 0 without an OS/2 version 2 table.
    capHeight: info.capHeight ?? info.ascent,
    xHeight: info.xHeight ?? 0,
    italicAngle: info.italicAngle,
    bbox: info.bbox,
    'OS/2': { sFamilyClass: info.sFamilyClass },
    post: { isFixedPitch: info.isFixedPitch, italicAngle: info.italicAngle },
    head: { macStyle: { italic: info.italic } },
    // pdfkit compares fonts of the same name by these decoded tables.
    get _tables() {
      return decodedTables(font);
    },
    // EmbeddedFont reads the width of glyph 0 only; anything else goes to fontkit.
    getGlyph: (id: number, codePoints?: number[]) => (id === 0 && !codePoints ? { id: 0, advanceWidth: info.notdefAdvance, codePoints: [] } : font.getGlyph(id, codePoints)),
    createSubset: () => font.createSubset(),
    layout: (text: string, features?: unknown) => font.layout(text, features as string[]),
  };
}
