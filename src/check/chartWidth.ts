// Charts drawn wider than the column they are set in. The template gives every chart the
// column's width, but long axis labels, a legend beside the plot or concatenated views can make
// vega draw more than that; the figure is then centred no further left than the column and runs
// into the margin (or the next column). Read from the compiled drawing's width.
import type { SourcePlace } from '../errors.js';
import type { RBlock } from '../resolve/resolvedTypes.js';
import type { Check } from './checkTypes.js';
import type { Diagnostic } from './diagnostic.js';
import { walkBlocks } from './proseText.js';

/** Half a point: less is rounding, not a visible overflow. */
const TOLERANCE = 0.5;

export const chartWidthCheck: Check = {
  rule: 'chart-too-wide',
  run(ctx) {
    const out: Diagnostic[] = [];
    for (const d of ctx.documents) {
      if (!d.resolved || !d.tree || d.frameWidth === undefined) continue;
      const places = new Map<string, SourcePlace>();
      walkBlocks(d.tree, (b) => {
        if (b.kind === 'figure' && !places.has(b.chart)) places.set(b.chart, b.place);
      });
      const frame = d.frameWidth;
      for (const f of figures(d.resolved.blocks)) {
        if (f.chart.width <= frame + TOLERANCE) continue;
        const spec = ctx.source.charts.get(f.name)?.file ?? `content/charts/${f.name}.vl.json`;
        out.push({
          severity: 'warning', rule: this.rule, place: places.get(f.name) ?? { file: d.markdown.file },
          message: `chart "${f.name}" is drawn ${Math.round(f.chart.width)} pt wide, ${Math.round(f.chart.width - frame)} pt more than its ${Math.round(frame)} pt column, and runs out of it into the gutter or margin`,
          hint: `in ${spec}, shorten the labels (or set a labelLimit), put the legend below ("orient": "bottom"), or draw fewer views side by side`,
        });
      }
    }
    return out;
  },
};

function figures(bs: RBlock[]): Extract<RBlock, { kind: 'figure' }>[] {
  const out: Extract<RBlock, { kind: 'figure' }>[] = [];
  for (const b of bs) {
    if (b.kind === 'figure') out.push(b);
    else if (b.kind === 'list') b.items.forEach((it) => out.push(...figures(it)));
    else if (b.kind === 'quote' || b.kind === 'closing' || b.kind === 'cta') out.push(...figures(b.blocks));
  }
  return out;
}
