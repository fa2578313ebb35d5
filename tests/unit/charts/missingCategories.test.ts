// A plain CSV with a sidecar feeds a chart: an empty cell is a missing value, and a row whose
// category is missing is left out instead of being drawn as a "null" (or blank) category.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultChartTheme } from '../../../src/charts/chartTheme.js';
import { compileChart } from '../../../src/charts/compileChart.js';
import { leaveOutMissingCategories } from '../../../src/charts/missingCategories.js';
import { loadDataTables } from '../../../src/load/loadData.js';

function stations(): Record<string, unknown>[] {
  const root = mkdtempSync(join(tmpdir(), 'missing-test-'));
  mkdirSync(join(root, 'content/data'), { recursive: true });
  // Station B has no region; station D has no reading.
  writeFileSync(join(root, 'content/data/stations.csv'), 'station,region,mm\nA,North,10\nB,,12\nC,South,7\nD,South,\n');
  writeFileSync(join(root, 'content/data/stations.yaml'), 'source: Test Bureau\nyear: 2020\n');
  return loadDataTables(root).tables.get('stations')!.rows;
}

const bars = { data: { name: 'stations' }, mark: 'bar', encoding: { x: { field: 'region', type: 'nominal' }, y: { field: 'mm', type: 'quantitative', aggregate: 'sum' } } };

async function drawn(spec: object, rows = stations(), fix = true): Promise<string[]> {
  const datasets = { stations: rows.map((r) => ({ ...r })) };
  const chart = await compileChart({ spec: fix ? leaveOutMissingCategories(spec, datasets) : spec, datasets, theme: defaultChartTheme, width: 300, height: 150 });
  return chart.texts;
}

describe('missing values from a plain table in a chart', () => {
  it('the empty cells reach the chart as null', () => {
    expect(stations()).toEqual([
      { station: 'A', region: 'North', mm: 10 },
      { station: 'B', region: null, mm: 12 },
      { station: 'C', region: 'South', mm: 7 },
      { station: 'D', region: 'South', mm: null },
    ]);
  });

  it('a missing category draws no category: the axis has North and South only', async () => {
    const texts = await drawn(bars);
    expect(texts).toEqual(expect.arrayContaining(['North', 'South']));
    expect(texts).not.toContain('null');
    expect(texts).not.toContain('');
    // What vega-lite alone does with the same rows: a category named "null".
    expect(await drawn(bars, stations(), false)).toContain('null');
  });

  it('the same for colour, a text layer sharing a sort, and a count', async () => {
    const coloured = { ...bars, encoding: { x: { field: 'station', type: 'nominal' }, y: { field: 'mm', type: 'quantitative' }, color: { field: 'region', type: 'nominal' } } };
    const c = await drawn(coloured);
    expect(c).toEqual(expect.arrayContaining(['A', 'C', 'North', 'South']));
    expect(c).not.toContain('null');
    expect(c).not.toContain('B');
    const layered = {
      data: { name: 'stations' },
      encoding: { y: { field: 'station', type: 'nominal', sort: '-x' }, x: { field: 'mm', type: 'quantitative' } },
      layer: [{ mark: 'bar' }, { mark: 'text', encoding: { text: { field: 'region', type: 'nominal' } } }],
    };
    const l = await drawn(layered);
    expect(l).not.toContain('null');
    expect(l).toEqual(expect.arrayContaining(['North', 'South', 'A', 'C']));
    // The shared sort still holds: A (10) above C (7); D has no reading and is not drawn.
    expect(l.indexOf('A')).toBeLessThan(l.indexOf('C'));
    const counted = await drawn({ data: { name: 'stations' }, mark: 'bar', encoding: { x: { field: 'region', type: 'nominal' }, y: { aggregate: 'count', type: 'quantitative' } } });
    expect(counted).not.toContain('null');
  });

  it('a spec whose data has no missing categories is compiled exactly as written', () => {
    const full = { stations: [{ station: 'A', region: 'North', mm: null }] };
    expect(leaveOutMissingCategories(bars, full)).toEqual(bars);
    const withNull = leaveOutMissingCategories(bars, { stations: [{ station: 'A', region: null, mm: 1 }] }) as { transform: unknown[] };
    expect(withNull.transform).toEqual([{ filter: 'isValid(datum["region"])' }]);
  });
});
