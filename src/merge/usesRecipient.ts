// Whether a document has anything to fill in per recipient. One that has not (the brief) is
// laid out and rendered once for all recipients and copied into each recipient's PDF.
import type { Block, DocumentTree, Inline } from '../parse/documentTypes.js';
import { unreachable } from '../unreachable.js';

export function usesRecipient(tree: DocumentTree): boolean {
  return tree.blocks.some(blockUses) || [...tree.notes.values()].some((n) => n.blocks.some(blockUses));
}

const inlinesUse = (xs: Inline[]): boolean => xs.some((x) => x.kind === 'field');

function blockUses(b: Block): boolean {
  switch (b.kind) {
    case 'if':
      return true;
    case 'heading':
    case 'paragraph':
      return inlinesUse(b.inlines);
    case 'list':
      return b.items.some((it) => it.some(blockUses));
    case 'quote':
    case 'closing':
    case 'cta':
    case 'signature':
      return b.blocks.some(blockUses);
    case 'table':
      return [b.header, ...b.rows].some((row) => row.some(inlinesUse));
    case 'figure':
      return inlinesUse(b.caption);
    case 'callout':
      return inlinesUse(b.label);
    case 'code':
    case 'rule':
    case 'image':
      return false;
    default:
      return unreachable(b, 'block');
  }
}
