// The letter's sign-off (`::: signature` … `:::`): the closing words, an optional signature
// image (scaled to the template's signatureMm, not to the column as images in running text
// are) and the signer's name and role, kept together, with no space between its lines.
import { flowParagraph, type FlowContext } from '../../layout/flowBlocks.js';
import type { FlowItem } from '../../layout/flowTypes.js';
import type { StructNode } from '../../layout/pageTypes.js';
import type { RBlock } from '../../resolve/resolvedTypes.js';

const PX = 0.75;

export function flowSignature(ctx: FlowContext, b: Extract<RBlock, { kind: 'signature' }>, parent: StructNode, imageHeight: number): FlowItem[] {
  const sect = ctx.sb.add(parent, 'Sect');
  const out: FlowItem[] = [];
  for (const x of b.blocks) {
    if (x.kind === 'image') {
      const node = ctx.sb.add(sect, 'Figure', { alt: x.alt });
      const h = Math.min(imageHeight, x.height * PX);
      const w = Math.min(ctx.width, (x.width / x.height) * h);
      out.push({ kind: 'box', height: h + 6, float: false, keepWithNext: true, notes: [], what: `signature ${x.src}`, draw: (px, py) => [{ kind: 'image', x: px, y: py + 3, w, h: w * (x.height / x.width), data: x.data, struct: node.id }] });
    } else if (x.kind === 'paragraph') {
      out.push(...flowParagraph(ctx, x.inlines, sect, 'P', { align: 'left', hyphenate: false, keepWithNext: true }));
    }
    // Anything else in a sign-off (a list, a table) has no place there and is left out.
  }
  // The sign-off is one unit: every piece is kept with the next, the last ends the chain.
  const last = out[out.length - 1];
  if (last && (last.kind === 'line' || last.kind === 'box')) last.keepWithNext = false;
  return out;
}
