// CSS colours as vega writes them into a canvas context (theme and spec colours, scale output),
// read with d3-color, the parser vega itself uses. Around it: the CSS Color 4 space syntax
// (`rgb(10 20 30 / 50%)`) and percentage alphas, which d3-color 3 does not read, and channels
// rounded and clamped to bytes as a canvas stores them.
import { color as d3Color } from 'd3-color';

export interface Rgba {
  rgb: [number, number, number];
  a: number;
}

const colorCache = new Map<string, Rgba | null>();
const FUNCTIONAL = /^(rgb|hsl)a?\(\s*([^)]*)\)$/;

function byte(n: number): number {
  return Number.isNaN(n) ? 0 : Math.max(0, Math.min(255, Math.round(n)));
}

function parseAlpha(s: string | undefined): number {
  if (s == null) return 1;
  s = s.trim();
  const a = s.endsWith('%') ? parseFloat(s) / 100 : parseFloat(s);
  return Number.isFinite(a) ? Math.max(0, Math.min(1, a)) : 1;
}

function parse(input: string): Rgba | null {
  let s = input.trim().toLowerCase();
  if (s === 'transparent' || s === 'none') return { rgb: [0, 0, 0], a: 0 };
  let alpha: number | undefined;
  const fm = FUNCTIONAL.exec(s);
  if (/^#([0-9a-f]{4}|[0-9a-f]{8})$/.test(s)) {
    // Hex with alpha: the alpha is read here, for the same reason as below.
    const short = s.length === 5;
    alpha = parseInt(short ? s[4] + s[4] : s.slice(7), 16) / 255;
    s = s.slice(0, short ? 4 : 7);
  } else if (fm) {
    // Both the comma syntax and the space syntax with "/ alpha": d3-color is handed the
    // channels in its comma syntax, and the alpha is read here (d3-color also drops the
    // channels of a fully transparent colour, which a gradient stop still needs).
    const [main, slashAlpha] = fm[2].split('/');
    const parts = main.split(/[\s,]+/).filter(Boolean);
    if (parts.length < 3) return null;
    // d3-color reads integer rgb channels only (a canvas rounds fractional ones), and hsl with
    // a plain hue and percentages only (also read: "120deg", a saturation without "%").
    const channels =
      fm[1] === 'rgb'
        ? parts.slice(0, 3).map((p) => (p.endsWith('%') || /^[+-]?\d+$/.test(p) ? p : String(Math.round(parseFloat(p)))))
        : [String(parseFloat(parts[0])), `${parseFloat(parts[1])}%`, `${parseFloat(parts[2])}%`];
    s = `${fm[1]}(${channels.join(',')})`;
    alpha = parseAlpha(slashAlpha ?? parts[3]);
  }
  const c = d3Color(s);
  if (!c) return null;
  const { r, g, b } = c.rgb();
  return { rgb: [byte(+r), byte(+g), byte(+b)], a: alpha ?? c.opacity };
}

/** Parses a CSS colour (hex, rgb(a), hsl(a), named, transparent). Unknown strings give null. */
export function parseCssColor(input: string): Rgba | null {
  if (colorCache.has(input)) return colorCache.get(input)!;
  const out = parse(input);
  if (colorCache.size > 2000) colorCache.clear();
  colorCache.set(input, out);
  return out;
}
