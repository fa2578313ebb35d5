// The /Alt text of every Figure structure element of a PDF, read from the file (pdf-lib), as a
// screen reader gets it.
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';

export async function figureAlts(pdf: Buffer): Promise<string[]> {
  const doc = await PDFDocument.load(new Uint8Array(pdf), { updateMetadata: false });
  const out: [number, string][] = [];
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('S')) !== PDFName.of('Figure')) continue;
    const alt = obj.lookup(PDFName.of('Alt'));
    if (alt instanceof PDFString || alt instanceof PDFHexString) out.push([ref.objectNumber, alt.decodeText()]);
  }
  return out.sort((a, b) => a[0] - b[0]).map(([, s]) => s);
}
