// Key-figure callouts: a big number bound to the data, a short label, and its source.
import type { FlowContext } from '../../layout/flowBlocks.js';
import type { FlowBox } from '../../layout/flowTypes.js';
import { inlineRuns } from '../../layout/inlineRuns.js';
import type { PageItem, StructNode } from '../../layout/pageTypes.js';
import { textAt } from '../../layout/setText.js';
import { breakRuns, placeFragments } from '../../layout/textLines.js';
import type { RBlock } from '../../resolve/resolvedTypes.js';

export function flowCallouts(ctx: FlowContext, callouts: Extract<RBlock, { kind: 'callout' }>[], parent: StructNode, width: number): FlowBox {
  const t = ctx.template;
  const gap = 8;
  const n = callouts.length;
  const w = (width - gap * (n - 1)) / n;
  const s = ctx.scale;
  const labelStyle = { font: 'sans' as const, size: 8.6 * s, color: t.colors.text };
  const srcStyle = { font: 'sans' as const, size: 6.6 * s, color: t.colors.muted };
  const laid = callouts.map((c) => {
    const node = ctx.sb.add(parent, 'P');
    const label = breakRuns(inlineRuns(c.label, labelStyle, { linkColor: t.colors.accent }), { measure: w - 16, align: 'left', hyphenateLang: null });
    const src = breakRuns([{ text: c.source, style: srcStyle }], { measure: w - 16, align: 'left', hyphenateLang: null });
    return { c, node, label, src };
  });
  const height = Math.max(...laid.map((l) => 36 * s + l.label.length * 11 * s + 4 + l.src.length * 8.5 * s)) + 10;
  return {
    kind: 'box', height, float: false, keepWithNext: false, notes: [], what: 'callouts',
    draw: (x, y) => {
      const items: PageItem[] = [];
      laid.forEach((l, i) => {
        const bx = x + i * (w + gap);
        const within = `callout ${i + 1}`;
        items.push({ kind: 'rect', x: bx, y, w, h: height, fill: t.colors.accentSoft, radius: 3, container: within });
        items.push({ kind: 'rect', x: bx, y, w: 3, h: height, fill: t.colors.warm, within });
        items.push({ ...textAt(l.c.value, { font: 'sans-bold', size: 21 * s, color: t.colors.warm }, bx + 10, y + 28 * s, 'left', l.node.id), within });
        let ly = y + 36 * s;
        l.label.forEach((line) => {
          ly += 11 * s;
          items.push({ kind: 'text', y: ly - 2, fragments: placeFragments(line, bx + 10), struct: l.node.id, within });
        });
        ly += 4;
        l.src.forEach((line) => {
          ly += 8.5 * s;
          items.push({ kind: 'text', y: ly - 1, fragments: placeFragments(line, bx + 10), struct: l.node.id, within });
        });
      });
      return items;
    },
  };
}
