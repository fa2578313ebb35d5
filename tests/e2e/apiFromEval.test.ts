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

  it('reuses compiled charts across builds given one BuildSession, and compiles them again without', () => {
    const root = scratchProject();
    const script = `
      const { buildProject, BuildSession } = await import(${JSON.stringify(join(REPO_ROOT, 'dist/api.mjs'))});
      const session = new BuildSession();
      const opts = { root: ${JSON.stringify(root)}, only: ['handout'], dryRun: true };
      const a = await buildProject({ ...opts, session });
      const b = await buildProject({ ...opts, session });
      const c = await buildProject(opts);
      const pdf = (r) => Buffer.from(r.documents[0].pdf).toString('base64');
      console.log(JSON.stringify({ reuse: [a.reuse, b.reuse, c.reuse], same: pdf(a) === pdf(b) && pdf(b) === pdf(c) }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { reuse: { charts: number; chartsTotal: number }[]; same: boolean };
    const [first, second, fresh] = out.reuse;
    expect(first.chartsTotal).toBeGreaterThan(0);
    expect(first.charts).toBe(0);
    expect(second.charts).toBe(second.chartsTotal);
    expect(fresh.charts).toBe(0);
    expect(out.same).toBe(true);
  }, 150_000);
});
