// How bound figures print: the sample's forms, precision per figure, the minus sign, the
// spaces between number and unit, and the language's own separators and words.
import { describe, expect, it } from 'vitest';
import type { Figure } from '../../../src/load/sourceTypes.js';
import { formatFigure, formatNumber, formatValue } from '../../../src/resolve/formatFigure.js';

const NBSP = '\u00a0';
const MINUS = '\u2212';
/** French spaces are no-break ones; which of the two depends on the ICU version. */
const NB = '[\u00a0\u202f]';

function figure(value: number | string, unit: string, extra: Partial<Figure> = {}): Figure {
  return { key: 't.x', label: 'X', value, unit, year: '2016', period: { kind: 'year', year: 2016 }, source: 'S', row: {}, place: { file: 'content/data/t.csv', line: 2 }, ...extra };
}

describe('formatFigure', () => {
  it('keeps the sample’s forms in en-GB', () => {
    expect(formatFigure(figure(4500000, 'people'), 'en-GB')).toBe('4.5 million');
    expect(formatFigure(figure(99000000000, 'USD'), 'en-GB')).toBe('$99 billion');
    expect(formatFigure(figure(1.65, 'percent'), 'en-GB')).toBe('1.65%');
    expect(formatFigure(figure(256800, 'people'), 'en-GB')).toBe('256,800');
    expect(formatFigure(figure(800, 'USD'), 'en-GB')).toBe('$800');
    expect(formatFigure(figure(3, 'multiple'), 'en-GB')).toBe('3 times');
    expect(formatFigure(figure(1953, 'year'), 'en-GB')).toBe('1953');
    expect(formatFigure(figure('Tier 2 Watch List', 'text'), 'en-GB')).toBe('Tier 2 Watch List');
  });

  it('takes the language as a string or as options (room for more)', () => {
    expect(formatFigure(figure(4500000, 'people'), { locale: 'de' })).toBe('4,5 Millionen');
    expect(formatFigure(figure(4500000, 'people'), 'fr')).toBe('4,5 millions');
  });

  it('decimals fixes the digits after the point, also after a scale word', () => {
    expect(formatFigure(figure(15, '°C', { decimals: 1 }), 'en-GB')).toBe(`15.0${NBSP}°C`);
    expect(formatFigure(figure(1232.84, 'mm', { decimals: 0 }), 'en-GB')).toBe(`1,233${NBSP}mm`);
    expect(formatFigure(figure(4500000, 'people', { decimals: 2 }), 'en-GB')).toBe('4.50 million');
    expect(formatFigure(figure(12, 'EUR', { decimals: 2 }), 'en-GB')).toBe('€12.00');
    expect(formatFigure(figure(1.65, 'percent', { decimals: 1 }), 'fr')).toMatch(new RegExp(`^1,7${NB}%$`));
  });

  it('digits fixes the significant digits', () => {
    expect(formatFigure(figure(20900000, 'people', { digits: 2 }), 'en-GB')).toBe('21 million');
    expect(formatFigure(figure(256800, 'count', { digits: 2 }), 'en-GB')).toBe('260,000');
    expect(formatFigure(figure(0.012345, 'ppm', { digits: 3 }), 'en-GB')).toBe(`0.0123${NBSP}ppm`);
    expect(formatFigure(figure(15, '°C', { digits: 3 }), 'en-GB')).toBe(`15.0${NBSP}°C`);
  });

  it('without either, at most two decimals; whole currency amounts have no cents, others all of theirs', () => {
    expect(formatFigure(figure(1.23456, 'count'), 'en-GB')).toBe('1.23');
    expect(formatFigure(figure(1234, 'USD'), 'en-GB')).toBe('$1,234');
    expect(formatFigure(figure(12.5, 'USD'), 'en-GB')).toBe('$12.50');
    expect(formatFigure(figure(12.5, 'JPY'), 'en-GB')).toBe('¥13');
  });

  it('negatives have a real minus sign (U+2212), never a hyphen', () => {
    const cases: [number, string, string][] = [
      [-7.1, '°C', `${MINUS}7.1${NBSP}°C`],
      [-1234.5, 'count', `${MINUS}1,234.5`],
      [-4500000, 'people', `${MINUS}4.5 million`],
      [-99e9, 'USD', `${MINUS}$99 billion`],
      [-12.5, 'USD', `${MINUS}$12.50`],
      [-0.5, 'percent', `${MINUS}0.5%`],
      [-500, 'year', `${MINUS}500`],
      [-2, 'years', `${MINUS}2 years`],
    ];
    for (const [v, unit, want] of cases) {
      const got = formatFigure(figure(v, unit), 'en-GB');
      expect(got, unit).toBe(want);
      expect(got, unit).not.toContain('-');
    }
    expect(formatFigure(figure(-7.1, '°C'), 'fr')).toBe(`${MINUS}7,1${NBSP}°C`);
  });

  it('a value that rounds to zero has no sign', () => {
    expect(formatFigure(figure(-0.004, 'count'), 'en-GB')).toBe('0');
    expect(formatFigure(figure(-0.04, '°C', { decimals: 1 }), 'en-GB')).toBe(`0.0${NBSP}°C`);
  });

  it('a symbol follows a no-break space; percent and currencies space as the language does', () => {
    expect(formatFigure(figure(412.5, 'ppm'), 'en-GB')).toBe(`412.5${NBSP}ppm`);
    expect(formatFigure(figure(181035, 'km²'), 'en-GB')).toBe(`181,035${NBSP}km²`);
    expect(formatFigure(figure(1.65, 'percent'), 'fr')).toMatch(new RegExp(`^1,65${NB}%$`));
    expect(formatFigure(figure(800, 'USD'), 'fr')).toMatch(new RegExp(`^800${NB}\\$$`));
    expect(formatFigure(figure(99e9, 'USD'), 'fr')).toMatch(new RegExp(`^99 milliards${NB}\\$$`));
    expect(formatFigure(figure(256800, 'count'), 'fr')).toMatch(new RegExp(`^256${NB}800$`));
  });

  it('words follow the language’s plural rules', () => {
    expect(formatFigure(figure(1, 'tonnes'), 'en-GB')).toBe('1 tonne');
    expect(formatFigure(figure(1, 'tonnes', { decimals: 1 }), 'en-GB')).toBe('1.0 tonnes');
    expect(formatFigure(figure(1.5, 'tonnes'), 'en-GB')).toBe('1.5 tonnes');
    expect(formatFigure(figure(1.5, 'tonnes'), 'fr')).toBe('1,5 tonne');
    expect(formatFigure(figure(2, 'tonnes'), 'fr')).toBe('2 tonnes');
    expect(formatFigure(figure(2, 'tonnes'), 'en-US')).toBe('2 metric tons');
    expect(formatFigure(figure(2, 'tonnes'), 'km')).toBe(`2${NBSP}t`);
    expect(formatFigure(figure(1, 'years'), 'en-GB')).toBe('1 year');
    expect(formatFigure(figure(5, 'years'), 'de')).toBe('5 Jahre');
    expect(formatFigure(figure(3, 'multiple'), 'km')).toBe('3×');
  });

  it('scale words come from the language, from a million on, for counts, currencies and the like', () => {
    expect(formatNumber(999999, { locale: 'en-GB', scale: true })).toBe('999,999');
    expect(formatNumber(1e6, { locale: 'en-GB', scale: true })).toBe('1 million');
    expect(formatNumber(1.65e12, { locale: 'en-GB', scale: true })).toBe('1.65 trillion');
    expect(formatNumber(4.5e6, { locale: 'es', scale: true })).toBe('4,5 millones');
    expect(formatNumber(4.5e6, { locale: 'en-GB' })).toBe('4,500,000');
    expect(formatFigure(figure(2.5e6, 'tonnes'), 'en-GB')).toBe('2.5 million tonnes');
    expect(formatFigure(figure(2.5e6, 'kg'), 'en-GB')).toBe(`2,500,000${NBSP}kg`);
    expect(formatFigure(figure(3.5e6, 'percent'), 'en-GB')).toBe('3,500,000%');
  });

  it('an alias formats as its unit; a unit outside the table is a programming error', () => {
    expect(formatValue(-7.1, 'celsius', { locale: 'en-GB' })).toBe(`${MINUS}7.1${NBSP}°C`);
    expect(() => formatValue(1, 'furlongs', { locale: 'en-GB' })).toThrow(/furlongs/);
  });
});
