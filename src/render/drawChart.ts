// Paints a compiled chart into the PDF as vectors and real text: its recorded Canvas 2D calls
// (charts/chartDrawing.ts) replayed onto our Canvas-2D adapter over pdfkit (chartCanvas.ts).
// Nothing here needs vega.
import { replayChart, type ChartDrawing } from '../charts/chartDrawing.js';
import type { PDFDoc } from './pdfkitModule.js';
import { parseCssColor, PdfCanvasContext } from './chartCanvas.js';

interface PdfKitTextState {
  x: number;
  y: number;
  _font?: unknown;
  _fontSize?: number;
  _fontSource?: unknown;
  _fontFamily?: unknown;
  _fillColor?: unknown;
}

/** Draws `chart` with its top-left corner at (x, y) in pdfkit coordinates (points, y down). */
export function drawChart(doc: PDFDoc, chart: ChartDrawing, x: number, y: number): void {
  // Leave the document as we found it: graphics state via q/Q, pdfkit's own text state by hand.
  const st = doc as unknown as PdfKitTextState;
  const saved = {
    x: st.x,
    y: st.y,
    _font: st._font,
    _fontSize: st._fontSize,
    _fontSource: st._fontSource,
    _fontFamily: st._fontFamily,
    _fillColor: st._fillColor,
  };
  doc.save();
  try {
    const bg = chart.background ? parseCssColor(chart.background) : null;
    if (bg && bg.a > 0) {
      doc.rect(x, y, chart.width, chart.height).fillColor(bg.rgb, bg.a).fill();
    }
    const ctx = new PdfCanvasContext(doc, x + chart.origin[0], y + chart.origin[1]);
    replayChart(chart.ops, ctx);
    ctx.finish();
  } finally {
    doc.restore();
    Object.assign(st, saved);
  }
}
