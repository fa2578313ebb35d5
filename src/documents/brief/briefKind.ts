// The donor brief: cover, contents, body with footnotes and running heads, sources, an
// optional appendix of chart data, and a closing page with the call to action.
import type { DocumentKind } from '../documentKind.js';
import { BRIEF_STRINGS, BRIEF_TRANSLATIONS, type BriefStrings } from './briefStrings.js';
import { composeBrief } from './composeBrief.js';

export interface BriefOptions {
  /** A contents page after the cover. */
  contents: boolean;
  /** An appendix with each chart's data as a table. */
  chartDataAppendix: boolean;
  cover: CoverGeometry;
  /** Height of the accent band at the top of the closing page, in points (0: none). */
  closingBand: number;
}

/** The cover, from the template's cover.* keys; lengths in points, type in points. */
export interface CoverGeometry {
  /** The accent band's height, as a share of the page's. */
  bandHeight: number;
  titleSize: number;
  titleLeading: number;
  titleColor: string;
  subtitleSize: number;
  subtitleLeading: number;
  subtitleColor: string;
  /** Between the title's last line and the subtitle. */
  subtitleGap: number;
  /** The title starts this far above the band's foot (higher when the text needs the room). */
  titleAboveBandFoot: number;
  /** Least room between the title (or subtitle) and the band's foot. */
  titleClearance: number;
  organisationSize: number;
  detailsSize: number;
  /** Between the baselines of the organisation, its description and the date. */
  detailsLeading: number;
  /** The organisation's baseline, above the foot of the page. */
  detailsFromBottom: number;
  barWidth: number;
  barHeight: number;
  /** The accent bar's top, above the organisation's baseline. */
  barAboveOrganisation: number;
  /** The logo's height (config.yaml `logo`), beside the organisation's lines. */
  logoHeight: number;
  /** Room above and below the cover image (config.yaml `coverImage`). */
  imageGap: number;
}

const COVER_KEYS = ['bandHeight', 'titleSize', 'titleLeading', 'titleColor', 'subtitleSize', 'subtitleLeading', 'subtitleColor', 'subtitleGapMm', 'titleAboveBandFootMm', 'titleClearanceMm',
  'organisationSize', 'detailsSize', 'detailsLeading', 'detailsFromBottomMm', 'barWidthMm', 'barHeightMm', 'barAboveOrganisationMm', 'logoHeightMm', 'imageGapMm'];

const MM = 72 / 25.4;

export const briefKind: DocumentKind<BriefOptions, BriefStrings> = {
  name: 'brief',
  templateOptions: {
    keys: ['contents', 'chartDataAppendix', 'closingBandMm', ...COVER_KEYS.map((k) => `cover.${k}`)],
    // The defaults are the cover every brief had before these keys existed.
    read: (r) => ({
      contents: r.boolean('contents', false),
      chartDataAppendix: r.boolean('chartDataAppendix', false),
      closingBand: r.length('closingBandMm', 0, 30, 10),
      cover: {
        bandHeight: r.number('cover.bandHeight', 0.15, 0.8, 0.46),
        titleSize: r.number('cover.titleSize', 12, 60, 30),
        titleLeading: r.number('cover.titleLeading', 12, 80, 35),
        titleColor: r.color('cover.titleColor', '#ffffff'),
        subtitleSize: r.number('cover.subtitleSize', 7, 30, 14),
        subtitleLeading: r.number('cover.subtitleLeading', 7, 40, 18),
        subtitleColor: r.color('cover.subtitleColor', '#e6f0f0'),
        subtitleGap: r.length('cover.subtitleGapMm', 0, 20, 10),
        titleAboveBandFoot: r.length('cover.titleAboveBandFootMm', 5, 150, 150),
        titleClearance: r.length('cover.titleClearanceMm', 0, 40, 24),
        organisationSize: r.number('cover.organisationSize', 7, 30, 13),
        detailsSize: r.number('cover.detailsSize', 6, 20, 10.5),
        detailsLeading: r.number('cover.detailsLeading', 6, 30, 16),
        detailsFromBottom: r.length('cover.detailsFromBottomMm', 15, 120, 120),
        barWidth: r.length('cover.barWidthMm', 0, 100, 40),
        barHeight: r.length('cover.barHeightMm', 0, 10, 3),
        barAboveOrganisation: r.length('cover.barAboveOrganisationMm', 0, 60, 30),
        logoHeight: r.length('cover.logoHeightMm', 5, 60, 16 * MM),
        imageGap: r.length('cover.imageGapMm', 0, 40, 8 * MM),
      },
    }),
  },
  // The body and sources in columns; figures in a column or across all of them.
  maxColumns: 3,
  spanFigures: true,
  strings: BRIEF_STRINGS,
  translations: BRIEF_TRANSLATIONS,
  chartFontSize: 8,
  compose: ({ doc, template, options, paper, strings }) => ({ laid: composeBrief(doc, template, options, paper, strings), scale: 1, warnings: [] }),
};
