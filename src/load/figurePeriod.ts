// When a figure or table is from, as a data file writes it: a year (2016), a range of years
// (2012-2015, also with an en dash), a day, month or year the count stood at ("as of
// 2026-03-01"), or n.d. when the source gives no date.
import type { Period } from './sourceTypes.js';

export const PERIOD_HINT = 'write the year the figure refers to, or n.d. when the source gives none; a range of years as 2012-2015, a count on a given day as "as of 2026-03-01"';

/**
 * The period, or what is wrong with the text: `problem` is a predicate the caller puts after
 * the quoted text (`year "2015-2012" of x.y` + ` is not a range of years: …`).
 */
export function parsePeriod(text: string): Period | { problem: string; hint: string } {
  const s = text.trim();
  if (s === 'n.d.') return { kind: 'undated' };
  if (/^\d{4}$/.test(s)) return { kind: 'year', year: Number(s) };
  const range = /^(\d{4})\s*[-–—]\s*(\d+)$/.exec(s);
  if (range) {
    const [from, to] = [Number(range[1]), range[2]];
    if (to.length !== 4) {
      // "2012-13" is a common shorthand for a range, but "2012-03" is how a month is written.
      return { problem: 'is not a range of years', hint: `write both years in full, e.g. ${from}-${from + 1}, or "as of ${from}-${to.padStart(2, '0')}" for a month` };
    }
    if (Number(to) <= from) return { problem: `is not a range of years: ${to} is not after ${from}`, hint: 'write the earlier year first, e.g. 2012-2015; a single year is written alone' };
    return { kind: 'range', from, to: Number(to) };
  }
  const asOf = /^as of\s+(.+)$/i.exec(s);
  if (asOf) {
    const d = asOf[1].trim();
    const why = badDate(d);
    if (why) return { problem: `is not an "as of" date: ${why}`, hint: 'write "as of" and an ISO date: as of 2026-03-01, as of 2026-03 or as of 2026' };
    return { kind: 'asOf', date: d };
  }
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(s)) return { problem: 'is a date, not a year', hint: `write "as of ${s}" for a count on that date, or the year alone` };
  return { problem: 'is not a four-digit year', hint: PERIOD_HINT };
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Why an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) is not a real one, or undefined when it is. */
export function badDate(s: string): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(s);
  if (!m) return `"${s}" is not an ISO date (YYYY-MM-DD)`;
  const [y, mo, d] = [Number(m[1]), m[2] === undefined ? 1 : Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  if (mo < 1 || mo > 12) return `${s} has no month ${m[2]}`;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = mo === 2 && !leap ? 28 : DAYS[mo - 1];
  if (d < 1 || d > days) return `${s} is not a day of the calendar (that month has ${days} days)`;
  return undefined;
}

/** The period as the data file would write it, in no particular language: 2012–2015, as of 2026-03-01, n.d. */
export function periodText(p: Period): string {
  switch (p.kind) {
    case 'year': return String(p.year);
    case 'range': return `${p.from}–${p.to}`;
    case 'asOf': return `as of ${p.date}`;
    case 'undated': return 'n.d.';
  }
}
