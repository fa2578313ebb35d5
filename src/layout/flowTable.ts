// Tables: column widths from content, numbers set right-aligned, one box per row so a table
// splits between rows, and the header row repeated (as an artifact) on each new page.
import type { RBlock, RInline } from '../resolve/resolvedTypes.js';
import type { FlowContext } from './flowBlocks.js';
import { layNote, styleOf, withNestedNotes } from './flowBlocks.js';
import type { FlowBox, FlowItem } from './flowTypes.js';
import { fontFor, inlineRuns } from './inlineRuns.js';
import type { Line } from './lineTypes.js';
import type { PageItem, StructNode } from './pageTypes.js';
import { breakRuns, drawLine, fragmentStructs } from './textLines.js';
import { CELL_PAD_X as PAD_X, columnWidths } from './tableColumns.js';

const PAD_Y = 3;

export function flowTable(ctx: FlowContext, b: Extract<RBlock, { kind: 'table' }>, parent: StructNode, indent: number): FlowItem[] {
  const t = ctx.template;
  const { style, leading } = styleOf(ctx, 'table');
  const headStyle = { ...style, font: fontFor(style.font, { strong: true }) };
  const width = ctx.width - indent;
  const widths = columnWidths(b, style, headStyle, width);
  const alignOf = (c: number) => (b.align[c] ?? (b.numeric[c] ? 'right' : 'left')) as 'left' | 'right' | 'center';

  const table = ctx.sb.add(parent, 'Table');
  const thead = ctx.sb.add(table, 'THead');
  const tbody = ctx.sb.add(table, 'TBody');
  const makeRow = (cells: RInline[][], header: boolean, rowParent: StructNode | null): FlowBox => {
    const tr = rowParent ? ctx.sb.add(rowParent, 'TR') : null;
    const laid = cells.map((cell, c) => {
      const node = tr ? ctx.sb.add(tr, header ? 'TH' : 'TD', header ? { scope: 'Column' } : {}) : null;
      const s = header ? { ...headStyle, color: t.colors.accent } : style;
      const lines = breakRuns(inlineRuns(cell, s, { linkColor: t.colors.accent }), { measure: widths[c] - 2 * PAD_X, align: alignOf(c), hyphenateLang: ctx.lang });
      return { lines, node, structs: node ? fragmentStructs(lines, node, ctx.sb, ctx.strings) : new Map<Line, Map<number, number>>() };
    });
    const h = Math.max(1, ...laid.map((l) => l.lines.length)) * leading + 2 * PAD_Y;
    // Notes cited in the row's cells: laid out after the table, placed on the row's page.
    const cited = rowParent ? laid.flatMap((l) => l.lines.flatMap((line) => line.fragments.filter((f) => f.target?.noteId && !f.isHyphen).map((f) => Number(f.text)))) : [];
    for (const n of cited) layNote(ctx, n, parent);
    return {
      kind: 'box', height: h, float: false, keepWithNext: header, notes: withNestedNotes(ctx, cited), what: header ? 'table header' : 'table row',
      draw: (x, y) => {
        const items: PageItem[] = [];
        let cx = x + indent;
        laid.forEach((cell, c) => {
          cell.lines.forEach((line, i) => {
            items.push(...drawLine({ kind: 'line', height: leading, line, indent: PAD_X, struct: cell.node?.id ?? -1, fragmentStruct: cell.structs.get(line), para: 0, index: i, count: 0, keepWithNext: false, notes: [] }, cx, y + PAD_Y + i * leading));
          });
          cx += widths[c];
        });
        items.push({ kind: 'line', x1: x + indent, y1: y + h, x2: x + indent + width, y2: y + h, color: header ? t.colors.accent : t.colors.rule, width: header ? 0.8 : 0.4 });
        return items;
      },
    };
  };
  const header = makeRow(b.header, true, thead);
  // The repeated header is drawn without structure: it is an artifact, not content read twice.
  const repeat = makeRow(b.header, true, null);
  // The first row is kept with the header itself, so it never needs the repeat: pagination
  // would otherwise draw the header twice when the table starts at the top of a frame.
  const rows = b.rows.map((r, i) => ({ ...makeRow(r, false, tbody), repeatHeader: i === 0 ? undefined : repeat }));
  return [header, ...rows];
}
