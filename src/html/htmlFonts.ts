// @font-face rules embedding the template's fonts, cut down to the page's characters (see
// webFontSubset.ts), under the family names the style sheet and the chart SVGs ask for first.
// Khmer is not embedded: its shaping needs the tables a subset leaves out, and phones and
// desktops that read Khmer have a Khmer font (the stacks name the usual ones).
import type { FontKey } from '../fonts/fontRegistry.js';
import { svgFont } from '../charts/svg/svgFont.js';
import { webFontSubset } from './webFontSubset.js';

const EMBEDDED: FontKey[] = ['serif', 'serif-italic', 'serif-bold', 'sans', 'sans-italic', 'sans-semibold', 'sans-bold', 'mono'];

/** The page's characters: its text with tags removed and entities read (enough for the subset). */
function pageCharacters(html: string): string {
  const text = html.replace(/<style[\s\S]*?<\/style>/g, '').replace(/<[^>]*>/g, '');
  const decoded = text.replace(/&(amp|lt|gt|quot);/g, (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"' })[e] ?? '');
  // Always: digits, basic punctuation and the characters CSS adds when printing links.
  return decoded + '0123456789 ()[].,:;-–—’“”‘…·•↩';
}

export function fontFaces(html: string): string {
  const chars = [...new Set(pageCharacters(html))].join('');
  const hasCode = /<(code|pre)\b/.test(html);
  let css = '';
  for (const key of EMBEDDED) {
    if (key === 'mono' && !hasCode) continue;
    let data: Buffer | null = null;
    try {
      data = webFontSubset(key, chars);
    } catch {
      // A font that cannot be cut down is left to the font stack's fallbacks.
      data = null;
    }
    if (!data) continue;
    const f = svgFont(key);
    css += `@font-face { font-family: "${f.family}"; font-weight: ${f.weight}; font-style: ${f.style}; font-display: swap; src: url(data:font/woff;base64,${data.toString('base64')}) format("woff"); }\n`;
  }
  return css;
}
