// The one-sheet handout: a title band, key-figure callouts, the text in balanced columns and
// a call to action with the donation URL and a QR code, on the front and at most the back.
import type { DocumentKind } from '../documentKind.js';
import { composeHandout } from './composeHandout.js';
import { HANDOUT_STRINGS, HANDOUT_TRANSLATIONS, type HandoutStrings } from './handoutStrings.js';

export interface HandoutOptions {
  /** How much the type may shrink (0.06 = to 94%) to fit one sheet before the build fails. */
  copyFitMax: number;
}

export const handoutKind: DocumentKind<HandoutOptions, HandoutStrings> = {
  name: 'handout',
  templateOptions: {
    keys: ['copyFitMax'],
    read: (r) => ({ copyFitMax: r.number('copyFitMax', 0, 0.15, 0) }),
  },
  maxColumns: 3,
  strings: HANDOUT_STRINGS,
  translations: HANDOUT_TRANSLATIONS,
  chartFontSize: 7.5,
  compose: ({ doc, template, options, paper, strings }) => {
    const h = composeHandout(doc, template, options, paper, strings);
    // A message to the author, in English like every other: not text the handout prints.
    const warnings = h.scale < 1 ? [`${doc.file}: copy-fitted to ${Math.round(h.scale * 100)}% type size to fit one sheet`] : [];
    return { laid: h.doc, scale: h.scale, warnings };
  },
};
