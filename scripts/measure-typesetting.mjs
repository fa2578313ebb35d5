// node scripts/measure-typesetting.mjs FILE.pdf [...]: issue 13's typesetting metrics read back
// from a PDF with pdftotext (tests/helpers/typesetMetrics.ts, bundled here with esbuild so the
// test and this script share one implementation). Prints JSON per file.
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'measure-'));
const out = join(dir, 'typesetMetrics.mjs');
await build({ entryPoints: [join(ROOT, 'tests/helpers/typesetMetrics.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'error' });
const { measureTypesetting } = await import(pathToFileURL(out).href);
rmSync(dir, { recursive: true, force: true });
for (const pdf of process.argv.slice(2)) {
  console.log(JSON.stringify({ pdf, ...measureTypesetting(pdf) }, null, 1));
}
