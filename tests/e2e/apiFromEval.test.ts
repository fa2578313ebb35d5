// The API as a script uses it: `node --input-type=module -e "…import('dist/api.mjs')…"`. Our
// worker threads (the chart sandbox, --jobs) inherit the process's node flags, and node refuses
// to start a worker from a file with --input-type (ERR_INPUT_TYPE_NOT_ALLOWED), nor one given
// --expose-gc explicitly (ERR_WORKER_INVALID_EXEC_ARGV): a build that has
// to compile a chart failed that way (seen in `npm run bench`'s batch run).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, scratchProject } from '../helpers/project.js';

describe('the API from node --input-type=module -e', () => {
  it('builds a document whose charts are compiled in the chart worker', () => {
    const root = scratchProject();
    const script = `
      const { buildProject } = await import(${JSON.stringify(join(REPO_ROOT, 'dist/api.mjs'))});
      const r = await buildProject({ root: ${JSON.stringify(root)}, only: ['brief'], dryRun: true });
      console.log(JSON.stringify({ pages: r.documents[0].pages }));`;
    const r = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 });
    expect(r.stderr).not.toMatch(/ERR_INPUT_TYPE_NOT_ALLOWED|ERR_WORKER_INVALID_EXEC_ARGV/);
    expect(r.status).toBe(0);
    // The sample brief has charts and more than a handful of pages: the chart worker ran.
    expect(JSON.parse(r.stdout.trim().split('\n').pop()!).pages).toBeGreaterThan(5);
  }, 150_000);
});
