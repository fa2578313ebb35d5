// Every use of vega's private members and undocumented behaviour, in one place, checked against
// the installed vega by tests/charts/vegaInternals.test.ts (tested with vega 6.4 and
// vega-scenegraph 5.3). Each function says what it relies on.
import * as vega from 'vega';
import type { ChartCanvas } from './chartCanvas.js';

/**
 * Makes `width` vega-scenegraph's text measurer for every chart in the process. Relies on:
 * vega's layout (text bounds, axis and legend sizes) and its textValue() truncation calling
 * `textMetrics.width` through the exported object at each use, and `textMetrics.canvas(use)`
 * being what switches measurers (it is disabled, so nothing switches back).
 */
export function replaceTextWidth(width: (item: object, text: unknown) => number): void {
  vega.textMetrics.width = width;
  vega.textMetrics.canvas = () => {};
}

/**
 * Replaces a built-in expression function. Relies on: vega-interpreter (like vega's code
 * generator) looking a function up in the function context that `expressionFunction` registers
 * into, before its own built-ins.
 */
export function overrideExpressionFunction(name: string, fn: (...args: never[]) => unknown): void {
  vega.expressionFunction(name, fn);
}

/** Replaces the parser of the `date` type in data `format.parse` (vega-loader's typeParsers). */
export function setDateParser(parse: (value: unknown) => unknown): void {
  vega.typeParsers.date = parse;
}

/**
 * The size vega laid the view's plot out in, without padding (View's private `_viewWidth` and
 * `_viewHeight`, set by autosize); undefined when this vega does not have them.
 */
export function viewLayoutSize(view: vega.View): { width?: number; height?: number } {
  const v = view as unknown as { _viewWidth?: unknown; _viewHeight?: unknown };
  return {
    width: typeof v._viewWidth === 'number' ? v._viewWidth : undefined,
    height: typeof v._viewHeight === 'number' ? v._viewHeight : undefined,
  };
}

/** The root mark (a 'group') of the view's scenegraph; vega's typings leave out `root`. */
export function sceneRoot<T>(view: vega.View): T {
  return (view.scenegraph() as unknown as { root: T }).root;
}

interface SceneNode {
  marktype: string;
  clip?: boolean | ((ctx: ChartCanvas) => void);
  group?: { width?: number; height?: number };
}

/**
 * Stands in for vega-scenegraph's CanvasRenderer while its mark drawers (`Marks[type].draw`)
 * draw a scenegraph: group marks call `this.draw(...)` for each child mark, image marks ask
 * `this.loadImage(...)`, and a clipped mark's `clip` is true (clip to its group's box) or a
 * function that adds the clip path. This mirrors CanvasRenderer.draw.
 */
const renderer = {
  draw(ctx: ChartCanvas, scene: SceneNode, bounds: unknown, markTypes?: string[]): void {
    if (scene.marktype !== 'group' && markTypes != null && !markTypes.includes(scene.marktype)) return;
    const mark = vega.Marks[scene.marktype];
    if (!mark) return;
    if (scene.clip) {
      ctx.save();
      ctx.beginPath();
      if (typeof scene.clip === 'function') scene.clip(ctx);
      else ctx.rect(0, 0, scene.group?.width || 0, scene.group?.height || 0);
      ctx.clip();
    }
    mark.draw.call(this, ctx, scene, bounds, markTypes);
    if (scene.clip) ctx.restore();
  },
  /** Image marks ask the renderer for their image; we never load any. */
  loadImage(): Promise<{ complete: boolean; width: number; height: number }> {
    return new Promise(() => {});
  },
};

/** Draws `scene` (a scenegraph root or any mark) into `ctx` with vega's own canvas drawers. */
export function drawScene(ctx: ChartCanvas, scene: unknown): void {
  renderer.draw(ctx, scene as SceneNode, null);
}
