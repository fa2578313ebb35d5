// Watch mode: an edit rebuilds the PDF it affects; broken input is reported and the last good
// PDF stays; the next good save recovers.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { projectCacheDir } from '../../src/build/diskCache.js';
import { watchProject, type WatchEvent } from '../../src/build/watchProject.js';
import { InputError, InputErrors } from '../../src/errors.js';
import { normalise, readPdfText } from '../helpers/readPdf.js';
import { scratchProject } from '../helpers/project.js';

const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
let close: (() => void) | undefined;
afterEach(() => close?.());

function start(dir: string, cache?: { dir: string; version: string }) {
  const events: WatchEvent[] = [];
  const waiters: ((e: WatchEvent) => void)[] = [];
  const w = watchProject({
    root: dir,
    outDir: join(dir, 'out'),
    debounceMs: 30,
    cache,
    cacheIdleMs: 200,
    onBuild: (e) => {
      events.push(e);
      waiters.shift()?.(e);
    },
  });
  close = w.close;
  const next = () => new Promise<WatchEvent>((resolve, reject) => {
    waiters.push(resolve);
    setTimeout(() => reject(new Error('no rebuild within 20 s')), 20_000);
  });
  return { events, next };
}

describe('report watch', () => {
  it('rebuilds only the edited document, and the PDF shows the edit', async () => {
    const dir = scratchProject();
    const { next } = start(dir);
    const first = await next();
    expect(first.error).toBeUndefined();
    expect(first.documents).toEqual(['brief', 'handout']);
    const briefPdf = join(dir, 'out', 'brief.pdf');
    const handoutPdf = join(dir, 'out', 'handout.pdf');
    const before = sha(briefPdf);
    const handoutBefore = sha(handoutPdf);
    const md = join(dir, 'content', 'brief.md');
    writeFileSync(md, readFileSync(md, 'utf8').replace('Human trafficking is a form of modern slavery.', 'Human trafficking is a form of contemporary slavery.'));
    const e = await next();
    expect(e.error).toBeUndefined();
    expect(e.documents).toEqual(['brief']);
    expect(sha(briefPdf)).not.toBe(before);
    expect(sha(handoutPdf)).toBe(handoutBefore);
    const text = await readPdfText(readFileSync(briefPdf));
    expect(normalise(text.pages.join(' '))).toContain('form of contemporary slavery');
  }, 60_000);

  it('reports broken input, keeps the last good PDF, and recovers on the next save', async () => {
    const dir = scratchProject();
    const { next } = start(dir);
    await next();
    const briefPdf = join(dir, 'out', 'brief.pdf');
    const good = sha(briefPdf);
    const md = join(dir, 'content', 'brief.md');
    const original = readFileSync(md, 'utf8');
    writeFileSync(md, original.replace('{{figure ilo.forced_labour}}', '{{figure ilo.forced_labor}}'));
    const bad = await next();
    expect(bad.error instanceof InputError || bad.error instanceof InputErrors).toBe(true);
    expect(String((bad.error as Error).message)).toMatch(/content\/brief\.md:\d+:\d+: no figure "ilo\.forced_labor"/);
    expect(sha(briefPdf)).toBe(good);
    writeFileSync(md, original.replace('Human trafficking is a form of modern slavery.', 'Human trafficking is modern slavery.'));
    const fixed = await next();
    expect(fixed.error).toBeUndefined();
    expect(sha(briefPdf)).not.toBe(good);
  }, 60_000);

  it('writes the build cache once edits pause, not after every rebuild', async () => {
    const dir = scratchProject();
    const cacheDir = projectCacheDir(dir);
    const { next } = start(dir, { dir: cacheDir, version: 'test' });
    expect((await next()).error).toBeUndefined();
    // Reported, but not yet written: the author may still be typing.
    expect(existsSync(join(cacheDir, 'test'))).toBe(false);
    // Then written once the edits pause (cacheIdleMs: 200): wait for it, a bounded number of times.
    const kinds = ['chart-', 'paragraphs-', 'complexruns-', 'fontsubsets-'];
    const written = () => (existsSync(join(cacheDir, 'test')) ? readdirSync(join(cacheDir, 'test')) : []);
    for (let i = 0; i < 200 && !kinds.every((k) => written().some((n) => n.startsWith(k))); i++) await new Promise((r) => setTimeout(r, 50));
    const names = written();
    for (const kind of kinds) expect(names.some((n) => n.startsWith(kind)), kind).toBe(true);
  }, 60_000);
});
