// bin/report.cjs, the installed command: runs the CommonJS bundle through V8's code cache.
// The second run uses the cache the first one saved, and both write the same bytes; the build
// cache in the project changes no byte; exit codes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { privateCliCopy, runShippedCli, SHIPPED_CLI } from '../helpers/cliBundle.js';
import { scratchProject } from '../helpers/project.js';

describe('bin/report.cjs', () => {
  it('saves a code cache on the first run, uses it on the next, and the PDFs are the same', () => {
    // A private copy of the shipped launcher and bundle: nothing else writes its code cache.
    const { cli, dist, cleanup } = privateCliCopy();
    try {
      expect(readFileSync(join(dist, 'report.cjs')).equals(readFileSync(join(SHIPPED_CLI, '../../dist/report.cjs')))).toBe(true);
      const cache = () => readdirSync(dist).filter((f) => f.startsWith('report.cjs.') && f.endsWith('.v8cache'));
      expect(cache()).toEqual([]);
      const root = scratchProject();
      const buildId = readFileSync(join(dist, 'build-id'), 'utf8');
      const cacheFile = join(dist, `report.cjs.${process.version}.${buildId}.v8cache`);
      let saved: { bytes: Buffer; mtimeMs: number } | undefined;
      const outs = [1, 2].map((run) => {
        const out = mkdtempSync(join(tmpdir(), 'launcher-'));
        const p = spawnSync(process.execPath, [cli, 'build', '--root', root, '--out', out], { encoding: 'utf8' });
        expect(p.status, p.stderr).toBe(0);
        expect(p.stdout).toMatch(/^layout\s+\d+ ms$/m);
        if (run === 1) {
          expect(cache()).toEqual([`report.cjs.${process.version}.${buildId}.v8cache`]);
          saved = { bytes: readFileSync(cacheFile), mtimeMs: statSync(cacheFile).mtimeMs };
        }
        return out;
      });
      // The second run accepted the saved cache: a rejected or missing one is written again.
      expect(cache()).toEqual([`report.cjs.${process.version}.${buildId}.v8cache`]);
      expect(statSync(cacheFile).mtimeMs).toBe(saved!.mtimeMs);
      expect(readFileSync(cacheFile).equals(saved!.bytes)).toBe(true);
      for (const f of ['brief.pdf', 'handout.pdf']) expect(readFileSync(join(outs[1], f)).equals(readFileSync(join(outs[0], f)))).toBe(true);
    } finally {
      cleanup();
    }
  }, 120_000);

  it('keeps a build cache in the project that changes no byte, and --no-cache ignores it', () => {
    const root = scratchProject();
    const build = (...args: string[]) => {
      const out = mkdtempSync(join(tmpdir(), 'launcher-cache-'));
      const r = runShippedCli(['build', '--root', root, '--out', out, '--quiet', ...args]);
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
    const before = readFileSync(brief, 'utf8');
    expect(before).toContain('form of modern slavery');
    writeFileSync(brief, before.replace('form of modern slavery', 'form of contemporary slavery'));
    const out = mkdtempSync(join(tmpdir(), 'launcher-cache-'));
    const r = runShippedCli(['build', '--root', root, '--out', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^reused\s+5\/5 charts, 22[34]\/225 paragraphs/m);
    const edited = ['brief.pdf', 'handout.pdf'].map((f) => readFileSync(join(out, f)));
    const fresh = build('--no-cache');
    expect(edited[0].equals(fresh[0])).toBe(true);
    expect(edited[1].equals(fresh[1])).toBe(true);
    expect(edited[0].equals(first[0])).toBe(false);
  }, 120_000);

  it('keeps the CLI exit codes', () => {
    const r = runShippedCli(['biuld']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('did you mean "build"');
    expect(r.stderr).toContain('usage: report build');
    expect(existsSync(SHIPPED_CLI)).toBe(true);
  });
});
