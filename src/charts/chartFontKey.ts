// Which embedded font draws a chart's text. Vega only knows CSS families, weights and styles;
// every chart string is drawn (and measured) in one of the document's own fonts.
import type { FontKey } from '../fonts/fontRegistry.js';
import { parseCssFont } from './cssFont.js';

const KHMER = /[\u1780-\u17FF\u19E0-\u19FF]/;

/** Which embedded font draws `text` in the given family/weight/style. */
export function chartFontKey(family: string, weight: number, italic: boolean, text: string): FontKey {
  // Khmer script needs the Khmer font whatever family the spec asked for.
  if (KHMER.test(text)) return weight >= 650 ? 'khmer-bold' : 'khmer';
  const fam = family.toLowerCase();
  if (/mono|code|courier/.test(fam)) return 'mono';
  if (/serif/.test(fam) && !/sans/.test(fam)) {
    if (weight >= 650) return italic ? 'serif-bolditalic' : 'serif-bold';
    if (weight >= 550) return 'serif-semibold';
    return italic ? 'serif-italic' : 'serif';
  }
  if (weight >= 650) return italic ? 'sans-bolditalic' : 'sans-bold';
  if (weight >= 550) return 'sans-semibold';
  return italic ? 'sans-italic' : 'sans';
}

/** The embedded font and size (points) that draw `text` in the CSS `font` shorthand. */
export function fontKeyForCss(font: string, text: string): { key: FontKey; size: number } {
  const f = parseCssFont(font);
  return { key: chartFontKey(f.family, f.weight, f.style === 'italic', text), size: f.size };
}
