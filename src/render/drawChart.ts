// Paints a compiled chart into the PDF as vectors and real text, using vega-scenegraph's own
// canvas mark drawers over our Canvas-2D adapter (render/chartCanvas.ts).
import { Marks } from 'vega';
import type { ChartScene } from '../charts/compileChart.js';
import type { PDFDoc } from './pdfkitModule.js';
import { parseCssColor, PdfCanvasContext, withRawTextMetrics } from './chartCanvas.js';

interface SceneNode {
  marktype: string;
  clip?: boolean | ((ctx: PdfCanvasContext) => void);
  group?: { width?: number; height?: number };
}

/**
 * Mirrors vega-scenegraph's CanvasRenderer.draw: group marks call `this.draw(...)` for each
 * child mark, so this object stands in for the renderer.
 */
const renderer = {
  draw(ctx: PdfCanvasContext, scene: SceneNode, bounds: unknown, markTypes?: string[]): void {
    if (scene.marktype !== 'group' && markTypes != null && !markTypes.includes(scene.marktype)) return;
    const mark = Marks[scene.marktype];
    if (!mark) return;
    if (scene.clip) {
      ctx.save();
      ctx.beginPath();
      if (typeof scene.clip === 'function') scene.clip(ctx);
      else ctx.rect(0, 0, scene.group?.width || 0, scene.group?.height || 0);
      ctx.clip();
    }
    mark.draw.call(this, ctx, scene, bounds, markTypes);
    if (scene.clip) ctx.restore();
  },
  /** Image marks ask the renderer for their image; we never load any. */
  loadImage(): Promise<{ complete: boolean; width: number; height: number }> {
    return new Promise(() => {});
  },
};

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
export function drawChart(doc: PDFDoc, chart: ChartScene, x: number, y: number): void {
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
    withRawTextMetrics(() => renderer.draw(ctx, chart.scene as SceneNode, null));
    ctx.finish();
  } finally {
    doc.restore();
    Object.assign(st, saved);
  }
}
