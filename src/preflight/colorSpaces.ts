// What a PDF colour space amounts to on press: grey and CMYK go to the process plates, RGB
// and Lab need converting, a Separation or DeviceN naming other inks is a spot colour.
import { PDFArray, PDFName, PDFRawStream, type PDFDict, type PDFObject } from 'pdf-lib';
import type { PdfFile } from './pdfFile.js';

export type ColorKind = 'gray' | 'rgb' | 'cmyk' | 'lab' | 'spot' | 'pattern' | 'unknown';

export interface SpaceInfo {
  kind: ColorKind;
  /** Number of components of a colour in it (sc/scn operands). */
  n: number;
  /** Spot colour names. */
  spots: string[];
}

const PROCESS = new Set(['Cyan', 'Magenta', 'Yellow', 'Black']);

/** A colour space given by name (DeviceRGB, or a name in the resources' ColorSpace) or array. */
export function colorSpace(pdf: PdfFile, space: PDFObject | string | undefined, resources: PDFDict | undefined, depth = 0): SpaceInfo {
  if (depth > 8) return { kind: 'unknown', n: 0, spots: [] };
  if (typeof space === 'string') {
    switch (space) {
      case 'DeviceGray': case 'G': case 'CalGray': return { kind: 'gray', n: 1, spots: [] };
      case 'DeviceRGB': case 'RGB': return { kind: 'rgb', n: 3, spots: [] };
      case 'DeviceCMYK': case 'CMYK': return { kind: 'cmyk', n: 4, spots: [] };
      case 'Pattern': return { kind: 'pattern', n: 0, spots: [] };
    }
    const named = pdf.get(pdf.dict(resources, 'ColorSpace'), space);
    return named ? colorSpace(pdf, named, resources, depth + 1) : { kind: 'unknown', n: 0, spots: [] };
  }
  const o = pdf.resolve(space);
  if (o instanceof PDFName) return colorSpace(pdf, o.decodeText(), resources, depth + 1);
  if (!(o instanceof PDFArray) || o.size() === 0) return { kind: 'unknown', n: 0, spots: [] };
  const items = pdf.items(o);
  const family = items[0] instanceof PDFName ? items[0].decodeText() : '';
  switch (family) {
    case 'CalGray': return { kind: 'gray', n: 1, spots: [] };
    case 'CalRGB': return { kind: 'rgb', n: 3, spots: [] };
    case 'Lab': return { kind: 'lab', n: 3, spots: [] };
    case 'ICCBased': {
      const s = items[1];
      const n = s instanceof PDFRawStream ? pdf.num(s.dict, 'N') ?? 0 : 0;
      return { kind: n === 1 ? 'gray' : n === 3 ? 'rgb' : n === 4 ? 'cmyk' : 'unknown', n, spots: [] };
    }
    case 'Indexed': case 'I': {
      const base = colorSpace(pdf, items[1], resources, depth + 1);
      return { ...base, n: 1 };
    }
    case 'Pattern': return { kind: 'pattern', n: items[1] ? colorSpace(pdf, items[1], resources, depth + 1).n : 0, spots: [] };
    case 'Separation': {
      const name = items[1] instanceof PDFName ? items[1].decodeText() : '?';
      // All (registration) and None are not inks of their own.
      return name === 'All' || name === 'None' ? { kind: 'cmyk', n: 1, spots: [] } : { kind: 'spot', n: 1, spots: [name] };
    }
    case 'DeviceN': {
      const names = items[1] instanceof PDFArray ? pdf.items(items[1]).map((x) => (x instanceof PDFName ? x.decodeText() : '?')) : [];
      const spots = names.filter((x) => !PROCESS.has(x) && x !== 'None' && x !== 'All');
      return { kind: spots.length ? 'spot' : 'cmyk', n: names.length, spots };
    }
    default: return colorSpace(pdf, family, resources, depth + 1);
  }
}
