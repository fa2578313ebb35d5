// Between block layout and pagination: a column's worth of measured material, each piece
// carrying the rules pagination must keep (keep-with-next, floats, notes cited).
import type { Line } from './lineTypes.js';
import type { PageItem } from './pageTypes.js';

/** Draws a piece at (x, top y); returns page items. */
export type Draw = (x: number, y: number) => PageItem[];

export interface FlowLine {
  kind: 'line';
  height: number;
  line: Line;
  /** Left offset within the column (list indents, quotes). */
  indent: number;
  /** Structure node of the paragraph; fragments with links/notes/spans get their own below. */
  struct: number;
  /** Structure node per fragment index, when it differs from `struct` (links, Khmer spans). */
  fragmentStruct?: Map<number, number>;
  /** Extra items drawn with the line (list labels, quote bars), relative to the line box. */
  extra?: Draw;
  /** Paragraph identity and position, for widow/orphan rules. */
  para: number;
  index: number;
  count: number;
  keepWithNext: boolean;
  heading?: { level: number; id: string; text: string };
  /** Note numbers cited on this line: their notes must sit on the same page. */
  notes: number[];
}

export interface FlowSpace {
  kind: 'space';
  height: number;
}

export interface FlowBox {
  kind: 'box';
  height: number;
  draw: Draw;
  /** May move to the next column or page instead of leaving a hole (figures). */
  float: boolean;
  keepWithNext: boolean;
  figure?: boolean;
  /** Set across all columns of a multi-column page (template `figures: span`), not in one. */
  span?: boolean;
  /** Table rows: the header to repeat (as an artifact) when the row starts a new frame. */
  repeatHeader?: FlowBox;
  notes: number[];
  /** Structure-free label for reports. */
  what?: string;
}

export interface FlowBreak {
  kind: 'break';
}

/**
 * Figures still waiting for room are placed before what follows (LaTeX's \FloatBarrier): set
 * before the back matter, so no figure ends up after the list of sources.
 */
export interface FlowBarrier {
  kind: 'barrier';
}

export type FlowItem = FlowLine | FlowSpace | FlowBox | FlowBreak | FlowBarrier;

/** A laid-out footnote, drawn at the foot of the frame that cites it. */
export interface FlowNote {
  number: number;
  lines: FlowLine[];
  height: number;
}
