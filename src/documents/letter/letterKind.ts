// The personalised cover letter: one page with the organisation's letterhead, the recipient's
// address block, the date, the author's text with its merge fields, and a signature. Built
// alone it is a proof («name»); `report merge` builds one per recipient, on its own or in
// front of the brief (see src/merge/).
import type { DocumentKind } from '../documentKind.js';
import { composeLetter } from './composeLetter.js';
import { LETTER_STRINGS, type LetterStrings } from './letterStrings.js';

export interface LetterOptions {
  /** Height of the letterhead, from the top of the sheet, in points (template: letterheadMm). */
  letterhead: number;
  /** Top of the address block, in points (template: addressTopMm; 45–50 mm fits a window envelope). */
  addressTop: number;
  /** Height of a signature image, in points (template: signatureMm). */
  signatureHeight: number;
  /** The letterhead's type sizes: the organisation's name, its description, the contact lines. */
  letterheadType: { name: number; description: number; contact: number };
  /** Height of the logo (config.yaml `logo`) left of the name, in points (template: letterheadLogoMm). */
  logoHeight: number;
}

const MM = 72 / 25.4;

export const letterKind: DocumentKind<LetterOptions, LetterStrings> = {
  name: 'letter',
  templateOptions: {
    keys: ['letterheadMm', 'addressTopMm', 'signatureMm', 'letterheadLogoMm', 'letterheadType.name', 'letterheadType.description', 'letterheadType.contact'],
    read: (r) => ({
      letterhead: r.number('letterheadMm', 15, 80, 32) * MM,
      addressTop: r.number('addressTopMm', 20, 120, 50) * MM,
      signatureHeight: r.number('signatureMm', 5, 40, 14) * MM,
      letterheadType: { name: r.number('letterheadType.name', 8, 40, 22), description: r.number('letterheadType.description', 5, 16, 9), contact: r.number('letterheadType.contact', 5, 14, 8.5) },
      logoHeight: r.length('letterheadLogoMm', 5, 40, 12 * MM),
    }),
  },
  strings: LETTER_STRINGS,
  chartFontSize: 8,
  compose: ({ doc, template, options, paper, strings }) => ({ laid: composeLetter(doc, template, options, paper, strings), scale: 1, warnings: [] }),
};
