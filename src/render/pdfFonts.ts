// Font embedding for pdfkit without parsing any font twice in a process: pdfkit 0.20 accepts
// an already-parsed fontkit Font as a font source, so every document registers the registry's
// shared Font objects (subsets and used glyphs stay per document).
import { getFont, type FontKey } from '../fonts/fontRegistry.js';
import type { PDFDoc } from './pdfkitModule.js';

interface PdfkitInternals {
  _registeredFonts: Record<string, unknown>;
}

/** Makes `doc.font(key)` select the shared, already-parsed font. Idempotent per document. */
export function ensureFont(doc: PDFDoc, key: FontKey): void {
  const reg = (doc as unknown as PdfkitInternals)._registeredFonts;
  if (reg[key]) return;
  doc.registerFont(key, getFont(key).font as unknown as string);
}

/** Avoids re-emitting font selection for every fragment of the same style. */
export class FontSelector {
  private current: string | undefined;
  constructor(private readonly doc: PDFDoc) {}
  use(key: FontKey, size: number): void {
    const id = key + '@' + size;
    if (this.current !== id) {
      ensureFont(this.doc, key);
      this.doc.font(key).fontSize(size);
      this.current = id;
    }
  }
  /** Call after anything else (a chart) changed the font behind our back. */
  reset(): void {
    this.current = undefined;
  }
}
