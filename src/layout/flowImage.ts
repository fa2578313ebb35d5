// An author's image: one unbreakable, floating box, scaled to fit the column (never enlarged
// past 96 dpi, never taller than half a page), tagged as a Figure with its description.
import type { RBlock } from '../resolve/resolvedTypes.js';
import type { FlowContext } from './flowBlocks.js';
import type { FlowBox } from './flowTypes.js';
import type { StructNode } from './pageTypes.js';

const PX = 0.75; // points per CSS pixel (96 dpi)

export function flowImage(ctx: FlowContext, b: Extract<RBlock, { kind: 'image' }>, parent: StructNode, indent: number): FlowBox {
  const node = ctx.sb.add(parent, 'Figure', { alt: b.alt });
  const maxW = ctx.width - indent;
  const maxH = 380 * ctx.scale;
  const scale = Math.min(1, maxW / (b.width * PX), maxH / (b.height * PX));
  const w = b.width * PX * scale;
  const h = b.height * PX * scale;
  const gap = 6 * ctx.scale;
  return {
    kind: 'box', height: h + 2 * gap, float: true, keepWithNext: false, figure: true, notes: [], what: `image ${b.src}`,
    draw: (x, y) => [{ kind: 'image', x: x + indent + (maxW - w) / 2, y: y + gap, w, h, data: b.data, struct: node.id }],
  };
}
