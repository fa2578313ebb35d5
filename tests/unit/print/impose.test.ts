// Imposition: the saddle-stitch order, and imposed files read back (pdf.js finds each page's
// number on its half of each sheet side, where the order says it goes).
import { PDFDocument } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import { impose } from '../../../src/print/impose.js';
import { bookletOrder, creepOf, twoUpOrder } from '../../../src/print/imposeOrder.js';
import { PDFDocument as PdfKit } from '../../../src/render/pdfkitModule.js';

const MM = 72 / 25.4;

describe('bookletOrder', () => {
  it('8 pages: two sheets, outer 8|1 2|7, inner 6|3 4|5', () => {
    expect(bookletOrder(8)).toEqual([[8, 1], [2, 7], [6, 3], [4, 5]]);
  });
  it('10 pages: padded to 12 with two blank pages at the end', () => {
    expect(bookletOrder(10)).toEqual([[0, 1], [2, 0], [10, 3], [4, 9], [8, 5], [6, 7]]);
  });
  it('12 pages: three sheets, every page once, facing pages add up to 13', () => {
    const o = bookletOrder(12);
    expect(o).toEqual([[12, 1], [2, 11], [10, 3], [4, 9], [8, 5], [6, 7]]);
    expect(o.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    for (const [l, r] of o) expect(l + r).toBe(13);
  });
  it('fewer than four pages still make one folded sheet', () => {
    expect(bookletOrder(1)).toEqual([[0, 1], [0, 0]]);
  });
  it('2up: each page twice on its own side', () => {
    expect(twoUpOrder(2)).toEqual([[1, 1], [2, 2]]);
  });
  it('creep grows from nothing on the outer sheet to all of it on the innermost', () => {
    expect([0, 1, 2, 3, 4, 5].map((i) => creepOf(i, 6, 1))).toEqual([0, 0, 0.5, 0.5, 1, 1]);
    expect(creepOf(1, 2, 1)).toBe(0);
  });
});

/** An N-page print-like PDF (A4 or Letter trim with 3 mm bleed), "Page k" at 72 pt from the trim's left. */
async function numberedPdf(n: number, size: [number, number]): Promise<Buffer> {
  const o = 3 * MM;
  const doc = new PdfKit({ autoFirstPage: false, margin: 0, compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  for (let k = 1; k <= n; k++) {
    doc.addPage({ size: [size[0] + 2 * o, size[1] + 2 * o], margin: 0 });
    doc.rect(0, 0, size[0] + 2 * o, 20).fill('#000000');
    doc.font('Helvetica').fontSize(20).fillColor('#000000').text(`Page ${k}`, o + 72, o + 300, { lineBreak: false });
  }
  doc.end();
  await done;
  // TrimBoxes, as the print edition has.
  const p = await PDFDocument.load(Buffer.concat(chunks));
  for (const page of p.getPages()) page.setTrimBox(o, o, size[0], size[1]);
  return Buffer.from(await p.save());
}

/** For each side of an imposed file: the page numbers found on its left and right halves (0: none), and where. */
async function readSides(pdf: Buffer): Promise<{ size: [number, number]; pages: [number, number]; x: [number, number] }[]> {
  const doc = await getDocument({ data: new Uint8Array(pdf), verbosity: 0 }).promise;
  const out: { size: [number, number]; pages: [number, number]; x: [number, number] }[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const [, , W, H] = page.view;
    const found: [number, number] = [0, 0];
    const x: [number, number] = [NaN, NaN];
    for (const item of (await page.getTextContent()).items) {
      if (!('str' in item)) continue;
      const m = /^Page (\d+)$/.exec(item.str);
      if (!m) continue;
      const half = item.transform[4] < W / 2 ? 0 : 1;
      found[half] = Number(m[1]);
      x[half] = item.transform[4] - half * (W / 2);
    }
    out.push({ size: [Math.round(W * 100) / 100, Math.round(H * 100) / 100], pages: found, x });
  }
  await doc.destroy();
  return out;
}

describe('impose', () => {
  for (const n of [8, 10, 12]) {
    it(`booklet of ${n} pages: each sheet side shows the pages the saddle-stitch order puts there, on A3`, async () => {
      const r = await impose(await numberedPdf(n, [595.28, 841.89]), 'booklet', 'Test');
      const sides = await readSides(r.pdf);
      expect(sides.map((s) => s.pages)).toEqual(bookletOrder(n));
      expect(sides.length).toBe(Math.ceil(n / 4) * 2);
      for (const s of sides) expect(s.size).toEqual([1190.55, 841.89]);
      // Cut to the trim: each page's text sits 72 pt from its half's edge, without creep.
      for (const s of sides) for (const [k, x] of s.x.entries()) if (s.pages[k]) expect(x).toBeCloseTo(72 + (k === 0 ? 1190.55 / 2 - 595.28 : 0), 1);
    });
  }

  it('creep moves the inner sheets\' pages toward the spine, the outer sheet not at all', async () => {
    const r = await impose(await numberedPdf(12, [595.28, 841.89]), 'booklet', 'Test', 1);
    const sides = await readSides(r.pdf);
    const left0 = 1190.55 / 2 - 595.28;
    const shift = sides.map((s) => [s.x[0] - left0 - 72, -(s.x[1] - 72)].map((v) => Math.round((v / MM) * 100) / 100 + 0));
    expect(shift).toEqual([[0, 0], [0, 0], [0.5, 0.5], [0.5, 0.5], [1, 1], [1, 1]]);
  });

  it('2up of a Letter handout: each page twice on Tabloid', async () => {
    const r = await impose(await numberedPdf(2, [612, 792]), '2up', 'Test');
    const sides = await readSides(r.pdf);
    expect(sides.map((s) => s.pages)).toEqual([[1, 1], [2, 2]]);
    for (const s of sides) expect(s.size).toEqual([1224, 792]);
  });
});
