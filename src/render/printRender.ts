// The pdfkit side of the print edition (src/targets/printTarget.ts decides what goes in it):
// each page on a sheet larger than the trim, with its boxes; printer's marks; overprint; and,
// with the print shop's ICC profile, the PDF/X-4 identification (output intent, XMP, Info).
import type { Page, PageItem } from '../layout/pageTypes.js';
import type { PaintPolicy } from './paint.js';
import type { PDFDoc } from './pdfkitModule.js';
import { pdfName, setCatalogEntry, setPageEntries, useExtGState } from './pdfkitInternals.js';

/** A rectangle [left, top, right, bottom] in points, y down from the top of the sheet. */
export type SheetBox = readonly [number, number, number, number];

/** Where one laid-out page goes on its sheet (the PDF page, MediaBox). */
export interface PageFrame {
  width: number;
  height: number;
  /** Where the page's own (0, 0), the top-left corner of the trim, lands on the sheet. */
  offsetX: number;
  offsetY: number;
  trim: SheetBox;
  bleed: SheetBox;
  /** Printer's marks in sheet coordinates, drawn after the page as artifacts. */
  marks: PageItem[];
}

export interface PdfxIntent {
  /** The output profile (CMYK, output class), embedded as DestOutputProfile. */
  profile: Buffer;
  /** The profile's description: the output condition it characterises. */
  condition: string;
}

export interface PrintRender {
  frame(index: number, page: Page): PageFrame;
  /** Colours of the document's own content. */
  paint: PaintPolicy;
  /** Colours of the printer's marks (registration: every ink). */
  marksPaint: PaintPolicy;
  /** PDF/X-4 when given; otherwise the file is a print edition without an output intent. */
  pdfx?: PdfxIntent;
  /** A stable identifier of this document (XMP DocumentID), made from its content. */
  documentId: string;
}

/** Extra Info entries of a print edition (PDF/X wants Trapped as a name, never Unknown). */
export function printInfo(print: PrintRender): Record<string, unknown> {
  return print.pdfx ? { GTS_PDFXVersion: 'PDF/X-4', Trapped: pdfName('False') } : { Trapped: pdfName('False') };
}

/** Output intent and XMP: call once, after the document is made and before its pages. */
export function beginPrintDocument(doc: PDFDoc, print: PrintRender, date: Date): void {
  const iso = date.toISOString().split('.')[0] + 'Z';
  const pdfx = print.pdfx
    ? `
        <rdf:Description rdf:about="" xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/">
            <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>
        </rdf:Description>`
    : '';
  // PDF/X-4 asks for the document's identity and dates in XMP besides Info's.
  (doc as unknown as { appendXML(xml: string): void }).appendXML(`
        <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
            <xmp:ModifyDate>${iso}</xmp:ModifyDate>
            <xmp:MetadataDate>${iso}</xmp:MetadataDate>
            <xmpMM:DocumentID>uuid:${print.documentId}</xmpMM:DocumentID>
            <xmpMM:InstanceID>uuid:${print.documentId}</xmpMM:InstanceID>
            <xmpMM:VersionID>1</xmpMM:VersionID>
            <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
            <pdf:Trapped>False</pdf:Trapped>
        </rdf:Description>${pdfx}`);
  if (!print.pdfx) return;
  const profile = doc.ref({ N: 4, Length: print.pdfx.profile.length });
  profile.write(print.pdfx.profile);
  profile.end(undefined);
  const condition = new String(print.pdfx.condition);
  const intent = doc.ref({
    Type: 'OutputIntent',
    S: 'GTS_PDFX',
    OutputCondition: condition,
    OutputConditionIdentifier: condition,
    RegistryName: new String('http://www.color.org'),
    Info: condition,
    DestOutputProfile: profile,
  });
  intent.end(undefined);
  setCatalogEntry(doc, 'OutputIntents', [intent]);
}

/** PDF boxes are y up from the bottom of the sheet. */
function pdfBox(b: SheetBox, sheetHeight: number): number[] {
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return [r(b[0]), r(sheetHeight - b[3]), r(b[2]), r(sheetHeight - b[1])];
}

/** Call right after addPage: the boxes, then the page's content moved onto the sheet. */
export function beginFrame(doc: PDFDoc, frame: PageFrame): void {
  setPageEntries(doc, { BleedBox: pdfBox(frame.bleed, frame.height), TrimBox: pdfBox(frame.trim, frame.height) });
  doc.save();
  doc.translate(frame.offsetX, frame.offsetY);
}

/** Call after the page's content: back to sheet coordinates for the marks. */
export function endFrame(doc: PDFDoc): void {
  doc.restore();
}

const OVERPRINT = { OP: true, op: true, OPM: 1 };
const KNOCKOUT = { OP: false, op: false };

/** The `gs` operator that turns overprint on or off (its ExtGState listed on the current page). */
export function overprintOperator(doc: PDFDoc, on: boolean): string {
  return `/${useExtGState(doc, on ? 'GsOP' : 'GsKO', on ? OVERPRINT : KNOCKOUT)} gs`;
}
