// What a compiled chart draws, as plain data: the rows behind its marks after the chart's
// filters, bins and aggregations (not the data file's rows), and the data-file rows they come
// from. Alt text, the sources under a figure and the brief's data appendix are written from
// this, so a heat map is described by its cells and a box plot by its boxes. It is stored in
// the build cache with the drawing (build/chartCache.ts), so it is validated on read here,
// without loading vega (charts/readDrawnData.ts makes it while the chart is compiled).

/** A cell: the text the chart's encoding gives it (Vega-Lite's own formatting) and its number, if any. */
export type DrawnCell = [text: string, value: number | null];

export interface DrawnColumn {
  /** The column's name as the chart names it: the encoding's or axis title ("Count of Records"). */
  title: string;
  /** The field of the drawn row (e.g. "mean_temp_max", "bin_maxbins_10_temp_max", "value"). */
  field: string;
  /** The encoding channel it is drawn on: x, y, color, theta, size, shape, opacity, text… or null. */
  channel: string | null;
  /** number: quantities; time: dates (the cell's value is ms since 1970, UTC); text: anything else. */
  type: 'number' | 'time' | 'text';
}

/** Rows drawn by one or more marks that draw the same things (bars and their labels). */
export interface DrawnTable {
  /** The vega mark types drawing the rows: rect, rule, symbol, line, area, arc, text… */
  marks: string[];
  columns: DrawnColumn[];
  /** In reading order (left to right, then top to bottom, by where the chart draws them). */
  rows: DrawnCell[][];
  /** For each row, the key of the data-file row it draws, or null for a row made by aggregation. */
  keys: (string | null)[];
}

export interface DrawnData {
  tables: DrawnTable[];
  /** Every data-file row the chart draws, directly or inside an aggregate, after its filters. */
  keys: string[];
  /** False when some drawn row could not be traced back to data-file rows. */
  traced: boolean;
}

/**
 * The text of a date cell the chart left unformatted (an error bar's time unit): an ISO date in
 * UTC, the zone charts run in, with the time only when it is not midnight.
 */
export function isoDateText(ms: number): string {
  return new Date(ms).toISOString().replace(/T00:00:00\.000Z$/, '').replace(/\.000Z$/, 'Z');
}

export const NO_DRAWN_DATA: DrawnData = { tables: [], keys: [], traced: true };

const isCell = (c: unknown): c is DrawnCell =>
  Array.isArray(c) && c.length === 2 && typeof c[0] === 'string' && (c[1] === null || Number.isFinite(c[1]));

function isColumn(c: unknown): c is DrawnColumn {
  const x = c as DrawnColumn;
  return !!x && typeof x === 'object' && typeof x.title === 'string' && typeof x.field === 'string' &&
    (x.channel === null || typeof x.channel === 'string') && ['number', 'time', 'text'].includes(x.type);
}

function isTable(t: unknown): t is DrawnTable {
  const x = t as DrawnTable;
  return !!x && typeof x === 'object' && Array.isArray(x.marks) && x.marks.every((m) => typeof m === 'string') &&
    Array.isArray(x.columns) && x.columns.every(isColumn) &&
    Array.isArray(x.rows) && x.rows.every((r) => Array.isArray(r) && r.length === x.columns.length && r.every(isCell)) &&
    Array.isArray(x.keys) && x.keys.length === x.rows.length && x.keys.every((k) => k === null || typeof k === 'string');
}

/** Whether a value read back from the build cache is drawn data (anything else is a cache miss). */
export function isDrawnData(d: unknown): d is DrawnData {
  const x = d as DrawnData;
  return !!x && typeof x === 'object' && typeof x.traced === 'boolean' &&
    Array.isArray(x.keys) && x.keys.every((k) => typeof k === 'string') &&
    Array.isArray(x.tables) && x.tables.every(isTable);
}
