// A chart too wide for its column is reported where the document places it, with the way out a
// template in columns has (figures: span): the sample brief switched to two columns failed with
// the chart file alone, no line, and only "shorten its labels" as advice.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../../src/build/buildProject.js';
import { isTooWide, tooWideProblem } from '../../../src/charts/tooWide.js';
import { scratchProject } from '../../helpers/project.js';

/** The error lines a build of `root` fails with. */
async function failure(root: string): Promise<string[]> {
  try {
    await buildProject({ root, only: ['brief'], dryRun: true });
  } catch (e) {
    return String((e as Error).message).split('\n');
  }
  return [];
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('a chart too wide for its column', () => {
  it('is named at the figure\'s line, with figures: span as the way out in columns', async () => {
    const root = scratchProject();
    const template = join(root, 'templates/brief.yaml');
    writeFileSync(template, readFileSync(template, 'utf8').replace(/^columns: 1\b/m, 'columns: 2'));
    const brief = readFileSync(join(root, 'content/brief.md'), 'utf8');
    const errors = await failure(root);
    const line = lineOf(brief, '::: figure timeline');
    expect(line).toBeGreaterThan(0);
    expect(errors).toEqual([
      expect.stringMatching(new RegExp(`^content/brief\\.md:${line}: chart content/charts/timeline\\.vl\\.json: the chart needs \\d+ pt of width; the column is \\d+ pt — set figures: span in templates/brief\\.yaml to set figures across the columns, or shorten`)),
    ]);
  }, 60_000);

  it('builds with figures: span, the same chart across both columns', async () => {
    const root = scratchProject();
    const template = join(root, 'templates/brief.yaml');
    writeFileSync(template, readFileSync(template, 'utf8').replace(/^figures:.*$/m, '').replace(/^columns: 1\b/m, 'columns: 2\nfigures: span'));
    expect(await failure(root)).toEqual([]);
  }, 60_000);

  it('is told apart from other chart errors by its text alone (all that crosses the chart worker)', () => {
    expect(isTooWide(tooWideProblem(311.4, '', 218.2))).toBe(true);
    expect(isTooWide(tooWideProblem(900, ' even with its panels at 60% of their size', 454))).toBe(true);
    expect(isTooWide('the chart needs 900 pt of height; the page has room for 570 pt')).toBe(false);
  });
});
