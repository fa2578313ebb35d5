// pdfkit, the only PDF writer: imported here so that only render reaches it. Fonts are handed
// to it already parsed (see pdfFonts.ts), so its own fontkit instance never parses a file.
// Before pdfkit loads its PNG reader: image objects in the order they are drawn (orderedInflate.cjs).
import './orderedInflate.cjs';
import PDFDocument from 'pdfkit';

export type PDFDoc = PDFKit.PDFDocument;
export { PDFDocument };
