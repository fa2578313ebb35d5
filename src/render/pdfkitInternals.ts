// Every pdfkit private member render relies on, in one place, checked against the installed
// pdfkit by tests/unit/render/pdfkitInternals.test.ts (tested with pdfkit 0.20): the chart
// renderer's text state, font registration and shaping (pdfFonts.ts), the font encoder text
// objects are written with (drawTextItem.ts), and the info and structure fixes (renderPdf.ts).
import type { PDFDoc } from './pdfkitModule.js';

/** pdfkit's text state: the public cursor and the private current font and fill colour. */
interface PdfkitTextState {
  x: number;
  y: number;
  _font?: unknown;
  _fontSize?: number;
  _fontSource?: unknown;
  _fontFamily?: unknown;
  _fillColor?: unknown;
}

const TEXT_STATE = ['x', 'y', '_font', '_fontSize', '_fontSource', '_fontFamily', '_fillColor'] as const;

/**
 * Snapshots pdfkit's own text state (cursor, current font and size, fill colour), which q/Q do
 * not cover: pdfkit keeps it in the document object. Call the result to put it back.
 */
export function keepTextState(doc: PDFDoc): () => void {
  const st = doc as unknown as PdfkitTextState;
  const saved: Partial<PdfkitTextState> = {};
  for (const k of TEXT_STATE) (saved as Record<string, unknown>)[k] = st[k];
  return () => {
    Object.assign(st, saved);
  };
}

/**
 * Text options with the string's width already given. `textWidth` is the option pdfkit's line
 * wrapper passes to its _fragment(); given here, pdfkit does not lay the string out again just
 * to measure it. (`options` is loosely typed: pdfkit also passes fontkit's object form of
 * `features` through, which its typings do not list.)
 */
export function textOptionsWithWidth(options: Record<string, unknown>, width: number): PDFKit.Mixins.TextOptions {
  return { ...options, textWidth: width } as PDFKit.Mixins.TextOptions;
}

/** A glyph run as pdfkit's encoder reads it. */
export interface PdfkitRun {
  /** pdfkit's encoder reads only id, advanceWidth and codePoints of each glyph. */
  glyphs: { id: number; advanceWidth: number; codePoints: number[] }[];
  positions: { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[];
  advanceWidth: number;
}

/** What pdfkit's EmbeddedFont does that we replace: shaping and subset encoding. */
export interface EmbeddedFontHooks {
  /** Shapes `text` (no features): the run pdfkit measures and encodes. */
  shape(text: string, scale: number): PdfkitRun;
  /** Encodes the subset of these glyph ids, given pdfkit's own encoder. */
  encodeSubset(glyphs: number[], encode: () => Uint8Array): Uint8Array;
}

interface EmbeddedFontInternals {
  scale: number;
  subset: { glyphs: number[]; encode(): Uint8Array };
  layoutCached(text: string): PdfkitRun;
  layout(text: string, features?: unknown, onlyWidth?: boolean): PdfkitRun;
  layoutRun(text: string, features?: unknown): PdfkitRun;
}

interface PdfkitFontInternals {
  _registeredFonts: Record<string, unknown>;
  _font: EmbeddedFontInternals | undefined;
}

/** Whether a font of this name was registered with the document. */
export function isFontRegistered(doc: PDFDoc, name: string): boolean {
  return !!(doc as unknown as PdfkitFontInternals)._registeredFonts[name];
}

/**
 * Selects the registered font `name` once, to make its EmbeddedFont, and replaces the members
 * pdfkit shapes and subsets through; the document's current font is left as it was.
 * Returns false when the font is not pdfkit's EmbeddedFont (a test double): nothing replaced.
 */
export function hookEmbeddedFont(doc: PDFDoc, name: string, hooks: EmbeddedFontHooks): boolean {
  const d = doc as unknown as PdfkitFontInternals;
  const previous = d._font;
  doc.font(name);
  const ef = d._font;
  try {
    if (!ef || typeof ef.layoutCached !== 'function') return false;
    ef.layoutCached = (text: string) => hooks.shape(text, ef.scale);
    // pdfkit's layout() splits text into words and concatenates their runs; a whole fragment is
    // one run here. With features (the Khmer fallback) pdfkit's own path is kept.
    const layout = ef.layout.bind(ef);
    ef.layout = (text: string, features?: unknown, onlyWidth?: boolean) => (features ? layout(text, features, onlyWidth) : hooks.shape(text, ef.scale));
    const run = ef.layoutRun.bind(ef);
    // Called when features are given; only the Khmer fallback matters there: fontkit throws in
    // mark positioning for some sequences, which are shaped again without it.
    ef.layoutRun = (text: string, features?: unknown) => {
      try {
        return run(text, features);
      } catch {
        return run(text, { mark: false, mkmk: false });
      }
    };
    const encode = ef.subset.encode.bind(ef.subset);
    ef.subset.encode = () => hooks.encodeSubset(ef.subset.glyphs, encode);
    return true;
  } finally {
    if (previous) d._font = previous;
  }
}

/** pdfkit's font object for a registered font: its resource name and encoder. */
export interface EncodingFont {
  id: string;
  ref(): unknown;
  encode(text: string, features?: unknown): [string[], { xAdvance: number; yAdvance: number; xOffset: number; yOffset: number; advanceWidth: number }[]];
}

interface PdfkitPageInternals {
  _fontFamilies: Record<string, EncodingFont>;
  page: { height: number; fonts: Record<string, unknown>; annotations: object[]; dictionary: object };
}

/**
 * The encoder of a font already selected once (see ensureFont), listed among the current page's
 * font resources: for text objects written with addContent instead of doc.text().
 */
export function fontForPage(doc: PDFDoc, name: string): EncodingFont {
  const d = doc as unknown as PdfkitPageInternals;
  const font = d._fontFamilies[name];
  if (d.page.fonts[font.id] == null) d.page.fonts[font.id] = font.ref();
  return font;
}

/** The annotation pdfkit added last (doc.link, doc.goTo) and the page dictionary it is on. */
export function lastAnnotation(doc: PDFDoc): { annotation: object; page: object } {
  const p = (doc as unknown as PdfkitPageInternals).page;
  return { annotation: p.annotations[p.annotations.length - 1], page: p.dictionary };
}

/**
 * pdfkit copies Title, Author, Subject… into the XMP packet unescaped, so a title with "&" or
 * "<" makes malformed XML. The values are escaped only while the XMP is written; the Info
 * dictionary, written before, keeps the real text.
 */
export function escapeXmpInfo(doc: PDFDoc): void {
  const d = doc as unknown as { _addInfo(): void; info: Record<string, unknown> };
  const original = d._addInfo.bind(d);
  d._addInfo = () => {
    const saved = { ...d.info };
    for (const [k, v] of Object.entries(d.info)) if (typeof v === 'string') d.info[k] = escapeXml(v);
    try {
      original();
    } finally {
      Object.assign(d.info, saved);
    }
  };
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/**
 * pdfkit writes an OBJR's /Pg as the page current when the structure tree is flushed, which is
 * the last page for us (the tree is ended after all pages). A Link element writes it from the
 * page the annotation was really put on, as `pageOf` tells.
 */
export function pinObjrPages(e: PDFKit.PDFStructureElement, pageOf: (annotation: object) => object | undefined): void {
  const el = e as unknown as { _flushChild(child: unknown): void; dictionary: { data: { K: unknown[] } } };
  const original = el._flushChild.bind(el);
  el._flushChild = (child: unknown) => {
    const ref = (child as { annotationRef?: object } | null)?.annotationRef;
    const page = ref ? pageOf(ref) : undefined;
    if (ref && page) el.dictionary.data.K.push({ Type: 'OBJR', Obj: ref, Pg: page });
    else original(child);
  };
}

interface PdfkitPrintInternals {
  page: { ext_gstates: Record<string, unknown>; dictionary: { data: Record<string, unknown> } };
  _root: { data: Record<string, unknown> };
}

const extGStates = new WeakMap<PDFDoc, Map<string, unknown>>();

/**
 * Puts a named graphics state (e.g. overprint) among the current page's resources and returns
 * its name for a `gs` operator. pdfkit makes ExtGStates only for opacity; one object per
 * document and name, listed on each page that uses it.
 */
export function useExtGState(doc: PDFDoc, name: string, dict: Record<string, unknown>): string {
  let refs = extGStates.get(doc);
  if (!refs) extGStates.set(doc, (refs = new Map()));
  let ref = refs.get(name);
  if (!ref) {
    const r = doc.ref({ Type: 'ExtGState', ...dict });
    r.end(undefined);
    refs.set(name, (ref = r));
  }
  (doc as unknown as PdfkitPrintInternals).page.ext_gstates[name] = ref;
  return name;
}

/** Adds entries (TrimBox, BleedBox …) to the current page's dictionary. */
export function setPageEntries(doc: PDFDoc, entries: Record<string, unknown>): void {
  Object.assign((doc as unknown as PdfkitPrintInternals).page.dictionary.data, entries);
}

/** Adds an entry (OutputIntents) to the document catalog. */
export function setCatalogEntry(doc: PDFDoc, key: string, value: unknown): void {
  (doc as unknown as PdfkitPrintInternals)._root.data[key] = value;
}

/**
 * A PDF name as a value pdfkit writes as a name where it would otherwise write a string: its
 * Info dictionary turns every JS string into a PDF string, but Trapped must be /True or
 * /False. pdfkit writes values it does not recognise with their toString().
 */
export function pdfName(name: string): object {
  return { [Symbol.toStringTag]: 'PdfName', toString: () => `/${name}`, valueOf: () => name };
}

/** An opened pdfkit image (PDFImage): embedded on first use, then drawn by reference. */
type OpenedImage = { width: number; height: number };
const openedImages = new WeakMap<PDFDoc, Map<string, OpenedImage>>();

/**
 * The image with these bytes, opened once per document: `doc.image(buffer)` embeds the bytes
 * again at every call, so a chart drawing one logo in each of its panels would carry it once a
 * panel. Relies on: `doc.openImage(src)` (pdfkit's, not in its typings) returning the image
 * object that `doc.image()` accepts in place of a source (it checks for width and height).
 */
export function openImageOnce(doc: PDFDoc, id: string, bytes: () => Buffer): OpenedImage {
  let images = openedImages.get(doc);
  if (!images) openedImages.set(doc, (images = new Map()));
  let img = images.get(id);
  if (!img) {
    img = (doc as unknown as { openImage(src: Buffer): OpenedImage }).openImage(bytes());
    images.set(id, img);
  }
  return img;
}
