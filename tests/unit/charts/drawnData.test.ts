// What a compiled chart says it draws (src/charts/readDrawnData.ts): the rows after the chart's
// filters, bins and aggregations, their columns as the chart names them, and the data-file rows
// behind them. Checked against counts, medians and keys computed here from the data file itself.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BuildSession } from '../../../src/build/buildSession.js';
import { compileCached } from '../../../src/build/chartCache.js';
import { DiskCache } from '../../../src/build/diskCache.js';
import { defaultChartTheme } from '../../../src/charts/chartTheme.js';
import { compileChart } from '../../../src/charts/compileChart.js';
import type { ChartScene } from '../../../src/charts/compileChart.js';
import { isDrawnData, type DrawnTable } from '../../../src/charts/drawnData.js';
import { loadDataTables } from '../../../src/load/loadData.js';
import { loadProject } from '../../../src/load/loadProject.js';
import { briefTemplate, KINDS } from '../../helpers/kinds.js';
import { TRANSFORMED_CHARTS_ROOT as ROOT } from '../../helpers/paths.js';

type Row = Record<string, unknown>;
const { tables } = loadDataTables(ROOT);
const rowsOf = (name: string): Row[] => tables.get(name)!.figures.map((f) => ({ ...f.row }));
const weather = rowsOf('weather');
const specOf = (name: string) => JSON.parse(readFileSync(join(ROOT, 'content/charts', `${name}.vl.json`), 'utf8')) as object;
const compile = (spec: object, datasets: Record<string, Row[]>) =>
  compileChart({ spec, datasets, theme: defaultChartTheme, width: 400, height: 200, specFile: 'test.vl.json' });
const titles = (t: DrawnTable) => t.columns.map((c) => c.title);
const column = (t: DrawnTable, title: string) => {
  const i = titles(t).indexOf(title);
  expect(i, `column "${title}" in ${titles(t).join(' | ')}`).toBeGreaterThanOrEqual(0);
  return t.rows.map((r) => r[i]);
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** d3's quantile (vega's q1, median, q3): linear between the two nearest ranks. */
function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo] + (s[lo + 1] - s[lo]) * (h - lo) : s[lo];
}

describe('a heat map that filters, bins and counts', () => {
  const kept = weather.filter((r) => String(r.date) >= '2013');
  let chart: ChartScene;
  let t: DrawnTable;
  beforeAll(async () => {
    chart = await compile(specOf('heat-map'), { weather });
    t = chart.drawn.tables[0];
  });

  it('is one table of cells, its columns named by the encoding’s titles, on x, y and colour', () => {
    expect(chart.drawn.tables).toHaveLength(1);
    expect(titles(t)).toEqual(['Month', 'Daily high (°C)', 'Days']);
    expect(t.columns.map((c) => c.channel)).toEqual(['x', 'y', 'color']);
    expect(t.marks).toEqual(['rect']);
  });

  it('has one row per drawn cell, each the count of the filtered days in its month and band', () => {
    // The band width is the chart's (Vega-Lite picks it); the counts are made here from the file.
    const starts = [...new Set(column(t, 'Daily high (°C)').map((c) => c[1]!))].sort((a, b) => a - b);
    const step = starts[1] - starts[0];
    expect(step).toBeGreaterThan(0);
    const expected = new Map<string, number>();
    for (const r of kept) {
      const cell = `${MONTHS[Number(String(r.date).slice(5, 7)) - 1]} ${Math.floor((r.temp_max as number) / step) * step}`;
      expected.set(cell, (expected.get(cell) ?? 0) + 1);
    }
    const drawn = new Map(t.rows.map((r) => [`${r[0][0]} ${r[1][1]}`, r[2][1]]));
    expect(t.rows.length).toBe(expected.size);
    expect(drawn).toEqual(expected);
    expect(column(t, 'Days').reduce((a, c) => a + c[1]!, 0)).toBe(kept.length);
    expect(column(t, 'Daily high (°C)')[0][0]).toMatch(/^−?\d+ – −?\d+$/); // a band, as the chart labels it
  });

  it('cites exactly the rows that went into the cells: those the filter kept', () => {
    expect(chart.drawn.traced).toBe(true);
    expect([...chart.drawn.keys].sort()).toEqual(kept.map((r) => r.key as string).sort());
  });

  it('lists the cells in reading order: month by month', () => {
    const months = column(t, 'Month').map((c) => c[0]);
    expect([...new Set(months)]).toEqual(MONTHS);
  });
});

describe('a box plot', () => {
  let chart: ChartScene;
  let boxes: DrawnTable;
  let outliers: DrawnTable;
  beforeAll(async () => {
    chart = await compile(specOf('box-plot'), { weather });
    [boxes, outliers] = chart.drawn.tables;
  });
  const groups = ['drizzle', 'fog', 'rain', 'snow', 'sun'];
  const byGroup = (g: string) => weather.filter((r) => r.weather === g).map((r) => r.temp_max as number);

  it('is one table of boxes and whiskers, a row per group, then the outliers', () => {
    expect(chart.drawn.tables).toHaveLength(2);
    expect(new Set(boxes.marks)).toEqual(new Set(['rect', 'rule']));
    expect(column(boxes, 'Weather').map((c) => c[0])).toEqual(groups);
    expect(titles(boxes)[0]).toBe('Weather');
    expect(outliers.marks).toEqual(['symbol']);
  });

  it('gives each group’s median, quartiles and extremes as computed from the file', () => {
    const median = column(boxes, 'Median of Daily high (°C)');
    const q1 = column(boxes, 'Q1 of Daily high (°C)');
    const q3 = column(boxes, 'Q3 of Daily high (°C)');
    const min = column(boxes, 'Min of Daily high (°C)');
    const max = column(boxes, 'Max of Daily high (°C)');
    groups.forEach((g, i) => {
      const xs = byGroup(g);
      expect(median[i][1], g).toBeCloseTo(quantile(xs, 0.5), 9);
      expect(q1[i][1], g).toBeCloseTo(quantile(xs, 0.25), 9);
      expect(q3[i][1], g).toBeCloseTo(quantile(xs, 0.75), 9);
      expect(min[i][1], g).toBe(Math.min(...xs));
      expect(max[i][1], g).toBe(Math.max(...xs));
    });
  });

  it('draws as outliers the data-file rows beyond the whiskers, by their temperature', () => {
    const figures = new Map(weather.map((r) => [r.key as string, r]));
    expect(outliers.rows.length).toBeGreaterThan(0);
    outliers.keys.forEach((k, i) => {
      const row = figures.get(k!)!;
      expect(row, String(k)).toBeDefined();
      const xs = byGroup(String(row.weather));
      const iqr = quantile(xs, 0.75) - quantile(xs, 0.25);
      const t = row.temp_max as number;
      expect(t < quantile(xs, 0.25) - 1.5 * iqr || t > quantile(xs, 0.75) + 1.5 * iqr, `${k} at ${t}`).toBe(true);
      expect(outliers.rows[i][1][1]).toBe(t);
    });
  });

  it('cites every row of the file (the plot has no filter)', () => {
    expect(chart.drawn.keys).toHaveLength(weather.length);
  });
});

describe('a filtered bar chart', () => {
  const annual = rowsOf('annual');
  let chart: ChartScene;
  beforeAll(async () => {
    chart = await compile(specOf('new-york-bars'), { annual });
  });
  const ny = annual.filter((r) => r.city === 'New York').map((r) => r.key);

  it('draws and cites only the rows its filter keeps', () => {
    expect(chart.drawn.keys).toEqual(ny);
    expect(chart.drawn.tables[0].keys).toEqual(ny);
  });

  it('names the drawn value after its axis, not its field', () => {
    expect(titles(chart.drawn.tables[0])).toEqual(['yr', 'Precipitation (mm)']);
    expect(column(chart.drawn.tables[0], 'Precipitation (mm)').map((c) => c[1])).toEqual(annual.filter((r) => r.city === 'New York').map((r) => r.value));
  });
});

describe('tracing aggregated rows back to the data file', () => {
  const t = [
    { key: 't.a1', g: 'a', v: 1 },
    { key: 't.a2', g: 'a', v: 1 },
    { key: 't.b1', g: 'b', v: 5 },
    { key: 't.c1', g: 'c', v: 10 },
    { key: 't.c2', g: 'c', v: 2 },
  ];
  const bars = (transform: object[], y: object) => ({ data: { name: 't' }, transform, mark: 'bar', encoding: { x: { field: 'g', type: 'nominal' }, y } });

  it('leaves out rows a filter drops before the aggregate', async () => {
    const c = await compile(bars([{ filter: "datum.g !== 'c'" }], { aggregate: 'sum', field: 'v', type: 'quantitative' }), { t });
    expect([...c.drawn.keys].sort()).toEqual(['t.a1', 't.a2', 't.b1']);
    expect(c.drawn.tables[0].rows.map((r) => r.map((x) => x[0]))).toEqual([['a', '2'], ['b', '5']]);
  });

  it('leaves out rows of groups a filter drops after the aggregate', async () => {
    const c = await compile(bars([{ aggregate: [{ op: 'sum', field: 'v', as: 'total' }], groupby: ['g'] }, { filter: 'datum.total > 3' }], { field: 'total', type: 'quantitative' }), { t });
    expect(c.drawn.traced).toBe(true);
    expect([...c.drawn.keys].sort()).toEqual(['t.b1', 't.c1', 't.c2']);
  });
});

describe('marks that draw the same rows', () => {
  const t = [
    { key: 't.x', name: 'X', v: 3, lane: 1 },
    { key: 't.y', name: 'Y', v: 7, lane: 2 },
  ];

  it('become one table: bars and their labels', async () => {
    const spec = {
      data: { name: 't' },
      transform: [{ calculate: "'about ' + datum.v", as: 'label' }],
      encoding: { x: { field: 'name', type: 'nominal' }, y: { field: 'v', type: 'quantitative' } },
      layer: [{ mark: 'bar' }, { mark: 'text', encoding: { text: { field: 'label', type: 'nominal' } } }],
    };
    const c = await compile(spec, { t });
    expect(c.drawn.tables).toHaveLength(1);
    expect(new Set(c.drawn.tables[0].marks)).toEqual(new Set(['rect', 'text']));
    expect(c.drawn.tables[0].rows.map((r) => r.map((x) => x[0]))).toEqual([['X', '3', 'about 3'], ['Y', '7', 'about 7']]);
  });

  it('leave out a position that has no axis (a lane), and ignore the spec’s own tooltips', async () => {
    const plain = { data: { name: 't' }, mark: 'point', encoding: { x: { field: 'v', type: 'quantitative' }, y: { field: 'lane', type: 'quantitative', axis: null }, color: { field: 'name', type: 'nominal' } } };
    const withTips = { ...plain, mark: { type: 'point', tooltip: true }, encoding: { ...plain.encoding, tooltip: [{ field: 'key' }] } };
    const a = await compile(plain, { t });
    const b = await compile(withTips, { t });
    expect(titles(a.drawn.tables[0])).toEqual(['v', 'name']);
    expect(b.drawn).toEqual(a.drawn);
    expect(b.ops).toEqual(a.ops);
  });
});

describe('drawn data in the build cache', () => {
  it('is plain JSON, read back whole; an entry whose drawn data is malformed is a miss', async () => {
    const source = loadProject(ROOT, KINDS, ['brief']);
    const template = briefTemplate(ROOT);
    const dir = mkdtempSync(join(tmpdir(), 'drawn-cache-'));
    const disk = () => new DiskCache(dir, 'test');
    const first = compileCached(new BuildSession(), source, template, 'box-plot', 400, 200, disk());
    const drawing = await first.drawing;
    expect(first.reused).toBe(false);
    expect(isDrawnData(JSON.parse(JSON.stringify(drawing.drawn)))).toBe(true);
    const again = compileCached(new BuildSession(), source, template, 'box-plot', 400, 200, disk());
    expect(again.reused).toBe(true);
    expect((await again.drawing).drawn).toEqual(drawing.drawn);

    const [file] = readdirSync(join(dir, 'test')).filter((f) => f.startsWith('chart-'));
    const entry = JSON.parse(readFileSync(join(dir, 'test', file), 'utf8'));
    entry.value.drawn.tables[0].rows[0].pop(); // a row shorter than the columns
    writeFileSync(join(dir, 'test', file), JSON.stringify(entry));
    const broken = compileCached(new BuildSession(), source, template, 'box-plot', 400, 200, disk());
    expect(broken.reused).toBe(false);
    expect((await broken.drawing).drawn).toEqual(drawing.drawn);
  });

  it('a long-lived session keeps at most 1,000 compiled charts: it starts over, and the build gets its chart', async () => {
    const source = loadProject(ROOT, KINDS, ['brief']);
    const template = briefTemplate(ROOT);
    const session = new BuildSession();
    const kept = compileCached(session, source, template, 'box-plot', 400, 200);
    await kept.drawing;
    expect(compileCached(session, source, template, 'box-plot', 400, 200).reused).toBe(true);
    // Fill the session up to its limit with other charts' entries (stand-ins, never read).
    for (let i = session.charts.size; i < 1_000; i++) session.charts.set(`other ${i}`, kept.drawing);
    const next = compileCached(session, source, template, 'box-plot', 300, 200);
    expect(session.charts.size).toBe(1);
    expect((await next.drawing).width).toBeGreaterThan(0);
    // The one kept before was let go with the rest: compiled again when asked for.
    expect(compileCached(session, source, template, 'box-plot', 400, 200).reused).toBe(false);
  });

  it('rejects what is not drawn data', () => {
    const good = { tables: [{ marks: ['rect'], columns: [{ title: 'a', field: 'a', channel: 'x', type: 'number' }], rows: [[['1', 1]]], keys: [null] }], keys: ['k.a'], traced: true };
    expect(isDrawnData(good)).toBe(true);
    const bad: unknown[] = [
      null, { ...good, traced: 'yes' }, { ...good, keys: [1] },
      { ...good, tables: [{ ...good.tables[0], keys: [] }] },
      { ...good, tables: [{ ...good.tables[0], rows: [[['1', '1']]] }] },
      { ...good, tables: [{ ...good.tables[0], columns: [{ title: 'a', field: 'a', channel: 'x', type: 'date' }] }] },
    ];
    for (const b of bad) expect(isDrawnData(b), JSON.stringify(b)).toBe(false);
  });
});

describe('error bars over a time unit', () => {
  it('write their dates as ISO dates, not as JavaScript’s date text', async () => {
    const spec = {
      data: { name: 'weather' },
      encoding: { x: { timeUnit: 'month', field: 'date', type: 'ordinal' } },
      layer: [{ mark: { type: 'errorbar', extent: 'stdev' }, encoding: { y: { field: 'temp_max', type: 'quantitative' } } }],
    };
    const chart = await compile(spec, { weather });
    const cells = chart.drawn.tables.flatMap((t) => t.rows.flat().map(([text]) => text));
    expect(cells.length).toBeGreaterThan(12);
    expect(cells.filter((c) => /GMT|Coordinated Universal Time/.test(c))).toEqual([]);
    // One row a month, each dated the first of its month (in the year 2012 Vega-Lite's time units use).
    const dates = cells.filter((c) => /^\d{4}-\d{2}-\d{2}$/.test(c));
    expect(dates).toEqual(MONTHS.map((_, i) => `2012-${String(i + 1).padStart(2, '0')}-01`));
  });

  it('title the month column as Vega-Lite would when its axis has no title, not by its internal field name', async () => {
    const spec = {
      data: { name: 'weather' },
      encoding: { x: { timeUnit: 'month', field: 'date', type: 'ordinal', title: null } },
      layer: [{ mark: { type: 'errorbar', extent: 'stdev' }, encoding: { y: { field: 'temp_max', type: 'quantitative' } } }],
    };
    const chart = await compile(spec, { weather });
    const titles = chart.drawn.tables.flatMap((t) => t.columns.map((c) => c.title));
    expect(titles).toContain('date (month)');
    expect(titles).not.toContain('month_date');
  });
});

describe('a time-unit-like name of a data file\'s own column', () => {
  it('is kept: "day_count" is no time unit of "count"', async () => {
    const rows = [{ day_count: 3, count: 1, site: 'a' }, { day_count: 5, count: 2, site: 'b' }];
    const spec = { data: { name: 'visits' }, mark: 'bar', encoding: { x: { field: 'site', type: 'nominal', title: null }, y: { field: 'day_count', type: 'quantitative', title: null } } };
    const chart = await compile(spec, { visits: rows });
    const titles = chart.drawn.tables.flatMap((t) => t.columns.map((c) => c.title));
    expect(titles).toContain('day_count');
  });
});

describe('a chart faceted by a channel', () => {
  it('names each row’s panel: the facet field is a column of its table', async () => {
    const spec = {
      data: { name: 'weather' },
      mark: 'bar',
      encoding: {
        column: { field: 'weather', type: 'nominal' },
        x: { timeUnit: 'year', field: 'date', type: 'ordinal' },
        y: { aggregate: 'count', type: 'quantitative' },
      },
    };
    const chart = await compile(spec, { weather });
    const t = chart.drawn.tables[0];
    expect(titles(t)[0]).toBe('weather');
    // One row per (kind of weather, year) that has days, each with its count from the file.
    const kinds = column(t, 'weather').map(([s]) => s);
    const years = column(t, titles(t)[1]).map(([s]) => s);
    const counts = column(t, titles(t).at(-1)!).map(([, v]) => v);
    const expected = new Map<string, number>();
    for (const r of weather) {
      const k = `${String(r.weather)}|${String(r.date).slice(0, 4)}`;
      expected.set(k, (expected.get(k) ?? 0) + 1);
    }
    expect(t.rows).toHaveLength(expected.size);
    const seen = new Map(kinds.map((k, i) => [`${k}|${years[i]}`, counts[i]]));
    expect(seen).toEqual(expected);
  });
});

describe('two layers under one title', () => {
  it('keep both columns when they draw different values of the same rows', async () => {
    const jan = weather.filter((r) => String(r.date) < '2012-01-11');
    const spec = {
      data: { name: 'weather' },
      transform: [{ filter: "datum.date < '2012-01-11'" }],
      encoding: { x: { field: 'date', type: 'ordinal' } },
      layer: [
        { mark: 'line', encoding: { y: { field: 'temp_max', type: 'quantitative', title: 'Temperature (°C)' } } },
        { mark: 'line', encoding: { y: { field: 'temp_min', type: 'quantitative', title: 'Temperature (°C)' } } },
      ],
    };
    const chart = await compile(spec, { weather });
    expect(chart.drawn.tables).toHaveLength(1);
    const t = chart.drawn.tables[0];
    expect(titles(t)).toHaveLength(3);
    const highs = column(t, 'Temperature (°C)').map(([, v]) => v);
    const lows = column(t, 'Temperature (°C) (temp_min)').map(([, v]) => v);
    expect(highs).toEqual(jan.map((r) => r.temp_max));
    expect(lows).toEqual(jan.map((r) => r.temp_min));
  });
});
