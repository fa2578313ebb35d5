// The tables of what a chart draws, from its marks' rows (readDrawnData.ts): columns titled as
// the chart titles them, marks that draw the same rows merged into one table, columns in
// channel order and rows in reading order.
import type { DrawnCell, DrawnColumn, DrawnTable } from './drawnData.js';
import { timeUnitField } from './timeUnitField.js';

/** Columns are ordered by the channel that draws them. */
const CHANNEL_ORDER = ['x', 'y', 'theta', 'radius', 'color', 'size', 'shape', 'opacity', 'strokeWidth', 'angle', 'text'];
/** Vega-Lite's box plot statistics, by the field prefix it gives them, in the order they are read. */
const BOX_STATS = ['min_', 'lower_whisker_', 'lower_box_', 'mid_box_', 'upper_box_', 'upper_whisker_', 'max_'];

export interface Column extends DrawnColumn {
  scale?: string;
  /** The title of the axis or legend of its scale, if it has one. */
  guide?: string;
}

export interface Row {
  /** The row's identity: its data-file key, else the datum object (marks of one dataset share them). */
  id: unknown;
  datum: object;
  cells: Map<string, DrawnCell>;
  key: string | null;
  x: number;
  y: number;
}

/** The rows of one or more marks, while tables are being made. */
export interface Work {
  marks: Set<string>;
  columns: Column[];
  rows: Row[];
}

/**
 * Column titles: Vega-Lite's, except that a bare field name drawn on an axis or legend with a
 * title of its own takes that title ("value" on an axis titled "Precipitation (mm)"), also where
 * the chart aggregates that same field elsewhere ("Mean of value" → "Mean of Precipitation (mm)").
 * An axis title is not put into an aggregate's own title: it may already name the aggregate.
 */
export function retitle(groups: Iterable<Work>): void {
  const alias = new Map<string, string>();
  const all = [...groups];
  for (const g of all) for (const c of g.columns) if (c.guide && c.title === c.field && !alias.has(c.field)) alias.set(c.field, c.guide);
  for (const g of all) {
    const titles = g.columns.map((c) => {
      if (c.guide && c.title === c.field) return c.guide;
      // A time unit's field with no title of its own ("title": null on its axis): named as
      // Vega-Lite would title it, not by its internal field name ("month_date" → "date (month)").
      if (c.title === c.field) return timeUnitTitle(c.field, g.rows) ?? c.title;
      const m = /^(.+) of (.+)$/.exec(c.title);
      return m && c.field.endsWith(`_${m[2]}`) && alias.has(m[2]) ? `${m[1]} of ${alias.get(m[2])}` : c.title;
    });
    for (const r of g.rows) r.cells = new Map(g.columns.map((c, i) => [titles[i], r.cells.get(c.title)!]));
    g.columns.forEach((c, i) => (c.title = titles[i]));
  }
}

/**
 * Vega-Lite's default title of a time-unit field from the name it gives the field
 * (`yearmonth_date` → "date (year-month)"), or undefined for any other field. Only a field
 * that holds dates in every row, as a time unit's does: a data file's own "day_count" keeps its
 * name.
 */
export function timeUnitTitle(field: string, rows: readonly Pick<Row, 'datum'>[]): string | undefined {
  const unit = timeUnitField(field);
  if (!unit || rows.length === 0) return undefined;
  if (!rows.every(({ datum }) => (datum as Record<string, unknown>)[field] instanceof Date)) return undefined;
  return `${unit.source} (${unit.parts.join('-')})`;
}

/** Marks that draw the same rows, or rows with the same columns, become one table. */
export function mergeTables(works: Work[]): Work[] {
  const titles = (w: Work) => w.columns.map((c) => c.title);
  const addColumns = (into: Work, from: Work, fill: (r: Row) => Row | undefined) => {
    for (const c of from.columns) {
      let title = c.title;
      const mine = into.columns.find((x) => x.title === c.title);
      if (mine) {
        // The same name for other values (two lines of one axis: a series and its running
        // mean) is a column of its own, told apart by its field; the same values are one column.
        const differs = mine.field !== c.field && into.rows.some((r) => (fill(r)?.cells.get(c.title)?.[0] ?? '') !== (r.cells.get(c.title)?.[0] ?? ''));
        if (!differs) continue;
        title = `${c.title} (${c.field})`;
        if (titles(into).includes(title)) continue;
      }
      into.columns.push({ ...c, title });
      for (const r of into.rows) r.cells.set(title, fill(r)?.cells.get(c.title) ?? ['', null]);
    }
    from.marks.forEach((m) => into.marks.add(m));
  };
  let list = works.filter((w) => w.rows.length > 0);
  // 1. A mark drawing a subset of another's rows (labels on bars, a median tick on boxes).
  for (let changed = true; changed;) {
    changed = false;
    outer: for (const a of list) {
      const mine = new Map(a.rows.map((r) => [r.id, r]));
      for (const b of list) {
        if (a === b || b.rows.length > a.rows.length || !b.rows.every((r) => mine.has(r.id))) continue;
        const theirs = new Map(b.rows.map((r) => [r.id, r]));
        addColumns(a, b, (r) => theirs.get(r.id));
        list = list.filter((w) => w !== b);
        changed = true;
        break outer;
      }
    }
  }
  // 2. Layers with the same columns (one layer per data file, upper and lower whiskers).
  const same: Work[] = [];
  for (const w of list) {
    const t = [...titles(w)].sort().join('\u0000');
    const into = same.find((s) => [...titles(s)].sort().join('\u0000') === t);
    if (!into) {
      same.push(w);
      continue;
    }
    const have = new Set(into.rows.map((r) => r.id));
    into.rows.push(...w.rows.filter((r) => !have.has(r.id)));
    w.marks.forEach((m) => into.marks.add(m));
  }
  list = same;
  // 3. Tables of the same groups under other names (a box plot's boxes and its whiskers).
  const joinKey = (shared: string[], r: Row) => shared.map((t) => r.cells.get(t)![0]).join('\u0000');
  for (let changed = true; changed;) {
    changed = false;
    outer: for (const a of list) {
      for (const b of list) {
        if (a === b) continue;
        const shared = titles(a).filter((t) => titles(b).includes(t));
        if (!shared.length || shared.length === a.columns.length) continue;
        const byKey = new Map(b.rows.map((r) => [joinKey(shared, r), r]));
        const aKeys = new Set(a.rows.map((r) => joinKey(shared, r)));
        if (shared.length === b.columns.length) {
          // b adds no column: drop it if a already has each of its rows.
          if (![...byKey.keys()].every((k) => aKeys.has(k))) continue;
        } else {
          if (a.rows.length !== b.rows.length || byKey.size !== b.rows.length || aKeys.size !== a.rows.length) continue;
          if (![...aKeys].every((k) => byKey.has(k))) continue;
          addColumns(a, b, (r) => byKey.get(joinKey(shared, r)));
        }
        b.marks.forEach((m) => a.marks.add(m));
        list = list.filter((w) => w !== b);
        changed = true;
        break outer;
      }
    }
  }
  return list;
}

/** Columns in channel order, without positions that have no axis; rows in reading order. */
export function finish(w: Work, axisTitles: Map<string, string>): DrawnTable {
  const stat = (c: Column) => BOX_STATS.findIndex((p) => c.field.startsWith(p));
  const isBox = w.columns.some((c) => c.field.startsWith('mid_box_'));
  // A box plot's statistics follow its groups, from the minimum up to the maximum.
  const rank = (c: Column) => (isBox && stat(c) >= 0 ? 1.5 + stat(c) / 10 : c.channel === null ? CHANNEL_ORDER.length : CHANNEL_ORDER.indexOf(c.channel));
  // A position with no axis (a timeline's lanes) is only a place on the page, not a value to read.
  const unread = (c: Column) => (c.channel === 'x' || c.channel === 'y') && (c.scale === undefined || !axisTitles.has(c.scale));
  let columns = w.columns.filter((c) => !unread(c));
  if (!columns.length) columns = w.columns;
  columns = columns.map((c, i) => [c, i] as const).sort((p, q) => rank(p[0]) - rank(q[0]) || p[1] - q[1]).map(([c]) => c);
  const rows = w.rows.map((r, i) => [r, i] as const)
    .sort((p, q) => Math.round(p[0].x) - Math.round(q[0].x) || Math.round(p[0].y) - Math.round(q[0].y) || p[1] - q[1])
    .map(([r]) => r);
  return {
    marks: [...w.marks],
    columns: columns.map(({ title, field, channel, type }) => ({ title, field, channel, type })),
    rows: rows.map((r) => columns.map((c) => r.cells.get(c.title) ?? ['', null])),
    keys: rows.map((r) => r.key),
  };
}
