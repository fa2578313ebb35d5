// Worker-thread entry for `--jobs`: builds one document in memory and posts it back.
import { parentPort, workerData } from 'node:worker_threads';
import { InputError, InputErrors } from '../errors.js';
import { buildProject } from './buildProject.js';
import type { WorkerReply } from './buildParallel.js';

const input = (e: InputError) => ({ file: e.place.file, line: e.place.line, col: e.place.col, problem: e.problem, hint: e.hint });

try {
  const r = await buildProject({ ...(workerData as { root: string }), dryRun: true });
  const d = r.documents[0];
  const pdf = new Uint8Array(d.pdf.buffer, d.pdf.byteOffset, d.pdf.byteLength);
  const reply: WorkerReply = { ok: true, doc: { name: d.name, kind: d.kind, file: d.file, pages: d.pages, bytes: d.bytes, stats: d.stats, scale: d.scale, placement: d.placement, pdf, html: d.html }, warnings: r.warnings, stages: r.stages };
  parentPort!.postMessage(reply);
} catch (e) {
  const reply: WorkerReply =
    e instanceof InputErrors ? { ok: false, input: e.errors.map(input) }
  : e instanceof InputError ? { ok: false, input: [input(e)] }
    : { ok: false, message: (e as Error)?.message ?? String(e) };
  parentPort!.postMessage(reply);
}
