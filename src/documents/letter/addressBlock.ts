// The recipient's name and postal address (the `address` column, one line per line of the
// cell), set as one paragraph of short lines so Khmer or Vietnamese names get their fonts like
// any text. A proof shows where they go.
import { flowParagraph, type FlowContext } from '../../layout/flowBlocks.js';
import type { FlowLine } from '../../layout/flowTypes.js';
import type { StructNode } from '../../layout/pageTypes.js';
import type { RInline } from '../../resolve/resolvedTypes.js';
import type { ResolvedDocument } from '../../resolve/resolvedTypes.js';
import { splitScripts } from '../../resolve/splitScripts.js';
import type { LetterStrings } from './letterStrings.js';

export function addressLines(ctx: FlowContext, doc: ResolvedDocument, parent: StructNode, strings: LetterStrings): FlowLine[] {
  const r = doc.recipient;
  const lines = r ? [r.name, ...(r.fields.get('address') ?? '').split(/\r\n|\r|\n/)] : [strings.proofName, strings.proofAddress];
  const inlines: RInline[] = [];
  for (const l of lines.map((x) => x.trim()).filter(Boolean)) {
    if (inlines.length) inlines.push({ kind: 'lineBreak' });
    inlines.push(...splitScripts({ kind: 'text', text: l, marks: {} }));
  }
  return flowParagraph(ctx, inlines, parent, 'P', { align: 'left', hyphenate: false });
}
