// pdfkit, the only PDF writer: imported here so that only render reaches it. Fonts are handed
// to it already parsed (see pdfFonts.ts), so its own fontkit instance never parses a file.
import PDFDocument from 'pdfkit';

export type PDFDoc = PDFKit.PDFDocument;
export { PDFDocument };
