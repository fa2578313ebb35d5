// Key-figure callouts: a big number bound to the data, a short label, and its source. A value
// too wide for its box ("Tier 2 Watch List") is set smaller, down to VALUE_MIN of the full
// size, and wrapped below that; the boxes grow to hold the longest callout.
import { measureText } from '../../fonts/fontRegistry.js';
import type { FlowContext } from '../../layout/flowBlocks.js';
import type { FlowBox } from '../../layout/flowTypes.js';
import { inlineRuns } from '../../layout/inlineRuns.js';
import type { PageItem, StructNode } from '../../layout/pageTypes.js';
import { textAt } from '../../layout/setText.js';
import { breakRuns, placeFragments } from '../../layout/textLines.js';
import type { RBlock } from '../../resolve/resolvedTypes.js';

const VALUE_SIZE = 21;
const VALUE_MIN = 0.62;
/** Padding left and right of the value inside its box. */
const PAD = 10;

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
    const full = measureText('sans-bold', c.value, VALUE_SIZE * s);
    const size = VALUE_SIZE * s * Math.max(VALUE_MIN, Math.min(1, (w - 2 * PAD) / full));
    const valueStyle = { font: 'sans-bold' as const, size, color: t.colors.warm };
    const value = full <= w - 2 * PAD ? null : breakRuns([{ text: c.value, style: valueStyle }], { measure: w - 2 * PAD, align: 'left', hyphenateLang: null });
    // Lines of the value after its first push the label down.
    const valueLead = size * 1.15;
    const extra = value ? (value.length - 1) * valueLead : 0;
    const label = breakRuns(inlineRuns(c.label, labelStyle, { linkColor: t.colors.accent }), { measure: w - 16, align: 'left', hyphenateLang: null });
    const src = breakRuns([{ text: c.source, style: srcStyle }], { measure: w - 16, align: 'left', hyphenateLang: null });
    return { c, node, valueStyle, value, valueLead, extra, label, src };
  });
  const height = Math.max(...laid.map((l) => 36 * s + l.extra + l.label.length * 11 * s + 4 + l.src.length * 8.5 * s)) + 10;
  return {
    kind: 'box', height, float: false, keepWithNext: false, notes: [], what: 'callouts',
    draw: (x, y) => {
      const items: PageItem[] = [];
      laid.forEach((l, i) => {
        const bx = x + i * (w + gap);
        const within = `callout ${i + 1}`;
        items.push({ kind: 'rect', x: bx, y, w, h: height, fill: t.colors.accentSoft, radius: 3, container: within });
        items.push({ kind: 'rect', x: bx, y, w: 3, h: height, fill: t.colors.warm, within });
        if (l.value) l.value.forEach((line, k) => items.push({ kind: 'text', y: y + 28 * s + k * l.valueLead, fragments: placeFragments(line, bx + PAD), struct: l.node.id, within }));
        else items.push({ ...textAt(l.c.value, l.valueStyle, bx + PAD, y + 28 * s, 'left', l.node.id), within });
        let ly = y + 36 * s + l.extra;
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
