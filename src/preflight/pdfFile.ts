// Any PDF, ours or not, read with pdf-lib (objects, cross-reference streams, object streams,
// stream filters) and handed to the checks as plain values: pages with their boxes, resources
// and content, and a few look-ups. pdf-lib is loaded only by `report preflight`.
import { decodePDFRawStream, PDFArray, PDFBool, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFString, type PDFObject } from 'pdf-lib';

/** [left, bottom, right, top] in default user space (points, y up). */
export type Box = [number, number, number, number];

export interface PdfPage {
  /** 1-based. */
  number: number;
  node: PDFDict;
  mediaBox: Box;
  /** Only when the page has one (TrimBox and BleedBox are not inherited). */
  trimBox?: Box;
  bleedBox?: Box;
  resources?: PDFDict;
  /** The content streams, decoded and joined, one char per byte; null when a filter is unknown. */
  content: string | null;
}

export class PdfFile {
  private constructor(readonly doc: PDFDocument, readonly size: number) {}

  static async load(bytes: Uint8Array): Promise<PdfFile> {
    const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: false });
    return new PdfFile(doc, bytes.length);
  }

  get catalog(): PDFDict {
    return this.doc.catalog;
  }

  resolve(o: PDFObject | undefined): PDFObject | undefined {
    return o instanceof PDFRef ? this.doc.context.lookup(o) : o;
  }

  get(d: PDFDict | undefined, key: string): PDFObject | undefined {
    return d ? this.resolve(d.get(PDFName.of(key))) : undefined;
  }

  dict(d: PDFDict | undefined, key: string): PDFDict | undefined {
    const v = this.get(d, key);
    return v instanceof PDFDict ? v : v instanceof PDFRawStream ? v.dict : undefined;
  }

  array(d: PDFDict | undefined, key: string): PDFArray | undefined {
    const v = this.get(d, key);
    return v instanceof PDFArray ? v : undefined;
  }

  name(d: PDFDict | undefined, key: string): string | undefined {
    const v = this.get(d, key);
    return v instanceof PDFName ? v.decodeText() : undefined;
  }

  num(d: PDFDict | undefined, key: string): number | undefined {
    const v = this.get(d, key);
    return v instanceof PDFNumber ? v.asNumber() : undefined;
  }

  bool(d: PDFDict | undefined, key: string): boolean | undefined {
    const v = this.get(d, key);
    return v instanceof PDFBool ? v.asBoolean() : undefined;
  }

  text(d: PDFDict | undefined, key: string): string | undefined {
    const v = this.get(d, key);
    return v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined;
  }

  /** The items of an array, resolved. */
  items(a: PDFArray | undefined): PDFObject[] {
    if (!a) return [];
    const out: PDFObject[] = [];
    for (let i = 0; i < a.size(); i++) out.push(this.resolve(a.get(i))!);
    return out;
  }

  numbers(a: PDFArray | undefined): number[] {
    return this.items(a).map((x) => (x instanceof PDFNumber ? x.asNumber() : NaN));
  }

  /** A stream's decoded bytes (latin1), or null when its filter is not one pdf-lib decodes. */
  streamText(s: PDFObject | undefined): string | null {
    const o = this.resolve(s);
    if (!(o instanceof PDFRawStream)) return null;
    try {
      return Buffer.from(decodePDFRawStream(o).decode()).toString('latin1');
    } catch {
      return null;
    }
  }

  pages(): PdfPage[] {
    return this.doc.getPages().map((p, i) => {
      const node = p.node;
      const box = (key: string): Box | undefined => {
        const a = this.numbers(this.array(node, key));
        return a.length === 4 && a.every(Number.isFinite) ? normal(a as Box) : undefined;
      };
      const media = this.numbers(node.MediaBox());
      const contents = this.resolve(node.get(PDFName.of('Contents')));
      const parts = contents instanceof PDFArray ? this.items(contents) : contents ? [contents] : [];
      const texts = parts.map((c) => this.streamText(c));
      return {
        number: i + 1,
        node,
        mediaBox: normal(media as Box),
        trimBox: box('TrimBox'),
        bleedBox: box('BleedBox'),
        resources: node.Resources(),
        content: texts.some((t) => t === null) ? null : texts.join('\n'),
      };
    });
  }
}

/** Left < right and bottom < top, whatever order the file wrote them in. */
function normal(b: Box): Box {
  return [Math.min(b[0], b[2]), Math.min(b[1], b[3]), Math.max(b[0], b[2]), Math.max(b[1], b[3])];
}
