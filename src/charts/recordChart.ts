// Runs vega-scenegraph's own canvas mark drawers over a laid-out scenegraph, recording the
// Canvas 2D calls they make (chartDrawing.ts). The PDF is drawn later from the recording.
import { Marks } from 'vega';
import { withRawTextMetrics } from '../render/chartCanvas.js';
import { RecordingContext, type ChartOp } from './chartDrawing.js';

interface SceneNode {
  marktype: string;
  clip?: boolean | ((ctx: RecordingContext) => void);
  group?: { width?: number; height?: number };
}

/**
 * Mirrors vega-scenegraph's CanvasRenderer.draw: group marks call `this.draw(...)` for each
 * child mark, so this object stands in for the renderer.
 */
const renderer = {
  draw(ctx: RecordingContext, scene: SceneNode, bounds: unknown, markTypes?: string[]): void {
    if (scene.marktype !== 'group' && markTypes != null && !markTypes.includes(scene.marktype)) return;
    const mark = Marks[scene.marktype];
    if (!mark) return;
    const c = ctx as RecordingContext & Record<string, (...a: unknown[]) => void>;
    if (scene.clip) {
      c.save();
      c.beginPath();
      if (typeof scene.clip === 'function') scene.clip(ctx);
      else c.rect(0, 0, scene.group?.width || 0, scene.group?.height || 0);
      c.clip();
    }
    mark.draw.call(this, ctx, scene, bounds, markTypes);
    if (scene.clip) c.restore();
  },
  /** Image marks ask the renderer for their image; we never load any. */
  loadImage(): Promise<{ complete: boolean; width: number; height: number }> {
    return new Promise(() => {});
  },
};

/** The Canvas 2D calls that draw `scene` (a vega scenegraph root) with (0,0) at its origin. */
export function recordChart(scene: unknown): ChartOp[] {
  const ctx = new RecordingContext();
  // While drawing, vega truncates text itself and must measure exactly the strings it asks about.
  withRawTextMetrics(() => renderer.draw(ctx, scene as SceneNode, null));
  return ctx.ops;
}
