// The sizes of a chart's views, for fitting it to its frame.
//
// A single view (a unit or layer spec) is fitted by Vega itself: autosize "fit" makes the whole
// chart, axes and legend included, the given width and height. Vega cannot fit a composite
// chart (facet, repeat, concat, and a unit spec faceted by its row/column/facet channels): its
// width and height belong to each panel. So a composite is fitted from outside: every panel's
// size is multiplied by a factor per dimension (explicit widths and heights, discrete steps,
// and the defaults of config.view), and compileChart searches for the factors that make the
// whole chart as wide as its frame (chartFit.ts).

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Vega-Lite's built-in view sizes (config.view), used when neither the spec nor its config sets one. */
const DEFAULT_CONTINUOUS = 200;
const DEFAULT_STEP = 20;

const COMPOSITE_KEYS = ['facet', 'repeat', 'concat', 'hconcat', 'vconcat'];
const FACET_CHANNELS = ['row', 'column', 'facet'];

/**
 * Whether Vega-Lite lays the spec out as a grid of panels. A repeat of layers only (`repeat:
 * {layer: […]}`) is one layered view, which Vega fits like any other.
 */
export function isComposite(spec: Json): boolean {
  if (isObject(spec.repeat) && Object.keys(spec.repeat).every((k) => k === 'layer')) return false;
  if (COMPOSITE_KEYS.some((k) => k in spec)) return true;
  const enc = spec.encoding;
  return isObject(enc) && FACET_CHANNELS.some((c) => enc[c] != null);
}

/**
 * A copy of a composite spec with every panel's width multiplied by `sx` and height by `sy`.
 * Panels are the unit and layer specs inside facets, repeats and concatenations (and the
 * top-level unit spec of a facet by encoding channel, whose size is its panels' size).
 */
export function scalePanels(spec: Json, sx: number, sy: number): Json {
  const out = structuredClone(spec);
  const config = isObject(out.config) ? out.config : (out.config = {});
  const view = isObject(config.view) ? config.view : (config.view = {});
  const step = typeof view.step === 'number' ? view.step : DEFAULT_STEP;
  const continuous = (v: unknown) => (typeof v === 'number' ? v : DEFAULT_CONTINUOUS);
  view.continuousWidth = continuous(view.continuousWidth) * sx;
  view.continuousHeight = continuous(view.continuousHeight) * sy;
  view.discreteWidth = scaleSize(view.discreteWidth ?? { step }, sx, DEFAULT_CONTINUOUS);
  view.discreteHeight = scaleSize(view.discreteHeight ?? { step }, sy, DEFAULT_CONTINUOUS);
  delete view.step;
  scaleView(out, sx, sy, continuous(view.continuousWidth) / sx, continuous(view.continuousHeight) / sy);
  return out;
}

/** A width or height (a number, `{step}`, or "container") multiplied by `k`. */
function scaleSize(v: unknown, k: number, container: number): unknown {
  if (typeof v === 'number') return v * k;
  if (isObject(v) && typeof v.step === 'number') return { ...v, step: v.step * k };
  // "container" means the embedding element's size; there is none on paper: the default size.
  if (v === 'container') return container * k;
  return v;
}

function scaleView(node: Json, sx: number, sy: number, defaultW: number, defaultH: number): void {
  if ('width' in node) node.width = scaleSize(node.width, sx, defaultW);
  if ('height' in node) node.height = scaleSize(node.height, sy, defaultH);
  for (const key of ['concat', 'hconcat', 'vconcat', 'layer']) {
    const children = node[key];
    if (Array.isArray(children)) for (const c of children) if (isObject(c)) scaleView(c, sx, sy, defaultW, defaultH);
  }
  // The panel spec of a facet or repeat operator.
  if (isObject(node.spec)) scaleView(node.spec, sx, sy, defaultW, defaultH);
}
