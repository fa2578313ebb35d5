// Expression functions a chart could use to allocate without limit or to backtrack for ever,
// replaced by bounded twins (installed by vegaSetup.ts). `sequence(0, 1e9)` would build a
// billion-element array, `pad('x', 1e9)` a gigabyte string, `test(/(a+)+$/, 'aaa…b')` runs
// for longer than the universe. Over a limit, each throws a ChartBudgetError, which vega
// catches and logs; compileChart turns the first one logged into the chart's error. The
// worker's heap and time limits (chartSandbox.ts) stay the last line of defence.
import * as vega from 'vega';

/** Elements `sequence` (and timeSequence, utcSequence) may make: a chart draws far fewer. */
export const SEQUENCE_LIMIT = 100_000;
/** Characters a padded string may have. */
export const PAD_LIMIT = 10_000;
/** Characters a regular expression may be run on (chart labels are short). */
export const REGEX_INPUT_LIMIT = 10_000;

/**
 * A chart asked for more than an expression function allows. `needles`: text to look for in
 * the spec to find the line of the expression (the function's name, a pattern), best first.
 */
export class ChartBudgetError extends Error {
  constructor(message: string, readonly needles: readonly string[]) {
    super(message);
    this.name = 'ChartBudgetError';
  }
}

const REGEX_FUNCTIONS = ['test(', 'regexp(', 'replace(', 'split('];

const over = (what: string, limit: number, hint: string, needles: readonly string[]) =>
  new ChartBudgetError(`chart uses too much ${what} (more than ${limit.toLocaleString('en-US')}) — ${hint}`, needles);

/** Where the first needle found in the spec's text is, as line and column. */
export function placeOfNeedles(text: string | undefined, needles: readonly string[]): { line: number; col: number } | undefined {
  if (!text) return undefined;
  for (const n of needles) {
    // As written in the JSON text: backslashes and quotes of a pattern are escaped there.
    for (const form of new Set([n, JSON.stringify(n).slice(1, -1)])) {
      const at = text.indexOf(form);
      if (at < 0) continue;
      const before = text.slice(0, at);
      const line = before.split('\n').length;
      return { line, col: at - before.lastIndexOf('\n') };
    }
  }
  return undefined;
}

/** How many numbers d3's range(start, stop, step) makes, as vega's `sequence` calls it. */
function rangeLength(args: unknown[]): number {
  let [start, stop, step] = args.map(Number);
  if (args.length < 2) {
    stop = start;
    start = 0;
  }
  if (args.length < 3) step = 1;
  const n = Math.ceil((stop - start) / step);
  return Number.isFinite(n) ? Math.max(0, n) : n > 0 ? Infinity : 0;
}

function boundedSequence(fn: (...a: unknown[]) => unknown) {
  return (...args: unknown[]) => {
    if (rangeLength(args) > SEQUENCE_LIMIT) {
      throw over('memory: sequence() would make ' + describeCount(rangeLength(args)) + ' numbers', SEQUENCE_LIMIT, 'use a smaller range or a larger step', ['sequence(']);
    }
    return fn(...args);
  };
}

/** timeSequence(unit, start, stop, step): bounded by the span in units of its smallest unit. */
function boundedTimeSequence(fn: (...a: unknown[]) => unknown, name: string) {
  const ms: Record<string, number> = { millisecond: 1, second: 1e3, minute: 6e4, hour: 36e5, day: 864e5, date: 864e5, dayofyear: 864e5, week: 6048e5, month: 2592e6, quarter: 7776e6, year: 31536e6 };
  return (...args: unknown[]) => {
    const unit = ms[String(args[0]).toLowerCase()] ?? 1;
    const span = (+new Date(args[2] as number) - +new Date(args[1] as number)) / unit / Math.max(1, Number(args[3] ?? 1) || 1);
    if (!(span <= SEQUENCE_LIMIT)) throw over('memory: a time sequence of ' + describeCount(span) + ' dates', SEQUENCE_LIMIT, 'use a shorter span or a larger step', [name + '(', 'timeSequence(', 'utcSequence(']);
    return fn(...args);
  };
}

function describeCount(n: number): string {
  return Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : 'endless';
}

function boundedPad(fn: (...a: unknown[]) => unknown) {
  return (str: unknown, length: unknown, padchar?: unknown, align?: unknown) => {
    const n = Number(length);
    const c = padchar == null || padchar === '' ? 1 : String(padchar).length;
    if (n > PAD_LIMIT || (n - String(str).length) * c > PAD_LIMIT) throw over('memory: pad() to ' + describeCount(n) + ' characters', PAD_LIMIT, 'pad to a shorter length', ['pad(']);
    return fn(str, length, padchar, align);
  };
}

/**
 * Why a regular expression can backtrack catastrophically, or undefined: a repeated group
 * that itself repeats or has alternatives (`(a+)+`, `(\w|\d)*`, `(x{2,})+`), or a
 * backreference. Such patterns take time exponential in the input for a near-miss; the rest
 * are at worst polynomial, and their input is bounded (REGEX_INPUT_LIMIT).
 */
export function riskyRegex(source: string): string | undefined {
  // Per open group: whether it holds a quantifier or an alternation.
  const groups: { risky: boolean }[] = [{ risky: false }];
  const quantifierAt = (i: number): boolean => {
    const c = source[i];
    if (c === '*' || c === '+') return true;
    // {n,} and {n,m} with m > 1 repeat; {1} or {0,1} do not.
    const m = /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 24));
    return !!m && m[2] !== undefined && (m[3] === '' || Number(m[3]) > 1);
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      if (/[1-9k]/.test(source[i + 1] ?? '')) return 'it uses a backreference';
      i++;
      continue;
    }
    if (c === '[') {
      // A class is one character: skip to its end.
      for (i++; i < source.length && source[i] !== ']'; i++) if (source[i] === '\\') i++;
      continue;
    }
    if (c === '(') groups.push({ risky: false });
    else if (c === '|') groups[groups.length - 1].risky = true;
    else if (c === ')' && groups.length > 1) {
      const inner = groups.pop()!;
      if (quantifierAt(i + 1)) {
        if (inner.risky) return 'a repeated group repeats or has alternatives inside (as in (a+)+ or (a|b)*)';
        groups[groups.length - 1].risky = true;
      } else if (inner.risky) groups[groups.length - 1].risky = true;
    } else if (quantifierAt(i)) groups[groups.length - 1].risky = true;
  }
  return undefined;
}

/** A RegExp for a pattern given as a RegExp or a string, refused when it could backtrack for ever. */
function safeRegExp(pattern: unknown, flags?: unknown): RegExp {
  const source = pattern instanceof RegExp ? pattern.source : String(pattern);
  const risk = riskyRegex(source);
  if (risk) {
    throw new ChartBudgetError(`chart uses a regular expression that can run for ever (/${source.slice(0, 40)}/: ${risk}) — ` +
      'write it without nested repetition, e.g. (a+)+ as a+, (a|b)* as [ab]*', [source, ...REGEX_FUNCTIONS]);
  }
  if (pattern instanceof RegExp && flags === undefined) return pattern;
  return new RegExp(source, flags === undefined ? undefined : String(flags));
}

function boundedInput(s: unknown): string {
  const text = String(s);
  if (text.length > REGEX_INPUT_LIMIT) throw over('time: a regular expression run on ' + describeCount(text.length) + ' characters', REGEX_INPUT_LIMIT, 'run it on shorter text', REGEX_FUNCTIONS);
  return text;
}

/** The bounded twins, by expression function name. */
export function boundedExpressionFunctions(): Record<string, (...args: never[]) => unknown> {
  const fn = (name: string) => vega.expressionFunction(name) as (...a: unknown[]) => unknown;
  const replace = fn('replace');
  return {
    sequence: boundedSequence(fn('sequence')),
    timeSequence: boundedTimeSequence(fn('timeSequence'), 'timeSequence'),
    utcSequence: boundedTimeSequence(fn('utcSequence'), 'utcSequence'),
    pad: boundedPad(fn('pad')),
    regexp: (pattern: unknown, flags?: unknown) => safeRegExp(pattern, flags),
    test: (r: unknown, t: unknown) => safeRegExp(r).test(boundedInput(t)),
    replace: (str: unknown, pattern: unknown, repl: unknown) =>
      pattern instanceof RegExp ? replace(boundedInput(str), safeRegExp(pattern), repl) : replace(str, pattern, repl),
    split: (str: unknown, sep: unknown, limit?: unknown) => {
      const n = limit === undefined ? undefined : Number(limit);
      if (sep instanceof RegExp) return boundedInput(str).split(safeRegExp(sep), n);
      return sep === undefined ? String(str).split(undefined as unknown as string, n) : String(str).split(String(sep), n);
    },
  };
}
