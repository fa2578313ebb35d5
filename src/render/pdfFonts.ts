// Font embedding for pdfkit without parsing or shaping anything twice in a process.
// pdfkit 0.20 accepts an already-parsed fontkit Font as a font source, so every document
// registers the registry's shared Font objects. pdfkit would then shape every word of every
// document with fontkit (~100 µs a call); each document's font instead asks the process-wide
// simple shaper (Latin text) or the build session's fontkit runs (Khmer).
import { memoised, type MemoSpec } from '../cache/sessionMemos.js';
import { fontId, getFont, shapeComplex, type FontKey } from '../fonts/fontRegistry.js';
import { shapeSimple, SIMPLE_TEXT } from '../fonts/simpleShaper.js';
import type { PDFDoc } from './pdfkitModule.js';
import { hookEmbeddedFont, isFontRegistered, type PdfkitRun } from './pdfkitInternals.js';

/** Shaped runs as pdfkit's encoder reads them, by font, text and scale. */
const PDF_RUNS: MemoSpec<PdfkitRun> = { name: 'pdfRuns', limit: 100_000 };

/**
 * Encoded font subsets by font and glyph list. fontkit's subsetter decodes every glyph it
 * copies (~20 ms a build); a rebuild after a small edit usually needs exactly the same subsets,
 * in watch mode (in the session) and in the next build (on disk, build/persistedMemos.ts).
 */
export const FONT_SUBSETS: MemoSpec<Uint8Array> = { name: 'fontSubsets', limit: 64 };

function sharedRun(key: FontKey, text: string, scale: number): PdfkitRun {
  return memoised(PDF_RUNS, fontId(key) + '\u0000' + scale + '\u0000' + text, () => makeRun(key, text, scale));
}

function makeRun(key: FontKey, text: string, scale: number): PdfkitRun {
  let run: PdfkitRun;
  if (SIMPLE_TEXT.test(text)) {
    const s = shapeSimple(getFont(key).font, text);
    const positions = s.glyphs.map((g, i) => ({ xAdvance: s.advances[i] * scale, yAdvance: 0, xOffset: 0, yOffset: 0, advanceWidth: g.advanceWidth * scale }));
    run = { glyphs: s.glyphs, positions, advanceWidth: s.advance * scale };
  } else {
    const r = shapeComplex(key, text);
    const positions = r.positions.map((p, i) => ({ xAdvance: p.xAdvance * scale, yAdvance: p.yAdvance * scale, xOffset: p.xOffset * scale, yOffset: p.yOffset * scale, advanceWidth: r.glyphs[i].advanceWidth * scale }));
    run = { glyphs: r.glyphs, positions, advanceWidth: positions.reduce((a, p) => a + p.xAdvance, 0) };
  }
  return run;
}

/** Makes `doc.font(key)` select the shared, already-parsed font. Idempotent per document. */
export function ensureFont(doc: PDFDoc, key: FontKey): void {
  if (isFontRegistered(doc, key)) return;
  doc.registerFont(key, getFont(key).pdfFont as unknown as string);
  hookEmbeddedFont(doc, key, {
    shape: (text, scale) => sharedRun(key, text, scale),
    // The embedded subset depends only on the glyphs used.
    encodeSubset: (glyphs, encode) => memoised(FONT_SUBSETS, fontId(key) + ':' + glyphs.join(','), encode),
  });
}
