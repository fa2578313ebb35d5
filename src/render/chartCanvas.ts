// A Canvas-2D-like context that paints into a pdfkit document, so vega-scenegraph's own canvas
// mark drawers can draw charts as vector PDF (no rasterising). Only what vega's drawers use is
// implemented, with canvas semantics where they differ from PDF:
// - the current path survives fill()/stroke()/clip() (vega fills, then strokes the same path);
// - transforms may change in the middle of a path (points are transformed as they are added,
//   so paths are kept in chart "device" space and emitted to the PDF only when painted);
// - fill/stroke state lives here and is applied at paint time; save()/restore() map to q/Q
//   so clips nest exactly as in canvas.
// Text goes through pdfkit's text() with our embedded fonts, so it stays extractable.
import { ensureFont } from './pdfFonts.js';
import type { PDFDoc } from './pdfkitModule.js';
import { getFont, lineMetrics, measureText, type FontKey } from '../fonts/fontRegistry.js';

// ---------------------------------------------------------------------------------------------
// Fonts: CSS font strings and vega text items -> FontKey

const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/;

// fontkit 2 crashes positioning some marks (e.g. Khmer "ខំ" in Noto Sans Khmer: a base glyph
// with a null anchor). Such strings are laid out without the mark-positioning features, both
// when measuring and when pdfkit draws them, so the two still agree.
const NO_MARK_POSITIONING = { abvm: false, blwm: false, mark: false, mkmk: false };
const needsSafeLayout = new Set<string>();
const safeWidths = new Map<string, number>();

/** Advance width in points, like fontRegistry.measureText, but never throwing on shaping bugs. */
export function measureChartText(key: FontKey, text: string, size: number): number {
  const ck = key + '\u0000' + text;
  if (!needsSafeLayout.has(ck)) {
    try {
      return measureText(key, text, size);
    } catch {
      if (needsSafeLayout.size > 10_000) needsSafeLayout.clear();
      needsSafeLayout.add(ck);
    }
  }
  let units = safeWidths.get(ck);
  if (units === undefined) {
    const f = getFont(key);
    units = f.font.layout(text, NO_MARK_POSITIONING).advanceWidth / f.unitsPerEm;
    if (safeWidths.size > 10_000) safeWidths.clear();
    safeWidths.set(ck, units);
  }
  return units * size;
}

/** The pdfkit `features` option to draw `text` with (undefined = the font's defaults). */
export function chartTextFeatures(key: FontKey, text: string): Record<string, boolean> | undefined {
  return needsSafeLayout.has(key + '\u0000' + text) ? NO_MARK_POSITIONING : undefined;
}

export interface CssFont {
  style: 'normal' | 'italic';
  weight: number;
  size: number;
  family: string;
}

const cssFontCache = new Map<string, CssFont>();

function parseWeight(w: unknown): number {
  if (w == null || w === '') return 400;
  if (typeof w === 'number') return w;
  const s = String(w).trim().toLowerCase();
  if (s === 'bold' || s === 'bolder') return 700;
  if (s === 'lighter') return 300;
  if (s === 'normal') return 400;
  const n = Number(s);
  return Number.isFinite(n) ? n : 400;
}

/** Parses the CSS `font` shorthand vega sets, e.g. `italic bold 11px "Source Sans 3", sans-serif`. */
export function parseCssFont(font: string): CssFont {
  let f = cssFontCache.get(font);
  if (f) return f;
  let style: CssFont['style'] = 'normal';
  let weight = 400;
  let size = 10;
  let family = 'sans-serif';
  // The size is the first number with a unit (weights like 600 have none); 1 px = 1 pt here.
  const m = /(?:^|\s)([\d.]+)(?:px|pt)(?:\s*\/\s*\S+)?\s+(.*)$/.exec(font.trim());
  if (m) {
    size = Number(m[1]);
    family = m[2].trim() || family;
    const pre = font.trim().slice(0, m.index).trim();
    for (const tok of pre.split(/\s+/)) {
      const t = tok.toLowerCase();
      if (t === 'italic' || t === 'oblique') style = 'italic';
      else if (/^(bold|bolder|lighter|\d{3})$/.test(t)) weight = parseWeight(t);
    }
  }
  f = { style, weight, size: Number.isFinite(size) ? size : 10, family };
  if (cssFontCache.size > 500) cssFontCache.clear();
  cssFontCache.set(font, f);
  return f;
}

/** Which embedded font draws `text` in the given family/weight/style. */
export function chartFontKey(family: string, weight: number, italic: boolean, text: string): FontKey {
  if (KHMER.test(text)) return weight >= 650 ? 'khmer-bold' : 'khmer';
  const fam = family.toLowerCase();
  if (/mono|code|courier/.test(fam)) return 'mono';
  if (/serif/.test(fam) && !/sans/.test(fam)) {
    if (weight >= 650) return italic ? 'serif-bolditalic' : 'serif-bold';
    if (weight >= 550) return 'serif-semibold';
    return italic ? 'serif-italic' : 'serif';
  }
  if (weight >= 650) return italic ? 'sans-bolditalic' : 'sans-bold';
  if (weight >= 550) return 'sans-semibold';
  return italic ? 'sans-italic' : 'sans';
}

export function fontKeyForCss(font: string, text: string): { key: FontKey; size: number } {
  const f = parseCssFont(font);
  return { key: chartFontKey(f.family, f.weight, f.style === 'italic', text), size: f.size };
}

/** The text properties of a vega text item that matter for measuring. */
export interface TextItemLike {
  font?: string;
  fontSize?: number;
  fontWeight?: string | number;
  fontStyle?: string;
  limit?: number;
  ellipsis?: string;
  dir?: string;
}

function itemFontSize(item: TextItemLike): number {
  return item.fontSize != null ? +item.fontSize || 0 : 11;
}

/** Width in points of `text` as drawn for a vega text item (no trimming or truncation). */
export function measureItemText(item: TextItemLike, text: string): number {
  const size = itemFontSize(item);
  if (size <= 0 || !text) return 0;
  const key = chartFontKey(
    String(item.font ?? 'sans-serif'),
    parseWeight(item.fontWeight),
    /italic|oblique/i.test(String(item.fontStyle ?? '')),
    text,
  );
  return measureChartText(key, text, size);
}

/** vega's textValue(): trims and truncates to `item.limit` with an ellipsis, measured with our fonts. */
export function chartTextValue(item: TextItemLike, line: unknown): string {
  const text = line == null ? '' : String(line).trim();
  const limit = Number(item.limit);
  if (!(limit > 0) || !text.length) return text;
  const width = (s: string) => measureItemText(item, s);
  if (width(text) < limit) return text;
  const ellipsis = item.ellipsis || '\u2026';
  const rtl = item.dir === 'rtl';
  const room = limit - width(ellipsis);
  let lo = 0;
  let hi = text.length;
  if (rtl) {
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (width(text.slice(mid)) > room) lo = mid + 1;
      else hi = mid;
    }
    return ellipsis + text.slice(lo);
  }
  while (lo < hi) {
    const mid = 1 + ((lo + hi) >>> 1);
    if (width(text.slice(0, mid)) < room) lo = mid;
    else hi = mid - 1;
  }
  return text.slice(0, lo) + ellipsis;
}

// ---------------------------------------------------------------------------------------------
// Colours

export interface Rgba {
  rgb: [number, number, number];
  a: number;
}

const NAMED =
  'aliceblue:f0f8ff antiquewhite:faebd7 aqua:00ffff aquamarine:7fffd4 azure:f0ffff beige:f5f5dc ' +
  'bisque:ffe4c4 black:000000 blanchedalmond:ffebcd blue:0000ff blueviolet:8a2be2 brown:a52a2a ' +
  'burlywood:deb887 cadetblue:5f9ea0 chartreuse:7fff00 chocolate:d2691e coral:ff7f50 ' +
  'cornflowerblue:6495ed cornsilk:fff8dc crimson:dc143c cyan:00ffff darkblue:00008b darkcyan:008b8b ' +
  'darkgoldenrod:b8860b darkgray:a9a9a9 darkgreen:006400 darkgrey:a9a9a9 darkkhaki:bdb76b ' +
  'darkmagenta:8b008b darkolivegreen:556b2f darkorange:ff8c00 darkorchid:9932cc darkred:8b0000 ' +
  'darksalmon:e9967a darkseagreen:8fbc8f darkslateblue:483d8b darkslategray:2f4f4f ' +
  'darkslategrey:2f4f4f darkturquoise:00ced1 darkviolet:9400d3 deeppink:ff1493 deepskyblue:00bfff ' +
  'dimgray:696969 dimgrey:696969 dodgerblue:1e90ff firebrick:b22222 floralwhite:fffaf0 ' +
  'forestgreen:228b22 fuchsia:ff00ff gainsboro:dcdcdc ghostwhite:f8f8ff gold:ffd700 goldenrod:daa520 ' +
  'gray:808080 grey:808080 green:008000 greenyellow:adff2f honeydew:f0fff0 hotpink:ff69b4 ' +
  'indianred:cd5c5c indigo:4b0082 ivory:fffff0 khaki:f0e68c lavender:e6e6fa lavenderblush:fff0f5 ' +
  'lawngreen:7cfc00 lemonchiffon:fffacd lightblue:add8e6 lightcoral:f08080 lightcyan:e0ffff ' +
  'lightgoldenrodyellow:fafad2 lightgray:d3d3d3 lightgreen:90ee90 lightgrey:d3d3d3 lightpink:ffb6c1 ' +
  'lightsalmon:ffa07a lightseagreen:20b2aa lightskyblue:87cefa lightslategray:778899 ' +
  'lightslategrey:778899 lightsteelblue:b0c4de lightyellow:ffffe0 lime:00ff00 limegreen:32cd32 ' +
  'linen:faf0e6 magenta:ff00ff maroon:800000 mediumaquamarine:66cdaa mediumblue:0000cd ' +
  'mediumorchid:ba55d3 mediumpurple:9370db mediumseagreen:3cb371 mediumslateblue:7b68ee ' +
  'mediumspringgreen:00fa9a mediumturquoise:48d1cc mediumvioletred:c71585 midnightblue:191970 ' +
  'mintcream:f5fffa mistyrose:ffe4e1 moccasin:ffe4b5 navajowhite:ffdead navy:000080 oldlace:fdf5e6 ' +
  'olive:808000 olivedrab:6b8e23 orange:ffa500 orangered:ff4500 orchid:da70d6 palegoldenrod:eee8aa ' +
  'palegreen:98fb98 paleturquoise:afeeee palevioletred:db7093 papayawhip:ffefd5 peachpuff:ffdab9 ' +
  'peru:cd853f pink:ffc0cb plum:dda0dd powderblue:b0e0e6 purple:800080 rebeccapurple:663399 red:ff0000 ' +
  'rosybrown:bc8f8f royalblue:4169e1 saddlebrown:8b4513 salmon:fa8072 sandybrown:f4a460 ' +
  'seagreen:2e8b57 seashell:fff5ee sienna:a0522d silver:c0c0c0 skyblue:87ceeb slateblue:6a5acd ' +
  'slategray:708090 slategrey:708090 snow:fffafa springgreen:00ff7f steelblue:4682b4 tan:d2b48c ' +
  'teal:008080 thistle:d8bfd8 tomato:ff6347 turquoise:40e0d0 violet:ee82ee wheat:f5deb3 ' +
  'white:ffffff whitesmoke:f5f5f5 yellow:ffff00 yellowgreen:9acd32';

const namedColors = new Map<string, string>(
  NAMED.split(' ').map((p) => p.split(':') as [string, string]),
);
const colorCache = new Map<string, Rgba | null>();

function clamp255(n: number): number {
  return Math.max(0, Math.min(255, Math.round(n)));
}

function parseChannel(s: string): number {
  s = s.trim();
  return s.endsWith('%') ? (parseFloat(s) / 100) * 255 : parseFloat(s);
}

function parseAlpha(s: string | undefined): number {
  if (s == null) return 1;
  s = s.trim();
  const a = s.endsWith('%') ? parseFloat(s) / 100 : parseFloat(s);
  return Number.isFinite(a) ? Math.max(0, Math.min(1, a)) : 1;
}

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  h = (((h % 360) + 360) % 360) / 360;
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const f = (t: number) => {
    t = ((t % 1) + 1) % 1;
    if (t < 1 / 6) return p + (q - p) * 6 * t;
    if (t < 1 / 2) return q;
    if (t < 2 / 3) return p + (q - p) * (2 / 3 - t) * 6;
    return p;
  };
  return [clamp255(f(h + 1 / 3) * 255), clamp255(f(h) * 255), clamp255(f(h - 1 / 3) * 255)];
}

/** Parses a CSS colour (hex, rgb(a), hsl(a), named, transparent). Unknown strings give null. */
export function parseCssColor(input: string): Rgba | null {
  if (colorCache.has(input)) return colorCache.get(input)!;
  let s = input.trim().toLowerCase();
  let out: Rgba | null = null;
  const named = namedColors.get(s);
  if (named) s = '#' + named;
  if (s === 'transparent' || s === 'none') {
    out = { rgb: [0, 0, 0], a: 0 };
  } else if (s[0] === '#') {
    let h = s.slice(1);
    if (/^[0-9a-f]+$/.test(h) && (h.length === 3 || h.length === 4)) h = [...h].map((c) => c + c).join('');
    if (/^[0-9a-f]+$/.test(h) && (h.length === 6 || h.length === 8)) {
      out = {
        rgb: [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)],
        a: h.length === 8 ? parseInt(h.slice(6, 8), 16) / 255 : 1,
      };
    }
  } else {
    const fm = /^(rgba?|hsla?)\(\s*([^)]*)\)$/.exec(s);
    if (fm) {
      // Both the comma syntax and the space syntax with "/ alpha".
      const [main, slashAlpha] = fm[2].split('/');
      const parts = main.split(/[\s,]+/).filter(Boolean);
      const alpha = slashAlpha ?? parts[3];
      if (parts.length >= 3) {
        if (fm[1].startsWith('rgb')) {
          const rgb = parts.slice(0, 3).map(parseChannel);
          if (rgb.every(Number.isFinite)) {
            out = { rgb: [clamp255(rgb[0]), clamp255(rgb[1]), clamp255(rgb[2])], a: parseAlpha(alpha) };
          }
        } else {
          const h = parseFloat(parts[0]);
          const sat = parseFloat(parts[1]) / 100;
          const light = parseFloat(parts[2]) / 100;
          if ([h, sat, light].every(Number.isFinite)) out = { rgb: hslToRgb(h, sat, light), a: parseAlpha(alpha) };
        }
      }
    }
  }
  if (colorCache.size > 2000) colorCache.clear();
  colorCache.set(input, out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Gradients (vega uses createLinearGradient / createRadialGradient for gradient fills)

export class PdfCanvasGradient {
  readonly stops: { offset: number; color: string }[] = [];
  constructor(
    readonly kind: 'linear' | 'radial',
    readonly coords: number[],
  ) {}
  addColorStop(offset: number, color: string): void {
    this.stops.push({ offset: Math.max(0, Math.min(1, +offset || 0)), color: String(color) });
  }
}

// ---------------------------------------------------------------------------------------------
// The context

type Matrix = [number, number, number, number, number, number];
type Style = string | PdfCanvasGradient;

interface State {
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

/** What the PDF graphics state currently holds (null = unknown), so we skip redundant operators. */
interface PdfState {
  fill: string | null;
  stroke: string | null;
  lineWidth: number | null;
  cap: string | null;
  join: string | null;
  miter: number | null;
  dash: string | null;
}

const M_MOVE = 0;
const M_LINE = 1;
const M_CURVE = 2;
const M_CLOSE = 3;

function fmt(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return r === 0 || !Number.isFinite(r) ? '0' : String(r);
}

function multiply(m: Matrix, a: number, b: number, c: number, d: number, e: number, f: number): Matrix {
  return [
    m[0] * a + m[2] * b,
    m[1] * a + m[3] * b,
    m[0] * c + m[2] * d,
    m[1] * c + m[3] * d,
    m[0] * e + m[2] * f + m[4],
    m[1] * e + m[3] * f + m[5],
  ];
}

/** Selects `key` at `size`, registering the shared font on the document the first time. */
export function useChartFont(doc: PDFDoc, key: FontKey, size: number): void {
  ensureFont(doc, key);
  doc.font(key).fontSize(size);
}

const LINE_CAP: Record<string, 'butt' | 'round' | 'square'> = { butt: 'butt', round: 'round', square: 'square' };
const LINE_JOIN: Record<string, 'miter' | 'round' | 'bevel'> = { miter: 'miter', round: 'round', bevel: 'bevel' };

/** What a canvas's measureText reports, for text in a CSS font, measured with the embedded fonts. */
export interface CanvasTextMetrics {
  width: number;
  actualBoundingBoxLeft: number;
  actualBoundingBoxRight: number;
  actualBoundingBoxAscent: number;
  actualBoundingBoxDescent: number;
  fontBoundingBoxAscent: number;
  fontBoundingBoxDescent: number;
}

export function measureCanvasText(cssFont: string, text: unknown): CanvasTextMetrics {
  const str = String(text);
  const { key, size } = fontKeyForCss(cssFont, str);
  const width = measureChartText(key, str, size);
  const { ascent, descent } = lineMetrics(key, size);
  return {
    width,
    actualBoundingBoxLeft: 0,
    actualBoundingBoxRight: width,
    actualBoundingBoxAscent: ascent,
    actualBoundingBoxDescent: descent,
    fontBoundingBoxAscent: ascent,
    fontBoundingBoxDescent: descent,
  };
}

export class PdfCanvasContext {
  /** vega reads this when clipping to dirty regions (never here: we always draw everything). */
  readonly pixelRatio = 1;
  globalCompositeOperation = 'source-over';
  imageSmoothingEnabled = true;
  direction = 'ltr';
  shadowBlur = 0;
  shadowColor = 'transparent';
  shadowOffsetX = 0;
  shadowOffsetY = 0;

  private s: State;
  private readonly stack: { s: State; pdf: PdfState }[] = [];
  private pdf: PdfState = { fill: null, stroke: null, lineWidth: null, cap: null, join: null, miter: null, dash: null };
  private readonly base: Matrix;

  // Current path, in device (chart) space.
  private cmds: number[] = [];
  private pts: number[] = [];
  private hasPoint = false;
  private cx = 0;
  private cy = 0;
  private sx = 0;
  private sy = 0;

  /**
   * @param doc the pdfkit document to paint into (the current page).
   * @param originX,originY where canvas (0,0) lands, in pdfkit user space (points, y down).
   */
  constructor(
    private readonly doc: PDFDoc,
    originX = 0,
    originY = 0,
  ) {
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

  // --- state properties --------------------------------------------------------------------

  get fillStyle(): Style {
    return this.s.fillStyle;
  }
  set fillStyle(v: Style) {
    if (v instanceof PdfCanvasGradient || typeof v === 'string') this.s.fillStyle = v;
  }
  get strokeStyle(): Style {
    return this.s.strokeStyle;
  }
  set strokeStyle(v: Style) {
    if (v instanceof PdfCanvasGradient || typeof v === 'string') this.s.strokeStyle = v;
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
    if (LINE_CAP[v]) this.s.lineCap = v;
  }
  get lineJoin(): string {
    return this.s.lineJoin;
  }
  set lineJoin(v: string) {
    if (LINE_JOIN[v]) this.s.lineJoin = v;
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
    this.stack.push({ s: { ...this.s, m: [...this.s.m] as Matrix, dash: [...this.s.dash] }, pdf: { ...this.pdf } });
    this.doc.save();
  }

  restore(): void {
    const top = this.stack.pop();
    if (!top) return; // canvas ignores unbalanced restores
    this.s = top.s;
    this.pdf = top.pdf;
    this.doc.restore();
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

  private tx(x: number, y: number): [number, number] {
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
  private scaleFactor(): number {
    const [a, b, c, d] = this.s.m;
    return Math.sqrt(Math.abs(a * d - b * c)) || 1;
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

  /** Sets the PDF fill or stroke paint from a canvas style; false when nothing would be painted. */
  private applyPaint(style: Style, stroke: boolean): boolean {
    const alpha = this.s.globalAlpha;
    if (alpha <= 0) return false;
    if (style instanceof PdfCanvasGradient) return this.applyGradient(style, stroke, alpha);
    const c = parseCssColor(style);
    if (!c) return false; // canvas ignores unparsable colours; vega never sets them on purpose
    const a = c.a * alpha;
    if (a <= 0) return false;
    const key = `${c.rgb[0]},${c.rgb[1]},${c.rgb[2]},${a}`;
    if (stroke) {
      if (this.pdf.stroke !== key) this.doc.strokeColor(c.rgb, a);
      this.pdf.stroke = key;
    } else {
      if (this.pdf.fill !== key) this.doc.fillColor(c.rgb, a);
      this.pdf.fill = key;
    }
    return true;
  }

  private applyGradient(g: PdfCanvasGradient, stroke: boolean, alpha: number): boolean {
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
      for (const s of stops) grad.stop(s.offset, s.c!.rgb as unknown as string, s.c!.a);
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
      return this.applyPaint(`rgba(${c.rgb.join(',')},${c.a})`, stroke);
    }
  }

  private applyStrokeState(): void {
    const k = this.scaleFactor();
    const lw = this.s.lineWidth * k;
    if (this.pdf.lineWidth !== lw) this.doc.lineWidth(lw);
    this.pdf.lineWidth = lw;
    if (this.pdf.cap !== this.s.lineCap) this.doc.lineCap(LINE_CAP[this.s.lineCap]);
    this.pdf.cap = this.s.lineCap;
    if (this.pdf.join !== this.s.lineJoin) this.doc.lineJoin(LINE_JOIN[this.s.lineJoin]);
    this.pdf.join = this.s.lineJoin;
    if (this.pdf.miter !== this.s.miterLimit) this.doc.miterLimit(this.s.miterLimit);
    this.pdf.miter = this.s.miterLimit;
    const dash = this.s.dash;
    const dashKey = dash.some((x) => x > 0) ? `[${dash.map((x) => fmt(x * k)).join(' ')}] ${fmt(this.s.dashOffset * k)} d` : '[] 0 d';
    if (this.pdf.dash !== dashKey) this.doc.addContent(dashKey);
    this.pdf.dash = dashKey;
  }

  fill(ruleOrPath?: unknown, maybeRule?: unknown): void {
    const rule = typeof ruleOrPath === 'string' ? ruleOrPath : typeof maybeRule === 'string' ? maybeRule : 'nonzero';
    if (!this.cmds.length || !this.applyPaint(this.s.fillStyle, false)) return;
    this.emitPath();
    this.doc.addContent(rule === 'evenodd' ? 'f*' : 'f');
  }

  stroke(): void {
    if (!this.cmds.length || !this.applyPaint(this.s.strokeStyle, true)) return;
    this.applyStrokeState();
    this.emitPath();
    this.doc.addContent('S');
  }

  clip(ruleOrPath?: unknown, maybeRule?: unknown): void {
    const rule = typeof ruleOrPath === 'string' ? ruleOrPath : typeof maybeRule === 'string' ? maybeRule : 'nonzero';
    if (!this.cmds.length) {
      // Clipping to an empty path hides everything.
      this.doc.addContent('0 0 m h W n');
      return;
    }
    this.emitPath();
    this.doc.addContent(rule === 'evenodd' ? 'W* n' : 'W n');
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

  createLinearGradient(x0: number, y0: number, x1: number, y1: number): PdfCanvasGradient {
    return new PdfCanvasGradient('linear', [x0, y0, x1, y1]);
  }

  createRadialGradient(x0: number, y0: number, r0: number, x1: number, y1: number, r1: number): PdfCanvasGradient {
    return new PdfCanvasGradient('radial', [x0, y0, r0, x1, y1, r1]);
  }

  // --- text ----------------------------------------------------------------------------------

  measureText(text: string): CanvasTextMetrics {
    return measureCanvasText(this.s.font, text);
  }

  fillText(text: string, x: number, y: number, maxWidth?: number): void {
    this.drawText(text, x, y, maxWidth, false);
  }

  strokeText(text: string, x: number, y: number, maxWidth?: number): void {
    this.drawText(text, x, y, maxWidth, true);
  }

  private drawText(text: unknown, x: number, y: number, maxWidth: number | undefined, stroke: boolean): void {
    const str = text == null ? '' : String(text).replace(/[\n\r\t]/g, ' ');
    if (!str || !Number.isFinite(x) || !Number.isFinite(y)) return;
    const { key, size } = fontKeyForCss(this.s.font, str);
    if (!(size > 0)) return;
    if (!this.applyPaint(stroke ? this.s.strokeStyle : this.s.fillStyle, stroke)) return;
    if (stroke) this.applyStrokeState();

    let width = measureChartText(key, str, size);
    let squeeze = 1;
    if (maxWidth !== undefined && Number.isFinite(maxWidth) && maxWidth >= 0 && width > maxWidth) {
      if (maxWidth === 0) return;
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

    useChartFont(this.doc, key, size);
    const features = chartTextFeatures(key, str);
    // textWidth: pdfkit would otherwise lay the string out a second time just to measure it.
    const opts = {
      lineBreak: false,
      baseline: 'alphabetic',
      stroke,
      fill: !stroke,
      textWidth: width / squeeze,
      ...(features && { features }),
    } as PDFKit.Mixins.TextOptions;
    const m = this.s.m;
    const plain = squeeze === 1 && Math.abs(m[0] - 1) < 1e-9 && Math.abs(m[3] - 1) < 1e-9 && Math.abs(m[1]) < 1e-9 && Math.abs(m[2]) < 1e-9;
    if (plain) {
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

// ---------------------------------------------------------------------------------------------
// vega's text measurement
//
// Without node-canvas vega guesses widths as 0.8 × chars × size. We replace the guess with our
// fonts' real advance widths. While laying out, the width includes vega's label truncation (as
// its canvas measurer does); while drawing, vega truncates text itself through this same hook,
// so then the width must be the raw width of exactly the string asked about.

let rawTextMetrics = false;
let textMetricsInstalled = false;

type VegaTextMetrics = {
  width: (item: object, text: unknown) => number;
  canvas: (use: boolean) => void;
};

export function installChartTextMetrics(textMetrics: VegaTextMetrics): void {
  if (textMetricsInstalled) return;
  textMetricsInstalled = true;
  textMetrics.width = (item: object, text: unknown): number => {
    const it = item as TextItemLike;
    if (rawTextMetrics) return measureItemText(it, text == null ? '' : String(text));
    return measureItemText(it, chartTextValue(it, text));
  };
  // Nobody may switch back to the canvas/estimate measurers.
  textMetrics.canvas = () => {};
}

/** Runs `fn` (vega's canvas drawers) with vega measuring exact strings, for its own truncation. */
export function withRawTextMetrics<T>(fn: () => T): T {
  const prev = rawTextMetrics;
  rawTextMetrics = true;
  try {
    return fn();
  } finally {
    rawTextMetrics = prev;
  }
}
