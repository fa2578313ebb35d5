// The disk cache is content-addressed and must never return a wrong value: the full key is
// stored with each entry and compared, and anything unreadable is a miss.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiskCache } from '../../../src/build/diskCache.js';

const base = () => mkdtempSync(join(tmpdir(), 'disk-cache-'));

describe('DiskCache', () => {
  it('returns what was put under the same key, and nothing under another', () => {
    const c = new DiskCache(base(), 'v1');
    c.put('chart', 'key-a', { n: 1, s: 'ok' });
    expect(c.get('chart', 'key-a')).toEqual({ n: 1, s: 'ok' });
    expect(c.get('chart', 'key-b')).toBeUndefined();
    expect(c.get('lines', 'key-a')).toBeUndefined();
  });

  it('treats an entry whose stored key differs (a collision, a hand edit) as a miss', () => {
    const b = base();
    const c = new DiskCache(b, 'v1');
    c.put('chart', 'key-a', 1);
    const [file] = readdirSync(join(b, 'v1')).filter((f) => f.startsWith('chart-'));
    const entry = JSON.parse(readFileSync(join(b, 'v1', file), 'utf8'));
    writeFileSync(join(b, 'v1', file), JSON.stringify({ ...entry, key: 'key-z' }));
    expect(c.get('chart', 'key-a')).toBeUndefined();
    writeFileSync(join(b, 'v1', file), '{"key": "key-a", "value"');
    expect(c.get('chart', 'key-a')).toBeUndefined();
  });

  it('keeps one version: writing under a new one removes the others', () => {
    const b = base();
    new DiskCache(b, 'v1').put('chart', 'k', 1);
    const v2 = new DiskCache(b, 'v2');
    expect(v2.get('chart', 'k')).toBeUndefined();
    v2.put('chart', 'k', 2);
    expect(readdirSync(b)).toEqual(['v2']);
  });

  it('never removes a folder it did not make, wherever it is pointed', () => {
    const b = base();
    mkdirSync(join(b, 'content'));
    writeFileSync(join(b, 'content', 'brief.md'), '# Mine');
    new DiskCache(b, 'v1').put('chart', 'k', 1);
    new DiskCache(b, 'v2').put('chart', 'k', 2);
    expect(readdirSync(b).sort()).toEqual(['content', 'v2']);
    expect(readFileSync(join(b, 'content', 'brief.md'), 'utf8')).toBe('# Mine');
  });

  it('queues writes when deferred, and writes them on flush', () => {
    const b = base();
    const c = new DiskCache(b, 'v1', true);
    c.put('chart', 'k', 1);
    expect(existsSync(join(b, 'v1'))).toBe(false);
    c.flush();
    expect(c.get('chart', 'k')).toBe(1);
  });

  it('does not fail a build when the folder cannot be written', () => {
    const b = base();
    writeFileSync(join(b, 'v1'), 'a file where the version folder should be');
    const c = new DiskCache(b, 'v1');
    expect(() => c.put('chart', 'k', 1)).not.toThrow();
    expect(c.get('chart', 'k')).toBeUndefined();
  });

  it('prunes the oldest entries when there are too many', () => {
    const b = base();
    mkdirSync(join(b, 'v1'), { recursive: true });
    for (let i = 0; i < 520; i++) writeFileSync(join(b, 'v1', `chart-${i.toString(16).padStart(40, '0')}.json`), '{}');
    writeFileSync(join(b, 'v1', 'notes.txt'), 'not ours');
    new DiskCache(b, 'v1').put('chart', 'new', 1);
    const left = readdirSync(join(b, 'v1'));
    expect(left.length).toBeLessThanOrEqual(262);
    expect(left).toContain('notes.txt');
    expect(new DiskCache(b, 'v1').get('chart', 'new')).toBe(1);
  });

  it('treats an altered value (checksum no longer matching) as a miss, and deletes the entry', () => {
    const b = base();
    const c = new DiskCache(b, 'v1');
    c.put('chart', 'key-a', { text: 'the real words' });
    const [file] = readdirSync(join(b, 'v1')).filter((f) => f.startsWith('chart-'));
    const path = join(b, 'v1', file);
    writeFileSync(path, readFileSync(path, 'utf8').replace('the real words', 'altered words'));
    expect(c.get('chart', 'key-a')).toBeUndefined();
    expect(existsSync(path)).toBe(false);
    // Without a checksum at all (an entry of an older format) it is a miss too.
    writeFileSync(path, JSON.stringify({ key: 'key-a', value: { text: 'x' } }));
    expect(c.get('chart', 'key-a')).toBeUndefined();
  });

  it('never follows an entry that is a link, and deletes only the link', () => {
    const b = base();
    const c = new DiskCache(b, 'v1');
    c.put('chart', 'key-a', 1);
    const [file] = readdirSync(join(b, 'v1')).filter((f) => f.startsWith('chart-'));
    const outside = join(base(), 'elsewhere.json');
    writeFileSync(outside, readFileSync(join(b, 'v1', file)));
    const path = join(b, 'v1', file);
    rmSync(path);
    symlinkSync(outside, path);
    expect(c.get('chart', 'key-a')).toBeUndefined();
    expect(existsSync(outside)).toBe(true);
  });

  it('is not used when its version folder is a link: nothing is written or deleted where it points', () => {
    const b = base();
    const target = base();
    writeFileSync(join(target, 'precious.txt'), 'keep me');
    writeFileSync(join(target, '.report-generator-cache'), '');
    symlinkSync(target, join(b, 'v1'));
    const c = new DiskCache(b, 'v1');
    expect(c.unusable()).toMatch(/is a symbolic link, so the build cache is not used/);
    c.put('chart', 'k', 1);
    expect(c.get('chart', 'k')).toBeUndefined();
    expect(readdirSync(target).sort()).toEqual(['.report-generator-cache', 'precious.txt']);
    // Another version's prune skips a link to a marked folder instead of emptying it.
    new DiskCache(b, 'v2').put('chart', 'k', 2);
    expect(readdirSync(target).sort()).toEqual(['.report-generator-cache', 'precious.txt']);
  });

  it('treats an entry that is a FIFO as a miss without blocking, and deletes it', () => {
    const b = base();
    const c = new DiskCache(b, 'v1');
    c.put('chart', 'key-a', 1);
    const [file] = readdirSync(join(b, 'v1')).filter((f) => f.startsWith('chart-'));
    rmSync(join(b, 'v1', file));
    execFileSync('mkfifo', [join(b, 'v1', file)]);
    expect(c.get('chart', 'key-a')).toBeUndefined();
    expect(existsSync(join(b, 'v1', file))).toBe(false);
  });
});
