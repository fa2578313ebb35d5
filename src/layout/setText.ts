// Small helpers for template text that is not running prose: a title, a label, a page number.
import { measureText } from '../fonts/fontRegistry.js';
import { splitScripts } from '../resolve/splitScripts.js';
import { fontFor } from './inlineRuns.js';
import type { LineFragment } from './lineTypes.js';
import type { PageItem, TextItem } from './pageTypes.js';
import type { TextStyle } from './textStyle.js';
import { breakRuns, placeFragments } from './textLines.js';

/** One line of text with its baseline at y; `align` positions it against x (left, centre or right edge). */
export function textAt(text: string, style: TextStyle, x: number, y: number, align: 'left' | 'center' | 'right' = 'left', struct?: number): TextItem {
  if (KHMER.test(text)) return scriptsAt(text, style, x, y, align, struct);
  // Kept apart from scriptsAt: one fragment, as every document without Khmer always had.
  const w = measureText(style.font, text, style.size);
  const left = align === 'left' ? x : align === 'center' ? x - w / 2 : x - w;
  const frag: LineFragment = { text, style, x: left, width: w };
  return { kind: 'text', y, fragments: [frag], struct };
}

const KHMER = /[\u1780-\u17FF]/;

/** textAt for text with Khmer in it (a label from the Khmer strings, a date): each script in its font. */
function scriptsAt(text: string, style: TextStyle, x: number, y: number, align: 'left' | 'center' | 'right', struct?: number): TextItem {
  const parts = splitScripts({ kind: 'text', text, marks: {} }).map((p) => {
    const lang = p.kind === 'text' ? p.lang : undefined;
    const s = lang === 'km' ? { ...style, font: fontFor(style.font, {}, lang) } : style;
    const t = p.kind === 'text' ? p.text : '';
    return { text: t, style: s, lang, width: measureText(s.font, t, s.size) };
  });
  const w = parts.reduce((a, p) => a + p.width, 0);
  let at = align === 'left' ? x : align === 'center' ? x - w / 2 : x - w;
  const fragments: LineFragment[] = parts.map((p) => {
    const f: LineFragment = { text: p.text, style: p.style, x: at, width: p.width, lang: p.lang };
    at += p.width;
    return f;
  });
  return { kind: 'text', y, fragments, struct };
}

/** Width of `text` as textAt sets it (Khmer in the Khmer font). */
export function textWidth(text: string, style: TextStyle): number {
  if (!KHMER.test(text)) return measureText(style.font, text, style.size);
  return scriptsAt(text, style, 0, 0, 'left').fragments.reduce((w, f) => w + f.width, 0);
}

/**
 * `text` from `x` with its first baseline at `y`: one line (as textAt) when it fits in
 * `measure`, else broken into lines `lead` apart (ragged right, no hyphenation; a word too long
 * for a line is split). `measure` may depend on the baseline (text beside a QR code).
 */
export function wrappedTextAt(text: string, style: TextStyle, x: number, y: number, lead: number, measure: number | ((baseline: number) => number), struct?: number): TextItem[] {
  const at = (baseline: number) => (typeof measure === 'number' ? measure : measure(baseline));
  if (measureText(style.font, text, style.size) <= at(y)) return [textAt(text, style, x, y, 'left', struct)];
  const lines = breakRuns([{ text, style }], { measure: typeof measure === 'number' ? measure : (k) => measure(y + k * lead), align: 'left', hyphenateLang: null });
  return lines.map((l, k) => ({ kind: 'text', y: y + k * lead, fragments: placeFragments(l, x), struct }));
}

/** `text`, cut at a character boundary and ended with "…" if it is wider than `width`. */
export function fitText(text: string, style: TextStyle, width: number): string {
  if (textWidth(text, style) <= width) return text;
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textWidth(chars.slice(0, mid).join('').trimEnd() + '…', style) <= width) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join('').trimEnd() + '…';
}

/** A short block of wrapped text (ragged right); returns items and the height used. */
export function textBlock(text: string, style: TextStyle, leading: number, x: number, top: number, width: number, struct?: number, align: 'left' | 'center' = 'left'): { items: PageItem[]; height: number } {
  const lines = breakRuns([{ text, style }], { measure: width, align, hyphenateLang: null });
  const items: PageItem[] = [];
  lines.forEach((l, i) => {
    const baseline = top + i * leading + (leading + style.size * 0.7) / 2;
    items.push({ kind: 'text', y: baseline, fragments: placeFragments(l, x), struct });
  });
  return { items, height: lines.length * leading };
}
