// Canvas 2D semantics for vector replay targets (PDF, SVG), shared so both read a recorded
// chart the same way. Where canvas differs from PDF and SVG paths:
// - the current path survives fill()/stroke()/clip() (vega fills, then strokes the same path);
// - transforms may change in the middle of a path, so points are transformed as they are added
//   and paths are kept in "device" space (the target's coordinates), painted by the subclass;
// - fill/stroke state lives here and is read at paint time; save()/restore() scope it, and the
//   subclass scopes its own target state (and clips) in didSave()/didRestore().
// Text placement (align, baseline, maxWidth) uses the embedded fonts' metrics.
import { lineMetrics, type FontKey } from '../fonts/fontRegistry.js';
import type { ChartCanvas, ChartStyle } from './chartCanvas.js';
import type { ChartImage } from './chartDrawing.js';
import { fontKeyForCss } from './chartFontKey.js';
import { ChartGradient } from './chartGradient.js';
import { measureCanvasText, measureChartText, type CanvasTextMetrics } from './measureChartText.js';

export type Matrix = [number, number, number, number, number, number];
export type Style = string | ChartGradient;

export interface CanvasState {
  m: Matrix;
  fillStyle: Style;
  strokeStyle: Style;
  globalAlpha: number;
  lineWidth: number;
  lineCap: string;
  lineJoin: string;
  miterLimit: number;
  dash: number[];
  dashOffset: number;
  font: string;
  textAlign: string;
  textBaseline: string;
}

/** Path commands, with 2 (move, line), 6 (curve) or 0 (close) numbers each in `pts`. */
export const M_MOVE = 0;
export const M_LINE = 1;
export const M_CURVE = 2;
export const M_CLOSE = 3;

export const LINE_CAPS = new Set(['butt', 'round', 'square']);
export const LINE_JOINS = new Set(['miter', 'round', 'bevel']);

/** A coordinate as written into PDF and SVG paths: at most 3 decimals, no "-0". */
export function formatCoord(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return r === 0 || !Number.isFinite(r) ? '0' : String(r);
}

export function multiply(m: Matrix, a: number, b: number, c: number, d: number, e: number, f: number): Matrix {
  return [
    m[0] * a + m[2] * b,
    m[1] * a + m[3] * b,
    m[0] * c + m[2] * d,
    m[1] * c + m[3] * d,
    m[0] * e + m[2] * f + m[4],
    m[1] * e + m[3] * f + m[5],
  ];
}

/** Where and how a string is drawn (see VectorCanvas.placeText). */
export interface TextPlacement {
  text: string;
  key: FontKey;
  size: number;
  /** Advance width as drawn (after any squeeze), in user space. */
  width: number;
  /** Horizontal scale to fit maxWidth (1 = none, 0 = nothing fits). */
  squeeze: number;
  /** Offset from (x, y) to the start of the alphabetic baseline, in user space. */
  dx: number;
  dy: number;
}

export abstract class VectorCanvas implements ChartCanvas {
  /** vega reads this when clipping to dirty regions (never here: we always draw everything). */
  readonly pixelRatio = 1;
  globalCompositeOperation = 'source-over';
  imageSmoothingEnabled = true;
  direction = 'ltr';
  shadowBlur = 0;
  shadowColor = 'transparent';
  shadowOffsetX = 0;
  shadowOffsetY = 0;

  protected s: CanvasState;
  private readonly stack: CanvasState[] = [];
  /** Device coordinates of the canvas's (0,0) with the identity transform. */
  protected readonly base: Matrix;

  // Current path, in device space.
  protected cmds: number[] = [];
  protected pts: number[] = [];
  protected hasPoint = false;
  protected cx = 0;
  protected cy = 0;
  protected sx = 0;
  protected sy = 0;

  constructor(originX = 0, originY = 0) {
    this.base = [1, 0, 0, 1, originX, originY];
    this.s = {
      m: [...this.base],
      fillStyle: '#000000',
      strokeStyle: '#000000',
      globalAlpha: 1,
      lineWidth: 1,
      lineCap: 'butt',
      lineJoin: 'miter',
      miterLimit: 10,
      dash: [],
      dashOffset: 0,
      font: '10px sans-serif',
      textAlign: 'start',
      textBaseline: 'alphabetic',
    };
  }

  // --- what a target paints ------------------------------------------------------------------

  /** Fills the current path (non-empty) with the fill style. */
  protected abstract paintFill(rule: 'nonzero' | 'evenodd'): void;
  /** Strokes the current path (non-empty) with the stroke style and line state. */
  protected abstract paintStroke(): void;
  /** Intersects the clip with the current path (possibly empty) until the matching restore(). */
  protected abstract paintClip(rule: 'nonzero' | 'evenodd'): void;
  /** Draws one string (fillText / strokeText). */
  protected abstract paintText(text: string, x: number, y: number, maxWidth: number | undefined, stroke: boolean): void;
  /** Called after save() / a balanced restore(), for the target's own state. */
  protected abstract didSave(): void;
  protected abstract didRestore(): void;

  // --- state properties ----------------------------------------------------------------------

  get fillStyle(): ChartStyle {
    return this.s.fillStyle;
  }
  set fillStyle(v: ChartStyle) {
    if (v instanceof ChartGradient || typeof v === 'string') this.s.fillStyle = v;
  }
  get strokeStyle(): ChartStyle {
    return this.s.strokeStyle;
  }
  set strokeStyle(v: ChartStyle) {
    if (v instanceof ChartGradient || typeof v === 'string') this.s.strokeStyle = v;
  }
  get globalAlpha(): number {
    return this.s.globalAlpha;
  }
  set globalAlpha(v: number) {
    if (Number.isFinite(v) && v >= 0 && v <= 1) this.s.globalAlpha = v;
  }
  get lineWidth(): number {
    return this.s.lineWidth;
  }
  set lineWidth(v: number) {
    if (Number.isFinite(v) && v > 0) this.s.lineWidth = v;
  }
  get lineCap(): string {
    return this.s.lineCap;
  }
  set lineCap(v: string) {
    if (LINE_CAPS.has(v)) this.s.lineCap = v;
  }
  get lineJoin(): string {
    return this.s.lineJoin;
  }
  set lineJoin(v: string) {
    if (LINE_JOINS.has(v)) this.s.lineJoin = v;
  }
  get miterLimit(): number {
    return this.s.miterLimit;
  }
  set miterLimit(v: number) {
    if (Number.isFinite(v) && v > 0) this.s.miterLimit = v;
  }
  get lineDashOffset(): number {
    return this.s.dashOffset;
  }
  set lineDashOffset(v: number) {
    if (Number.isFinite(v)) this.s.dashOffset = v;
  }
  get font(): string {
    return this.s.font;
  }
  set font(v: string) {
    this.s.font = String(v);
  }
  get textAlign(): string {
    return this.s.textAlign;
  }
  set textAlign(v: string) {
    this.s.textAlign = String(v);
  }
  get textBaseline(): string {
    return this.s.textBaseline;
  }
  set textBaseline(v: string) {
    this.s.textBaseline = String(v);
  }

  setLineDash(segments: number[]): void {
    if (!Array.isArray(segments) || segments.some((x) => !Number.isFinite(x) || x < 0)) return;
    this.s.dash = segments.length % 2 ? [...segments, ...segments] : [...segments];
  }
  getLineDash(): number[] {
    return [...this.s.dash];
  }

  // --- state stack ---------------------------------------------------------------------------

  save(): void {
    this.stack.push({ ...this.s, m: [...this.s.m] as Matrix, dash: [...this.s.dash] });
    this.didSave();
  }

  restore(): void {
    const top = this.stack.pop();
    if (!top) return; // canvas ignores unbalanced restores
    this.s = top;
    this.didRestore();
  }

  /** Closes any save() the drawing left open. */
  finish(): void {
    while (this.stack.length) this.restore();
  }

  // --- transforms ----------------------------------------------------------------------------

  translate(x: number, y: number): void {
    this.s.m = multiply(this.s.m, 1, 0, 0, 1, x, y);
  }
  scale(x: number, y: number): void {
    this.s.m = multiply(this.s.m, x, 0, 0, y, 0, 0);
  }
  rotate(angle: number): void {
    const c = Math.cos(angle);
    const s = Math.sin(angle);
    this.s.m = multiply(this.s.m, c, s, -s, c, 0, 0);
  }
  transform(a: number, b: number, c: number, d: number, e: number, f: number): void {
    this.s.m = multiply(this.s.m, a, b, c, d, e, f);
  }
  /** Relative to the chart origin, like a canvas whose pixel (0,0) is the chart's top-left. */
  setTransform(a: number | { a: number; b: number; c: number; d: number; e: number; f: number }, b = 0, c = 0, d = 1, e = 0, f = 0): void {
    if (typeof a === 'object') ({ a, b, c, d, e, f } = a);
    this.s.m = multiply(this.base, a, b, c, d, e, f);
  }
  resetTransform(): void {
    this.s.m = [...this.base];
  }
  getTransform(): { a: number; b: number; c: number; d: number; e: number; f: number } {
    const [a, b, c, d, e, f] = multiply(
      [1, 0, 0, 1, -this.base[4], -this.base[5]],
      ...this.s.m,
    );
    return { a, b, c, d, e, f };
  }

  /** A user-space point in device space. */
  protected tx(x: number, y: number): [number, number] {
    const m = this.s.m;
    return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  }

  private inverse(x: number, y: number): [number, number] {
    const [a, b, c, d, e, f] = this.s.m;
    const det = a * d - b * c || 1;
    const px = x - e;
    const py = y - f;
    return [(d * px - c * py) / det, (a * py - b * px) / det];
  }

  /** Scale factor of the current transform, for line widths and dashes. */
  protected scaleFactor(): number {
    const [a, b, c, d] = this.s.m;
    return Math.sqrt(Math.abs(a * d - b * c)) || 1;
  }

  /** Whether the current transform is a plain translation. */
  protected isTranslation(): boolean {
    const m = this.s.m;
    return Math.abs(m[0] - 1) < 1e-9 && Math.abs(m[3] - 1) < 1e-9 && Math.abs(m[1]) < 1e-9 && Math.abs(m[2]) < 1e-9;
  }

  // --- path ----------------------------------------------------------------------------------

  beginPath(): void {
    this.cmds = [];
    this.pts = [];
    this.hasPoint = false;
  }

  private devMoveTo(x: number, y: number): void {
    this.cmds.push(M_MOVE);
    this.pts.push(x, y);
    this.cx = this.sx = x;
    this.cy = this.sy = y;
    this.hasPoint = true;
  }

  private devLineTo(x: number, y: number): void {
    if (!this.hasPoint) return this.devMoveTo(x, y);
    this.cmds.push(M_LINE);
    this.pts.push(x, y);
    this.cx = x;
    this.cy = y;
  }

  moveTo(x: number, y: number): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    const [dx, dy] = this.tx(x, y);
    this.devMoveTo(dx, dy);
  }

  lineTo(x: number, y: number): void {
    if (!Number.isFinite(x) || !Number.isFinite(y)) return;
    const [dx, dy] = this.tx(x, y);
    this.devLineTo(dx, dy);
  }

  bezierCurveTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): void {
    if (![c1x, c1y, c2x, c2y, x, y].every(Number.isFinite)) return;
    const p1 = this.tx(c1x, c1y);
    if (!this.hasPoint) this.devMoveTo(p1[0], p1[1]);
    const p2 = this.tx(c2x, c2y);
    const p = this.tx(x, y);
    this.cmds.push(M_CURVE);
    this.pts.push(p1[0], p1[1], p2[0], p2[1], p[0], p[1]);
    this.cx = p[0];
    this.cy = p[1];
  }

  quadraticCurveTo(cpx: number, cpy: number, x: number, y: number): void {
    if (![cpx, cpy, x, y].every(Number.isFinite)) return;
    const q = this.tx(cpx, cpy);
    if (!this.hasPoint) this.devMoveTo(q[0], q[1]);
    const p = this.tx(x, y);
    // Elevate to a cubic (the transform is affine, so doing it in device space is exact).
    const x0 = this.cx;
    const y0 = this.cy;
    this.cmds.push(M_CURVE);
    this.pts.push(
      x0 + (2 / 3) * (q[0] - x0),
      y0 + (2 / 3) * (q[1] - y0),
      p[0] + (2 / 3) * (q[0] - p[0]),
      p[1] + (2 / 3) * (q[1] - p[1]),
      p[0],
      p[1],
    );
    this.cx = p[0];
    this.cy = p[1];
  }

  closePath(): void {
    if (!this.hasPoint) return;
    this.cmds.push(M_CLOSE);
    this.cx = this.sx;
    this.cy = this.sy;
  }

  rect(x: number, y: number, w: number, h: number): void {
    if (![x, y, w, h].every(Number.isFinite)) return;
    this.moveTo(x, y);
    this.lineTo(x + w, y);
    this.lineTo(x + w, y + h);
    this.lineTo(x, y + h);
    this.closePath();
  }

  arc(x: number, y: number, r: number, a0: number, a1: number, ccw = false): void {
    if (![x, y, r, a0, a1].every(Number.isFinite)) return;
    if (r < 0) throw new RangeError('arc: negative radius');
    const TAU = Math.PI * 2;
    let sweep = a1 - a0;
    if (!ccw) {
      sweep = sweep >= TAU ? TAU : ((sweep % TAU) + TAU) % TAU;
    } else {
      sweep = sweep <= -TAU ? -TAU : -((((-sweep) % TAU) + TAU) % TAU);
    }
    const [sx, sy] = this.tx(x + r * Math.cos(a0), y + r * Math.sin(a0));
    if (this.hasPoint) this.devLineTo(sx, sy);
    else this.devMoveTo(sx, sy);
    if (r === 0 || sweep === 0) return;
    const n = Math.ceil(Math.abs(sweep) / (Math.PI / 2) - 1e-9);
    const step = sweep / n;
    const k = (4 / 3) * Math.tan(step / 4);
    let a = a0;
    for (let i = 0; i < n; i++) {
      const b = a + step;
      const cosA = Math.cos(a);
      const sinA = Math.sin(a);
      const cosB = Math.cos(b);
      const sinB = Math.sin(b);
      this.bezierCurveTo(
        x + r * (cosA - k * sinA),
        y + r * (sinA + k * cosA),
        x + r * (cosB + k * sinB),
        y + r * (sinB - k * cosB),
        x + r * cosB,
        y + r * sinB,
      );
      a = b;
    }
  }

  arcTo(x1: number, y1: number, x2: number, y2: number, r: number): void {
    if (![x1, y1, x2, y2, r].every(Number.isFinite)) return;
    if (r < 0) throw new RangeError('arcTo: negative radius');
    if (!this.hasPoint) return this.moveTo(x1, y1);
    const [x0, y0] = this.inverse(this.cx, this.cy);
    const v0x = x0 - x1;
    const v0y = y0 - y1;
    const v2x = x2 - x1;
    const v2y = y2 - y1;
    const l0 = Math.hypot(v0x, v0y);
    const l2 = Math.hypot(v2x, v2y);
    const cross = v0x * v2y - v0y * v2x;
    if (r === 0 || l0 === 0 || l2 === 0 || Math.abs(cross) < 1e-9) return this.lineTo(x1, y1);
    const cosT = (v0x * v2x + v0y * v2y) / (l0 * l2);
    const theta = Math.acos(Math.max(-1, Math.min(1, cosT)));
    const dist = r / Math.tan(theta / 2);
    const t0x = x1 + (v0x / l0) * dist;
    const t0y = y1 + (v0y / l0) * dist;
    const t2x = x1 + (v2x / l2) * dist;
    const t2y = y1 + (v2y / l2) * dist;
    // Centre: from the tangent point t0, perpendicular to v0, towards the inside of the corner.
    const bis = r / Math.sin(theta / 2);
    const bx = v0x / l0 + v2x / l2;
    const by = v0y / l0 + v2y / l2;
    const bl = Math.hypot(bx, by) || 1;
    const ccx = x1 + (bx / bl) * bis;
    const ccy = y1 + (by / bl) * bis;
    const a0 = Math.atan2(t0y - ccy, t0x - ccx);
    const a1 = Math.atan2(t2y - ccy, t2x - ccx);
    this.lineTo(t0x, t0y);
    this.arc(ccx, ccy, r, a0, a1, cross > 0);
  }

  ellipse(x: number, y: number, rx: number, ry: number, rotation: number, a0: number, a1: number, ccw = false): void {
    if (![x, y, rx, ry, rotation, a0, a1].every(Number.isFinite)) return;
    const saved = this.s.m;
    this.translate(x, y);
    this.rotate(rotation);
    this.scale(rx || 1e-9, ry || 1e-9);
    this.arc(0, 0, 1, a0, a1, ccw);
    this.s.m = saved;
  }

  // --- painting ------------------------------------------------------------------------------

  fill(ruleOrPath?: unknown, maybeRule?: unknown): void {
    if (!this.cmds.length) return;
    this.paintFill(fillRule(ruleOrPath, maybeRule));
  }

  stroke(): void {
    if (!this.cmds.length) return;
    this.paintStroke();
  }

  clip(ruleOrPath?: unknown, maybeRule?: unknown): void {
    this.paintClip(fillRule(ruleOrPath, maybeRule));
  }

  fillRect(x: number, y: number, w: number, h: number): void {
    const { cmds, pts, hasPoint, cx, cy, sx, sy } = this;
    this.beginPath();
    this.rect(x, y, w, h);
    this.fill();
    Object.assign(this, { cmds, pts, hasPoint, cx, cy, sx, sy });
  }

  strokeRect(x: number, y: number, w: number, h: number): void {
    const { cmds, pts, hasPoint, cx, cy, sx, sy } = this;
    this.beginPath();
    this.rect(x, y, w, h);
    this.stroke();
    Object.assign(this, { cmds, pts, hasPoint, cx, cy, sx, sy });
  }

  createLinearGradient(x0: number, y0: number, x1: number, y1: number): ChartGradient {
    return new ChartGradient('linear', [x0, y0, x1, y1]);
  }

  createRadialGradient(x0: number, y0: number, r0: number, x1: number, y1: number, r1: number): ChartGradient {
    return new ChartGradient('radial', [x0, y0, r0, x1, y1, r1]);
  }

  // --- images --------------------------------------------------------------------------------

  drawImage(image: ChartImage, x: number, y: number, w: number, h: number): void {
    if (![x, y, w, h].every(Number.isFinite) || w <= 0 || h <= 0 || this.s.globalAlpha <= 0) return;
    this.paintImage(image, x, y, w, h);
  }

  /**
   * Draws an image into the user-space box (x, y, w, h) under the current transform (`this.s.m`
   * maps user space to device space). Targets without images draw nothing.
   */
  protected paintImage(_image: ChartImage, _x: number, _y: number, _w: number, _h: number): void {}

  // --- text ----------------------------------------------------------------------------------

  measureText(text: string): CanvasTextMetrics {
    return measureCanvasText(this.s.font, text);
  }

  fillText(text: string, x: number, y: number, maxWidth?: number): void {
    this.paintText(text, x, y, maxWidth, false);
  }

  strokeText(text: string, x: number, y: number, maxWidth?: number): void {
    this.paintText(text, x, y, maxWidth, true);
  }

  /**
   * How `text` is drawn at (x, y) in the current font, textAlign and textBaseline, measured with
   * the embedded fonts; null when there is nothing to draw (empty text, no size, bad position).
   */
  protected placeText(text: unknown, x: number, y: number, maxWidth: number | undefined): TextPlacement | null {
    const str = text == null ? '' : String(text).replace(/[\n\r\t]/g, ' ');
    if (!str || !Number.isFinite(x) || !Number.isFinite(y)) return null;
    const { key, size } = fontKeyForCss(this.s.font, str);
    if (!(size > 0)) return null;
    let width = measureChartText(key, str, size);
    let squeeze = 1;
    if (maxWidth !== undefined && Number.isFinite(maxWidth) && maxWidth >= 0 && width > maxWidth) {
      squeeze = maxWidth / width;
      width = maxWidth;
    }
    const align = this.s.textAlign;
    const rtl = this.direction === 'rtl';
    let dx = 0;
    if (align === 'center') dx = -width / 2;
    else if (align === 'right' || (align === 'end' && !rtl) || (align === 'start' && rtl)) dx = -width;

    const { ascent, descent } = lineMetrics(key, size);
    let dy = 0; // offset from y to the alphabetic baseline
    switch (this.s.textBaseline) {
      case 'top':
        dy = ascent;
        break;
      case 'hanging':
        dy = 0.8 * ascent;
        break;
      case 'middle':
        dy = (ascent - descent) / 2;
        break;
      case 'bottom':
      case 'ideographic':
        dy = -descent;
        break;
      default:
        dy = 0;
    }
    return { text: str, key, size, width, squeeze, dx, dy };
  }
}

/** The fill rule of fill()/clip(), which canvas also accepts after a Path2D argument. */
function fillRule(ruleOrPath: unknown, maybeRule: unknown): 'nonzero' | 'evenodd' {
  const rule = typeof ruleOrPath === 'string' ? ruleOrPath : typeof maybeRule === 'string' ? maybeRule : 'nonzero';
  return rule === 'evenodd' ? 'evenodd' : 'nonzero';
}
