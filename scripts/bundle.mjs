// Bundles the CLI into one file. Module loading dominates a cold build (vega and vega-lite are
// hundreds of files); one bundle loads in about half the time, and bin/report.cjs then runs it
// through V8's code cache.
//
// bin/report.cjs (so `npm run build`) calls bundle() in its own process when the sources
// changed since the last bundle (scripts/bundle-stamp.cjs decides, from file sizes and times,
// then content). `node scripts/bundle.mjs` (`npm run bundle`) does the same check on its own;
// `--force` bundles anyway (esbuild takes ~1.5 s, and a new bundle also invalidates the code
// cache).
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { OUTPUTS, ID_FILE, STAMP, bundleStatus, manifest, contentId, writeAtomic, writeStamp } = require('./bundle-stamp.cjs');

export const ROOT = resolve(import.meta.dirname, '..');

/**
 * Bundles src/ into dist/ under root unless it is up to date (or `force`). `status` is a
 * bundleStatus() the caller already has. Returns { bundled, buildId }.
 */
export async function bundle({ root = ROOT, force = false, status } = {}) {
  status ??= force ? undefined : bundleStatus(root);
  if (status?.fresh) return { bundled: false, buildId: status.buildId };
  // The build id identifies this code and its dependencies (fonts included, via the lock file).
  const files = status?.files ?? manifest(root);
  const buildId = status?.buildId ?? contentId(root, files);
  const { build } = await import('esbuild');

  const common = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // pdfkit loads its standard-font data through package imports the bundler cannot follow:
    // it and its fontkit stay in node_modules.
    // pdf-lib is loaded only by `report preflight` and `--impose`, from node_modules.
    external: ['pdfkit', 'fontkit', 'pdf-lib'],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
    legalComments: 'none',
    // Smaller source parses faster at every start; names are kept for readable stack traces.
    minifyWhitespace: true,
    minifySyntax: true,
    define: { __REPORT_BUILD_ID__: JSON.stringify(buildId) },
    // Written below, each file whole (temporary file, then rename), so that a launcher starting
    // meanwhile never reads half a bundle.
    write: false,
  };
  const one = async (options) => (await build({ ...common, ...options })).outputFiles[0];
  // The bundles are independent: esbuild builds them at once.
  // CommonJS bundles run through V8's code cache (bin/report.cjs, src/build/chartWorkerLoader.ts).
  // vega-canvas's top-level `await import('canvas')` cannot go into CommonJS: it is replaced by
  // a stub. pdfkit and fontkit are bundled too, so the code cache covers them (loading them
  // from node_modules compiled ~100 ms of JavaScript at every start). pdfkit's standard fonts
  // stay unreachable, which is what we want: no document uses them (tests/fonts.test.ts).
  const cachedCjs = {
    format: 'cjs',
    alias: {
      'vega-canvas': './src/charts/noNodeCanvas.ts',
      'unicode-trie': './src/fonts/lazyUnicodeTrie.cjs',
      'brotli/decompress.js': './src/fonts/noBrotli.cjs',
      zlib: './src/render/memoZlib.cjs',
    },
    external: ['pdf-lib'],
    define: { ...common.define, 'import.meta.url': '__importMetaUrl' },
    banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  };
  const [cli, api, worker, synthetic, chartLoader, chartWorker] = await Promise.all([
    // The CLI, which bin/report.cjs loads through V8's code cache.
    one({ ...cachedCjs, entryPoints: ['src/cli/report.ts'], outfile: 'dist/report.cjs' }),
    // The programmatic API (batch builds).
    one({ entryPoints: ['src/api.ts'], outfile: 'dist/api.mjs' }),
    // Worker thread of `report build --jobs N`.
    one({ entryPoints: ['src/build/buildWorker.ts'], outfile: 'dist/build-worker.mjs' }),
    // The benchmark's synthetic documents.
    one({ entryPoints: ['src/synthetic/syntheticMarkdown.ts'], outfile: 'dist/synthetic.mjs' }),
    // The chart sandbox's worker thread (src/build/chartSandbox.ts), started by the CLI, the
    // --jobs workers and the API alike: they all sit in dist/ next to it. Its entry is a small
    // loader that runs the worker's code (CommonJS) through V8's code cache.
    one({ entryPoints: ['src/build/chartWorkerLoader.ts'], outfile: 'dist/chart-worker.mjs' }),
    one({ ...cachedCjs, entryPoints: ['src/build/chartWorker.ts'], outfile: 'dist/chart-worker.cjs' }),
  ]);

  const dist = join(root, 'dist');
  mkdirSync(dist, { recursive: true });
  // Until the new id is written, the launcher treats dist/ as incomplete.
  rmSync(join(root, STAMP), { force: true });
  rmSync(join(root, ID_FILE), { force: true });
  // bin/report.cjs reads the bundle as Latin-1, which is ~25 ms faster than decoding 4.6 MB of
  // UTF-8 and the same string when every byte is ASCII. esbuild escapes non-ASCII text except
  // inside regular-expression literals; \uXXXX means the same there (and in strings).
  const ascii = cli.text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const contents = [ascii, api.contents, worker.contents, synthetic.contents, chartLoader.contents, chartWorker.contents];
  OUTPUTS.forEach((f, i) => writeAtomic(join(root, f), contents[i], f === 'dist/report.cjs' ? 0o755 : 0o644));
  // Code caches of earlier bundles (their names carry the old id) are of no more use.
  for (const f of readdirSync(dist)) if (f.endsWith('.v8cache')) rmSync(join(dist, f), { force: true });
  writeAtomic(join(root, ID_FILE), buildId);
  writeStamp(root, buildId, files);
  return { bundled: true, buildId };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await bundle({ force: process.argv.includes('--force') });
}
