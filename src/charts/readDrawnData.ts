// Reads what a chart draws from the laid-out vega view (the plain-data shape is drawnData.ts).
//
// How, and why this way:
// - The rows are the data of the scenegraph's mark items (`item.datum`): exactly what was drawn,
//   after every filter, bin, aggregate, stack and facet, whatever transform made them. Reading
//   the view's datasets instead would miss facets (their rows live in per-cell subflows) and
//   would not say which dataset a mark draws after Vega-Lite's dataflow optimisations.
// - The columns and their text come from Vega-Lite itself: compiled with
//   `tooltip: {content: "encoding"}`, every mark gets a tooltip that vega evaluates per item
//   into {title: formatted value} for each encoded field ("Month": "Jan", "Daily high (°C)":
//   "10 – 15", "Count of Records": "41"), with Vega-Lite's titles and formats, bins as ranges
//   and time units as names. Tooltips are never printed, so this changes nothing drawn; the
//   spec's own tooltips are removed first so that the columns are always the encoding.
//   Parsing the tooltip expression (vega.parseExpression, public API) says which datum field
//   each column reads, so cells also keep their number, and the mark's encode block says
//   which channel draws it.
// - Aggregated rows carry no data-file key. To cite the rows inside an aggregate, each dataset
//   whose transforms aggregate (or otherwise make new rows) is split in two before vega parses
//   it: the transforms before the first such step become a dataset of their own (the "tap"),
//   whose rows, read with view.data() after the run, are the filtered rows that went in. The
//   split changes no computation: the same transforms run in the same order.
import * as vega from 'vega';
import type { DrawnCell, DrawnColumn, DrawnData, DrawnTable } from './drawnData.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// Before compiling (Vega-Lite)

/** Removes every `tooltip` (mark property, encoding channel, config) outside the data. */
export function removeTooltips(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) removeTooltips(n);
    return;
  }
  if (!isObject(node)) return;
  delete node.tooltip;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'datasets' || k === 'data' || k === 'values') continue;
    removeTooltips(v);
  }
}

/** The Vega-Lite config with an encoding tooltip on every mark (read per item, never drawn). */
export function withEncodingTooltips<C extends object>(config: C): C {
  const mark = isObject((config as Json).mark) ? ((config as Json).mark as Json) : {};
  return { ...config, mark: { ...mark, tooltip: { content: 'encoding' } } };
}

// ---------------------------------------------------------------------------------------------
// Before parsing (Vega): taps in front of the transforms that make new rows

/** Vega transforms whose output rows are new objects, not the data file's rows. */
const MAKES_ROWS = new Set([
  'aggregate', 'pivot', 'kde', 'density', 'regression', 'loess', 'quantile', 'project',
  'sequence', 'countpattern', 'cross', 'contour', 'kde2d', 'isocontour', 'heatmap',
]);

interface DataDef extends Json {
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

// ---------------------------------------------------------------------------------------------
// After the run

interface SceneItem {
  datum?: unknown;
  tooltip?: unknown;
  text?: unknown;
  x?: number;
  y?: number;
  items?: SceneMark[];
}

interface SceneMark {
  marktype: string;
  role?: string;
  name?: string;
  items: SceneItem[];
}

interface MarkDef {
  name?: string;
  type?: string;
  from?: { data?: string; facet?: { name?: string; data?: string } };
  encode?: { enter?: Json; update?: Json };
  marks?: MarkDef[];
}

/** Encoding channels of vega marks, by the Vega-Lite channel they draw. */
const CHANNELS: [string, string][] = [
  ['x', 'x'], ['x2', 'x'], ['xc', 'x'], ['y', 'y'], ['y2', 'y'], ['yc', 'y'],
  ['startAngle', 'theta'], ['endAngle', 'theta'], ['theta', 'theta'],
  ['outerRadius', 'radius'], ['innerRadius', 'radius'], ['radius', 'radius'],
  ['fill', 'color'], ['stroke', 'color'], ['size', 'size'], ['shape', 'shape'],
  ['opacity', 'opacity'], ['fillOpacity', 'opacity'], ['strokeOpacity', 'opacity'],
  ['strokeWidth', 'strokeWidth'], ['angle', 'angle'], ['text', 'text'],
];
const CHANNEL_ORDER = ['x', 'y', 'theta', 'radius', 'color', 'size', 'shape', 'opacity', 'strokeWidth', 'angle', 'text'];
/** Vega-Lite's box plot statistics, by the field prefix it gives them, in the order they are read. */
const BOX_STATS = ['min_', 'lower_whisker_', 'lower_box_', 'mid_box_', 'upper_box_', 'upper_whisker_', 'max_'];

/** The first `datum["field"]` (or `datum.field`) an expression reads. */
function firstDatumField(node: unknown): string | undefined {
  if (Array.isArray(node)) {
    for (const n of node) {
      const f = firstDatumField(n);
      if (f !== undefined) return f;
    }
    return undefined;
  }
  if (!isObject(node)) return undefined;
  const obj = node.object as Json | undefined;
  const prop = node.property as Json | undefined;
  if (node.type === 'MemberExpression' && obj?.type === 'Identifier' && obj.name === 'datum' && prop) {
    if (prop.type === 'Literal') return String(prop.value);
    if (prop.type === 'Identifier' && !node.computed) return String(prop.name);
  }
  for (const [k, v] of Object.entries(node)) {
    if (k === 'type' || typeof v !== 'object') continue;
    const f = firstDatumField(v);
    if (f !== undefined) return f;
  }
  return undefined;
}

function parse(signal: string): unknown {
  try {
    return vega.parseExpression(signal);
  } catch {
    return undefined;
  }
}

/** The tooltip's columns: its titles, in order, and the datum field each reads. */
function tooltipColumns(def: MarkDef): { title: string; field: string }[] | undefined {
  const tip = def.encode?.update?.tooltip ?? def.encode?.enter?.tooltip;
  if (!isObject(tip) || typeof tip.signal !== 'string') return undefined;
  const ast = parse(tip.signal) as { type?: string; properties?: { key: Json; value: unknown }[] } | undefined;
  if (ast?.type !== 'ObjectExpression' || !ast.properties) return undefined;
  return ast.properties.map((p) => ({ title: String(p.key.value ?? p.key.name), field: firstDatumField(p.value) ?? '' }));
}

/** Which channel (and scale) draws each datum field, from the mark's encode block. */
function channelsOf(def: MarkDef): Map<string, { channel: string; scale?: string }> {
  const out = new Map<string, { channel: string; scale?: string }>();
  for (const [prop, channel] of CHANNELS) {
    for (const block of [def.encode?.update, def.encode?.enter]) {
      const entry = block?.[prop];
      for (const rule of Array.isArray(entry) ? entry : [entry]) {
        if (!isObject(rule)) continue;
        let field = typeof rule.field === 'string' ? rule.field : undefined;
        if (field === undefined && typeof rule.signal === 'string') field = firstDatumField(parse(rule.signal));
        if (field === undefined) continue;
        // Stacked and binned channels draw `f_start`/`f_end`; the tooltip reads `f`.
        for (const f of [field, field.replace(/_(start|end)$/, '')]) {
          if (!out.has(f)) out.set(f, { channel, scale: typeof rule.scale === 'string' ? rule.scale : undefined });
        }
      }
    }
  }
  return out;
}

interface Column extends DrawnColumn {
  scale?: string;
  /** The title of the axis or legend of its scale, if it has one. */
  guide?: string;
}

interface Row {
  /** The row's identity: its data-file key, else the datum object (marks of one dataset share them). */
  id: unknown;
  datum: object;
  cells: Map<string, DrawnCell>;
  key: string | null;
  x: number;
  y: number;
}

interface Work {
  marks: Set<string>;
  columns: Column[];
  rows: Row[];
}

/** Long unformatted decimals ("8.63333333333", Vega-Lite's default) are rounded for reading. */
function cellText(v: unknown, raw: number | null): string {
  const s = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v);
  if (raw !== null && /^-?\d+\.\d{3,}$/.test(s)) {
    return String(Math.abs(raw) >= 1 ? Math.round(raw * 100) / 100 : Number(raw.toPrecision(3)));
  }
  return s.replace(/\s*\n\s*/g, ' ');
}

function cellValue(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? v.getTime() : null;
  return null;
}

const keyOf = (datum: unknown): string | null => (isObject(datum) && typeof datum.key === 'string' ? datum.key : null);

/** A guide's title text ('' when it has none). */
function guideTitle(group: SceneItem, role: string): string {
  for (const m of group.items ?? []) {
    if (m.role !== role) continue;
    const t = m.items[0]?.text;
    return Array.isArray(t) ? t.join(' ') : t === null || t === undefined ? '' : String(t);
  }
  return '';
}

/**
 * Column titles: Vega-Lite's, except that a bare field name drawn on an axis or legend with a
 * title of its own takes that title ("value" on an axis titled "Precipitation (mm)"), also where
 * the chart aggregates that same field elsewhere ("Mean of value" → "Mean of Precipitation (mm)").
 * An axis title is not put into an aggregate's own title: it may already name the aggregate.
 */
function retitle(groups: Iterable<Work>): void {
  const alias = new Map<string, string>();
  const all = [...groups];
  for (const g of all) for (const c of g.columns) if (c.guide && c.title === c.field && !alias.has(c.field)) alias.set(c.field, c.guide);
  for (const g of all) {
    const titles = g.columns.map((c) => {
      if (c.guide && c.title === c.field) return c.guide;
      const m = /^(.+) of (.+)$/.exec(c.title);
      return m && c.field.endsWith(`_${m[2]}`) && alias.has(m[2]) ? `${m[1]} of ${alias.get(m[2])}` : c.title;
    });
    for (const r of g.rows) r.cells = new Map(g.columns.map((c, i) => [titles[i], r.cells.get(c.title)!]));
    g.columns.forEach((c, i) => (c.title = titles[i]));
  }
}

export function readDrawnData(view: vega.View, vg: vega.Spec, taps: Map<string, Tap>, root: unknown): DrawnData {
  // Mark definitions by name, with the top-level dataset each draws (facet cells draw their facet's).
  const defs = new Map<string, { def: MarkDef; data?: string }>();
  const walkDefs = (marks: MarkDef[] | undefined, facets: Map<string, string>) => {
    for (const m of marks ?? []) {
      let data = m.from?.data;
      if (data !== undefined && facets.has(data)) data = facets.get(data);
      if (m.name) defs.set(m.name, { def: m, data });
      if (m.marks) {
        const inner = new Map(facets);
        const f = m.from?.facet;
        if (f?.name && f.data) inner.set(f.name, facets.get(f.data) ?? f.data);
        walkDefs(m.marks, inner);
      }
    }
  };
  walkDefs((vg as { marks?: MarkDef[] }).marks, new Map());
  const dataDefs = new Map(((vg.data ?? []) as unknown as DataDef[]).map((d) => [d.name, d]));

  // One walk of the scenegraph: guides (which scales have an axis, and their titles) and marks.
  const axisTitles = new Map<string, string>();
  const legendTitles = new Map<string, string>();
  const marks: { mark: SceneMark; ox: number; oy: number }[] = [];
  const visit = (mark: SceneMark, ox: number, oy: number): void => {
    if (mark.role === 'axis' || mark.role === 'legend') {
      for (const g of mark.items) {
        const d = g.datum as Json | undefined;
        if (mark.role === 'axis' && typeof d?.scale === 'string') {
          const t = guideTitle(g, 'axis-title');
          if (t || !axisTitles.has(d.scale)) axisTitles.set(d.scale, t);
        } else if (mark.role === 'legend' && isObject(d?.scales)) {
          const t = guideTitle(g, 'legend-title');
          for (const s of Object.values(d.scales)) if (typeof s === 'string' && (t || !legendTitles.has(s))) legendTitles.set(s, t);
        }
      }
      return;
    }
    if (mark.marktype === 'group') {
      for (const g of mark.items) for (const child of g.items ?? []) visit(child, ox + (g.x ?? 0), oy + (g.y ?? 0));
      return;
    }
    if (mark.role === 'mark' && mark.items.length) marks.push({ mark, ox, oy });
  };
  visit(root as SceneMark, 0, 0);

  // Sources: the rows drawn when they are data-file rows, else the rows inside the aggregates.
  const keys = new Set<string>();
  let traced = true;
  const aggregated = new Map<string, unknown[]>();
  for (const { mark } of marks) {
    const ds = mark.name ? defs.get(mark.name)?.data : undefined;
    const drawnKeys = mark.items.map((it) => keyOf(it.datum));
    drawnKeys.forEach((k) => k !== null && keys.add(k));
    if (drawnKeys.every((k) => k !== null)) continue;
    if (ds === undefined) traced = false;
    else {
      let datums = aggregated.get(ds);
      if (!datums) aggregated.set(ds, (datums = []));
      for (const it of mark.items) datums.push(it.datum);
    }
  }
  for (const [ds, datums] of aggregated) {
    const t = traceKeys(view, ds, taps, dataDefs, datums);
    if (t === null) traced = false;
    else t.forEach((k) => keys.add(k));
  }
  // Per mark name (a faceted mark is one mark in many cells): its columns and rows.
  const groups = new Map<string, Work>();
  for (const { mark, ox, oy } of marks) {
    const found = mark.name ? defs.get(mark.name) : undefined;
    if (!found) continue;
    const tip = tooltipColumns(found.def);
    if (!tip?.length) continue;
    const channels = channelsOf(found.def);
    let g = groups.get(mark.name!);
    if (!g) {
      const columns = tip.map(({ title, field }) => {
        const c = channels.get(field);
        const guides = c?.channel === 'x' || c?.channel === 'y' ? axisTitles : legendTitles;
        const guide = c?.scale !== undefined ? guides.get(c.scale) : undefined;
        return { title, field, channel: c?.channel ?? null, scale: c?.scale, guide, type: 'text' as DrawnColumn['type'] };
      });
      groups.set(mark.name!, (g = { marks: new Set(), columns, rows: [] }));
    }
    g.marks.add(mark.marktype);
    for (const it of mark.items) {
      if (!isObject(it.datum)) continue;
      const tipValues = isObject(it.tooltip) ? it.tooltip : {};
      const cells = new Map<string, DrawnCell>();
      tip.forEach(({ title, field }) => {
        const raw = (it.datum as Json)[field];
        const value = cellValue(raw);
        cells.set(title, [cellText(tipValues[title], value), value]);
      });
      const key = keyOf(it.datum);
      g.rows.push({ id: key ?? it.datum, datum: it.datum, cells, key, x: ox + (it.x ?? 0), y: oy + (it.y ?? 0) });
    }
  }
  retitle(groups.values());
  for (const g of groups.values()) {
    for (const c of g.columns) {
      const raws = g.rows.map((r) => (r.datum as Json)[c.field]).filter((v) => v !== null && v !== undefined && v !== '');
      c.type = raws.length && raws.every((v) => v instanceof Date) ? 'time' : raws.length && raws.every((v) => typeof v === 'number') ? 'number' : 'text';
    }
  }

  const tables = mergeTables([...groups.values()]).map((w) => finish(w, axisTitles));
  tables.sort((a, b) => b.columns.length - a.columns.length || b.rows.length - a.rows.length);
  return { tables, keys: [...keys], traced };
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
function traceKeys(view: vega.View, name: string, taps: Map<string, Tap>, defs: Map<string, DataDef>, drawn: unknown[]): string[] | null {
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

/** Marks that draw the same rows, or rows with the same columns, become one table. */
function mergeTables(works: Work[]): Work[] {
  const titles = (w: Work) => w.columns.map((c) => c.title);
  const addColumns = (into: Work, from: Work, fill: (r: Row) => Row | undefined) => {
    for (const c of from.columns) {
      if (titles(into).includes(c.title)) continue;
      into.columns.push(c);
      for (const r of into.rows) r.cells.set(c.title, fill(r)?.cells.get(c.title) ?? ['', null]);
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
function finish(w: Work, axisTitles: Map<string, string>): DrawnTable {
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
