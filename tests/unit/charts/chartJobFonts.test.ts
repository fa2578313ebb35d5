// A chart job carries the build's brand fonts: in the bundle it runs in a worker thread, which
// has no build scope, so without them the chart would be measured in the built-in fonts while
// the document around it uses the brand's.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runChartJob, type ChartJob } from '../../../src/charts/chartJob.js';
import { defaultChartTheme } from '../../../src/charts/chartTheme.js';
import type { FontSet } from '../../../src/fonts/fontRegistry.js';

const FONT = 'tests/fixtures/brand/content/fonts/SourceSans3_300Light.ttf';

function job(fontSet?: FontSet): ChartJob {
  const rows = [{ c: 'Wide Wonderful Category', v: 3 }, { c: 'Another Lengthy Label', v: 5 }];
  const spec = { data: { name: 't' }, mark: 'bar', encoding: { y: { field: 'c', type: 'nominal', title: 'A long axis title in the brand font' }, x: { field: 'v', type: 'quantitative' } } };
  return { spec, datasets: { t: rows }, theme: defaultChartTheme, width: 300, height: 80, images: {}, specFile: 'content/charts/t.vl.json', fontSet };
}

describe('chart jobs and brand fonts', () => {
  it('lays the chart out with the brand font the job carries, also from plain Uint8Arrays as a worker receives them', async () => {
    const bytes = readFileSync(FONT);
    const asMessage = new Uint8Array(bytes); // what structured cloning gives a worker
    const set = (data: Buffer | Uint8Array): FontSet => ({
      id: 'sans@light',
      fonts: Object.fromEntries((['sans', 'sans-semibold', 'sans-bold'] as const).map((k) => [k, { key: k, file: FONT, data: data as Buffer, hash: 'light' }])),
    });
    const builtIn = JSON.stringify(await runChartJob(job()));
    const brand = JSON.stringify(await runChartJob(job(set(bytes))));
    const cloned = JSON.stringify(await runChartJob(job(set(asMessage))));
    expect(brand).not.toBe(builtIn);
    expect(cloned).toBe(brand);
  });
});
