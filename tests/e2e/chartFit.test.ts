// Charts of any shape in a real build (a scratch copy of the other-org fixture, US Letter):
// - a vconcat of two 450-px views (taller than a page; layout used to grow to gigabytes and
//   never finish) builds, and its figure sits on one page inside the text block;
// - a facet by a `column` channel keeps its three panels inside the column;
// - every warning from compiling a chart is printed by the build, once, naming the spec file,
//   even though the chart is drawn in both documents (at two widths);
// - a chart that no page can hold fails the build with exit code 2 and the spec's name.
// The memory and time bound of the tall chart is the test timeout: no clock is read.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, type BuildResult } from '../../src/build/buildProject.js';
import { pageBox } from '../../src/layout/pageGeometry.js';
import type { ChartItem } from '../../src/layout/pageTypes.js';
import { runShippedCli } from '../helpers/cliBundle.js';
import { OTHER_ORG_ROOT, scratchProject } from '../helpers/project.js';
import { briefTemplate } from '../helpers/kinds.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const tall = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  description: 'Monthly precipitation above monthly temperatures, each view 450 px tall.',
  data: { name: 'monthly' },
  vconcat: [
    {
      height: 450,
      transform: [{ filter: { field: 'series', equal: 'Precipitation' } }],
      mark: 'bar',
      encoding: { x: { field: 'month', type: 'ordinal', sort: MONTHS }, y: { field: 'value', type: 'quantitative', title: 'Precipitation (mm)' } },
    },
    {
      height: 450,
      transform: [{ filter: { field: 'series', oneOf: ['Daily high', 'Daily low'] } }],
      mark: 'line',
      encoding: { x: { field: 'month', type: 'ordinal', sort: MONTHS }, y: { field: 'value', type: 'quantitative', title: 'Temperature (°C)' }, color: { field: 'series', type: 'nominal' } },
    },
  ],
};

const trellis = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  description: 'One panel per series: daily highs, daily lows and precipitation by month.',
  data: { name: 'monthly' },
  mark: 'point',
  encoding: {
    column: { field: 'series', type: 'nominal', title: null },
    x: { field: 'month', type: 'ordinal', sort: MONTHS, title: null },
    y: { field: 'value', type: 'quantitative', title: null },
  },
};

/** One row of panels per month and series: 36 rows, far taller than any page at any size. */
const huge = {
  $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
  data: { name: 'monthly' },
  mark: 'bar',
  encoding: {
    row: { field: 'key', type: 'nominal' },
    x: { field: 'value', type: 'quantitative' },
    y: { field: 'series', type: 'nominal' },
  },
};

function addFigure(root: string, chart: string, spec: object): void {
  writeFileSync(join(root, `content/charts/${chart}.vl.json`), JSON.stringify(spec, null, 2));
  const md = join(root, 'content/brief.md');
  const text = readFileSync(md, 'utf8').replace('# Kinds of day', `::: figure ${chart}\nThe ${chart} chart.\n:::\n\n# Kinds of day`);
  writeFileSync(md, text);
}

let root: string;
let result: BuildResult;

beforeAll(async () => {
  root = scratchProject(OTHER_ORG_ROOT);
  addFigure(root, 'tall', tall);
  addFigure(root, 'trellis', trellis);
  // The wet-season chart is in the brief and the handout: its warning comes from two compiles.
  const wet = join(root, 'content/charts/wet-season.vl.json');
  const spec = JSON.parse(readFileSync(wet, 'utf8')) as { layer: { encoding: Record<string, unknown> }[] };
  spec.layer[0].encoding.shape = { value: 'circle' };
  writeFileSync(wet, JSON.stringify(spec, null, 2));
  result = await buildProject({ root, dryRun: true });
});

describe('charts of any shape in a build', () => {
  it('fits a chart taller than a page onto one page, inside the text block', () => {
    const brief = result.documents.find((d) => d.name === 'brief')!;
    const content = pageBox(briefTemplate(root), 'letter').content(1);
    const charts = brief.laid.pages.flatMap((p) => p.items.filter((i): i is ChartItem => i.kind === 'chart'));
    const tallChart = charts.find((c) => c.chart.texts.includes('Precipitation (mm)') && c.chart.texts.includes('Temperature (°C)'))!;
    expect(tallChart).toBeDefined();
    expect(tallChart.chart.height).toBeGreaterThan(300);
    expect(tallChart.y).toBeGreaterThanOrEqual(content.y - 0.01);
    expect(tallChart.y + tallChart.chart.height).toBeLessThanOrEqual(content.y + content.height + 0.01);
    expect(tallChart.chart.width).toBeLessThanOrEqual(content.width + 0.5);
    expect(brief.stats.splitFigures).toBe(0);
    expect(brief.pages).toBeLessThan(20);
  });

  it('keeps the three panels of a column facet inside the column', () => {
    const brief = result.documents.find((d) => d.name === 'brief')!;
    const content = pageBox(briefTemplate(root), 'letter').content(1);
    const chart = brief.laid.pages.flatMap((p) => p.items.filter((i): i is ChartItem => i.kind === 'chart')).find((c) => c.chart.texts.includes('Daily low') && c.chart.texts.includes('Daily high') && c.chart.texts.includes('Precipitation'))!;
    expect(chart).toBeDefined();
    expect(chart.chart.width).toBeLessThanOrEqual(content.width + 0.5);
    expect(chart.chart.width).toBeGreaterThan(content.width * 0.95);
    expect(chart.x + chart.chart.width).toBeLessThanOrEqual(content.x + content.width + 0.5);
  });

  it('reports each chart warning once, naming the spec file', () => {
    const shape = result.warnings.filter((w) => w.includes('shape dropped'));
    expect(shape).toEqual(['content/charts/wet-season.vl.json: shape dropped as it is incompatible with "bar".']);
    // Nothing about fitting: these charts fit without being scaled.
    expect(result.warnings.join('\n')).not.toMatch(/Autosize|scaled to|more than the/);
  });

  it('prints chart warnings from the CLI and fails with exit 2 on a chart no page can hold', () => {
    const out = mkdtempSync(join(tmpdir(), 'report-chartfit-'));
    const ok = runShippedCli(['build', '--root', root, '--out', out, '--no-cache', '--quiet']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr.split('\n').filter((l) => l.includes('shape dropped'))).toEqual(['warning: content/charts/wet-season.vl.json: shape dropped as it is incompatible with "bar".']);

    addFigure(root, 'huge', huge);
    const bad = runShippedCli(['build', '--root', root, '--out', out, '--no-cache', '--quiet']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^content\/charts\/huge\.vl\.json: the chart needs \d+ pt of height even with its panels at 40% of their size; the page has room for \d+ pt — show fewer rows of panels/m);
    expect(bad.stderr).not.toMatch(/at .*\.(ts|js|cjs):\d+/); // no stack trace
  });
});
