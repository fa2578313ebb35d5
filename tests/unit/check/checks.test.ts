// Each check of `report check` on purpose-made input: it reports what it is for, where it is,
// and nothing on clean input. The contexts are built from the sample fixture's data and charts
// and Markdown of the test's choosing, without laying anything out.
import { beforeAll, describe, expect, it } from 'vitest';
import { chartWidthCheck } from '../../../src/check/chartWidth.js';
import type { CheckContext, CheckedDocument } from '../../../src/check/checkTypes.js';
import { unboundFigureCheck, unusedDataCheck } from '../../../src/check/dataUsage.js';
import { formatDiagnostic } from '../../../src/check/diagnostic.js';
import { typedNumberCheck } from '../../../src/check/typedNumbers.js';
import { loadProject } from '../../../src/load/loadProject.js';
import type { Source } from '../../../src/load/sourceTypes.js';
import { parseMarkdown } from '../../../src/parse/parseMarkdown.js';
import type { RBlock } from '../../../src/resolve/resolvedTypes.js';
import { markdownSource } from '../../helpers/buildMarkdown.js';
import { KINDS } from '../../helpers/kinds.js';
import { SAMPLE_ROOT } from '../../helpers/paths.js';
import { fakeChart, resolvedDoc } from '../../helpers/resolvedDoc.js';

let sample: Source;
beforeAll(() => {
  sample = loadProject(SAMPLE_ROOT, KINDS);
});

/** A document of the given Markdown (line i of the body is content/brief.md line i + 9). */
function doc(body: string): CheckedDocument {
  const markdown = markdownSource(body);
  return { name: 'brief', markdown, tree: parseMarkdown(markdown).tree };
}

const context = (documents: CheckedDocument[], source: Source = sample, allDocuments = true): CheckContext => ({ source, documents, allDocuments });
const sampleDocs = () => sample.documents.map((markdown) => ({ name: markdown.name, markdown, tree: parseMarkdown(markdown).tree }));

describe('typed-number', () => {
  const lines = (body: string) => typedNumberCheck.run(context([doc(body)])).map(formatDiagnostic);

  it('reports a statistic typed into prose at its line and column, naming the figure that has its value', () => {
    expect(lines('Intro.\n\nOf these, 4,500,000 were in\nforced sexual exploitation, some 51% of all.')).toEqual([
      'content/brief.md:11:11: warning: "4,500,000" is typed into the text, so it has no source or year — write {{figure ilo.sexual_exploitation}}, which has this value',
      'content/brief.md:12:34: warning: "51%" is typed into the text, so it has no source or year — put it in a data file with its source and year and write {{figure KEY}}',
    ]);
  });

  it('finds them in headings, lists, tables, captions and footnotes, each occurrence at its own place', () => {
    const body = '# 20,000 graves\n\n- a $99 billion trade\n\n| a | b |\n|---|---|\n| 1.65% | x |\n\n::: figure scale\nUp to 300,000 people.\n:::\n\nText.[^n] And 5m, 5m.\n\n[^n]: A note on 12000 cases.';
    expect(typedNumberCheck.run(context([doc(body)])).map((d) => `${d.place.line}:${d.place.col} ${d.message.split('"')[1]}`)).toEqual([
      '9:3 20,000', '11:5 $99 billion', '15:3 1.65%', '18:7 300,000', '21:15 5m', '21:19 5m', '23:17 12000',
    ]);
  });

  it('reports nothing for bound figures, years, small numbers, code, link text or the sample’s prose', () => {
    expect(lines('In {{year ilo.forced_labour}} ({{figure ilo.forced_labour}}), in 1975 and 2016, three roles, 15 children.\n\n`4,500,000` and [50% more](https://example.org/4500000) and\n\n```\n12000\n```')).toEqual([]);
    expect(typedNumberCheck.run(context(sampleDocs()))).toEqual([]);
  });
});

describe('unbound-figure and unused-data', () => {
  const unbound = (ctx: CheckContext) => unboundFigureCheck.run(ctx).map((d) => d.message.split(' ')[1]);
  const cambodia = () => [...sample.tables.get('cambodia')!.figures.map((f) => f.key)];

  it('reports a row no document binds and no placed chart draws, at its line in the data file', () => {
    const d = unboundFigureCheck.run(context([doc('{{figure cambodia.gsi_people}}')]));
    expect(d.map((x) => x.message.split(' ')[1])).toEqual(cambodia().filter((k) => k !== 'cambodia.gsi_people'));
    expect(formatDiagnostic(d.find((x) => x.message.includes('weekly'))!)).toBe(
      'content/data/cambodia.csv:14: warning: figure cambodia.weekly_wage_multiple is never used: no document binds it and no chart in a document draws it — bind it with {{figure cambodia.weekly_wage_multiple}}, or remove the row');
  });

  it('counts the rows a placed chart draws, or all it reads when it was not compiled', () => {
    const placed = doc('::: figure scale\nCaption.\n:::');
    const figure: RBlock = { kind: 'figure', number: 1, id: 'figure-scale', name: 'scale', chart: { ...fakeChart(200, 100), datumKeys: ['cambodia.iom_mekong'] }, caption: [], source: 's', alt: 'a', data: { appendix: true, files: [], tables: [] } };
    expect(unbound(context([{ ...placed, resolved: resolvedDoc([figure]) }]))).toEqual(cambodia().filter((k) => k !== 'cambodia.iom_mekong'));
    expect(unbound(context([placed]))).toEqual([]);
  });

  it('counts bindings of any kind, callouts, charts placed and what a used derived figure is computed from', () => {
    const used = doc('{{source cambodia.weekly_wage_multiple}}');
    expect(unboundFigureCheck.run(context([...sampleDocs(), used]))).toEqual([]);
    // Only the derived figure is bound: its two operands are used too; the rest of ilo.csv is not.
    const derived = unboundFigureCheck.run(context([doc('{{figure ilo.other_forced_labour}}')])).map((d) => d.message.split(' ')[1]);
    expect(derived).toContain('ilo.sex_trafficking_profits');
    expect(derived).not.toContain('ilo.forced_labour');
    expect(derived).not.toContain('ilo.sexual_exploitation');
  });

  it('reports a data file nothing uses once, not each of its rows', () => {
    const extra = { name: 'extra', file: 'content/data/extra.csv', kind: 'figures' as const, rows: [], figures: [{ ...sample.figures.get('ilo.forced_labour')!, key: 'extra.one', place: { file: 'content/data/extra.csv', line: 2 } }] };
    const source: Source = { ...sample, tables: new Map([...sample.tables, ['extra', extra]]) };
    expect(unusedDataCheck.run(context(sampleDocs(), source)).map(formatDiagnostic)).toEqual([
      'content/data/extra.csv: warning: content/data/extra.csv is not used: no document binds its figures and no chart reads it — bind its figures with {{figure extra.NAME}}, draw them in a chart, or remove the file',
    ]);
    expect(unboundFigureCheck.run(context(sampleDocs(), source)).map((d) => d.place.file)).not.toContain('content/data/extra.csv');
    expect(unusedDataCheck.run(context(sampleDocs()))).toEqual([]);
  });

  it('says nothing when not every document was checked', () => {
    expect(unboundFigureCheck.run(context(sampleDocs().slice(0, 1), sample, false))).toEqual([]);
    expect(unusedDataCheck.run(context([], sample, false))).toEqual([]);
  });
});

describe('chart-too-wide', () => {
  function withChart(width: number): CheckedDocument {
    const d = doc('Text.\n\n::: figure scale\nCaption.\n:::');
    const figure: RBlock = { kind: 'figure', number: 1, id: 'figure-scale', name: 'scale', chart: fakeChart(width, 100), caption: [], source: 's', alt: 'a', data: { appendix: true, files: [], tables: [] } };
    return { ...d, frameWidth: 250, resolved: resolvedDoc([{ kind: 'paragraph', inlines: [] }, figure]) };
  }

  it('reports a chart drawn wider than its column at the figure', () => {
    expect(chartWidthCheck.run(context([withChart(270)])).map(formatDiagnostic)).toEqual([
      'content/brief.md:11: warning: chart "scale" is drawn 270 pt wide, 20 pt more than its 250 pt column, and runs out of it into the gutter or margin — in content/charts/scale.vl.json, shorten the labels (or set a labelLimit), put the legend below ("orient": "bottom"), or draw fewer views side by side',
    ]);
  });

  it('reports nothing for a chart that fits, to within half a point', () => {
    expect(chartWidthCheck.run(context([withChart(250.4)]))).toEqual([]);
    expect(chartWidthCheck.run(context([withChart(120)]))).toEqual([]);
  });
});
