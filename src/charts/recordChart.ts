// Runs vega-scenegraph's own canvas mark drawers over a laid-out scenegraph, recording the
// Canvas 2D calls they make (chartDrawing.ts). The PDF is drawn later from the recording.
import { RecordingContext, type ChartOp } from './chartDrawing.js';
import { drawScene } from './vegaInternals.js';
import { withRawTextMetrics } from './vegaTextMetrics.js';

/** The Canvas 2D calls that draw `scene` (a vega scenegraph root) with (0,0) at its origin. */
export function recordChart(scene: unknown): ChartOp[] {
  const ctx = new RecordingContext();
  // While drawing, vega truncates text itself and must measure exactly the strings it asks about.
  withRawTextMetrics(() => drawScene(ctx, scene));
  return ctx.ops;
}
