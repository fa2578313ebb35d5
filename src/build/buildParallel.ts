// `--jobs N`: each document is laid out and rendered in its own worker thread; the main thread
// writes all PDFs at once at the end (all or nothing, as in a single-threaded build).
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { InputError, throwErrors } from '../errors.js';
import { BUILT_IN_KINDS } from '../documents/builtInKinds.js';
import { KindRegistry } from '../documents/kindRegistry.js';
import { loadConfig } from '../load/loadConfig.js';
import type { DocumentName } from '../load/sourceTypes.js';
import type { BuildOptions, BuiltDocument } from './buildProject.js';
import { workerExecArgv } from './workerExecArgv.js';
import { writeAllAtomic } from './writeAtomic.js';

export type WrittenDocument = Omit<BuiltDocument, 'laid'>;

/** What a worker sends back: a document, or the errors that stopped it. */
export type WorkerReply =
  | { ok: true; doc: Omit<WrittenDocument, 'pdf'> & { pdf: Uint8Array }; warnings: string[]; stages: Record<string, number> }
  | { ok: false; input?: { file: string; line?: number; col?: number; problem: string; hint?: string }[]; message?: string };

export interface ParallelResult {
  documents: WrittenDocument[];
  warnings: string[];
  /** Wall time per document in its worker, and of the whole build. */
  stages: Record<string, number>;
}

export async function buildParallel(opts: BuildOptions & { jobs: number; workerUrl: URL }): Promise<ParallelResult> {
  const t0 = performance.now();
  // Bad config is reported here, before any worker starts.
  const docs = [...(opts.only?.length ? opts.only : loadConfig(opts.root, new KindRegistry([...BUILT_IN_KINDS, ...(opts.kinds ?? [])])).documents.map((d) => d.name))];
  const jobs = Math.max(1, Math.min(opts.jobs, docs.length, availableParallelism()));
  const replies = new Map<DocumentName, WorkerReply>();
  const queue = [...docs];
  await Promise.all(Array.from({ length: jobs }, async () => {
    for (let name = queue.shift(); name; name = queue.shift()) {
      replies.set(name, await runWorker(opts.workerUrl, { root: opts.root, only: [name], paper: opts.paper, cache: opts.cache, html: opts.html }));
    }
  }));
  const errors: InputError[] = [];
  const documents: WrittenDocument[] = [];
  const warnings: string[] = [];
  const stages: Record<string, number> = {};
  const outDir = opts.outDir ?? join(opts.root, 'output');
  for (const name of docs) {
    const r = replies.get(name)!;
    if (!r.ok) {
      if (r.input) errors.push(...r.input.map((e) => new InputError({ file: e.file, line: e.line, col: e.col }, e.problem, e.hint)));
      else throw new Error(r.message ?? `building ${name} failed`);
      continue;
    }
    warnings.push(...r.warnings);
    stages[name] = Object.values(r.stages).reduce((a, x) => a + x, 0);
    // The worker's Buffer arrives as a Uint8Array.
    const html = r.doc.html && { file: join(outDir, 'html', `${name}.html`), data: Buffer.from(r.doc.html.data) };
    documents.push({ ...r.doc, file: join(outDir, `${name}.pdf`), pdf: Buffer.from(r.doc.pdf), html });
  }
  // The same error may come from both workers (a broken data file): reported once, in order.
  throwErrors(errors);
  if (!opts.dryRun) writeAllAtomic(documents.flatMap((d) => [{ path: d.file, data: d.pdf }, ...(d.html ? [{ path: d.html.file, data: d.html.data }] : [])]));
  stages.total = performance.now() - t0;
  // A chart both documents draw warns in both workers: print it once.
  return { documents, warnings: [...new Set(warnings)], stages };
}

function runWorker(url: URL, data: { root: string; only: DocumentName[]; paper?: 'a4' | 'letter'; cache?: { dir: string; version: string }; html?: boolean }): Promise<WorkerReply> {
  return new Promise((resolve) => {
    const w = new Worker(url, { workerData: data, execArgv: workerExecArgv() });
    w.once('message', (m: WorkerReply) => resolve(m));
    w.once('error', (e) => resolve({ ok: false, message: e.message }));
    w.once('exit', (code) => {
      if (code !== 0) resolve({ ok: false, message: `worker exited with code ${code}` });
    });
  });
}
