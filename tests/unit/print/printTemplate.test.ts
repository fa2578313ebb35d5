// The template's print keys: the print: block with its defaults, { rgb, cmyk } colours, and a
// located error for each mistake.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { briefKind } from '../../../src/documents/brief/briefKind.js';
import { InputError, InputErrors } from '../../../src/errors.js';
import { loadTemplate } from '../../../src/load/loadTemplate.js';
import { DEFAULT_RICH_BLACK, MM_TO_PT } from '../../../src/print/printTemplate.js';
import { SAMPLE_ROOT } from '../../helpers/paths.js';

const base = readFileSync(join(SAMPLE_ROOT, 'templates/brief.yaml'), 'utf8');

function load(edit: (s: string) => string) {
  const dir = mkdtempSync(join(tmpdir(), 'report-tpl-'));
  mkdirSync(join(dir, 'templates'));
  writeFileSync(join(dir, 'templates/brief.yaml'), edit(base));
  return loadTemplate(dir, 'templates/brief.yaml', briefKind);
}

function errors(edit: (s: string) => string): string[] {
  try {
    load(edit);
  } catch (e) {
    if (e instanceof InputErrors) return e.errors.map((x) => x.message);
    if (e instanceof InputError) return [e.message];
    throw e;
  }
  return [];
}

const lineOf = (s: string, needle: string) => s.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('template print keys', () => {
  it('without a print block: 3 mm bleed and safety, crop marks, slug, not strict, no profile', () => {
    const t = load((s) => s);
    expect(t.print.settings).toMatchObject({ marks: 'crop', slug: true, strict: false, richBlack: DEFAULT_RICH_BLACK });
    expect(t.print.settings.bleed).toBeCloseTo(3 * MM_TO_PT, 9);
    expect(t.print.settings.safety).toBeCloseTo(3 * MM_TO_PT, 9);
    expect(t.print.settings.profile).toBeUndefined();
    expect(t.print.colors.map((c) => [c.name, c.cmyk])).toEqual([['text', undefined], ['muted', undefined], ['accent', undefined], ['accentSoft', undefined], ['warm', undefined], ['rule', undefined]]);
  });

  it('reads the print block and { rgb, cmyk } colours; the screen colours stay as they were', () => {
    const t = load((s) => s.replace('accent: "#0f5c63"', 'accent: { rgb: "#0F5C63", cmyk: [90, 35, 45, 30] }') + 'print: { bleedMm: 5, safetyMm: 4, marks: none, slug: false, strict: true, profile: shop.icc, richBlack: [50, 40, 40, 100] }\n');
    expect(t.colors.accent).toBe('#0F5C63');
    expect(t.print.colors.find((c) => c.name === 'accent')).toMatchObject({ rgb: '#0f5c63', cmyk: [90, 35, 45, 30], place: { file: 'templates/brief.yaml', line: lineOf(base, 'accent:') } });
    expect(t.print.settings).toMatchObject({ marks: 'none', slug: false, strict: true, richBlack: [50, 40, 40, 100], profile: { file: 'shop.icc' } });
    expect(t.print.settings.bleed).toBeCloseTo(5 * MM_TO_PT, 9);
  });

  it('reports each mistake at its line', () => {
    const e = errors((s) => s.replace('accent: "#0f5c63"', 'accent: { rgb: "#0f5c63", cmyk: [90, 35, 145], pms: 3165 }').replace('  rule: "#c9d1d6"', '  rule: "#c9d1d6"\n  accentCmyk: [90, 35, 45, 30]') +
      'print:\n  bleedMm: 30\n  marks: trim\n  strict: yes\n  richBlack: black\n  sulg: true\n');
    expect(e).toEqual(expect.arrayContaining([
      expect.stringMatching(/^templates\/brief\.yaml:\d+:\d+: unknown colour "accentCmyk" — give the CMYK value with the colour itself: accent: \{ rgb: "#rrggbb", cmyk: \[c, m, y, k\] \}$/),
      expect.stringMatching(/^templates\/brief\.yaml:\d+:\d+: unknown key "pms" in colors\.accent — a colour takes rgb/),
      expect.stringMatching(/^templates\/brief\.yaml:\d+:\d+: colors\.accent\.cmyk must be four numbers from 0 to 100/),
      expect.stringMatching(/^templates\/brief\.yaml:\d+:\d+: print\.bleedMm must be a number of millimetres from 0 to 10$/),
      expect.stringMatching(/^templates\/brief\.yaml:\d+:\d+: print\.marks must be crop or none/),
      expect.stringMatching(/^templates\/brief\.yaml:\d+:\d+: print\.strict must be true or false$/),
      expect.stringMatching(/^templates\/brief\.yaml:\d+:\d+: print\.richBlack must be four numbers/),
      expect.stringMatching(/^templates\/brief\.yaml:\d+:\d+: unknown key "sulg" in print — did you mean "slug"\?$/),
    ]));
    expect(e).toHaveLength(8);
  });

  it('a colour object without rgb is the engine\'s usual colour error', () => {
    expect(errors((s) => s.replace('accent: "#0f5c63"', 'accent: { cmyk: [90, 35, 45, 30] }'))).toEqual([expect.stringMatching(/colors\.accent must be a colour like "#0f5c63"$/)]);
  });
});
