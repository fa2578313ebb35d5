// The PDF replay target: a Canvas-2D-like context that paints into a pdfkit document, so a
// recorded chart (charts/chartDrawing.ts) is drawn as vector PDF (no rasterising). Canvas
// semantics (state, transforms, paths in device space) come from charts/vectorCanvas.ts; this
// file turns paths, paint, clips and text into PDF operators:
// - fill/stroke state is applied at paint time, and operators the PDF graphics state already
//   holds are skipped; save()/restore() map to q/Q so clips nest exactly as in canvas;
// - text goes through pdfkit's text() with our embedded fonts, so it stays extractable.
import type { FontKey } from '../fonts/fontRegistry.js';
import type { ChartImage } from '../charts/chartDrawing.js';
import { ChartGradient } from '../charts/chartGradient.js';
import { parseCssColor } from '../charts/cssColor.js';
import { chartTextFeatures } from '../charts/measureChartText.js';
import { formatCoord as fmt, M_CURVE, M_LINE, M_MOVE, VectorCanvas, type Style } from '../charts/vectorCanvas.js';
import { ensureFont } from './pdfFonts.js';
import { openImageOnce, textOptionsWithWidth } from './pdfkitInternals.js';
import type { PDFDoc } from './pdfkitModule.js';
import { pdfkitColor, SCREEN_PAINT, type PaintPolicy, type PaintUse } from './paint.js';
import { overprintOperator } from './printRender.js';

/** What the PDF graphics state currently holds (null = unknown), so we skip redundant operators. */
interface PdfState {
  fill: string | null;
  stroke: string | null;
  lineWidth: number | null;
  cap: string | null;
  join: string | null;
  miter: number | null;
  dash: string | null;
  /** Overprint is off at the start: render never leaves it on outside a q…Q. */
  overprint: boolean;
}

/** Selects `key` at `size`, registering the shared font on the document the first time. */
export function useChartFont(doc: PDFDoc, key: FontKey, size: number): void {
  ensureFont(doc, key);
  doc.font(key).fontSize(size);
}

export class PdfCanvasContext extends VectorCanvas {
  private readonly pdfStack: PdfState[] = [];
  private pdf: PdfState = { fill: null, stroke: null, lineWidth: null, cap: null, join: null, miter: null, dash: null, overprint: false };

  /**
   * @param doc the pdfkit document to paint into (the current page).
   * @param originX,originY where canvas (0,0) lands, in pdfkit user space (points, y down).
   * @param paint how colours become PDF colours (the print edition's CMYK).
   */
  constructor(
    private readonly doc: PDFDoc,
    originX = 0,
    originY = 0,
    private readonly paint: PaintPolicy = SCREEN_PAINT,
  ) {
    super(originX, originY);
  }

  protected didSave(): void {
    this.pdfStack.push({ ...this.pdf });
    this.doc.save();
  }

  protected didRestore(): void {
    this.pdf = this.pdfStack.pop()!;
    this.doc.restore();
  }

  // --- painting ------------------------------------------------------------------------------

  /** An image mark's picture: the current transform, then pdfkit's image in the user-space box. */
  protected override paintImage(image: ChartImage, x: number, y: number, w: number, h: number): void {
    const img = openImageOnce(this.doc, image.id, () => Buffer.from(image.data, 'base64'));
    const [a, b, c, d, e, f] = this.s.m;
    this.doc.save();
    this.doc.transform(a, b, c, d, e, f);
    if (this.s.globalAlpha < 1) this.doc.opacity(this.s.globalAlpha);
    this.doc.image(img as unknown as Buffer, x, y, { width: w, height: h });
    this.doc.restore();
  }

  private emitPath(): boolean {
    if (!this.cmds.length) return false;
    const out: string[] = [];
    const p = this.pts;
    let j = 0;
    for (const c of this.cmds) {
      if (c === M_MOVE) {
        out.push(`${fmt(p[j])} ${fmt(p[j + 1])} m`);
        j += 2;
      } else if (c === M_LINE) {
        out.push(`${fmt(p[j])} ${fmt(p[j + 1])} l`);
        j += 2;
      } else if (c === M_CURVE) {
        out.push(`${fmt(p[j])} ${fmt(p[j + 1])} ${fmt(p[j + 2])} ${fmt(p[j + 3])} ${fmt(p[j + 4])} ${fmt(p[j + 5])} c`);
        j += 6;
      } else {
        out.push('h');
      }
    }
    this.doc.addContent(out.join('\n'));
    return true;
  }

  /**
   * Sets the PDF fill or stroke paint from a canvas style; false when nothing would be painted.
   * Call before the path is written: it may set graphics state (overprint).
   */
  private applyPaint(style: Style, stroke: boolean, use: PaintUse): boolean {
    const alpha = this.s.globalAlpha;
    if (alpha <= 0) return false;
    if (style instanceof ChartGradient) return this.applyGradient(style, stroke, alpha);
    const c = parseCssColor(style);
    if (!c) return false; // canvas ignores unparsable colours; vega never sets them on purpose
    const a = c.a * alpha;
    if (a <= 0) return false;
    const p = this.paint.paint(c.rgb, use);
    this.setOverprint(p.overprint);
    const key = `${p.color.toString()},${a}`;
    if (stroke) {
      if (this.pdf.stroke !== key) this.doc.strokeColor(pdfkitColor(p.color), a);
      this.pdf.stroke = key;
    } else {
      if (this.pdf.fill !== key) this.doc.fillColor(pdfkitColor(p.color), a);
      this.pdf.fill = key;
    }
    return true;
  }

  private setOverprint(on: boolean): void {
    if (this.pdf.overprint === on) return;
    this.doc.addContent(overprintOperator(this.doc, on));
    this.pdf.overprint = on;
  }

  private applyGradient(g: ChartGradient, stroke: boolean, alpha: number): boolean {
    const stops = g.stops.map((s) => ({ offset: s.offset, c: parseCssColor(s.color) })).filter((s) => s.c);
    if (!stops.length) return false;
    try {
      const k = this.scaleFactor();
      let grad;
      if (g.kind === 'linear') {
        const [x0, y0] = this.tx(g.coords[0], g.coords[1]);
        const [x1, y1] = this.tx(g.coords[2], g.coords[3]);
        grad = this.doc.linearGradient(x0, y0, x1, y1);
      } else {
        const [x0, y0] = this.tx(g.coords[0], g.coords[1]);
        const [x1, y1] = this.tx(g.coords[3], g.coords[4]);
        grad = this.doc.radialGradient(x0, y0, g.coords[2] * k, x1, y1, g.coords[5] * k);
      }
      // pdfkit takes [r,g,b] arrays here too; its typings only list strings.
      this.setOverprint(false);
      for (const s of stops) grad.stop(s.offset, pdfkitColor(this.paint.paint(s.c!.rgb, { role: 'fill', width: Infinity, height: Infinity }).color) as string, s.c!.a);
      if (stroke) {
        this.doc.strokeColor(grad, alpha);
        this.pdf.stroke = null;
      } else {
        this.doc.fillColor(grad, alpha);
        this.pdf.fill = null;
      }
      return true;
    } catch {
      // Fall back to the first stop's colour rather than failing the whole chart.
      const c = stops[0].c!;
      return this.applyPaint(`rgba(${c.rgb.join(',')},${c.a})`, stroke, { role: 'fill', width: Infinity, height: Infinity });
    }
  }

  private applyStrokeState(): void {
    const k = this.scaleFactor();
    const lw = this.s.lineWidth * k;
    if (this.pdf.lineWidth !== lw) this.doc.lineWidth(lw);
    this.pdf.lineWidth = lw;
    // The setters only take the values pdfkit knows (vectorCanvas.ts LINE_CAPS, LINE_JOINS).
    if (this.pdf.cap !== this.s.lineCap) this.doc.lineCap(this.s.lineCap as 'butt' | 'round' | 'square');
    this.pdf.cap = this.s.lineCap;
    if (this.pdf.join !== this.s.lineJoin) this.doc.lineJoin(this.s.lineJoin as 'miter' | 'round' | 'bevel');
    this.pdf.join = this.s.lineJoin;
    if (this.pdf.miter !== this.s.miterLimit) this.doc.miterLimit(this.s.miterLimit);
    this.pdf.miter = this.s.miterLimit;
    const dash = this.s.dash;
    const dashKey = dash.some((x) => x > 0) ? `[${dash.map((x) => fmt(x * k)).join(' ')}] ${fmt(this.s.dashOffset * k)} d` : '[] 0 d';
    if (this.pdf.dash !== dashKey) this.doc.addContent(dashKey);
    this.pdf.dash = dashKey;
  }

  /** The bounding box of the current path, in points. */
  private pathSize(): { width: number; height: number } {
    const p = this.pts;
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (let i = 0; i + 1 < p.length; i += 2) {
      x0 = Math.min(x0, p[i]);
      x1 = Math.max(x1, p[i]);
      y0 = Math.min(y0, p[i + 1]);
      y1 = Math.max(y1, p[i + 1]);
    }
    return x1 >= x0 ? { width: x1 - x0, height: y1 - y0 } : { width: 0, height: 0 };
  }

  protected paintFill(rule: 'nonzero' | 'evenodd'): void {
    if (!this.applyPaint(this.s.fillStyle, false, { role: 'fill', ...this.pathSize() })) return;
    this.emitPath();
    this.doc.addContent(rule === 'evenodd' ? 'f*' : 'f');
  }

  protected paintStroke(): void {
    if (!this.applyPaint(this.s.strokeStyle, true, { role: 'stroke', width: this.s.lineWidth * this.scaleFactor() })) return;
    this.applyStrokeState();
    this.emitPath();
    this.doc.addContent('S');
  }

  protected paintClip(rule: 'nonzero' | 'evenodd'): void {
    if (!this.cmds.length) {
      // Clipping to an empty path hides everything.
      this.doc.addContent('0 0 m h W n');
      return;
    }
    this.emitPath();
    this.doc.addContent(rule === 'evenodd' ? 'W* n' : 'W n');
  }

  // --- text ----------------------------------------------------------------------------------

  protected paintText(text: unknown, x: number, y: number, maxWidth: number | undefined, stroke: boolean): void {
    const t = this.placeText(text, x, y, maxWidth);
    if (!t) return;
    const use: PaintUse = stroke ? { role: 'stroke', width: this.s.lineWidth * this.scaleFactor() } : { role: 'text' };
    if (!this.applyPaint(stroke ? this.s.strokeStyle : this.s.fillStyle, stroke, use)) return;
    if (stroke) this.applyStrokeState();
    if (t.squeeze === 0) return; // maxWidth 0: nothing fits
    const { text: str, key, size, width, squeeze, dx, dy } = t;

    useChartFont(this.doc, key, size);
    const features = chartTextFeatures(key, str);
    // The width is passed on: pdfkit would otherwise lay the string out a second time to measure it.
    const opts = textOptionsWithWidth(
      { lineBreak: false, baseline: 'alphabetic', stroke, fill: !stroke, ...(features && { features }) },
      width / squeeze,
    );
    const m = this.s.m;
    if (squeeze === 1 && this.isTranslation()) {
      this.doc.text(str, m[4] + x + dx, m[5] + y + dy, opts);
    } else {
      this.doc.save();
      this.doc.transform(m[0], m[1], m[2], m[3], m[4], m[5]);
      this.doc.translate(x, y);
      if (squeeze !== 1) this.doc.scale(squeeze, 1);
      this.doc.text(str, dx / squeeze, dy, opts);
      this.doc.restore();
    }
  }
}
