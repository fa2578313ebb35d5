// Reads a PDF back the way a reader's software would: text per page (pdf.js), fonts, raw objects.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface PdfText {
  pages: string[];
  /** Font names used per page (pdf.js's loaded font names, e.g. "ABCDEF+SourceSerif4-Regular"). */
  numPages: number;
}

export async function readPdfText(data: Buffer): Promise<PdfText> {
  const pdf = await getDocument({ data: new Uint8Array(data), useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= pdf.numPages; i++) {
    const page = await pdf.getPage(i);
    const tc = await page.getTextContent();
    let s = '';
    for (const item of tc.items) {
      if (!('str' in item)) continue;
      s += item.str;
      if (item.hasEOL) s += '\n';
    }
    pages.push(s);
  }
  const numPages = pdf.numPages;
  await pdf.destroy();
  return { pages, numPages };
}

/** Collapses whitespace and rejoins words hyphenated at line ends, for comparing with source text. */
export function normalise(s: string): string {
  return s.replace(/-\n(?=\p{Ll})/gu, '').replace(/\s+/g, ' ').trim();
}

/** Base font names of every font dictionary in the file (read from the raw, uncompressed objects). */
export function fontNames(data: Buffer): string[] {
  const s = data.toString('latin1');
  return [...s.matchAll(/\/BaseFont\s*\/([^\s/<>\[\]()]+)/g)].map((m) => m[1]);
}
