// How many pieces of text a document may have, counted on markdown-it's tokens before the tree
// is built. Each one becomes a block, its structure elements (a list item is three: LI, Lbl,
// LBody) and its lines, and that cost is per piece, not per byte: under 1 MB, 260,000 one-word
// list items took 1.9 GB before a page was drawn, where 1 MB of ordinary prose takes 300 MB.
import type { Token } from 'markdown-it';
import { InputError } from '../errors.js';
import type { MarkdownSource } from '../load/sourceTypes.js';

/** Paragraphs, headings, list items, table cells and code blocks: a long report has ~1,000. */
export const MAX_BLOCKS = 20_000;

const COUNTED = new Set(['paragraph_open', 'heading_open', 'list_item_open', 'th_open', 'td_open', 'fence', 'code_block', 'hr']);

/** Throws at the line of the first piece past MAX_BLOCKS. */
export function checkBlockCount(src: MarkdownSource, tokens: readonly Token[]): void {
  let n = 0;
  // Table cells have no line of their own: their row's.
  let line0: number | undefined;
  for (const t of tokens) {
    if (t.map) line0 = t.map[0];
    // A tight list item's paragraph is hidden: the item is counted, not it as well.
    if (!COUNTED.has(t.type) || t.hidden || ++n <= MAX_BLOCKS) continue;
    const place = (line0 === undefined ? undefined : src.lineMap[line0]) ?? { file: src.file };
    throw new InputError(place, `more than ${MAX_BLOCKS.toLocaleString('en-GB')} paragraphs, headings, list items and table cells`, 'split the document, or move long lists and tables into data files drawn as charts');
  }
}
