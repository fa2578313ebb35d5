// How render turns the colours of laid-out content (CSS hex strings, chart RGB) into PDF
// colour. The screen edition paints every colour as it is given; the print edition
// (src/print/printPaint.ts) maps each to CMYK and says which must overprint. Render asks the
// policy at each paint, telling it what is painted, since presses treat black text, thin
// rules and large areas differently.

/** A colour as pdfkit takes it: "#rrggbb", [r, g, b] from 0 to 255, or [c, m, y, k] from 0 to 100. */
export type PdfColor = string | readonly number[];

export interface Paint {
  color: PdfColor;
  /** Print over the inks below instead of knocking them out (/OP, /op, /OPM 1). */
  overprint: boolean;
}

/** What is being painted: text, a stroke of some width, a filled area (its bounding box), or a QR code. */
export type PaintUse =
  | { role: 'text' }
  | { role: 'stroke'; width: number }
  | { role: 'fill'; width: number; height: number }
  | { role: 'qr' };

export interface PaintPolicy {
  /** @param color "#rrggbb" (page items) or [r, g, b] from 0 to 255 (charts) */
  paint(color: string | readonly number[], use: PaintUse): Paint;
}

/** The screen edition: colours exactly as given, nothing overprints (the PDF is as it always was). */
export const SCREEN_PAINT: PaintPolicy = { paint: (color) => ({ color, overprint: false }) };

/** pdfkit's colour arguments are typed as strings and [r, g, b]; it takes [c, m, y, k] too. */
export function pdfkitColor(c: PdfColor): PDFKit.Mixins.ColorValue {
  return c as unknown as PDFKit.Mixins.ColorValue;
}
