// A plain CSV with a sidecar feeds a chart through the whole build: the empty cell is a missing
// value, so its row draws no category (not a blank one, not "null"), and the chart cites the
// sidecar's source in its source line, its description and the sources list.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, type BuiltDocument } from '../../src/build/buildProject.js';
import type { ChartItem } from '../../src/layout/pageTypes.js';
import { OTHER_ORG_ROOT, scratchProject } from '../helpers/project.js';
import { normalise, readPdfText } from '../helpers/readPdf.js';

let brief: BuiltDocument;
let text: string;

beforeAll(async () => {
  const root = scratchProject(OTHER_ORG_ROOT);
  // Days labelled with each kind of weather in January 2012, from seattle-weather.csv; the
  // weather of the last row is left empty here, as a day with no label would be.
  writeFileSync(join(root, 'content/data/january.csv'), 'date,weather,precipitation\n2012-01-01,drizzle,0.0\n2012-01-02,rain,10.9\n2012-01-03,rain,0.8\n2012-01-04,,20.3\n');
  writeFileSync(join(root, 'content/data/january.yaml'), 'source: Test excerpt of seattle-weather.csv\nyear: as of 2012-01-04\n');
  writeFileSync(join(root, 'content/charts/january.vl.json'), JSON.stringify({
    data: { name: 'january' },
    mark: 'bar',
    encoding: {
      x: { field: 'weather', type: 'nominal', axis: { title: 'Weather label' } },
      y: { field: 'precipitation', type: 'quantitative', aggregate: 'sum', axis: { title: 'Precipitation (mm)' } },
    },
  }));
  const md = join(root, 'content/brief.md');
  writeFileSync(md, readFileSync(md, 'utf8').replace('::: closing', '::: figure january\nPrecipitation by weather label, first days of January 2012.\n:::\n\n::: closing'));
  brief = (await buildProject({ root, only: ['brief'], dryRun: true })).documents[0];
  text = normalise((await readPdfText(brief.pdf)).pages.join('\n'));
}, 120_000);

describe('a plain table with a sidecar in a chart', () => {
  it('draws the labelled categories only: the empty cell is no category', () => {
    const charts = brief.laid.pages.flatMap((p) => p.items).filter((i): i is ChartItem => i.kind === 'chart');
    const chart = charts.find((c) => c.chart.texts.includes('Weather label'))!;
    expect(chart).toBeDefined();
    const categories = chart.chart.texts.filter((t) => !/^[\d.,]+$/.test(t) && t !== 'Weather label' && !t.startsWith('Precipitation'));
    expect(categories).toEqual(['drizzle', 'rain']);
  });

  it('cites the sidecar’s source under the chart, in its description, in the appendix and the sources list', () => {
    expect(text).toContain('Source: Test excerpt of seattle-weather.csv');
    // The appendix shows the table the chart draws (sums by label), not the file's rows.
    expect(text).toContain('Weather label Sum of precipitation drizzle 0 rain 11.7');
    expect(text.replace(/• ?/g, '')).toContain('Test excerpt of seattle-weather.csv, as of January 4, 2012');
    const alt = brief.pdf.toString('latin1');
    expect(alt).toContain('Source: Test excerpt of seattle-weather.csv.');
  });
});
