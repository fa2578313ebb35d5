// README.md's examples of data files are built, so the format it documents is the one the
// build reads: every fenced block whose info string names a file (```csv file=content/data/x.csv)
// is written into a copy of the other organisation's project, included in its brief, and what
// the README says the text prints (```text prints=brief) must be in the PDF.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, type BuiltDocument } from '../../src/build/buildProject.js';
import type { ChartItem } from '../../src/layout/pageTypes.js';
import { OTHER_ORG_ROOT, REPO_ROOT, scratchProject } from '../helpers/project.js';
import { normalise, readPdfText } from '../helpers/readPdf.js';

interface Block { info: string; text: string }

function readmeBlocks(): Block[] {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
  return [...readme.matchAll(/^```([^\n`]*)\n([\s\S]*?)^```$/gm)].map((m) => ({ info: m[1].trim(), text: m[2] }));
}

const blocks = readmeBlocks();
const files = blocks.flatMap((b) => {
  const m = /\bfile=(\S+)/.exec(b.info);
  return m ? [{ path: m[1], text: b.text }] : [];
});
const prints = blocks.filter((b) => /\bprints=brief\b/.test(b.info)).map((b) => b.text.trim());

let brief: BuiltDocument;
let text: string;

beforeAll(async () => {
  const root = scratchProject(OTHER_ORG_ROOT);
  for (const f of files) writeFileSync(join(root, f.path), f.text);
  const md = join(root, 'content/brief.md');
  const partials = files.filter((f) => f.path.startsWith('content/partials/')).map((f) => `{{include ${f.path.slice('content/'.length)}}}\n\n`);
  writeFileSync(md, readFileSync(md, 'utf8').replace('::: closing', `${partials.join('')}::: closing`));
  const result = await buildProject({ root, only: ['brief'], dryRun: true });
  brief = result.documents[0];
  text = normalise((await readPdfText(brief.pdf)).pages.join('\n'));
}, 120_000);

/** PDF text and README text compare with every kind of space as one space. */
const spaces = (s: string) => normalise(s.replace(/\s/g, ' '));

describe('README.md: the examples of data files', () => {
  it('has examples of each kind of file: a plain table, a figures file, their sidecars, a chart and the text', () => {
    const paths = files.map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['content/data/years.csv', 'content/data/years.yaml', 'content/data/extremes.csv', 'content/data/extremes.yaml', 'content/charts/first-snow.vl.json', 'content/partials/extremes.md']));
    expect(prints.length).toBeGreaterThan(0);
  });

  it('the text prints what the README says it prints', () => {
    for (const p of prints) expect(spaces(text)).toContain(spaces(p));
  });

  it('the chart draws the years that had snow; the empty cell draws nothing', () => {
    const charts = brief.laid.pages.flatMap((p) => p.items).filter((i): i is ChartItem => i.kind === 'chart');
    const snow = charts.find((c) => c.chart.texts.includes('First day labelled snow'));
    expect(snow, 'the first-snow chart is placed').toBeDefined();
    expect(snow!.chart.texts).toEqual(expect.arrayContaining(['2012', '2013', '2014']));
    expect(snow!.chart.texts).not.toContain('2015');
    expect(snow!.chart.texts).not.toContain('null');
  });

  it('the chart cites the plain table’s sidecar; the sources list gives its period, address and licence', () => {
    expect(text).toMatch(/Source: vega-datasets, seattle-weather\.csv \(NOAA National Climatic Data Center\)/);
    // pdf.js reads a list's bullets where the lines of an item wrap: they are left out.
    expect(spaces(text.replace(/• ?/g, ''))).toContain('vega-datasets, seattle-weather.csv (NOAA National Climatic Data Center), 2012–2015. https://github.com/vega/vega-datasets. Licence: U.S. Government Dataset.');
  });
});
