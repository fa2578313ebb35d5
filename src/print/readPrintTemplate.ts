// Reads a template's `print:` block and the CMYK half of its colours (see printTemplate.ts).
// A colour is either "#0f5c63" (RGB only: converted for print, refused when print.strict) or
// { rgb: "#0f5c63", cmyk: [90, 35, 45, 30] }, so the two values of one brand colour stay
// together and every other template key reads the same as before.
import { didYouMean, type ErrorList, type SourcePlace } from '../errors.js';
import { DEFAULT_RICH_BLACK, isCmyk, MM_TO_PT, type BrandColor, type Cmyk, type PrintTemplate } from './printTemplate.js';

const PRINT_KEYS = ['bleedMm', 'safetyMm', 'marks', 'slug', 'profile', 'strict', 'richBlack'];
const COLOR_KEYS = ['rgb', 'cmyk'];
const HEX = /^#[0-9a-f]{6}$/i;

/** The RGB of a colour value in either form (undefined when it has none). */
export function colorRgb(v: unknown): unknown {
  return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>).rgb : v;
}

/**
 * @param data the template's parsed YAML
 * @param at where a key path is set, for errors
 * @param colorNames the colours the engine reads (text, muted, accent …)
 */
export function readPrintTemplate(data: Record<string, unknown>, file: string, at: (path: string[]) => SourcePlace, errors: ErrorList, colorNames: readonly string[]): PrintTemplate {
  return { settings: readSettings(data, file, at, errors), colors: readColors(data, at, errors, colorNames) };
}

function readColors(data: Record<string, unknown>, at: (path: string[]) => SourcePlace, errors: ErrorList, colorNames: readonly string[]): BrandColor[] {
  const colors = (data.colors ?? {}) as Record<string, unknown>;
  const out: BrandColor[] = [];
  for (const k of Object.keys(colors)) {
    if (colorNames.includes(k)) continue;
    const base = colorNames.find((n) => k.toLowerCase() === `${n.toLowerCase()}cmyk`);
    const g = didYouMean(k, colorNames);
    errors.add(at(['colors', k]), `unknown colour "${k}"`,
      base ? `give the CMYK value with the colour itself: ${base}: { rgb: "#rrggbb", cmyk: [c, m, y, k] }` : g ? `did you mean "${g}"?` : `the colours are ${colorNames.join(', ')}`);
  }
  for (const name of colorNames) {
    const v = colors[name];
    const place = at(['colors', name]);
    const rgb = colorRgb(v);
    if (typeof rgb !== 'string' || !HEX.test(rgb)) continue; // loadTemplate reports it
    let cmyk: Cmyk | undefined;
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const key of Object.keys(o)) {
        if (!COLOR_KEYS.includes(key)) errors.add(at(['colors', name, key]), `unknown key "${key}" in colors.${name}`, 'a colour takes rgb ("#0f5c63") and cmyk ([90, 35, 45, 30])');
      }
      if (o.cmyk !== undefined) {
        if (isCmyk(o.cmyk)) cmyk = [...o.cmyk] as unknown as Cmyk;
        else errors.add(at(['colors', name, 'cmyk']), `colors.${name}.cmyk must be four numbers from 0 to 100, e.g. [90, 35, 45, 30]`, 'cyan, magenta, yellow and black in per cent');
      }
    }
    out.push({ name, rgb: rgb.toLowerCase(), cmyk, place });
  }
  return out;
}

function readSettings(data: Record<string, unknown>, file: string, at: (path: string[]) => SourcePlace, errors: ErrorList): PrintTemplate['settings'] {
  const raw = data.print;
  const settings: PrintTemplate['settings'] = {
    bleed: 3 * MM_TO_PT,
    safety: 3 * MM_TO_PT,
    marks: 'crop',
    slug: true,
    strict: false,
    richBlack: DEFAULT_RICH_BLACK,
    place: raw === undefined ? { file } : at(['print']),
  };
  if (raw === undefined || raw === null) return settings;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    errors.add(at(['print']), 'print must be a mapping', `e.g. print: { bleedMm: 3, marks: crop }`);
    return settings;
  }
  const p = raw as Record<string, unknown>;
  for (const k of Object.keys(p)) {
    if (PRINT_KEYS.includes(k)) continue;
    const g = didYouMean(k, PRINT_KEYS);
    errors.add(at(['print', k]), `unknown key "${k}" in print`, g ? `did you mean "${g}"?` : `print takes ${PRINT_KEYS.join(', ')}`);
  }
  const mm = (key: string, max: number, fallback: number): number => {
    const v = p[key];
    if (v === undefined) return fallback;
    if (typeof v === 'number' && v >= 0 && v <= max) return v * MM_TO_PT;
    errors.add(at(['print', key]), `print.${key} must be a number of millimetres from 0 to ${max}`);
    return fallback;
  };
  const bool = (key: string, fallback: boolean): boolean => {
    const v = p[key];
    if (v === undefined) return fallback;
    if (typeof v === 'boolean') return v;
    errors.add(at(['print', key]), `print.${key} must be true or false`);
    return fallback;
  };
  settings.bleed = mm('bleedMm', 10, settings.bleed);
  settings.safety = mm('safetyMm', 20, settings.safety);
  settings.slug = bool('slug', true);
  settings.strict = bool('strict', false);
  if (p.marks !== undefined) {
    if (p.marks === 'crop' || p.marks === 'none') settings.marks = p.marks;
    else errors.add(at(['print', 'marks']), 'print.marks must be crop or none', 'crop: crop and registration marks outside the bleed; none: the page boxes only');
  }
  if (p.profile !== undefined) {
    if (typeof p.profile === 'string' && p.profile.trim()) settings.profile = { file: p.profile.trim(), place: at(['print', 'profile']) };
    else errors.add(at(['print', 'profile']), 'print.profile must be the path of an ICC file', 'the CMYK output profile your print shop gives you, relative to the project folder');
  }
  if (p.richBlack !== undefined) {
    if (isCmyk(p.richBlack)) settings.richBlack = [...p.richBlack] as unknown as Cmyk;
    else errors.add(at(['print', 'richBlack']), 'print.richBlack must be four numbers from 0 to 100, e.g. [60, 40, 40, 100]');
  }
  return settings;
}
