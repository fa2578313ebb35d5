// Years, ranges of years and "as of" dates: how data files write them, what is refused, and
// what {{year KEY}} prints.
import { describe, expect, it } from 'vitest';
import { badDate, parsePeriod } from '../../../src/load/figurePeriod.js';
import { formatPeriod } from '../../../src/resolve/formatPeriod.js';

describe('parsePeriod', () => {
  it('reads a year, a range (hyphen or en dash), an "as of" date and n.d.', () => {
    expect(parsePeriod('2016')).toEqual({ kind: 'year', year: 2016 });
    expect(parsePeriod('2012-2015')).toEqual({ kind: 'range', from: 2012, to: 2015 });
    expect(parsePeriod('2012 – 2015')).toEqual({ kind: 'range', from: 2012, to: 2015 });
    expect(parsePeriod('as of 2026-03-01')).toEqual({ kind: 'asOf', date: '2026-03-01' });
    expect(parsePeriod('As of 2026-03')).toEqual({ kind: 'asOf', date: '2026-03' });
    expect(parsePeriod('as of 2026')).toEqual({ kind: 'asOf', date: '2026' });
    expect(parsePeriod('n.d.')).toEqual({ kind: 'undated' });
  });

  it('refuses ranges that run backwards, are empty or are shorthand', () => {
    expect(parsePeriod('2015-2012')).toMatchObject({ problem: 'is not a range of years: 2012 is not after 2015' });
    expect(parsePeriod('2015-2015')).toMatchObject({ problem: expect.stringContaining('is not a range of years') });
    const short = parsePeriod('2012-13');
    expect(short).toMatchObject({ problem: 'is not a range of years' });
    expect((short as { hint: string }).hint).toContain('2012-2013');
  });

  it('refuses a bare date, a date that is not in the calendar, and prose', () => {
    expect(parsePeriod('2026-03-01')).toMatchObject({ problem: 'is a date, not a year', hint: expect.stringContaining('as of 2026-03-01') });
    expect(parsePeriod('as of 2026-02-29')).toMatchObject({ problem: expect.stringContaining('that month has 28 days') });
    expect(parsePeriod('as of 2026-13')).toMatchObject({ problem: expect.stringContaining('no month 13') });
    expect(parsePeriod('as of March 2026')).toMatchObject({ problem: expect.stringContaining('not an ISO date') });
    expect(parsePeriod('circa 2012')).toMatchObject({ problem: 'is not a four-digit year' });
    expect(parsePeriod('12')).toMatchObject({ problem: 'is not a four-digit year' });
  });

  it('knows leap years', () => {
    expect(badDate('2024-02-29')).toBeUndefined();
    expect(badDate('2000-02-29')).toBeUndefined();
    expect(badDate('1900-02-29')).toMatch(/28 days/);
    expect(badDate('2026-04-31')).toMatch(/30 days/);
  });
});

describe('formatPeriod', () => {
  it('prints ranges with an en dash and "as of" dates in the document’s language', () => {
    expect(formatPeriod({ kind: 'year', year: 2016 }, 'en-GB')).toBe('2016');
    expect(formatPeriod({ kind: 'range', from: 2012, to: 2015 }, 'en-GB')).toBe('2012\u20132015');
    expect(formatPeriod({ kind: 'undated' }, 'en-GB')).toBe('n.d.');
    expect(formatPeriod({ kind: 'asOf', date: '2026-03-01' }, 'en-GB')).toBe('as of 1 March 2026');
    expect(formatPeriod({ kind: 'asOf', date: '2026-03-01' }, { locale: 'en-US' })).toBe('as of March 1, 2026');
    expect(formatPeriod({ kind: 'asOf', date: '2026-03' }, 'en-GB')).toBe('as of March 2026');
    expect(formatPeriod({ kind: 'asOf', date: '2026' }, 'en-GB')).toBe('as of 2026');
    expect(formatPeriod({ kind: 'asOf', date: '2026-03-01' }, 'fr')).toBe('au 1 mars 2026');
    expect(formatPeriod({ kind: 'asOf', date: '2026-03-01' }, 'de')).toBe('Stand 1. März 2026');
  });

  it('an "as of" date is a calendar day: the same in every time zone', () => {
    // The first and last day of a year are where a zone shift would show.
    expect(formatPeriod({ kind: 'asOf', date: '2026-01-01' }, 'en-GB')).toBe('as of 1 January 2026');
    expect(formatPeriod({ kind: 'asOf', date: '2015-12-31' }, 'en-US')).toBe('as of December 31, 2015');
  });
});
