import { PDFDocument, type PDFDoc } from '../../src/render/pdfkitModule.js';

/** An A4 pdfkit document drawn by `draw`, as bytes (uncompressed streams are easier to inspect). */
export async function pdfOf(draw: (doc: PDFDoc) => void, compress = false): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, compress });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks);
}
