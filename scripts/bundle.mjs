// Bundles the CLI into one file. Module loading dominates a cold build (vega and vega-lite are
// hundreds of files); one bundle loads in about half the time, and bin/report.cjs then runs it
// through V8's code cache.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // pdfkit loads its standard-font data through package imports the bundler cannot follow:
  // it and its fontkit stay in node_modules.
  external: ['pdfkit', 'fontkit'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
  // Smaller source parses faster at every start; names are kept for readable stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
};

// The CLI as CommonJS, which bin/report.cjs loads through V8's code cache. vega-canvas's
// top-level `await import('canvas')` cannot go into CommonJS: it is replaced by a stub.
mkdirSync('dist', { recursive: true });
for (const f of readdirSync('dist')) if (f.endsWith('.v8cache')) rmSync(join('dist', f));
await build({
  ...common,
  entryPoints: ['src/cli/report.ts'],
  outfile: 'dist/report.cjs',
  format: 'cjs',
  alias: { 'vega-canvas': './src/charts/noNodeCanvas.ts' },
  define: { 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
// The programmatic API (batch builds).
await build({ ...common, entryPoints: ['src/api.ts'], outfile: 'dist/api.mjs' });
// Worker thread of `report build --jobs N`.
await build({ ...common, entryPoints: ['src/build/buildWorker.ts'], outfile: 'dist/build-worker.mjs' });
// The benchmark's synthetic documents.
await build({ ...common, entryPoints: ['src/synthetic/syntheticMarkdown.ts'], outfile: 'dist/synthetic.mjs' });
