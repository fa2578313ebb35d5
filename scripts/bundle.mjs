// Bundles the CLI into one file. Module loading dominates a cold build (vega and vega-lite are
// hundreds of files); one bundle loads in about half the time, and bin/report.cjs then runs it
// through V8's code cache.
//
// `npm run build` calls this before every build, so it does nothing when dist/ was made from
// the same sources (esbuild takes ~1.5 s, and a new bundle also invalidates the code cache);
// `--force` bundles anyway.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

// Identifies this code and its dependencies (fonts included, via the lock file): the disk cache
// of compiled charts (src/build/diskCache.ts) keeps one folder per build id.
const hash = createHash('sha256');
const addTree = (dir) => {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) addTree(p);
    else hash.update(p).update(readFileSync(p));
  }
};
addTree('src');
for (const f of ['package-lock.json', 'package.json', 'tsconfig.json']) hash.update(f).update(readFileSync(f));
hash.update(readFileSync(new URL(import.meta.url)));
const buildId = hash.digest('hex').slice(0, 16);

const OUTPUTS = ['dist/report.cjs', 'dist/api.mjs', 'dist/build-worker.mjs', 'dist/synthetic.mjs'];
const STAMP = 'dist/build-id';
const upToDate = () => {
  try {
    return readFileSync(STAMP, 'utf8') === buildId && OUTPUTS.every((f) => existsSync(f));
  } catch {
    return false;
  }
};
if (!process.argv.includes('--force') && upToDate()) process.exit(0);
rmSync(STAMP, { force: true });
const { build } = await import('esbuild');

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
  define: { __REPORT_BUILD_ID__: JSON.stringify(buildId) },
};

// The CLI as CommonJS, which bin/report.cjs loads through V8's code cache. vega-canvas's
// top-level `await import('canvas')` cannot go into CommonJS: it is replaced by a stub.
mkdirSync('dist', { recursive: true });
for (const f of readdirSync('dist')) if (f.endsWith('.v8cache')) rmSync(join('dist', f));
// The four bundles are independent: esbuild builds them at once.
const cliBundle = build({
  ...common,
  entryPoints: ['src/cli/report.ts'],
  outfile: 'dist/report.cjs',
  format: 'cjs',
  alias: {
    'vega-canvas': './src/charts/noNodeCanvas.ts',
    'unicode-trie': './src/fonts/lazyUnicodeTrie.cjs',
    'brotli/decompress.js': './src/fonts/noBrotli.cjs',
    zlib: './src/render/memoZlib.cjs',
  },
  // Here pdfkit and fontkit are bundled too, so the code cache covers them (loading them from
  // node_modules compiled ~100 ms of JavaScript at every start). pdfkit's standard fonts stay
  // unreachable, which is what we want: no document uses them (tests/fonts.test.ts).
  external: [],
  define: { ...common.define, 'import.meta.url': '__importMetaUrl' },
  banner: { js: "const __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
}).then(() => {
  // bin/report.cjs reads the bundle as Latin-1, which is ~25 ms faster than decoding 4.6 MB of
  // UTF-8 and the same string when every byte is ASCII. esbuild escapes non-ASCII text except
  // inside regular-expression literals; \uXXXX means the same there (and in strings).
  const cli = readFileSync('dist/report.cjs', 'utf8').replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync('dist/report.cjs', cli);
});
await Promise.all([
  cliBundle,
  // The programmatic API (batch builds).
  build({ ...common, entryPoints: ['src/api.ts'], outfile: 'dist/api.mjs' }),
  // Worker thread of `report build --jobs N`.
  build({ ...common, entryPoints: ['src/build/buildWorker.ts'], outfile: 'dist/build-worker.mjs' }),
  // The benchmark's synthetic documents.
  build({ ...common, entryPoints: ['src/synthetic/syntheticMarkdown.ts'], outfile: 'dist/synthetic.mjs' }),
]);
writeFileSync(STAMP, buildId);
