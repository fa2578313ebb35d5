// A corpus of Vega-Lite specs (tests/unit/conformance/vlSpecs/*.json) covering every mark type, layers,
// facets, concatenation, repeat, legends, gradients, dashes, opacity, clipping, time units and log
// scales, with data from npm `vega-datasets`. Each spec:
// - passes our Vega-Lite schema check (src/load/validateChartSpec.ts) once its `data.url` is
//   rewritten to a named dataset (the sandbox refuses URLs, so the harness loads the file);
// - compiles with compileChart and draws into a pdfkit document with drawChart;
// - reads back with pdf.js: the titles, axis titles and labels in `usermeta.expectTexts` are in
//   the PDF's text, the mark types in `usermeta.marks` are in the scenegraph, and the raw content
//   stream matches `usermeta.pdfPatterns` (shadings for gradients, dash arrays, opacity, clips).
// Every chart is also drawn into one PDF, a page each, and read back; set
// VL_CORPUS_PDF=/tmp/corpus.pdf to keep that file for a visual check.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { pdfOf } from '../../helpers/pdfOf.js';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as vega from 'vega';
import { compileChart, type ChartScene } from '../../../src/charts/compileChart.js';
import { defaultChartTheme } from '../../../src/charts/chartTheme.js';
import { drawChart } from '../../../src/render/drawChart.js';
import { validateChartSpec } from '../../../src/load/validateChartSpec.js';
import { readPdfText } from '../../helpers/readPdf.js';

const require = createRequire(import.meta.url);
const { parse: parseCsv } = require('csv-parse/sync') as typeof import('csv-parse/sync');
const here = dirname(fileURLToPath(import.meta.url));
const specDir = join(here, 'vlSpecs');
// The package's main entry is build/index.js; its data files sit in data/ beside build/.
const datasetsDir = join(dirname(require.resolve('vega-datasets')), '..', 'data');

type Json = Record<string, unknown>;
type Rows = Record<string, unknown>[];
interface Meta {
  expectTexts: string[];
  marks: string[];
  pdfPatterns?: string[];
  maxRows?: number;
}

const WIDTH = 420;
const HEIGHT = 220;
const MAX_ROWS = 400;

/** Small datasets the corpus needs that vega-datasets does not have. */
const localData: Record<string, Rows> = {
  // Two squares of GeoJSON, one above the other (lon/lat degrees).
  squares: [
    {
      type: 'Feature',
      properties: { name: 'North' },
      // Clockwise exterior rings: d3-geo (spherical) reads an anticlockwise ring as "everything but".
      geometry: { type: 'Polygon', coordinates: [[[0, 10], [0, 20], [10, 20], [10, 10], [0, 10]]] },
    },
    {
      type: 'Feature',
      properties: { name: 'South' },
      geometry: { type: 'Polygon', coordinates: [[[2, -8], [2, 2], [12, 2], [12, -8], [2, -8]]] },
    },
  ],
  images: [
    { label: '7zip', img: 'data/7zip.png' },
    { label: 'gimp', img: 'data/gimp.png' },
    { label: 'ffox', img: 'https://example.org/ffox.png' },
  ],
  fruit: [
    { fruit: 'Apples', n: 28 },
    { fruit: 'Pears', n: 55 },
    { fruit: 'Plums', n: 43 },
  ],
};

/** Reads a vega-datasets file the way vega's loader would (types auto-detected for CSV). */
function readDataset(url: string, format: Json | undefined, maxRows: number): Rows {
  const file = join(datasetsDir, basename(url));
  const text = fs.readFileSync(file, 'utf8');
  let rows: Rows;
  if (format?.type === 'topojson') {
    rows = vega.read(text, format as never) as Rows;
  } else if (file.endsWith('.csv')) {
    rows = parseCsv(text, { columns: true, cast: true }) as Rows;
  } else {
    rows = JSON.parse(text) as Rows;
  }
  return rows.slice(0, maxRows);
}

/**
 * Rewrites every `data: {url}` in the spec into `data: {name}` and loads the file into the
 * datasets handed to compileChart, as the report's loader does with content/data/.
 */
function prepare(spec: Json, maxRows: number): { spec: Json; datasets: Record<string, Rows> } {
  const datasets: Record<string, Rows> = {};
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== 'object' || node === null) return node;
    const out: Json = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === 'data' && typeof v === 'object' && v !== null && 'url' in v) {
        const { url, format } = v as { url: string; format?: Json };
        const name = basename(url).replace(/\.\w+$/, '').replace(/\W/g, '_');
        datasets[name] ??= readDataset(url, format, maxRows);
        out[k] = { name };
      } else if (k === 'data' && typeof v === 'object' && v !== null && 'name' in v) {
        const name = String((v as { name: unknown }).name);
        datasets[name] ??= localData[name];
        out[k] = v;
      } else out[k] = visit(v);
    }
    return out;
  };
  return { spec: visit(spec) as Json, datasets };
}

interface CorpusEntry {
  name: string;
  file: string;
  spec: Json;
  meta: Meta;
}

const corpus: CorpusEntry[] = fs
  .readdirSync(specDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => {
    const spec = JSON.parse(fs.readFileSync(join(specDir, f), 'utf8')) as Json;
    return { name: f.replace(/\.json$/, ''), file: `tests/unit/conformance/vlSpecs/${f}`, spec, meta: spec.usermeta as Meta };
  });

interface SceneNode {
  marktype?: string;
  items?: SceneNode[];
}

function markTypes(node: SceneNode, out = new Set<string>()): Set<string> {
  if (node.marktype && (node.items?.length ?? 0) > 0) out.add(node.marktype);
  for (const i of node.items ?? []) markTypes(i, out);
  return out;
}

const compiled = new Map<string, ChartScene>();

describe('Vega-Lite corpus', () => {
  it('covers every mark type and the composition operators', () => {
    const marks = new Set<string>();
    const keys = new Set<string>();
    const walk = (n: unknown) => {
      if (Array.isArray(n)) return n.forEach(walk);
      if (typeof n !== 'object' || n === null) return;
      for (const [k, v] of Object.entries(n)) {
        keys.add(k);
        if (k === 'mark') marks.add(typeof v === 'string' ? v : String((v as Json).type));
        walk(v);
      }
    };
    for (const c of corpus) walk(c.spec);
    for (const m of ['arc', 'area', 'bar', 'boxplot', 'errorband', 'errorbar', 'geoshape', 'image', 'line', 'point', 'rect', 'rule', 'text', 'tick', 'trail']) {
      expect(marks, m).toContain(m);
    }
    for (const k of ['layer', 'facet', 'hconcat', 'vconcat', 'repeat', 'strokeDash', 'opacity', 'clip', 'timeUnit', 'gradient', 'projection']) {
      expect(keys, k).toContain(k);
    }
  });

  describe.each(corpus)('$name', ({ name, file, spec, meta }) => {
    const { spec: prepared, datasets } = prepare(spec, meta.maxRows ?? MAX_ROWS);

    it('passes the Vega-Lite schema check', () => {
      const text = JSON.stringify(prepared, null, 2);
      expect(validateChartSpec(prepared, text, file)).toEqual([]);
    });

    it('compiles, draws, and its text reads back from the PDF', async () => {
      const chart = await compileChart({ spec: prepared, datasets, theme: defaultChartTheme, width: WIDTH, height: HEIGHT, specFile: file });
      compiled.set(name, chart);
      expect(chart.width).toBeGreaterThan(0);
      expect(chart.height).toBeGreaterThan(0);
      // Composite charts (facet, concat, repeat) size themselves; single views fit the width.
      const composite = ['facet', 'hconcat', 'vconcat', 'repeat', 'concat'].some((k) => k in spec);
      if (!composite) expect(Math.abs(chart.width - WIDTH)).toBeLessThanOrEqual(1);
      // No warnings (composites used to get Vega-Lite's 'Autosize "fit" only works for single views').
      expect(chart.warnings.filter((w) => !/image ".*" is not drawn/.test(w))).toEqual([]);

      const types = markTypes(chart.scene as SceneNode);
      for (const m of meta.marks) expect(types, `${name}: ${m} marks`).toContain(m);
      for (const t of meta.expectTexts) expect(chart.texts, `${name}: scene text`).toContain(t);

      const buf = await pdfOf((doc) => drawChart(doc, chart, 40, 40));
      const { pages } = await readPdfText(buf);
      for (const t of meta.expectTexts) expect(pages[0], `${name}: PDF text`).toContain(t);
      const raw = buf.toString('latin1');
      for (const p of meta.pdfPatterns ?? []) expect(raw, `${name}: ${p}`).toMatch(new RegExp(p));
      // Nothing painted in plain black by accident (an unparsed colour would come out black).
      if (!/black/.test(JSON.stringify(spec))) expect(raw).not.toMatch(/(^|\s)0 0 0 (scn|SCN)\b/);
      // The graphics state is balanced.
      const ops = raw.split(/\s+/);
      expect(ops.filter((o) => o === 'q').length).toBe(ops.filter((o) => o === 'Q').length);
      // The recorded drawing survives the disk cache's JSON round trip: the same bytes again.
      const { scene: _scene, ...drawing } = chart;
      // (Uncompressed, with the creation date, file ID and font subset tags masked.)
      const masked = (b: Buffer) => b.toString('latin1').replace(/\(D:\d+Z\)|<[0-9a-f]{32}>|\/[A-Z]{6}\+/g, '#');
      const direct = await pdfOf((doc) => drawChart(doc, drawing, 40, 40));
      const again = await pdfOf((doc) => drawChart(doc, JSON.parse(JSON.stringify(drawing)), 40, 40));
      expect(masked(again) === masked(direct), `${name}: drawn from JSON`).toBe(true);
    });
  });
});

describe('corpus specifics', () => {
  afterEach(() => vi.restoreAllMocks());

  beforeAll(async () => {
    for (const c of corpus) {
      if (compiled.has(c.name)) continue;
      const { spec, datasets } = prepare(c.spec, c.meta.maxRows ?? MAX_ROWS);
      compiled.set(c.name, await compileChart({ spec, datasets, theme: defaultChartTheme, width: WIDTH, height: HEIGHT, specFile: c.file }));
    }
  });

  it('image marks without supplied pictures compile and draw without crashing, draw no image and read nothing', async () => {
    const readFileSync = vi.spyOn(fs, 'readFileSync');
    const readFile = vi.spyOn(fs, 'readFile');
    const fetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('network used'));
    const c = corpus.find((x) => x.name === 'image')!;
    const { spec, datasets } = prepare(c.spec, 10);
    readFileSync.mockClear();
    const chart = await compileChart({ spec, datasets, theme: defaultChartTheme, width: WIDTH, height: HEIGHT, specFile: c.file });
    // The harness supplies no pictures (the build does: tests/unit/charts/chartImages.test.ts).
    expect(chart.warnings.join('\n')).toMatch(/image "data\/7zip\.png" is not drawn/);
    const buf = await pdfOf((doc) => drawChart(doc, chart, 40, 40));
    await new Promise((r) => setTimeout(r, 20)); // any (refused) image load would have settled
    expect(readFileSync.mock.calls.some((call) => /\.png$/.test(String(call[0])))).toBe(false);
    expect(readFile).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
    const raw = buf.toString('latin1');
    expect(raw).not.toMatch(/\/Subtype\s*\/Image/);
    expect(raw).not.toMatch(/\bDo\b/); // no XObject painted
  });

  it('a facet draws one header label per facet and the same marks in each cell', () => {
    const chart = compiled.get('facet')!;
    for (const o of ['Europe', 'Japan', 'USA']) expect(chart.texts.filter((t) => t === o)).toHaveLength(1);
  });

  it('the log scale labels powers of ten', () => {
    const chart = compiled.get('point-log-opacity')!;
    expect(chart.texts).toEqual(expect.arrayContaining(['100']));
    expect(chart.texts.some((t) => /^[1-9]000?$/.test(t) || t === '1,000')).toBe(true);
  });

  it('time units give month names in UTC', () => {
    const chart = compiled.get('rect-timeunit')!;
    const months = chart.texts.filter((t) => /^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)$/.test(t));
    expect(months).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
  });

  it('draws the whole corpus into one PDF, one chart a page, each with its own text (VL_CORPUS_PDF keeps it)', async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(20);
    const buf = await pdfOf((doc) => {
      let first = true;
      for (const c of corpus) {
        const chart = compiled.get(c.name)!;
        if (!first) doc.addPage({ size: 'A4', margin: 0 });
        first = false;
        doc.fontSize(9).text(c.name, 40, 20);
        drawChart(doc, chart, 40, 40);
      }
    }, true);
    // Read back: a page per chart, in order, each with the chart's name and expected texts
    // (drawing many charts into one document must not lose or mix up any of them).
    const { numPages, pages } = await readPdfText(buf);
    expect(numPages).toBe(corpus.length);
    corpus.forEach((c, i) => {
      expect(pages[i], `page ${i + 1}`).toContain(c.name);
      for (const t of c.meta.expectTexts) expect(pages[i], `${c.name}: ${t}`).toContain(t);
    });
    // For a visual check: VL_CORPUS_PDF=/tmp/corpus.pdf npx vitest run tests/unit/conformance
    const out = process.env.VL_CORPUS_PDF;
    if (out) fs.writeFileSync(out, buf);
  });
});
