// What a template says about the print edition: the `print:` block (bleed, marks, the press's
// ICC profile, strictness) and the brand colours' CMYK values, given beside their RGB in
// `colors:`. Engine keys: every kind has them. Nothing here reads files or touches pdfkit.
import type { SourcePlace } from '../errors.js';

/** A CMYK colour, each ink from 0 to 100 %, in the order pdfkit takes it. */
export type Cmyk = readonly [number, number, number, number];

/** One template colour: its screen RGB, its CMYK when the template gives one, and where it is set. */
export interface BrandColor {
  name: string;
  /** #rrggbb, lower case. */
  rgb: string;
  cmyk?: Cmyk;
  place: SourcePlace;
}

export interface PrintSettings {
  /** Bleed beyond the trim on every side, in points (default 3 mm). */
  bleed: number;
  /** How far inside the trim text must stay, in points (default 3 mm). */
  safety: number;
  /** Crop and registration marks outside the bleed, or none (the page is then the bleed box). */
  marks: 'crop' | 'none';
  /** A line naming document, date and page beside the marks (only with marks). */
  slug: boolean;
  /** The print shop's CMYK output profile, relative to the project root: makes the file PDF/X-4. */
  profile?: { file: string; place: SourcePlace };
  /** Refuse colours given only in RGB, and RGB images, instead of converting them. */
  strict: boolean;
  /** The mix large black areas print with (black text and thin rules stay 100 % K). */
  richBlack: Cmyk;
  /** The template file and the print block, for messages. */
  place: SourcePlace;
}

export interface PrintTemplate {
  settings: PrintSettings;
  colors: BrandColor[];
}

export const MM_TO_PT = 72 / 25.4;

export const DEFAULT_RICH_BLACK: Cmyk = [60, 40, 40, 100];

export function isCmyk(v: unknown): v is Cmyk {
  return Array.isArray(v) && v.length === 4 && v.every((x) => typeof x === 'number' && x >= 0 && x <= 100);
}
