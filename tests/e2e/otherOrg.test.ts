// The second fixture project, tests/fixtures/other-org: a fictional organisation on
// example.org, en-US, US Letter, about Seattle's daily weather from npm `vega-datasets`. Its
// figures are recomputed here from the dataset itself, then read back from the PDFs.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/buildProject.js';
import { main } from '../../src/cli/main.js';
import type { DestItem } from '../../src/layout/pageTypes.js';
import { loadProject } from '../../src/load/loadProject.js';
import type { Source } from '../../src/load/sourceTypes.js';
import { fixtureBuild, OTHER_ORG_ROOT, scratchProject } from '../helpers/project.js';
import { normalise, readPdfText, type PdfText } from '../helpers/readPdf.js';
import { KINDS } from '../helpers/kinds.js';

const require = createRequire(import.meta.url);
const { parse: parseCsv } = require('csv-parse/sync') as typeof import('csv-parse/sync');

let build: BuildResult;
let source: Source;
let brief: PdfText;
let handout: PdfText;
const doc = (name: string) => build.documents.find((d) => d.name === name)!;

beforeAll(async () => {
  build = await fixtureBuild(OTHER_ORG_ROOT);
  source = loadProject(OTHER_ORG_ROOT, KINDS);
  brief = await readPdfText(doc('brief').pdf);
  handout = await readPdfText(doc('handout').pdf);
}, 120_000);

describe('the data files agree with vega-datasets’ seattle-weather.csv', () => {
  const file = join(dirname(require.resolve('vega-datasets')), '..', 'data', 'seattle-weather.csv');
  const days = parseCsv(readFileSync(file, 'utf8'), { columns: true }) as Record<string, string>[];
  const num = (key: string) => {
    const f = source.figures.get(key);
    expect(f, key).toBeDefined();
    return f!.value as number;
  };
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

  it('reads four whole years of days', () => {
    expect(days).toHaveLength(1461);
    expect(days[0].date).toBe('2012-01-01');
    expect(days.at(-1)!.date).toBe('2015-12-31');
    expect(num('days.total')).toBe(days.length);
  });

  it('yearly precipitation totals, wet days and the four-year total', () => {
    for (const y of ['2012', '2013', '2014', '2015']) {
      const sum = days.filter((d) => d.date.startsWith(y)).reduce((a, d) => a + Number(d.precipitation), 0);
      expect(num(`precip.y${y}`), y).toBeCloseTo(round1(sum), 6);
    }
    expect(num('precip.total')).toBeCloseTo(round1(days.reduce((a, d) => a + Number(d.precipitation), 0)), 6);
    expect(num('precip.wet_days')).toBe(days.filter((d) => Number(d.precipitation) > 0).length);
  });

  it('monthly means of the daily high, low and precipitation', () => {
    MONTHS.forEach((m, i) => {
      const inMonth = days.filter((d) => Number(d.date.slice(5, 7)) === i + 1);
      const mean = (k: string) => inMonth.reduce((a, d) => a + Number(d[k]), 0) / inMonth.length;
      expect(num(`monthly.high_${m}`), m).toBeCloseTo(round1(mean('temp_max')), 6);
      expect(num(`monthly.low_${m}`), m).toBeCloseTo(round1(mean('temp_min')), 6);
      expect(num(`monthly.rain_${m}`), m).toBeCloseTo(round1(inMonth.reduce((a, d) => a + Number(d.precipitation), 0) / 4), 6);
    });
  });

  it('weather labels and extremes', () => {
    for (const w of ['rain', 'sun', 'fog', 'drizzle', 'snow']) expect(num(`days.${w}`), w).toBe(days.filter((d) => d.weather === w).length);
    expect(num('days.hottest')).toBe(Math.max(...days.map((d) => Number(d.temp_max))));
    expect(num('days.coldest')).toBe(Math.min(...days.map((d) => Number(d.temp_min))));
    expect(num('days.wettest')).toBe(Math.max(...days.map((d) => Number(d.precipitation))));
  });

  it('every row names the dataset as its source, and the licence note is there', () => {
    expect(source.figures.size).toBeGreaterThan(40);
    for (const f of source.figures.values()) expect(f.source, f.key).toContain('vega-datasets, seattle-weather.csv');
    const note = readFileSync(join(OTHER_ORG_ROOT, 'VEGA-DATASETS-LICENSE.md'), 'utf8');
    expect(note).toContain('BSD-3-Clause');
    expect(note).toContain('U.S. Government Dataset');
  });
});

describe('the other organisation’s PDFs', () => {
  it('are US Letter, en-US, and say who they are from', () => {
    for (const d of build.documents) {
      for (const p of d.laid.pages) expect([Math.round(p.width), Math.round(p.height)], d.name).toEqual([612, 792]);
      const raw = d.pdf.toString('latin1');
      expect(raw).toMatch(/\/MediaBox \[0 0 612 792\]/);
      expect(raw).toContain('/Lang (en-US)');
    }
    expect(brief.pages[0]).toContain('Four years of weather in Seattle');
    expect(brief.pages[0]).toContain('Rain Gauge Readers');
    expect(normalise(handout.pages.join('\n'))).toContain('a fictional group');
  });

  it('format numbers for en-US: thousands with commas, decimals with a point', () => {
    const all = normalise(brief.pages.join('\n'));
    // precip.total 4426, days.total 1461, precip.y2014 1232.8, days.coldest -7.1 (printed with a real minus sign)
    for (const s of ['4,426 millimeters', 'covers 1,461 days', 'had 1,232.8 millimeters', '\u22127.1 °C']) expect(all).toContain(s);
  });

  it('the brief: three numbered charts with captions, source lines and their axis text', () => {
    const all = brief.pages.join('\n');
    const nums = [...new Set([...all.matchAll(/Figure (\d+)\. /g)].map((m) => Number(m[1])))];
    expect(nums).toEqual([1, 2, 3]);
    expect(doc('brief').laid.pages.flatMap((p) => p.items).filter((i) => i.kind === 'chart').length).toBeGreaterThanOrEqual(3);
    expect(all).toContain('Source: vega-datasets, seattle-weather.csv');
    for (const t of ['Precipitation (mm)', 'Temperature (°C)', 'Daily high', 'Daily low', 'Jan', 'Dec', '2013']) expect(all).toContain(t);
  });

  it('the brief: the table of weather labels, with bound counts', () => {
    const all = normalise(brief.pages.join('\n'));
    expect(all).toMatch(/Weather label\s*Days/);
    for (const [label, n] of [['Rain', '641'], ['Sun', '640'], ['Fog', '101'], ['Drizzle', '53'], ['Snow', '26'], ['All days', '1,461']]) {
      expect(all).toMatch(new RegExp(`${label}\\s*${n}`));
    }
  });

  it('the brief: every footnote is set on the page that first cites it', () => {
    const laid = doc('brief').laid;
    const seen = new Set<string>();
    for (const page of laid.pages) {
      for (const it of page.items) {
        if (it.kind !== 'link' || !it.dest?.startsWith('note-') || seen.has(it.dest)) continue;
        seen.add(it.dest);
        const note = page.items.find((x): x is DestItem => x.kind === 'dest' && x.name === it.dest);
        expect(note, `${it.dest} on the citing page`).toBeDefined();
        expect(note!.y).toBeGreaterThan(it.y);
      }
    }
    expect(seen.size).toBe(3);
  });

  it('the handout: one sheet, four callouts, a chart and the donation link', () => {
    expect(handout.numPages).toBeLessThanOrEqual(2);
    const all = normalise(handout.pages.join('\n'));
    for (const n of ['4,426', '623', '35.6', '160.6']) expect(all).toContain(n);
    expect(all).toContain('Figure 1.');
    expect(all).toContain('example.org/rain-gauge-readers/give');
    expect(all).toContain('Placeholder contact details');
  });
});

describe('bad input in a copy of the other organisation’s project', () => {
  it('a derived total that does not add up is refused at its row', async () => {
    const root = scratchProject(OTHER_ORG_ROOT);
    const p = join(root, 'content/data/precip.csv');
    const text = readFileSync(p, 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('precip.total,')) + 1;
    expect(line).toBeGreaterThan(1);
    writeFileSync(p, text.replace(',4426.0,', ',4427,'));
    const err: string[] = [];
    const code = await main(['build', '--root', root, '--out', join(root, 'out')], { out: () => undefined, err: (s) => err.push(s) });
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(new RegExp(`^content/data/precip\\.csv:${line}: derived figure precip\\.total is 4427 but precip\\.y2012 \\+ precip\\.y2013 \\+ precip\\.y2014 \\+ precip\\.y2015 = 4426`, 'm'));
  });
});
