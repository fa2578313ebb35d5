// A linear scan of a document's Markdown before markdown-it parses it, for the constructs whose
// cost grows faster than their number: markdown-it-footnote copies the whole token list once
// per note (100,000 notes never finish), and each link reference definition is a map entry
// and a string normalised. Counted here by their line starts (a cheap over-estimate), each
// limit far beyond a real report, and the one past the limit is named by its line.
import { InputError, type SourcePlace } from '../errors.js';
import type { MarkdownSource } from '../load/sourceTypes.js';

/** Footnotes (definitions and inline ^[…] notes): a long report has a few hundred. */
export const MAX_FOOTNOTES = 1_000;
/** Link reference definitions (`[label]: url` lines). */
export const MAX_LINK_DEFINITIONS = 5_000;

const FOOTNOTE_DEFINITION = /^ {0,3}(?:>\s*)*\[\^[^\]\s]+\]:/;
const LINK_DEFINITION = /^ {0,3}(?:>\s*)*\[(?!\^)[^\]]+\]:/;
const INLINE_NOTE = /\^\[/g;

export function checkMarkdownCounts(src: MarkdownSource): void {
  let notes = 0;
  let links = 0;
  let line = 0;
  const place = (): SourcePlace => src.lineMap[line] ?? { file: src.file };
  for (let start = 0; start <= src.body.length; line++) {
    let end = src.body.indexOf('\n', start);
    if (end < 0) end = src.body.length;
    const text = src.body.slice(start, end);
    start = end + 1;
    if (FOOTNOTE_DEFINITION.test(text)) notes++;
    else if (LINK_DEFINITION.test(text)) links++;
    if (text.includes('^[')) notes += text.match(INLINE_NOTE)?.length ?? 0;
    if (notes > MAX_FOOTNOTES) throw new InputError(place(), `more than ${MAX_FOOTNOTES} footnotes`, `a document may have at most ${MAX_FOOTNOTES}; move long notes into the text or an appendix, or split the document`);
    if (links > MAX_LINK_DEFINITIONS) throw new InputError(place(), `more than ${MAX_LINK_DEFINITIONS} link reference definitions ([label]: url lines)`, 'write the links inline, [text](url), or split the document');
  }
}
