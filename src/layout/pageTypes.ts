// The hand-off from layout to render: positioned content on pages, plus the logical structure
// (for tagging) and the outline. Nothing here knows about pdfkit.
import type { ChartDrawing } from '../charts/chartDrawing.js';
import type { VectorDrawing } from '../load/readSvg.js';
import type { LineFragment } from './lineTypes.js';

export type StructType =
  | 'Document' | 'Sect' | 'H1' | 'H2' | 'H3' | 'H4' | 'H5' | 'H6' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody'
  | 'Table' | 'THead' | 'TBody' | 'TR' | 'TH' | 'TD' | 'Figure' | 'Caption' | 'Note' | 'Reference'
  | 'Link' | 'BlockQuote' | 'Code' | 'TOC' | 'TOCI' | 'Span' | 'Aside' | 'Title';

/** A node of the logical structure tree; content on pages points at nodes by id. */
export interface StructNode {
  id: number;
  type: StructType;
  children: StructNode[];
  alt?: string;
  lang?: string;
  /** For TH: Column or Row. */
  scope?: 'Column' | 'Row';
  /** Replacement text for screen readers (e.g. for Khmer runs). */
  actualText?: string;
  title?: string;
}

interface ItemBase {
  /** Structure node this content belongs to; absent means an artifact (header, footer, rule). */
  struct?: number;
  /**
   * The container (a RectItem's `container` name on the same page) this item is drawn inside
   * on purpose: text on the call to action's background, the title on the cover band. The
   * placement check (checkPlacement.ts) lets the item overlap that container and its own
   * containers, and requires it to stay inside it.
   */
  within?: string;
}

/** One line (or a piece of one) of text: fragments have absolute x; y is the baseline. */
export interface TextItem extends ItemBase {
  kind: 'text';
  y: number;
  fragments: LineFragment[];
}

export interface RectItem extends ItemBase {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: string;
  stroke?: string;
  lineWidth?: number;
  radius?: number;
  /**
   * Set on a rect that is a box other content is drawn in (a callout, the call to action, the
   * contact details, a band behind a title): its name, unique on its page ("call to action").
   * A rect without it is decoration (an accent bar, a rule) and is not a content box.
   */
  container?: string;
}

export interface LineItem extends ItemBase {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width: number;
}

export interface ChartItem extends ItemBase {
  kind: 'chart';
  x: number;
  y: number;
  chart: ChartDrawing;
}

export interface ImageItem extends ItemBase {
  kind: 'image';
  x: number;
  y: number;
  w: number;
  h: number;
  data: Buffer;
}

/** An SVG drawing (a logo) drawn as vector shapes, its viewBox fitted to the box. */
export interface VectorItem extends ItemBase {
  kind: 'vector';
  x: number;
  y: number;
  w: number;
  h: number;
  drawing: VectorDrawing;
}

export interface QrItem extends ItemBase {
  kind: 'qr';
  x: number;
  y: number;
  size: number;
  modules: boolean[][];
  color: string;
}

/** A clickable area; links are attached to a Link structure node when `struct` is set. */
export interface LinkItem extends ItemBase {
  kind: 'link';
  x: number;
  y: number;
  w: number;
  h: number;
  href?: string;
  dest?: string;
}

/** A named destination (target of internal links, the outline and the contents page). */
export interface DestItem {
  kind: 'dest';
  name: string;
  y: number;
  struct?: undefined;
}

export type PageItem = TextItem | RectItem | LineItem | ChartItem | ImageItem | VectorItem | QrItem | LinkItem | DestItem;

/** An area of a page that a document kind lets content occupy (the text block, a title band). */
export interface PageFrame {
  name: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Page {
  width: number;
  height: number;
  items: PageItem[];
  /** Printed page number, or null for pages that show none (the cover). */
  label: string | null;
  /**
   * Where content may go, when the kind declares it: every content box that is not an
   * artifact and not inside a container must lie wholly in one of these (artifacts such as
   * running heads and page numbers live in the margins and only have to stay on the page).
   */
  frames?: PageFrame[];
}

export interface OutlineEntry {
  title: string;
  dest: string;
  level: number;
  children: OutlineEntry[];
}

export interface LaidOutDocument {
  name: string;
  pages: Page[];
  structure: StructNode;
  outline: OutlineEntry[];
  info: { title: string; author: string; subject: string; keywords: string[]; lang: string; date: Date };
  stats: LayoutStats;
}

/** What the typesetting quality report reads. */
export interface LayoutStats {
  lines: number;
  overfullLines: number;
  hyphenatedLines: number;
  consecutiveHyphens: number;
  widows: number;
  orphans: number;
  strandedHeadings: number;
  splitFigures: number;
  /** Adjustment ratio of each justified, non-final line. */
  ratios: number[];
  /** Lines hyphenated right after a hyphenated line (pairs, where consecutiveHyphens counts runs past two). */
  hyphenPairs: number;
  /** Frames (pages or columns) whose last line ends in a hyphen. */
  pageEndHyphens: number;
  /** Hyphenated words that start with a capital (names, or a sentence's first word). */
  capitalisedHyphens: number;
  /**
   * Word spaces of justified, non-final lines, in ems of their type: one entry per line (its
   * spaces are all alike but for kerning), with how many spaces it has in `spaceCounts`.
   */
  spaces: number[];
  spaceCounts: number[];
  /** Font expansion of each justified, non-final line (0.01 = 1 % wider). */
  expansions: number[];
  /** Lines set with more expansion than the template's max (the emergency range). */
  beyondMaxExpansion: number;
  /** How far glyphs hang into the margins (character protrusion), in points, one entry per hanging line end. */
  hangs: number[];
}
