// One compiled chart per (chart, width, height, theme): in memory for the build session (both
// documents, every watch rebuild), and on disk between builds when a DiskCache is given. vega
// and vega-lite are loaded only when a chart actually has to be compiled.
import { fontSetId } from '../fonts/fontRegistry.js';
import type { ChartDrawing } from '../charts/chartDrawing.js';
import { isDrawnData } from '../charts/drawnData.js';
import type { ChartImageSources } from '../charts/chartImages.js';
import { defaultChartTheme, type ChartTheme } from '../charts/chartTheme.js';
import type { Source } from '../load/sourceTypes.js';
import type { Template } from '../load/templateTypes.js';
import type { BuildSession } from './buildSession.js';
import { chartImageFiles } from './chartImageFiles.js';
import type { DiskCache } from './diskCache.js';

export function chartThemeFor(t: Template): ChartTheme {
  return {
    ...defaultChartTheme,
    textColor: t.colors.text,
    mutedColor: t.colors.muted,
    palette: [t.colors.accent, t.colors.warm, ...defaultChartTheme.palette.slice(1)],
    fontSize: t.chart.fontSize,
  };
}

/**
 * The chart's drawing, and whether it was reused (from memory or disk) rather than compiled now.
 * `maxHeight`: the most height the chart may take on the page (see compileChart).
 */
export function compileCached(session: BuildSession, source: Source, t: Template, name: string, width: number, height: number, disk?: DiskCache, maxHeight?: number): { drawing: Promise<ChartDrawing>; reused: boolean } {
  const memory = session.charts;
  const spec = source.charts.get(name)!;
  const datasets: Record<string, Record<string, unknown>[]> = {};
  // Every column of every row, empty cells as null (a missing value, not a "" category) and
  // dates as their ISO text, which the chart compiler reads as UTC (src/load/dataCells.ts).
  // Copies, since vega adds its own fields to the objects it is given.
  for (const d of spec.dataNames) datasets[d] = source.tables.get(d)!.rows.map((r) => ({ ...r }));
  const theme = chartThemeFor(t);
  // Image marks' pictures are read now; their bytes (hashed) are part of the key.
  const pictures = chartImageFiles(source.root, spec.spec, datasets, spec.file);
  // The spec file is part of the key: warnings name it; so are the brand fonts chart text is measured in.
  const key = JSON.stringify([spec.file, spec.spec, datasets, theme, width, height, maxHeight ?? null, pictures.key, ...(fontSetId() ? [fontSetId()] : [])]);
  let hit = memory.get(key);
  let reused = !!hit;
  if (!hit) {
    const stored = disk?.get<ChartDrawing>('chart', key);
    reused = isDrawing(stored);
    hit = reused ? Promise.resolve(stored!) : compile(spec.spec, datasets, theme, { width, height, maxHeight, images: pictures.images }, spec.file, key, disk);
    hit.catch(() => memory.delete(key));
    memory.set(key, hit);
  }
  return { drawing: hit, reused };
}

async function compile(
  spec: object, datasets: Record<string, Record<string, unknown>[]>, theme: ChartTheme,
  size: { width: number; height: number; maxHeight?: number; images: ChartImageSources }, specFile: string, key: string, disk?: DiskCache,
): Promise<ChartDrawing> {
  const { compileChart } = await import('../charts/compileChart.js');
  const { leaveOutMissingCategories } = await import('../charts/missingCategories.js');
  const { scene: _scene, ...drawing } = await compileChart({ spec: leaveOutMissingCategories(spec, datasets), datasets, theme, ...size, specFile });
  disk?.put('chart', key, drawing);
  return drawing;
}

/** A stored entry in the shape of a drawing (anything else is treated as a miss). */
function isDrawing(d: unknown): d is ChartDrawing {
  const c = d as ChartDrawing | undefined;
  const strings = (xs: unknown) => Array.isArray(xs) && xs.every((x) => typeof x === 'string');
  return !!c && typeof c === 'object' && Number.isFinite(c.width) && Number.isFinite(c.height) &&
    Array.isArray(c.origin) && c.origin.length === 2 && c.origin.every(Number.isFinite) && typeof c.background === 'string' &&
    strings(c.texts) && strings(c.warnings) && strings(c.datumKeys) && isDrawnData(c.drawn) &&
    Array.isArray(c.ops) && c.ops.every((op) => Array.isArray(op) && typeof op[0] === 'string') &&
    (c.images === undefined || (Array.isArray(c.images) && c.images.every((i) => typeof i?.data === 'string' && typeof i.id === 'string' && i.width > 0 && i.height > 0)));
}
