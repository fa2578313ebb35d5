// Builds of the real sample project, shared by the tests that read the PDFs back.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildProject, type BuildResult } from '../../src/build/buildProject.js';

export const ROOT = resolve(import.meta.dirname, '../..');

let sample: Promise<BuildResult> | undefined;
/** The sample project built once per test file, in memory. */
export function sampleBuild(): Promise<BuildResult> {
  sample ??= buildProject({ root: ROOT, dryRun: true });
  return sample;
}

/** A scratch copy of content/ and templates/ that a test may break. */
export function scratchProject(): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-test-'));
  cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
  cpSync(join(ROOT, 'templates'), join(dir, 'templates'), { recursive: true });
  return dir;
}
