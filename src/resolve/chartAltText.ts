// A chart's description for screen readers, written from what the chart draws (after its
// filters, bins and aggregations: charts/drawnData.ts), not from the rows of its data files:
// - a few data-file figures drawn as they are: each figure, its value and year;
// - a heat map: its axes, how many cells, and the range of the value its colours show;
// - a box plot: its groups, their medians and the lowest and highest values;
// - other charts: their series, the extent of the category axis and the extremes of the value.
// Then the sources of the rows drawn.
import type { DrawnCell, DrawnColumn, DrawnData, DrawnTable } from '../charts/drawnData.js';
import type { Figure } from '../load/sourceTypes.js';
import { figuresDrawn } from './figureData.js';
import { formatFigure } from './formatFigure.js';

const MARK_NAMES: Record<string, string> = {
  bar: 'Bar chart', arc: 'Pie chart', line: 'Line chart', area: 'Area chart', point: 'Dot chart',
  circle: 'Dot chart', rule: 'Timeline', text: 'Chart', tick: 'Tick chart', rect: 'Heat map',
  boxplot: 'Box plot', square: 'Dot chart', trail: 'Line chart', errorbar: 'Error bars', errorband: 'Error band',
};

/** At most this many figures, groups or rows are named one by one. */
const LIST_MAX = 16;

function markOf(spec: Record<string, unknown>): string | undefined {
  const m = spec.mark;
  if (typeof m === 'string') return m;
  if (m && typeof m === 'object' && 'type' in m) return String((m as { type: unknown }).type);
  const layers = spec.layer;
  if (Array.isArray(layers)) {
    const marks = layers.map((l) => markOf(l as Record<string, unknown>)).filter(Boolean) as string[];
    if (marks.includes('rule') && marks.includes('point')) return 'rule';
    return marks.find((x) => x !== 'text') ?? marks[0];
  }
  return undefined;
}

/** Fields holding a data file's `value` column, plain or aggregated by Vega-Lite (`mean_value`). */
const VALUE_FIELD = /^((sum|mean|average|median|min|max|q1|q3|lower_box|mid_box|upper_box|lower_whisker|upper_whisker)_)?value$/;

/** Formats a cell: by the data files' unit when it holds their `value` and they share one, else as the chart shows it. */
function cellFormatter(shown: Figure[], locale: string): (col: DrawnColumn, cell: DrawnCell) => string {
  const units = new Set(shown.map((f) => f.unit));
  const sample = units.size === 1 && !units.has('text') ? shown[0] : undefined;
  return (col, cell) => (sample && cell[1] !== null && VALUE_FIELD.test(col.field) ? formatFigure({ ...sample, value: cell[1] }, locale) : cell[0]);
}

type Fmt = ReturnType<typeof cellFormatter>;

const on = (t: DrawnTable, channel: string) => t.columns.findIndex((c) => c.channel === channel);

/** The distinct values of a column, in order (by value for numbers and dates, else as read). */
function distinct(t: DrawnTable, i: number): DrawnCell[] {
  const seen = new Map<string, DrawnCell>();
  for (const r of t.rows) if (r[i][0] !== '' && !seen.has(r[i][0])) seen.set(r[i][0], r[i]);
  const cells = [...seen.values()];
  if (t.columns[i].type !== 'text') cells.sort((a, b) => (a[1] ?? 0) - (b[1] ?? 0));
  return cells;
}

/** Row indices of the smallest and largest number in column i. */
function extremes(t: DrawnTable, i: number): [number, number] | undefined {
  if (i < 0) return undefined;
  let lo = -1;
  let hi = -1;
  t.rows.forEach((r, k) => {
    const v = r[i][1];
    if (v === null) return;
    if (lo < 0 || v < t.rows[lo][i][1]!) lo = k;
    if (hi < 0 || v > t.rows[hi][i][1]!) hi = k;
  });
  return lo < 0 ? undefined : [lo, hi];
}

const list = (xs: string[]) => (xs.length > LIST_MAX ? `${xs.slice(0, LIST_MAX).join(', ')} and ${xs.length - LIST_MAX} more` : xs.join(', '));
const span = (cells: DrawnCell[]) => (cells.length > 1 ? `${cells[0][0]} to ${cells[cells.length - 1][0]}` : cells[0]?.[0] ?? '');

/** "(Mar, 10 – 15)": where a row is, by the given columns. */
function where(t: DrawnTable, row: number, cols: number[]): string {
  const parts = cols.filter((i) => i >= 0).map((i) => t.rows[row][i][0]).filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function describeHeatMap(t: DrawnTable, fmt: Fmt): string | undefined {
  const x = on(t, 'x');
  const y = on(t, 'y');
  const c = on(t, 'color');
  if (x < 0 || y < 0 || c < 0 || t.columns[c].type !== 'number') return undefined;
  const xs = distinct(t, x);
  const ys = distinct(t, y);
  const ex = extremes(t, c);
  const parts = [`${t.rows.length} cells, ${t.columns[x].title} (${xs.length}: ${span(xs)}) by ${t.columns[y].title} (${ys.length}: ${span(ys)}).`];
  if (ex) {
    const [lo, hi] = ex;
    const col = t.columns[c];
    parts.push(`${col.title} from ${fmt(col, t.rows[lo][c])}${where(t, lo, [x, y])} to ${fmt(col, t.rows[hi][c])}${where(t, hi, [x, y])}.`);
  }
  return parts.join(' ');
}

function describeBoxPlot(tables: DrawnTable[], fmt: Fmt): string | undefined {
  const t = tables[0];
  const median = t.columns.findIndex((c) => c.field.startsWith('mid_box_'));
  const group = t.columns.findIndex((c) => (c.channel === 'x' || c.channel === 'y') && c.type === 'text');
  if (median < 0) return undefined;
  const name = (r: number) => (group >= 0 ? t.rows[r][group][0] : '');
  const parts: string[] = [];
  if (group >= 0) parts.push(`${t.rows.length} groups by ${t.columns[group].title}: ${list(t.rows.map((_, r) => name(r)))}.`);
  const medians = t.rows.map((row, r) => `${name(r) ? name(r) + ' ' : ''}${fmt(t.columns[median], row[median])}`);
  parts.push(`${t.columns[median].title}: ${list(medians)}.`);
  // Extremes: the box plot's own minimum and maximum (else its whiskers' ends), outliers included.
  const stat = (...prefixes: string[]) => prefixes.map((p) => t.columns.findIndex((c) => c.field.startsWith(p))).find((i) => i >= 0) ?? -1;
  const low = stat('min_', 'lower_whisker_');
  const high = stat('max_', 'upper_whisker_');
  const lo = extremes(t, low)?.[0];
  const hi = extremes(t, high)?.[1];
  if (lo !== undefined && hi !== undefined) {
    parts.push(`Lowest ${fmt(t.columns[low], t.rows[lo][low])}${where(t, lo, [group])}, highest ${fmt(t.columns[high], t.rows[hi][high])}${where(t, hi, [group])}.`);
  }
  const outliers = tables.slice(1).find((o) => o.marks.includes('symbol') && o.columns.some((c) => c.title === t.columns[group]?.title));
  if (outliers) parts.push(`${outliers.rows.length} outliers drawn as points.`);
  return parts.join(' ');
}

/** Series (colours), the category axis's extent, and the value's extremes; or every row when few. */
function describeSeries(t: DrawnTable, fmt: Fmt): string | undefined {
  const numeric = (i: number) => i >= 0 && t.columns[i].type === 'number';
  let m = on(t, 'y');
  let cat = on(t, 'x');
  if (!numeric(m)) [m, cat] = [cat, m]; // horizontal bars: the value is on x
  if (!numeric(m)) m = on(t, 'theta');
  if (!numeric(m)) m = t.columns.findIndex((c) => c.type === 'number');
  if (m < 0) return undefined;
  if (cat === m) cat = -1;
  let s = on(t, 'color');
  if (s === m || s === cat) s = -1;
  if (cat < 0 && s >= 0) [cat, s] = [s, -1];
  const mc = t.columns[m];
  const parts: string[] = [];
  if (t.rows.length <= LIST_MAX && t.columns.length <= 3) {
    const rows = t.rows.map((r) => `${[cat, s].filter((i) => i >= 0).map((i) => r[i][0]).filter(Boolean).join(', ')}: ${fmt(mc, r[m])}`.replace(/^: /, ''));
    if (cat >= 0) parts.push(`${mc.title} by ${t.columns[cat].title}: ${rows.join('; ')}.`);
    else parts.push(`${mc.title}: ${rows.join('; ')}.`);
    return parts.join(' ');
  }
  if (s >= 0) {
    const series = distinct(t, s).map((c) => c[0]);
    parts.push(`${series.length} series by ${t.columns[s].title} (${list(series)}).`);
  }
  if (cat >= 0) {
    const cats = distinct(t, cat);
    parts.push(`${t.columns[cat].title} from ${span(cats)}.`);
  }
  const ex = extremes(t, m);
  if (ex) {
    const [lo, hi] = ex;
    parts.push(`${mc.title} lowest ${fmt(mc, t.rows[lo][m])}${where(t, lo, [cat, s])}, highest ${fmt(mc, t.rows[hi][m])}${where(t, hi, [cat, s])}.`);
  }
  return parts.join(' ');
}

const describeFigure = (f: Figure, locale: string) => `${f.label}: ${formatFigure(f, locale)}${f.unit === 'year' || f.year === 'n.d.' ? '' : ` (${f.year})`}`;

/** What the chart draws, in a sentence or a few. */
function describeDrawn(kind: string, drawn: DrawnData, figures: Map<string, Figure>, shown: Figure[], locale: string): string | undefined {
  const [main, ...rest] = drawn.tables;
  if (!main) return undefined;
  const fmt = cellFormatter(shown, locale);
  const mainFigures = figuresDrawn(main, figures);
  const labels = main.keys.map((k) => (k === null ? undefined : figures.get(k)?.label));
  let body: string | undefined;
  if (mainFigures && mainFigures.length <= LIST_MAX) body = mainFigures.map((f) => describeFigure(f, locale)).join('; ') + '.';
  else if (!mainFigures && main.rows.length <= LIST_MAX && labels.every((l) => l !== undefined)) {
    // A few data-file rows drawn by other columns (a timeline by year): each by its label.
    const cols = main.columns.map((c, i) => (c.field === 'label' ? -1 : i)).filter((i) => i >= 0);
    body = main.rows.map((r, k) => `${labels[k]}: ${cols.map((i) => fmt(main.columns[i], r[i])).filter(Boolean).join(', ')}`).join('; ') + '.';
  } else if (kind === 'Box plot' || main.columns.some((c) => c.field.startsWith('mid_box_'))) body = describeBoxPlot(drawn.tables, fmt);
  else if (kind === 'Heat map') body = describeHeatMap(main, fmt);
  body ??= describeSeries(main, fmt);
  // A rule at a mean, a single total: said after the main table.
  const also = rest.filter((t) => t.rows.length === 1 && t.columns.every((c) => c.type === 'number'))
    .map((t) => t.columns.map((c, i) => `${c.title} ${fmt(c, t.rows[0][i])}`).join(', '));
  if (also.length) body = `${body ?? ''} Also drawn: ${also.join('; ')}.`.trim();
  return body;
}

export function chartAltText(spec: Record<string, unknown>, caption: string, drawn: DrawnData, figures: Map<string, Figure>, shown: Figure[], locale: string): string {
  const kind = MARK_NAMES[markOf(spec) ?? ''] ?? 'Chart';
  const parts: string[] = [`${kind}: ${caption.replace(/\s+/g, ' ').trim().replace(/\.$/, '')}.`];
  const body = describeDrawn(kind, drawn, figures, shown, locale);
  if (body) parts.push(body);
  else if (shown.length && shown.length <= LIST_MAX) parts.push(shown.map((f) => describeFigure(f, locale)).join('; ') + '.');
  const sources = [...new Set(shown.map((f) => f.source))];
  if (sources.length) parts.push(`Source: ${sources.join('; ')}.`);
  return parts.join(' ');
}
