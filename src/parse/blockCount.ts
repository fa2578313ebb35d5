// How many pieces of text a document may have, counted on markdown-it's tokens before the tree
// is built. Each one becomes a block, its structure elements (a list item is three: LI, Lbl,
// LBody) and its lines, and that cost is per piece, not per byte: under 1 MB, 260,000 one-word
// list items took 1.9 GB before a page was drawn, where 1 MB of ordinary prose takes 300 MB.
import type { Token } from 'markdown-it';
import { InputError } from '../errors.js';
import type { MarkdownSource } from '../load/sourceTypes.js';

/** Paragraphs, headings, list items, table rows and code blocks: a long report has ~1,000. */
export const MAX_BLOCKS = 20_000;
/** Table cells, all tables together: 10,000 rows of five (100,000 small cells took 740 MB). */
export const MAX_TABLE_CELLS = 50_000;

const BLOCKS = new Set(['paragraph_open', 'heading_open', 'list_item_open', 'tr_open', 'fence', 'code_block', 'hr']);
const CELLS = new Set(['th_open', 'td_open']);

/** Throws at the line of the first piece past MAX_BLOCKS, or the row of the cell past MAX_TABLE_CELLS. */
export function checkBlockCount(src: MarkdownSource, tokens: readonly Token[]): void {
  let blocks = 0;
  let cells = 0;
  // Table cells have no line of their own: their row's.
  let line0: number | undefined;
  const place = () => (line0 === undefined ? undefined : src.lineMap[line0]) ?? { file: src.file };
  for (const t of tokens) {
    if (t.map) line0 = t.map[0];
    // A tight list item's paragraph is hidden: the item is counted, not it as well.
    if (BLOCKS.has(t.type) && !t.hidden && ++blocks > MAX_BLOCKS) {
      throw new InputError(place(), `more than ${MAX_BLOCKS.toLocaleString('en-GB')} paragraphs, headings, list items and table rows`, 'split the document, or move long lists and tables into data files drawn as charts');
    }
    if (CELLS.has(t.type) && ++cells > MAX_TABLE_CELLS) {
      throw new InputError(place(), `tables with more than ${MAX_TABLE_CELLS.toLocaleString('en-GB')} cells`, 'split the document, or move long tables into data files drawn as charts');
    }
  }
}
