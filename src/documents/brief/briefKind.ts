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
}

export const briefKind: DocumentKind<BriefOptions, BriefStrings> = {
  name: 'brief',
  templateOptions: {
    keys: ['contents', 'chartDataAppendix'],
    read: (r) => ({ contents: r.boolean('contents', false), chartDataAppendix: r.boolean('chartDataAppendix', false) }),
  },
  // The body and sources in columns; figures in a column or across all of them.
  maxColumns: 3,
  spanFigures: true,
  strings: BRIEF_STRINGS,
  translations: BRIEF_TRANSLATIONS,
  chartFontSize: 8,
  compose: ({ doc, template, options, paper, strings }) => ({ laid: composeBrief(doc, template, options, paper, strings), scale: 1, warnings: [] }),
};
