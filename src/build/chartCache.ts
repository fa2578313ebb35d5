// One compiled chart per (chart, width, height, theme): in memory for the build session (both
// documents, every watch rebuild), and on disk between builds when a DiskCache is given. vega
// and vega-lite are loaded only when a chart actually has to be compiled, in the chart sandbox's
// worker (chartSandbox.ts) when running as the bundle.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { currentFontSet, fontSetId } from '../fonts/fontRegistry.js';
import type { ChartDrawing } from '../charts/chartDrawing.js';
import { isDrawnData } from '../charts/drawnData.js';
import { runChartJob, type ChartJob } from '../charts/chartJob.js';
import { defaultChartTheme, type ChartTheme } from '../charts/chartTheme.js';
import type { Source } from '../load/sourceTypes.js';
import type { Template } from '../load/templateTypes.js';
import type { BuildSession } from './buildSession.js';
import { chartImageFiles } from './chartImageFiles.js';
import { chartSandbox } from './chartSandbox.js';
import { BUILD_ID, type DiskCache } from './diskCache.js';

/** Compiled charts a build session keeps in memory (a chart's drawing is tens of KB). */
const SESSION_CHART_LIMIT = 1_000;

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
    // A stored value of the wrong shape is a miss, and is deleted.
    if (stored !== undefined && !reused) disk?.drop('chart', key);
    hit = reused ? Promise.resolve(stored!) : compile({ spec: spec.spec, datasets, theme, width, height, maxHeight, images: pictures.images, specFile: spec.file, specText: spec.text, fontSet: currentFontSet() }, key, disk);
    hit.catch(() => memory.delete(key));
    // A long-lived session (watch, an API caller's) starts over rather than keep every chart
    // it ever compiled; a build holds its own charts' promises, so it loses nothing.
    if (memory.size >= SESSION_CHART_LIMIT) memory.clear();
    memory.set(key, hit);
  }
  return { drawing: hit, reused };
}

/**
 * The bundled chart worker (next to the bundle that runs: dist/chart-worker.mjs). Run from the
 * sources (tests), there is none and charts compile in this thread, within the same
 * expression budgets but without the time and memory limits.
 */
const CHART_WORKER = BUILD_ID ? new URL('./chart-worker.mjs', import.meta.url) : undefined;

/**
 * Without a disk cache every chart placed is compiled: the worker then starts while the project
 * loads and parses, rather than after (the first chart otherwise waits ~0.3 s for it).
 */
export function prewarmChartWorker(root: string): void {
  if (!CHART_WORKER) return;
  let specs: string[] = [];
  try {
    specs = readdirSync(join(root, 'content/charts')).filter((n) => n.endsWith('.vl.json'));
  } catch {
    // no charts folder: no charts
  }
  if (specs.length) chartSandbox(CHART_WORKER).prewarm();
}

async function compile(job: ChartJob, key: string, disk?: DiskCache): Promise<ChartDrawing> {
  const drawing = CHART_WORKER ? await chartSandbox(CHART_WORKER).compile(job) : await runChartJob(job);
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
