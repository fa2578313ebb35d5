// Pages of several columns for a flow (the brief with `columns: 2`): frames column by column,
// page by page, and figures set across all columns (`figures: span`). A spanning figure cannot
// sit in the column where it is cited, so like LaTeX's figure* it waits and goes to the top of
// the next page, above that page's columns; figures that do not fit there wait for the page
// after. Footnotes stay at the foot of the column that cites them (paginate does that per frame).
import type { FlowBox, FlowItem } from './flowTypes.js';
import type { Page } from './pageTypes.js';
import type { Frame, FrameSource } from './paginate.js';

/** Room between a spanning figure and what follows it on the page. */
const SPAN_GAP = 10;

export interface ColumnPages {
  /** How many pages were started so far. */
  pages(): number;
  /** The frame source for paginate. */
  next: FrameSource;
  /** The flow with each spanning box replaced by a mark that sends it to the next page's top. */
  withSpans(items: FlowItem[]): FlowItem[];
  /** Sets spanning boxes still waiting on pages of their own (at the end of the flow). */
  flush(): void;
}

export interface ColumnPagesOptions {
  columns: number;
  gap: number;
  /** Starts a page and gives its text block. */
  newPage(): { page: Page; x: number; y: number; width: number; height: number };
  /** Least height worth a column of text (a line of body type). */
  minHeight: number;
  /** Columns of the `page`-th page (from 1) at most `height` high: to balance the last page. */
  cap?: { page: number; height: number };
}

export function columnPages(o: ColumnPagesOptions): ColumnPages {
  const waiting: FlowBox[] = [];
  let col = o.columns;
  let page: ReturnType<ColumnPagesOptions['newPage']> | null = null;
  let top = 0;
  let started = 0;
  const colWidth = (w: number) => (w - o.gap * (o.columns - 1)) / o.columns;

  /** A new page with the waiting spanning boxes at its top; the columns' top below them. */
  const startPage = () => {
    page = o.newPage();
    started++;
    top = 0;
    while (waiting.length && (top === 0 || top + waiting[0].height <= page.height + 0.01)) {
      const b = waiting.shift()!;
      page.page.items.push(...b.draw(page.x, page.y + top));
      top += b.height + SPAN_GAP;
    }
    col = 0;
  };
  const frame = (p: NonNullable<typeof page>): Frame => {
    const w = colWidth(p.width);
    const capped = o.cap?.page === started;
    const height = capped ? Math.min(o.cap!.height, p.height - top) : p.height - top;
    return { page: p.page, x: p.x + col * (w + o.gap), y: p.y + top, width: w, height, ...(capped ? { noFill: true } : {}) };
  };
  // Each new page either takes a waiting figure or has room for columns, so this ends.
  const next: FrameSource = (newPage) => {
    col = newPage || !page ? o.columns : col + 1;
    for (;;) {
      if (col >= o.columns) startPage();
      const p = page!;
      if (p.height - top >= o.minHeight) return frame(p);
      col = o.columns;
    }
  };
  return {
    pages: () => started,
    next,
    withSpans: (items) => items.map((it) => (it.kind === 'box' && it.span ? mark(it, waiting) : it)),
    flush: () => {
      while (waiting.length) startPage();
    },
  };
}

/** A box of no height in the flow, where the spanning box is cited: it queues the box. */
function mark(box: FlowBox, waiting: FlowBox[]): FlowBox {
  return {
    kind: 'box', height: 0, float: false, keepWithNext: false, notes: [], what: box.what,
    draw: () => {
      waiting.push(box);
      return [];
    },
  };
}
