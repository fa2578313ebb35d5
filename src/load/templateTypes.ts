import type { FontKey } from '../fonts/fontRegistry.js';
import type { PrintTemplate } from '../print/printTemplate.js';

export interface TypeSpec {
  font: FontKey;
  size: number;
  leading: number;
  spaceBefore: number;
  spaceAfter: number;
}

export type TypeRole = 'body' | 'h1' | 'h2' | 'h3' | 'caption' | 'note' | 'table' | 'running' | 'code';

export interface Template {
  /** The document kind this template is for (src/documents/<kind>/). */
  kind: string;
  file: string;
  paper: 'a4' | 'letter';
  /** Page geometry in points. */
  margins: { top: number; bottom: number; inner: number; outer: number };
  columns: number;
  columnGap: number;
  /**
   * With more than one column: `column` sets a figure in the column it falls in, `span` across
   * all columns (at the top of the next page's columns). Charts are compiled for that width.
   */
  figures: 'column' | 'span';
  /** The kind can set a figure across its columns (the brief; a handout's figures stay in theirs). */
  spanFigures?: boolean;
  colors: { text: string; muted: string; accent: string; accentSoft: string; warm: string; rule: string };
  type: Record<TypeRole, TypeSpec>;
  paragraphSpace: number;
  /**
   * Microtype for justified text: font expansion (glyphs widened or narrowed by up to `max` of
   * their width, in steps of `step`, chosen by the line breaker with the breaks; null: off) and
   * character protrusion (punctuation hanging into the margin). `emergency`: the most a paragraph
   * the normal passes cannot set may use on lines that would otherwise be loose (absent: 2.5 ×
   * max, at most 5 %; see breakParagraph.ts).
   */
  expansion: { max: number; step: number; emergency?: number } | null;
  protrusion: boolean;
  /** Chart height, and the size of chart text (the kind's default unless set). */
  chart: { height: number; fontSize: number };
  /** The keys the kind adds, as the kind read them (see DocumentKind.templateOptions). */
  options: unknown;
  /** The print edition's settings and the colours' CMYK values (`report build --print`). */
  print: PrintTemplate;
}

export const PAPER_SIZES: Record<'a4' | 'letter', [number, number]> = {
  a4: [595.28, 841.89],
  letter: [612, 792],
};

export const MM = 72 / 25.4;

/** The width a figure is set in: one column, or all of them (Template.figures). */
export function figureWidth(t: Pick<Template, 'columns' | 'columnGap' | 'figures'>, contentWidth: number): number {
  return t.figures === 'span' ? contentWidth : columnWidth(t, contentWidth);
}

/** The width of one column of a text block `contentWidth` wide. */
export function columnWidth(t: Pick<Template, 'columns' | 'columnGap'>, contentWidth: number): number {
  return (contentWidth - t.columnGap * (t.columns - 1)) / t.columns;
}
