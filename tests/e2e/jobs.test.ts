// `report build --jobs 2` builds each document in a worker thread: same bytes as one thread,
// same located errors and exit code, nothing written when a document fails.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runShippedCli as run } from '../helpers/cliBundle.js';
import { OTHER_ORG_ROOT, scratchProject } from '../helpers/project.js';

describe('--jobs', () => {
  it('writes the same PDFs as a single-threaded build', () => {
    // The other organisation's project: Letter paper and en-US reach the workers too.
    const root = scratchProject(OTHER_ORG_ROOT);
    const one = mkdtempSync(join(tmpdir(), 'jobs1-'));
    const two = mkdtempSync(join(tmpdir(), 'jobs2-'));
    expect(run(['build', '--root', root, '--out', one, '--quiet', '--no-cache']).status).toBe(0);
    const r = run(['build', '--root', root, '--out', two, '--jobs', '2', '--no-cache']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/wrote .*brief\.pdf/);
    for (const f of ['brief.pdf', 'handout.pdf']) expect(readFileSync(join(two, f)).equals(readFileSync(join(one, f)))).toBe(true);
  }, 120_000);

  it('reports a located error from a worker with exit code 2 and writes nothing', () => {
    const dir = scratchProject();
    const md = join(dir, 'content/brief.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace('{{figure ilo.forced_labour}}', '{{figure ilo.nope}}'));
    const r = run(['build', '--root', dir, '--out', join(dir, 'out'), '--jobs', '2']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^content\/brief\.md:\d+:\d+: no figure "ilo\.nope"/m);
    expect(existsSync(join(dir, 'out', 'handout.pdf'))).toBe(false);
  }, 120_000);
});
