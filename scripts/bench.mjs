// npm run bench: the real CLI, as a new process each time, after a warm-up. Prints a table of
// medians and spreads and writes the same numbers to output/bench.json.
//   cold      process start → both sample PDFs written (and each stage), three ways:
//               with the build cache the previous build left (same content),
//               with it after a one-word edit (the everyday case: edit, build, look),
//               with an empty cache (the first build of a fresh clone)
//   npm run build the README's command, as typed: a new npm process building the sample
//             project itself (output/, .cache/ of the repository) with the cache of the last
//             build; once as is, once after a `touch` of a source file (the launcher hashes
//             src/ again, finds the same content and does not bundle)
//   watch     warm rebuild in `report watch` after a one-word edit, a data change, a chart change
//   synthetic a 100-page and a 500-page generated document: layout and total (--no-cache, so
//             the line breaker really runs)
//   merge     report merge for 1,000 recipients in one process (scripts/bench-merge.mjs)
//   hostile   pathological inputs (a long word, footnotes, include fan-out, inputs at the size
//             limits, a PNG bomb), one build each (scripts/bench-hostile.mjs)
//             and a chart over an expression budget, one with a catastrophic regexp, one that runs
//             for ever and one that eats memory: time until the build fails (BENCH_HOSTILE=0
//             leaves them out)
// Peak RSS is the child's own maxRSS (process.resourceUsage), reported by the CLI.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync, utimesSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchMerge } from './bench-merge.mjs';
import { benchHostile } from './bench-hostile.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin/report.cjs');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const { syntheticMarkdown } = await import(join(ROOT, 'dist/synthetic.mjs'));

function scratch() {
  const dir = mkdtempSync(join(tmpdir(), 'report-bench-'));
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
  return dir;
}

function buildOnce(dir, args = []) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'build', '--root', dir, '--out', join(dir, 'out'), ...args], { env: { ...process.env, REPORT_BENCH: '1' }, encoding: 'utf8' });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
  const line = r.stdout.split('\n').find((l) => l.startsWith('BENCH '));
  const info = JSON.parse(line.slice(6));
  return { wall, ...info.stages, rssMb: info.maxRssKb / 1024 };
}

/** `npm run build` in the repository, timed from spawning npm to its exit. */
function npmBuild() {
  // Without the npm_* variables of `npm run bench`: as if typed in a shell.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k)));
  const t0 = performance.now();
  const r = spawnSync('npm', ['run', 'build'], { cwd: ROOT, env, encoding: 'utf8' });
  const wall = performance.now() - t0;
  if (r.status !== 0) throw new Error(`npm run build failed: ${r.stderr}`);
  if (/bundling/.test(r.stderr)) throw new Error('npm run build bundled: run the benchmark on a fresh bundle');
  return { wall };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs) => [Math.min(...xs), Math.max(...xs)];

function series(samples) {
  const keys = Object.keys(samples[0]);
  const out = {};
  for (const k of keys) {
    const xs = samples.map((s) => s[k]);
    out[k] = { median: median(xs), min: spread(xs)[0], max: spread(xs)[1] };
  }
  return out;
}

function repeat(n, f) {
  f(); // warm-up: file cache, V8 code cache of node itself
  return series(Array.from({ length: n }, f));
}

async function watchBench(edits) {
  const dir = scratch();
  const child = spawn(process.execPath, [CLI, 'watch', '--root', dir, '--out', join(dir, 'out')], { env: { ...process.env, REPORT_BENCH: '1' } });
  let buf = '';
  const waiters = [];
  child.stdout.on('data', (d) => {
    buf += d;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, i);
      buf = buf.slice(i + 1);
      const m = /^✓ .* in (\d+) ms$/.exec(line);
      if (m) waiters.shift()?.(Number(m[1]));
    }
  });
  child.stderr.on('data', (d) => process.stderr.write(d));
  const next = () => new Promise((res, rej) => { waiters.push(res); setTimeout(() => rej(new Error('watch timed out')), 30000); });
  await next(); // initial build
  const results = {};
  for (const [name, file, from, to] of edits) {
    const path = join(dir, file);
    const original = readFileSync(path, 'utf8');
    const times = [];
    for (let i = 0; i <= RUNS; i++) {
      writeFileSync(path, original.replace(from, i % 2 ? from : to));
      const ms = await next();
      if (i > 0) times.push(ms); // the first rebuild after start warms the JIT
    }
    writeFileSync(path, original);
    await next();
    results[name] = { median: median(times), min: Math.min(...times), max: Math.max(...times) };
  }
  child.kill();
  rmSync(dir, { recursive: true, force: true });
  return results;
}

function syntheticProject(pages) {
  const dir = scratch();
  writeFileSync(join(dir, 'content/brief.md'), syntheticMarkdown({ pages, charts: ['forced-labour', 'scale', 'timeline'] }));
  return dir;
}

const results = { machine: { cpus: cpus().length, model: cpus()[0]?.model, memGb: Math.round(totalmem() / 2 ** 30), node: process.version }, runs: RUNS };

const sample = scratch();
results.cold = repeat(RUNS, () => buildOnce(sample));
{
  const brief = join(sample, 'content/brief.md');
  const original = readFileSync(brief, 'utf8');
  let n = 0;
  results.coldAfterEdit = repeat(RUNS, () => {
    writeFileSync(brief, original.replace('form of modern slavery', n++ % 2 ? 'form of modern slavery' : 'form of contemporary slavery'));
    return buildOnce(sample);
  });
  writeFileSync(brief, original);
}
results.coldEmptyCache = repeat(RUNS, () => {
  rmSync(join(sample, '.cache'), { recursive: true, force: true });
  return buildOnce(sample);
});
// Hostile charts (issue 12): each once, as the runaway ones take their 20 s or 512 MB.
if (process.env.BENCH_HOSTILE !== '0') {
  results.hostileCharts = {
    'sequence(0, 1e9), stopped by its budget': hostileChart([{ calculate: 'length(sequence(0, 1e9))', as: 'n' }]),
    'catastrophic regexp, refused': hostileChart([{ filter: `test(/(a+)+$/, '${'a'.repeat(60)}b')` }]),
    'runs for ever, stopped at 20 s': hostileChart([{ filter: `test(/a*a*a*a*a*a*b/, '${'a'.repeat(9000)}')` }]),
    'eats memory, stopped at 512 MB': hostileChart([{ calculate: 'sequence(0, 100000)', as: 'a' }, { flatten: ['a'] }, { calculate: 'sequence(0, 100000)', as: 'b' }, { flatten: ['b'] }]),
  };
}
results.npmBuild = repeat(RUNS, npmBuild);
results.npmBuildAfterTouch = repeat(RUNS, () => {
  const now = new Date();
  utimesSync(join(ROOT, 'src/cli/main.ts'), now, now);
  return npmBuild();
});
results.watch = await watchBench([
  ['one-word edit', 'content/brief.md', 'form of modern slavery', 'form of contemporary slavery'],
  ['data change', 'content/data/ilo.csv', '99000000000', '98000000000'],
  ['chart change', 'content/charts/scale.vl.json', '"height"', '"width": "container", "height"'],
]);
const docs = {};
for (const pages of [100, 500]) {
  const dir = syntheticProject(pages);
  const probe = buildOnce(dir, ['brief', '--no-cache']);
  docs[pages] = repeat(pages > 200 ? Math.min(RUNS, 3) : Math.min(RUNS, 5), () => buildOnce(dir, ['brief', '--no-cache']));
  docs[pages].pages = readPages(join(dir, 'out/brief.pdf'));
  void probe;
}
results.synthetic = docs;
results.batch = batchRss(Number(process.env.BENCH_BATCH ?? 1000));
results.merge = benchMerge(Number(process.env.BENCH_MERGE ?? 1000));
results.hostile = benchHostile(ROOT);
rmSync(sample, { recursive: true, force: true });

/**
 * The sample with `transform` planted in its scale chart (placed in both documents): wall time
 * from start to the build failing with exit 2, the other charts coming from the cache.
 */
function hostileChart(transform) {
  const dir = scratch();
  buildOnce(dir);
  const file = join(dir, 'content/charts/scale.vl.json');
  const spec = JSON.parse(readFileSync(file, 'utf8'));
  spec.transform = [...transform, ...(spec.transform ?? [])];
  writeFileSync(file, JSON.stringify(spec, null, 2));
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'build', '--root', dir, '--out', join(dir, 'out'), '--quiet'], { encoding: 'utf8', timeout: 120_000 });
  const wall = performance.now() - t0;
  rmSync(dir, { recursive: true, force: true });
  if (r.status !== 2) throw new Error(`a hostile chart should fail the build with exit 2, got ${r.status ?? r.signal}: ${r.stderr}`);
  return { wall, error: r.stderr.trim().split('\n')[0] };
}

/** Builds the handout N times in one process through the API; RSS after a GC at checkpoints. */
function batchRss(n) {
  const script = `
    const { buildProject } = await import(${JSON.stringify(join(ROOT, 'dist/api.mjs'))});
    const marks = new Set([1, 10, 100, 250, 500, 750, 1000, ${n}]);
    const out = [];
    const t0 = performance.now();
    for (let i = 1; i <= ${n}; i++) {
      await buildProject({ root: ${JSON.stringify(ROOT)}, only: ['handout'], dryRun: true });
      if (marks.has(i)) { globalThis.gc(); out.push([i, process.memoryUsage().rss / 2 ** 20]); }
    }
    console.log(JSON.stringify({ rss: out, msPerBuild: (performance.now() - t0) / ${n} }));`;
  const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}

function readPages(pdf) {
  const s = readFileSync(pdf, 'latin1');
  const m = /\/Type\s*\/Pages[^>]*\/Count\s+(\d+)/.exec(s);
  return m ? Number(m[1]) : null;
}

const f = (x) => `${x.median.toFixed(0)} ms (${x.min.toFixed(0)}–${x.max.toFixed(0)})`;
const rows = [
  ['cold build, both sample PDFs (cache of the last build)', f(results.cold.wall), `${results.cold.rssMb.median.toFixed(0)} MB`],
  ...['load', 'parse', 'charts', 'layout', 'write'].map((s) => [`  stage: ${s}`, f(results.cold[s]), '']),
  ['cold build after a one-word edit', f(results.coldAfterEdit.wall), `${results.coldAfterEdit.rssMb.median.toFixed(0)} MB`],
  ['cold build, empty cache (fresh clone)', f(results.coldEmptyCache.wall), `${results.coldEmptyCache.rssMb.median.toFixed(0)} MB`],
  ...['load', 'parse', 'charts', 'layout', 'write'].map((s) => [`  stage: ${s}`, f(results.coldEmptyCache[s]), '']),
  ['npm run build (the README\'s command, cache of the last build)', f(results.npmBuild.wall), ''],
  ['npm run build after touching a source file (hash, no bundling)', f(results.npmBuildAfterTouch.wall), ''],
  ...Object.entries(results.watch).map(([k, v]) => [`watch rebuild: ${k}`, f(v), '']),
  ...Object.entries(docs).flatMap(([p, d]) => [
    [`synthetic ${p} pages (${d.pages} PDF pages): total`, f(d.wall), `${d.rssMb.median.toFixed(0)} MB`],
    [`synthetic ${p} pages: layout`, f(d.layout), ''],
  ]),
];
for (const [k, v] of Object.entries(results.hostileCharts ?? {})) rows.push([`hostile chart: ${k} (exit 2)`, `${v.wall.toFixed(0)} ms`, '']);
rows.push([`batch: ${results.batch.rss.at(-1)[0]} handout builds in one process`, `${results.batch.msPerBuild.toFixed(0)} ms each`, `RSS ${results.batch.rss.map(([i, mb]) => `${i}:${mb.toFixed(0)}`).join(' ')} MB`]);
{
  const m = results.merge;
  rows.push([`merge: ${m.recipients} letters + brief in one process`, `${m.perRecipient.wall.toFixed(0)} ms each (${m.perRecipient.cpu.toFixed(0)} ms CPU)`, `RSS ${Object.entries(m.rssMb).map(([i, mb]) => `${i}:${mb.toFixed(0)}`).join(' ')} MB`]);
}
for (const [k, v] of Object.entries(results.hostile)) rows.push([`hostile: ${k}, exit ${v.exit}`, `${v.ms.toFixed(0)} ms (one run)`, v.rssMb ? `${v.rssMb.toFixed(0)} MB` : '']);
const w = Math.max(...rows.map((r) => r[0].length));
console.log(`machine: ${results.machine.cpus} × ${results.machine.model}, ${results.machine.memGb} GB, node ${results.machine.node}; ${RUNS} runs after a warm-up, median (min–max)`);
console.log(`${'measure'.padEnd(w)}  ${'time'.padEnd(22)}  peak RSS`);
for (const r of rows) console.log(`${r[0].padEnd(w)}  ${r[1].padEnd(22)}  ${r[2]}`);
mkdirSync(join(ROOT, 'output'), { recursive: true });
writeFileSync(join(ROOT, 'output/bench.json'), JSON.stringify(results, null, 2) + '\n');
console.log('wrote output/bench.json');
