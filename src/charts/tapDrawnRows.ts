// Which data-file rows are inside a chart's aggregates. Aggregated rows carry no data-file key,
// so each dataset of the compiled Vega spec whose transforms aggregate (or otherwise make new
// rows) is split in two before vega parses it: the transforms before the first such step become
// a dataset of their own (the "tap"), whose rows, read with view.data() after the run, are the
// filtered rows that went in. The split changes no computation: the same transforms run in the
// same order on the same rows (tested: the recorded drawing is the same).
import type * as vega from 'vega';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The data-file key a row carries, if any. */
export const keyOf = (datum: unknown): string | null => (isObject(datum) && typeof datum.key === 'string' ? datum.key : null);

/** Vega transforms whose output rows are new objects, not the data file's rows. */
const MAKES_ROWS = new Set([
  'aggregate', 'pivot', 'kde', 'density', 'regression', 'loess', 'quantile', 'project',
  'sequence', 'countpattern', 'cross', 'contour', 'kde2d', 'isocontour', 'heatmap',
]);

export interface DataDef extends Json {
  name: string;
  source?: string | string[];
  transform?: Json[];
}

/** The suffix of tap datasets; no Vega-Lite dataset is named like this. */
const TAP = '__rows_in';

/** Where the rows going into a dataset's first row-making transform can be read. */
export interface Tap {
  /** The dataset whose rows feed that transform. */
  data: string;
  /** The aggregate's group-by fields (empty for other transforms), to match rows to drawn groups. */
  groupby: string[];
}

/**
 * Splits, in place, each top-level dataset of the compiled spec at its first transform that
 * makes new rows. Returns dataset name → its tap.
 */
export function tapAggregatedRows(vg: vega.Spec): Map<string, Tap> {
  const taps = new Map<string, Tap>();
  const data = (vg.data ?? []) as unknown as DataDef[];
  const out: DataDef[] = [];
  for (const d of data) {
    const i = (d.transform ?? []).findIndex((t) => MAKES_ROWS.has(String(t.type)));
    if (i < 0) {
      out.push(d);
      continue;
    }
    const step = d.transform![i];
    const groupby = step.type === 'aggregate' && Array.isArray(step.groupby) && step.groupby.every((f) => typeof f === 'string') ? (step.groupby as string[]) : [];
    if (i === 0 && typeof d.source === 'string') {
      taps.set(d.name, { data: d.source, groupby });
      out.push(d);
      continue;
    }
    // The tap takes the dataset's input (source or values, and their format) and first transforms.
    const { name, transform = [], source, values, format, ...rest } = d;
    const tap: DataDef = { name: `${name}${TAP}`, transform: transform.slice(0, i) };
    if (source !== undefined) tap.source = source;
    if (values !== undefined) tap.values = values;
    if (format !== undefined) tap.format = format;
    out.push(tap, { ...rest, name, source: tap.name, transform: transform.slice(i) });
    taps.set(name, { data: tap.name, groupby });
  }
  vg.data = out as unknown as vega.Data[];
  return taps;
}

/** A row's values of some fields, as one string (dates by their time). */
const tupleOf = (row: unknown, fields: string[]) =>
  JSON.stringify(fields.map((f) => {
    const v = isObject(row) ? row[f] : undefined;
    return v instanceof Date ? v.getTime() : v;
  }));

/**
 * The data-file keys of the rows inside the drawn aggregates of dataset `name`: the rows feeding
 * the nearest aggregate above it that carry keys, narrowed to the groups actually drawn (a
 * filter after the aggregate, or a bin that is not drawn, leaves its rows uncited). Null when
 * there is no such aggregate (the rows were made some other way).
 */
export function traceKeys(view: vega.View, name: string, taps: Map<string, Tap>, defs: Map<string, DataDef>, drawn: unknown[]): string[] | null {
  const seen = new Set<string>();
  const queue = [name];
  while (queue.length) {
    const n = queue.shift()!;
    if (seen.has(n)) continue;
    seen.add(n);
    const tap = taps.get(n);
    if (tap !== undefined) {
      let rows: unknown[] = [];
      try {
        rows = view.data(tap.data) as unknown[];
      } catch {
        return null; // not a dataset of the view (a facet's own data)
      }
      if (rows.length === 0) return [];
      if (rows.some((r) => keyOf(r) !== null)) {
        const by = tap.groupby;
        const narrow = by.length > 0 && drawn.every((d) => isObject(d) && by.every((f) => f in d));
        const groups = new Set(narrow ? drawn.map((d) => tupleOf(d, by)) : []);
        return rows.filter((r) => !narrow || groups.has(tupleOf(r, by))).map(keyOf).filter((k): k is string => k !== null);
      }
    }
    const src = defs.get(n)?.source;
    if (src !== undefined) queue.push(...(Array.isArray(src) ? src : [src]));
  }
  return null;
}
