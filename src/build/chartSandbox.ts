// Charts are compiled in a worker thread with a heap limit and a time limit, so a runaway chart
// (an endless or huge computation that no static check or expression budget caught) becomes
// one located error in seconds while the other charts still compile: "content/charts/x.vl.json:
// chart did not finish in 20 s" or "… used more than 512 MB of memory", exit 2.
//
// One worker serves the whole build, one chart at a time, and is started only when a chart
// actually has to be compiled (charts from the cache need none). A worker that ran out of time
// or memory is discarded and the next chart gets a fresh one. An idle worker does not keep the
// process alive.
import { workerExecArgv } from './workerExecArgv.js';
import { Worker } from 'node:worker_threads';
import { InputError, InputErrors } from '../errors.js';
import type { ChartDrawing } from '../charts/chartDrawing.js';
import type { ChartJob } from '../charts/chartJob.js';

/** Per chart: the most time it may take, and the most heap its worker may use. */
export interface ChartLimits {
  timeMs: number;
  heapMb: number;
}

export const DEFAULT_CHART_LIMITS: ChartLimits = { timeMs: 20_000, heapMb: 512 };

type InputReply = { file: string; line?: number; col?: number; problem: string; hint?: string };

/** What the worker posts back for a chart. */
export type ChartReply =
  | { id: number; ok: true; drawing: ChartDrawing }
  | { id: number; ok: false; input?: InputReply[]; message?: string; stack?: string };

interface Pending {
  id: number;
  job: ChartJob;
  resolve: (d: ChartDrawing) => void;
  reject: (e: Error) => void;
}

const RUNAWAY_HINT = 'look for a very large sequence or data set, many repeated transforms, or a complicated regular expression';

export class ChartSandbox {
  private worker?: Worker;
  private readonly queue: Pending[] = [];
  private current?: Pending;
  private timer?: NodeJS.Timeout;
  private nextId = 1;
  /**
   * Specs that ran out of time or memory, by file and text: the same spec at another size (a
   * chart placed in two documents) fails at once with the same error rather than again in 20 s.
   */
  private readonly runaway = new Map<string, InputError>();

  constructor(readonly url: URL, private readonly limits: ChartLimits = DEFAULT_CHART_LIMITS) {}

  compile(job: ChartJob): Promise<ChartDrawing> {
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, job, resolve, reject });
      this.pump();
    });
  }

  /** Starts the worker now, ahead of the first chart, when that one is sure to come. */
  prewarm(): void {
    if (this.worker) return;
    this.worker = this.start();
    if (!this.current) this.worker.unref();
  }

  /** Stops the worker (tests; a build lets an idle worker be). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    if (w) await w.terminate();
  }

  private pump(): void {
    if (this.current) return;
    const next = this.queue.shift();
    if (!next) {
      this.worker?.unref();
      return;
    }
    const known = this.runaway.get(runawayKey(next.job));
    if (known) {
      next.reject(known);
      this.pump();
      return;
    }
    this.current = next;
    const w = (this.worker ??= this.start());
    w.ref();
    this.timer = setTimeout(() => {
      this.fail(this.ranAway(next.job, `chart did not finish in ${Math.round(this.limits.timeMs / 1000)} s`));
    }, this.limits.timeMs);
    w.postMessage({ id: next.id, job: next.job });
  }

  private start(): Worker {
    const w = new Worker(this.url, { execArgv: workerExecArgv(), resourceLimits: { maxOldGenerationSizeMb: this.limits.heapMb } });
    w.on('message', (r: ChartReply) => {
      const p = this.current;
      if (!p || r.id !== p.id || w !== this.worker) return;
      this.settle();
      if (r.ok) p.resolve(r.drawing);
      else if (r.input) p.reject(inputErrors(r.input));
      else p.reject(Object.assign(new Error(r.message ?? 'chart compilation failed'), r.stack ? { stack: r.stack } : {}));
      this.pump();
    });
    w.on('error', (e: Error & { code?: string }) => {
      if (w !== this.worker) return;
      const job = this.current?.job;
      this.fail(e.code === 'ERR_WORKER_OUT_OF_MEMORY' && job ? this.ranAway(job, `chart used more than ${this.limits.heapMb} MB of memory`) : e);
    });
    w.on('exit', (code) => {
      if (w === this.worker) this.fail(new Error(`the chart worker stopped (exit code ${code})`));
    });
    return w;
  }

  private ranAway(job: ChartJob, problem: string): InputError {
    const e = new InputError({ file: job.specFile }, problem, RUNAWAY_HINT);
    this.runaway.set(runawayKey(job), e);
    return e;
  }

  private settle(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.current = undefined;
  }

  /** The chart in progress fails with `e`; its worker is discarded and the queue goes on. */
  private fail(e: Error): void {
    const p = this.current;
    const w = this.worker;
    this.worker = undefined;
    this.settle();
    void w?.terminate();
    p?.reject(e);
    this.pump();
  }
}

const runawayKey = (job: ChartJob) => job.specFile + '\u0000' + JSON.stringify(job.spec);

function inputErrors(list: InputReply[]): InputError | InputErrors {
  const errors = list.map((e) => new InputError({ file: e.file, line: e.line, col: e.col }, e.problem, e.hint));
  return errors.length === 1 ? errors[0] : new InputErrors(errors);
}

let shared: ChartSandbox | undefined;

/** The build's sandbox for charts compiled by the worker bundled at `url`. */
export function chartSandbox(url: URL): ChartSandbox {
  if (!shared || shared.url.href !== url.href) shared = new ChartSandbox(url);
  return shared;
}
