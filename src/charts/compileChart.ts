// Vega-Lite spec + inline datasets -> a laid-out vega scenegraph, sized to fit its frame.
//
// Everything runs headless (renderer 'none'); vega's canvas drawers then record the scenegraph
// as Canvas 2D calls (recordChart.ts), which render/drawChart.ts replays into the PDF. Vega's
// private members are reached only through vegaInternals.ts. Safety and reproducibility:
// - data comes only from the named datasets we are handed: specs with `url` data are rejected,
//   and the View gets a loader that refuses every file and network request;
// - expressions are interpreted (vega-interpreter), never compiled to JS functions;
// - time is UTC everywhere, so a chart reads the same whatever the machine's time zone;
// - text is measured with the embedded fonts, so layout matches what the PDF draws.
// Fitting: a single view is fitted by Vega (autosize "fit"); a composite chart (facet, repeat,
// concat) by searching for its panels' size (chartSizing.ts, chartFit.ts); in both, titles too
// long for their room are wrapped (chartTitles.ts). Each try is a full Vega layout, at most
// MAX_LAYOUTS of them; what still does not fit is scaled down as a drawing, within limits.
import { tooWideProblem } from './tooWide.js';
import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { expressionInterpreter } from 'vega-interpreter';
import { InputError } from '../errors.js';
import { toVegaLiteConfig, type ChartTheme } from './chartTheme.js';
import type { ChartDrawing, ChartOp } from './chartDrawing.js';
import { nextFactor, type FitSample } from './chartFit.js';
import { ChartBudgetError, placeOfNeedles } from './expressionBudget.js';
import { attachImages, ChartImageRegistry, sizeImageMarks, type ChartImageSources } from './chartImages.js';
import { isComposite, scalePanels } from './chartSizing.js';
import { applyTitleWraps, titleWrapsFor, type TitleWrap, type TitleWraps } from './chartTitles.js';
import { recordChart } from './recordChart.js';
import { readDrawnData, removeTooltips, tapAggregatedRows, withEncodingTooltips } from './readDrawnData.js';
import type { Tap } from './tapDrawnRows.js';
import { scaleDrawing } from './scaleDrawing.js';
import { textInkBox } from './textInk.js';
import { sceneRoot, viewLayoutSize } from './vegaInternals.js';
import { setupVega } from './vegaSetup.js';
import { chartTextValue, type TextItemLike } from './vegaTextItems.js';

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
  /**
   * Total height in points of a single view (a composite chart's panels keep the proportions
   * the spec gives them); when absent, the plot keeps the height the spec asks for.
   */
  height?: number;
  /**
   * The most height the chart may take (the page's text block, less room for the caption).
   * A taller chart gets shorter panels, or is scaled down; one that cannot fit is an error.
   */
  maxHeight?: number;
  /** Where the spec came from, for error messages. */
  specFile?: string;
  /** The pictures image marks may draw, by URL (nothing is ever loaded: see chartImages.ts). */
  images?: ChartImageSources;
  /** The spec's JSON text, to give an expression over its budget the line it is on. */
  specText?: string;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

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
          throw new InputError({ file: specFile }, 'chart data must come from the report\'s datasets; ' +
            `"url" data (${JSON.stringify(v.url)} at ${path}.data) is not allowed`);
        }
        if (typeof v.name === 'string' && !('values' in v) && !available.has(v.name)) {
          const known = [...available].sort().join(', ') || 'none';
          throw new InputError({ file: specFile }, `chart uses dataset "${v.name}", which is not defined (available: ${known})`);
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

/**
 * Every string the scene draws, as drawn; `shortened` gets the ones vega cut to their `limit`
 * with an ellipsis (legend and axis labels longer than 160 or 180 pt, a spec's labelLimit).
 */
function collectTexts(node: SceneItem, out: string[], shortened: Map<string, string>): void {
  if (node.marktype === 'text') {
    for (const item of node.items ?? []) {
      if (item.opacity === 0 || (item.fontSize != null && item.fontSize <= 0) || item.text == null) continue;
      let lines: unknown = item.text;
      if (item.lineBreak && typeof lines === 'string') lines = lines.split(item.lineBreak);
      for (const line of Array.isArray(lines) ? lines : [lines]) {
        const s = chartTextValue(item, line);
        if (s) out.push(s);
        const full = line == null ? '' : String(line).trim();
        if (s !== full && full) shortened.set(full, s);
      }
    }
    return;
  }
  for (const item of node.items ?? []) {
    if (item.marktype || item.items) collectTexts(item, out, shortened);
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

/** Overrun (in points) of strokes past the chart box that we tolerate instead of growing it. */
const TOLERANCE = 1;

/** How far a chart may end up from its width (points): this much narrower, or OVER wider. */
const WIDTH_SLACK = 2.5;
const OVER = 0.5;

/** Layouts tried at most per chart (each is a full Vega run). */
const MAX_LAYOUTS = 6;

/** Panels get no shorter than this fraction of the spec's height before the chart is refused. */
const MIN_PANEL_HEIGHT = 0.4;
/** Panels get no narrower than this fraction of the spec's width. */
const MIN_PANEL_WIDTH = 0.1;
/** The drawing is scaled down by at most this factor (text stays readable: 8 pt becomes 6 pt). */
const MIN_DRAWING_SCALE = 0.75;

interface Layout {
  view: vega.View;
  root: SceneItem;
  /** The drawing, recorded from `root`. */
  ops: ChartOp[];
  /** The chart box, in the scene's coordinates (grown to what is drawn outside vega's layout box). */
  left: number;
  top: number;
  width: number;
  height: number;
  /** Where the scene's (0,0) is relative to the box's top-left. */
  ox: number;
  oy: number;
  warnings: string[];
  /** The Vega spec laid out, and its taps of aggregated rows (what the chart draws is read from them). */
  vgSpec: vega.Spec;
  taps: Map<string, Tap>;
}

/**
 * Vega-Lite warnings that say nothing an author can act on. A layered chart whose layers share a
 * sorted axis (bars and their value labels, sorted by value) always gets the first, and the
 * sort it names is kept all the same (the sample's scale chart is drawn sorted by value).
 */
const SPURIOUS_WARNINGS = ['Domains that should be unioned has conflicting sort properties. Sort will be set to true.'];

/**
 * A logger for Vega-Lite and vega that keeps warnings and errors; an expression over its budget
 * (expressionBudget.ts), which vega catches and logs, goes to `failures` instead.
 */
function collectingLogger(warnings: string[], failures: ChartBudgetError[] = []): vega.LoggerInterface {
  const collect = (...args: unknown[]) => {
    const budget = args.find((a): a is ChartBudgetError => a instanceof ChartBudgetError);
    if (budget) {
      failures.push(budget);
      return;
    }
    const message = args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
    if (!SPURIOUS_WARNINGS.includes(message)) warnings.push(message);
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
  return logger as unknown as vega.LoggerInterface;
}

/** Compiles a Vega-Lite spec to Vega (UTC time, wrapped titles) and lays it out. */
async function layOut(vlSpec: Json, input: CompileChartInput, specFile: string, wraps: TitleWraps, images: ChartImageRegistry): Promise<Layout> {
  const warnings: string[] = [];
  const failures: ChartBudgetError[] = [];
  const logger = collectingLogger(warnings, failures);
  let vgSpec: vega.Spec;
  try {
    vgSpec = vl.compile(vlSpec as unknown as TopLevelSpec, { config: withEncodingTooltips(toVegaLiteConfig(input.theme)), logger }).spec;
  } catch (e) {
    throw new InputError({ file: specFile }, `invalid Vega-Lite spec: ${(e as Error).message}`);
  }
  useUtc(vgSpec);
  applyTitleWraps(vgSpec, wraps);
  // Rows fed into aggregates, to cite what a chart draws (readDrawnData.ts).
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
    if (e instanceof ChartBudgetError) throw new InputError({ file: specFile, ...placeOfNeedles(input.specText, e.needles) }, e.message);
    throw new InputError({ file: specFile }, `chart failed to render: ${(e as Error).message}`);
  }
  if (failures.length) {
    view.finalize();
    throw new InputError({ file: specFile, ...placeOfNeedles(input.specText, failures[0].needles) }, failures[0].message);
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
  // ...grown to what is actually drawn, when that spills out by more than a stroke's width...
  let left = b.x1 + ox < -TOLERANCE ? b.x1 + ox : 0;
  let top = b.y1 + oy < -TOLERANCE ? b.y1 + oy : 0;
  let right = b.x2 + ox > boxW + TOLERANCE ? b.x2 + ox : boxW;
  let bottom = b.y2 + oy > boxH + TOLERANCE ? b.y2 + oy : boxH;
  // ...and to the ink of its text, which vega's bounds underestimate (textInk.ts), as drawn
  // (image marks get their pictures first).
  warnings.push(...attachImages(root, images));
  const ops = recordChart(root);
  const ink = textInkBox(ops);
  if (ink) {
    left = Math.min(left, ink.x1 + ox);
    top = Math.min(top, ink.y1 + oy);
    right = Math.max(right, ink.x2 + ox);
    bottom = Math.max(bottom, ink.y2 + oy);
  }
  return { view, root, ops, left, top, width: right - left, height: bottom - top, ox, oy, warnings, vgSpec, taps };
}

/**
 * Records the lines each title should have in this layout; true when any changed. A title
 * met in several places (an axis title in each panel) keeps the narrowest room's lines.
 */
function updateWraps(layout: Layout, width: number, wraps: TitleWraps): boolean {
  const seen = new Map<string, TitleWrap>();
  for (const w of titleWrapsFor(layout.root, width, wraps)) {
    const had = seen.get(w.text);
    if (!had || w.room < had.room) seen.set(w.text, w);
  }
  let changed = false;
  for (const [text, w] of seen) {
    const had = wraps.get(text);
    if (had && had.lines.join('\n') === w.lines.join('\n')) continue;
    wraps.set(text, { lines: w.lines, room: w.room });
    changed = true;
  }
  return changed;
}

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
  sizeImageMarks(spec);
  const images = new ChartImageRegistry(input.images);

  const composite = isComposite(spec);
  const width = input.width;
  // A single view is laid out to the height asked for (marks of a fixed size, such as a donut's
  // radius, may make it taller); a composite's panels keep their proportions. Either may take
  // up to maxHeight.
  const singleHeight = composite ? undefined : input.height;
  const heightLimit = input.maxHeight !== undefined && input.maxHeight > 0 ? input.maxHeight : Infinity;

  // The knobs: a composite's panel factors, or a single view's fitted width and height.
  let kx = 1;
  let ky = 1;
  /** Upper bound on ky found by fitting the height (composites keep ky = kx below it). */
  let kyCap = Infinity;
  /** A single view without a height asked for keeps the spec's, unless it is too tall. */
  let singleFitHeight = singleHeight;
  const xs: FitSample[] = [];
  const ys: FitSample[] = [];
  const wraps: TitleWraps = new Map();

  const specFor = (): Json => {
    if (composite) return { ...scalePanels(spec, kx, ky), autosize: { type: 'pad', contains: 'padding' } };
    const s: Json = { ...spec, width: width * kx };
    if (singleFitHeight !== undefined) s.height = singleFitHeight * ky;
    s.autosize = { type: singleFitHeight !== undefined ? 'fit' : 'fit-x', contains: 'padding' };
    return s;
  };

  const layouts: Layout[] = [];
  let chosen: Layout | undefined;
  for (let run = 0; run < MAX_LAYOUTS && !chosen; run++) {
    const layout = await layOut(specFor(), input, specFile, wraps, images);
    layouts.push(layout);
    if (updateWraps(layout, width, wraps)) {
      // Sizes measured with a title on one line say little about sizes with it wrapped: lay
      // out again with the same knobs first, and measure from there.
      xs.length = 0;
      ys.length = 0;
      continue;
    }
    xs.push({ k: kx, size: layout.width });
    ys.push({ k: ky, size: layout.height });
    const minKx = composite ? MIN_PANEL_WIDTH : 0.5;
    // A composite aims under its width (Vega rounds its panels to whole points): over it, try again.
    const tooWide = layout.width > width + (composite ? 0 : OVER);
    // A composite also grows to its width (like a single view, it fills the column).
    const tooNarrow = composite && layout.width < width - WIDTH_SLACK && kx < 4;
    const tooTall = layout.height > heightLimit + OVER;
    // Composites keep their panels' proportions while the height allows, then get shorter.
    const shortened = composite && ky < kx - 1e-9 && layout.height < heightLimit - WIDTH_SLACK;
    if (!tooWide && !tooNarrow && !tooTall && !shortened) {
      chosen = layout;
      break;
    }
    if ((tooWide && kx > minKx) || tooNarrow) kx = Math.max(minKx, nextFactor(xs, width - (composite ? 1.5 : OVER)));
    if (tooTall || shortened) {
      if (!composite && singleFitHeight === undefined) {
        // Fit the height from now on, starting from the one measured.
        singleFitHeight = layout.height;
        ky = 1;
        ys.splice(0, ys.length, { k: 1, size: layout.height });
      }
      const minKy = composite ? MIN_PANEL_HEIGHT : 0.3;
      const k = Math.max(minKy, nextFactor(ys, heightLimit - OVER));
      if (composite) kyCap = k;
      else ky = k;
    }
    if (composite) ky = Math.min(kx, kyCap);
    // Nothing left to change: the knobs are at their limits (the drawing is scaled below).
    if (Math.abs(kx - xs[xs.length - 1].k) < 1e-9 && Math.abs(ky - ys[ys.length - 1].k) < 1e-9) break;
  }

  // Not converged: the best layout that fits (the widest), else the last one, scaled down.
  chosen ??= bestFitting(layouts, width, heightLimit) ?? layouts[layouts.length - 1];
  for (const l of layouts) if (l !== chosen) l.view.finalize();
  const { view, root } = chosen;
  const warnings = [...new Set(chosen.warnings)];
  const scale = Math.min(1, (width + OVER) / chosen.width, (heightLimit + OVER) / chosen.height);
  if (scale < MIN_DRAWING_SCALE) {
    view.finalize();
    throw tooLarge(specFile, chosen, width, heightLimit, composite);
  }
  if (scale < 1) {
    warnings.push(`the chart is scaled to ${Math.floor(scale * 100)}% to fit its ${Math.round(width)} × ${Math.round(heightLimit)} pt frame (its text too) — ` +
      (composite ? 'use fewer panels or shorter labels' : 'shorten its labels and titles'));
  }

  const texts: string[] = [];
  const shortened = new Map<string, string>();
  collectTexts(root, texts, shortened);
  for (const [full, cut] of shortened) {
    warnings.push(`the label ${JSON.stringify(full)} is too long for its room and is shortened to ${JSON.stringify(cut)} — shorten it in the data or the spec, or raise its labelLimit`);
  }
  const drawn = readDrawnData(view, chosen.vgSpec, chosen.taps, root);
  const background = (view.background() as string | undefined) ?? input.theme.background;
  view.finalize();

  const drawing: ChartDrawing = scaleDrawing({
    width: chosen.width,
    height: chosen.height,
    ops: chosen.ops,
    datumKeys: datumKeys(root),
    drawn,
    texts,
    origin: [chosen.ox - chosen.left, chosen.oy - chosen.top],
    background: background ?? 'transparent',
    warnings: warnings.map((w) => `${specFile}: ${w}`),
    ...(images.images.length ? { images: images.images } : {}),
  }, scale);
  return { ...drawing, scene: root };
}

function bestFitting(layouts: Layout[], width: number, heightLimit: number): Layout | undefined {
  let best: Layout | undefined;
  for (const l of layouts) {
    if (l.width > width + OVER || l.height > heightLimit + OVER) continue;
    if (!best || l.width > best.width) best = l;
  }
  return best;
}

function tooLarge(specFile: string, l: Layout, width: number, heightLimit: number, composite: boolean): InputError {
  const tall = l.height > heightLimit + OVER;
  const panels = composite ? ` even with its panels at ${Math.round((tall ? MIN_PANEL_HEIGHT : MIN_PANEL_WIDTH) * 100)}% of their size` : '';
  const what = tall
    ? `the chart needs ${Math.round(l.height)} pt of height${panels}; the page has room for ${Math.round(heightLimit)} pt`
    : tooWideProblem(l.width, panels, width);
  const hint = composite
    ? (tall ? 'show fewer rows of panels (filter the data, or facet by a field with fewer values), or split it into two charts' : 'show fewer columns of panels, or split it into two charts')
    : 'shorten its labels and titles, or show fewer categories';
  return new InputError({ file: specFile }, what, hint);
}
