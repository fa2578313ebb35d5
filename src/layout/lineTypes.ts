// The hand-off between the paragraph breaker and the page builder.
import type { TextStyle } from './textStyle.js';

/** What a piece of inline text is attached to (links, note marks, figure references). */
export interface InlineTarget {
  /** External link (http, https, mailto). */
  href?: string;
  /** Internal destination name (a heading, a note, a figure). */
  dest?: string;
  /** Set on a footnote mark so layout can place the note on the mark's page. */
  noteId?: string;
  /** Raised text (footnote marks), by SUPERSCRIPT_RISE. */
  superscript?: boolean;
}

/** How far a superscript's baseline is raised, as a fraction of its type size. */
export const SUPERSCRIPT_RISE = 0.6;

/** A styled stretch of paragraph text, as the parser produced it. */
export interface InlineRun {
  text: string;
  style: TextStyle;
  target?: InlineTarget;
  /** Never hyphenate inside this run (code, URLs, numbers are skipped anyway). */
  noHyphenate?: boolean;
  /** Keep the run's text as one unbreakable box (footnote marks, short code). */
  unbreakable?: boolean;
  /** BCP-47 language of the run when it differs from the paragraph's (e.g. 'km'). */
  lang?: string;
}

/** A positioned piece of one line; x is relative to the line's left edge. */
export interface LineFragment {
  text: string;
  style: TextStyle;
  x: number;
  width: number;
  target?: InlineTarget;
  lang?: string;
  /** A hyphen drawn at the line end that is not part of the word (extracted text drops it). */
  isHyphen?: boolean;
  /**
   * Font expansion: the glyphs are drawn this much wider (>1) or narrower (<1) than their
   * natural width, by the PDF's horizontal scaling; `width` is the scaled width.
   */
  hscale?: number;
  /**
   * How much of the fragment hangs into the margin on purpose (character protrusion): the
   * placement check holds the frame's edge against the rest.
   */
  hangLeft?: number;
  hangRight?: number;
}

export interface Line {
  fragments: LineFragment[];
  /** Natural width of the content, before justification. */
  naturalWidth: number;
  /** Width the line actually occupies. */
  width: number;
  /** The measure (available width) the line was set to. */
  measure: number;
  /** Knuth–Plass adjustment ratio: <0 shrunk, >0 stretched, 0 natural. */
  ratio: number;
  hyphenated: boolean;
  /** The paragraph's last line (set ragged even when justified). */
  last: boolean;
  /** Ascent and descent of the tallest content, in points. */
  ascent: number;
  descent: number;
  /** True when the breaker had to split a word with no legal break (a long URL). */
  forcedBreak?: boolean;
  /**
   * True when the line ends inside a word rather than at a space: at an added hyphen, after a
   * dash or slash, after a delimiter of a long URL or file name, or at a forced split. Its end
   * then carries no word-separating space (see endsAtSpace).
   */
  midWord?: boolean;
  /** True when the content is wider than the measure (should never happen). */
  overfull?: boolean;
  /** Font expansion of the line's glyphs (0.01 = 1 % wider); 0 or absent when none. */
  expansion?: number;
  /** Set with more font expansion than the template's max (a paragraph its normal passes could not set). */
  beyondMaxExpansion?: boolean;
  /** How far the first and the last glyph hang into the margins (character protrusion), in points. */
  hangLeft?: number;
  hangRight?: number;
}

export interface BreakOptions {
  /** Width of each line; a function lets the first line be indented or shortened. */
  measure: number | ((lineIndex: number) => number);
  align: 'justify' | 'left' | 'center' | 'right';
  /** Document language for hyphenation ('en', 'en-GB', 'en-US'); null disables it. */
  hyphenateLang: string | null;
  /** Do not hyphenate the paragraph's last word (the default is true). */
  protectLastWord?: boolean;
  /** Font expansion for justified lines (see Microtype in templateTypes.ts); none when absent. */
  expansion?: { max: number; step: number; emergency?: number } | null;
  /** Character protrusion (hanging punctuation) at the line ends of justified and left-aligned text. */
  protrusion?: boolean;
}
