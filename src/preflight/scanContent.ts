// Replays a page's content far enough for preflight: the transformation and colour of every
// piece of text (and the box it covers on the page), every image and its placed size, every
// colour space painted with, and painting outside marked content. Form XObjects are entered.
import { PDFRawStream, type PDFDict, type PDFObject } from 'pdf-lib';
import { colorSpace, type ColorKind, type SpaceInfo } from './colorSpaces.js';
import { PdfBytes, PdfName, tokenizeContent, type Operand } from './contentTokens.js';
import { fontFacts, type FontFacts } from './fontFacts.js';
import type { Box, PdfFile } from './pdfFile.js';

type Matrix = [number, number, number, number, number, number];

export interface PaintColor {
  kind: ColorKind;
  comps: number[];
  spots: string[];
}

export interface ShownText {
  /** On the page, in default user space. */
  box: Box;
  fill: PaintColor;
  font: string;
  /** Rendering mode 3 (invisible: OCR layers) paints nothing. */
  invisible: boolean;
}

export interface PlacedImage {
  name: string;
  width: number;
  height: number;
  /** Placed size in points. */
  placedWidth: number;
  placedHeight: number;
  space: SpaceInfo;
  /** A stencil mask paints the fill colour. */
  mask: boolean;
}

export interface PageScan {
  texts: ShownText[];
  images: PlacedImage[];
  /** Every colour kind painted with, and what painted it (for messages). */
  colors: Map<ColorKind, Set<string>>;
  spots: Set<string>;
  fonts: Map<string, FontFacts>;
  paintOps: number;
  /** Painting operators outside any marked content that is tagged (MCID) or an Artifact. */
  untagged: number;
}

interface State {
  ctm: Matrix;
  fill: PaintColor;
  fillSpace: SpaceInfo;
  stroke: PaintColor;
  strokeSpace: SpaceInfo;
  font?: FontFacts;
  size: number;
  tc: number;
  tw: number;
  th: number;
  tl: number;
  rise: number;
  render: number;
}

const GRAY: SpaceInfo = { kind: 'gray', n: 1, spots: [] };
const mul = (a: Matrix, b: Matrix): Matrix => [
  a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
  a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
const PAINT = new Set(['f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*', 'sh', 'Do', 'BI', 'Tj', 'TJ', "'", '"']);
/** Forms nested deeper than this are not entered (a loop in a broken file stops here). */
const MAX_FORM_DEPTH = 12;

export function scanPage(pdf: PdfFile, content: string, resources: PDFDict | undefined): PageScan {
  const scan: PageScan = { texts: [], images: [], colors: new Map(), spots: new Set(), fonts: new Map(), paintOps: 0, untagged: 0 };
  run(pdf, content, resources, [1, 0, 0, 1, 0, 0], scan, 0, false);
  return scan;
}

function run(pdf: PdfFile, content: string, resources: PDFDict | undefined, base: Matrix, scan: PageScan, depth: number, taggedOuter: boolean): void {
  const black: PaintColor = { kind: 'gray', comps: [0], spots: [] };
  let st: State = { ctm: base, fill: black, fillSpace: GRAY, stroke: black, strokeSpace: GRAY, size: 0, tc: 0, tw: 0, th: 1, tl: 0, rise: 0, render: 0 };
  const stack: State[] = [];
  let tm: Matrix = [1, 0, 0, 1, 0, 0];
  let tlm: Matrix = [1, 0, 0, 1, 0, 0];
  // Marked content: each level says whether it (or an enclosing one) is tagged or an Artifact.
  const marked: boolean[] = [];
  const tagged = () => taggedOuter || marked.some(Boolean);
  const use = (c: PaintColor, what: string) => {
    let s = scan.colors.get(c.kind);
    if (!s) scan.colors.set(c.kind, (s = new Set()));
    s.add(what);
    for (const n of c.spots) scan.spots.add(n);
  };
  const nums = (args: Operand[]) => args.filter((a): a is number => typeof a === 'number');
  const fontOf = (name: string): FontFacts | undefined => {
    const d = pdf.dict(pdf.dict(resources, 'Font'), name);
    if (!d) return undefined;
    const key = `${name}@${pdf.doc.context.getObjectRef(d)?.toString() ?? name}`;
    let f = scan.fonts.get(key);
    if (!f) scan.fonts.set(key, (f = fontFacts(pdf, d)));
    return f;
  };

  /** Shows a string, or a TJ array's strings and adjustments. */
  const show = (bytes: string, items?: Operand[]) => {
    const f = st.font;
    const visible = st.render !== 3 && st.render !== 7;
    if (visible) use(st.fill, 'text');
    const startM = mul(tm, st.ctm);
    const advance = (tx: number) => {
      tm = mul([1, 0, 0, 1, tx, 0], tm);
    };
    const glyphs = (s: string) => {
      const step = f?.twoByte ? 2 : 1;
      for (let i = 0; i + step - 1 < s.length; i += step) {
        const code = step === 2 ? (s.charCodeAt(i) << 8) | s.charCodeAt(i + 1) : s.charCodeAt(i);
        const w = (f?.width(code) ?? 500) / 1000;
        advance((w * st.size + st.tc + (step === 1 && code === 32 ? st.tw : 0)) * st.th);
      }
    };
    if (items) {
      for (const it of items) {
        if (it instanceof PdfBytes) glyphs(it.bytes);
        else if (typeof it === 'number') advance((-it / 1000) * st.size * st.th);
      }
    } else glyphs(bytes);
    const endM = mul(tm, st.ctm);
    const asc = ((f?.ascent ?? 800) / 1000) * st.size;
    const desc = ((f?.descent ?? 200) / 1000) * st.size;
    const pts = [apply(startM, 0, st.rise - desc), apply(startM, 0, st.rise + asc), apply(endM, 0, st.rise - desc), apply(endM, 0, st.rise + asc)];
    const xs = pts.map((p) => p[0]);
    const ys = pts.map((p) => p[1]);
    scan.texts.push({ box: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)], fill: st.fill, font: f?.name ?? '?', invisible: !visible });
  };

  const setSpace = (stroke: boolean, name: Operand | undefined) => {
    const space = name instanceof PdfName ? colorSpace(pdf, name.name, resources) : { kind: 'unknown' as const, n: 0, spots: [] };
    const initial: PaintColor = { kind: space.kind, comps: space.kind === 'cmyk' && space.n === 4 ? [0, 0, 0, 1] : new Array(space.n).fill(space.kind === 'spot' ? 1 : 0), spots: space.spots };
    st = stroke ? { ...st, strokeSpace: space, stroke: initial } : { ...st, fillSpace: space, fill: initial };
  };

  const image = (name: string, dict: PDFDict | Record<string, Operand>, inline: boolean) => {
    const get = (k: string, short: string): unknown => (inline ? (dict as Record<string, Operand>)[k] ?? (dict as Record<string, Operand>)[short] : pdf.get(dict as PDFDict, k));
    const numOf = (v: unknown) => (typeof v === 'number' ? v : v && typeof v === 'object' && 'asNumber' in v ? (v as { asNumber(): number }).asNumber() : 0);
    const mask = inline ? get('ImageMask', 'IM') === true : pdf.bool(dict as PDFDict, 'ImageMask') === true;
    const cs = get('ColorSpace', 'CS');
    const space: SpaceInfo = mask ? st.fillSpace : cs instanceof PdfName ? colorSpace(pdf, cs.name, resources) : cs ? colorSpace(pdf, cs as PDFObject, resources) : { kind: 'unknown', n: 0, spots: [] };
    const m = st.ctm;
    const img: PlacedImage = {
      name,
      width: numOf(get('Width', 'W')),
      height: numOf(get('Height', 'H')),
      placedWidth: Math.hypot(m[0], m[1]),
      placedHeight: Math.hypot(m[2], m[3]),
      space,
      mask,
    };
    scan.images.push(img);
    use(mask ? st.fill : { kind: space.kind, comps: [], spots: space.spots }, `image ${name}`);
  };

  for (const { op, args, inlineImage } of tokenizeContent(content)) {
    if (PAINT.has(op)) {
      scan.paintOps++;
      if (!tagged()) scan.untagged++;
    }
    switch (op) {
      case 'q': stack.push({ ...st }); break;
      case 'Q': st = stack.pop() ?? st; break;
      case 'cm': { const v = nums(args); if (v.length === 6) st = { ...st, ctm: mul(v as Matrix, st.ctm) }; break; }
      case 'g': st = { ...st, fillSpace: GRAY, fill: { kind: 'gray', comps: nums(args), spots: [] } }; break;
      case 'G': st = { ...st, strokeSpace: GRAY, stroke: { kind: 'gray', comps: nums(args), spots: [] } }; break;
      case 'rg': st = { ...st, fillSpace: { kind: 'rgb', n: 3, spots: [] }, fill: { kind: 'rgb', comps: nums(args), spots: [] } }; break;
      case 'RG': st = { ...st, strokeSpace: { kind: 'rgb', n: 3, spots: [] }, stroke: { kind: 'rgb', comps: nums(args), spots: [] } }; break;
      case 'k': st = { ...st, fillSpace: { kind: 'cmyk', n: 4, spots: [] }, fill: { kind: 'cmyk', comps: nums(args), spots: [] } }; break;
      case 'K': st = { ...st, strokeSpace: { kind: 'cmyk', n: 4, spots: [] }, stroke: { kind: 'cmyk', comps: nums(args), spots: [] } }; break;
      case 'cs': setSpace(false, args[0]); break;
      case 'CS': setSpace(true, args[0]); break;
      case 'sc': case 'scn': {
        const v = nums(args);
        // A device space set with three numbers is RGB whatever cs said (and vice versa).
        const kind: ColorKind = st.fillSpace.kind === 'pattern' || st.fillSpace.kind === 'spot' || st.fillSpace.kind === 'lab' ? st.fillSpace.kind : v.length === 3 ? 'rgb' : v.length === 4 ? 'cmyk' : v.length === 1 ? st.fillSpace.kind : st.fillSpace.kind;
        st = { ...st, fill: { kind, comps: v, spots: st.fillSpace.spots } };
        break;
      }
      case 'SC': case 'SCN': {
        const v = nums(args);
        const kind: ColorKind = st.strokeSpace.kind === 'pattern' || st.strokeSpace.kind === 'spot' || st.strokeSpace.kind === 'lab' ? st.strokeSpace.kind : v.length === 3 ? 'rgb' : v.length === 4 ? 'cmyk' : st.strokeSpace.kind;
        st = { ...st, stroke: { kind, comps: v, spots: st.strokeSpace.spots } };
        break;
      }
      case 'f': case 'F': case 'f*': use(st.fill, 'fill'); break;
      case 'S': case 's': use(st.stroke, 'stroke'); break;
      case 'B': case 'B*': case 'b': case 'b*': use(st.fill, 'fill'); use(st.stroke, 'stroke'); break;
      case 'sh': {
        const sh = args[0] instanceof PdfName ? pdf.dict(pdf.dict(resources, 'Shading'), args[0].name) : undefined;
        const space = colorSpace(pdf, pdf.get(sh, 'ColorSpace'), resources);
        use({ kind: space.kind, comps: [], spots: space.spots }, 'shading');
        break;
      }
      case 'BT': tm = [1, 0, 0, 1, 0, 0]; tlm = tm; break;
      case 'Tf': {
        const [name, size] = args;
        st = { ...st, font: name instanceof PdfName ? fontOf(name.name) : undefined, size: typeof size === 'number' ? size : st.size };
        break;
      }
      case 'Tc': st = { ...st, tc: nums(args)[0] ?? 0 }; break;
      case 'Tw': st = { ...st, tw: nums(args)[0] ?? 0 }; break;
      case 'Tz': st = { ...st, th: (nums(args)[0] ?? 100) / 100 }; break;
      case 'TL': st = { ...st, tl: nums(args)[0] ?? 0 }; break;
      case 'Ts': st = { ...st, rise: nums(args)[0] ?? 0 }; break;
      case 'Tr': st = { ...st, render: nums(args)[0] ?? 0 }; break;
      case 'Td': case 'TD': {
        const [x, y] = nums(args);
        if (op === 'TD') st = { ...st, tl: -y };
        tlm = mul([1, 0, 0, 1, x ?? 0, y ?? 0], tlm);
        tm = tlm;
        break;
      }
      case 'Tm': { const v = nums(args); if (v.length === 6) { tlm = v as Matrix; tm = tlm; } break; }
      case 'T*': tlm = mul([1, 0, 0, 1, 0, -st.tl], tlm); tm = tlm; break;
      case 'Tj': if (args[0] instanceof PdfBytes) show(args[0].bytes); break;
      case "'": case '"': {
        if (op === '"') st = { ...st, tw: nums(args)[0] ?? st.tw, tc: nums(args)[1] ?? st.tc };
        tlm = mul([1, 0, 0, 1, 0, -st.tl], tlm);
        tm = tlm;
        const s = args[args.length - 1];
        if (s instanceof PdfBytes) show(s.bytes);
        break;
      }
      case 'TJ': if (Array.isArray(args[0])) show('', args[0]); break;
      case 'BDC': case 'BMC': {
        const tag = args[0] instanceof PdfName ? args[0].name : '';
        let props = args[1];
        if (props instanceof PdfName) {
          const d = pdf.dict(pdf.dict(resources, 'Properties'), props.name);
          props = d && pdf.num(d, 'MCID') !== undefined ? { MCID: pdf.num(d, 'MCID')! } : {};
        }
        const hasMcid = !!props && typeof props === 'object' && !Array.isArray(props) && !(props instanceof PdfName) && !(props instanceof PdfBytes) && typeof (props as Record<string, Operand>).MCID === 'number';
        marked.push(tag === 'Artifact' || hasMcid);
        break;
      }
      case 'EMC': marked.pop(); break;
      case 'BI': if (inlineImage) image('inline image', inlineImage, true); break;
      case 'Do': {
        const name = args[0] instanceof PdfName ? args[0].name : '';
        const x = pdf.get(pdf.dict(resources, 'XObject'), name);
        if (!(x instanceof PDFRawStream)) break;
        const sub = pdf.name(x.dict, 'Subtype');
        if (sub === 'Image') image(name, x.dict, false);
        else if (sub === 'Form' && depth < MAX_FORM_DEPTH) {
          const m = pdf.numbers(pdf.array(x.dict, 'Matrix'));
          const fm: Matrix = m.length === 6 ? (m as Matrix) : [1, 0, 0, 1, 0, 0];
          const text = pdf.streamText(x);
          if (text !== null) run(pdf, text, pdf.dict(x.dict, 'Resources') ?? resources, mul(fm, st.ctm), scan, depth + 1, tagged());
        }
        break;
      }
      default: break;
    }
  }
}
