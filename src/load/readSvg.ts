// A logo in SVG, read into shapes the PDF draws as vectors (render draws each shape's path data
// with pdfkit's doc.path). The common subset that logo exports use: path, rect, circle,
// ellipse, line, polyline, polygon, g with transforms, and flat fill and stroke colours given
// as attributes or in a style="" attribute. Anything else (text, images, gradients, patterns,
// clip paths, masks, filters, style sheets, <use>) is refused with its line, rather than
// drawn wrong; the hint says how to export the logo so it is read.
import { InputError, type SourcePlace } from '../errors.js';
import { parseCssColor } from '../charts/cssColor.js';

/** A 2D affine matrix [a, b, c, d, e, f], as in SVG and PDF. */
export type Matrix = [number, number, number, number, number, number];

export interface VectorShape {
  /** SVG path data in the drawing's own coordinates (before `matrix`). */
  d: string;
  matrix: Matrix;
  fill: string | null;
  fillOpacity: number;
  fillRule: 'nonzero' | 'evenodd';
  stroke: string | null;
  strokeOpacity: number;
  strokeWidth: number;
  lineCap: 'butt' | 'round' | 'square';
  lineJoin: 'miter' | 'round' | 'bevel';
  /** stroke-dasharray: dash and gap lengths (none: solid). */
  dash?: number[];
}

export interface VectorDrawing {
  /** The viewBox: what of the drawing's coordinates is shown. */
  viewBox: [number, number, number, number];
  shapes: VectorShape[];
}

/** Elements drawn nowhere, whose content is skipped (titles, descriptions, editor metadata). */
const IGNORED = new Set(['title', 'desc', 'metadata']);
const SHAPES = new Set(['path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon']);
const HINT = 'export the logo as plain SVG shapes (text converted to outlines, flat colours, no embedded images), or give a PNG';

interface Style {
  fill: string | null;
  fillOpacity: number;
  fillRule: 'nonzero' | 'evenodd';
  stroke: string | null;
  strokeOpacity: number;
  strokeWidth: number;
  lineCap: VectorShape['lineCap'];
  lineJoin: VectorShape['lineJoin'];
  dash?: number[];
  opacity: number;
  display: boolean;
}

const ROOT_STYLE: Style = { fill: '#000000', fillOpacity: 1, fillRule: 'nonzero', stroke: null, strokeOpacity: 1, strokeWidth: 1, lineCap: 'butt', lineJoin: 'miter', opacity: 1, display: true };
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

interface Tag {
  name: string;
  attrs: Map<string, string>;
  selfClosing: boolean;
  closing: boolean;
  line: number;
}

/** Reads `text`, the SVG file `file` (for errors), into shapes; throws a located InputError. */
export function readSvg(text: string, file: string): VectorDrawing {
  const tags = tokenize(text, file);
  const shapes: VectorShape[] = [];
  const stack: { name: string; style: Style; matrix: Matrix }[] = [];
  let viewBox: VectorDrawing['viewBox'] | undefined;
  let skipDepth = 0;
  for (const tag of tags) {
    const at: SourcePlace = { file, line: tag.line };
    if (tag.closing) {
      const open = stack.pop();
      if (!open || open.name !== tag.name) throw new InputError(at, `</${tag.name}> closes ${open ? `<${open.name}>` : 'nothing'}`, 'the SVG is not well-formed');
      if (skipDepth > 0) skipDepth--;
      continue;
    }
    const name = tag.name.replace(/^svg:/, '');
    // Elements of other namespaces are editors' data (Inkscape's sodipodi:namedview …): not drawn.
    if (skipDepth > 0 || IGNORED.has(name) || name.includes(':')) {
      if (!tag.selfClosing) {
        stack.push({ name: tag.name, style: ROOT_STYLE, matrix: IDENTITY });
        skipDepth++;
      }
      continue;
    }
    const parent = stack[stack.length - 1];
    if (!parent && name !== 'svg') throw new InputError(at, `the file's root element is <${tag.name}>, not <svg>`, HINT);
    const style = parent ? styleOf(tag, parent.style, at) : styleOf(tag, ROOT_STYLE, at);
    const matrix = parent ? multiply(parent.matrix, transformOf(tag, at)) : IDENTITY;
    if (name === 'svg') {
      if (parent) throw new InputError(at, 'an <svg> inside the SVG is not supported', HINT);
      viewBox = rootViewBox(tag, at);
    } else if (name === 'defs') {
      // Empty <defs/> is common in exports; anything in it is there to be referenced.
      if (!tag.selfClosing) {
        stack.push({ name: tag.name, style, matrix });
        continue;
      }
    } else if (name !== 'g' && !SHAPES.has(name)) {
      throw new InputError(at, `<${tag.name}> is not supported in a logo (only path, rect, circle, ellipse, line, polyline, polygon and g)`, HINT);
    } else if (stack.some((s) => s.name.replace(/^svg:/, '') === 'defs')) {
      throw new InputError(at, `<${tag.name}> inside <defs> is not supported (shapes drawn by reference)`, HINT);
    } else if (SHAPES.has(name) && style.display) {
      const d = pathData(name, tag.attrs, at);
      if (d) {
        shapes.push({
          d, matrix,
          fill: style.fill, fillOpacity: style.fillOpacity * style.opacity, fillRule: style.fillRule,
          stroke: style.stroke, strokeOpacity: style.strokeOpacity * style.opacity, strokeWidth: style.strokeWidth,
          lineCap: style.lineCap, lineJoin: style.lineJoin, ...(style.dash && { dash: style.dash }),
        });
      }
    }
    if (!tag.selfClosing) stack.push({ name: tag.name, style, matrix });
  }
  if (stack.length) throw new InputError({ file, line: tags[tags.length - 1]?.line }, `<${stack[stack.length - 1].name}> is never closed`, 'the SVG is not well-formed');
  if (!viewBox) throw new InputError({ file, line: 1 }, 'no <svg> element', HINT);
  if (!shapes.length) throw new InputError({ file, line: 1 }, 'the SVG draws nothing', HINT);
  return { viewBox, shapes };
}

/** Start and end tags with their attributes and lines; comments, the XML declaration and a DOCTYPE skipped. */
function tokenize(text: string, file: string): Tag[] {
  const tags: Tag[] = [];
  let i = 0;
  let line = 1;
  const advance = (to: number) => {
    for (let k = i; k < to; k++) if (text.charCodeAt(k) === 10) line++;
    i = to;
  };
  while (i < text.length) {
    const lt = text.indexOf('<', i);
    if (lt < 0) break;
    // Character data between tags draws nothing (only <text> would, and it is refused).
    advance(lt);
    const at: SourcePlace = { file, line };
    if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) throw new InputError(at, 'a comment is never closed', 'the SVG is not well-formed');
      advance(end + 3);
      continue;
    }
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) throw new InputError(at, 'an XML declaration is never closed', 'the SVG is not well-formed');
      advance(end + 2);
      continue;
    }
    if (text.startsWith('<![CDATA[', i)) throw new InputError(at, 'CDATA sections (style sheets, scripts) are not supported in a logo', HINT);
    if (text.startsWith('<!', i)) {
      const end = text.indexOf('>', i + 2);
      // An internal subset can declare entities: a logo has no need of them.
      if (end < 0 || text.slice(i, end).includes('[')) throw new InputError(at, 'a DOCTYPE with declarations is not supported', HINT);
      advance(end + 1);
      continue;
    }
    const m = /^<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(text.slice(i, i + 100_000));
    if (!m) throw new InputError(at, 'a tag the SVG reader cannot read', 'the SVG is not well-formed');
    const attrs = new Map<string, string>();
    for (const a of m[3].matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs.set(a[1], unescape(a[2] ?? a[3], at));
    tags.push({ name: m[2], attrs, selfClosing: m[4] === '/', closing: m[1] === '/', line });
    advance(i + m[0].length);
  }
  return tags;
}

function unescape(s: string, at: SourcePlace): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos|[\w]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: '\'' };
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    if (named[e] !== undefined) return named[e];
    throw new InputError(at, `the entity &${e}; is not supported`, HINT);
  });
}

function rootViewBox(tag: Tag, at: SourcePlace): VectorDrawing['viewBox'] {
  const vb = tag.attrs.get('viewBox');
  if (vb !== undefined) {
    const n = vb.trim().split(/[\s,]+/).map(Number);
    if (n.length !== 4 || n.some((x) => !Number.isFinite(x)) || n[2] <= 0 || n[3] <= 0) throw new InputError(at, `viewBox "${vb}" must be four numbers, the last two above zero`);
    return n as VectorDrawing['viewBox'];
  }
  const w = length(tag.attrs.get('width'), 'width', at);
  const h = length(tag.attrs.get('height'), 'height', at);
  if (!(w > 0) || !(h > 0)) throw new InputError(at, 'the <svg> element has neither a viewBox nor a width and height', 'add viewBox="0 0 W H"');
  return [0, 0, w, h];
}

/** A length in user units: a number, optionally "px"; other units and percentages are refused. */
function length(v: string | undefined, name: string, at: SourcePlace, fallback = NaN): number {
  if (v === undefined) return fallback;
  const m = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*(px)?\s*$/i.exec(v);
  if (!m) throw new InputError(at, `${name}="${v}" must be a number (user units or px)`, HINT);
  return Number(m[1]);
}

/** The element's presentation: its attributes, then its style="" declarations, over the parent's. */
function styleOf(tag: Tag, parent: Style, at: SourcePlace): Style {
  const s: Style = { ...parent, opacity: parent.opacity, display: parent.display };
  // opacity is not inherited: it multiplies down the tree.
  const props = new Map<string, string>();
  for (const [k, v] of tag.attrs) props.set(k, v);
  for (const decl of (tag.attrs.get('style') ?? '').split(';')) {
    const c = decl.indexOf(':');
    if (c > 0) props.set(decl.slice(0, c).trim(), decl.slice(c + 1).trim());
  }
  if (tag.attrs.has('class')) throw new InputError(at, 'class="…" needs a style sheet, which is not supported in a logo', 'export with presentation attributes (fill="#…") instead of CSS classes');
  for (const [k, v] of props) {
    switch (k) {
      case 'fill': s.fill = paint(v, k, at); break;
      case 'stroke': s.stroke = paint(v, k, at); break;
      case 'fill-opacity': s.fillOpacity = fraction(v, k, at); break;
      case 'stroke-opacity': s.strokeOpacity = fraction(v, k, at); break;
      case 'opacity': s.opacity = parent.opacity * fraction(v, k, at); break;
      case 'stroke-width': s.strokeWidth = length(v, k, at); break;
      case 'fill-rule': s.fillRule = v === 'evenodd' ? 'evenodd' : 'nonzero'; break;
      case 'stroke-linecap': if (v === 'round' || v === 'square' || v === 'butt') s.lineCap = v; break;
      case 'stroke-linejoin': if (v === 'round' || v === 'bevel' || v === 'miter') s.lineJoin = v; break;
      case 'display': s.display = v !== 'none'; break;
      case 'visibility': if (v === 'hidden') s.display = false; break;
      case 'stroke-dasharray': {
        const n = v.trim() === 'none' ? [] : v.trim().split(/[\s,]+/).map((x) => length(x, k, at));
        // An odd list repeats, as in SVG; all zero (or none) is solid.
        s.dash = n.some((x) => x > 0) ? (n.length % 2 ? [...n, ...n] : n) : undefined;
        if (s.dash?.some((x) => !(x > 0))) throw new InputError(at, `${k}="${v}": dashes and gaps of zero length are not supported in a logo`, HINT);
        break;
      }
      case 'marker-start': case 'marker-mid': case 'marker-end': case 'marker':
      case 'filter': case 'mask': case 'clip-path':
        if (v !== 'none') throw new InputError(at, `${k} is not supported in a logo`, HINT);
        break;
      default:
        break;
    }
  }
  return s;
}

function paint(v: string, name: string, at: SourcePlace): string | null {
  const t = v.trim();
  if (t === 'none' || t === 'transparent') return null;
  if (t.startsWith('url(')) throw new InputError(at, `${name}="${t}": gradients and patterns are not supported in a logo`, HINT);
  if (t === 'currentColor') return '#000000';
  const c = parseCssColor(t);
  if (!c) throw new InputError(at, `${name}="${t}" is not a colour`);
  return '#' + c.rgb.map((x) => x.toString(16).padStart(2, '0')).join('');
}

function fraction(v: string, name: string, at: SourcePlace): number {
  const n = v.trim().endsWith('%') ? parseFloat(v) / 100 : Number(v);
  if (!Number.isFinite(n)) throw new InputError(at, `${name}="${v}" must be a number from 0 to 1`);
  return Math.max(0, Math.min(1, n));
}

function transformOf(tag: Tag, at: SourcePlace): Matrix {
  const t = tag.attrs.get('transform');
  if (!t) return IDENTITY;
  let m = IDENTITY;
  const re = /\s*(matrix|translate|scale|rotate|skewX|skewY)\s*\(([^)]*)\)\s*,?/gy;
  let pos = 0;
  for (let g = re.exec(t); g; g = re.exec(t)) {
    pos = re.lastIndex;
    const a = g[2].trim().split(/[\s,]+/).filter(Boolean).map(Number);
    if (a.some((x) => !Number.isFinite(x))) throw new InputError(at, `transform "${t}" has a value that is not a number`);
    const rad = (deg: number) => (deg * Math.PI) / 180;
    let n: Matrix;
    switch (g[1]) {
      case 'matrix': n = a.length === 6 ? (a as Matrix) : bad(); break;
      case 'translate': n = [1, 0, 0, 1, a[0] ?? 0, a[1] ?? 0]; break;
      case 'scale': n = [a[0] ?? 1, 0, 0, a[1] ?? a[0] ?? 1, 0, 0]; break;
      case 'rotate': {
        const [c, s] = [Math.cos(rad(a[0] ?? 0)), Math.sin(rad(a[0] ?? 0))];
        const r: Matrix = [c, s, -s, c, 0, 0];
        n = a.length === 3 ? multiply(multiply([1, 0, 0, 1, a[1], a[2]], r), [1, 0, 0, 1, -a[1], -a[2]]) : r;
        break;
      }
      case 'skewX': n = [1, 0, Math.tan(rad(a[0] ?? 0)), 1, 0, 0]; break;
      default: n = [1, Math.tan(rad(a[0] ?? 0)), 0, 1, 0, 0]; break;
    }
    m = multiply(m, n);
  }
  if (pos !== t.length && t.slice(pos).trim()) throw new InputError(at, `transform "${t}" is not one the logo reader knows`, 'use matrix, translate, scale, rotate, skewX or skewY');
  return m;

  function bad(): never {
    throw new InputError(at, `transform "${t}": matrix takes six numbers`);
  }
}

/** m · n: n applied first. */
function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

const PATH_DATA = /^[MmLlHhVvCcSsQqTtAaZz0-9eE.,+\-\s]*$/;

/** The shape as SVG path data (what pdfkit's doc.path reads), or null when it has no area or length. */
function pathData(name: string, a: Map<string, string>, at: SourcePlace): string | null {
  const n = (k: string, fallback = 0) => length(a.get(k), k, at, fallback);
  const f = (x: number) => String(Math.round(x * 1e4) / 1e4);
  switch (name) {
    case 'path': {
      const d = a.get('d') ?? '';
      if (!PATH_DATA.test(d)) throw new InputError(at, 'path data ("d") with characters that are not path commands or numbers');
      return d.trim() ? d : null;
    }
    case 'rect': {
      const [x, y, w, h] = [n('x'), n('y'), n('width'), n('height')];
      if (!(w > 0 && h > 0)) return null;
      let rx = a.has('rx') ? n('rx') : a.has('ry') ? n('ry') : 0;
      let ry = a.has('ry') ? n('ry') : rx;
      rx = Math.min(rx, w / 2);
      ry = Math.min(ry, h / 2);
      if (!(rx > 0 && ry > 0)) return `M${f(x)} ${f(y)}H${f(x + w)}V${f(y + h)}H${f(x)}Z`;
      const arc = (ex: number, ey: number) => `A${f(rx)} ${f(ry)} 0 0 1 ${f(ex)} ${f(ey)}`;
      return `M${f(x + rx)} ${f(y)}H${f(x + w - rx)}${arc(x + w, y + ry)}V${f(y + h - ry)}${arc(x + w - rx, y + h)}H${f(x + rx)}${arc(x, y + h - ry)}V${f(y + ry)}${arc(x + rx, y)}Z`;
    }
    case 'circle':
    case 'ellipse': {
      const [cx, cy] = [n('cx'), n('cy')];
      const rx = name === 'circle' ? n('r') : n('rx');
      const ry = name === 'circle' ? rx : n('ry');
      if (!(rx > 0 && ry > 0)) return null;
      const arc = (ex: number) => `A${f(rx)} ${f(ry)} 0 1 0 ${f(ex)} ${f(cy)}`;
      return `M${f(cx - rx)} ${f(cy)}${arc(cx + rx)}${arc(cx - rx)}Z`;
    }
    case 'line':
      return `M${f(n('x1'))} ${f(n('y1'))}L${f(n('x2'))} ${f(n('y2'))}`;
    default: {
      const pts = (a.get('points') ?? '').trim().split(/[\s,]+/).filter(Boolean).map(Number);
      if (pts.some((x) => !Number.isFinite(x)) || pts.length % 2) throw new InputError(at, 'points must be pairs of numbers');
      if (pts.length < 4) return null;
      let d = `M${f(pts[0])} ${f(pts[1])}`;
      for (let i = 2; i < pts.length; i += 2) d += `L${f(pts[i])} ${f(pts[i + 1])}`;
      return name === 'polygon' ? d + 'Z' : d;
    }
  }
}
