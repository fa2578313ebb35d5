// The brief's appendix: each chart's data as a table, after the sources.
import { fillString } from '../fillString.js';
import { flowBlocks, type FlowContext } from '../../layout/flowBlocks.js';
import type { FlowItem } from '../../layout/flowTypes.js';
import { fixedInlines as text } from '../../layout/fixedText.js';
import type { RBlock, ResolvedDocument } from '../../resolve/resolvedTypes.js';
import type { BriefStrings } from './briefStrings.js';

export function chartDataAppendix(ctx: FlowContext, doc: ResolvedDocument, strings: BriefStrings): FlowItem[] {
  const figs: Extract<RBlock, { kind: 'figure' }>[] = [];
  const walk = (bs: RBlock[]) => bs.forEach((b) => (b.kind === 'figure' ? figs.push(b) : b.kind === 'closing' ? walk(b.blocks) : undefined));
  walk(doc.blocks);
  if (!figs.length) return [];
  const blocks: RBlock[] = [{ kind: 'heading', level: 1, inlines: text(strings.appendixTitle), id: 'appendix', text: strings.appendixTitle }];
  for (const f of figs) {
    const title = fillString(ctx.strings.figureLabel, { number: f.number });
    blocks.push({ kind: 'heading', level: 2, inlines: text(title), id: `appendix-${f.name}`, text: title });
    blocks.push({
      kind: 'table', align: [null, 'right', 'right', null], numeric: [false, true, true, false],
      header: [text(strings.appendixFigureColumn), text(strings.appendixValueColumn), text(strings.appendixYearColumn), text(strings.appendixSourceColumn)],
      rows: f.data.map((r) => [text(r.label), text(r.value), text(r.year), text(r.source)]),
    });
  }
  return [{ kind: 'break' }, ...flowBlocks(ctx, blocks, ctx.sb.root)];
}
