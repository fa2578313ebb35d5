// --shard K/N takes a stable share of the recipients; progress lines redraw on a terminal and
// print every 5 % elsewhere; merge and send options are parsed beside the other commands'.
import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from '../../../src/cli/parseArgs.js';
import { progressLine } from '../../../src/cli/progressLine.js';
import { inShard, parseShard } from '../../../src/merge/shard.js';

describe('shards', () => {
  it('parse K/N and refuse anything else', () => {
    expect(parseShard('2/4')).toEqual({ index: 2, count: 4 });
    expect(parseShard('0/4')).toBe('--shard 0/4: K must be from 1 to N');
    expect(parseShard('5/4')).toBe('--shard 5/4: K must be from 1 to N');
    expect(parseShard('2-4')).toMatch(/^--shard must be K\/N/);
  });

  it('put every id in exactly one of N shards, by the id alone, in even shares', () => {
    const ids = Array.from({ length: 4000 }, (_, i) => `donor-${i}`);
    const counts = [1, 2, 3, 4].map((k) => ids.filter((id) => inShard(id, { index: k, count: 4 })).length);
    expect(counts.reduce((a, b) => a + b)).toBe(4000);
    for (const c of counts) expect(Math.abs(c - 1000)).toBeLessThan(100);
    for (const id of ids.slice(0, 50)) expect([1, 2, 3, 4].filter((k) => inShard(id, { index: k, count: 4 }))).toHaveLength(1);
    expect(ids.every((id) => inShard(id, undefined) && inShard(id, { index: 1, count: 1 }))).toBe(true);
  });
});

describe('progress', () => {
  it('off a terminal: one line per 5 %, then the last', () => {
    const lines: string[] = [];
    let t = 0;
    const p = progressLine('send', 200, { tty: false, write: (s) => lines.push(s) }, () => t);
    for (let i = 1; i <= 200; i++) {
      t += 50;
      p.update(i, i > 150 ? 1 : 0);
    }
    p.finish();
    expect(lines).toHaveLength(20);
    expect(lines[0]).toBe('send 10/200 (5%) · 20.0/s · 10 s left · 0 failed\n');
    expect(lines[19]).toBe('send 200/200 (100%) · 20.0/s · 0 s left · 1 failed\n');
  });

  it('on a terminal: the line is redrawn in place, at most ten times a second, and ended', () => {
    const out: string[] = [];
    let t = 0;
    const p = progressLine('merge', 1000, { tty: true, write: (s) => out.push(s) }, () => t);
    for (let i = 1; i <= 1000; i++) {
      t += 10;
      p.update(i, 0);
    }
    p.finish();
    expect(out.length).toBeLessThan(110);
    expect(out[0].startsWith('\r\x1b[K')).toBe(true);
    expect(out.at(-2)).toBe('\r\x1b[Kmerge 1000/1000 (100%) · 100.0/s · 0 s left · 0 failed');
    expect(out.at(-1)).toBe('\n');
  });
});

describe('merge and send options', () => {
  it('are taken only by merge and send', () => {
    const c = parseArgs(['send', '--recipients', 'donors.csv', '--shard', '3/4', '--smtp', 'smtp://u:p@127.0.0.1:2525', '--dry-run', '--test-to', 'me@example.org', '--test-count', '2']);
    expect(c.command).toBe('send');
    expect(c.mail).toEqual({ recipients: 'donors.csv', shard: { index: 3, count: 4 }, smtp: 'smtp://u:p@127.0.0.1:2525', dryRun: true, testTo: 'me@example.org', testCount: 2 });
    expect(() => parseArgs(['build', '--recipients', 'x.csv'])).toThrow(UsageError);
    expect(() => parseArgs(['merge', '--shard', '9/4'])).toThrow('--shard 9/4: K must be from 1 to N');
  });
});
