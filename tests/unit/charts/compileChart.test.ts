import { describe, expect, it, vi, afterEach } from 'vitest';
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { REPO_ROOT } from '../../helpers/paths.js';
import { compileChart, type ChartScene } from '../../../src/charts/compileChart.js';
import { defaultChartTheme, toVegaLiteConfig } from '../../../src/charts/chartTheme.js';
import { measureText } from '../../../src/fonts/fontRegistry.js';
import {
  barSpec,
  datasets,
  donutSpec,
  findItems,
  lineSpec,
  ordinalYearSpec,
  timelineSpec,
  type SceneNodeLike,
} from './fixtures.js';

const theme = defaultChartTheme;
const root = REPO_ROOT;

function compile(spec: object, width = 400, height?: number, specFile = 'charts/test.vl.json'): Promise<ChartScene> {
  return compileChart({ spec, datasets, theme, width, height, specFile });
}

describe('toVegaLiteConfig', () => {
  it('uses Source Sans 3, the palette, and no view border', () => {
    const c = toVegaLiteConfig(theme) as Record<string, Record<string, unknown>> & { font: unknown };
    expect(c.font).toBe('Source Sans 3');
    expect(c.axis.labelFont).toBe('Source Sans 3');
    expect(c.legend.titleFont).toBe('Source Sans 3');
    expect(c.title.font).toBe('Source Sans 3');
    expect(c.range.category).toEqual(theme.palette);
    expect(c.view.stroke).toBeNull();
    expect(c.axis.labelFontSize).toBe(theme.fontSize);
    expect(c.title.fontSize).toBe(theme.titleSize);
  });
});

describe('compileChart', () => {
  it('fits a bar chart, axes and title included, into the requested width and height', async () => {
    const chart = await compile(barSpec, 400, 220);
    expect(Math.abs(chart.width - 400)).toBeLessThanOrEqual(1);
    expect(Math.abs(chart.height - 220)).toBeLessThanOrEqual(1);
    const scene = chart.scene as SceneNodeLike;
    const b = scene.bounds!;
    // Everything drawn lies inside the box (strokes may overhang by half a point).
    expect(b.x1 + chart.origin[0]).toBeGreaterThanOrEqual(-1);
    expect(b.x2 + chart.origin[0]).toBeLessThanOrEqual(chart.width + 1);
    expect(b.y1 + chart.origin[1]).toBeGreaterThanOrEqual(-1);
    expect(b.y2 + chart.origin[1]).toBeLessThanOrEqual(chart.height + 1);
    expect(chart.texts).toEqual(
      expect.arrayContaining(['Forced labour', 'Sexual exploitation', 'Cases', 'Type of exploitation', 'Identified cases by type']),
    );
    expect(findItems(scene, 'rect').length).toBeGreaterThanOrEqual(5);
  });

  it('measures axis labels with the embedded font, not vega’s 0.8 × chars × size guess', async () => {
    const chart = await compile(barSpec, 400, 220);
    const label = findItems(chart.scene as SceneNodeLike, 'text').find((t) => t.text === 'Forced labour')!;
    expect(label).toBeDefined();
    expect(label.fontSize).toBe(11);
    const real = measureText('sans', 'Forced labour', 11);
    const guess = 0.8 * 'Forced labour'.length * 11;
    const w = label.bounds!.x2 - label.bounds!.x1;
    expect(Math.abs(w - real)).toBeLessThan(0.5);
    expect(Math.abs(w - guess)).toBeGreaterThan(20);
  });

  it('measures Khmer labels with the Khmer font', async () => {
    const chart = await compile(barSpec, 400, 220);
    const label = findItems(chart.scene as SceneNodeLike, 'text').find((t) => t.text === 'ពលកម្មកុមារ')!;
    expect(label).toBeDefined();
    const w = label.bounds!.x2 - label.bounds!.x1;
    expect(Math.abs(w - measureText('khmer', 'ពលកម្មកុមារ', 11))).toBeLessThan(0.5);
  });

  it('keeps the spec height when no height is given (width still fits)', async () => {
    const chart = await compile({ ...barSpec, height: 120 }, 300);
    expect(Math.abs(chart.width - 300)).toBeLessThanOrEqual(1);
    expect(chart.height).toBeGreaterThan(120);
    expect(chart.height).toBeLessThan(220);
  });

  it('compiles an arc (donut) chart with its legend', async () => {
    const chart = await compile(donutSpec, 360, 180);
    expect(Math.abs(chart.width - 360)).toBeLessThanOrEqual(1);
    expect(Math.abs(chart.height - 180)).toBeLessThanOrEqual(1);
    const arcs = findItems(chart.scene as SceneNodeLike, 'arc');
    expect(arcs).toHaveLength(4);
    const total = arcs.reduce((s, a) => s + ((a.endAngle as number) - (a.startAngle as number)), 0);
    expect(Math.abs(total)).toBeCloseTo(2 * Math.PI, 5);
    expect(chart.texts).toEqual(expect.arrayContaining(['Bilateral donors', 'Private sector', 'Source', 'Funding by source']));
  });

  it('compiles a line/point chart with a temporal year axis', async () => {
    const chart = await compile(lineSpec, 420, 200);
    expect(Math.abs(chart.width - 420)).toBeLessThanOrEqual(1);
    expect(chart.texts).toEqual(expect.arrayContaining(['2018', '2019', '2020', '2021', 'Year', 'Returnees', 'Phnom Penh']));
    expect(findItems(chart.scene as SceneNodeLike, 'line').length).toBeGreaterThan(0);
    expect(findItems(chart.scene as SceneNodeLike, 'symbol').length).toBeGreaterThanOrEqual(8);
  });

  it('compiles an ordinal year axis', async () => {
    const chart = await compile(ordinalYearSpec, 300, 160);
    expect(chart.texts.slice(0, 4)).toEqual(['2018', '2019', '2020', '2021']);
  });

  it('compiles a rule/text timeline', async () => {
    const chart = await compile(timelineSpec, 450, 100);
    expect(Math.abs(chart.width - 450)).toBeLessThanOrEqual(1);
    expect(chart.texts).toEqual(expect.arrayContaining(['Programme launch', 'Shelter opens', 'Border closures', 'Referral law']));
    expect(findItems(chart.scene as SceneNodeLike, 'rule').length).toBeGreaterThanOrEqual(4);
  });

  it('does not modify the caller’s spec or datasets', async () => {
    const spec = structuredClone(lineSpec);
    const before = structuredClone(datasets.trend);
    await compile(spec, 300, 150);
    expect(spec).toEqual(lineSpec);
    expect(datasets.trend).toEqual(before);
  });

  it('rejects an unknown dataset name', async () => {
    await expect(compile({ ...barSpec, data: { name: 'nope' } })).rejects.toThrow(/charts\/test\.vl\.json.*"nope"/);
  });
});

describe('compileChart refuses external data', () => {
  afterEach(() => vi.restoreAllMocks());

  function spyOnIo() {
    const readFile = vi.spyOn(fs, 'readFile');
    const readFileSync = vi.spyOn(fs, 'readFileSync');
    const open = vi.spyOn(fs.promises, 'readFile');
    const fetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('network used'));
    return () => {
      for (const s of [readFile, open, fetch]) expect(s).not.toHaveBeenCalled();
      // Other code may read files; only the passwd file matters here.
      expect(readFileSync.mock.calls.some((c) => String(c[0]).includes('passwd'))).toBe(false);
    };
  }

  it.each([
    ['/etc/passwd', { data: { url: '/etc/passwd' }, mark: 'point' }],
    ['http://x', { data: { url: 'http://x', format: { type: 'csv' } }, mark: 'bar' }],
    [
      'a layer',
      { layer: [{ data: { name: 'cases' }, mark: 'bar' }, { data: { url: 'file:///etc/passwd' }, mark: 'rule' }] },
    ],
    [
      'a lookup',
      {
        data: { name: 'cases' },
        transform: [{ lookup: 'type', from: { data: { url: '/etc/passwd' }, key: 'a', fields: ['b'] } }],
        mark: 'bar',
      },
    ],
  ])('rejects url data (%s) with an error naming the spec file', async (_name, spec) => {
    const check = spyOnIo();
    await expect(compile(spec, 300, 150, 'charts/evil.vl.json')).rejects.toThrow(/charts\/evil\.vl\.json.*url/);
    check();
  });

  it('never loads resources at render time either (image marks get nothing)', async () => {
    const check = spyOnIo();
    const chart = await compile(
      {
        data: { values: [{ u: '/etc/passwd' }, { u: 'http://x/y.png' }] },
        mark: { type: 'image', width: 20, height: 20 },
        encoding: { url: { field: 'u', type: 'nominal' }, x: { field: 'u', type: 'nominal' } },
      },
      300,
      100,
    );
    await new Promise((r) => setTimeout(r, 20)); // let any (refused) image load settle
    check();
    // No picture was supplied for either URL: nothing is drawn, and the chart says so.
    expect(chart.warnings.join('\n')).toMatch(/image "\/etc\/passwd" is not drawn/);
  });
});

describe('time zones', () => {
  it('gives the same temporal labels whatever the TZ of the process', async () => {
    // A child process per time zone: TZ is read when the process starts.
    const dir = join(root, 'node_modules', '.cache', 'chart-tests');
    fs.mkdirSync(dir, { recursive: true });
    const outfile = join(dir, `tz-${process.pid}.mjs`);
    const entry = `
      import { compileChart } from './src/charts/compileChart.ts';
      import { defaultChartTheme } from './src/charts/chartTheme.ts';
      const rows = [
        { d: '2019-01-01', v: 3 }, { d: '2020-01-01', v: 5 }, { d: '2021-06-15', v: 4 },
        { d: '2022-01-01T00:00:00', v: 8 }, { d: '2023-01-01 00:00', v: 2 },
      ];
      const layer = (x) => ({ layer: [
        { mark: 'line', encoding: { x, y: { field: 'v', type: 'quantitative' } } },
        { mark: 'text', encoding: { x, y: { field: 'v', type: 'quantitative' }, text: { field: 'd', type: 'temporal' } } },
      ] });
      const specs = [
        { data: { name: 't' }, ...layer({ field: 'd', type: 'temporal' }) },
        { data: { name: 't' }, ...layer({ field: 'd', type: 'temporal', timeUnit: 'yearmonth' }) },
        { data: { name: 't' }, ...layer({ field: 'd', type: 'ordinal', timeUnit: 'year' }) },
        { data: { name: 't' }, transform: [{ calculate: 'year(datum.d) + "/" + month(datum.d)', as: 'ym' }],
          mark: 'text', encoding: { x: { field: 'ym', type: 'nominal' }, text: { field: 'ym' } } },
      ];
      const out = [];
      for (const spec of specs) {
        const c = await compileChart({ spec, datasets: { t: rows }, theme: defaultChartTheme, width: 400, height: 150 });
        out.push(c.texts);
      }
      console.log(JSON.stringify(out));
    `;
    await build({
      stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'tz-entry.ts' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      packages: 'external',
      outfile,
      logLevel: 'silent',
    });
    try {
      const run = (tz: string) =>
        JSON.parse(execFileSync(process.execPath, [outfile], { env: { ...process.env, TZ: tz }, encoding: 'utf8' })) as string[][];
      const ny = run('America/New_York');
      const pp = run('Asia/Phnom_Penh');
      const kiribati = run('Pacific/Kiritimati');
      expect(pp).toEqual(ny);
      expect(kiribati).toEqual(ny);
      // And the values are the UTC ones (no "Dec 31, 2018").
      expect(ny[0]).toEqual(expect.arrayContaining(['2020', 'Jan 01, 2019', 'Jun 15, 2021', 'Jan 01, 2022', 'Jan 01, 2023']));
      expect(ny[2]).toEqual(expect.arrayContaining(['2019', '2020', '2021', '2022', '2023']));
      expect(ny[3]).toEqual(expect.arrayContaining(['2019/0', '2021/5', '2023/0']));
    } finally {
      fs.rmSync(outfile, { force: true });
      try {
        fs.rmdirSync(dir); // only if empty
      } catch {
        /* other runs still use it */
      }
    }
  }, 60_000);
});
