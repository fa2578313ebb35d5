// Draws one baseline of text as a single PDF text object: one BT…ET, a Tm per fragment, TJ with
// the kerning the shaper found. pdfkit's doc.text() costs a save/restore, a transform and
// option handling per call, and we draw a call per word of every justified line; this writes
// the same glyphs, through pdfkit's own font encoder (subsetting and ToUnicode stay pdfkit's).
import { SUPERSCRIPT_RISE } from '../layout/lineTypes.js';
import type { TextItem } from '../layout/pageTypes.js';
import { SIMPLE_TEXT } from '../fonts/simpleShaper.js';
import { ensureFont } from './pdfFonts.js';
import type { PDFDoc } from './pdfkitModule.js';
import { fontForPage, type EncodingFont } from './pdfkitInternals.js';
import { SCREEN_PAINT, type Paint, type PaintPolicy } from './paint.js';
import { overprintOperator } from './printRender.js';

const n = (x: number) => (Math.round(x * 1000) / 1000).toString();

/** A PDF text string: () when empty, else UTF-16BE with its byte order mark, in hex. */
function pdfTextString(s: string): string {
  if (s === '') return '()';
  let hex = '<FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return hex + '>';
}

/** The fill colour operator: rg for "#rrggbb" (the screen edition), k for CMYK from 0 to 100. */
function fillOperator(c: Paint['color']): string {
  if (typeof c === 'string') {
    const v = parseInt(c.slice(1), 16);
    return `${n(((v >> 16) & 255) / 255)} ${n(((v >> 8) & 255) / 255)} ${n((v & 255) / 255)} rg`;
  }
  return c.length === 4 ? `${c.map((x) => n(x / 100)).join(' ')} k` : `${c.map((x) => n(x / 255)).join(' ')} rg`;
}

export function drawTextItem(doc: PDFDoc, it: TextItem, paint: PaintPolicy = SCREEN_PAINT): void {
  const pageHeight = doc.page.height;
  // pdfkit's page content runs in a y-down system; text objects are set in PDF's own y-up one.
  const w = new TextObjectWriter(pageHeight, (on) => overprintOperator(doc, on));
  for (const f of it.fragments) {
    if (!f.text) continue;
    ensureFont(doc, f.style.font);
    const font = fontForPage(doc, f.style.font);
    const baseline = f.target?.superscript ? it.y - f.style.size * SUPERSCRIPT_RISE : it.y;
    // The line-end hyphen is layout, not text: it extracts as nothing. Text shaped by fontkit
    // (Khmer) has its glyphs in visual order, some standing for several characters or for part
    // of one, so no ToUnicode map can give it back in logical order: it carries its own text.
    const actualText = f.isHyphen ? '' : SIMPLE_TEXT.test(f.text) ? null : f.text;
    w.run(font, f.text, f.x, pageHeight - baseline, f.style.size, paint.paint(f.style.color, { role: 'text' }), actualText, f.hscale ?? 1);
  }
  doc.addContent(w.finish());
}

/**
 * Writes fragments into one text object. Fragments of the same font, size and colour on the
 * same baseline continue the same TJ array, the gap before each (a justified space) written as
 * a TJ adjustment rather than a new Tm: fewer operators, smaller streams, faster to compress.
 */
class TextObjectWriter {
  private out: string[];
  private parts: string[] = [];
  private hex = '';
  private fontId = '';
  private size = 0;
  private color = '';
  /** Overprint is off when the text object starts (render never leaves it on outside q…Q). */
  private overprint = false;
  /** Where the next glyph would be drawn, or null when a new Tm is needed. */
  private pen: { x: number; y: number } | null = null;
  /** Horizontal scaling (Tz) in force: font expansion draws a line's glyphs wider or narrower. */
  private hscale = 1;

  constructor(
    pageHeight: number,
    private readonly overprintOperator: (on: boolean) => string,
  ) {
    this.out = ['q', `1 0 0 -1 0 ${n(pageHeight)} cm`, 'BT'];
  }

  /**
   * Adds one fragment. With `actualText` (not null) the glyphs are wrapped in a marked-content
   * Span whose ActualText replaces them for text extraction, copy and search; it nests inside
   * the structure element's own marked content.
   */
  run(font: EncodingFont, text: string, x: number, y: number, size: number, paint: Paint, actualText: string | null, hscale = 1): void {
    if (hscale !== this.hscale) {
      // Tz scales glyph advances, kerning and TJ gaps alike; the text stays the font's glyphs.
      this.flush();
      this.out.push(`${n(hscale * 100)} Tz`);
      this.hscale = hscale;
    }
    if (font.id !== this.fontId || size !== this.size) {
      this.flush();
      this.out.push(`/${font.id} ${n(size)} Tf`);
      this.fontId = font.id;
      this.size = size;
    }
    const color = paint.color.toString();
    if (color !== this.color) {
      this.flush();
      this.out.push(fillOperator(paint.color));
      this.color = color;
    }
    if (paint.overprint !== this.overprint) {
      // gs may stand inside a text object (ISO 32000-1, 9.4, "general graphics state").
      this.flush();
      this.out.push(this.overprintOperator(paint.overprint));
      this.overprint = paint.overprint;
    }
    if (actualText !== null) {
      this.flush();
      this.out.push(`/Span <</ActualText ${pdfTextString(actualText)}>> BDC`);
    }
    // Text space units to points along the baseline: Tz multiplies every horizontal advance.
    const scale = (size / 1000) * hscale;
    if (this.pen && Math.abs(this.pen.y - y) < 1e-6 && x >= this.pen.x - 1e-6) {
      const gap = x - this.pen.x;
      if (gap > 1e-4) this.adjust(-gap / scale);
    } else {
      this.flush();
      this.out.push(`1 0 0 1 ${n(x)} ${n(y)} Tm`);
    }
    const [encoded, positions] = font.encode(text);
    let pen = x;
    for (let i = 0; i < encoded.length; i++) {
      const p = positions[i];
      if (p.xOffset || p.yOffset) {
        // A positioned mark (Khmer): drawn on its own, then the run resumes from the pen.
        this.flush();
        const ys = size / 1000;
        this.out.push(`1 0 0 1 ${n(pen + p.xOffset * scale)} ${n(y + p.yOffset * ys)} Tm`, `<${encoded[i]}> Tj`, `1 0 0 1 ${n(pen + p.xAdvance * scale)} ${n(y)} Tm`);
      } else {
        this.hex += encoded[i];
        const kern = p.xAdvance - p.advanceWidth;
        if (kern !== 0) this.adjust(-kern);
      }
      pen += p.xAdvance * scale;
    }
    this.pen = { x: pen, y };
    if (actualText !== null) {
      this.flush();
      this.out.push('EMC');
    }
  }

  private adjust(thousandths: number): void {
    if (this.hex) this.parts.push(`<${this.hex}>`);
    this.hex = '';
    this.parts.push(n(thousandths));
  }

  private flush(): void {
    if (this.hex) this.parts.push(`<${this.hex}>`);
    this.hex = '';
    if (this.parts.length) this.out.push(`[${this.parts.join(' ')}] TJ`);
    this.parts = [];
  }

  finish(): string {
    this.flush();
    this.out.push('ET', 'Q');
    return this.out.join('\n');
  }
}
