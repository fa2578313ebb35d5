// A machine checker for the parts of PDF/UA-1 (ISO 14289-1) and the Matterhorn Protocol that a
// program can decide on its own. It reads the file with pdf-lib (objects, xref, object streams,
// stream filters) and does everything PDF/UA-specific itself: catalog and XMP, the structure
// tree, the parent tree in both directions, annotations, every page's content stream (marked
// content around every painting operator) and fonts.
//
// Not checked here, because no program can decide them (they need a human, helped by PAC or
// veraPDF): whether text is drawn as outlines or as an image of text (skipped: a glyph-shaped
// path is just a path, so "text as outlines" is not machine-checkable), whether the reading
// order and the tag chosen for each piece of content are right, whether artifacts really are
// decoration, whether Alt text, link /Contents and the title are meaningful, colour and
// contrast, and whether headings really are headings. Form XObjects are not descended into:
// their content inherits the marked content around the Do operator, which is checked.
//
// Each failure is one line: "<check>: <what is wrong> (<where>)".
import {
  decodePDFRawStream,
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  type PDFContext,
} from 'pdf-lib';

export interface PdfUaResult {
  ok: boolean;
  failures: string[];
  /** What the checker looked at, so a test can tell a real pass from a vacuous one. */
  stats: PdfUaStats;
}

export interface PdfUaStats {
  pages: number;
  structElems: number;
  /** Marked-content sequences with an MCID, over all pages. */
  mcids: number;
  /** Text, path-painting and XObject/shading/inline-image operators, over all pages. */
  paintOps: number;
  annots: number;
  fonts: number;
}

/** Standard structure types of ISO 32000-1, 14.8.4 (PDF 1.7, the basis of PDF/UA-1). */
const STANDARD_TYPES = new Set([
  'Document', 'Part', 'Art', 'Sect', 'Div', 'BlockQuote', 'Caption', 'TOC', 'TOCI', 'Index',
  'NonStruct', 'Private', 'P', 'H', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'L', 'LI', 'Lbl', 'LBody',
  'Table', 'TR', 'TH', 'TD', 'THead', 'TBody', 'TFoot', 'Span', 'Quote', 'Note', 'Reference',
  'BibEntry', 'Code', 'Link', 'Annot', 'Ruby', 'RB', 'RT', 'RP', 'Warichu', 'WT', 'WP', 'Figure',
  'Formula', 'Form',
]);

const STANDARD_14 = new Set([
  'Times-Roman', 'Times-Bold', 'Times-Italic', 'Times-BoldItalic', 'Helvetica', 'Helvetica-Bold',
  'Helvetica-Oblique', 'Helvetica-BoldOblique', 'Courier', 'Courier-Bold', 'Courier-Oblique',
  'Courier-BoldOblique', 'Symbol', 'ZapfDingbats',
]);

const TEXT_OPS = new Set(['Tj', 'TJ', "'", '"']);
const PATH_PAINT_OPS = new Set(['f', 'F', 'f*', 'S', 's', 'B', 'B*', 'b', 'b*']);
/** Other operators that put marks on the page: XObjects, shadings, inline images (BI…ID…EI). */
const OTHER_PAINT_OPS = new Set(['Do', 'sh', 'EI']);

/** Allowed structure children (after role mapping); 'MC' stands for marked content / OBJR kids. */
const ALLOWED_KIDS: Record<string, Set<string>> = {
  Table: new Set(['TR', 'THead', 'TBody', 'TFoot', 'Caption']),
  THead: new Set(['TR']),
  TBody: new Set(['TR']),
  TFoot: new Set(['TR']),
  TR: new Set(['TH', 'TD']),
  L: new Set(['LI', 'Caption']),
  LI: new Set(['Lbl', 'LBody']),
};
/** Allowed parents (after role mapping) for elements that only make sense in one place. */
const ALLOWED_PARENTS: Record<string, Set<string>> = {
  TR: new Set(['Table', 'THead', 'TBody', 'TFoot']),
  TH: new Set(['TR']),
  TD: new Set(['TR']),
  THead: new Set(['Table']),
  TBody: new Set(['Table']),
  TFoot: new Set(['Table']),
  LI: new Set(['L']),
  LBody: new Set(['LI']),
};

// ---------------------------------------------------------------------------------------------
// Small accessors over pdf-lib objects

type Ctx = PDFContext;

function deref(ctx: Ctx, o: PDFObject | undefined): PDFObject | undefined {
  let cur = o;
  for (let i = 0; i < 8 && cur instanceof PDFRef; i++) cur = ctx.lookup(cur);
  return cur instanceof PDFRef ? undefined : cur;
}
function dictOf(ctx: Ctx, o: PDFObject | undefined): PDFDict | undefined {
  const d = deref(ctx, o);
  if (d instanceof PDFDict) return d;
  if (d instanceof PDFStream) return d.dict;
  return undefined;
}
function arrOf(ctx: Ctx, o: PDFObject | undefined): PDFArray | undefined {
  const a = deref(ctx, o);
  return a instanceof PDFArray ? a : undefined;
}
function get(ctx: Ctx, d: PDFDict | undefined, key: string): PDFObject | undefined {
  return d ? deref(ctx, d.get(PDFName.of(key))) : undefined;
}
function nameOf(ctx: Ctx, o: PDFObject | undefined): string | undefined {
  const n = deref(ctx, o);
  return n instanceof PDFName ? n.decodeText() : undefined;
}
function getName(ctx: Ctx, d: PDFDict | undefined, key: string): string | undefined {
  return nameOf(ctx, get(ctx, d, key));
}
function numOf(ctx: Ctx, o: PDFObject | undefined): number | undefined {
  const n = deref(ctx, o);
  return n instanceof PDFNumber ? n.asNumber() : undefined;
}
function textOf(ctx: Ctx, o: PDFObject | undefined): string | undefined {
  const s = deref(ctx, o);
  return s instanceof PDFString || s instanceof PDFHexString ? s.decodeText() : undefined;
}
function kidsOf(ctx: Ctx, o: PDFObject | undefined): PDFObject[] {
  if (o === undefined) return [];
  const d = deref(ctx, o);
  // Keep the reference itself (not the dereferenced object) so identities survive.
  if (d instanceof PDFArray) return d.asArray();
  return [o];
}
function objLabel(ref: PDFRef | undefined): string {
  return ref ? `object ${ref.objectNumber}` : 'direct object';
}

function streamBytes(ctx: Ctx, o: PDFObject | undefined): Uint8Array | undefined {
  const s = deref(ctx, o);
  if (s instanceof PDFRawStream) return decodePDFRawStream(s).decode();
  if (s instanceof PDFStream) return s.getContents();
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Content-stream tokenizer

class CName {
  constructor(readonly v: string) {}
}
class CStr {
  constructor(readonly raw: Uint8Array) {}
}
class CDict {
  constructor(readonly m: Map<string, Operand>) {}
}
type Operand = number | boolean | null | CName | CStr | CDict | Operand[];

const isWs = (c: number) => c === 0 || c === 9 || c === 10 || c === 12 || c === 13 || c === 32;
const isDelim = (c: number) =>
  c === 0x28 || c === 0x29 || c === 0x3c || c === 0x3e || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x2f || c === 0x25;

type Tok = { k: 'val'; v: Operand } | { k: 'op'; v: string } | { k: 'close'; v: string };

/**
 * Calls onOp for every operator in a content stream, with its operands. Handles comments,
 * literal strings (escapes, nested parentheses), hex strings, dictionaries, arrays, names with
 * #xx escapes, numbers and inline images (BI … ID <binary> EI, reported as one 'EI' operator).
 * Tolerant: malformed input ends the scan, it never throws.
 */
export function scanContent(b: Uint8Array, onOp: (op: string, args: Operand[]) => void): void {
  const n = b.length;
  let i = 0;
  const skipWs = () => {
    for (;;) {
      while (i < n && isWs(b[i])) i++;
      if (i < n && b[i] === 0x25) {
        while (i < n && b[i] !== 10 && b[i] !== 13) i++;
      } else return;
    }
  };
  const readRegular = (): string => {
    const s = i;
    while (i < n && !isWs(b[i]) && !isDelim(b[i])) i++;
    return String.fromCharCode(...b.subarray(s, i));
  };
  const next = (depth: number): Tok | null => {
    skipWs();
    if (i >= n) return null;
    const c = b[i];
    if (c === 0x28) {
      // literal string
      const s = ++i;
      let level = 1;
      while (i < n) {
        const ch = b[i];
        if (ch === 0x5c) i += 2;
        else {
          if (ch === 0x28) level++;
          else if (ch === 0x29 && --level === 0) break;
          i++;
        }
      }
      const raw = b.subarray(s, Math.min(i, n));
      i++;
      return { k: 'val', v: new CStr(raw) };
    }
    if (c === 0x3c) {
      if (b[i + 1] === 0x3c) {
        i += 2;
        const m = new Map<string, Operand>();
        let key: string | undefined;
        for (;;) {
          if (depth > 64) return null;
          const t = next(depth + 1);
          if (t === null || (t.k === 'close' && t.v === '>>')) break;
          if (t.k !== 'val') continue;
          if (key === undefined) {
            if (t.v instanceof CName) key = t.v.v;
          } else {
            m.set(key, t.v);
            key = undefined;
          }
        }
        return { k: 'val', v: new CDict(m) };
      }
      const s = ++i;
      while (i < n && b[i] !== 0x3e) i++;
      const raw = b.subarray(s, i);
      i++;
      return { k: 'val', v: new CStr(raw) };
    }
    if (c === 0x3e) {
      i += b[i + 1] === 0x3e ? 2 : 1;
      return { k: 'close', v: '>>' };
    }
    if (c === 0x5b) {
      i++;
      const arr: Operand[] = [];
      for (;;) {
        if (depth > 64) return null;
        const t = next(depth + 1);
        if (t === null || (t.k === 'close' && t.v === ']')) break;
        if (t.k === 'val') arr.push(t.v);
      }
      return { k: 'val', v: arr };
    }
    if (c === 0x5d) {
      i++;
      return { k: 'close', v: ']' };
    }
    if (c === 0x29 || c === 0x7b || c === 0x7d) {
      i++;
      return { k: 'op', v: String.fromCharCode(c) };
    }
    if (c === 0x2f) {
      i++;
      const raw = readRegular();
      return { k: 'val', v: new CName(raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)))) };
    }
    const word = readRegular();
    if (word === '') {
      i++;
      return { k: 'op', v: '' };
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(word)) return { k: 'val', v: Number(word) };
    if (word === 'true' || word === 'false') return { k: 'val', v: word === 'true' };
    if (word === 'null') return { k: 'val', v: null };
    return { k: 'op', v: word };
  };

  let args: Operand[] = [];
  for (;;) {
    const t = next(0);
    if (t === null) return;
    if (t.k === 'val') {
      args.push(t.v);
      continue;
    }
    if (t.k === 'close') continue;
    if (t.v === 'BI') {
      // Inline image: key/value pairs up to ID, then binary data up to whitespace + EI.
      for (;;) {
        const u = next(0);
        if (u === null) return;
        if (u.k === 'op' && u.v === 'ID') break;
      }
      i++; // the single whitespace byte after ID
      let j = i;
      while (j + 1 < n && !(b[j] === 0x45 && b[j + 1] === 0x49 && isWs(b[j - 1]) && (j + 2 >= n || isWs(b[j + 2]) || isDelim(b[j + 2])))) j++;
      i = Math.min(n, j + 2);
      onOp('EI', []);
      args = [];
      continue;
    }
    onOp(t.v, args);
    args = [];
  }
}

// ---------------------------------------------------------------------------------------------
// A small, strict XML well-formedness checker and tree (enough for XMP packets)

interface XmlEl {
  name: string;
  ns: string | undefined;
  local: string;
  attrs: { name: string; ns: string | undefined; local: string; value: string }[];
  children: XmlEl[];
  text: string;
}

const XML_NAME = /^[A-Za-z_:\u00C0-\uFFFF][\w.:\u00B7\u00C0-\uFFFF-]*$/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(s: string, where: string, errors: string[]): string {
  return s.replace(/&([^;&<\s]*)(;?)/g, (m, body: string, semi: string, at: number) => {
    if (semi === ';') {
      if (body in PREDEFINED) return PREDEFINED[body];
      const num = /^#(\d+)$/.exec(body) ?? /^#x([0-9a-fA-F]+)$/.exec(body);
      if (num) {
        const cp = parseInt(num[1], body[1] === 'x' ? 16 : 10);
        if (cp > 0 && cp <= 0x10ffff) return String.fromCodePoint(cp);
      }
    }
    errors.push(`raw '&' not starting a valid entity ("${s.slice(Math.max(0, at - 12), at + 12).replace(/\s+/g, ' ')}") in ${where}`);
    return m;
  });
}

/** Parses XML; returns the root element, and pushes every well-formedness error found. */
function parseXml(src: string, errors: string[]): XmlEl | undefined {
  let i = 0;
  const n = src.length;
  const stack: { el: XmlEl; nsMap: Map<string, string> }[] = [];
  let root: XmlEl | undefined;
  const lineOf = (p: number) => src.slice(0, p).split('\n').length;
  const resolve = (qname: string, nsMap: Map<string, string>, isAttr: boolean) => {
    const c = qname.indexOf(':');
    const prefix = c < 0 ? '' : qname.slice(0, c);
    const local = c < 0 ? qname : qname.slice(c + 1);
    if (prefix === 'xml') return { ns: 'http://www.w3.org/XML/1998/namespace', local };
    if (prefix === 'xmlns' || (prefix === '' && qname === 'xmlns')) return { ns: 'xmlns', local };
    if (prefix === '' && isAttr) return { ns: undefined, local };
    const ns = nsMap.get(prefix);
    if (prefix !== '' && ns === undefined) errors.push(`undeclared namespace prefix "${prefix}" (line ${lineOf(i)})`);
    return { ns, local };
  };
  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.el.text += decodeEntities(t, `text (line ${lineOf(i)})`, errors);
    else if (t.trim() !== '') errors.push(`text outside the root element (line ${lineOf(i)})`);
  };
  while (i < n) {
    const lt = src.indexOf('<', i);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > i) {
      const t = src.slice(i, textEnd);
      if (t.includes(']]>')) errors.push(`"]]>" in text (line ${lineOf(i)})`);
      addText(t);
    }
    if (lt < 0) break;
    i = lt;
    if (src.startsWith('<?', i)) {
      const e = src.indexOf('?>', i + 2);
      if (e < 0) {
        errors.push(`unterminated processing instruction (line ${lineOf(i)})`);
        break;
      }
      i = e + 2;
      continue;
    }
    if (src.startsWith('<!--', i)) {
      const e = src.indexOf('-->', i + 4);
      if (e < 0) {
        errors.push(`unterminated comment (line ${lineOf(i)})`);
        break;
      }
      i = e + 3;
      continue;
    }
    if (src.startsWith('<![CDATA[', i)) {
      const e = src.indexOf(']]>', i + 9);
      if (e < 0 || stack.length === 0) {
        errors.push(`bad CDATA section (line ${lineOf(i)})`);
        break;
      }
      stack[stack.length - 1].el.text += src.slice(i + 9, e);
      i = e + 3;
      continue;
    }
    if (src.startsWith('<!', i)) {
      errors.push(`DOCTYPE or markup declaration not allowed in XMP (line ${lineOf(i)})`);
      const e = src.indexOf('>', i);
      i = e < 0 ? n : e + 1;
      continue;
    }
    if (src.startsWith('</', i)) {
      const m = /^<\/([^\s>]*)\s*>/.exec(src.slice(i, i + 300));
      if (!m) {
        errors.push(`malformed end tag (line ${lineOf(i)})`);
        return undefined;
      }
      const top = stack.pop();
      if (!top) errors.push(`end tag </${m[1]}> without start tag (line ${lineOf(i)})`);
      else if (top.el.name !== m[1]) {
        errors.push(`end tag </${m[1]}> does not match <${top.el.name}> (line ${lineOf(i)})`);
        return undefined;
      }
      i += m[0].length;
      continue;
    }
    // start tag
    const nm = /^<([^\s/>=<"']+)/.exec(src.slice(i, i + 300));
    if (!nm || !XML_NAME.test(nm[1])) {
      errors.push(`raw '<' not starting a tag (line ${lineOf(i)})`);
      i++;
      continue;
    }
    const name = nm[1];
    i += nm[0].length;
    const rawAttrs: { name: string; value: string }[] = [];
    let selfClosing = false;
    let closed = false;
    while (i < n) {
      while (i < n && /\s/.test(src[i])) i++;
      if (src.startsWith('/>', i)) {
        selfClosing = true;
        closed = true;
        i += 2;
        break;
      }
      if (src[i] === '>') {
        closed = true;
        i++;
        break;
      }
      const am = /^([^\s/>=<"']+)\s*=\s*(["'])/.exec(src.slice(i, i + 300));
      if (!am || !XML_NAME.test(am[1])) {
        errors.push(`malformed attribute in <${name}> (line ${lineOf(i)})`);
        return undefined;
      }
      i += am[0].length;
      const close = src.indexOf(am[2], i);
      if (close < 0) {
        errors.push(`unterminated attribute value in <${name}> (line ${lineOf(i)})`);
        return undefined;
      }
      const rawVal = src.slice(i, close);
      if (rawVal.includes('<')) errors.push(`raw '<' in attribute ${am[1]} of <${name}> (line ${lineOf(i)})`);
      if (rawAttrs.some((a) => a.name === am[1])) errors.push(`duplicate attribute ${am[1]} in <${name}> (line ${lineOf(i)})`);
      rawAttrs.push({ name: am[1], value: decodeEntities(rawVal, `attribute ${am[1]} (line ${lineOf(i)})`, errors) });
      i = close + 1;
      if (i < n && !/[\s/>]/.test(src[i])) errors.push(`missing whitespace after attribute ${am[1]} in <${name}> (line ${lineOf(i)})`);
    }
    if (!closed) {
      errors.push(`unterminated start tag <${name}>`);
      return undefined;
    }
    const parentMap = stack.length ? stack[stack.length - 1].nsMap : new Map<string, string>();
    const nsMap = new Map(parentMap);
    for (const a of rawAttrs) {
      if (a.name === 'xmlns') nsMap.set('', a.value);
      else if (a.name.startsWith('xmlns:')) nsMap.set(a.name.slice(6), a.value);
    }
    const r = resolve(name, nsMap, false);
    const el: XmlEl = {
      name,
      ns: r.ns,
      local: r.local,
      attrs: rawAttrs.map((a) => ({ ...a, ...resolve(a.name, nsMap, true) })),
      children: [],
      text: '',
    };
    if (stack.length) stack[stack.length - 1].el.children.push(el);
    else if (root) errors.push(`more than one root element (<${name}>, line ${lineOf(i)})`);
    else root = el;
    if (!selfClosing) stack.push({ el, nsMap });
  }
  for (const open of stack.reverse()) errors.push(`element <${open.el.name}> is never closed`);
  if (!root) errors.push('no root element');
  return root;
}

function* xmlWalk(el: XmlEl): Generator<XmlEl> {
  yield el;
  for (const c of el.children) yield* xmlWalk(c);
}

const NS_DC = 'http://purl.org/dc/elements/1.1/';
const NS_PDFUAID = 'http://www.aiim.org/pdfua/ns/id/';
const NS_RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

// ---------------------------------------------------------------------------------------------
// The checker

interface StructElem {
  ref: PDFRef | undefined;
  dict: PDFDict;
  /** /S as written. */
  raw: string;
  /** /S after role mapping (undefined if it maps to nothing standard). */
  type: string | undefined;
  parent: StructElem | undefined;
  kids: StructElem[];
  /** Kinds of non-element kids: marked content and object references. */
  contentKids: number;
  objrs: { annot: PDFObject | undefined; pg: PDFObject | undefined }[];
}

export async function checkPdfUa(pdf: Buffer | Uint8Array): Promise<PdfUaResult> {
  const failures: string[] = [];
  const fail = (check: string, msg: string) => failures.push(`${check}: ${msg}`);
  const stats: PdfUaStats = { pages: 0, structElems: 0, mcids: 0, paintOps: 0, annots: 0, fonts: 0 };
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(pdf, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: true });
  } catch (e) {
    fail('parse', `pdf-lib could not read the file (${(e as Error).message})`);
    return { ok: false, failures, stats };
  }
  const ctx = doc.context;
  const catalog = dictOf(ctx, ctx.trailerInfo.Root);
  if (!catalog) {
    fail('catalog', 'no document catalog');
    return { ok: false, failures, stats };
  }

  checkEncryption(ctx, fail);
  checkCatalog(ctx, catalog, fail);
  checkMetadata(ctx, catalog, fail);

  // Pages
  const pages = doc.getPages();
  const pageNo = new Map<number, number>(); // page object number -> 1-based page number
  pages.forEach((p, k) => pageNo.set(p.ref.objectNumber, k + 1));
  const pageLabel = (o: PDFObject | undefined) => {
    const pn = o instanceof PDFRef ? pageNo.get(o.objectNumber) : undefined;
    return pn === undefined ? 'an unknown page' : `page ${pn}`;
  };

  // Structure tree
  const str = checkStructTree(ctx, catalog, fail);

  // Parent tree
  const structRoot = dictOf(ctx, catalog.get(PDFName.of('StructTreeRoot')));
  const parentTree = new Map<number, PDFObject | undefined>();
  if (structRoot) {
    const pt = structRoot.get(PDFName.of('ParentTree'));
    if (pt === undefined) fail('parent-tree', 'StructTreeRoot has no /ParentTree');
    else readNumberTree(ctx, pt, parentTree, fail, 0);
    const next = numOf(ctx, get(ctx, structRoot, 'ParentTreeNextKey'));
    const maxKey = Math.max(-1, ...parentTree.keys());
    if (next !== undefined && next <= maxKey) fail('parent-tree', `/ParentTreeNextKey ${next} is not greater than the largest key ${maxKey}`);
  }
  const elemByObj = new Map<number, StructElem>();
  for (const e of str.elems) if (e.ref) elemByObj.set(e.ref.objectNumber, e);
  const sameElem = (o: PDFObject | undefined, e: StructElem) =>
    (o instanceof PDFRef && e.ref && o.objectNumber === e.ref.objectNumber) || deref(ctx, o) === e.dict;
  const elemFor = (o: PDFObject | undefined) =>
    o instanceof PDFRef ? elemByObj.get(o.objectNumber) : str.elems.find((e) => e.dict === deref(ctx, o));
  const usedParentKeys = new Map<number, string>();
  const claimKey = (key: number, who: string) => {
    const prev = usedParentKeys.get(key);
    if (prev) fail('parent-tree', `key ${key} is used by both ${prev} and ${who}`);
    else usedParentKeys.set(key, who);
  };

  // Fonts referenced directly (not as indirect objects) from page resources.
  const directFonts: { dict: PDFDict; where: string }[] = [];

  const annotPage = new Map<number, number>(); // annotation object number -> page number
  pages.forEach((page, k) => {
    const pn = k + 1;
    const node = page.node;
    const tabs = nameOf(ctx, node.get(PDFName.of('Tabs')));
    if (tabs !== 'S') fail('page-tabs', `page ${pn} has ${tabs ? `/Tabs /${tabs}` : 'no /Tabs'}, PDF/UA needs /Tabs /S`);

    const resources = node.Resources();
    const fontRes = dictOf(ctx, resources?.get(PDFName.of('Font')));
    for (const [fname, fobj] of fontRes?.entries() ?? []) {
      if (!(fobj instanceof PDFRef)) {
        const fd = dictOf(ctx, fobj);
        if (fd) directFonts.push({ dict: fd, where: `font ${fname.decodeText()} on page ${pn}` });
      }
    }

    // Content
    let bytes: Uint8Array[];
    try {
      bytes = kidsOf(ctx, node.get(PDFName.of('Contents'))).map((c) => streamBytes(ctx, c) ?? new Uint8Array());
    } catch (e) {
      fail('content', `page ${pn}: cannot decode the content stream (${(e as Error).message})`);
      return;
    }
    const total = bytes.reduce((s, b) => s + b.length + 1, 0);
    const all = new Uint8Array(total);
    let off = 0;
    for (const b of bytes) {
      all.set(b, off);
      all[off + b.length] = 10;
      off += b.length + 1;
    }
    const usedMcids = checkContent(ctx, all, resources, pn, fail, stats);

    // MCIDs <-> parent tree <-> structure elements
    const sp = numOf(ctx, node.get(PDFName.of('StructParents')));
    if (sp !== undefined) claimKey(sp, `page ${pn}`);
    const fromStruct = str.mcidRefs.get(page.ref.objectNumber) ?? new Map<number, StructElem[]>();
    if (usedMcids.size > 0) {
      if (sp === undefined) fail('parent-tree', `page ${pn} uses MCIDs but has no /StructParents`);
      else {
        const arr = arrOf(ctx, parentTree.get(sp));
        if (!arr) fail('parent-tree', `page ${pn}: ParentTree entry ${sp} is not an array`);
        else {
          const maxMcid = Math.max(...usedMcids);
          if (arr.size() < maxMcid + 1) fail('parent-tree', `page ${pn}: ParentTree array has ${arr.size()} entries, MCIDs go up to ${maxMcid}`);
          const nulls: number[] = [];
          for (let m = 0; m < arr.size(); m++) if (!dictOf(ctx, arr.get(m))) nulls.push(m);
          if (nulls.length) fail('parent-tree', `page ${pn}: ParentTree entries for MCID ${fmtList(nulls)} are null or not structure elements`);
          for (const m of usedMcids) {
            const entry = m < arr.size() ? arr.get(m) : undefined;
            const owners = fromStruct.get(m) ?? [];
            if (owners.length === 0) fail('mcid-orphan', `page ${pn}: MCID ${m} is in the content but no structure element refers to it`);
            else if (entry !== undefined && dictOf(ctx, entry) && !owners.some((o) => sameElem(entry, o)))
              fail('parent-tree', `page ${pn}: ParentTree says MCID ${m} belongs to ${describeObj(entry)}, the structure tree says ${owners.map(label).join(', ')}`);
          }
        }
      }
    }
    for (const [m, owners] of fromStruct) {
      if (!usedMcids.has(m)) fail('struct-mcid-missing', `${owners.map(label).join(', ')} refers to MCID ${m} on page ${pn}, which its content does not contain`);
      if (owners.length > 1) fail('mcid-multiple-parents', `MCID ${m} on page ${pn} is claimed by ${owners.map(label).join(', ')}`);
    }

    // Annotations
    for (const a of kidsOf(ctx, node.get(PDFName.of('Annots')))) {
      const ad = dictOf(ctx, a);
      if (!ad) continue;
      stats.annots++;
      const where = `${objLabel(a instanceof PDFRef ? a : undefined)} on page ${pn}`;
      if (a instanceof PDFRef) annotPage.set(a.objectNumber, pn);
      const sub = getName(ctx, ad, 'Subtype');
      if (sub === 'Popup') continue;
      if (sub === 'PrinterMark' || sub === 'TrapNet') {
        fail('annot-forbidden', `${sub} annotation (${where})`);
        continue;
      }
      const key = numOf(ctx, get(ctx, ad, 'StructParent'));
      const contents = textOf(ctx, get(ctx, ad, 'Contents'));
      if (key === undefined) {
        fail(sub === 'Link' ? 'link-structparent' : 'annot-tagged', `${sub ?? 'untyped'} annotation without /StructParent (${where})`);
      } else {
        claimKey(key, `annotation ${where}`);
        const owner = parentTree.get(key);
        const e = elemFor(owner);
        if (!e) fail('parent-tree', `${sub} annotation's /StructParent ${key} does not lead to a structure element (${where})`);
        else {
          const wanted = sub === 'Link' ? 'Link' : sub === 'Widget' ? 'Form' : 'Annot';
          if (e.type !== wanted) fail(sub === 'Link' ? 'link-struct' : 'annot-struct', `${sub} annotation belongs to ${label(e)}, not a ${wanted} element (${where})`);
          const objrPoints = e.objrs.some((o) => (o.annot instanceof PDFRef && a instanceof PDFRef ? o.annot.objectNumber === a.objectNumber : deref(ctx, o.annot) === ad));
          if (!objrPoints) fail('objr', `${label(e)} has no OBJR for the ${sub} annotation that names it as parent (${where})`);
        }
      }
      if (sub !== 'Widget' && !(contents && contents.trim())) fail(sub === 'Link' ? 'link-contents' : 'annot-contents', `${sub} annotation without a non-empty /Contents (${where})`);
      if (sub === 'Link') {
        const action = dictOf(ctx, ad.get(PDFName.of('A')));
        if (action && getName(ctx, action, 'S') === 'URI') {
          const uri = textOf(ctx, get(ctx, action, 'URI')) ?? '';
          if (!/^(https?|mailto):/i.test(uri)) fail('link-uri', `URI "${uri.slice(0, 80)}" is not http, https or mailto (${where})`);
        }
      }
    }
  });

  for (const [pg, m] of str.mcidRefs) {
    if (!pageNo.has(pg)) for (const owners of m.values()) fail('struct-pg', `${owners.map(label).join(', ')} refers to marked content on object ${pg}, which is not a page`);
  }

  // OBJRs point at annotations on the page they name
  for (const e of str.elems) {
    for (const o of e.objrs) {
      const ad = dictOf(ctx, o.annot);
      if (!ad) {
        fail('objr', `OBJR in ${label(e)} does not point at an object`);
        continue;
      }
      const isAnnot = getName(ctx, ad, 'Type') === 'Annot' || getName(ctx, ad, 'Subtype') !== undefined;
      if (!isAnnot) continue;
      const onPage = o.annot instanceof PDFRef ? annotPage.get(o.annot.objectNumber) : undefined;
      if (onPage === undefined) fail('objr', `OBJR in ${label(e)} points at an annotation that no page lists in /Annots`);
      else if (o.pg instanceof PDFRef && pageNo.get(o.pg.objectNumber) !== onPage)
        fail('objr-page', `OBJR in ${label(e)} says ${pageLabel(o.pg)}, but the annotation (${objLabel(o.annot as PDFRef)}) is on page ${onPage}`);
    }
    if (e.type === 'Link' && !e.objrs.some((o) => getName(ctx, dictOf(ctx, o.annot), 'Subtype') === 'Link'))
      fail('link-objr', `${label(e)} has no OBJR child pointing at a Link annotation`);
  }

  stats.fonts = checkFonts(ctx, directFonts, fail);

  stats.pages = pages.length;
  stats.structElems = str.elems.length;
  return { ok: failures.length === 0, failures, stats };
}

function fmtList(xs: number[]): string {
  return xs.length > 8 ? `${xs.slice(0, 8).join(', ')}, … (${xs.length} in all)` : xs.join(', ');
}
function label(e: StructElem): string {
  return `${e.raw}${e.type && e.type !== e.raw ? `→${e.type}` : ''} element (${objLabel(e.ref)})`;
}
function describeObj(o: PDFObject | undefined): string {
  return o instanceof PDFRef ? `object ${o.objectNumber}` : 'a direct object';
}

function checkEncryption(ctx: Ctx, fail: (c: string, m: string) => void): void {
  const enc = dictOf(ctx, ctx.trailerInfo.Encrypt);
  if (!enc) return;
  const p = numOf(ctx, get(ctx, enc, 'P')) ?? 0;
  if (!(p & (1 << 9))) fail('encrypt', 'document is encrypted without permission bit 10 (content extraction for accessibility) set');
  fail('encrypt', 'document is encrypted; strings were not decrypted, so text checks below may be wrong');
}

function checkCatalog(ctx: Ctx, catalog: PDFDict, fail: (c: string, m: string) => void): void {
  const markInfo = dictOf(ctx, catalog.get(PDFName.of('MarkInfo')));
  const marked = get(ctx, markInfo, 'Marked');
  if (!markInfo) fail('markinfo', 'catalog has no /MarkInfo');
  else if (!(marked instanceof PDFBool && marked.asBoolean())) fail('markinfo', '/MarkInfo /Marked is not true');
  const suspects = get(ctx, markInfo, 'Suspects');
  if (suspects instanceof PDFBool && suspects.asBoolean()) fail('markinfo', '/MarkInfo /Suspects is true (Matterhorn 01-007)');

  const lang = textOf(ctx, get(ctx, catalog, 'Lang'));
  if (lang === undefined) fail('lang', 'catalog has no /Lang');
  else if (!lang.trim()) fail('lang', 'catalog /Lang is empty');
  else if (!/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(lang)) fail('lang', `catalog /Lang "${lang}" is not a BCP 47 language tag`);

  if (!dictOf(ctx, catalog.get(PDFName.of('StructTreeRoot')))) fail('struct-root', 'catalog has no /StructTreeRoot');

  const vp = dictOf(ctx, catalog.get(PDFName.of('ViewerPreferences')));
  const ddt = get(ctx, vp, 'DisplayDocTitle');
  if (!vp) fail('display-doc-title', 'catalog has no /ViewerPreferences (Matterhorn 07-001)');
  else if (ddt === undefined) fail('display-doc-title', '/ViewerPreferences has no /DisplayDocTitle (Matterhorn 07-001)');
  else if (!(ddt instanceof PDFBool && ddt.asBoolean())) fail('display-doc-title', '/ViewerPreferences /DisplayDocTitle is not true (Matterhorn 07-002)');

  // Optional content configurations need names.
  const ocp = dictOf(ctx, catalog.get(PDFName.of('OCProperties')));
  if (ocp) {
    const configs = [get(ctx, ocp, 'D'), ...(arrOf(ctx, ocp.get(PDFName.of('Configs')))?.asArray() ?? [])];
    for (const c of configs) {
      const cd = dictOf(ctx, c);
      if (cd && !textOf(ctx, get(ctx, cd, 'Name'))?.trim()) fail('ocg-name', 'an optional content configuration has no /Name');
      if (cd && get(ctx, cd, 'AS')) fail('ocg-as', 'an optional content configuration has an /AS key');
    }
  }
  // Dynamic XFA forms are not allowed.
  const acro = dictOf(ctx, catalog.get(PDFName.of('AcroForm')));
  const nr = get(ctx, acro, 'NeedsRendering');
  if (nr instanceof PDFBool && nr.asBoolean()) fail('xfa', 'AcroForm /NeedsRendering is true (dynamic XFA)');
}

function checkMetadata(ctx: Ctx, catalog: PDFDict, fail: (c: string, m: string) => void): void {
  const info = dictOf(ctx, ctx.trailerInfo.Info);
  const infoTitle = textOf(ctx, get(ctx, info, 'Title'));
  const metaObj = deref(ctx, catalog.get(PDFName.of('Metadata')));
  if (!(metaObj instanceof PDFStream)) {
    fail('xmp', 'catalog has no /Metadata stream (Matterhorn 06-001)');
    return;
  }
  if (getName(ctx, metaObj.dict, 'Type') !== 'Metadata' || getName(ctx, metaObj.dict, 'Subtype') !== 'XML')
    fail('xmp', 'the /Metadata stream is not /Type /Metadata /Subtype /XML');
  let bytes: Uint8Array | undefined;
  try {
    bytes = streamBytes(ctx, metaObj);
  } catch (e) {
    fail('xmp', `cannot decode the /Metadata stream (${(e as Error).message})`);
    return;
  }
  let xml: string;
  try {
    xml = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    fail('xmp-wellformed', 'XMP is not valid UTF-8');
    return;
  }
  const errors: string[] = [];
  const root = parseXml(xml.replace(/^\uFEFF/, ''), errors);
  for (const e of errors.slice(0, 5)) fail('xmp-wellformed', e);
  if (errors.length > 5) fail('xmp-wellformed', `… and ${errors.length - 5} more XML errors`);
  if (!root || errors.length) {
    fail('xmp', 'XMP is not well-formed XML, so pdfuaid:part and dc:title cannot be read');
    return;
  }
  const els = [...xmlWalk(root)];
  const parts = [
    ...els.filter((e) => e.ns === NS_PDFUAID && e.local === 'part').map((e) => e.text.trim()),
    ...els.flatMap((e) => e.attrs.filter((a) => a.ns === NS_PDFUAID && a.local === 'part').map((a) => a.value.trim())),
  ];
  if (parts.length === 0) fail('xmp-pdfuaid', 'XMP has no pdfuaid:part (Matterhorn 06-002)');
  else if (!parts.includes('1')) fail('xmp-pdfuaid', `XMP pdfuaid:part is ${parts.join(', ')}, not 1 (Matterhorn 06-002)`);

  const titleEl = els.find((e) => e.ns === NS_DC && e.local === 'title');
  if (!titleEl) {
    fail('xmp-title', 'XMP has no dc:title (Matterhorn 06-003)');
    return;
  }
  const lis = [...xmlWalk(titleEl)].filter((e) => e.ns === NS_RDF && e.local === 'li');
  const li = lis.find((e) => e.attrs.some((a) => a.local === 'lang' && a.value === 'x-default')) ?? lis[0];
  const title = li ? li.text : titleEl.text;
  if (!title.trim()) {
    fail('xmp-title', 'XMP dc:title is empty');
    return;
  }
  if (infoTitle === undefined) fail('title-match', 'Info dictionary has no /Title to match XMP dc:title');
  else if (infoTitle !== title) fail('title-match', `XMP dc:title "${title.slice(0, 80)}" differs from Info /Title "${infoTitle.slice(0, 80)}"`);
}

function readNumberTree(ctx: Ctx, node: PDFObject, out: Map<number, PDFObject | undefined>, fail: (c: string, m: string) => void, depth: number): void {
  const d = dictOf(ctx, node);
  if (!d || depth > 32) {
    fail('parent-tree', 'malformed ParentTree number tree');
    return;
  }
  const nums = arrOf(ctx, d.get(PDFName.of('Nums')));
  if (nums) {
    for (let k = 0; k + 1 < nums.size(); k += 2) {
      const key = numOf(ctx, nums.get(k));
      if (key === undefined) fail('parent-tree', 'non-numeric key in ParentTree');
      else {
        if (out.has(key)) fail('parent-tree', `duplicate ParentTree key ${key}`);
        out.set(key, nums.get(k + 1));
      }
    }
  }
  for (const kid of arrOf(ctx, d.get(PDFName.of('Kids')))?.asArray() ?? []) readNumberTree(ctx, kid, out, fail, depth + 1);
}

function checkStructTree(
  ctx: Ctx,
  catalog: PDFDict,
  fail: (c: string, m: string) => void,
): { elems: StructElem[]; mcidRefs: Map<number, Map<number, StructElem[]>> } {
  const elems: StructElem[] = [];
  const mcidRefs = new Map<number, Map<number, StructElem[]>>();
  const structRoot = dictOf(ctx, catalog.get(PDFName.of('StructTreeRoot')));
  if (!structRoot) return { elems, mcidRefs };

  // Role map: no standard type may be remapped; every custom type must end at a standard one.
  const roleMap = dictOf(ctx, structRoot.get(PDFName.of('RoleMap')));
  const roles = new Map<string, string>();
  for (const [k, v] of roleMap?.entries() ?? []) {
    const to = nameOf(ctx, v);
    if (STANDARD_TYPES.has(k.decodeText())) fail('rolemap', `RoleMap remaps the standard type ${k.decodeText()} (Matterhorn 02-004)`);
    if (to) roles.set(k.decodeText(), to);
  }
  const resolveType = (t: string): string | undefined => {
    const chain = new Set<string>();
    for (let cur = t; ; ) {
      if (STANDARD_TYPES.has(cur)) return cur;
      if (chain.has(cur)) return undefined;
      chain.add(cur);
      const nxt = roles.get(cur);
      if (nxt === undefined) return undefined;
      cur = nxt;
    }
  };
  for (const k of roles.keys()) {
    const chain: string[] = [k];
    for (let cur = roles.get(k); cur !== undefined && !STANDARD_TYPES.has(cur); cur = roles.get(cur)) {
      if (chain.includes(cur)) {
        if (cur === k) fail('rolemap', `circular RoleMap entry ${[...chain, cur].join(' → ')} (Matterhorn 02-003)`);
        break;
      }
      chain.push(cur);
    }
  }

  const rootKids = kidsOf(ctx, structRoot.get(PDFName.of('K')));
  if (rootKids.length === 0) fail('struct-root', 'StructTreeRoot has no children');

  const seen = new Set<unknown>();
  const addMcid = (pg: PDFObject | undefined, mcid: number, e: StructElem) => {
    if (!(pg instanceof PDFRef)) {
      fail('struct-pg', `${label(e)} refers to MCID ${mcid} without a /Pg page`);
      return;
    }
    let m = mcidRefs.get(pg.objectNumber);
    if (!m) mcidRefs.set(pg.objectNumber, (m = new Map()));
    const list = m.get(mcid) ?? [];
    list.push(e);
    m.set(mcid, list);
  };
  const pgOf = (e: StructElem | undefined): PDFObject | undefined => {
    for (let cur = e; cur; cur = cur.parent) {
      const pg = cur.dict.get(PDFName.of('Pg'));
      if (pg) return pg;
    }
    return undefined;
  };

  const visit = (o: PDFObject, parent: StructElem | undefined, parentDict: PDFDict): void => {
    const d = dictOf(ctx, o);
    if (!d) return;
    const key = o instanceof PDFRef ? `r${o.objectNumber}` : d;
    if (seen.has(key)) {
      fail('struct-cycle', `${describeObj(o)} appears more than once in the structure tree`);
      return;
    }
    seen.add(key);
    const raw = getName(ctx, d, 'S');
    if (raw === undefined) {
      fail('struct-type', `structure element without /S (${describeObj(o)})`);
      return;
    }
    const e: StructElem = {
      ref: o instanceof PDFRef ? o : undefined,
      dict: d,
      raw,
      type: resolveType(raw),
      parent,
      kids: [],
      contentKids: 0,
      objrs: [],
    };
    elems.push(e);
    parent?.kids.push(e);
    if (e.type === undefined) fail('struct-type', `non-standard structure type /${raw} with no RoleMap entry to a standard type (${objLabel(e.ref)}) (Matterhorn 02-001)`);
    const p = d.get(PDFName.of('P'));
    if (!(deref(ctx, p) === parentDict)) fail('struct-parent', `${label(e)} has a /P that is not its parent in the tree`);

    for (const k of kidsOf(ctx, d.get(PDFName.of('K')))) {
      const kv = deref(ctx, k);
      if (kv instanceof PDFNumber) {
        e.contentKids++;
        addMcid(pgOf(e), kv.asNumber(), e);
        continue;
      }
      const kd = dictOf(ctx, k);
      if (!kd) continue;
      const kt = getName(ctx, kd, 'Type');
      if (kt === 'MCR') {
        e.contentKids++;
        const mcid = numOf(ctx, get(ctx, kd, 'MCID'));
        if (mcid === undefined) fail('struct-mcr', `MCR without /MCID in ${label(e)}`);
        else if (kd.get(PDFName.of('Stm'))) {
          // Marked content inside a form XObject: not followed here.
        } else addMcid(kd.get(PDFName.of('Pg')) ?? pgOf(e), mcid, e);
        continue;
      }
      if (kt === 'OBJR') {
        e.contentKids++;
        e.objrs.push({ annot: kd.get(PDFName.of('Obj')), pg: kd.get(PDFName.of('Pg')) ?? pgOf(e) });
        continue;
      }
      visit(k, e, d);
    }
  };
  for (const k of rootKids) visit(k, undefined, structRoot);

  // Per-element rules
  let firstHeading = true;
  let prevLevel = 0;
  let prevHeading: StructElem | undefined;
  let sawH = false;
  let sawHn = false;
  for (const e of elems) {
    const t = e.type;
    if (t === 'Figure') {
      const alt = textOf(ctx, get(ctx, e.dict, 'Alt'));
      if (!alt?.trim()) fail('figure-alt', `Figure element without ${alt === undefined ? '/Alt' : 'a non-empty /Alt'} (${objLabel(e.ref)}) (Matterhorn 13-004)`);
    }
    if (t === 'Formula') {
      const alt = textOf(ctx, get(ctx, e.dict, 'Alt')) ?? textOf(ctx, get(ctx, e.dict, 'ActualText'));
      if (!alt?.trim()) fail('formula-alt', `Formula element without /Alt (${objLabel(e.ref)})`);
    }
    if (t === 'TH') {
      const scope = thScope(ctx, e.dict);
      if (scope === undefined) fail('th-scope', `TH element without a /Scope attribute (A << /O /Table /Scope … >>) (${objLabel(e.ref)}) (Matterhorn 15-003)`);
      else if (!['Row', 'Column', 'Both'].includes(scope)) fail('th-scope', `TH element with /Scope /${scope}, not Row, Column or Both (${objLabel(e.ref)})`);
    }
    if (t && ALLOWED_KIDS[t]) {
      const bad = e.kids.filter((k) => !k.type || !ALLOWED_KIDS[t].has(k.type)).map((k) => k.raw);
      if (bad.length) fail('struct-nesting', `${label(e)} contains ${[...new Set(bad)].join(', ')}; only ${[...ALLOWED_KIDS[t]].join(', ')} may appear there`);
      if (e.contentKids) fail('struct-nesting', `${label(e)} contains content directly; only ${[...ALLOWED_KIDS[t]].join(', ')} elements may appear there`);
    }
    if (t && ALLOWED_PARENTS[t]) {
      const pt = e.parent?.type;
      if (!pt || !ALLOWED_PARENTS[t].has(pt)) fail('struct-nesting', `${label(e)} is inside ${e.parent ? label(e.parent) : 'the structure tree root'}; it belongs in ${[...ALLOWED_PARENTS[t]].join(' or ')}`);
    }
    if (t === 'H') sawH = true;
    const hm = t ? /^H([1-6])$/.exec(t) : null;
    if (hm) {
      sawHn = true;
      const level = Number(hm[1]);
      if (firstHeading && level !== 1) fail('heading-first', `the first numbered heading is ${t}, not H1 (${objLabel(e.ref)}) (Matterhorn 14-002)`);
      else if (!firstHeading && level > prevLevel + 1)
        fail('heading-skip', `H${prevLevel} (${objLabel(prevHeading?.ref)}) is followed by ${t} (${objLabel(e.ref)}), skipping a level (Matterhorn 14-003)`);
      firstHeading = false;
      prevLevel = level;
      prevHeading = e;
    }
  }
  if (sawH && sawHn) fail('heading-mixed', 'the document uses both H and H1–H6 headings');
  return { elems, mcidRefs };
}

/** The /Scope of a TH: /A may be one attribute dictionary or an array of them (with revisions). */
function thScope(ctx: Ctx, d: PDFDict): string | undefined {
  const a = deref(ctx, d.get(PDFName.of('A')));
  const dicts = a instanceof PDFArray ? a.asArray().map((x) => dictOf(ctx, x)) : [dictOf(ctx, a)];
  for (const ad of dicts) {
    if (ad && getName(ctx, ad, 'O') === 'Table') {
      const s = getName(ctx, ad, 'Scope');
      if (s !== undefined) return s;
    }
  }
  return undefined;
}

/**
 * Scans one page's content: every text, path-painting and XObject/shading/inline-image operator
 * must sit inside marked content that is an Artifact or carries an MCID; artifacts and tagged
 * content must not nest in each other; BDC/EMC must balance; an MCID may appear once per page.
 * Returns the MCIDs used on the page.
 */
function checkContent(
  ctx: Ctx,
  content: Uint8Array,
  resources: PDFDict | undefined,
  pn: number,
  fail: (c: string, m: string) => void,
  stats: PdfUaStats,
): Set<number> {
  const used = new Set<number>();
  const dup = new Set<number>();
  const stack: { tag: string; mcid: number | undefined; artifact: boolean }[] = [];
  const unmarked = new Map<string, number>();
  let artifactInTagged = 0;
  let taggedInArtifact = 0;
  let strayEmc = 0;
  const props = dictOf(ctx, resources?.get(PDFName.of('Properties')));
  scanContent(content, (op, args) => {
    if (op === 'BDC' || op === 'BMC') {
      const tag = args[0] instanceof CName ? args[0].v : '?';
      let mcid: number | undefined;
      if (op === 'BDC') {
        const p = args[1];
        if (p instanceof CDict) {
          const v = p.m.get('MCID');
          if (typeof v === 'number') mcid = v;
        } else if (p instanceof CName) {
          const pd = dictOf(ctx, props?.get(PDFName.of(p.v)));
          mcid = numOf(ctx, get(ctx, pd, 'MCID'));
        }
      }
      const artifact = tag === 'Artifact';
      const inTagged = stack.some((s) => s.mcid !== undefined);
      const inArtifact = stack.some((s) => s.artifact);
      if (artifact && inTagged) artifactInTagged++;
      if (mcid !== undefined && inArtifact) taggedInArtifact++;
      if (mcid !== undefined) {
        stats.mcids++;
        if (used.has(mcid)) dup.add(mcid);
        used.add(mcid);
      }
      stack.push({ tag, mcid, artifact });
      return;
    }
    if (op === 'EMC') {
      if (!stack.pop()) strayEmc++;
      return;
    }
    if (TEXT_OPS.has(op) || PATH_PAINT_OPS.has(op) || OTHER_PAINT_OPS.has(op)) {
      stats.paintOps++;
      if (!stack.some((s) => s.artifact || s.mcid !== undefined)) unmarked.set(op, (unmarked.get(op) ?? 0) + 1);
    }
  });
  if (unmarked.size) {
    const total = [...unmarked.values()].reduce((a, b) => a + b, 0);
    const detail = [...unmarked].map(([op, c]) => `${op} ×${c}`).join(', ');
    fail('content-untagged', `page ${pn} has ${total} text/path/image operator(s) outside Artifact or MCID marked content (${detail}) (Matterhorn 01-005)`);
  }
  if (artifactInTagged) fail('content-nesting', `page ${pn}: ${artifactInTagged} Artifact sequence(s) inside tagged content (Matterhorn 01-003)`);
  if (taggedInArtifact) fail('content-nesting', `page ${pn}: ${taggedInArtifact} tagged sequence(s) inside an Artifact (Matterhorn 01-004)`);
  if (strayEmc) fail('content-nesting', `page ${pn}: ${strayEmc} EMC without a matching BDC/BMC`);
  if (stack.length) fail('content-nesting', `page ${pn}: ${stack.length} marked-content sequence(s) left open at the end of the page`);
  if (dup.size) fail('mcid-duplicate', `page ${pn}: MCID ${fmtList([...dup])} used more than once`);
  return used;
}

/** Returns how many font dictionaries were checked. */
function checkFonts(ctx: Ctx, direct: { dict: PDFDict; where: string }[], fail: (c: string, m: string) => void): number {
  const fonts: { dict: PDFDict; where: string }[] = [...direct];
  for (const [ref, obj] of ctx.enumerateIndirectObjects()) {
    if (obj instanceof PDFDict && getName(ctx, obj, 'Type') === 'Font') fonts.push({ dict: obj, where: objLabel(ref) });
  }
  let checked = 0;
  const embedded = (fd: PDFDict | undefined) =>
    !!fd && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => deref(ctx, fd.get(PDFName.of(k))) instanceof PDFStream);
  for (const { dict, where } of fonts) {
    const sub = getName(ctx, dict, 'Subtype');
    const base = getName(ctx, dict, 'BaseFont') ?? '(no BaseFont)';
    const what = `${sub ?? 'font'} ${base} (${where})`;
    if (sub === 'CIDFontType0' || sub === 'CIDFontType2') continue; // checked through their Type0 font
    checked++;
    const hasToUnicode = deref(ctx, dict.get(PDFName.of('ToUnicode'))) instanceof PDFStream;
    if (sub === 'Type0') {
      const desc = dictOf(ctx, arrOf(ctx, dict.get(PDFName.of('DescendantFonts')))?.get(0));
      if (!desc) {
        fail('font', `${what} has no descendant CIDFont`);
        continue;
      }
      if (!embedded(dictOf(ctx, desc.get(PDFName.of('FontDescriptor'))))) fail('font-embedded', `${what} is not embedded (no FontFile/FontFile2/FontFile3)`);
      if (getName(ctx, desc, 'Subtype') === 'CIDFontType2' && desc.get(PDFName.of('CIDToGIDMap')) === undefined)
        fail('font-cidtogidmap', `${what}: CIDFontType2 descendant without /CIDToGIDMap (ISO 14289-1 7.21.3.2)`);
      if (!hasToUnicode) fail('font-tounicode', `${what} has no /ToUnicode`);
    } else if (sub === 'Type3') {
      if (!hasToUnicode) fail('font-tounicode', `${what} has no /ToUnicode`);
    } else {
      // TrueType, Type1, MMType1 (and anything unknown): must be embedded.
      if (!embedded(dictOf(ctx, dict.get(PDFName.of('FontDescriptor'))))) {
        const std = STANDARD_14.has(base.replace(/^[A-Z]{6}\+/, ''));
        fail('font-embedded', `${what} is not embedded${std ? ' (a standard-14 font)' : ''}`);
      }
      if (!hasToUnicode) fail('font-tounicode', `${what} has no /ToUnicode`);
    }
  }
  return checked;
}
