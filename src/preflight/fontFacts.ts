// What preflight needs of a font: whether its program is in the file, and glyph widths and
// height to place text (the box a piece of text covers on the page).
import { PDFArray, PDFNumber, PDFRawStream, type PDFDict } from 'pdf-lib';
import type { PdfFile } from './pdfFile.js';

export interface FontFacts {
  name: string;
  embedded: boolean;
  /** Type0 fonts read two bytes a code (Identity-H and most CMaps of embedded CID fonts). */
  twoByte: boolean;
  /** Width of a code in thousandths of the font size. */
  width(code: number): number;
  ascent: number;
  descent: number;
}

export function fontFacts(pdf: PdfFile, font: PDFDict): FontFacts {
  const subtype = pdf.name(font, 'Subtype') ?? '';
  const name = pdf.name(font, 'BaseFont') ?? pdf.name(font, 'Name') ?? '(unnamed)';
  if (subtype === 'Type0') {
    const desc = pdf.items(pdf.array(font, 'DescendantFonts'))[0] as PDFDict | undefined;
    const fd = pdf.dict(desc, 'FontDescriptor');
    const dw = pdf.num(desc, 'DW') ?? 1000;
    const widths = cidWidths(pdf, pdf.array(desc, 'W'));
    return { name, embedded: embedded(pdf, fd), twoByte: true, width: (c) => widths.get(c) ?? dw, ...heights(pdf, fd) };
  }
  const fd = pdf.dict(font, 'FontDescriptor');
  const first = pdf.num(font, 'FirstChar') ?? 0;
  const widths = pdf.numbers(pdf.array(font, 'Widths'));
  const missing = pdf.num(fd, 'MissingWidth') ?? 500;
  // Type 3 glyphs are content streams in the file itself.
  const isEmbedded = subtype === 'Type3' || embedded(pdf, fd);
  return { name, embedded: isEmbedded, twoByte: false, width: (c) => widths[c - first] ?? missing, ...heights(pdf, fd) };
}

function embedded(pdf: PdfFile, fd: PDFDict | undefined): boolean {
  return ['FontFile', 'FontFile2', 'FontFile3'].some((k) => pdf.get(fd, k) instanceof PDFRawStream);
}

function heights(pdf: PdfFile, fd: PDFDict | undefined): { ascent: number; descent: number } {
  const a = pdf.num(fd, 'Ascent');
  const d = pdf.num(fd, 'Descent');
  return { ascent: a && a > 0 ? a : 800, descent: d && d < 0 ? -d : 200 };
}

/** A CIDFont's W array: `c [w1 w2 …]` and `cFirst cLast w` runs. */
function cidWidths(pdf: PdfFile, w: PDFArray | undefined): Map<number, number> {
  const out = new Map<number, number>();
  const items = pdf.items(w);
  for (let i = 0; i < items.length;) {
    const first = items[i];
    const next = items[i + 1];
    if (!(first instanceof PDFNumber)) break;
    if (next instanceof PDFArray) {
      pdf.numbers(next).forEach((v, k) => out.set(first.asNumber() + k, v));
      i += 2;
    } else if (next instanceof PDFNumber && items[i + 2] instanceof PDFNumber) {
      const last = next.asNumber();
      const v = (items[i + 2] as PDFNumber).asNumber();
      // A range is bounded by the CID space (65,536 codes).
      for (let c = first.asNumber(); c <= Math.min(last, first.asNumber() + 65_535); c++) out.set(c, v);
      i += 3;
    } else break;
  }
  return out;
}
