// The space kept at the end of a line (textLines.ts, endsAtSpace) must be the source's own:
// read in order, the placed lines spell the paragraph with no space added where the breaker
// split a word. A long file name in a narrow column (the two-column brief's
// "seattle-|weather.csv") breaks after its delimiters as a URL does, with no hyphen and no
// flag, and used to come back as "seattle- weather.csv" in extracted text and structure order.
import { describe, expect, it } from 'vitest';
import { breakParagraph } from '../../../src/layout/breakParagraph.js';
import { placeFragments } from '../../../src/layout/textLines.js';
import type { InlineRun, Line } from '../../../src/layout/lineTypes.js';
import type { TextStyle } from '../../../src/layout/textStyle.js';

const SERIF: TextStyle = { font: 'serif', size: 10.5, color: '#000000' };
const MONO: TextStyle = { font: 'mono', size: 9.5, color: '#000000' };

const RUNS: InlineRun[] = [
  { text: 'The figures come from the file ', style: SERIF },
  { text: 'seattle-weather.csv', style: MONO, noHyphenate: true },
  { text: ' in the npm package vega-datasets, and the archived copy at ', style: SERIF },
  { text: 'https://archive.example.org/weather-data/seattle_daily.2012-2015.csv', style: MONO, noHyphenate: true },
  { text: ' is the same file, byte for byte, for anyone who wants to check the well-known figures and/or redo them.', style: SERIF },
];
const SOURCE = RUNS.map((r) => r.text).join('');

/** What a screen reader or copy-and-paste gets from the placed lines: their text, one after the other. */
const placedText = (lines: Line[]) => lines.map((l) => placeFragments(l, 0).filter((f) => !f.isHyphen).map((f) => f.text).join('')).join('');
const endsAtDelimiter = (l: Line) => !l.last && !l.hyphenated && !l.forcedBreak && /[-._]$/.test(l.fragments[l.fragments.length - 1].text);

describe('line-end spaces', () => {
  // Narrow measures, as in a column of a two-column page, down to where the URL must be forced apart.
  const MEASURES = Array.from({ length: 36 }, (_, i) => 110 + i * 5);

  it.each(['justify', 'left'] as const)('%s: the placed lines read as the source, with no space added inside a word', (align) => {
    let delimiterBreaks = 0;
    for (const measure of MEASURES) {
      const lines = breakParagraph(RUNS, { measure, align, hyphenateLang: 'en' });
      expect(lines.length, `measure ${measure}`).toBeGreaterThan(2);
      expect(placedText(lines), `measure ${measure}`).toBe(SOURCE);
      delimiterBreaks += lines.filter(endsAtDelimiter).length;
    }
    // The case this is about must have happened: lines ending after a file name's or URL's
    // '-', '.' or '_' with neither a hyphen nor a forced break.
    expect(delimiterBreaks).toBeGreaterThan(0);
  });
});
