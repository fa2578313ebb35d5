// The widths of a table's columns, from what their cells hold: each column its one-line width
// when the table fits the text that way, else its longest word, shortened where words must
// break. A table whose columns cannot all be made wide enough for their cells to be set inside
// them (100 columns of tiny cells) is refused here, at its place in the source, instead of
// being drawn with text past the cell edges.
import { InputError, type SourcePlace } from '../errors.js';
import { measureText } from '../fonts/fontRegistry.js';
import type { RInline } from '../resolve/resolvedTypes.js';
import { textOf } from '../resolve/resolveDocument.js';
import { inlineRuns } from './inlineRuns.js';
import type { TextStyle } from './textStyle.js';

/** Space between a cell's text and its edges, left and right. */
export const CELL_PAD_X = 5;

export interface TableCells {
  header: RInline[][];
  rows: RInline[][][];
  /** Where the author wrote it; none for a table the engine makes (a chart's data appendix). */
  place?: SourcePlace;
}

let graphemeSegmenter: Intl.Segmenter | undefined;
const graphemes = (s: string) => (graphemeSegmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' })).segment(s);

/**
 * The narrowest a cell's text can be set: the line breaker breaks a word too long for its line
 * between any two characters, but never inside a character or an unbreakable run (a note mark,
 * short code). Measured in each run's own font (code, bold, Khmer), as the breaker will.
 */
export function narrowestSetting(cell: RInline[], style: TextStyle): number {
  let widest = 0;
  for (const run of inlineRuns(cell, style, { linkColor: style.color })) {
    const { font, size } = run.style;
    if (run.unbreakable) widest = Math.max(widest, measureText(font, run.text, size));
    else for (const { segment } of graphemes(run.text)) if (segment.trim()) widest = Math.max(widest, measureText(font, segment, size));
  }
  return widest;
}

/**
 * Each column's width, summing to `width`.
 * @throws InputError at the table when its columns cannot all hold their cells' text
 */
export function columnWidths(table: TableCells, body: TextStyle, head: TextStyle, width: number): number[] {
  const cols = table.header.length;
  // Natural (one-line) and minimum (longest word) width of each column.
  const nat = new Array<number>(cols).fill(0);
  const min = new Array<number>(cols).fill(0);
  // Columns where some word is wider than an even share of the text: they may need more than
  // that share for their widest character (computed only for them, as it measures every one).
  const squeezed = new Set<number>();
  const all = [table.header, ...table.rows];
  all.forEach((row, r) => row.forEach((cell, c) => {
    const s = r === 0 ? head : body;
    const text = textOf(cell);
    nat[c] = Math.max(nat[c], measureText(s.font, text, s.size) + 2 * CELL_PAD_X);
    for (const w of text.split(/\s+/)) {
      const ww = measureText(s.font, w, s.size) + 2 * CELL_PAD_X;
      if (ww > width / cols) squeezed.add(c);
      min[c] = Math.max(min[c], Math.min(ww, width / cols));
    }
  }));
  const sumNat = nat.reduce((a, x) => a + x, 0);
  if (sumNat <= width) return nat.map((w) => w + (width - sumNat) * (w / sumNat));

  // The least each column can be: its longest word, or for a squeezed column (a word wider
  // than an even share) the narrowest its cells can be set, words broken between characters.
  const least = min.slice();
  for (const c of squeezed) {
    least[c] = 0;
    for (const [r, row] of all.entries()) if (row[c]) least[c] = Math.max(least[c], narrowestSetting(row[c], r === 0 ? head : body) + 2 * CELL_PAD_X);
  }
  const sumLeast = least.reduce((a, x) => a + x, 0);
  if (sumLeast > width + 1e-9) {
    const pt = (x: number) => Math.ceil(x).toLocaleString('en-GB');
    const problem = `a table of ${cols} columns is too wide for the page: even with its words broken to fit, its columns need ${pt(sumLeast)} pt and the text is ${pt(width)} pt wide`;
    // A table the engine made too wide is the engine's fault, not the author's.
    if (!table.place) throw new Error(problem);
    throw new InputError(table.place, problem, 'split it into tables of fewer columns, or put the numbers in a data file and draw them as a chart');
  }
  // A squeezed column gets an even share, or its least when that is more; then what the text
  // has left is shared by how much more each column would like.
  const floor = least.map((l, c) => Math.max(l, min[c]));
  const sumFloor = floor.reduce((a, x) => a + x, 0);
  if (sumFloor > width) {
    // Raising some columns to their least took more than the text has: the others give back
    // what they have over their own least, in proportion.
    const give = (sumFloor - width) / (sumFloor - sumLeast);
    return floor.map((f, c) => f - (f - least[c]) * give);
  }
  const extra = width - sumFloor;
  const wants = nat.map((w, c) => Math.max(0, w - floor[c]));
  const sumWants = wants.reduce((a, x) => a + x, 0) || 1;
  return floor.map((m, c) => m + extra * (wants[c] / sumWants));
}
