// The CSS `font` shorthand vega writes into a canvas context (e.g. `italic bold 11px "Source
// Sans 3", sans-serif`), read into its parts. Only what vega produces needs to be understood.

export interface CssFont {
  style: 'normal' | 'italic';
  weight: number;
  size: number;
  family: string;
}

const cssFontCache = new Map<string, CssFont>();

/** A CSS font-weight (keyword or number) as a number; anything unreadable is normal (400). */
export function parseFontWeight(w: unknown): number {
  if (w == null || w === '') return 400;
  if (typeof w === 'number') return w;
  const s = String(w).trim().toLowerCase();
  if (s === 'bold' || s === 'bolder') return 700;
  if (s === 'lighter') return 300;
  if (s === 'normal') return 400;
  const n = Number(s);
  return Number.isFinite(n) ? n : 400;
}

/** Parses the CSS `font` shorthand vega sets, e.g. `italic bold 11px "Source Sans 3", sans-serif`. */
export function parseCssFont(font: string): CssFont {
  let f = cssFontCache.get(font);
  if (f) return f;
  let style: CssFont['style'] = 'normal';
  let weight = 400;
  let size = 10;
  let family = 'sans-serif';
  // The size is the first number with a unit (weights like 600 have none); 1 px = 1 pt here.
  const m = /(?:^|\s)([\d.]+)(?:px|pt)(?:\s*\/\s*\S+)?\s+(.*)$/.exec(font.trim());
  if (m) {
    size = Number(m[1]);
    family = m[2].trim() || family;
    const pre = font.trim().slice(0, m.index).trim();
    for (const tok of pre.split(/\s+/)) {
      const t = tok.toLowerCase();
      if (t === 'italic' || t === 'oblique') style = 'italic';
      else if (/^(bold|bolder|lighter|\d{3})$/.test(t)) weight = parseFontWeight(t);
    }
  }
  f = { style, weight, size: Number.isFinite(size) ? size : 10, family };
  if (cssFontCache.size > 500) cssFontCache.clear();
  cssFontCache.set(font, f);
  return f;
}
