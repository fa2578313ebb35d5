// CMYK values for the colours the engine and the built-in kinds draw with that no template
// sets: the chart theme's fixed colours (src/charts/chartTheme.ts), white and the pale tints
// on coloured bands, the footnote rule. They are design decisions, made here once for coated
// stock (neutral greys on black alone, so they print crisp); a template's own colours give
// their CMYK in the template. tests/unit/print/engineColors.test.ts fails when the chart theme
// gains a colour that is missing here.
import type { Cmyk } from './printTemplate.js';

export const ENGINE_CMYK: ReadonlyMap<string, { cmyk: Cmyk; what: string }> = new Map<string, { cmyk: Cmyk; what: string }>([
  ['#ffffff', { cmyk: [0, 0, 0, 0], what: 'white' }],
  ['#000000', { cmyk: [0, 0, 0, 100], what: 'black' }],
  // The chart theme's defaults (a template's text, muted, accent and warm replace some).
  ['#1f2a30', { cmyk: [0, 0, 0, 100], what: 'chart text' }],
  ['#58656d', { cmyk: [0, 0, 0, 70], what: 'muted chart text' }],
  ['#dde2e5', { cmyk: [0, 0, 0, 12], what: 'chart grid' }],
  ['#9aa3a8', { cmyk: [0, 0, 0, 40], what: 'chart axis line' }],
  ['#1d5c63', { cmyk: [88, 35, 45, 28], what: 'chart deep teal' }],
  ['#3a4a8a', { cmyk: [85, 70, 10, 5], what: 'chart indigo' }],
  ['#c98a2b', { cmyk: [18, 48, 95, 5], what: 'chart ochre' }],
  ['#6fa3a0', { cmyk: [60, 18, 38, 2], what: 'chart light teal' }],
  ['#8d93c4', { cmyk: [48, 40, 0, 0], what: 'chart light indigo' }],
  ['#a8553a', { cmyk: [22, 72, 80, 12], what: 'chart terracotta' }],
  ['#8a949a', { cmyk: [0, 0, 0, 50], what: 'chart neutral grey' }],
  ['#e0c27e', { cmyk: [12, 22, 58, 0], what: 'chart sand' }],
  // The kinds' fixed colours: pale text on the coloured bands, the placeholder note, the footnote rule.
  ['#e6f0f0', { cmyk: [9, 0, 3, 0], what: 'pale text on a coloured band' }],
  ['#f3c9b5', { cmyk: [0, 22, 27, 0], what: 'the placeholder note' }],
  ['#9aa5ad', { cmyk: [0, 0, 0, 38], what: 'the footnote rule' }],
]);

/** The registration colour of crop and registration marks: every ink, so every plate shows them. */
export const REGISTRATION: Cmyk = [100, 100, 100, 100];
