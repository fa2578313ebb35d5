// Reads PDF page content back for the print tests, independently of src/: each page's
// content streams (decoded by pdf-lib), split into operators, and replayed far enough to know
// the fill colour and overprint state every piece of text is shown with.
import { decodePDFRawStream, PDFArray, PDFBool, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, type PDFPage } from 'pdf-lib';

export type Operand = number | string | Operand[] | { name: string } | { dict: string };

export interface Op {
  op: string;
  args: Operand[];
}

/** Splits a content stream into operators with their operands. */
export function tokenize(src: string): Op[] {
  const ops: Op[] = [];
  let args: Operand[] = [];
  const stack: Operand[][] = [];
  let i = 0;
  const n = src.length;
  const push = (v: Operand) => (stack.length ? stack[stack.length - 1].push(v) : args.push(v));
  // Each branch consumes at least one character.
  while (i < n) {
    const c = src[i];
    if (/\s/.test(c)) i++;
    else if (c === '%') while (i < n && src[i] !== '\n' && src[i] !== '\r') i++;
    else if (c === '[') {
      stack.push([]);
      i++;
    } else if (c === ']') {
      const a = stack.pop() ?? [];
      i++;
      push(a);
    } else if (c === '<' && src[i + 1] === '<') {
      let depth = 0;
      const start = i;
      while (i < n) {
        if (src.startsWith('<<', i)) {
          depth++;
          i += 2;
        } else if (src.startsWith('>>', i)) {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else i++;
      }
      push({ dict: src.slice(start, i) });
    } else if (c === '<') {
      const end = src.indexOf('>', i);
      push(src.slice(i, end + 1));
      i = end + 1;
    } else if (c === '(') {
      let depth = 0;
      const start = i;
      for (; i < n; i++) {
        if (src[i] === '\\') i++;
        else if (src[i] === '(') depth++;
        else if (src[i] === ')' && --depth === 0) break;
      }
      i++;
      push(src.slice(start, i));
    } else if (c === '/') {
      const m = /^\/[^\s/<>[\]()%{}]*/.exec(src.slice(i, i + 200))!;
      push({ name: m[0].slice(1) });
      i += m[0].length;
    } else {
      const m = /^[^\s/<>[\]()%{}]+/.exec(src.slice(i, i + 200));
      if (!m) {
        i++;
        continue;
      }
      i += m[0].length;
      const num = Number(m[0]);
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(m[0])) push(num);
      else if (m[0] === 'true' || m[0] === 'false' || m[0] === 'null') push(m[0]);
      else {
        ops.push({ op: m[0], args });
        args = [];
        if (m[0] === 'BI') {
          // Inline image: skip its data up to EI.
          const end = src.indexOf('EI', i);
          i = end < 0 ? n : end + 2;
        }
      }
    }
  }
  return ops;
}

export interface PageContent {
  page: PDFPage;
  ops: Op[];
  /** Whether each ExtGState of the page's resources sets overprint for fills (op, or OP alone). */
  overprint: Map<string, boolean | undefined>;
}

export async function pageContents(pdf: Buffer | Uint8Array): Promise<PageContent[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return doc.getPages().map((page) => {
    const contents = page.node.Contents();
    const streams: PDFRawStream[] = [];
    const look = (x: unknown): unknown => (x instanceof PDFRef ? doc.context.lookup(x) : x);
    const c = look(contents);
    if (c instanceof PDFArray) for (let k = 0; k < c.size(); k++) streams.push(look(c.get(k)) as PDFRawStream);
    else if (c instanceof PDFRawStream) streams.push(c);
    const src = streams.map((s) => Buffer.from(decodePDFRawStream(s).decode()).toString('latin1')).join('\n');
    const overprint = new Map<string, boolean | undefined>();
    const res = page.node.Resources();
    const gs = res ? look(res.get(PDFName.of('ExtGState'))) : undefined;
    if (gs instanceof PDFDict) {
      for (const [k, v] of gs.entries()) {
        const d = look(v) as PDFDict;
        const op = look(d.get(PDFName.of('op'))) ?? look(d.get(PDFName.of('OP')));
        overprint.set(k.decodeText(), op instanceof PDFBool ? op.asBoolean() : undefined);
      }
    }
    return { page, ops: tokenize(src), overprint };
  });
}

export interface ShownText {
  /** The fill colour space and components when the text was shown. */
  space: 'rgb' | 'cmyk' | 'gray' | string;
  fill: number[];
  overprint: boolean;
}

/** The fill colour and overprint state of every text-showing operator, in order. */
export function shownText(pc: PageContent): ShownText[] {
  interface St { space: string; fill: number[]; overprint: boolean }
  let st: St = { space: 'gray', fill: [0], overprint: false };
  const stack: St[] = [];
  const out: ShownText[] = [];
  for (const { op, args } of pc.ops) {
    const nums = args.filter((a): a is number => typeof a === 'number');
    if (op === 'q') stack.push({ ...st });
    else if (op === 'Q') st = stack.pop() ?? st;
    else if (op === 'rg') st = { ...st, space: 'rgb', fill: nums };
    else if (op === 'k') st = { ...st, space: 'cmyk', fill: nums };
    else if (op === 'g') st = { ...st, space: 'gray', fill: nums };
    else if (op === 'cs') {
      const name = (args[0] as { name: string }).name;
      st = { ...st, space: name === 'DeviceRGB' ? 'rgb' : name === 'DeviceCMYK' ? 'cmyk' : name === 'DeviceGray' ? 'gray' : name, fill: [] };
    } else if (op === 'sc' || op === 'scn') st = { ...st, fill: nums };
    else if (op === 'gs') {
      const v = pc.overprint.get((args[0] as { name: string }).name);
      if (v !== undefined) st = { ...st, overprint: v };
    } else if (op === 'Tj' || op === 'TJ' || op === "'" || op === '"') out.push({ space: st.space, fill: st.fill, overprint: st.overprint });
  }
  return out;
}

/** Colour operators that set RGB: rg/RG, and sc/scn/SC/SCN with three operands. */
export function rgbOperators(ops: Op[]): Op[] {
  return ops.filter(({ op, args }) => op === 'rg' || op === 'RG' || (['sc', 'scn', 'SC', 'SCN'].includes(op) && args.filter((a) => typeof a === 'number').length === 3));
}
