// Vega-Lite spec + inline datasets -> a laid-out vega scenegraph, sized to the column width.
//
// Everything runs headless (renderer 'none'); vega's canvas drawers then record the scenegraph
// as Canvas 2D calls (recordChart.ts), which render/drawChart.ts replays into the PDF. Vega's
// private members are reached only through vegaInternals.ts. Safety and reproducibility:
// - data comes only from the named datasets we are handed: specs with `url` data are rejected,
//   and the View gets a loader that refuses every file and network request;
// - expressions are interpreted (vega-interpreter), never compiled to JS functions;
// - time is UTC everywhere, so a chart reads the same whatever the machine's time zone;
// - text is measured with the embedded fonts, so layout matches what the PDF draws.
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import { toVegaLiteConfig, type ChartTheme } from './chartTheme.js';
import type { ChartDrawing } from './chartDrawing.js';
import { recordChart } from './recordChart.js';
import { readDrawnData, removeTooltips, tapAggregatedRows, withEncodingTooltips } from './readDrawnData.js';
import { overrideExpressionFunction, sceneRoot, setDateParser, viewLayoutSize } from './vegaInternals.js';
import { chartTextValue, type TextItemLike } from './vegaTextItems.js';
import { installChartTextMetrics } from './vegaTextMetrics.js';

/** A compiled chart: its recorded drawing, and vega's scenegraph for in-process inspection. */
export interface ChartScene extends ChartDrawing {
  /** The vega scenegraph root (a 'group' mark), from which `ops` were recorded. */
  scene: unknown;
}

export interface CompileChartInput {
  spec: object;
  datasets: Record<string, Record<string, unknown>[]>;
  theme: ChartTheme;
  /** Width available, in points; the whole chart (axes, legend, title) fits in it. */
  width: number;
  /** Total height in points; when absent, the plot keeps the height the spec asks for. */
  height?: number;
  /** Where the spec came from, for error messages. */
  specFile?: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

// ---------------------------------------------------------------------------------------------
// Process-wide vega setup (once)

let setupDone = false;

/** ISO date-times without a zone ("2023-04-01T12:00") mean UTC here, not the machine's zone. */
const DATE_ONLY = /^[+-]?\d{4,6}(-\d{2}(-\d{2})?)?$/;
const HAS_ZONE = /(z|[+-]\d{2}(:?\d{2})?|\b(utc|gmt))$/i;

function parseDateUtc(v: unknown): unknown {
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

function setupVega(): void {
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
    datetime: (y, m = 0, d = 1, H = 0, M = 0, S = 0, ms = 0) =>
      typeof y === 'string'
        ? new Date(parseDateUtc(y) as number)
        : new Date(Date.UTC(y as number, m as number, d as number, H as number, M as number, S as number, ms as number)),
    toDate: (d) => parseDateUtc(d),
  };
  for (const [name, fn] of Object.entries(fns)) overrideExpressionFunction(name, fn);
  setDateParser(parseDateUtc);
}

/** A loader that reads nothing: every byte of chart data is handed to us inline. */
function refusingLoader(specFile: string): vega.Loader {
  const refuse = (what: unknown) =>
    Promise.reject(new Error(`${specFile}: charts may not load external resources (refused ${String(what)})`));
  const loader = {
    options: {},
    fileAccess: false,
    sanitize: refuse,
    load: refuse,
    file: refuse,
    http: refuse,
  };
  return loader as unknown as vega.Loader;
}

// ---------------------------------------------------------------------------------------------
// Spec preparation

/** Rejects external data and checks that every named data source is one we were given. */
function checkData(spec: Json, available: Set<string>, specFile: string): void {
  const visit = (node: unknown, path: string): void => {
    if (Array.isArray(node)) {
      node.forEach((n, i) => visit(n, `${path}[${i}]`));
      return;
    }
    if (!isObject(node)) return;
    for (const [k, v] of Object.entries(node)) {
      if (k === 'data' && isObject(v)) {
        if ('url' in v) {
          throw new Error(
            `${specFile}: chart data must come from the report's datasets; ` +
              `"url" data (${JSON.stringify(v.url)} at ${path}.data) is not allowed`,
          );
        }
        if (typeof v.name === 'string' && !('values' in v) && !available.has(v.name)) {
          const known = [...available].sort().join(', ') || 'none';
          throw new Error(`${specFile}: chart uses dataset "${v.name}", which is not defined (available: ${known})`);
        }
      }
      if (k === 'datasets' && isObject(v)) continue; // inline values, checked below
      visit(v, `${path}.${k}`);
    }
  };
  visit(spec, '$');
}

/**
 * Makes the compiled Vega spec use UTC: time scales become utc scales, timeunit transforms use
 * the utc zone, and "time" label formats become "utc".
 */
function useUtc(node: unknown): void {
  if (Array.isArray(node)) {
    for (const n of node) useUtc(n);
    return;
  }
  if (!isObject(node)) return;
  if (node.type === 'time' && ('domain' in node || 'range' in node || 'name' in node)) node.type = 'utc';
  if (node.type === 'timeunit' && node.timezone !== 'utc') node.timezone = 'utc';
  if (node.formatType === 'time') node.formatType = 'utc';
  for (const v of Object.values(node)) if (typeof v === 'object' && v !== null) useUtc(v);
}

// ---------------------------------------------------------------------------------------------
// Reading the result

interface SceneItem extends TextItemLike {
  marktype?: string;
  items?: SceneItem[];
  text?: unknown;
  lineBreak?: string;
  opacity?: number;
  fill?: unknown;
  stroke?: unknown;
  bounds?: vega.Bounds;
}

function collectTexts(node: SceneItem, out: string[]): void {
  if (node.marktype === 'text') {
    for (const item of node.items ?? []) {
      if (item.opacity === 0 || (item.fontSize != null && item.fontSize <= 0) || item.text == null) continue;
      let lines: unknown = item.text;
      if (item.lineBreak && typeof lines === 'string') lines = lines.split(item.lineBreak);
      for (const line of Array.isArray(lines) ? lines : [lines]) {
        const s = chartTextValue(item, line);
        if (s) out.push(s);
      }
    }
    return;
  }
  for (const item of node.items ?? []) {
    if (item.marktype || item.items) collectTexts(item, out);
  }
}

/** The `key` of every data row behind an item of the scene (rows carry their figure key). */
function datumKeys(root: SceneItem): string[] {
  const keys = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { items?: unknown[]; datum?: { key?: unknown } };
    if (typeof n.datum?.key === 'string') keys.add(n.datum.key);
    if (Array.isArray(n.items)) for (const c of n.items) visit(c);
  };
  visit(root);
  return [...keys];
}

function hasMark(node: SceneItem, type: string): boolean {
  if (node.marktype === type && (node.items?.length ?? 0) > 0) return true;
  return (node.items ?? []).some((i) => hasMark(i, type));
}

/** Overrun (in points) of strokes past the chart box that we tolerate instead of growing it. */
const TOLERANCE = 1;

/** Top-level keys of the Vega-Lite view-composition specs. */
const COMPOSITE_KEYS = ['facet', 'repeat', 'concat', 'hconcat', 'vconcat'];

export async function compileChart(input: CompileChartInput): Promise<ChartScene> {
  const specFile = input.specFile ?? 'chart spec';
  if (!isObject(input.spec)) throw new Error(`${specFile}: a chart spec must be a JSON object`);
  if (!(input.width > 0)) throw new Error(`${specFile}: chart width must be positive (got ${input.width})`);
  setupVega();

  const spec = structuredClone(input.spec) as Json;
  removeTooltips(spec); // what the chart draws is read from tooltips of our own (readDrawnData.ts)
  const ownDatasets = isObject(spec.datasets) ? (spec.datasets as Json) : {};
  const available = new Set([...Object.keys(ownDatasets), ...Object.keys(input.datasets)]);
  checkData(spec, available, specFile);

  // Inject copies: vega writes parsed fields back into the rows it is given.
  const datasets: Record<string, Record<string, unknown>[]> = {};
  for (const [name, rows] of Object.entries(ownDatasets)) {
    datasets[name] = Array.isArray(rows) ? rows.map((r) => (isObject(r) ? { ...r } : r)) : (rows as never);
  }
  for (const [name, rows] of Object.entries(input.datasets)) datasets[name] = rows.map((r) => ({ ...r }));
  spec.datasets = datasets;

  // Composite charts (facet, repeat, concat) cannot be fitted: Vega-Lite ignores a top-level
  // size and warns about "fit"; their cells keep their own sizes (an overflow is warned below).
  if (!COMPOSITE_KEYS.some((k) => k in spec)) {
    spec.width = input.width;
    if (input.height !== undefined) spec.height = input.height;
    spec.autosize = { type: input.height !== undefined ? 'fit' : 'fit-x', contains: 'padding' };
  } else {
    spec.autosize = { type: 'pad', contains: 'padding' };
  }

  const warnings: string[] = [];
  const collect = (...args: unknown[]) => {
    warnings.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(' '));
  };
  let level = 2; // vega.Warn
  const logger = {
    level(l?: number) {
      if (l === undefined) return level;
      level = l;
      return logger;
    },
    error(...args: unknown[]) {
      collect(...args);
      return logger;
    },
    warn(...args: unknown[]) {
      collect(...args);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };

  let vgSpec: vega.Spec;
  try {
    vgSpec = vl.compile(spec as unknown as TopLevelSpec, { config: withEncodingTooltips(toVegaLiteConfig(input.theme)), logger }).spec;
  } catch (e) {
    throw new Error(`${specFile}: invalid Vega-Lite spec: ${(e as Error).message}`);
  }
  useUtc(vgSpec);
  const taps = tapAggregatedRows(vgSpec);

  let view: vega.View;
  try {
    const runtime = vega.parse(vgSpec, undefined, { ast: true });
    view = new vega.View(runtime, {
      renderer: 'none',
      loader: refusingLoader(specFile),
      expr: expressionInterpreter,
      logger,
      logLevel: vega.Warn,
    });
    await view.runAsync();
  } catch (e) {
    throw new Error(`${specFile}: chart failed to render: ${(e as Error).message}`);
  }

  const root = sceneRoot<SceneItem>(view);
  const padding = view.padding() as { left: number; right: number; top: number; bottom: number };
  const [ox0, oy0] = view.origin();
  const ox = padding.left + ox0;
  const oy = padding.top + oy0;
  const laidOut = viewLayoutSize(view);
  const b = root.bounds!;
  // The box vega lays the chart out in...
  const boxW = (laidOut.width ?? b.x2 + ox0) + padding.left + padding.right;
  const boxH = (laidOut.height ?? b.y2 + oy0) + padding.top + padding.bottom;
  // ...grown to what is actually drawn, when that spills out by more than a stroke's width.
  const left = b.x1 + ox < -TOLERANCE ? b.x1 + ox : 0;
  const top = b.y1 + oy < -TOLERANCE ? b.y1 + oy : 0;
  const right = b.x2 + ox > boxW + TOLERANCE ? b.x2 + ox : boxW;
  const bottom = b.y2 + oy > boxH + TOLERANCE ? b.y2 + oy : boxH;
  if (right - left > input.width + TOLERANCE) {
    warnings.push(`chart is ${Math.round(right - left)}pt wide, more than the ${input.width}pt available`);
  }
  if (hasMark(root, 'image')) warnings.push('image marks are not supported in charts and are not drawn');

  const texts: string[] = [];
  collectTexts(root, texts);
  const drawn = readDrawnData(view, vgSpec, taps, root);
  const background = (view.background() as string | undefined) ?? input.theme.background;
  view.finalize();

  return {
    width: right - left,
    height: bottom - top,
    scene: root,
    ops: recordChart(root),
    datumKeys: datumKeys(root),
    drawn,
    texts,
    origin: [ox - left, oy - top],
    background: background ?? 'transparent',
    warnings: warnings.map((w) => `${specFile}: ${w}`),
  };
}
