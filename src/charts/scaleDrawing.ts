// A recorded chart made uniformly smaller, as vectors: the last resort for a chart that does not
// fit its frame any other way (its text gets smaller with it, so callers keep the factor modest).
import type { ChartDrawing } from './chartDrawing.js';

export function scaleDrawing(chart: ChartDrawing, k: number): ChartDrawing {
  if (!(k > 0) || k === 1) return chart;
  return {
    ...chart,
    width: chart.width * k,
    height: chart.height * k,
    origin: [chart.origin[0] * k, chart.origin[1] * k],
    // The replay starts at the (scaled) origin; scaling there scales every later coordinate.
    ops: [['save'], ['scale', k, k], ...chart.ops, ['restore']],
  };
}
