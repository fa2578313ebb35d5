// A chart's time-unit cell for the reader. Vega-Lite keeps a date cut to a time unit ("month of
// date") as a full date in a placeholder year (2012-01-01 for January); a mark whose tooltip
// does not format it (an error bar's) leaves that date in the chart's drawn data as an ISO
// date (charts/drawnData.ts), which reads as a day of 2012. Written here by its unit instead,
// in the document's language: a month by its name, a year-month as both.

import { timeUnitField, type TimeUnitPart } from '../charts/timeUnitField.js';

type Part = TimeUnitPart;

/** The time unit's parts of a drawn field, or undefined when the field is not cut to a time unit. */
export function timeUnitOf(field: string): Part[] | undefined {
  return timeUnitField(field)?.parts;
}

const INTL: Partial<Record<Part, Intl.DateTimeFormatOptions>> = {
  year: { year: 'numeric' },
  month: { month: 'short' },
  day: { weekday: 'short' },
  date: { day: 'numeric' },
  hours: { hour: '2-digit', hourCycle: 'h23' },
  minutes: { minute: '2-digit' },
  seconds: { second: '2-digit' },
  milliseconds: { fractionalSecondDigits: 3 },
};

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The date `ms` (ms since 1970, UTC, the zone charts run in) as its time unit reads, in
 * `locale`: month → "Jan" ("janv." in French), yearmonth → "Jan 2012", day → "Mon". Undefined
 * for units Intl does not write (quarter, week, day of year): the caller keeps its text.
 */
export function formatTimeUnit(ms: number, parts: readonly Part[], locale: string): string | undefined {
  if (!parts.every((p) => INTL[p])) return undefined;
  const key = `${locale}/${parts.join('')}`;
  let f = formats.get(key);
  if (!f) formats.set(key, (f = new Intl.DateTimeFormat(locale, Object.assign({ timeZone: 'UTC' }, ...parts.map((p) => INTL[p])))));
  return f.format(ms);
}
