// Every pdfkit private member the chart renderer relies on, in one place, checked against the
// installed pdfkit by tests/render/pdfkitInternals.test.ts (tested with pdfkit 0.20). pdfFonts.ts
// keeps its own for now (font registration and shaping); they are to be merged here.
import type { PDFDoc } from './pdfkitModule.js';

/** pdfkit's text state: the public cursor and the private current font and fill colour. */
interface PdfkitTextState {
  x: number;
  y: number;
  _font?: unknown;
  _fontSize?: number;
  _fontSource?: unknown;
  _fontFamily?: unknown;
  _fillColor?: unknown;
}

const TEXT_STATE = ['x', 'y', '_font', '_fontSize', '_fontSource', '_fontFamily', '_fillColor'] as const;

/**
 * Snapshots pdfkit's own text state (cursor, current font and size, fill colour), which q/Q do
 * not cover: pdfkit keeps it in the document object. Call the result to put it back.
 */
export function keepTextState(doc: PDFDoc): () => void {
  const st = doc as unknown as PdfkitTextState;
  const saved: Partial<PdfkitTextState> = {};
  for (const k of TEXT_STATE) (saved as Record<string, unknown>)[k] = st[k];
  return () => {
    Object.assign(st, saved);
  };
}

/**
 * Text options with the string's width already given. `textWidth` is the option pdfkit's line
 * wrapper passes to its _fragment(); given here, pdfkit does not lay the string out again just
 * to measure it. (`options` is loosely typed: pdfkit also passes fontkit's object form of
 * `features` through, which its typings do not list.)
 */
export function textOptionsWithWidth(options: Record<string, unknown>, width: number): PDFKit.Mixins.TextOptions {
  return { ...options, textWidth: width } as PDFKit.Mixins.TextOptions;
}
