// The disk cache (compiled charts and broken paragraphs kept in .cache/ between builds) must
// never change what is built: a cached build gives the same bytes as an uncached one, after
// any edit, and a damaged cache is only a slower build.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.js';
import { projectCacheDir } from '../../src/build/diskCache.js';
import { readPdfText } from '../helpers/readPdf.js';
import { scratchProject } from '../helpers/project.js';

/** A build as a new process would do it (a new build session): nothing in memory, only what is on disk. */
async function freshBuild(root: string, cache: boolean) {
  const r = await buildProject({ root, dryRun: true, cache: cache ? { dir: projectCacheDir(root), version: 'test' } : undefined });
  return { ...Object.fromEntries(r.documents.map((d) => [d.name, d.pdf])), reuse: r.reuse } as { brief: Buffer; handout: Buffer; reuse: typeof r.reuse };
}

function edit(file: string, from: string | RegExp, to: string): void {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(from, to);
  expect(next, `${file} should contain ${from}`).not.toBe(text);
  writeFileSync(file, next);
}

/** Writes an entry with a new value and the checksum that value needs (as a hand edit that knows the format would). */
function rewriteEntry(file: string, key: string, value: unknown): void {
  const text = JSON.stringify(value);
  writeFileSync(file, JSON.stringify({ key, sha256: createHash('sha256').update(text).digest('hex'), value }));
}

const entries = (root: string) => readdirSync(join(projectCacheDir(root), 'test'));

describe('build cache', () => {
  it('gives the bytes of an uncached build, through a word edit, a data change and a chart change', async () => {
    const root = scratchProject();
    const steps: [string, () => void][] = [
      ['first build', () => {}],
      ['a one-word edit', () => edit(join(root, 'content/brief.md'), /\bsmall South-East Asian nation\b/, 'small Southeast Asian nation')],
      ['a data change', () => edit(join(root, 'content/data/history.csv'), 'history.independence,Independence,', 'history.independence,Independence declared,')],
      ['a chart change', () => edit(join(root, 'content/charts/timeline.vl.json'), /1940,\s*2030/, '1935, 2030')],
    ];
    let previous: Buffer | undefined;
    const reused: Record<string, string> = {};
    for (const [what, change] of steps) {
      change();
      const cached = await freshBuild(root, true);
      const plain = await freshBuild(root, false);
      for (const name of ['brief', 'handout'] as const) expect(cached[name].equals(plain[name]), `${what}: ${name}.pdf`).toBe(true);
      if (previous) expect(previous.equals(cached.brief), `${what} changed the brief`).toBe(false);
      previous = cached.brief;
      const r = cached.reuse;
      reused[what] = `${r.charts}/${r.chartsTotal} ${r.paragraphsTotal - r.paragraphs}`;
      expect(plain.reuse.charts + plain.reuse.paragraphs, `${what}: nothing reused without the cache`).toBe(0);
    }
    // Charts reused / charts, and paragraphs broken again: everything the first time, then
    // only what the change touched. (A new label re-sizes the columns of the data appendix's
    // table, so all its cells are broken again.)
    const again = (what: string) => Number(reused[what].split(' ')[1]);
    expect(reused['first build']).toBe('0/5 225');
    expect(reused['a one-word edit']).toMatch(/^5\/5 [12]$/);
    expect(reused['a data change']).toMatch(/^4\/5 /);
    expect(again('a data change')).toBeGreaterThan(0);
    expect(again('a data change')).toBeLessThan(80);
    expect(reused['a chart change']).toMatch(/^4\/5 /);
    expect(again('a chart change')).toBeLessThan(10);
    expect(entries(root).filter((f) => f.startsWith('chart-')).length).toBeGreaterThanOrEqual(5);
    expect(entries(root).filter((f) => f.startsWith('paragraphs-')).length).toBe(2);
    expect(entries(root).filter((f) => f.startsWith('complexruns-')).length).toBe(1);
    expect(entries(root).filter((f) => f.startsWith('fontsubsets-')).length).toBe(1);
  }, 120_000);

  it('draws a chart from its cache entry instead of compiling it again', async () => {
    const root = scratchProject();
    await freshBuild(root, true);
    // Mark every stored chart: if the next build draws the mark, it used the entry.
    for (const f of entries(root).filter((n) => n.startsWith('chart-'))) {
      const file = join(projectCacheDir(root), 'test', f);
      const entry = JSON.parse(readFileSync(file, 'utf8'));
      entry.value.ops.push(['=globalAlpha', 1], ['=fillStyle', '#000000'], ['=font', '8px sans-serif'], ['fillText', 'FROM-THE-CACHE', 10, 10]);
      rewriteEntry(file, entry.key, entry.value);
    }
    const marked = await freshBuild(root, true);
    const text = (await readPdfText(marked.handout)).pages.join('\n');
    expect(text).toContain('FROM-THE-CACHE');
    // Changed data is a different key: that chart is compiled afresh, without the mark.
    edit(join(root, 'content/data/history.csv'), 'history.independence,Independence,', 'history.independence,Independence declared,');
    const pages = (await readPdfText((await freshBuild(root, true)).brief)).pages;
    const timelinePage = pages.find((p) => p.includes('Independence declared'));
    expect(timelinePage).toBeDefined();
    expect(timelinePage).not.toContain('FROM-THE-CACHE');
  }, 120_000);

  it('treats unreadable entries as misses and removes other versions', async () => {
    const root = scratchProject();
    const stale = join(projectCacheDir(root), 'an-older-build');
    mkdirSync(stale, { recursive: true });
    writeFileSync(join(stale, '.report-generator-cache'), '');
    writeFileSync(join(stale, 'chart-x.json'), '{}');
    const good = await freshBuild(root, true);
    expect(existsSync(stale)).toBe(false);
    const dir = join(projectCacheDir(root), 'test');
    const stored = entries(root).filter((f) => f.endsWith('.json'));
    // Entries that parse and carry the right key, with values of the wrong shape...
    for (const f of stored) {
      const entry = JSON.parse(readFileSync(join(dir, f), 'utf8'));
      const broken = f.startsWith('chart-') ? { ...entry.value, ops: 'none', datumKeys: null }
        : f.startsWith('paragraphs-') ? { styles: 7, paragraphs: [[1, null]] }
        : f.startsWith('complexruns-') ? [null, ['k', { glyphs: [null], positions: [] }]]
        : [[1, 2], null];
      rewriteEntry(join(dir, f), entry.key, broken);
    }
    const shaped = await freshBuild(root, true);
    expect(shaped.brief.equals(good.brief)).toBe(true);
    expect(shaped.handout.equals(good.handout)).toBe(true);
    expect(shaped.reuse.charts).toBe(0);
    // ...are deleted, and replaced by good ones.
    for (const f of stored.filter((n) => existsSync(join(dir, n)))) expect(readFileSync(join(dir, f), 'utf8')).not.toMatch(/"ops":"none"|"styles":7|\[1,2\]/);
    // An altered value without its checksum (text changed in a compiled chart) is a miss too.
    const chart = stored.find((f) => f.startsWith('chart-'))!;
    const text = readFileSync(join(dir, chart), 'utf8');
    writeFileSync(join(dir, chart), text.replace(/"fillText","([^"]+)"/, '"fillText","ALTERED"'));
    expect(readFileSync(join(dir, chart), 'utf8')).toContain('ALTERED');
    const altered = await freshBuild(root, true);
    expect(altered.brief.equals(good.brief)).toBe(true);
    expect(altered.handout.equals(good.handout)).toBe(true);
    // ...and entries that do not parse at all.
    for (const f of entries(root).filter((n) => n.endsWith('.json'))) writeFileSync(join(dir, f), '{not json');
    const again = await freshBuild(root, true);
    expect(again.brief.equals(good.brief)).toBe(true);
    expect(again.handout.equals(good.handout)).toBe(true);
  }, 120_000);

  it('with defer (watch mode), writes its entries only when flushed', async () => {
    const root = scratchProject();
    const r = await buildProject({ root, dryRun: true, only: ['handout'], cache: { dir: projectCacheDir(root), version: 'test', defer: true } });
    expect(existsSync(join(projectCacheDir(root), 'test'))).toBe(false);
    r.flushCache();
    expect(entries(root).some((f) => f.startsWith('chart-'))).toBe(true);
    expect(entries(root).some((f) => f.startsWith('paragraphs-'))).toBe(true);
  }, 60_000);

  it('is not used without a cache option (the API and tests run uncached)', async () => {
    const root = scratchProject();
    await buildProject({ root, dryRun: true, only: ['handout'] });
    expect(existsSync(projectCacheDir(root))).toBe(false);
  }, 60_000);
});
