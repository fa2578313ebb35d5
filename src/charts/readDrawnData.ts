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
// - Aggregated rows carry no data-file key: the rows inside them are read from taps put in
//   front of the aggregates (tapDrawnRows.ts). Tables are made from the rows in drawnTables.ts.
import * as vega from 'vega';
import { isoDateText, type DrawnCell, type DrawnColumn, type DrawnData } from './drawnData.js';
import { finish, mergeTables, retitle, type Work } from './drawnTables.js';
import { keyOf, traceKeys, type DataDef, type Tap } from './tapDrawnRows.js';

export { tapAggregatedRows } from './tapDrawnRows.js';

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
  from?: { data?: string; facet?: { name?: string; data?: string; groupby?: string | string[] } };
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

/** Long unformatted decimals ("8.63333333333", Vega-Lite's default) are rounded for reading. */
function cellText(v: unknown, raw: number | null): string {
  // A date the tooltip left unformatted (an error bar's time unit) is written as an ISO date in
  // UTC, the zone charts run in, not as JavaScript's "Sun Jan 01 2012 00:00:00 GMT+0000 (…)".
  if (v instanceof Date) return Number.isFinite(v.getTime()) ? isoDateText(v.getTime()) : '';
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

/** A guide's title text ('' when it has none). */
function guideTitle(group: SceneItem, role: string): string {
  for (const m of group.items ?? []) {
    if (m.role !== role) continue;
    const t = m.items[0]?.text;
    return Array.isArray(t) ? t.join(' ') : t === null || t === undefined ? '' : String(t);
  }
  return '';
}

export function readDrawnData(view: vega.View, vg: vega.Spec, taps: Map<string, Tap>, root: unknown): DrawnData {
  // Mark definitions by name, with the top-level dataset each draws (facet cells draw their facet's).
  // Marks inside facet cells also know the fields that split them into panels (a chart faceted
  // by city draws each city's rows in its own cell): without them a table of both panels would
  // list the same months twice with nothing to tell them apart.
  const defs = new Map<string, { def: MarkDef; data?: string; panels: string[] }>();
  const walkDefs = (marks: MarkDef[] | undefined, facets: Map<string, string>, panels: string[]) => {
    for (const m of marks ?? []) {
      let data = m.from?.data;
      if (data !== undefined && facets.has(data)) data = facets.get(data);
      if (m.name) defs.set(m.name, { def: m, data, panels });
      if (m.marks) {
        const inner = new Map(facets);
        const f = m.from?.facet;
        if (f?.name && f.data) inner.set(f.name, facets.get(f.data) ?? f.data);
        const by = f?.groupby === undefined ? [] : Array.isArray(f.groupby) ? f.groupby : [f.groupby];
        walkDefs(m.marks, inner, [...panels, ...by.filter((x) => !panels.includes(x))]);
      }
    }
  };
  walkDefs((vg as { marks?: MarkDef[] }).marks, new Map(), []);
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
    const drawn = tooltipColumns(found.def);
    if (!drawn?.length) continue;
    // The panel's fields first (channel "facet", ranked before x and y), named as in the data.
    const panelOnly = new Set(found.panels.filter((f) => !drawn.some((t) => t.field === f)));
    const tip = [...[...panelOnly].map((f) => ({ title: f, field: f })), ...drawn];
    const channels = channelsOf(found.def);
    let g = groups.get(mark.name!);
    if (!g) {
      const columns = tip.map(({ title, field }) => {
        const c = panelOnly.has(field) ? { channel: 'facet', scale: undefined } : channels.get(field);
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
        // A panel's field is in no tooltip: its cell is the datum's own value.
        cells.set(title, [cellText(panelOnly.has(field) ? raw : tipValues[title], value), value]);
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
