// A chart too wide for its column: in a brief set in columns it is set across them (LaTeX's
// figure*, chosen for the author) with a warning at the figure's line; where the kind keeps
// figures in their columns (the handout) it is an error at the figure's line. The sample brief
// switched to two columns used to fail naming only the chart file, with no line.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../../src/build/buildProject.js';
import { isTooWide, tooWideProblem } from '../../../src/charts/tooWide.js';
import type { ChartItem } from '../../../src/layout/pageTypes.js';
import { scratchProject } from '../../helpers/project.js';

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** Rewrites a file of the scratch project. */
function edit(root: string, file: string, f: (text: string) => string): string {
  const path = join(root, file);
  const text = f(readFileSync(path, 'utf8'));
  writeFileSync(path, text);
  return text;
}

describe('a chart too wide for its column', () => {
  it('is set across the columns of a brief, with a warning at the figure\'s line', async () => {
    const root = scratchProject();
    edit(root, 'templates/brief.yaml', (t) => t.replace(/^figures:.*$/m, '').replace(/^columns: 1\b/m, 'columns: 2\nfigures: column'));
    const brief = readFileSync(join(root, 'content/brief.md'), 'utf8');
    const line = lineOf(brief, '::: figure timeline');
    expect(line).toBeGreaterThan(0);
    const r = await buildProject({ root, only: ['brief'], dryRun: true });
    expect(r.warnings).toContainEqual(expect.stringMatching(new RegExp(`^content/brief\\.md:${line}: chart content/charts/timeline\\.vl\\.json is set across the columns: the chart needs \\d+ pt of width; the column is \\d+ pt — set figures: span`)));
    const doc = r.documents[0].laid;
    const charts = doc.pages.flatMap((p) => p.items.filter((i): i is ChartItem => i.kind === 'chart'));
    const column = 454 / 2; // an A4 brief's text is ~454 pt wide: a column is under half of it
    // The timeline is wider than a column; the others sit in theirs.
    expect(charts.filter((c) => c.chart.width > column).length).toBe(1);
    expect(charts.filter((c) => c.chart.width <= column).length).toBe(charts.length - 1);
  }, 60_000);

  it('is an error at the figure\'s line in a handout, whose figures stay in their columns', async () => {
    const root = scratchProject();
    edit(root, 'templates/handout.yaml', (t) => t.replace(/^columns: \d\b/m, 'columns: 3'));
    const handout = edit(root, 'content/handout.md', (t) => `${t.trimEnd()}\n\n::: figure timeline\nEvents in modern history.\n:::\n`);
    const line = lineOf(handout, '::: figure timeline');
    let message = '';
    try {
      await buildProject({ root, only: ['handout'], dryRun: true });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n')).toContainEqual(expect.stringMatching(new RegExp(`^content/handout\\.md:${line}: chart content/charts/timeline\\.vl\\.json: the chart needs \\d+ pt of width; the column is \\d+ pt — shorten`)));
  }, 60_000);

  it('is told apart from other chart errors by its text alone (all that crosses the chart worker)', () => {
    expect(isTooWide(tooWideProblem(311.4, '', 218.2))).toBe(true);
    expect(isTooWide(tooWideProblem(900, ' even with its panels at 60% of their size', 454))).toBe(true);
    expect(isTooWide('the chart needs 900 pt of height; the page has room for 570 pt')).toBe(false);
  });
});
