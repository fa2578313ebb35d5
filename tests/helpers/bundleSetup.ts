// Global setup of the e2e project (vitest.config.ts): bundles the CLI with the project's own
// bundler, once, before any e2e test file runs. scripts/bundle.mjs does nothing when dist/ was
// made from the same sources, so this costs ~0.1 s unless src/ changed.
import { execFileSync } from 'node:child_process';
import { REPO_ROOT } from './paths.js';

export default function setup(): void {
  execFileSync(process.execPath, ['scripts/bundle.mjs'], { cwd: REPO_ROOT, stdio: 'inherit' });
}
