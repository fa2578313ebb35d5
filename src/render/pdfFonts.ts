// Font embedding for pdfkit without parsing or shaping anything twice in a process.
// pdfkit 0.20 accepts an already-parsed fontkit Font as a font source, so every document
// registers the registry's shared Font objects. pdfkit would then shape every word of every
// document with fontkit (~100 µs a call); each document's font instead asks the process-wide
// simple shaper (Latin text) or the build session's fontkit runs (Khmer).
import { memoised, type MemoSpec } from '../cache/sessionMemos.js';
import { getFont, shapeComplex, type FontKey } from '../fonts/fontRegistry.js';
import { shapeSimple, SIMPLE_TEXT, type SimpleGlyph } from '../fonts/simpleShaper.js';
import type { PDFDoc } from './pdfkitModule.js';

interface PdfkitRun {
  /** pdfkit's encoder reads only id, advanceWidth and codePoints of each glyph. */
  glyphs: SimpleGlyph[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[];
  advanceWidth: number;
}

interface EmbeddedFontInternals {
  scale: number;
  subset: { glyphs: number[]; encode(): Uint8Array };
  layoutCached(text: string): PdfkitRun;
  layout(text: string, features?: unknown, onlyWidth?: boolean): PdfkitRun;
  layoutRun(text: string, features?: unknown): PdfkitRun;
}

interface PdfkitInternals {
  _registeredFonts: Record<string, unknown>;
  _font: EmbeddedFontInternals;
}

/** Shaped runs as pdfkit's encoder reads them, by font, text and scale. */
const PDF_RUNS: MemoSpec<PdfkitRun> = { name: 'pdfRuns', limit: 100_000 };

/**
 * Encoded font subsets by font and glyph list. fontkit's subsetter decodes every glyph it
 * copies (~20 ms a build); a rebuild after a small edit usually needs exactly the same subsets,
 * in watch mode (in the session) and in the next build (on disk, build/persistedMemos.ts).
 */
export const FONT_SUBSETS: MemoSpec<Uint8Array> = { name: 'fontSubsets', limit: 64 };

function sharedRun(key: FontKey, text: string, scale: number): PdfkitRun {
  return memoised(PDF_RUNS, key + '\u0000' + scale + '\u0000' + text, () => makeRun(key, text, scale));
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
  const d = doc as unknown as PdfkitInternals;
  if (d._registeredFonts[key]) return;
  doc.registerFont(key, getFont(key).pdfFont as unknown as string);
  const previous = d._font;
  doc.font(key);
  const ef = d._font;
  if (!ef || typeof ef.layoutCached !== 'function') return; // not pdfkit's EmbeddedFont (a test double)
  ef.layoutCached = (text: string) => sharedRun(key, text, ef.scale);
  // pdfkit's layout() splits text into words and concatenates their runs; a whole fragment is
  // one cached run here. With features (the Khmer fallback) pdfkit's own path is kept.
  const layout = ef.layout.bind(ef);
  ef.layout = (text: string, features?: unknown, onlyWidth?: boolean) => (features ? layout(text, features, onlyWidth) : sharedRun(key, text, ef.scale));
  const run = ef.layoutRun.bind(ef);
  // Called when features are given; only the Khmer fallback matters there.
  ef.layoutRun = (text: string, features?: unknown) => {
    try {
      return run(text, features);
    } catch {
      return run(text, { mark: false, mkmk: false });
    }
  };
  // The embedded subset depends only on the glyphs used.
  const encode = ef.subset.encode.bind(ef.subset);
  ef.subset.encode = () => memoised(FONT_SUBSETS, key + ':' + ef.subset.glyphs.join(','), encode);
  if (previous) d._font = previous;
}
