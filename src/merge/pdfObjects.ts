// Reading and writing the objects of PDFs this program wrote (pdfkit's output: a header, the
// objects one after another, a classic xref table and trailer; no object streams, no
// encryption, stream lengths given directly). Enough of the PDF syntax to parse and rewrite
// dictionaries and arrays exactly; stream data is kept as bytes and never decoded. Strings and
// numbers keep their source text, so what is written back reads exactly as it was.

export class PdfName {
  constructor(readonly name: string) {}
}

/** A string token as written: `(…)` with its escapes, or `<…>` in hex. */
export class PdfString {
  constructor(readonly raw: string) {}

  /** The string's bytes (as a Latin-1 JS string), escapes undone. */
  bytes(): string {
    if (this.raw.startsWith('<')) {
      const hex = this.raw.slice(1, -1).replace(/\s+/g, '');
      let out = '';
      for (let i = 0; i < hex.length; i += 2) out += String.fromCharCode(parseInt(hex.slice(i, i + 2).padEnd(2, '0'), 16));
      return out;
    }
    const s = this.raw.slice(1, -1);
    let out = '';
    for (let i = 0; i < s.length; i++) {
      const c = s[i];
      if (c !== '\\') {
        out += c;
        continue;
      }
      const n = s[++i];
      const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };
      if (n in simple) out += simple[n];
      else if (/[0-7]/.test(n)) {
        let oct = n;
        while (oct.length < 3 && /[0-7]/.test(s[i + 1] ?? '')) oct += s[++i];
        out += String.fromCharCode(parseInt(oct, 8) & 0xff);
      } else if (n === '\r') {
        if (s[i + 1] === '\n') i++;
      } else if (n !== '\n') out += n;
    }
    return out;
  }

  /** A literal string for a Latin-1 JS string's bytes. */
  static of(bytes: string): PdfString {
    return new PdfString(`(${bytes.replace(/[\\()]/g, (c) => `\\${c}`).replace(/\r/g, '\\r').replace(/\n/g, '\\n')})`);
  }
}

export class PdfNumber {
  constructor(readonly raw: string) {}
  get value(): number {
    return Number(this.raw);
  }
}

export class PdfRef {
  constructor(readonly num: number, readonly gen: number) {}
}

export type PdfDict = Map<string, PdfValue>;
export type PdfValue = PdfName | PdfString | PdfNumber | PdfRef | boolean | null | PdfValue[] | PdfDict;

export interface PdfObject {
  num: number;
  value: PdfValue;
  /** Stream data as stored (still compressed), when the object is a stream. */
  stream?: Buffer;
  /** The object's bytes in its file, from `N G obj` to `endobj` and its line end. */
  raw: Buffer;
}

export interface ParsedPdf {
  header: Buffer;
  objects: Map<number, PdfObject>;
  trailer: PdfDict;
  /** The trailer's /Size: object numbers are below it. */
  size: number;
}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

/** Parses a PDF written as this module expects; anything else is an Error naming the offset. */
export function parsePdf(buf: Buffer): ParsedPdf {
  const text = buf.toString('latin1');
  const headerEnd = text.indexOf('\n', text.indexOf('\n') + 1) + 1;
  if (!text.startsWith('%PDF-') || headerEnd <= 0) throw new Error('not a PDF');
  const objects = new Map<number, PdfObject>();
  const p = new Parser(text, headerEnd);
  for (;;) {
    p.skipSpace();
    if (text.startsWith('xref', p.pos)) break;
    const start = p.pos;
    const head = /^(\d+) (\d+) obj/.exec(text.slice(p.pos, p.pos + 32));
    if (!head) throw new Error(`PDF: expected an object at offset ${p.pos}`);
    p.pos += head[0].length;
    const value = p.value();
    p.skipSpace();
    let stream: Buffer | undefined;
    if (text.startsWith('stream', p.pos)) {
      p.pos += 6;
      if (text[p.pos] === '\r') p.pos++;
      if (text[p.pos] === '\n') p.pos++;
      const len = value instanceof Map ? value.get('Length') : undefined;
      if (!(len instanceof PdfNumber)) throw new Error(`PDF: object ${head[1]} has no direct /Length`);
      stream = buf.subarray(p.pos, p.pos + len.value);
      p.pos += len.value;
      p.skipSpace();
      if (!text.startsWith('endstream', p.pos)) throw new Error(`PDF: object ${head[1]}: endstream expected at ${p.pos}`);
      p.pos += 9;
      p.skipSpace();
    }
    if (!text.startsWith('endobj', p.pos)) throw new Error(`PDF: object ${head[1]}: endobj expected at ${p.pos}`);
    p.pos += 6;
    if (text[p.pos] === '\r') p.pos++;
    if (text[p.pos] === '\n') p.pos++;
    const num = Number(head[1]);
    objects.set(num, { num, value, stream, raw: buf.subarray(start, p.pos) });
  }
  const t = text.indexOf('trailer', p.pos);
  if (t < 0) throw new Error('PDF: no trailer');
  p.pos = t + 7;
  const trailer = p.value();
  if (!(trailer instanceof Map)) throw new Error('PDF: the trailer is not a dictionary');
  const size = trailer.get('Size');
  return { header: buf.subarray(0, headerEnd), objects, trailer, size: size instanceof PdfNumber ? size.value : objects.size + 1 };
}

class Parser {
  constructor(private readonly s: string, public pos: number) {}

  skipSpace(): void {
    const s = this.s;
    for (;;) {
      const c = s.charCodeAt(this.pos);
      if (WS.has(c)) this.pos++;
      else if (c === 0x25) {
        while (this.pos < s.length && s[this.pos] !== '\n' && s[this.pos] !== '\r') this.pos++;
      } else return;
    }
  }

  value(): PdfValue {
    this.skipSpace();
    const s = this.s;
    const c = s[this.pos];
    if (c === '<' && s[this.pos + 1] === '<') {
      this.pos += 2;
      const d: PdfDict = new Map();
      for (;;) {
        this.skipSpace();
        if (s[this.pos] === '>' && s[this.pos + 1] === '>') {
          this.pos += 2;
          return d;
        }
        const k = this.value();
        if (!(k instanceof PdfName)) throw new Error(`PDF: dictionary key expected at ${this.pos}`);
        d.set(k.name, this.value());
      }
    }
    if (c === '[') {
      this.pos++;
      const a: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (s[this.pos] === ']') {
          this.pos++;
          return a;
        }
        a.push(this.value());
      }
    }
    if (c === '(') {
      const start = this.pos;
      let depth = 0;
      for (; this.pos < s.length; this.pos++) {
        const x = s[this.pos];
        if (x === '\\') this.pos++;
        else if (x === '(') depth++;
        else if (x === ')' && --depth === 0) break;
      }
      this.pos++;
      return new PdfString(s.slice(start, this.pos));
    }
    if (c === '<') {
      const end = s.indexOf('>', this.pos);
      const raw = s.slice(this.pos, end + 1);
      this.pos = end + 1;
      return new PdfString(raw);
    }
    if (c === '/') {
      const start = ++this.pos;
      while (this.pos < s.length && !WS.has(s.charCodeAt(this.pos)) && !DELIM.has(s.charCodeAt(this.pos))) this.pos++;
      return new PdfName(s.slice(start, this.pos));
    }
    const m = /^[+-]?(\d+\.?\d*|\.\d+)/.exec(s.slice(this.pos, this.pos + 40));
    if (m) {
      this.pos += m[0].length;
      // `N G R` is a reference: look ahead without consuming anything else.
      const ref = /^\s+(\d+)\s+R(?![^\s/<>[\]()%])/.exec(s.slice(this.pos, this.pos + 24));
      if (ref && /^\d+$/.test(m[0])) {
        this.pos += ref[0].length;
        return new PdfRef(Number(m[0]), Number(ref[1]));
      }
      return new PdfNumber(m[0]);
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (s.startsWith(word, this.pos)) {
        this.pos += word.length;
        return v;
      }
    }
    throw new Error(`PDF: unexpected "${s.slice(this.pos, this.pos + 12)}" at offset ${this.pos}`);
  }
}

/** Writes a value back as PDF syntax. */
export function writeValue(v: PdfValue): string {
  if (v === null) return 'null';
  if (v === true || v === false) return String(v);
  if (v instanceof PdfName) return `/${v.name}`;
  if (v instanceof PdfString || v instanceof PdfNumber) return v.raw;
  if (v instanceof PdfRef) return `${v.num} ${v.gen} R`;
  if (Array.isArray(v)) return `[${v.map(writeValue).join(' ')}]`;
  let out = '<<';
  for (const [k, x] of v) out += `\n/${k} ${writeValue(x)}`;
  return out + '\n>>';
}

/** A copy of `v` with `f` applied to every reference, and `onDict` to every dictionary first. */
export function mapValue(v: PdfValue, f: (r: PdfRef) => PdfValue, onDict?: (d: PdfDict) => PdfDict): PdfValue {
  if (v instanceof PdfRef) return f(v);
  if (Array.isArray(v)) return v.map((x) => mapValue(x, f, onDict));
  if (v instanceof Map) {
    const d = onDict ? onDict(v) : v;
    const out: PdfDict = new Map();
    for (const [k, x] of d) out.set(k, mapValue(x, f, onDict));
    return out;
  }
  return v;
}
