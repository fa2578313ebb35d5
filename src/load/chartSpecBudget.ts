// What a chart spec may ask for before vega sees it: data only by name (no generators), bounded
// counts (bins, ticks, density steps, quantiles, imputed keys, a regression's order), and a bounded nesting depth. Each problem is
// found in the spec's text or tree and reported at the line of its key (loadCharts.ts); the
// worker's heap and time limits (build/chartSandbox.ts) catch whatever gets past.
import { InputError } from '../errors.js';

/** Deepest nesting of objects and arrays in a spec (Vega-Lite's gallery stays under 12). */
export const MAX_SPEC_DEPTH = 64;

/** The largest count a spec may ask for, by key. */
export const COUNT_LIMITS: Readonly<Record<string, number>> = {
  maxbins: 1000,
  tickCount: 1000,
  // density's sampling steps
  steps: 10_000,
  minsteps: 10_000,
  maxsteps: 10_000,
};

/** Quantiles a quantile transform may compute (its `step` is 1 / that at the least). */
export const QUANTILE_LIMIT = 10_000;
/** Highest polynomial order of a regression transform. */
export const REGRESSION_ORDER_LIMIT = 20;

/** Elements an impute's `keyvals: {start, stop, step}` may make. */
export const KEYVALS_LIMIT = 10_000;

export const GENERATORS = ['sequence', 'graticule', 'sphere'] as const;

/**
 * A located error when the JSON text nests objects and arrays deeper than MAX_SPEC_DEPTH, at
 * the bracket that goes too deep. Scans the text (iteratively, strings skipped), so nothing
 * recursive ever walks a 10,000-deep spec.
 */
export function nestingError(text: string, file: string): InputError | undefined {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      line++;
      lineStart = i + 1;
    } else if (c === 34) {
      // a string: skip to its closing quote (strings hold no newlines in valid JSON)
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 123 || c === 91) {
      if (++depth > MAX_SPEC_DEPTH) {
        return new InputError({ file, line, col: i - lineStart + 1 }, `the spec is nested too deeply (more than ${MAX_SPEC_DEPTH} levels of objects and arrays)`,
          'a chart needs far fewer: look for a runaway layer, concat or condition');
      }
    } else if (c === 125 || c === 93) depth--;
  }
  return undefined;
}

const COUNT_HINT = 'a printed chart shows far fewer: use a smaller number';

/**
 * What is wrong with a key's value and how to fix it, or undefined. `key` is in `node`, the
 * value of `parent` (undefined at the top). Generated data is only the problem: the
 * hint is the caller's (how to give charts data).
 */
export function budgetProblem(key: string, value: unknown, node: Record<string, unknown>, parent: string | number | undefined): { problem: string; hint?: string } | undefined {
  if (parent === 'data' && (GENERATORS as readonly string[]).includes(key)) {
    return { problem: `data.${key}: generated data is not allowed in chart specs` };
  }
  const limit = COUNT_LIMITS[key];
  if (limit !== undefined && typeof value === 'number' && !(value <= limit)) {
    return { problem: `${key} ${value} asks for too many (the limit is ${limit.toLocaleString('en-US')})`, hint: COUNT_HINT };
  }
  if (key === 'step' && 'quantile' in node && typeof value === 'number' && !(value >= 1 / QUANTILE_LIMIT)) {
    return { problem: `a quantile step of ${value} asks for too many quantiles (the limit is ${QUANTILE_LIMIT.toLocaleString('en-US')})`, hint: COUNT_HINT };
  }
  if (key === 'order' && 'regression' in node && typeof value === 'number' && !(value <= REGRESSION_ORDER_LIMIT)) {
    return { problem: `a regression of order ${value} is too high (the limit is ${REGRESSION_ORDER_LIMIT})`, hint: 'use a lower order, or the "poly" method with order 2 or 3' };
  }
  if (key === 'keyvals' && value && typeof value === 'object' && !Array.isArray(value)) {
    const { start = 0, stop, step = 1 } = value as { start?: unknown; stop?: unknown; step?: unknown };
    const n = (Number(stop) - Number(start)) / Number(step);
    if (!(n <= KEYVALS_LIMIT)) {
      return { problem: `keyvals would make ${Number.isFinite(n) ? Math.ceil(n).toLocaleString('en-US') : 'endless'} keys (the limit is ${KEYVALS_LIMIT.toLocaleString('en-US')})`, hint: COUNT_HINT };
    }
  }
  return undefined;
}
