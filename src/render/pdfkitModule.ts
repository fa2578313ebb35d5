// Loads pdfkit's CommonJS build. That build requires the same CommonJS fontkit instance the
// font registry uses, so the registry can hand pdfkit fonts it has already parsed.
import { createRequire } from 'node:module';
import type PDFKitTypes from 'pdfkit';

const require = createRequire(import.meta.url);

export type PDFDoc = PDFKit.PDFDocument;
export const PDFDocument = require('pdfkit') as typeof PDFKitTypes;
