// Tests that need the real CLI as a separate process bundle it once with esbuild.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from './project.js';

export async function bundleCli(): Promise<{ cli: string; cleanup: () => void }> {
  const cli = join(ROOT, 'dist', `test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`, 'report.mjs');
  const common = {
    bundle: true, platform: 'node' as const, format: 'esm' as const, target: 'node20',
    external: ['pdfkit', 'fontkit'], logLevel: 'error' as const,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  };
  await build({ ...common, entryPoints: [join(ROOT, 'src/cli/report.ts')], outfile: cli });
  await build({ ...common, entryPoints: [join(ROOT, 'src/build/buildWorker.ts')], outfile: join(dirname(cli), 'build-worker.mjs') });
  return { cli, cleanup: () => rmSync(dirname(cli), { recursive: true, force: true }) };
}
