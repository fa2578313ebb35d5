// One chart to compile, as plain data that can cross to a worker thread (build/chartSandbox.ts)
// and back: the spec with its datasets, theme and frame in, the recorded drawing out.
import type { ChartDrawing } from './chartDrawing.js';
import type { ChartImageSources } from './chartImages.js';
import type { ChartTheme } from './chartTheme.js';
import { runWithFontScope, type FontSet } from '../fonts/fontRegistry.js';

export interface ChartJob {
  spec: object;
  datasets: Record<string, Record<string, unknown>[]>;
  theme: ChartTheme;
  width: number;
  height: number;
  maxHeight?: number;
  images: ChartImageSources;
  /** The spec's file, relative to the project root: every error and warning names it. */
  specFile: string;
  /** Its JSON text, for the line of an error found while compiling. */
  specText?: string;
  /**
   * The build's brand fonts: a worker thread has no build scope of its own, and charts must be
   * measured and drawn in the fonts the document uses.
   */
  fontSet?: FontSet;
}

/** Compiles the chart (vega and vega-lite are loaded on first use) and returns its drawing. */
export async function runChartJob(job: ChartJob): Promise<ChartDrawing> {
  return runWithFontScope({ set: withBuffers(job.fontSet) }, () => compileJob(job));
}

/** Font data comes out of a worker message as plain Uint8Arrays; fontkit wants Buffers. */
function withBuffers(set: FontSet | undefined): FontSet | undefined {
  if (!set) return undefined;
  const fonts: FontSet['fonts'] = {};
  for (const [k, f] of Object.entries(set.fonts)) {
    const data: Uint8Array = f.data;
    fonts[k as keyof FontSet['fonts']] = { ...f, data: Buffer.isBuffer(data) ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength) };
  }
  return { id: set.id, fonts };
}

async function compileJob(job: ChartJob): Promise<ChartDrawing> {
  const { compileChart } = await import('./compileChart.js');
  const { leaveOutMissingCategories } = await import('./missingCategories.js');
  const { spec, datasets, theme, width, height, maxHeight, images, specFile, specText } = job;
  const { scene: _scene, ...drawing } = await compileChart({ spec: leaveOutMissingCategories(spec, datasets), datasets, theme, width, height, maxHeight, images, specFile, specText });
  return drawing;
}
