// One compiled chart per (chart, width, height, theme) per process: both documents and every
// watch rebuild share it, so an unchanged chart is never compiled twice.
import { compileChart, type ChartScene } from '../charts/compileChart.js';
import { defaultChartTheme, type ChartTheme } from '../charts/chartTheme.js';
import type { Source } from '../load/sourceTypes.js';
import type { Template } from '../load/templateTypes.js';

const cache = new Map<string, Promise<ChartScene>>();

export function chartThemeFor(t: Template): ChartTheme {
  return {
    ...defaultChartTheme,
    textColor: t.colors.text,
    mutedColor: t.colors.muted,
    palette: [t.colors.accent, t.colors.warm, ...defaultChartTheme.palette.slice(1)],
    fontSize: t.kind === 'handout' ? 7.5 : 8,
  };
}

export function compileCached(source: Source, t: Template, name: string, width: number, height: number): Promise<ChartScene> {
  const spec = source.charts.get(name)!;
  const datasets: Record<string, Record<string, unknown>[]> = {};
  for (const d of spec.dataNames) datasets[d] = source.tables.get(d)!.figures.map((f) => ({ ...f.row }));
  const theme = chartThemeFor(t);
  const key = JSON.stringify([spec.spec, datasets, theme, width, height]);
  let hit = cache.get(key);
  if (!hit) {
    hit = compileChart({ spec: spec.spec, datasets, theme, width, height, specFile: spec.file });
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
  }
  return hit;
}
