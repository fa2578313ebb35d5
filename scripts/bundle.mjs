// Bundles the CLI into one ESM file. Module loading dominates a cold build (vega, vega-lite and
// pdfkit are hundreds of files); one bundle loads in about half the time.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // pdfkit reads its own data files relative to its folder, and fontkit must be the instance
  // pdfkit requires (the font registry shares parsed fonts with it): both stay outside.
  external: ['pdfkit', 'fontkit'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
  legalComments: 'none',
  // Smaller source parses faster at every start; names are kept for readable stack traces.
  minifyWhitespace: true,
  minifySyntax: true,
};

await build({ ...common, entryPoints: ['src/cli/report.ts'], outfile: 'dist/report.mjs' });
// The programmatic API (batch builds).
await build({ ...common, entryPoints: ['src/api.ts'], outfile: 'dist/api.mjs' });
// Worker thread of `report build --jobs N`.
await build({ ...common, entryPoints: ['src/build/buildWorker.ts'], outfile: 'dist/build-worker.mjs' });
// The benchmark's synthetic documents.
await build({ ...common, entryPoints: ['src/synthetic/syntheticMarkdown.ts'], outfile: 'dist/synthetic.mjs' });
