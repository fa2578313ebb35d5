// The typed-number rule on its own: which numbers in prose count as statistics typed instead of
// bound, and which (years, small counts, names like G20) do not.
import { describe, expect, it } from 'vitest';
import { figureWithValue, findTypedNumbers } from '../../../src/check/typedNumbers.js';
import type { Figure } from '../../../src/load/sourceTypes.js';

const found = (text: string) => findTypedNumbers(text).map((n) => n.text);

describe('findTypedNumbers', () => {
  it.each([
    ['About 4,500,000 people', ['4,500,000']],
    ['some 20.9 million people', ['20.9 million']],
    ['4.5bn and 5m and 3k', ['4.5bn', '5m', '3k']],
    ['50% of them, 15 per cent, 2 percent', ['50%', '15 per cent', '2 percent']],
    ['$99 billion, US$5, € 800, USD 800, ៛4000', ['$99 billion', 'US$5', '€ 800', 'USD 800', '៛4000']],
    ['12000 graves and 256,800 people (1,000)', ['12000', '256,800', '1,000']],
    ['4\u202F500\u202F000 and 4\u00A0500', ['4\u202F500\u202F000', '4\u00A0500']],
    ['years outside 1800–2099 are numbers: 1066 and 2150', ['1066', '2150']],
    ['a year with a unit is a statistic: 2000 million', ['2000 million']],
  ])('finds the statistics in %j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'in 1975, 1979 and 2016 (the 1990s, 2016–17)',
    'three roles, 15 children younger than 15, 1.65 and 999',
    'G20, A4, 4x4, COVID-19, 5km, 10am, v2.0.1',
    'at 10:30 on 30/11/2026',
    'a phone number, +855 23 123 456',
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('reads the value, with its magnitude, and what kind of figure it is', () => {
    expect(findTypedNumbers('4.5 million')[0]).toMatchObject({ value: 4_500_000, kind: 'number', index: 0 });
    expect(findTypedNumbers('was $99 billion')[0]).toMatchObject({ value: 99e9, kind: 'money', index: 4 });
    expect(findTypedNumbers('1.65%')[0]).toMatchObject({ value: 1.65, kind: 'percent' });
  });
});

describe('figureWithValue', () => {
  const fig = (key: string, value: number | string, unit: string): Figure =>
    ({ key, label: key, value, unit, year: '2016', period: { kind: 'year', year: 2016 }, source: 's', row: {}, place: { file: 'content/data/x.csv', line: 2 } });
  const figures = [fig('x.year', 4_500_000, 'year'), fig('x.share', 1.65, 'percent'), fig('x.people', 4_500_000, 'people'), fig('x.profit', 99e9, 'USD'), fig('x.tier', 'Tier 2', 'text')];

  it('suggests the figure stating the value, in a unit that fits', () => {
    expect(figureWithValue(findTypedNumbers('4,500,000')[0], figures)?.key).toBe('x.people');
    expect(figureWithValue(findTypedNumbers('4.5 million')[0], figures)?.key).toBe('x.people');
    expect(figureWithValue(findTypedNumbers('1.65%')[0], figures)?.key).toBe('x.share');
    expect(figureWithValue(findTypedNumbers('$99 billion')[0], figures)?.key).toBe('x.profit');
  });

  it('suggests nothing for another value or a unit that does not fit', () => {
    expect(figureWithValue(findTypedNumbers('4,600,000')[0], figures)).toBeUndefined();
    expect(figureWithValue(findTypedNumbers('$4.5 million')[0], figures)).toBeUndefined();
    expect(figureWithValue(findTypedNumbers('4,500,000%')[0], figures)).toBeUndefined();
  });
});
