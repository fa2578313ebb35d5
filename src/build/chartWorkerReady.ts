/**
 * The global through which the chart worker's loader (chartWorkerLoader.ts) asks to be told that
 * the first chart is done, to save its code cache then; chartWorker.ts calls it once, if set.
 */
export const CHART_WORKER_READY = '__reportChartWorkerReady';

/** Calls the loader's hook once (and forgets it). */
export function chartWorkerReady(): void {
  const g = globalThis as Record<string, unknown>;
  const hook = g[CHART_WORKER_READY];
  if (typeof hook !== 'function') return;
  delete g[CHART_WORKER_READY];
  (hook as () => void)();
}
