// Worker-thread entry of the chart sandbox as bundled (dist/chart-worker.mjs). The worker's code
// (chartWorker.ts with vega, vega-lite and fontkit: dist/chart-worker.cjs, ~1.8 MB) is run
// through V8's code cache, as bin/report.cjs runs the CLI: a worker started without it compiled
// that code at every build that compiles a chart (a fresh clone, an edited chart, --no-cache),
// ~60–100 ms of the sample's chart stage. The first worker of a new bundle saves the cache once its first chart is
// done (by then the code a chart needs has been compiled); later workers start from it.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { CHART_WORKER_READY } from './chartWorkerReady.js';

declare const __REPORT_BUILD_ID__: string;

const file = fileURLToPath(new URL('./chart-worker.cjs', import.meta.url));
// V8 checks little more than the source's length before accepting cached code: the file name
// carries the bundle's build id and node's version, so a new bundle never runs old bytecode.
const cacheFile = `${file}.${process.version}.${__REPORT_BUILD_ID__}.v8cache`;

let cachedData: Buffer | undefined;
try {
  cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(Module.wrap(readFileSync(file, 'utf8')), { filename: file, cachedData });
if (!cachedData || script.cachedDataRejected) {
  (globalThis as Record<string, unknown>)[CHART_WORKER_READY] = () => {
    try {
      // Written whole or not at all; a read-only install runs without the cache.
      const tmp = `${cacheFile}.${process.pid}.${Date.now()}.tmp`;
      writeFileSync(tmp, script.createCachedData());
      renameSync(tmp, cacheFile);
    } catch {
      // no cache, as before
    }
  };
}
const module = { exports: {} };
const run = script.runInThisContext() as (exports: object, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
run.call(module.exports, module.exports, createRequire(file), module, file, dirname(file));
