// The print edition's colour rules on their own: template CMYK wins, the formula converts the
// rest, black text and thin rules overprint, large black areas go rich, white never overprints.
import { describe, expect, it } from 'vitest';
import { defaultChartTheme, toVegaLiteConfig } from '../../../src/charts/chartTheme.js';
import { ENGINE_CMYK } from '../../../src/print/engineColors.js';
import { cmykLookup, hexOf, LARGE, MARKS_PAINT, printPaint, rgbToCmyk } from '../../../src/print/printPaint.js';
import { DEFAULT_RICH_BLACK } from '../../../src/print/printTemplate.js';

const lookup = cmykLookup([
  { name: 'text', rgb: '#1f2328', cmyk: [0, 0, 0, 100], place: { file: 't.yaml' } },
  { name: 'accent', rgb: '#0f5c63', cmyk: [90, 35, 45, 30], place: { file: 't.yaml' } },
  { name: 'muted', rgb: '#5b6470', place: { file: 't.yaml' } },
]);
const paint = printPaint(lookup, DEFAULT_RICH_BLACK).paint;

describe('rgbToCmyk (the documented formula)', () => {
  it('gives the textbook values: black, white, primaries, greys on K alone', () => {
    expect(rgbToCmyk(0, 0, 0)).toEqual([0, 0, 0, 100]);
    expect(rgbToCmyk(255, 255, 255)).toEqual([0, 0, 0, 0]);
    expect(rgbToCmyk(255, 0, 0)).toEqual([0, 100, 100, 0]);
    expect(rgbToCmyk(0, 0, 255)).toEqual([100, 100, 0, 0]);
    expect(rgbToCmyk(128, 128, 128)).toEqual([0, 0, 0, 50]);
    expect(rgbToCmyk(15, 92, 99)).toEqual([85, 7, 0, 61]);
  });

  it('never passes 300 % total ink', () => {
    for (let r = 0; r < 256; r += 15) for (let g = 0; g < 256; g += 15) for (let b = 0; b < 256; b += 15) {
      expect(rgbToCmyk(r, g, b).reduce((a, x) => a + x, 0)).toBeLessThanOrEqual(300);
    }
  });
});

describe('printPaint', () => {
  it('prints a template colour as the template\'s CMYK, for every use', () => {
    expect(paint('#0f5c63', { role: 'fill', width: 500, height: 200 })).toEqual({ color: [90, 35, 45, 30], overprint: false });
    expect(paint([15, 92, 99], { role: 'text' }).color).toEqual([90, 35, 45, 30]);
  });

  it('converts a colour given only in RGB by the formula', () => {
    expect(paint('#5b6470', { role: 'fill', width: 10, height: 10 }).color).toEqual(rgbToCmyk(0x5b, 0x64, 0x70));
    expect(paint('#ff0000', { role: 'stroke', width: 1 }).color).toEqual([0, 100, 100, 0]);
  });

  it('black text overprints; near-black text without CMYK becomes 100 % K; coloured text knocks out', () => {
    expect(paint('#1f2328', { role: 'text' })).toEqual({ color: [0, 0, 0, 100], overprint: true });
    expect(paint('#222222', { role: 'text' })).toEqual({ color: [0, 0, 0, 100], overprint: true });
    expect(paint('#000000', { role: 'text' })).toEqual({ color: [0, 0, 0, 100], overprint: true });
    expect(paint('#0f5c63', { role: 'text' }).overprint).toBe(false);
    // Near-black only for text: a dark grey area keeps the formula's value.
    expect(paint('#222222', { role: 'fill', width: 100, height: 100 }).color).toEqual(rgbToCmyk(0x22, 0x22, 0x22));
  });

  it('white never overprints, whatever it paints', () => {
    for (const use of [{ role: 'text' }, { role: 'stroke', width: 0.5 }, { role: 'fill', width: 1, height: 300 }, { role: 'qr' }] as const) {
      expect(paint('#ffffff', use)).toEqual({ color: [0, 0, 0, 0], overprint: false });
    }
  });

  it('thin black rules overprint; large black areas print in the rich black; QR codes stay one ink, knocked out', () => {
    expect(paint('#000000', { role: 'stroke', width: 0.5 })).toEqual({ color: [0, 0, 0, 100], overprint: true });
    expect(paint('#000000', { role: 'stroke', width: 4 }).overprint).toBe(false);
    expect(paint('#000000', { role: 'fill', width: 400, height: 1 })).toEqual({ color: [0, 0, 0, 100], overprint: true });
    expect(paint('#000000', { role: 'fill', width: LARGE, height: LARGE })).toEqual({ color: DEFAULT_RICH_BLACK, overprint: false });
    expect(printPaint(lookup, [50, 50, 50, 100]).paint('#000000', { role: 'fill', width: 300, height: 300 }).color).toEqual([50, 50, 50, 100]);
    expect(paint('#000000', { role: 'fill', width: 10, height: 10 })).toEqual({ color: [0, 0, 0, 100], overprint: false });
    expect(paint('#000000', { role: 'qr' })).toEqual({ color: [0, 0, 0, 100], overprint: false });
  });

  it('marks are in the registration colour: every plate', () => {
    expect(MARKS_PAINT.paint('#000000', { role: 'stroke', width: 0.25 }).color).toEqual([100, 100, 100, 100]);
  });

  it('hexOf reads #rgb, #rrggbb and [r, g, b]', () => {
    expect(hexOf('#FFF')).toBe('#ffffff');
    expect(hexOf('#0F5C63')).toBe('#0f5c63');
    expect(hexOf([15, 92, 99])).toBe('#0f5c63');
  });
});

describe('engine colours', () => {
  it('every colour of the default chart theme has a CMYK value (add one in engineColors.ts when the theme changes)', () => {
    const config = JSON.stringify(toVegaLiteConfig(defaultChartTheme));
    const colours = new Set([...config.matchAll(/"#[0-9a-fA-F]{6}"/g)].map((m) => m[0].slice(1, -1).toLowerCase()));
    for (const c of [...defaultChartTheme.palette, defaultChartTheme.textColor, defaultChartTheme.mutedColor, defaultChartTheme.gridColor]) colours.add(c.toLowerCase());
    expect(colours.size).toBeGreaterThan(8);
    expect([...colours].filter((c) => !ENGINE_CMYK.has(c))).toEqual([]);
  });

  it('text, greys and rules are on black alone (sharp at small sizes)', () => {
    const onBlack = [...ENGINE_CMYK].filter(([, { what }]) => /text|grey|grid|axis|rule|black|white/.test(what) && !/pale/.test(what));
    expect(onBlack.length).toBeGreaterThan(6);
    for (const [hex, { cmyk }] of onBlack) expect(cmyk.slice(0, 3), hex).toEqual([0, 0, 0]);
  });
});
