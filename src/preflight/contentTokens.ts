// A PDF content stream as operators and their operands (ISO 32000-1, 7.8.2), for preflight:
// numbers, names, strings (as bytes), arrays, dictionaries, and inline images skipped whole.

export type Operand = number | boolean | null | PdfName | PdfBytes | Operand[] | { [key: string]: Operand };

export class PdfName {
  constructor(readonly name: string) {}
}

/** A string operand's bytes, one char per byte (latin1). */
export class PdfBytes {
  constructor(readonly bytes: string) {}
}

export interface ContentOp {
  op: string;
  args: Operand[];
  /** For BI…ID…EI: the inline image's dictionary. */
  inlineImage?: Record<string, Operand>;
}

/** An operator keyword while reading (never an operand). */
class Keyword {
  constructor(readonly word: string) {}
}

const WS = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set('()<>[]{}/%'.split('').map((c) => c.charCodeAt(0)));
const isWs = (c: number) => WS.has(c);
const isRegular = (c: number) => !isWs(c) && !DELIM.has(c);

/** Splits `src` (the decoded stream, latin1) into operators. Malformed input never loops: every step consumes input. */
export function tokenizeContent(src: string): ContentOp[] {
  const ops: ContentOp[] = [];
  const n = src.length;
  let i = 0;
  let args: Operand[] = [];

  const skipWs = () => {
    while (i < n) {
      const c = src.charCodeAt(i);
      if (isWs(c)) i++;
      else if (c === 37 /* % */) while (i < n && src[i] !== '\n' && src[i] !== '\r') i++;
      else break;
    }
  };

  const readRegular = (): string => {
    const start = i;
    while (i < n && isRegular(src.charCodeAt(i))) i++;
    return src.slice(start, i);
  };

  const readLiteral = (): PdfBytes => {
    i++; // (
    let depth = 1;
    let out = '';
    while (i < n) {
      const c = src[i++];
      if (c === '\\') {
        const e = src[i++] ?? '';
        const map: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
        if (e in map) out += map[e];
        else if (/[0-7]/.test(e)) {
          let oct = e;
          while (oct.length < 3 && /[0-7]/.test(src[i] ?? '')) oct += src[i++];
          out += String.fromCharCode(parseInt(oct, 8) & 255);
        } else if (e === '\r') {
          if (src[i] === '\n') i++;
        } else if (e !== '\n') out += e;
      } else if (c === '(') {
        depth++;
        out += c;
      } else if (c === ')') {
        if (--depth === 0) break;
        out += c;
      } else out += c;
    }
    return new PdfBytes(out);
  };

  const readHex = (): PdfBytes => {
    i++; // <
    let hex = '';
    while (i < n && src[i] !== '>') {
      if (/[0-9a-fA-F]/.test(src[i])) hex += src[i];
      i++;
    }
    i++;
    if (hex.length % 2) hex += '0';
    let out = '';
    for (let k = 0; k < hex.length; k += 2) out += String.fromCharCode(parseInt(hex.slice(k, k + 2), 16));
    return new PdfBytes(out);
  };

  const readName = (): PdfName => {
    i++; // /
    const raw = readRegular();
    return new PdfName(raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))));
  };

  /** One object, or an operator keyword (returned as a string). */
  const readObject = (depth: number): Operand | Keyword | undefined => {
    skipWs();
    if (i >= n) return undefined;
    const c = src[i];
    if (c === '/') return readName();
    if (c === '(') return readLiteral();
    if (c === '<' && src[i + 1] === '<') {
      i += 2;
      const d: Record<string, Operand> = {};
      for (let guard = 0; i < n && guard < 100_000; guard++) {
        skipWs();
        if (src.startsWith('>>', i)) {
          i += 2;
          break;
        }
        const k = readObject(depth + 1);
        if (!(k instanceof PdfName)) {
          if (k === undefined) break;
          continue;
        }
        const v = readObject(depth + 1);
        if (v !== undefined && !(v instanceof Keyword)) d[k.name] = v;
      }
      return d;
    }
    if (c === '<') return readHex();
    if (c === '[') {
      i++;
      const a: Operand[] = [];
      for (let guard = 0; i < n && guard < 1_000_000; guard++) {
        skipWs();
        if (src[i] === ']') {
          i++;
          break;
        }
        const v = readObject(depth + 1);
        if (v === undefined) break;
        if (v instanceof Keyword) continue;
        a.push(v);
      }
      return a;
    }
    if (c === ')' || c === '>' || c === ']' || c === '{' || c === '}') {
      i++;
      return readObject(depth);
    }
    const word = readRegular();
    if (word === '') {
      i++;
      return readObject(depth);
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return Number(word);
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    return new Keyword(word);
  };

  while (i < n) {
    const o = readObject(0);
    if (o === undefined) break;
    if (o instanceof Keyword) {
      const op = o.word;
      if (op === 'BI') {
        // key value pairs up to ID, then binary data up to EI.
        const dict: Record<string, Operand> = {};
        for (let guard = 0; i < n && guard < 10_000; guard++) {
          const k = readObject(0);
          if (k === undefined || (k instanceof Keyword && k.word === 'ID')) break;
          const v = readObject(0);
          if (k instanceof PdfName && v !== undefined && !(v instanceof Keyword)) dict[k.name] = v;
        }
        i++; // the single white-space character after ID
        const end = findEI(src, i);
        i = end + 2;
        ops.push({ op: 'BI', args: [], inlineImage: dict });
        args = [];
        continue;
      }
      ops.push({ op, args });
      args = [];
    } else args.push(o);
  }
  return ops;
}

/** The EI that ends inline image data: preceded and followed by white space (or the end). */
function findEI(src: string, from: number): number {
  let i = from;
  for (;;) {
    const k = src.indexOf('EI', i);
    if (k < 0) return src.length;
    const before = src.charCodeAt(k - 1);
    const after = k + 2 >= src.length ? 32 : src.charCodeAt(k + 2);
    if (isWs(before) && (isWs(after) || DELIM.has(after))) return k;
    i = k + 2;
  }
}
