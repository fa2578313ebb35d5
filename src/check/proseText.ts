// Walking a document tree for checks: every block (footnotes included) and the inline text
// each holds, and the prose of a block as the author typed it: text outside code, links and
// bindings, split wherever something else comes between (so a binding's value can never join
// the typed text around it).
import type { SourcePlace } from '../errors.js';
import type { Block, DocumentTree, Inline } from '../parse/documentTypes.js';
import { unreachable } from '../unreachable.js';

/** Calls `f` for every block of the tree and of its footnotes, outer blocks before inner. */
export function walkBlocks(tree: DocumentTree, f: (b: Block) => void): void {
  const visit = (bs: Block[]) => {
    for (const b of bs) {
      f(b);
      if (b.kind === 'list') b.items.forEach(visit);
      else if (b.kind === 'quote' || b.kind === 'closing' || b.kind === 'cta' || b.kind === 'signature' || b.kind === 'if') visit(b.blocks);
    }
  };
  visit(tree.blocks);
  for (const n of tree.notes.values()) visit(n.blocks);
}

/** The runs of inline content a block holds itself (not those of the blocks inside it). */
export function blockInlines(b: Block): Inline[][] {
  switch (b.kind) {
    case 'heading':
    case 'paragraph':
      return [b.inlines];
    case 'table':
      return [...b.header, ...b.rows.flat()];
    case 'figure':
      return [b.caption];
    case 'callout':
      return [b.label];
    case 'list':
    case 'quote':
    case 'closing':
    case 'cta':
    case 'signature':
    case 'if':
    case 'code':
    case 'rule':
    case 'image':
      return [];
    default:
      return unreachable(b, 'block');
  }
}

export interface ProseBlock {
  /** Where the block starts. */
  place: SourcePlace;
  /** Runs of typed text, in reading order. */
  runs: string[];
}

/** Every block holding prose, in document order, then the footnotes'. */
export function proseBlocks(tree: DocumentTree): ProseBlock[] {
  const out: ProseBlock[] = [];
  walkBlocks(tree, (b) => {
    const runs = blockInlines(b).flatMap(runsOf);
    if (runs.length) out.push({ place: b.place, runs });
  });
  return out;
}

function runsOf(xs: Inline[]): string[] {
  const runs: string[] = [];
  let cur = '';
  const flush = () => {
    if (cur) runs.push(cur);
    cur = '';
  };
  for (const x of xs) {
    if (x.kind === 'text' && !x.marks.code && !x.href) cur += x.text;
    else if (x.kind === 'lineBreak') cur += ' ';
    // A merge field is the recipient's text, not the author's: nothing typed there.
    else if (x.kind === 'text' || x.kind === 'binding' || x.kind === 'noteRef' || x.kind === 'field') flush();
    else unreachable(x, 'inline');
  }
  flush();
  return runs;
}
