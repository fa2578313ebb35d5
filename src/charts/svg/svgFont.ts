// The CSS font an SVG <text> names for an embedded font: the family as the font file names it
// (its typographic family when it has one, so "Source Sans 3" rather than "Source Sans 3
// SemiBold"), with the weight and style the font key stands for.
import { fontId, getFont, type FontKey } from '../../fonts/fontRegistry.js';

export interface SvgFont {
  family: string;
  weight: number;
  style: 'normal' | 'italic';
}

const cache = new Map<string, SvgFont>();

export function svgFont(key: FontKey): SvgFont {
  let f = cache.get(fontId(key));
  if (f) return f;
  const font = getFont(key).font;
  f = {
    family: font.getName('preferredFamily', 'en') || font.familyName,
    weight: /semibold/.test(key) ? 600 : /bold/.test(key) ? 700 : 400,
    style: /italic/.test(key) ? 'italic' : 'normal',
  };
  cache.set(fontId(key), f);
  return f;
}
