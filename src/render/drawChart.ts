// Paints a compiled chart into the PDF as vectors and real text: its recorded Canvas 2D calls
// (charts/chartDrawing.ts) replayed onto our Canvas-2D adapter over pdfkit
// (pdfCanvasContext.ts). Nothing here needs vega.
import { replayChart, type ChartDrawing } from '../charts/chartDrawing.js';
import { parseCssColor } from '../charts/cssColor.js';
import { PdfCanvasContext } from './pdfCanvasContext.js';
import { keepTextState } from './pdfkitInternals.js';
import { pdfkitColor, SCREEN_PAINT, type PaintPolicy } from './paint.js';
import type { PDFDoc } from './pdfkitModule.js';

/** Draws `chart` with its top-left corner at (x, y) in pdfkit coordinates (points, y down). */
export function drawChart(doc: PDFDoc, chart: ChartDrawing, x: number, y: number, paint: PaintPolicy = SCREEN_PAINT): void {
  // Leave the document as we found it: graphics state via q/Q, pdfkit's own text state by hand.
  const restoreTextState = keepTextState(doc);
  doc.save();
  try {
    const bg = chart.background ? parseCssColor(chart.background) : null;
    if (bg && bg.a > 0) {
      const p = paint.paint(bg.rgb, { role: 'fill', width: chart.width, height: chart.height });
      doc.rect(x, y, chart.width, chart.height).fillColor(pdfkitColor(p.color), bg.a).fill();
    }
    const ctx = new PdfCanvasContext(doc, x + chart.origin[0], y + chart.origin[1], paint);
    replayChart(chart.ops, ctx, chart.images);
    ctx.finish();
  } finally {
    doc.restore();
    restoreTextState();
  }
}
