// A chart's data for the reader, from what the chart draws (charts/drawnData.ts), never from
// the raw data file: a heat map's appendix lists its cells, a box plot's its boxes.
import { isoDateText, type DrawnCell, type DrawnColumn, type DrawnData, type DrawnTable } from '../charts/drawnData.js';
import type { ChartSpecSource, Figure } from '../load/sourceTypes.js';
import { formatFigure } from './formatFigure.js';
import { formatTimeUnit, timeUnitOf } from './formatTimeUnit.js';
import type { FigureData, FigureTable } from './resolvedTypes.js';

/** Figures in the order of the data files, as the author wrote them (drawn rows are in reading order). */
const inFileOrder = (a: Figure, b: Figure) =>
  (a.place.file < b.place.file ? -1 : a.place.file > b.place.file ? 1 : 0) || (a.place.line ?? 0) - (b.place.line ?? 0);

/**
 * The table's figures, when it draws data-file rows at their own value (bars of `value`, a
 * timeline at each event's year): then each row is best shown as the figure it is, with its
 * value, year and source. A table that draws other numbers of those rows (a box plot's
 * outliers by temperature, a scatter of two columns) or rows of its own (aggregates) is shown
 * as drawn.
 */
export function figuresDrawn(t: DrawnTable, figures: Map<string, Figure>): Figure[] | undefined {
  const rows = t.keys.map((k) => (k === null ? undefined : figures.get(k)));
  if (!rows.length || rows.some((f) => f === undefined)) return undefined;
  const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));
  for (const [i, c] of t.columns.entries()) {
    if (c.type === 'text') continue;
    if (c.type === 'time') return undefined;
    const atOwnValue = rows.every((f, r) => {
      const v = t.rows[r][i][1];
      return v === null || (typeof f!.value === 'number' && same(v, f!.value)) || (f!.year !== 'n.d.' && same(v, Number(f!.year)));
    });
    if (!atOwnValue) return undefined;
  }
  return [...new Set(rows as Figure[])].sort(inFileOrder);
}

function figuresTable(fs: Figure[], locale: string): FigureTable {
  return { kind: 'figures', rows: fs.map((f) => ({ label: f.label, value: formatFigure(f, locale), year: f.year, source: f.source })) };
}

function figureTable(t: DrawnTable, figures: Map<string, Figure>, locale: string): FigureTable {
  const fs = figuresDrawn(t, figures);
  if (fs) return figuresTable(fs, locale);
  let columns = t.columns.map((c) => c.title);
  let rows = t.rows.map((r) => r.map((c, i) => cellText(c, t.columns[i], locale)));
  let numeric = t.columns.map((c) => c.type === 'number');
  // Data-file rows drawn by other columns are named by their figure's label, unless drawn.
  const labels = t.keys.map((k) => (k === null ? undefined : figures.get(k)?.label));
  if (labels.every((l) => l !== undefined) && labels.length && !t.columns.some((c) => c.field === 'label')) {
    columns = ['', ...columns];
    rows = rows.map((r, i) => [labels[i]!, ...r]);
    numeric = [false, ...numeric];
  }
  return { kind: 'drawn', columns, numeric, rows };
}

/**
 * A cell as the chart wrote it, except a time-unit date the chart left as an ISO date in its
 * placeholder year (an error bar's "2012-01-01" for January): that is written by its unit.
 */
function cellText([text, value]: DrawnCell, column: DrawnColumn, locale: string): string {
  if (column.type !== 'time' || value === null || text !== isoDateText(value)) return text;
  const unit = timeUnitOf(column.field);
  return (unit && formatTimeUnit(value, unit, locale)) ?? text;
}

/** Whether the chart goes in data appendices: `"usermeta": {"appendix": false}` leaves it out. */
export function appendixOption(spec: Record<string, unknown>): boolean | 'invalid' {
  const meta = spec.usermeta;
  if (meta === undefined || meta === null || typeof meta !== 'object') return true;
  const v = (meta as Record<string, unknown>).appendix;
  return v === undefined ? true : typeof v === 'boolean' ? v : 'invalid';
}

export function figureData(drawn: DrawnData, spec: ChartSpecSource, files: string[], figures: Map<string, Figure>, locale: string): FigureData {
  const tables = drawn.tables.map((t) => figureTable(t, figures, locale));
  // Marks whose columns cannot be read (a map's shapes) still draw figures: list those.
  if (!tables.length && drawn.keys.length) {
    tables.push(figuresTable(drawn.keys.map((k) => figures.get(k)).filter((f) => f !== undefined).sort(inFileOrder), locale));
  }
  return { appendix: appendixOption(spec.spec) !== false, files, tables };
}
