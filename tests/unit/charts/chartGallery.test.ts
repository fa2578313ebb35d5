// Charts of every shape fit their frame: the facet, repeat, concat and layer specs of
// tests/fixtures/vl-gallery (adapted from the Vega-Lite example gallery, data from npm
// vega-datasets, read by name as a project's chart reads its data files), compiled for the
// brief's A4 column and the handout's narrower one. Each one:
// - passes the Vega-Lite schema check;
// - is no wider than its column (+0.5 pt), a composite fills it (Vega-Lite applies a width to
//   every panel: before, facets by row/column channels came out 1–11× too wide), and none is
//   taller than the room a page gives it;
// - draws no text outside its box (measured from the drawing itself, with the PDF's fonts);
// - warns about nothing Vega-Lite would not (no 'Autosize "fit" only works for single views').
// Then the cases a new user found: a 3-column facet keeps its 3 columns, a vconcat of two
// 450-px views fits the page, a facet that cannot fit fails with the spec's name, long titles
// wrap, and datetime(ms) gives a time axis.
import fs from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileChart, type ChartScene } from '../../../src/charts/compileChart.js';
import { isComposite } from '../../../src/charts/chartSizing.js';
import { defaultChartTheme } from '../../../src/charts/chartTheme.js';
import { InputError } from '../../../src/errors.js';
import { validateChartSpec } from '../../../src/load/validateChartSpec.js';
import { withNamedData } from '../../helpers/galleryData.js';
import { REPO_ROOT } from '../../helpers/paths.js';
import { textBoxes, textOutsideBox } from '../../helpers/textBounds.js';

const dir = join(REPO_ROOT, 'tests/fixtures/vl-gallery');
type Json = Record<string, unknown>;

const specs = fs.readdirSync(dir).filter((f) => f.endsWith('.vl.json')).sort().map((f) => ({
  name: f.replace(/\.vl\.json$/, ''),
  file: `tests/fixtures/vl-gallery/${f}`,
  spec: JSON.parse(fs.readFileSync(join(dir, f), 'utf8')) as Json,
}));
const byName = (n: string) => specs.find((s) => s.name === n)!;

/** The brief's column on A4 and the handout's, with the chart heights and page room they get. */
const FRAMES = [
  { what: 'brief', width: 453.5, height: 190, maxHeight: 570, fontSize: 8 },
  { what: 'handout', width: 248, height: 150, maxHeight: 610, fontSize: 7.5 },
];

function compile(spec: Json, file: string, frame: (typeof FRAMES)[number]): Promise<ChartScene> {
  const { spec: named, datasets } = withNamedData(spec);
  return compileChart({ spec: named, datasets, theme: { ...defaultChartTheme, fontSize: frame.fontSize }, width: frame.width, height: frame.height, maxHeight: frame.maxHeight, specFile: file });
}

interface Mark {
  marktype?: string;
  name?: string;
  items?: Item[];
}
interface Item {
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  items?: Mark[];
}

/** The panels of a facet: the items of the group mark Vega-Lite names "cell". */
function cells(scene: unknown): Item[] {
  const out: Item[] = [];
  const visit = (m: Mark, depth: number) => {
    if (depth > 8) return;
    if (m.marktype === 'group' && m.name === 'cell') out.push(...(m.items ?? []));
    for (const it of m.items ?? []) for (const c of it.items ?? []) visit(c, depth + 1);
  };
  visit(scene as Mark, 0);
  return out;
}

const fitting = specs.filter((s) => s.name !== 'facet_too_tall');

describe('the gallery specs', () => {
  it('are the ones the issue is about: facets by channel and operator, repeats, concats, layers', () => {
    expect(fitting.length).toBeGreaterThanOrEqual(20);
    const composites = fitting.filter((s) => isComposite(s.spec));
    expect(composites.length).toBeGreaterThanOrEqual(18);
    // Facets made with the row/column/facet encoding channels, the ones fitted as single views before.
    const byChannel = fitting.filter((s) => ['row', 'column', 'facet'].some((c) => c in ((s.spec.encoding as Json | undefined) ?? {})));
    expect(byChannel.length).toBeGreaterThanOrEqual(8);
  });

  it.each(specs)('$name passes the Vega-Lite schema check', ({ spec, file }) => {
    const { spec: named } = withNamedData(spec);
    expect(validateChartSpec(named, JSON.stringify(named, null, 2), file)).toEqual([]);
  });
});

// The narrow column only for the widest shapes (every layout is a full Vega run: time).
const narrowCases = fitting.filter((s) => /^(trellis|facet|hconcat|long|repeat_splom|concat_pop)/.test(s.name));

describe.each(FRAMES)('in the $what column ($width pt)', (frame) => {
  it.each(frame.what === 'brief' ? fitting : narrowCases)('$name fits its frame and keeps its text inside', async ({ spec, file }) => {
    const chart = await compile(spec, file, frame);
    expect(chart.width).toBeLessThanOrEqual(frame.width + 0.5);
    expect(chart.height).toBeLessThanOrEqual(frame.maxHeight + 0.5);
    // A composite fills its column, as a single view does (within Vega's rounding of each panel
    // to whole points), unless it had to be scaled down to fit the page's height.
    if (isComposite(spec) && !/scaled to/.test(chart.warnings.join())) expect(chart.width).toBeGreaterThanOrEqual(frame.width * 0.98);
    expect(textOutsideBox(chart)).toEqual([]);
    expect(chart.texts.length).toBeGreaterThan(0);
    expect(chart.warnings.join('\n')).not.toMatch(/Autosize "fit"|more than the .* available/);
  });
});

describe('what a new user found', () => {
  const brief = FRAMES[0];

  it('keeps all three columns of a 3-column facet inside the chart', async () => {
    const { spec, file } = byName('trellis_scatter');
    const chart = await compile(spec, file, brief);
    const panels = cells(chart.scene);
    expect(panels.length).toBe(3);
    expect(new Set(panels.map((p) => Math.round(p.x ?? 0))).size).toBe(3);
    for (const p of panels) expect(chart.origin[0] + (p.x ?? 0) + (p.width ?? 0)).toBeLessThanOrEqual(chart.width + 0.5);
    for (const region of ['Europe', 'Japan', 'USA']) expect(chart.texts).toContain(region);
  });

  it('keeps explicit panel widths (3 × 220 px) out of the margin', async () => {
    const { spec, file } = byName('facet_explicit_columns');
    const chart = await compile(spec, file, brief);
    const panels = cells(chart.scene);
    expect(panels.length).toBe(3);
    // Proportions kept: the panels were 220 × 160.
    for (const p of panels) expect((p.width ?? 0) / (p.height ?? 1)).toBeCloseTo(220 / 160, 1);
    expect(chart.width).toBeLessThanOrEqual(brief.width + 0.5);
  });

  it('fits a vconcat of two 450-px views into the page height, with its text at full size', async () => {
    const { spec, file } = byName('vconcat_tall');
    const chart = await compile(spec, file, brief);
    expect(chart.height).toBeLessThanOrEqual(brief.maxHeight + 0.5);
    expect(chart.height).toBeGreaterThan(brief.maxHeight * 0.9);
    // Shorter panels, not a shrunken drawing.
    expect(chart.warnings.join('\n')).not.toMatch(/scaled to/);
    expect(chart.ops.some((op) => op[0] === 'scale')).toBe(false);
  });

  it('refuses a facet that no page can hold, naming the spec', async () => {
    const { spec, file } = byName('facet_too_tall');
    const err = await compile(spec, file, brief).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).place.file).toBe(file);
    expect((err as InputError).message).toMatch(/needs \d+ pt of height .* room for 570 pt — show fewer rows of panels/);
  });

  it('wraps long chart and axis titles to the width instead of running off the page', async () => {
    const { spec, file } = byName('long_titles');
    const chart = await compile(spec, file, brief);
    expect(chart.width).toBeLessThanOrEqual(brief.width + 0.5);
    // The title is two lines (each a string of its own), the x-axis title fits under the plot.
    expect(chart.texts.some((t) => t.startsWith('Daily maximum temperature in Seattle'))).toBe(true);
    expect(chart.texts.some((t) => t.startsWith('Daily maximum') && t.endsWith('stands out'))).toBe(false);
    const boxes = textBoxes(chart);
    for (const b of boxes) expect(b.x2 - b.x1, b.text).toBeLessThanOrEqual(brief.width + 0.5);
    // The plot keeps its height: no sliver squeezed by a one-line vertical title.
    expect(chart.height).toBeCloseTo(brief.height, 0);
  });

  it('fits a single view asking for more height than the page has', async () => {
    const { spec: named, datasets } = withNamedData({ ...byName('trellis_anscombe').spec, encoding: { x: { field: 'X', type: 'quantitative' }, y: { field: 'Y', type: 'quantitative' } }, height: 900 });
    const chart = await compileChart({ spec: named, datasets, theme: defaultChartTheme, width: brief.width, maxHeight: brief.maxHeight, specFile: 'x.vl.json' });
    expect(chart.height).toBeLessThanOrEqual(brief.maxHeight + 0.5);
    expect(chart.height).toBeGreaterThan(brief.maxHeight - 3);
    expect(chart.width).toBeLessThanOrEqual(brief.width + 0.5);
  });

  it('says so when vega shortens a label that is too long for its room', async () => {
    const long = 'Organisations working on prevention, rescue and restoration in the provinces along the border';
    const chart = await compileChart({
      spec: { data: { name: 'd' }, mark: 'bar', encoding: { x: { field: 'n', type: 'quantitative' }, y: { field: 'who', type: 'nominal' }, color: { field: 'who', type: 'nominal' } } },
      datasets: { d: [{ who: long, n: 3 }, { who: 'Others', n: 2 }] }, theme: defaultChartTheme, width: brief.width, height: brief.height, specFile: 'content/charts/x.vl.json',
    });
    expect(chart.width).toBeLessThanOrEqual(brief.width + 0.5);
    const w = chart.warnings.filter((x) => x.includes('is shortened'));
    expect(w.length).toBe(1);
    expect(w[0]).toMatch(/^content\/charts\/x\.vl\.json: the label "Organisations working .*" is too long for its room and is shortened to "Organisations .*…" — /);
  });

  it('draws datetime(ms) as a time axis, as vega does', async () => {
    const { spec, file } = byName('datetime_ms');
    const chart = await compile(spec, file, brief);
    expect(chart.warnings.join('\n')).not.toMatch(/Infinite extent/);
    // Month ticks of 2012–2015 ("Jan 2012", "Jul 2012" …): before, the axis had none.
    expect(chart.texts.filter((t) => /^(Jan|Apr|Jul|Oct) 201[2-5]$/.test(t)).length).toBeGreaterThanOrEqual(4);
  });
});
