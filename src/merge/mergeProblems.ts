// Checks every recipient's merge fields in every document before anything is laid out, built
// or sent: a blank field without a fallback, a column the list does not have, for all
// recipients at once. The same rules as resolving (src/resolve/mergeFields.ts), without the
// layout: ~1 µs a field.
import { ErrorList, type InputError } from '../errors.js';
import type { Block, DocumentTree, Inline } from '../parse/documentTypes.js';
import { fieldPresent, fieldText, type MergeRecipient } from '../resolve/mergeFields.js';
import type { RecipientList } from '../recipients/recipientTypes.js';
import { unreachable } from '../unreachable.js';

/** One error per problem; a problem every recipient shares (an unknown column) is given once. */
export function mergeProblems(trees: readonly DocumentTree[], list: RecipientList, locale: string): InputError[] {
  const errors = new ErrorList();
  const seen = new Set<string>();
  for (const recipient of list.recipients) {
    const m: MergeRecipient = { recipient, columns: list.columns, types: list.types, locale };
    const add = (place: InputError['place'], r: { problem: string; hint: string }) => {
      const key = `${place.file}:${place.line}:${place.col}:${r.problem}`;
      if (seen.has(key)) return;
      seen.add(key);
      errors.add(place, r.problem, r.hint);
    };
    const inlines = (xs: Inline[]) => {
      for (const x of xs) {
        if (x.kind !== 'field') continue;
        const r = fieldText(m, x.field, x.fallback);
        if ('problem' in r) add(x.place, r);
      }
    };
    const block = (b: Block): void => {
      switch (b.kind) {
        case 'if': {
          const p = fieldPresent(m, b.field);
          if (typeof p !== 'boolean') add(b.place, p);
          else if (p !== b.negate) b.blocks.forEach(block);
          return;
        }
        case 'heading':
        case 'paragraph':
          return inlines(b.inlines);
        case 'list':
          return b.items.forEach((it) => it.forEach(block));
        case 'quote':
        case 'closing':
        case 'cta':
        case 'signature':
          return b.blocks.forEach(block);
        case 'table':
          return [b.header, ...b.rows].forEach((row) => row.forEach(inlines));
        case 'figure':
          return inlines(b.caption);
        case 'callout':
          return inlines(b.label);
        case 'code':
        case 'rule':
        case 'image':
          return;
        default:
          return unreachable(b, 'block');
      }
    };
    for (const t of trees) {
      t.blocks.forEach(block);
      for (const n of t.notes.values()) n.blocks.forEach(block);
    }
  }
  return errors.errors;
}
