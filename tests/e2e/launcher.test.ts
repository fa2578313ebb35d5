// bin/report.cjs, the installed command: runs the CommonJS bundle through V8's code cache.
// The second run uses the cache the first one saved, and both write the same bytes; the build
// cache in the project changes no byte; exit codes. In a checkout it bundles src/ first when
// the sources changed (and only then).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, realpathSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { privateCliCopy, runShippedCli, SHIPPED_CLI } from '../helpers/cliBundle.js';
import { REPO_ROOT as ROOT } from '../helpers/paths.js';
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
  }, 300_000);

  it('runs the chart worker through its own code cache: saved after the first chart, used next, a damaged one replaced', () => {
    const { cli, dist, cleanup } = privateCliCopy();
    try {
      const buildId = readFileSync(join(dist, 'build-id'), 'utf8');
      const cacheFile = join(dist, `chart-worker.cjs.${process.version}.${buildId}.v8cache`);
      const root = scratchProject();
      // --no-cache: every chart is compiled, so the worker starts in each build.
      const build = () => {
        const out = mkdtempSync(join(tmpdir(), 'chart-worker-'));
        const p = spawnSync(process.execPath, [cli, 'build', '--root', root, '--out', out, '--no-cache'], { encoding: 'utf8' });
        expect(p.status, p.stderr).toBe(0);
        return readFileSync(join(out, 'brief.pdf'));
      };
      expect(existsSync(cacheFile)).toBe(false);
      const first = build();
      expect(statSync(cacheFile).size).toBeGreaterThan(100_000);
      const saved = { bytes: readFileSync(cacheFile), mtimeMs: statSync(cacheFile).mtimeMs };
      // Accepted: a rejected or missing cache would be written again.
      expect(build().equals(first)).toBe(true);
      expect(statSync(cacheFile).mtimeMs).toBe(saved.mtimeMs);
      // Damaged (same length, other bytes): V8 rejects it, the worker compiles as without one,
      // the charts are the same, and a sound cache replaces it.
      writeFileSync(cacheFile, Buffer.alloc(saved.bytes.length, 0x5a));
      expect(build().equals(first)).toBe(true);
      const replaced = readFileSync(cacheFile);
      expect(replaced.equals(Buffer.alloc(saved.bytes.length, 0x5a))).toBe(false);
      expect(replaced.length).toBeGreaterThan(100_000);
    } finally {
      cleanup();
    }
  }, 300_000);

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
  }, 300_000);

  it('keeps the CLI exit codes', () => {
    const r = runShippedCli(['biuld']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('did you mean "build"');
    expect(r.stderr).toContain('usage: report build');
    expect(existsSync(SHIPPED_CLI)).toBe(true);
  });
});

describe('bin/report.cjs in a checkout: dist/ follows src/', () => {
  // A copy of the repository (node_modules linked), bundled once, that the tests edit.
  let repo: string;
  const OUTPUTS = ['report.cjs', 'api.mjs', 'build-worker.mjs', 'synthetic.mjs', 'chart-worker.mjs', 'chart-worker.cjs', 'build-id'];
  const dist = (f: string) => join(repo, 'dist', f);
  const snapshot = () => OUTPUTS.map((f) => readFileSync(dist(f)));
  const buildId = () => readFileSync(dist('build-id'), 'utf8');
  /** Runs the launcher from another folder, so nothing depends on the working directory. */
  const report = (...args: string[]) => spawnSync(process.execPath, [join(repo, 'bin/report.cjs'), ...args], { cwd: tmpdir(), encoding: 'utf8' });
  const build = () => {
    const out = mkdtempSync(join(tmpdir(), 'launcher-repo-out-'));
    const r = report('build', '--root', repo, '--out', out, '--no-cache');
    expect(r.status, r.stderr).toBe(0);
    return { stderr: r.stderr, pdfs: ['brief.pdf', 'handout.pdf'].map((f) => readFileSync(join(out, f))) };
  };

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), 'launcher-repo-'));
    for (const p of ['bin', 'scripts', 'src', 'content', 'templates', 'package.json', 'package-lock.json', 'tsconfig.json']) {
      cpSync(join(ROOT, p), join(repo, p), { recursive: true });
    }
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(repo, 'node_modules'));
    execFileSync(process.execPath, ['scripts/bundle.mjs', '--force'], { cwd: repo });
  }, 300_000);
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  it('does not bundle again when only file times changed (touch, checkout), and the build id stays', () => {
    const before = snapshot();
    const id = buildId();
    const mtime = statSync(dist('report.cjs')).mtimeMs;
    const later = new Date(Date.now() + 60_000);
    for (const f of ['src/cli/parseArgs.ts', 'package-lock.json']) utimesSync(join(repo, f), later, later);
    const { stderr } = build();
    expect(stderr).toBe('');
    expect(statSync(dist('report.cjs')).mtimeMs).toBe(mtime);
    expect(buildId()).toBe(id);
    snapshot().forEach((b, i) => expect(b.equals(before[i]), OUTPUTS[i]).toBe(true));
    // The stamp now has the new times: the next start does not even hash.
    const stamp = JSON.parse(readFileSync(dist('bundle-stamp.json'), 'utf8'));
    const entry = stamp.files.find((f: [string, number, number]) => f[0] === 'src/cli/parseArgs.ts');
    expect(entry[2]).toBe(statSync(join(repo, 'src/cli/parseArgs.ts')).mtimeMs);
  }, 300_000);

  it('bundles again after an edit, before running, exactly as a forced bundle; undoing the edit restores the id', () => {
    const original = buildId();
    const file = join(repo, 'src/cli/parseArgs.ts');
    const source = readFileSync(file, 'utf8');
    writeFileSync(file, source.replace('(did you mean "${g}"?)', '(perhaps "${g}"?)'));
    const stale = build();
    expect(stale.stderr).toMatch(/^report: bundling src\/ into dist\//);
    expect(buildId()).not.toBe(original);
    const r = report('biuld');
    expect(r.stderr).toContain('(perhaps "build"?)'); // the new bundle ran, and did not bundle again
    expect(r.stderr).not.toContain('bundling');
    const auto = snapshot();
    execFileSync(process.execPath, ['scripts/bundle.mjs', '--force'], { cwd: repo });
    snapshot().forEach((b, i) => expect(b.equals(auto[i]), OUTPUTS[i]).toBe(true));
    const forced = build();
    expect(forced.stderr).toBe('');
    forced.pdfs.forEach((b, i) => expect(b.equals(stale.pdfs[i])).toBe(true));
    // The id is a hash of the content: the original sources get the original id back.
    writeFileSync(file, source);
    expect(build().stderr).toMatch(/bundling/);
    expect(buildId()).toBe(original);
  }, 300_000);

  it('runs dist/ as shipped when there is no src/ (an installed package)', () => {
    const pkg = mkdtempSync(join(tmpdir(), 'launcher-pkg-'));
    for (const p of ['bin', 'dist', 'package.json']) cpSync(join(repo, p), join(pkg, p), { recursive: true });
    symlinkSync(realpathSync(join(ROOT, 'node_modules')), join(pkg, 'node_modules'));
    writeFileSync(join(pkg, 'dist/bundle-stamp.json'), '{}'); // would mean "stale" in a checkout
    const out = mkdtempSync(join(tmpdir(), 'launcher-pkg-out-'));
    const r = spawnSync(process.execPath, [join(pkg, 'bin/report.cjs'), 'build', '--root', repo, '--out', out, '--quiet'], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(readFileSync(join(pkg, 'dist/report.cjs')).equals(readFileSync(dist('report.cjs')))).toBe(true);
    expect(existsSync(join(out, 'brief.pdf'))).toBe(true);
  }, 300_000);
});
