// Where a recorded chart's text actually inks the page. vega's bounds give a text 0.8 of its
// size above the baseline and 0.2 below; the glyphs of Source Sans reach 0.85 above (accented
// capitals, brackets) and 0.22 below (descenders), Noto Sans Khmer further. A title at the top
// or an axis title at the bottom would then hang out of the chart box by up to a point: the
// box is grown to the ink (compileChart.ts), measured here from the drawing itself, with the
// same fonts and text placement the PDF and SVG targets use.
import { replayChart, type ChartOp } from './chartDrawing.js';
import { VectorCanvas } from './vectorCanvas.js';
import { fontId, getFont, type FontKey } from '../fonts/fontRegistry.js';

export interface InkBox {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

// Per string: fontkit's layout is slow (~0.1 ms), and charts repeat their labels in every panel.
const inkCache = new Map<string, { top: number; bottom: number }>();

/** How far the glyphs of `text` reach above and below the baseline, in em. */
function inkOf(key: FontKey, text: string): { top: number; bottom: number } {
  const ck = fontId(key) + '\u0000' + text;
  let ink = inkCache.get(ck);
  if (!ink) {
    const { font } = getFont(key);
    let top = 0;
    let bottom = 0;
    try {
      for (const g of font.layout(text).glyphs) {
        top = Math.max(top, g.bbox.maxY);
        bottom = Math.min(bottom, g.bbox.minY);
      }
    } catch {
      // fontkit cannot lay out a few Khmer strings with mark positioning: use the font's box.
      top = font.bbox.maxY;
      bottom = font.bbox.minY;
    }
    ink = { top: top / font.unitsPerEm, bottom: -bottom / font.unitsPerEm };
    if (inkCache.size > 10_000) inkCache.clear();
    inkCache.set(ck, ink);
  }
  return ink;
}

class InkCanvas extends VectorCanvas {
  box: InkBox | null = null;
  protected paintFill(): void {}
  protected paintStroke(): void {}
  protected paintClip(): void {}
  protected didSave(): void {}
  protected didRestore(): void {}
  protected paintText(text: string, x: number, y: number, maxWidth: number | undefined): void {
    const p = this.placeText(text, x, y, maxWidth);
    if (!p) return;
    const ink = inkOf(p.key, p.text);
    const bx = x + p.dx;
    const by = y + p.dy;
    const top = by - ink.top * p.size;
    const bottom = by + ink.bottom * p.size;
    for (const [cx, cy] of [this.tx(bx, top), this.tx(bx + p.width, top), this.tx(bx, bottom), this.tx(bx + p.width, bottom)]) {
      if (!this.box) this.box = { x1: cx, y1: cy, x2: cx, y2: cy };
      else {
        this.box.x1 = Math.min(this.box.x1, cx);
        this.box.y1 = Math.min(this.box.y1, cy);
        this.box.x2 = Math.max(this.box.x2, cx);
        this.box.y2 = Math.max(this.box.y2, cy);
      }
    }
  }
}

/** The box all text of a drawing inks, in the drawing's coordinates; null when it has no text. */
export function textInkBox(ops: readonly ChartOp[]): InkBox | null {
  const ctx = new InkCanvas(0, 0);
  replayChart(ops, ctx);
  return ctx.box;
}
