// Builds of the fixture projects, and scratch copies of them that a test may break.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProject, type BuildResult } from '../../src/build/buildProject.js';

import { SAMPLE_ROOT } from './paths.js';

export { ALL_FIXTURES, FIXTURES, OTHER_ORG_2_ROOT, OTHER_ORG_ROOT, REPO_ROOT, SAMPLE_ROOT, TRANSFORMED_CHARTS_ROOT } from './paths.js';

const builds = new Map<string, Promise<BuildResult>>();
/** A fixture project built once per test file, in memory. */
export function fixtureBuild(root: string): Promise<BuildResult> {
  let b = builds.get(root);
  if (!b) builds.set(root, (b = buildProject({ root, dryRun: true })));
  return b;
}

/** The sample fixture built once per test file, in memory. */
export function sampleBuild(): Promise<BuildResult> {
  return fixtureBuild(SAMPLE_ROOT);
}

/** A scratch copy of a fixture's content/ and templates/ (the sample's unless told) that a test may break. */
export function scratchProject(from: string = SAMPLE_ROOT): string {
  const dir = mkdtempSync(join(tmpdir(), 'report-test-'));
  cpSync(join(from, 'content'), join(dir, 'content'), { recursive: true });
  cpSync(join(from, 'templates'), join(dir, 'templates'), { recursive: true });
  return dir;
}
