// The brief's appendix: what each chart draws, as tables, after the sources. The rows are the
// chart's own (its cells, boxes or sums, or the data-file figures it draws), never the whole
// data file; a long table is cut with a note of how many rows there are and where the data
// lives. A chart opts out with `"usermeta": {"appendix": false}` in its spec.
import { fillString } from '../fillString.js';
import { flowBlocks, type FlowContext } from '../../layout/flowBlocks.js';
import type { FlowItem } from '../../layout/flowTypes.js';
import { fixedInlines as text } from '../../layout/fixedText.js';
import type { FigureTable, RBlock, ResolvedDocument } from '../../resolve/resolvedTypes.js';
import type { BriefStrings } from './briefStrings.js';

/** Rows of one table printed at most; a chart of 1,000 points gets a page, not twenty. */
export const APPENDIX_MAX_ROWS = 40;

/** One drawn table as blocks: a table, and a note when rows were left out (also used by the HTML edition). */
export function appendixTableBlocks(t: FigureTable, files: string[], strings: BriefStrings): RBlock[] {
  const total = t.rows.length;
  let table: RBlock;
  if (t.kind === 'figures') {
    table = {
      kind: 'table', align: [null, 'right', 'right', null], numeric: [false, true, true, false],
      header: [text(strings.appendixFigureColumn), text(strings.appendixValueColumn), text(strings.appendixYearColumn), text(strings.appendixSourceColumn)],
      rows: t.rows.slice(0, APPENDIX_MAX_ROWS).map((r) => [text(r.label), text(r.value), text(r.year), text(r.source)]),
    };
  } else {
    table = {
      kind: 'table', align: t.numeric.map((n) => (n ? 'right' : null)), numeric: t.numeric,
      header: t.columns.map((c) => text(c || strings.appendixFigureColumn)),
      rows: t.rows.slice(0, APPENDIX_MAX_ROWS).map((r) => r.map((c) => text(c))),
    };
  }
  if (total <= APPENDIX_MAX_ROWS) return [table];
  const note = fillString(strings.appendixRowsLeftOut, { shown: APPENDIX_MAX_ROWS, total, files: files.join(', ') });
  return [table, { kind: 'paragraph', inlines: [{ kind: 'text', text: note, marks: { em: true } }] }];
}

export function chartDataAppendix(ctx: FlowContext, doc: ResolvedDocument, strings: BriefStrings): FlowItem[] {
  const figs: Extract<RBlock, { kind: 'figure' }>[] = [];
  const walk = (bs: RBlock[]) => bs.forEach((b) => (b.kind === 'figure' ? figs.push(b) : b.kind === 'closing' ? walk(b.blocks) : undefined));
  walk(doc.blocks);
  const shown = figs.filter((f) => f.data.appendix && f.data.tables.length > 0);
  if (!shown.length) return [];
  const blocks: RBlock[] = [{ kind: 'heading', level: 1, inlines: text(strings.appendixTitle), id: 'appendix', text: strings.appendixTitle }];
  for (const f of shown) {
    const title = fillString(ctx.strings.figureLabel, { number: f.number });
    blocks.push({ kind: 'heading', level: 2, inlines: text(title), id: `appendix-${f.name}`, text: title });
    for (const t of f.data.tables) blocks.push(...appendixTableBlocks(t, f.data.files, strings));
  }
  return [{ kind: 'break' }, ...flowBlocks(ctx, blocks, ctx.sb.root)];
}
