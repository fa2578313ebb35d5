// A pre-pass before the line breaker: a "word" of thousands of characters (a pasted hash, a
// base64 blob, 100,000 nested brackets) gets a zero-width break every few characters. The
// breaker's own emergency breaks for a word wider than the line (breakParagraph.ts) try every
// grapheme and measure prefixes, which grows faster than linearly with the word's length (50k
// characters took 5 s, a 1 MB word far longer); with breaks given here the work stays linear,
// and such a word, never real prose, is set ragged in short pieces. Words up to the threshold,
// long URLs included, still break at the breaker's chosen places.
import type { InlineRun } from './lineTypes.js';

/** Longer than any real word or URL (a 2,000-character URL still breaks at its slashes). */
export const LONG_WORD_CHARS = 5_000;
/** Characters between the breaks given to a longer one: narrower than any line. */
const PIECE_CHARS = 16;
const ZWSP = '\u200b';
const WORD = /[^\s\u200b]+/gu;

/** `runs` with a U+200B every PIECE_CHARS characters inside each word longer than LONG_WORD_CHARS. */
export function chunkLongWords(runs: InlineRun[]): InlineRun[] {
  let total = 0;
  for (const r of runs) total += r.text.length;
  if (total <= LONG_WORD_CHARS) return runs;
  // Words may run across runs (a bold stretch inside one): found in the joined text.
  const text = runs.map((r) => r.text).join('');
  const cuts: number[] = [];
  for (const m of text.matchAll(WORD)) {
    if (m[0].length <= LONG_WORD_CHARS) continue;
    const start = m.index;
    for (let p = start + PIECE_CHARS; p < start + m[0].length; p += PIECE_CHARS) {
      // Never between the two halves of a surrogate pair.
      cuts.push(isLowSurrogate(text.charCodeAt(p)) ? p + 1 : p);
    }
  }
  if (!cuts.length) return runs;
  const out: InlineRun[] = [];
  let off = 0;
  let c = 0;
  for (const r of runs) {
    const end = off + r.text.length;
    if (r.unbreakable) {
      while (c < cuts.length && cuts[c] < end) c++;
      out.push(r);
      off = end;
      continue;
    }
    const parts: string[] = [];
    let from = off;
    while (c < cuts.length && cuts[c] < end) {
      if (cuts[c] > from) parts.push(text.slice(from, cuts[c]));
      from = Math.max(from, cuts[c]);
      c++;
    }
    parts.push(text.slice(from, end));
    out.push(parts.length > 1 ? { ...r, text: parts.join(ZWSP) } : r);
    off = end;
  }
  return out;
}

const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
