// A figure is one unbreakable, floating box: the chart drawn as vectors, then its numbered
// caption and source line. Charts are compiled to fit the column and most of a page; a figure
// that is still wider than the column or taller than a frame (a long caption under a tall
// chart) has its chart scaled down as a drawing, so the box always fits.
import { scaleDrawing } from '../charts/scaleDrawing.js';
import { fillString } from '../documents/fillString.js';
import type { RBlock } from '../resolve/resolvedTypes.js';
import { fixedInlines } from './fixedText.js';
import type { FlowContext } from './flowBlocks.js';
import { styleOf } from './flowBlocks.js';
import type { FlowBox } from './flowTypes.js';
import { inlineRuns } from './inlineRuns.js';
import type { PageItem, StructNode } from './pageTypes.js';
import { breakRuns, drawLine, fragmentStructs } from './textLines.js';

export function flowFigure(ctx: FlowContext, b: Extract<RBlock, { kind: 'figure' }>, parent: StructNode): FlowBox {
  const t = ctx.template;
  const across = b.span === true && ctx.spanWidth !== undefined;
  const width = ctx.figureWidth ?? (across ? ctx.spanWidth! : ctx.width);
  const fig = ctx.sb.add(parent, 'Figure', { alt: b.alt });
  const cap = ctx.sb.add(parent, 'Caption');
  const { style, leading } = styleOf(ctx, 'caption');
  const runs = [
    ...inlineRuns(fixedInlines(fillString(ctx.strings.figureCaption, { number: b.number }) + ' ', { strong: true }), { ...style, color: t.colors.accent }, { linkColor: t.colors.accent }),
    ...inlineRuns(b.caption, style, { linkColor: t.colors.accent }),
  ];
  const capLines = breakRuns(runs, { measure: width, align: 'left', hyphenateLang: ctx.lang });
  const srcRuns = inlineRuns(fixedInlines(fillString(ctx.strings.sourceLine, { source: b.source })), { ...style, color: t.colors.muted, size: style.size * 0.95 }, { linkColor: t.colors.accent });
  const srcLines = breakRuns(srcRuns, { measure: width, align: 'left', hyphenateLang: null });
  const fstructs = fragmentStructs(capLines, cap, ctx.sb, ctx.strings);
  const gapAbove = 6 * ctx.scale;
  const gapChart = 6 * ctx.scale;
  const rest = gapAbove + gapChart + (capLines.length + srcLines.length) * leading + 8 * ctx.scale;
  const roomH = ctx.frameHeight !== undefined ? ctx.frameHeight - rest : Infinity;
  // Never below a tenth: a caption taller than the page is a problem of its own.
  const k = Math.max(0.1, Math.min(1, (width + 0.5) / b.chart.width, roomH / b.chart.height));
  const chart = k < 1 ? scaleDrawing(b.chart, k) : b.chart;
  const height = rest + chart.height;
  const para = ++ctx.counter.para;
  return {
    // `what` names the box in the author's error messages, which are English: not printed.
    kind: 'box', height, float: true, keepWithNext: false, figure: true, span: ctx.figureWidth !== undefined || across || undefined, notes: [], what: `Figure ${b.number}`,
    draw: (x, y) => {
      const items: PageItem[] = [{ kind: 'dest', name: b.id, y }];
      const cx = x + Math.max(0, (width - chart.width) / 2);
      items.push({ kind: 'chart', x: cx, y: y + gapAbove, chart, struct: fig.id });
      let ly = y + gapAbove + chart.height + gapChart;
      for (const [i, line] of [...capLines, ...srcLines].entries()) {
        items.push(...drawLine({ kind: 'line', height: leading, line, indent: 0, struct: cap.id, fragmentStruct: fstructs.get(line), para, index: i, count: 0, keepWithNext: false, notes: [] }, x, ly));
        ly += leading;
      }
      return items;
    },
  };
}
