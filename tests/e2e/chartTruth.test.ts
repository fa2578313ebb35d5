// What a brief says a chart shows is what the chart draws, after its filters, bins and
// aggregations: its alt text (read from the PDF's /Alt), the sources under it and its rows in
// the data appendix (read from the PDF's text). Checked on tests/fixtures/transformed-charts (a
// heat map, a box plot, a filtered bar chart and a line chart of means over 1,461 daily rows)
// against numbers computed here from the data files, and on the sample brief.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/buildProject.js';
import { main } from '../../src/cli/main.js';
import { figureAlts } from '../helpers/figureAlts.js';
import { checkPdfUa } from '../helpers/pdfUaCheck.js';
import { fixtureBuild, SAMPLE_ROOT, scratchProject, TRANSFORMED_CHARTS_ROOT as ROOT } from '../helpers/project.js';
import { normalise, readPdfText } from '../helpers/readPdf.js';

const require = createRequire(import.meta.url);
const { parse: parseCsv } = require('csv-parse/sync') as typeof import('csv-parse/sync');
type Row = Record<string, string>;
const csv = (root: string, name: string) => parseCsv(readFileSync(join(root, 'content/data', `${name}.csv`), 'utf8'), { columns: true }) as Row[];

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** Numbers as the charts print them: a true minus sign. */
const num = (s: string) => Number(s.replace('−', '-'));
const signed = (x: number) => String(x).replace('-', '−');

/** The appendix's text per figure number, from the PDF's pages. */
function appendixSections(pages: string[]): Map<number, string> {
  const all = pages.join('\n');
  const start = all.indexOf('Appendix: chart data\nFigure 1\n');
  expect(start, 'the appendix').toBeGreaterThanOrEqual(0);
  const parts = all.slice(start).split(/\nFigure (\d+)\n/);
  const out = new Map<number, string>();
  for (let i = 1; i + 1 < parts.length; i += 2) out.set(Number(parts[i]), parts[i + 1]);
  return out;
}

/** d3's quantile (vega's median): linear between the two nearest ranks. */
function quantile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return lo + 1 < s.length ? s[lo] + (s[lo + 1] - s[lo]) * (h - lo) : s[lo];
}

describe('charts that filter, bin and aggregate (tests/fixtures/transformed-charts)', () => {
  const weather = csv(ROOT, 'weather');
  const annual = csv(ROOT, 'annual');
  let build: BuildResult;
  let pages: string[];
  let alts: string[];
  let appendix: Map<number, string>;
  const alt = (kind: string) => {
    const found = alts.filter((a) => a.startsWith(`${kind}:`));
    expect(found, kind).toHaveLength(1);
    return found[0];
  };

  beforeAll(async () => {
    build = await fixtureBuild(ROOT);
    const pdf = build.documents[0].pdf;
    pages = (await readPdfText(pdf)).pages;
    alts = await figureAlts(pdf);
    appendix = appendixSections(pages);
  }, 120_000);

  it('reads the rows of vega-datasets’ files, unchanged', () => {
    const dir = join(require.resolve('vega-datasets'), '..', '..', 'data');
    const read = (f: string) => parseCsv(readFileSync(join(dir, f), 'utf8'), { columns: true }) as Row[];
    const days = read('seattle-weather.csv');
    expect(weather.map((r) => [r.date, num(r.value), r.temp_max, r.temp_min, r.wind, r.weather]))
      .toEqual(days.map((d) => [d.date, num(d.precipitation), d.temp_max, d.temp_min, d.wind, d.weather]));
    const both = read('weather.csv');
    const total = (rows: Row[], y: string) => Math.round(rows.filter((d) => d.date.startsWith(y)).reduce((a, d) => a + Number(d.precipitation), 0) * 10) / 10;
    for (const r of annual) {
      const rows = r.city === 'Seattle' ? days : both.filter((d) => d.location === 'New York');
      expect(num(r.value), r.key).toBe(total(rows, r.yr));
    }
  });

  // The heat map counts the days from 2013 on in 5-degree bands (the width Vega-Lite picks for
  // this range; tests/unit/charts/drawnData.test.ts reads it from the chart).
  const kept = weather.filter((r) => r.date >= '2013');
  const cells = new Map<string, number>();
  for (const r of kept) {
    const lo = Math.floor(Number(r.temp_max) / 5) * 5;
    const cell = `${MONTHS[Number(r.date.slice(5, 7)) - 1]}, ${signed(lo)} – ${signed(lo + 5)}`;
    cells.set(cell, (cells.get(cell) ?? 0) + 1);
  }
  const counts = [...cells.values()];

  it('describes the heat map by its axes, its cells and the range of its counts, not the rows of its file', () => {
    const a = alt('Heat map');
    expect(a).toContain(`${cells.size} cells, Month (12: Jan to Dec) by Daily high (°C)`);
    const max = Math.max(...counts);
    const maxCells = [...cells].filter(([, n]) => n === max).map(([c]) => c);
    expect(a).toContain(`Days from ${Math.min(...counts)} (`);
    expect(a).toContain(`to ${max}${maxCells.length === 1 ? ` (${maxCells[0]})` : ''}.`);
    expect(a).toContain('Source: NOAA National Climatic Data Center, via vega-datasets seattle-weather.csv.');
    expect(a).not.toContain('values, from');
    expect(a).not.toContain('2012-01-01');
  });

  it('lists the heat map’s cells in the appendix, cut at 40 rows with a note of how many and where the data is', () => {
    const s = appendix.get(1)!;
    const rows = s.split('\n').filter((l) => /^[A-Z][a-z]{2} −?\d+ – −?\d+ \d+$/.test(l));
    expect(rows).toHaveLength(40);
    for (const r of rows) {
      const m = /^(\w+) (−?\d+ – −?\d+) (\d+)$/.exec(r)!;
      expect(Number(m[3]), r).toBe(cells.get(`${m[1]}, ${m[2]}`));
    }
    expect(normalise(s)).toContain(`The first 40 of ${cells.size} rows. The chart is drawn from content/data/weather.csv.`);
  });

  const groups = ['drizzle', 'fog', 'rain', 'snow', 'sun'];
  const highs = (g: string) => weather.filter((r) => r.weather === g).map((r) => Number(r.temp_max));

  it('describes the box plot by its groups, their medians and its extremes', () => {
    const a = alt('Box plot');
    expect(a).toContain(`5 groups by Weather: ${groups.join(', ')}.`);
    const medians = a.slice(a.indexOf('Median of Daily high (°C): '));
    for (const g of groups) {
      const m = new RegExp(`\\b${g} (−?[\\d.]+)`).exec(medians);
      expect(m, g).not.toBeNull();
      expect(num(m![1].replace(/\.$/, '')), g).toBeCloseTo(quantile(highs(g), 0.5), 6);
    }
    const all = weather.map((r) => Number(r.temp_max));
    const lowest = weather.find((r) => Number(r.temp_max) === Math.min(...all))!;
    const highest = weather.find((r) => Number(r.temp_max) === Math.max(...all))!;
    expect(a).toContain(`Lowest ${signed(Math.min(...all))} (${lowest.weather}), highest ${signed(Math.max(...all))} (${highest.weather}).`);
  });

  it('lists the box plot’s boxes in the appendix (a row per group), and its outliers as the days they are', () => {
    const s = appendix.get(2)!;
    for (const g of groups) {
      const xs = highs(g);
      const row = s.split('\n').find((l) => l.startsWith(`${g} `));
      expect(row, g).toBeDefined();
      const cellsOfRow = row!.split(' ').slice(1).map(num);
      expect(cellsOfRow, g).toHaveLength(7); // min, lower whisker, Q1, median, Q3, upper whisker, max
      expect(cellsOfRow[0], g).toBe(Math.min(...xs));
      expect(cellsOfRow[3], g).toBeCloseTo(quantile(xs, 0.5), 6);
      expect(cellsOfRow[6], g).toBe(Math.max(...xs));
    }
    const outliers = s.split('\n').filter((l) => /^\d{4}-\d{2}-\d{2} \w+ −?[\d.]+$/.test(l));
    expect(outliers.length).toBeGreaterThan(0);
    for (const o of outliers) {
      const [date, kind, t] = o.split(' ');
      const day = weather.find((r) => r.date === date)!;
      expect([day.weather, num(day.temp_max)], o).toEqual([kind, num(t)]);
    }
    expect(s).not.toContain('2012-01-01 ');
  });

  it('lists and cites only the rows the filtered bar chart draws', () => {
    const ny = annual.filter((r) => r.city === 'New York');
    const s = normalise(appendix.get(3)!);
    for (const r of ny) expect(s).toContain(`${r.label} `);
    expect(pages.join('\n')).not.toContain('Seattle, 2012');
    const body = pages.join('\n');
    const caption = body.indexOf('Figure 3. Yearly precipitation in New York.\n');
    expect(caption).toBeGreaterThanOrEqual(0);
    expect(body.slice(caption).split('\n')[1]).toBe(`Source: ${ny[0].source}`);
    const a = alt('Bar chart');
    expect(a).toContain(`Source: ${ny[0].source}.`);
    expect(a).not.toContain('National Climatic Data Center');
  });

  it('describes the line chart of means by its series, the months it spans and its extremes', () => {
    const a = alt('Line chart');
    expect(a).toContain('4 series by Year (2012, 2013, 2014, 2015). Month from Jan to Dec.');
    const means: [number, string][] = [];
    for (const y of ['2012', '2013', '2014', '2015']) {
      MONTHS.forEach((mo, i) => {
        const xs = weather.filter((r) => r.date.startsWith(`${y}-${String(i + 1).padStart(2, '0')}`)).map((r) => Number(r.temp_max));
        means.push([xs.reduce((p, x) => p + x, 0) / xs.length, `${mo}, ${y}`]);
      });
    }
    means.sort((p, q) => p[0] - q[0]);
    const m = /lowest (−?[\d.]+) \(([^)]+)\), highest (−?[\d.]+) \(([^)]+)\)/.exec(a);
    expect(m, a).not.toBeNull();
    expect(Math.abs(num(m![1]) - means[0][0])).toBeLessThan(0.006);
    expect(m![2]).toBe(means[0][1]);
    expect(Math.abs(num(m![3]) - means.at(-1)![0])).toBeLessThan(0.006);
    expect(m![4]).toBe(means.at(-1)![1]);
  });

  it('leaves a chart with "usermeta": {"appendix": false} out of the appendix, and only it', () => {
    expect([...appendix.keys()]).toEqual([1, 2, 3]);
    expect(pages.join('\n')).toContain('Figure 4. Mean daily high in each month, one line a year.');
  });

  it('is a short brief (it was 89 pages when the appendix printed every row of the file), and tagged', async () => {
    expect(build.documents[0].pages).toBeLessThanOrEqual(8);
    const ua = await checkPdfUa(build.documents[0].pdf);
    expect(ua.failures).toEqual([]);
  });

  it('refuses a usermeta.appendix that is not true or false, naming the chart file', async () => {
    const dir = scratchProject(ROOT);
    const file = join(dir, 'content/charts/monthly-lines.vl.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"appendix": false', '"appendix": "no"'));
    const err: string[] = [];
    const code = await main(['build', '--root', dir, '--out', join(dir, 'out'), '--no-cache'], { out: () => {}, err: (s) => err.push(s) });
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('content/charts/monthly-lines.vl.json: usermeta.appendix must be true or false');
  });
});

describe('the sample brief’s appendix and alt texts say what its charts draw', () => {
  let pages: string[];
  let alts: string[];
  beforeAll(async () => {
    const pdf = (await fixtureBuild(SAMPLE_ROOT)).documents.find((d) => d.name === 'brief')!.pdf;
    pages = (await readPdfText(pdf)).pages;
    alts = await figureAlts(pdf);
  }, 120_000);

  // The sample's charts select their rows by key (`"filter": {"field": "key", "oneOf": […]}`).
  const brief = readFileSync(join(SAMPLE_ROOT, 'content/brief.md'), 'utf8');
  const charts = [...brief.matchAll(/^::: figure (\S+)/gm)].map((m) => m[1]);
  const rowsOf = (name: string) => csv(SAMPLE_ROOT, name);

  it.each(charts.map((c, i) => [i + 1, c] as const))('figure %i (%s): the appendix lists the rows drawn, and the alt text says them with their sources', (n, chart) => {
    const spec = JSON.parse(readFileSync(join(SAMPLE_ROOT, 'content/charts', `${chart}.vl.json`), 'utf8'));
    const keys = new Set<string>();
    const files = new Set<string>();
    JSON.stringify(spec, (k, v) => {
      if (k === 'filter' && v?.field === 'key') (v.oneOf as string[]).forEach((x) => keys.add(x));
      if (k === 'data' && typeof v?.name === 'string') files.add(v.name);
      return v;
    });
    expect(keys.size, 'a chart that selects rows by key').toBeGreaterThan(0);
    const rows = [...files].flatMap(rowsOf);
    const drawn = rows.filter((r) => keys.has(r.key));
    const left = rows.filter((r) => !keys.has(r.key));
    expect(drawn).toHaveLength(keys.size);
    expect(left.length, 'rows of the same files the chart does not draw').toBeGreaterThan(0);

    const section = normalise(appendixSections(pages).get(n)!);
    for (const r of drawn) expect(section, r.key).toContain(normalise(`${r.label} `));
    for (const r of left) expect(section, r.key).not.toContain(normalise(r.label));

    const a = alts.find((x) => x.includes(spec.description))!;
    expect(a, chart).toBeDefined();
    const said = a.slice(a.indexOf(spec.description) + spec.description.length);
    for (const r of drawn) expect(said, r.key).toContain(`${r.label}: `);
    for (const r of left) expect(said, r.key).not.toContain(r.label);
    expect(said).toContain(`Source: ${[...new Set(drawn.map((r) => r.source))].join('; ')}.`);
  });
});
