// Process-wide vega setup, done once before the first chart is compiled: text measured with the
// embedded fonts, and time read as UTC so a chart reads the same whatever the machine's zone.
// Functions that could allocate or backtrack without limit are bounded (expressionBudget.ts).
// Expression functions keep vega's meaning otherwise (tests/unit/charts/vegaExpressions.test.ts).
import * as vega from 'vega';
import { boundedExpressionFunctions } from './expressionBudget.js';
import { overrideExpressionFunction, setDateParser } from './vegaInternals.js';
import { installChartTextMetrics } from './vegaTextMetrics.js';

let setupDone = false;

/** ISO date-times without a zone ("2023-04-01T12:00") mean UTC here, not the machine's zone. */
const DATE_ONLY = /^[+-]?\d{4,6}(-\d{2}(-\d{2})?)?$/;
const HAS_ZONE = /(z|[+-]\d{2}(:?\d{2})?|\b(utc|gmt))$/i;

export function parseDateUtc(v: unknown): unknown {
  if (v == null || v === '') return null;
  if (typeof v === 'number' || v instanceof Date) return v;
  const s = String(v).trim();
  if (DATE_ONLY.test(s) || HAS_ZONE.test(s)) return Date.parse(s);
  const iso = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(:\d{2}(\.\d+)?)?)$/.exec(s);
  if (iso) return Date.parse(`${iso[1]}T${iso[2]}Z`);
  // Any other form the JS parser reads as local time: keep its fields, read them as UTC.
  const t = Date.parse(s);
  if (Number.isNaN(t)) return t;
  const d = new Date(t);
  return Date.UTC(
    d.getFullYear(),
    d.getMonth(),
    d.getDate(),
    d.getHours(),
    d.getMinutes(),
    d.getSeconds(),
    d.getMilliseconds(),
  );
}

/**
 * vega's `datetime(...)` is `new Date(...)`: one number is a timestamp, one string is parsed,
 * two or more numbers are year, month, day … (local time there, UTC here).
 */
export function datetimeUtc(...args: unknown[]): Date {
  if (args.length === 0) return new Date();
  if (args.length === 1) {
    const v = args[0];
    if (typeof v === 'string') return new Date(parseDateUtc(v) as number);
    return new Date(v instanceof Date ? v.getTime() : Number(v));
  }
  const [y, m = 0, d = 1, H = 0, M = 0, S = 0, ms = 0] = args.map((a) => (a === undefined ? undefined : Number(a)));
  return new Date(Date.UTC(y as number, m, d, H, M, S, ms));
}

export function setupVega(): void {
  if (setupDone) return;
  setupDone = true;
  installChartTextMetrics();

  // Local-time expression functions become their UTC twins.
  const utcTwins: Record<string, string> = {
    timeFormat: 'utcFormat',
    timeParse: 'utcParse',
    timeOffset: 'utcOffset',
    timeSequence: 'utcSequence',
    quarter: 'utcquarter',
    week: 'utcweek',
    isoweek: 'utcisoweek',
    dayofyear: 'utcdayofyear',
  };
  for (const [local, utc] of Object.entries(utcTwins)) {
    const fn = vega.expressionFunction(utc);
    if (typeof fn === 'function') overrideExpressionFunction(local, fn);
  }
  const at = (d: unknown) => new Date((typeof d === 'string' ? parseDateUtc(d) : d) as number);
  const fns: Record<string, (...args: unknown[]) => unknown> = {
    year: (d) => at(d).getUTCFullYear(),
    month: (d) => at(d).getUTCMonth(),
    date: (d) => at(d).getUTCDate(),
    day: (d) => at(d).getUTCDay(),
    hours: (d) => at(d).getUTCHours(),
    minutes: (d) => at(d).getUTCMinutes(),
    seconds: (d) => at(d).getUTCSeconds(),
    milliseconds: (d) => at(d).getUTCMilliseconds(),
    timezoneoffset: () => 0,
    datetime: datetimeUtc,
    toDate: (d) => parseDateUtc(d),
  };
  for (const [name, fn] of Object.entries(fns)) overrideExpressionFunction(name, fn);
  // After the UTC twins: the bounded timeSequence wraps utcSequence.
  for (const [name, fn] of Object.entries(boundedExpressionFunctions())) overrideExpressionFunction(name, fn);
  setDateParser(parseDateUtc);
}
