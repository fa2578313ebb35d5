// Where a recorded chart's text lands: replays a drawing onto a canvas that paints nothing and
// keeps each string's box (its advance width × the ink of its glyphs, above and below the
// baseline, through the current transform), measured with the embedded fonts the PDF uses.
// Independent of vega's own bounds (which estimate a text's height as 0.8 + 0.2 of its size).
import { replayChart, type ChartDrawing } from '../../src/charts/chartDrawing.js';
import { VectorCanvas } from '../../src/charts/vectorCanvas.js';
import { getFont, type FontKey } from '../../src/fonts/fontRegistry.js';

/** How far the glyphs of `text` reach above and below the baseline, in points. */
function ink(key: FontKey, text: string, size: number): { ascent: number; descent: number } {
  const { font } = getFont(key);
  let top = 0;
  let bottom = 0;
  for (const g of font.layout(text).glyphs) {
    top = Math.max(top, g.bbox.maxY);
    bottom = Math.min(bottom, g.bbox.minY);
  }
  return { ascent: (top / font.unitsPerEm) * size, descent: (-bottom / font.unitsPerEm) * size };
}

export interface TextBox {
  text: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

class TextBoundsCanvas extends VectorCanvas {
  readonly boxes: TextBox[] = [];
  protected paintFill(): void {}
  protected paintStroke(): void {}
  protected paintClip(): void {}
  protected didSave(): void {}
  protected didRestore(): void {}
  protected paintText(text: string, x: number, y: number, maxWidth: number | undefined): void {
    const p = this.placeText(text, x, y, maxWidth);
    if (!p) return;
    const { ascent, descent } = ink(p.key, p.text, p.size);
    const bx = x + p.dx;
    const by = y + p.dy;
    const corners = [this.tx(bx, by - ascent), this.tx(bx + p.width, by - ascent), this.tx(bx, by + descent), this.tx(bx + p.width, by + descent)];
    const xs = corners.map((c) => c[0]);
    const ys = corners.map((c) => c[1]);
    this.boxes.push({ text: p.text, x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) });
  }
}

/** The box of every string the drawing draws, relative to the chart box's top-left. */
export function textBoxes(chart: ChartDrawing): TextBox[] {
  const ctx = new TextBoundsCanvas(chart.origin[0], chart.origin[1]);
  replayChart(chart.ops, ctx);
  return ctx.boxes;
}

/** The strings that reach outside the chart box by more than `tolerance` points. */
export function textOutsideBox(chart: ChartDrawing, tolerance = 0.5): TextBox[] {
  return textBoxes(chart).filter((b) => b.x1 < -tolerance || b.y1 < -tolerance || b.x2 > chart.width + tolerance || b.y2 > chart.height + tolerance);
}
