// Character protrusion (hanging punctuation), as microtype's default set: a light glyph at a
// line end leaves a dent in the margin, so it is set partly into the margin, by a share of its
// own width. The shares are microtype's defaults for text fonts (protrusion set "default"):
// full stop, comma and hyphen 70 %, colon and semicolon 50 %, quotes 50–70 %, dashes 20–50 %.
import { measureText, type FontKey } from '../fonts/fontRegistry.js';

/** Share of the glyph's width that may hang past the right edge when it ends a line. */
const RIGHT: Readonly<Record<string, number>> = {
  '.': 0.7, ',': 0.7, '-': 0.7, '\u2010': 0.7, '\u00ad': 0.7, ':': 0.5, ';': 0.5, '!': 0.2, '?': 0.2,
  '\u2019': 0.7, "'": 0.7, '\u201d': 0.5, '"': 0.5, '\u203a': 0.5, '\u00bb': 0.5,
  '\u2013': 0.5, '\u2014': 0.3, ')': 0.05, ']': 0.05, '\u2026': 0.3,
};
/** Share that may hang past the left edge when it starts a line. */
const LEFT: Readonly<Record<string, number>> = {
  '\u2018': 0.7, "'": 0.7, '\u201c': 0.5, '"': 0.5, '\u2039': 0.5, '\u00ab': 0.5,
  '(': 0.05, '[': 0.05, '\u2013': 0.5, '\u2014': 0.3,
};

// By UTF-16 code unit: every protruding character is in the BMP, and a code-unit lookup spares
// slicing a string for each of the hundreds of thousands of words of a long document.
const RIGHT_BY_CODE = new Map(Object.entries(RIGHT).map(([ch, share]) => [ch.charCodeAt(0), share]));
const LEFT_BY_CODE = new Map(Object.entries(LEFT).map(([ch, share]) => [ch.charCodeAt(0), share]));

/**
 * Whether text in `font` may hang at all: code keeps its grid, as microtype leaves monospaced
 * fonts alone (a hyphen or full stop of a file name is a character of the name, not punctuation).
 */
export function protrudes(font: FontKey): boolean {
  return !font.startsWith('mono');
}

export function rightShare(ch: string): number {
  return RIGHT[ch] ?? 0;
}

export function leftShare(ch: string): number {
  return LEFT[ch] ?? 0;
}

/** How far `text`'s last character may hang into the right margin, in points. */
export function hangRight(font: FontKey, text: string, size: number): number {
  const code = text.charCodeAt(text.length - 1);
  const share = RIGHT_BY_CODE.get(code);
  return share ? share * measureText(font, String.fromCharCode(code), size) : 0;
}

/** How far `text`'s first character may hang into the left margin, in points. */
export function hangLeft(font: FontKey, text: string, size: number): number {
  const code = text.charCodeAt(0);
  const share = LEFT_BY_CODE.get(code);
  return share ? share * measureText(font, String.fromCharCode(code), size) : 0;
}
