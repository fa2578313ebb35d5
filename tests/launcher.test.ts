// bin/report.cjs, the installed command: runs the CommonJS bundle through V8's code cache.
// The second run uses the cache the first one saved, and both write the same bytes.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, scratchProject } from './helpers/project.js';

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/bundle.mjs', '--force'], { cwd: ROOT });
}, 120_000);

describe('bin/report.cjs', () => {
  it('saves a code cache on the first run, uses it on the next, and the PDFs are the same', () => {
    const cache = () => readdirSync(join(ROOT, 'dist')).filter((f) => f.startsWith('report.cjs.') && f.endsWith('.v8cache'));
    expect(cache()).toEqual([]); // the bundle step clears stale caches
    const outs = [1, 2].map(() => {
      const out = mkdtempSync(join(tmpdir(), 'launcher-'));
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/report.cjs'), 'build', '--root', ROOT, '--out', out], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^layout\s+\d+ ms$/m);
      return out;
    });
    const buildId = readFileSync(join(ROOT, 'dist/build-id'), 'utf8');
    expect(cache()).toEqual([`report.cjs.${process.version}.${buildId}.v8cache`]);
    for (const f of ['brief.pdf', 'handout.pdf']) expect(readFileSync(join(outs[1], f)).equals(readFileSync(join(outs[0], f)))).toBe(true);
  }, 120_000);

  it('keeps a build cache in the project that changes no byte, and --no-cache ignores it', () => {
    const root = scratchProject();
    const build = (...args: string[]) => {
      const out = mkdtempSync(join(tmpdir(), 'launcher-cache-'));
      const r = spawnSync(process.execPath, [join(ROOT, 'bin/report.cjs'), 'build', '--root', root, '--out', out, '--quiet', ...args], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return ['brief.pdf', 'handout.pdf'].map((f) => readFileSync(join(out, f)));
    };
    const first = build();
    const versions = readdirSync(join(root, '.cache/report-generator'));
    expect(versions).toHaveLength(1);
    const names = readdirSync(join(root, '.cache/report-generator', versions[0]));
    for (const kind of ['chart-', 'paragraphs-', 'complexruns-', 'fontsubsets-']) expect(names.some((n) => n.startsWith(kind)), kind).toBe(true);
    const cached = build();
    const uncached = build('--no-cache');
    for (let i = 0; i < 2; i++) {
      expect(cached[i].equals(first[i])).toBe(true);
      expect(uncached[i].equals(first[i])).toBe(true);
    }
    // After an edit, in new processes: the cached build equals one that never saw the cache.
    const brief = join(root, 'content/brief.md');
    writeFileSync(brief, readFileSync(brief, 'utf8').replace('form of modern slavery', 'form of contemporary slavery'));
    const out = mkdtempSync(join(tmpdir(), 'launcher-cache-'));
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/report.cjs'), 'build', '--root', root, '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^reused\s+5\/5 charts, 22[34]\/225 paragraphs/m);
    const edited = ['brief.pdf', 'handout.pdf'].map((f) => readFileSync(join(out, f)));
    const fresh = build('--no-cache');
    expect(edited[0].equals(fresh[0])).toBe(true);
    expect(edited[1].equals(fresh[1])).toBe(true);
    expect(edited[0].equals(first[0])).toBe(false);
  }, 120_000);

  it('keeps the CLI exit codes', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/report.cjs'), 'biuld'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('did you mean "build"');
    expect(existsSync(join(ROOT, 'bin/report.cjs'))).toBe(true);
  });
});
