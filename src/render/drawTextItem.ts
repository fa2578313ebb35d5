// Draws one baseline of text as a single PDF text object: one BT…ET, a Tm per fragment, TJ with
// the kerning the shaper found. pdfkit's doc.text() costs a save/restore, a transform and
// option handling per call, and we draw a call per word of every justified line; this writes
// the same glyphs, through pdfkit's own font encoder (subsetting and ToUnicode stay pdfkit's).
import type { TextItem } from '../layout/pageTypes.js';
import { ensureFont } from './pdfFonts.js';
import type { PDFDoc } from './pdfkitModule.js';

interface EncodingFont {
  id: string;
  ref(): unknown;
  encode(text: string, features?: unknown): [string[], { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[]];
}

interface DocInternals {
  _fontFamilies: Record<string, EncodingFont>;
  page: { height: number; fonts: Record<string, unknown> };
}

const n = (x: number) => (Math.round(x * 1000) / 1000).toString();

function rgb(hex: string): string {
  const v = parseInt(hex.slice(1), 16);
  return `${n(((v >> 16) & 255) / 255)} ${n(((v >> 8) & 255) / 255)} ${n((v & 255) / 255)} rg`;
}

export function drawTextItem(doc: PDFDoc, it: TextItem): void {
  const d = doc as unknown as DocInternals;
  // pdfkit's page content runs in a y-down system; text objects are set in PDF's own y-up one.
  const out: string[] = ['q', `1 0 0 -1 0 ${n(d.page.height)} cm`, 'BT'];
  let fontId = '';
  let size = 0;
  let color = '';
  for (const f of it.fragments) {
    if (!f.text) continue;
    ensureFont(doc, f.style.font);
    const font = d._fontFamilies[f.style.font];
    if (d.page.fonts[font.id] == null) d.page.fonts[font.id] = font.ref();
    if (font.id !== fontId || f.style.size !== size) {
      out.push(`/${font.id} ${n(f.style.size)} Tf`);
      fontId = font.id;
      size = f.style.size;
    }
    if (f.style.color !== color) {
      out.push(rgb(f.style.color));
      color = f.style.color;
    }
    const baseline = f.target?.superscript ? it.y - f.style.size * 0.6 : it.y;
    const y = d.page.height - baseline;
    if (f.isHyphen) out.push('/Span <</ActualText ()>> BDC');
    emitRun(out, font, f.text, f.x, y, f.style.size);
    if (f.isHyphen) out.push('EMC');
  }
  out.push('ET', 'Q');
  doc.addContent(out.join('\n'));
}

/** Glyphs of one fragment: TJ with kerning; glyphs with offsets (Khmer marks) get their own Tm. */
function emitRun(out: string[], font: EncodingFont, text: string, x: number, y: number, size: number): void {
  const [encoded, positions] = font.encode(text);
  const scale = size / 1000;
  out.push(`1 0 0 1 ${n(x)} ${n(y)} Tm`);
  let parts: string[] = [];
  let hex = '';
  const flush = () => {
    if (hex) parts.push(`<${hex}>`);
    hex = '';
    if (parts.length) out.push(`[${parts.join(' ')}] TJ`);
    parts = [];
  };
  let pen = x;
  let moved = false;
  for (let i = 0; i < encoded.length; i++) {
    const p = positions[i];
    if (p.xOffset || p.yOffset) {
      flush();
      out.push(`1 0 0 1 ${n(pen + p.xOffset * scale)} ${n(y + p.yOffset * scale)} Tm`);
      out.push(`<${encoded[i]}> Tj`);
      moved = true;
    } else {
      if (moved) {
        out.push(`1 0 0 1 ${n(pen)} ${n(y)} Tm`);
        moved = false;
      }
      hex += encoded[i];
      const adjust = p.xAdvance - p.advanceWidth;
      if (adjust !== 0) {
        parts.push(`<${hex}>`, n(-adjust));
        hex = '';
      }
    }
    pen += p.xAdvance * scale;
  }
  flush();
}
