// Inline rule for a footnote citation `[^id]` whose note is never defined. markdown-it-footnote
// matches a citation only when its definition exists, and leaves any other `[^id]` as literal
// text, so a typo in a label used to print "[^ipum]" in the PDF without a word. This rule runs
// right after the footnote plugin's own and turns what it left into a token the parser reports.
// `\[^id]` is consumed by markdown-it's escape rule before this rule sees it: that is how an
// author prints the brackets on purpose.
import type { MarkdownIt, StateInline } from 'markdown-it';

// A type, not an interface: token meta is typed as a plain record.
export type DanglingNoteMeta = {
  label: string;
  /** Labels the document does define, for a "did you mean". */
  defined: string[];
  /** Line within the inline block and 1-based column on it, as the binding rule gives them. */
  lineOffset: number;
  col: number;
};

export function danglingNotePlugin(md: MarkdownIt): void {
  md.inline.ruler.after('footnote_ref', 'report_dangling_note', danglingNote);
}

function danglingNote(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== 0x5b /* [ */ || src.charCodeAt(start + 1) !== 0x5e /* ^ */) return false;
  // The label as markdown-it-footnote reads one: no spaces or line ends, not empty.
  let end = start + 2;
  while (end < state.posMax && !/[\s\]]/.test(src[end])) end++;
  if (end === start + 2 || end >= state.posMax || src[end] !== ']') return false;
  if (!silent) {
    const refs = (state.env as { footnotes?: { refs?: Record<string, number> } }).footnotes?.refs ?? {};
    const t = state.push('report_dangling_note', '', 0);
    const meta: DanglingNoteMeta = {
      label: src.slice(start + 2, end),
      defined: Object.keys(refs).map((k) => k.slice(1)),
      lineOffset: countNewlines(src, start),
      col: start - src.lastIndexOf('\n', start - 1),
    };
    t.meta = meta;
    t.content = src.slice(start, end + 1);
  }
  state.pos = end + 1;
  return true;
}

function countNewlines(s: string, upTo: number): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0 && i < upTo; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
