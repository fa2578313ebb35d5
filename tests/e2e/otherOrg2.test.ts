// The third fixture project, tests/fixtures/other-org-2: a fictional organisation on
// example.org, en-US, US Letter, built from two files of npm `vega-datasets` (daily weather in
// Seattle and New York; the global temperature record), with charts of every common kind, a
// 60-row table and a Vietnamese handout. Its data are checked against the package, its figures
// recomputed, and its PDFs read back. (Placement, reading order, PDF/UA and typesetting quality
// run on it with every fixture: placement, readingOrder, pdfUa and quality tests.)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/buildProject.js';
import type { TextItem } from '../../src/layout/pageTypes.js';
import { loadProject } from '../../src/load/loadProject.js';
import { loadTemplate } from '../../src/load/loadTemplate.js';
import type { Source } from '../../src/load/sourceTypes.js';
import { ENGINE_TRANSLATIONS } from '../../src/strings/engineStrings.js';
import { KINDS } from '../helpers/kinds.js';
import { fixtureBuild, OTHER_ORG_2_ROOT } from '../helpers/project.js';
import { normalise, readPdfText, type PdfText } from '../helpers/readPdf.js';

const require = createRequire(import.meta.url);
const { parse: parseCsv } = require('csv-parse/sync') as typeof import('csv-parse/sync');
const PACKAGE_DATA = join(dirname(require.resolve('vega-datasets')), '..', 'data');
const DATA = join(OTHER_ORG_2_ROOT, 'content/data');

let build: BuildResult;
let source: Source;
const pdfs = new Map<string, PdfText>();
const doc = (name: string) => build.documents.find((d) => d.name === name)!;

beforeAll(async () => {
  build = await fixtureBuild(OTHER_ORG_2_ROOT);
  source = loadProject(OTHER_ORG_2_ROOT, KINDS);
  for (const d of build.documents) pdfs.set(d.name, await readPdfText(d.pdf));
}, 120_000);

describe('the data agree with vega-datasets', () => {
  const days = parseCsv(readFileSync(join(PACKAGE_DATA, 'weather.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  const years = parseCsv(readFileSync(join(PACKAGE_DATA, 'global-temp.csv'), 'utf8'), { columns: true }) as Record<string, string>[];
  const num = (key: string) => {
    const f = source.figures.get(key);
    expect(f, key).toBeDefined();
    return f!.value as number;
  };
  const round1 = (x: number) => Math.round(x * 10) / 10;

  it('the two plain tables are the package’s files, byte for byte', () => {
    for (const f of ['weather.csv', 'global-temp.csv']) expect(readFileSync(join(DATA, f)).equals(readFileSync(join(PACKAGE_DATA, f))), f).toBe(true);
    expect(days).toHaveLength(2 * 1461);
    expect(years).toHaveLength(144);
  });

  it('each city’s means, counts and extremes', () => {
    const city = (name: string) => days.filter((d) => d.location === name);
    const sea = city('Seattle');
    const nyc = city('New York');
    expect(num('cities.days')).toBe(sea.length);
    expect(nyc.length).toBe(sea.length);
    const yearly = (c: typeof days) => round1(c.reduce((a, d) => a + Number(d.precipitation), 0) / 4);
    expect(num('cities.sea_precip_year')).toBeCloseTo(yearly(sea), 6);
    expect(num('cities.nyc_precip_year')).toBeCloseTo(yearly(nyc), 6);
    const meanHigh = (c: typeof days) => round1(c.reduce((a, d) => a + Number(d.temp_max), 0) / c.length);
    expect(num('cities.sea_high')).toBeCloseTo(meanHigh(sea), 6);
    expect(num('cities.nyc_high')).toBeCloseTo(meanHigh(nyc), 6);
    const hottest = nyc.reduce((a, d) => (Number(d.temp_max) > Number(a.temp_max) ? d : a));
    const coldest = nyc.reduce((a, d) => (Number(d.temp_min) < Number(a.temp_min) ? d : a));
    expect(num('cities.nyc_hottest')).toBe(Number(hottest.temp_max));
    expect(source.figures.get('cities.nyc_hottest')!.year).toContain(hottest.date.slice(0, 4));
    expect(num('cities.nyc_coldest')).toBe(Number(coldest.temp_min));
    expect(source.figures.get('cities.nyc_coldest')!.year).toContain(coldest.date.slice(0, 4));
    expect(num('cities.sea_wet_days')).toBe(sea.filter((d) => Number(d.precipitation) > 0).length);
    expect(num('cities.nyc_wet_days')).toBe(nyc.filter((d) => Number(d.precipitation) > 0).length);
  });

  it('the sixty anomaly figures are the record’s last sixty years', () => {
    const last60 = years.slice(-60);
    expect(last60[0].year).toBe('1964');
    for (const y of last60) expect(num(`anomaly.y${y.year}`), y.year).toBe(Number(y.temp));
    expect([...source.figures.keys()].filter((k) => k.startsWith('anomaly.'))).toHaveLength(60);
  });

  it('what the prose says of the record holds: a zero mean over 1951–1980, the ten warmest years 2014–2023', () => {
    const base = years.filter((y) => Number(y.year) >= 1951 && Number(y.year) <= 1980);
    expect(Math.abs(base.reduce((a, y) => a + Number(y.temp), 0) / base.length)).toBeLessThan(0.005);
    const warmest = [...years].sort((a, b) => Number(b.temp) - Number(a.temp)).slice(0, 10).map((y) => Number(y.year)).sort();
    expect(warmest).toEqual([2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    expect(Number(years.at(-1)!.temp)).toBe(Math.max(...years.map((y) => Number(y.temp))));
  });

  it('the licence note is there and names the datasets’ own licences', () => {
    const note = readFileSync(join(OTHER_ORG_2_ROOT, 'VEGA-DATASETS-LICENSE.md'), 'utf8');
    for (const s of ['BSD-3-Clause', 'U.S. Government Dataset', 'NOAA Climate Data Online', 'NASA Goddard Institute for Space Studies']) expect(note).toContain(s);
  });
});

describe('the charts are of every common kind', () => {
  const spec = (name: string) => source.charts.get(name)!.spec as Record<string, unknown>;
  const marks = (s: Record<string, unknown>): string[] => {
    const m = s.mark === undefined ? [] : [typeof s.mark === 'string' ? s.mark : (s.mark as { type: string }).type];
    const kids = ['layer', 'hconcat', 'vconcat', 'concat'].flatMap((k) => (s[k] as Record<string, unknown>[] | undefined) ?? []);
    return [...m, ...kids.flatMap(marks)];
  };

  it('facet by a channel, concat, layers, a heat map, a box plot, error bars', () => {
    expect((spec('monthly-facet').encoding as Record<string, unknown>).column).toBeDefined();
    expect(spec('city-concat').hconcat).toHaveLength(2);
    expect(marks(spec('global-temp'))).toEqual(['rule', 'line', 'line']);
    expect(marks(spec('heat-map'))).toEqual(['rect']);
    expect(marks(spec('box-plot'))).toEqual(['boxplot']);
    expect(marks(spec('error-bars'))).toEqual(['errorbar', 'point']);
  });

  it('the brief places six of them, numbered, each with a source line', () => {
    const all = normalise(pdfs.get('brief')!.pages.join('\n'));
    const nums = [...new Set([...all.matchAll(/Figure (\d+)\. /g)].map((m) => Number(m[1])))];
    expect(nums).toEqual([1, 2, 3, 4, 5, 6]);
    expect(doc('brief').laid.pages.flatMap((p) => p.items).filter((i) => i.kind === 'chart')).toHaveLength(6);
    expect(all).toContain('Source: NOAA Climate Data Online, via vega-datasets weather.csv');
    expect(all).toContain('Source: NASA Goddard Institute for Space Studies, via vega-datasets global-temp.csv');
    // The facet's panels are headed by the cities; the concat's two views by their titles.
    for (const t of ['New York', 'Seattle', 'Precipitation in each year', 'Mean daily high in each month', 'Mean daily high (°C)', 'Anomaly (°C)']) expect(all).toContain(t);
  });
});

describe('the PDFs', () => {
  it('are US Letter, and each in its own language', () => {
    const langs = Object.fromEntries(build.documents.map((d) => [d.name, /\/Lang \(([^)]+)\)/.exec(d.pdf.toString('latin1'))?.[1]]));
    expect(langs).toMatchObject({ brief: 'en-US', handout: 'en-US', 'handout-vi': 'vi' });
    // A document added to the fixture (another template of the same brief) says its own language.
    for (const d of source.documents) expect(langs[d.name], d.name).toBe(d.frontMatter.language);
    for (const d of build.documents) for (const p of d.laid.pages) expect([Math.round(p.width), Math.round(p.height)], d.name).toEqual([612, 792]);
  });

  it('the brief’s table has all sixty years, in order, each with its anomaly (a real minus sign)', () => {
    const all = normalise(pdfs.get('brief')!.pages.join('\n'));
    const years = parseCsv(readFileSync(join(PACKAGE_DATA, 'global-temp.csv'), 'utf8'), { columns: true }).slice(-60) as Record<string, string>[];
    let at = all.indexOf('Year Anomaly');
    expect(at).toBeGreaterThan(0);
    for (const y of years) {
      const v = Number(y.temp).toFixed(2).replace('-', '\u2212');
      const found = all.indexOf(`${y.year} ${v} °C`, at);
      expect(found, `${y.year} ${v} °C after position ${at}`).toBeGreaterThan(at);
      at = found;
    }
    // Longer than a page: its header row is repeated on the pages it runs onto.
    expect(pdfs.get('brief')!.pages.filter((p) => normalise(p).includes('Year Anomaly')).length).toBeGreaterThanOrEqual(2);
  });

  it('the brief’s running heads name the section in force at the top of each page', () => {
    const laid = doc('brief').laid;
    const texts = (page: (typeof laid.pages)[number]) => page.items.filter((i): i is TextItem => i.kind === 'text').map((i) => ({ y: i.y, text: i.fragments.map((f) => f.text).join(''), body: i.struct !== undefined, font: i.fragments[0]?.style.font }));
    // The page where the heading "A warming world" (in the h1 font, not the contents' entry)
    // starts below other material of "Heat and cold".
    const h1Font = loadTemplate(OTHER_ORG_2_ROOT, 'templates/brief.yaml', KINDS.get('brief')!).type.h1.font;
    const at = laid.pages.findIndex((p) => texts(p).some((t) => t.body && t.text === 'A warming world' && t.font === h1Font));
    expect(at).toBeGreaterThan(2);
    const page = texts(laid.pages[at]);
    const heading = page.find((t) => t.body && t.text === 'A warming world')!;
    expect(page.filter((t) => t.body && t.y < heading.y).length).toBeGreaterThan(0);
    const head = (i: number) => texts(laid.pages[i]).filter((t) => !t.body && t.y < 80).map((t) => t.text);
    expect(head(at)).toContain('Heat and cold');
    expect(head(at)).not.toContain('A warming world');
    expect(head(at + 1)).toContain('A warming world');
  });

  it('the Vietnamese handout: fixed text in Vietnamese, numbers written the Vietnamese way', () => {
    const vi = ENGINE_TRANSLATIONS.vi!;
    const all = normalise(pdfs.get('handout-vi')!.pages.join('\n'));
    expect(all).toContain('Hai thành phố, một thế giới đang nóng lên');
    expect(all).toContain(vi.figureCaption.replace('{number}', '1'));
    expect(all).toContain(vi.sourcesTitle);
    expect(all).toContain(vi.sourceLine.replace('{source}', 'NASA Goddard Institute for Space Studies'));
    // A decimal comma and a full stop between thousands, as Intl writes Vietnamese.
    expect(all).toContain(`${new Intl.NumberFormat('vi', { minimumFractionDigits: 1 }).format(1106.5)} mm`);
    expect(all).toContain('1,17 °C');
    for (const english of ['Figure 1', 'Sources of figures', 'Source:']) expect(all).not.toContain(english);
  });

  it('the English handout: one sheet with its call to action, three callouts and a chart', () => {
    expect(doc('handout').pages).toBeLessThanOrEqual(2);
    const all = normalise(pdfs.get('handout')!.pages.join('\n'));
    for (const s of ['1.17 °C', '37.8 °C', '623', 'Figure 1.', 'example.org/two-harbors/give', 'Read the record yourself']) expect(all).toContain(s);
  });
});
