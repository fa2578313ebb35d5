// Worker-thread entry of the chart sandbox (chartSandbox.ts): compiles one chart per message,
// for as long as the build needs it, and posts each drawing or error back. It runs with a heap
// limit and is terminated when a chart takes too long, so a runaway chart costs this thread
// only, never the build.
import { parentPort } from 'node:worker_threads';
import { InputError, InputErrors } from '../errors.js';
import { runChartJob, type ChartJob } from '../charts/chartJob.js';
import type { ChartReply } from './chartSandbox.js';
import { chartWorkerReady } from './chartWorkerReady.js';

const input = (e: InputError) => ({ file: e.place.file, line: e.place.line, col: e.place.col, problem: e.problem, hint: e.hint });

parentPort!.on('message', async ({ id, job }: { id: number; job: ChartJob }) => {
  let reply: ChartReply;
  try {
    reply = { id, ok: true, drawing: await runChartJob(job) };
  } catch (e) {
    reply =
      e instanceof InputErrors ? { id, ok: false, input: e.errors.map(input) }
    : e instanceof InputError ? { id, ok: false, input: [input(e)] }
        : { id, ok: false, message: (e as Error)?.message ?? String(e), stack: (e as Error)?.stack };
  }
  parentPort!.postMessage(reply);
  // After the reply, so the build does not wait for the code cache to be written.
  setImmediate(chartWorkerReady);
});
