// The chart sandbox's limits, with a stand-in worker (no vega): a chart that runs too long or
// uses too much memory fails with a located error, its worker is replaced, and the charts after
// it still compile. tests/e2e/hostileInput.charts.test.ts runs the real worker in the CLI.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ChartSandbox } from '../../../src/build/chartSandbox.js';
import type { ChartJob } from '../../../src/charts/chartJob.js';
import { defaultChartTheme } from '../../../src/charts/chartTheme.js';
import { InputError } from '../../../src/errors.js';
import { REPO_ROOT } from '../../helpers/paths.js';

const url = pathToFileURL(join(REPO_ROOT, 'tests/fixtures/chart-sandbox/fakeChartWorker.mjs'));
const job = (mode: string, width = 100): ChartJob => ({ spec: { mode }, datasets: {}, theme: defaultChartTheme, width, height: 50, images: {}, specFile: `content/charts/${mode}.vl.json` });

/** The stand-in worker's thread id, which it puts in each drawing. */
const thread = (d: object) => (d as { threadId: number }).threadId;

describe('ChartSandbox', () => {
  let sandbox: ChartSandbox;
  afterEach(() => sandbox.close());

  it('compiles charts one after another in one worker', async () => {
    sandbox = new ChartSandbox(url, { timeMs: 10_000, heapMb: 64 });
    const [a, b] = await Promise.all([sandbox.compile(job('ok', 1)), sandbox.compile(job('ok', 2))]);
    expect([a.width, b.width]).toEqual([1, 2]);
    expect(thread(a)).toBe(thread(b));
  });

  it('a chart over its time is a located error; the next chart gets a fresh worker', async () => {
    sandbox = new ChartSandbox(url, { timeMs: 1000, heapMb: 64 });
    const before = await sandbox.compile(job('ok', 5));
    const loop = sandbox.compile(job('loop'));
    const after = sandbox.compile(job('ok', 7));
    await expect(loop).rejects.toThrow(/^content\/charts\/loop\.vl\.json: chart did not finish in 1 s — /);
    await expect(loop).rejects.toBeInstanceOf(InputError);
    expect((await after).width).toBe(7);
    expect(thread(await after)).not.toBe(thread(before));
    // The same spec at another size fails at once with the same error.
    await expect(sandbox.compile(job('loop', 300))).rejects.toThrow(/^content\/charts\/loop\.vl\.json: chart did not finish in 1 s — /);
  });

  it('a chart over its memory is a located error; the next chart still compiles', async () => {
    sandbox = new ChartSandbox(url, { timeMs: 60_000, heapMb: 64 });
    const oom = sandbox.compile(job('oom'));
    const after = sandbox.compile(job('ok', 9));
    await expect(oom).rejects.toThrow(/^content\/charts\/oom\.vl\.json: chart used more than 64 MB of memory — /);
    await expect(oom).rejects.toBeInstanceOf(InputError);
    expect((await after).width).toBe(9);
  });

  it('input errors come back as InputErrors with their place; other failures as plain errors', async () => {
    sandbox = new ChartSandbox(url, { timeMs: 10_000, heapMb: 64 });
    const input = sandbox.compile(job('input'));
    await expect(input).rejects.toBeInstanceOf(InputError);
    await expect(input).rejects.toThrow('content/charts/input.vl.json:3:5: bad key — fix it');
    const bug = sandbox.compile(job('bug'));
    await expect(bug).rejects.not.toBeInstanceOf(InputError);
    await expect(bug).rejects.toThrow('something broke');
  });
});
