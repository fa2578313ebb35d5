// The SVG replay target: a recorded chart (chartDrawing.ts) drawn as an SVG document, for
// previews and for checking our replay against vega's own SVG renderer
// (tests/charts/chartSvg.test.ts). Canvas semantics come from vectorCanvas.ts, as for the PDF,
// so both targets draw the same geometry: paths are written in device space (the SVG's user
// space), text as <text> in the embedded fonts' family, weight and style, placed with the same
// metrics as in the PDF. Clips become <clipPath>s wrapping what is drawn until the matching
// restore(), gradients become <linearGradient>/<radialGradient> in user space.
import { replayChart, type ChartDrawing, type ChartImage } from '../chartDrawing.js';
import { ChartGradient } from '../chartGradient.js';
import { parseCssColor } from '../cssColor.js';
import { formatCoord as fmt, M_CURVE, M_LINE, M_MOVE, VectorCanvas, type Style } from '../vectorCanvas.js';
import { svgFont } from './svgFont.js';

function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

function hex(rgb: [number, number, number]): string {
  return '#' + rgb.map((n) => n.toString(16).padStart(2, '0')).join('');
}

/** Attributes as ` name="value"`, leaving out undefined ones. */
function attrs(list: [string, string | number | undefined][]): string {
  let out = '';
  for (const [k, v] of list) if (v !== undefined) out += ` ${k}="${typeof v === 'number' ? fmt(v) : escapeXml(v)}"`;
  return out;
}

export class SvgCanvasContext extends VectorCanvas {
  private readonly body: string[] = [];
  private readonly defs: string[] = [];
  private ids = 0;
  /** <g clip-path> elements opened since the last save() (closed by the matching restore()). */
  private openClips = 0;
  private readonly clipStack: number[] = [];

  /**
   * @param originX,originY where canvas (0,0) lands in the SVG's user space.
   * @param idPrefix prefix of the ids of clip paths and gradients (unique per page).
   */
  constructor(
    originX = 0,
    originY = 0,
    private readonly idPrefix = 'chart',
  ) {
    super(originX, originY);
  }

  private nextId(kind: string): string {
    return `${this.idPrefix}-${kind}${this.ids++}`;
  }

  protected didSave(): void {
    this.clipStack.push(this.openClips);
    this.openClips = 0;
  }

  protected didRestore(): void {
    this.closeClips();
    this.openClips = this.clipStack.pop()!;
  }

  private closeClips(): void {
    for (; this.openClips > 0; this.openClips--) this.body.push('</g>');
  }

  /** The SVG markup drawn so far: defs, then the body, with every open clip closed. */
  markup(): { defs: string; body: string } {
    this.finish();
    this.closeClips();
    return { defs: this.defs.join(''), body: this.body.join('') };
  }

  // --- painting ------------------------------------------------------------------------------

  private pathData(): string {
    const out: string[] = [];
    const p = this.pts;
    let j = 0;
    for (const c of this.cmds) {
      if (c === M_MOVE) {
        out.push(`M${fmt(p[j])},${fmt(p[j + 1])}`);
        j += 2;
      } else if (c === M_LINE) {
        out.push(`L${fmt(p[j])},${fmt(p[j + 1])}`);
        j += 2;
      } else if (c === M_CURVE) {
        out.push(`C${fmt(p[j])},${fmt(p[j + 1])},${fmt(p[j + 2])},${fmt(p[j + 3])},${fmt(p[j + 4])},${fmt(p[j + 5])}`);
        j += 6;
      } else {
        out.push('Z');
      }
    }
    return out.join('');
  }

  /** The paint attribute and opacity for a style; null when nothing would be painted. */
  private paint(style: Style): { paint: string; opacity?: number } | null {
    const alpha = this.s.globalAlpha;
    if (alpha <= 0) return null;
    if (style instanceof ChartGradient) {
      const id = this.gradient(style);
      return id ? { paint: `url(#${id})`, opacity: alpha < 1 ? alpha : undefined } : null;
    }
    const c = parseCssColor(style);
    if (!c) return null; // canvas ignores unparsable colours
    const a = c.a * alpha;
    if (a <= 0) return null;
    return { paint: hex(c.rgb), opacity: a < 1 ? a : undefined };
  }

  /** Defines `g` in device space (as the PDF shading is); its id, or null without stops. */
  private gradient(g: ChartGradient): string | null {
    const stops = g.stops.map((s) => ({ offset: s.offset, c: parseCssColor(s.color) })).filter((s) => s.c);
    if (!stops.length) return null;
    const id = this.nextId('gradient');
    const k = this.scaleFactor();
    let open: string;
    if (g.kind === 'linear') {
      const [x1, y1] = this.tx(g.coords[0], g.coords[1]);
      const [x2, y2] = this.tx(g.coords[2], g.coords[3]);
      open = `<linearGradient${attrs([['id', id], ['gradientUnits', 'userSpaceOnUse'], ['x1', x1], ['y1', y1], ['x2', x2], ['y2', y2]])}>`;
    } else {
      // SVG's focal circle has no radius of its own beyond `fr`; canvas's inner circle maps to it.
      const [fx, fy] = this.tx(g.coords[0], g.coords[1]);
      const [cx, cy] = this.tx(g.coords[3], g.coords[4]);
      open = `<radialGradient${attrs([['id', id], ['gradientUnits', 'userSpaceOnUse'], ['cx', cx], ['cy', cy], ['r', g.coords[5] * k], ['fx', fx], ['fy', fy], ['fr', g.coords[2] * k]])}>`;
    }
    const stopTags = stops.map(
      (s) => `<stop${attrs([['offset', s.offset], ['stop-color', hex(s.c!.rgb)], ['stop-opacity', s.c!.a < 1 ? s.c!.a : undefined]])}/>`,
    );
    this.defs.push(open + stopTags.join('') + (g.kind === 'linear' ? '</linearGradient>' : '</radialGradient>'));
    return id;
  }

  private strokeAttrs(): [string, string | number | undefined][] {
    const k = this.scaleFactor();
    const dash = this.s.dash;
    const dashed = dash.some((x) => x > 0);
    return [
      ['stroke-width', this.s.lineWidth * k],
      ['stroke-linecap', this.s.lineCap === 'butt' ? undefined : this.s.lineCap],
      ['stroke-linejoin', this.s.lineJoin === 'miter' ? undefined : this.s.lineJoin],
      // SVG's default miter limit is 4, canvas's 10.
      ['stroke-miterlimit', this.s.lineJoin === 'miter' && this.s.miterLimit !== 4 ? this.s.miterLimit : undefined],
      ['stroke-dasharray', dashed ? dash.map((x) => fmt(x * k)).join(',') : undefined],
      ['stroke-dashoffset', dashed && this.s.dashOffset ? this.s.dashOffset * k : undefined],
    ];
  }

  protected paintFill(rule: 'nonzero' | 'evenodd'): void {
    const p = this.paint(this.s.fillStyle);
    if (!p) return;
    this.body.push(
      `<path${attrs([['d', this.pathData()], ['fill', p.paint], ['fill-opacity', p.opacity], ['fill-rule', rule === 'evenodd' ? rule : undefined]])}/>`,
    );
  }

  protected paintStroke(): void {
    const p = this.paint(this.s.strokeStyle);
    if (!p) return;
    this.body.push(
      `<path${attrs([['d', this.pathData()], ['fill', 'none'], ['stroke', p.paint], ['stroke-opacity', p.opacity], ...this.strokeAttrs()])}/>`,
    );
  }

  protected paintClip(rule: 'nonzero' | 'evenodd'): void {
    const id = this.nextId('clip');
    // An empty clip path hides everything, as in canvas.
    const shape = this.cmds.length ? `<path${attrs([['d', this.pathData()], ['clip-rule', rule === 'evenodd' ? rule : undefined]])}/>` : '';
    this.defs.push(`<clipPath id="${id}">${shape}</clipPath>`);
    this.body.push(`<g clip-path="url(#${id})">`);
    this.openClips++;
  }

  // --- text ----------------------------------------------------------------------------------

  protected paintText(text: unknown, x: number, y: number, maxWidth: number | undefined, stroke: boolean): void {
    const t = this.placeText(text, x, y, maxWidth);
    if (!t || t.squeeze === 0) return;
    const p = this.paint(stroke ? this.s.strokeStyle : this.s.fillStyle);
    if (!p) return;
    const font = svgFont(t.key);
    // Anchored as the canvas aligns it, so a viewer without our fonts still lines labels up:
    // (lx, ly) is the anchor on the alphabetic baseline, in the current user space.
    const anchor = t.dx === 0 ? undefined : Math.abs(2 * t.dx + t.width) < 1e-9 ? 'middle' : 'end';
    const lx = x + t.dx + (anchor === 'middle' ? t.width / 2 : anchor === 'end' ? t.width : 0);
    const ly = y + t.dy;
    const m = this.s.m;
    const plain = t.squeeze === 1 && this.isTranslation();
    const list: [string, string | number | undefined][] = [
      ['x', plain ? m[4] + lx : lx],
      ['y', plain ? m[5] + ly : ly],
      ['transform', plain ? undefined : `matrix(${m.map(fmt).join(',')})`],
      ['text-anchor', anchor],
      ['font-family', font.family],
      ['font-size', t.size],
      ['font-weight', font.weight === 400 ? undefined : font.weight],
      ['font-style', font.style === 'normal' ? undefined : font.style],
      // Squeezed to maxWidth, as canvas does.
      ['textLength', t.squeeze === 1 ? undefined : t.width],
      ['lengthAdjust', t.squeeze === 1 ? undefined : 'spacingAndGlyphs'],
    ];
    if (stroke) list.push(['fill', 'none'], ['stroke', p.paint], ['stroke-opacity', p.opacity], ...this.strokeAttrs());
    else list.push(['fill', p.paint], ['fill-opacity', p.opacity]);
    this.body.push(`<text${attrs(list)}>${escapeXml(t.text)}</text>`);
  }

  protected override paintImage(image: ChartImage, x: number, y: number, w: number, h: number): void {
    const m = this.s.m.map(fmt).join(' ');
    const opacity = this.s.globalAlpha < 1 ? this.s.globalAlpha : undefined;
    const list: [string, string | number | undefined][] = [['x', x], ['y', y], ['width', w], ['height', h], ['preserveAspectRatio', 'none'], ['opacity', opacity]];
    this.body.push(`<image transform="matrix(${m})"${attrs(list)} href="data:${imageMime(image.data)};base64,${image.data}"/>`);
  }
}

/** An image's type from its first bytes (PNG or JPEG: the only kinds a chart is given). */
function imageMime(base64: string): string {
  return base64.startsWith('iVBORw0KGgo') ? 'image/png' : 'image/jpeg';
}

export interface ChartSvgOptions {
  /** Prefix of the ids of clip paths and gradients, unique per page that holds several charts. */
  idPrefix?: string;
}

/** A compiled chart as a standalone SVG document, 1 SVG unit per point. */
export function chartToSvg(chart: ChartDrawing, options: ChartSvgOptions = {}): string {
  const ctx = new SvgCanvasContext(chart.origin[0], chart.origin[1], options.idPrefix);
  replayChart(chart.ops, ctx, chart.images);
  const { defs, body } = ctx.markup();
  const bg = chart.background ? parseCssColor(chart.background) : null;
  const background =
    bg && bg.a > 0 ? `<rect${attrs([['width', chart.width], ['height', chart.height], ['fill', hex(bg.rgb)], ['fill-opacity', bg.a < 1 ? bg.a : undefined]])}/>` : '';
  const w = fmt(chart.width);
  const h = fmt(chart.height);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    (defs ? `<defs>${defs}</defs>` : '') +
    background +
    body +
    '</svg>'
  );
}
