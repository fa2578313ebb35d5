// Imposition for the press: the print edition's pages, cut to their TrimBox, placed two to a
// side on the double-size sheet (A4 pages on A3, Letter on Tabloid), as a saddle-stitched
// booklet or two copies a sheet. Each page becomes a Form XObject (pdf-lib's embedPage), so
// its content is copied as it is, CMYK, overprint and fonts included. pdf-lib loads only here.
import { clip, endPath, PDFDocument, PDFName, PDFObjectCopier, popGraphicsState, pushGraphicsState, rectangle, type PDFEmbeddedPage, type PDFPage } from 'pdf-lib';
import { bookletOrder, creepOf, twoUpOrder, type SheetSide } from './imposeOrder.js';

export type Imposition = 'booklet' | '2up';

const MM = 72 / 25.4;
/** Named sheets for the usual pages, so the file names the paper the shop stocks. */
const SHEETS: { page: [number, number]; sheet: [number, number] }[] = [
  { page: [595.28, 841.89], sheet: [1190.55, 841.89] }, // A4 on A3
  { page: [612, 792], sheet: [1224, 792] }, // Letter on Tabloid
];

export interface Imposed {
  pdf: Buffer;
  sides: SheetSide[];
}

/**
 * @param printPdf the print edition (pages with TrimBoxes)
 * @param creepMm booklet only: how far the innermost sheet's pages move toward the spine
 */
export async function impose(printPdf: Uint8Array, how: Imposition, title: string, creepMm = 0): Promise<Imposed> {
  const src = await PDFDocument.load(printPdf, { updateMetadata: false });
  const pages = src.getPages();
  const out = await PDFDocument.create({ updateMetadata: false });
  out.setTitle(`${title} (${how === 'booklet' ? 'booklet' : 'two up'})`);
  out.setProducer('report-generator (pdf-lib)');
  out.setCreator('report-generator');
  const date = src.getCreationDate();
  if (date) {
    out.setCreationDate(date);
    out.setModificationDate(date);
  }
  const trims = pages.map((p) => p.getTrimBox());
  const w = trims[0].width;
  const h = trims[0].height;
  const sheet = SHEETS.find((s) => Math.abs(s.page[0] - w) < 0.5 && Math.abs(s.page[1] - h) < 0.5)?.sheet ?? [2 * w, h];
  const embedded = await out.embedPages(pages, trims.map((t) => ({ left: t.x, bottom: t.y, right: t.x + t.width, top: t.y + t.height })));
  const sides = how === 'booklet' ? bookletOrder(pages.length) : twoUpOrder(pages.length);
  // Pages sit either side of the sheet's middle (the spine, or the cut).
  const x0 = sheet[0] / 2 - w;
  const y0 = (sheet[1] - h) / 2;
  sides.forEach(([left, right], i) => {
    const side = out.addPage(sheet);
    side.setTrimBox(0, 0, sheet[0], sheet[1]);
    side.setBleedBox(0, 0, sheet[0], sheet[1]);
    const shift = how === 'booklet' ? creepOf(i, sides.length, creepMm * MM) : 0;
    place(side, embedded[left - 1], x0, y0, w, h, shift);
    place(side, embedded[right - 1], x0 + w, y0, w, h, -shift);
  });
  // The pages keep the print edition's output intent (the same CMYK condition).
  const intents = src.catalog.get(PDFName.of('OutputIntents'));
  if (intents) out.catalog.set(PDFName.of('OutputIntents'), PDFObjectCopier.for(src.context, out.context).copy(intents));
  return { pdf: Buffer.from(await out.save({ useObjectStreams: false })), sides };
}

/** One page in its half of the side, moved `shift` toward the middle and clipped to its half. */
function place(side: PDFPage, page: PDFEmbeddedPage | undefined, x: number, y: number, w: number, h: number, shift: number): void {
  if (!page) return; // a blank page
  side.pushOperators(pushGraphicsState(), rectangle(x, y, w, h), clip(), endPath());
  side.drawPage(page, { x: x + shift, y, width: w, height: h });
  side.pushOperators(popGraphicsState());
}
