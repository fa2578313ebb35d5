// The one-sheet handout: a title band, key-figure callouts, the text in balanced columns and
// a call to action with the donation URL and a QR code, on the front and at most the back.
import type { DocumentKind } from '../documentKind.js';
import { composeHandout } from './composeHandout.js';
import { HANDOUT_STRINGS, HANDOUT_TRANSLATIONS, type HandoutStrings } from './handoutStrings.js';

export interface HandoutOptions {
  /** How much the type may shrink (0.06 = to 94%) to fit one sheet before the build fails. */
  copyFitMax: number;
  band: BandGeometry;
}

/** The title band, from the template's band.* keys; lengths and type in points. */
export interface BandGeometry {
  /** The band's least height (it grows to hold its text and the logo). */
  minHeight: number;
  /** Top of the title's first line box. */
  titleTop: number;
  titleSize: number;
  titleLeading: number;
  titleColor: string;
  /** The most of the text block's width the title takes. */
  titleShare: number;
  subtitleSize: number;
  subtitleLeading: number;
  subtitleColor: string;
  organisationSize: number;
  organisationColor: string;
  /** The organisation's first baseline, from the top of the sheet. */
  organisationBaseline: number;
  /** The most of the width the organisation's name takes (it wraps past that). */
  organisationShare: number;
  /** The logo's height (config.yaml `logo`), under the organisation's name. */
  logoHeight: number;
  /** Room between the band and the key figures (or text) under it. */
  gapBelow: number;
}

const BAND_KEYS = ['minHeightMm', 'titleTopMm', 'titleSize', 'titleLeading', 'titleColor', 'titleShare', 'subtitleSize', 'subtitleLeading', 'subtitleColor',
  'organisationSize', 'organisationColor', 'organisationBaselineMm', 'organisationShare', 'logoHeightMm', 'gapBelowMm'];
const MM = 72 / 25.4;

export const handoutKind: DocumentKind<HandoutOptions, HandoutStrings> = {
  name: 'handout',
  templateOptions: {
    keys: ['copyFitMax', ...BAND_KEYS.map((k) => `band.${k}`)],
    // The defaults are the band every handout had before these keys existed.
    read: (r) => ({
      copyFitMax: r.number('copyFitMax', 0, 0.15, 0),
      band: {
        minHeight: r.length('band.minHeightMm', 10, 100, 86),
        titleTop: r.length('band.titleTopMm', 0, 40, 18),
        titleSize: r.number('band.titleSize', 10, 48, 21),
        titleLeading: r.number('band.titleLeading', 10, 60, 24),
        titleColor: r.color('band.titleColor', '#ffffff'),
        titleShare: r.number('band.titleShare', 0.3, 1, 0.78),
        subtitleSize: r.number('band.subtitleSize', 6, 24, 10.5),
        subtitleLeading: r.number('band.subtitleLeading', 6, 30, 13),
        subtitleColor: r.color('band.subtitleColor', '#e6f0f0'),
        organisationSize: r.number('band.organisationSize', 6, 30, 13),
        organisationColor: r.color('band.organisationColor', '#ffffff'),
        organisationBaseline: r.length('band.organisationBaselineMm', 3, 60, 36),
        organisationShare: r.number('band.organisationShare', 0.1, 0.6, 0.35),
        logoHeight: r.length('band.logoHeightMm', 4, 40, 9 * MM),
        gapBelow: r.length('band.gapBelowMm', 0, 30, 14),
      },
    }),
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
