// The print edition's colours: every colour drawn becomes CMYK, and black is treated as
// presses expect.
//
// - A colour the template gives in CMYK (colors.accent: { rgb, cmyk }) or the engine has a
//   CMYK value for (engineColors.ts) prints as that value.
// - Any other colour is converted with the formula in rgbToCmyk (or refused in strict mode,
//   before anything is drawn: see colorCheck.ts).
// - Near-black text converted by the formula prints as 100 % K: small type in four inks
//   blurs when the plates are a hair out of register.
// - Black (0 0 0 100) text and thin black rules overprint (/OP /op true, /OPM 1), so a
//   misregistered plate leaves no white halo around them; larger black areas print as the
//   template's rich black, which looks deep instead of grey; white never overprints (an
//   overprinting white would vanish).
import type { Paint, PaintPolicy, PaintUse } from '../render/paint.js';
import { ENGINE_CMYK, REGISTRATION } from './engineColors.js';
import { MM_TO_PT, type BrandColor, type Cmyk } from './printTemplate.js';

/** Strokes and fills no wider than this are rules: they overprint when black. */
export const THIN = 2;
/** Black fills whose shorter side is at least this are areas: they print in rich black. */
export const LARGE = 6 * MM_TO_PT;

/**
 * sRGB → CMYK without a profile, the usual device formula (100 % grey component
 * replacement): with R, G, B from 0 to 1, K = 1 − max(R, G, B) and C = (1 − R − K) / (1 − K),
 * M = (1 − G − K) / (1 − K), Y = (1 − B − K) / (1 − K), rounded to whole per cent. Greys
 * come out on black alone and the total ink never passes 300 %. It knows nothing of the
 * press, so colours that matter belong in the template as CMYK.
 */
export function rgbToCmyk(r: number, g: number, b: number): Cmyk {
  const [R, G, B] = [r / 255, g / 255, b / 255];
  const k = 1 - Math.max(R, G, B);
  if (k >= 1 - 1e-9) return [0, 0, 0, 100];
  const p = (x: number) => Math.round(x * 100);
  return [p((1 - R - k) / (1 - k)), p((1 - G - k) / (1 - k)), p((1 - B - k) / (1 - k)), p(k)];
}

/** "#rrggbb" (lower case) of a hex string or an [r, g, b] triple from 0 to 255. */
export function hexOf(color: string | readonly number[]): string {
  if (typeof color !== 'string') return '#' + color.slice(0, 3).map((x) => Math.max(0, Math.min(255, Math.round(x))).toString(16).padStart(2, '0')).join('');
  const s = color.toLowerCase();
  return s.length === 4 ? '#' + [...s.slice(1)].map((c) => c + c).join('') : s;
}

function rgbOf(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}

/** Dark and nearly grey: text the formula would set in four inks that should be black. */
function nearBlack(hex: string): boolean {
  const c = rgbOf(hex);
  return Math.max(...c) <= 0.2 * 255 && Math.max(...c) - Math.min(...c) <= 0.1 * 255;
}

export interface CmykLookup {
  /** The CMYK a colour is given as (template, then engine), if any. */
  given(hex: string): Cmyk | undefined;
}

export function cmykLookup(colors: readonly BrandColor[]): CmykLookup {
  const template = new Map<string, Cmyk>();
  // The first template colour with this RGB wins (two names may share one colour).
  for (const c of colors) if (c.cmyk && !template.has(c.rgb)) template.set(c.rgb, c.cmyk);
  return { given: (hex) => template.get(hex) ?? ENGINE_CMYK.get(hex)?.cmyk };
}

const isBlack = (c: Cmyk) => c[0] === 0 && c[1] === 0 && c[2] === 0 && c[3] === 100;

export function printPaint(lookup: CmykLookup, richBlack: Cmyk): PaintPolicy {
  const paint = (color: string | readonly number[], use: PaintUse): Paint => {
    const hex = hexOf(color);
    let cmyk = lookup.given(hex);
    if (!cmyk) cmyk = use.role === 'text' && nearBlack(hex) ? [0, 0, 0, 100] : rgbToCmyk(...rgbOf(hex));
    if (!isBlack(cmyk)) return { color: cmyk, overprint: false };
    switch (use.role) {
      case 'text':
        return { color: cmyk, overprint: true };
      case 'stroke':
        return { color: cmyk, overprint: use.width <= THIN };
      case 'fill':
        if (Math.min(use.width, use.height) <= THIN) return { color: cmyk, overprint: true };
        return Math.min(use.width, use.height) >= LARGE ? { color: richBlack, overprint: false } : { color: cmyk, overprint: false };
      case 'qr':
        // One ink, knocked out: every module as sharp as the plate can make it.
        return { color: cmyk, overprint: false };
    }
  };
  return { paint };
}

/** Printer's marks: every colour is the registration colour, so each plate carries them. */
export const MARKS_PAINT: PaintPolicy = { paint: () => ({ color: REGISTRATION, overprint: false }) };
