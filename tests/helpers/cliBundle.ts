// The CLI as it ships: bin/report.cjs, which runs dist/report.cjs (and dist/build-worker.mjs
// for --jobs, dist/chart-worker.mjs for charts) made by scripts/bundle.mjs. The e2e project's global setup (bundleSetup.ts) runs
// the bundler once before any e2e test file starts, so every test that runs the CLI as a
// process runs exactly the files `npm run build` and the installed `report` command run.
import { spawn, spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './paths.js';

/** The installed command's launcher. */
export const SHIPPED_CLI = join(REPO_ROOT, 'bin/report.cjs');

function assertBundled(): void {
  for (const f of ['dist/report.cjs', 'dist/build-worker.mjs', 'dist/chart-worker.mjs', 'dist/chart-worker.cjs', 'dist/build-id']) {
    if (!existsSync(join(REPO_ROOT, f))) throw new Error(`${f} is missing: the e2e global setup (tests/helpers/bundleSetup.ts) should have run scripts/bundle.mjs`);
  }
}

/** Runs `node bin/report.cjs …args` to the end. */
export function runShippedCli(args: string[], opts: SpawnSyncOptions = {}) {
  assertBundled();
  return spawnSync(process.execPath, [SHIPPED_CLI, ...args], { encoding: 'utf8', ...opts }) as ReturnType<typeof spawnSync> & { stdout: string; stderr: string };
}

/** Starts `node bin/report.cjs …args` (for tests that kill it part-way). */
export function spawnShippedCli(args: string[]) {
  assertBundled();
  return spawn(process.execPath, [SHIPPED_CLI, ...args]);
}

/**
 * A private copy of the shipped launcher and bundle (byte-identical files) in its own folder
 * under dist/, for tests that need a launcher with no code cache yet: they cannot use the
 * shared dist/, whose cache other test files' processes write. node_modules is still found
 * by walking up from the copy.
 */
export function privateCliCopy(): { cli: string; dist: string; cleanup: () => void } {
  assertBundled();
  const dir = join(REPO_ROOT, 'dist', `test-cli-${process.pid}-${Math.random().toString(36).slice(2, 8)}`);
  mkdirSync(join(dir, 'bin'), { recursive: true });
  mkdirSync(join(dir, 'dist'), { recursive: true });
  copyFileSync(SHIPPED_CLI, join(dir, 'bin/report.cjs'));
  for (const f of ['report.cjs', 'build-worker.mjs', 'chart-worker.mjs', 'chart-worker.cjs', 'build-id']) copyFileSync(join(REPO_ROOT, 'dist', f), join(dir, 'dist', f));
  return { cli: join(dir, 'bin/report.cjs'), dist: join(dir, 'dist'), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
