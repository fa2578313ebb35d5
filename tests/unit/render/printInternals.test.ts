// The pdfkit private members the print edition relies on (src/render/pdfkitInternals.ts):
// page resources for ExtGStates, the page and catalog dictionaries, and names in Info.
// If one of these fails after a pdfkit upgrade, the print edition is broken in that place.
import { describe, expect, it } from 'vitest';
import { pdfName, setCatalogEntry, setPageEntries, useExtGState } from '../../../src/render/pdfkitInternals.js';
import { PDFDocument } from '../../../src/render/pdfkitModule.js';

async function raw(draw: (doc: PDFKit.PDFDocument) => void, info: Record<string, unknown> = {}): Promise<string> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, compress: false, info: info as PDFKit.DocumentInfo });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  draw(doc);
  doc.end();
  await done;
  return Buffer.concat(chunks).toString('latin1');
}

describe('print internals', () => {
  it('useExtGState lists one graphics state object on each page that uses it', async () => {
    const s = await raw((doc) => {
      doc.addContent(`/${useExtGState(doc, 'GsOP', { OP: true, op: true, OPM: 1 })} gs`);
      doc.addPage();
      doc.addContent(`/${useExtGState(doc, 'GsOP', { OP: true, op: true, OPM: 1 })} gs`);
    });
    const objs = [...s.matchAll(/(\d+) 0 obj\n<<\n\/Type \/ExtGState\n\/OP true\n\/op true\n\/OPM 1\n>>/g)];
    expect(objs).toHaveLength(1);
    const ref = `${objs[0][1]} 0 R`;
    expect(s.match(new RegExp(`/ExtGState <<\\n/GsOP ${ref}\\n>>`, 'g'))).toHaveLength(2);
  });

  it('setPageEntries and setCatalogEntry write into the page and catalog dictionaries', async () => {
    const s = await raw((doc) => {
      setPageEntries(doc, { TrimBox: [10, 10, 100, 100] });
      setCatalogEntry(doc, 'OutputIntents', []);
    });
    expect(s).toMatch(/\/Type \/Page\n[^]*?\/TrimBox \[10 10 100 100\]/);
    expect(s).toMatch(/\/Type \/Catalog\n[^]*?\/OutputIntents \[\]/);
  });

  it('pdfName is written as a PDF name in the Info dictionary, where strings become strings', async () => {
    const s = await raw(() => {}, { Trapped: pdfName('False'), Title: 'False' });
    expect(s).toMatch(/\d+ 0 obj\n\/False\nendobj/);
    expect(s).toMatch(/\d+ 0 obj\n\(False\)\nendobj/);
  });
});
