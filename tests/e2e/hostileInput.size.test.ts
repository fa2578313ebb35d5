// Hostile input by size (issue 12): the limits that keep a build of any input under them within
// 30 s and 1 GB on two cores (README, Bad input; measured by npm run bench). Each case builds the
// sample, plants text over one limit, and runs bin/report.cjs again as a new process (killed at
// 60 s: a hang fails the test, no speed is asserted): exit 2, one located line, no stack trace,
// the previous PDFs byte for byte as they were.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runShippedCli } from '../helpers/cliBundle.js';
import { scratchProject } from '../helpers/project.js';

const KILL_AFTER_MS = 60_000;
const sha = (p: string) => createHash('sha256').update(readFileSync(p)).digest('hex');
const WORDS = 'the station recorded rain on most days of the wet season and children walked to school'.split(' ');

/** `bytes` of ordinary words, no paragraph break: a different word order each call. */
function prose(bytes: number, seed = 1): string {
  const out: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const w = WORDS[(i * 7 + seed + (i >> 4)) % WORDS.length];
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ') + '.';
}

function build(dir: string) {
  const r = runShippedCli(['build', '--root', dir], { timeout: KILL_AFTER_MS, killSignal: 'SIGKILL' });
  expect(r.signal, `killed after ${KILL_AFTER_MS / 1000} s: ${r.stderr}`).toBeNull();
  expect(r.stderr).not.toMatch(/^\s+at |Error:|RangeError/m);
  return r;
}

/** Puts `text` before the brief's second heading; returns the line number it starts on. */
function plant(dir: string, text: string): number {
  const md = join(dir, 'content/brief.md');
  const src = readFileSync(md, 'utf8');
  const anchor = '# Cambodia\'s situation and why';
  expect(src).toContain(anchor);
  writeFileSync(md, src.replace(anchor, `${text}\n\n${anchor}`));
  return src.slice(0, src.indexOf(anchor)).split('\n').length;
}

/** Builds the sample, plants, builds again: exit 2 with `message` on one content/ line, outputs unchanged. Returns that line. */
function failsKeepingOutputs(text: string, message: RegExp): { line: string; at: number } {
  const dir = scratchProject();
  expect(build(dir).status).toBe(0);
  const outputs = readdirSync(join(dir, 'output')).filter((f) => f.endsWith('.pdf'));
  expect(outputs.length).toBeGreaterThan(0);
  const before = outputs.map((f) => sha(join(dir, 'output', f)));
  const at = plant(dir, text);
  const r = build(dir);
  expect(r.status, r.stderr).toBe(2);
  const lines = r.stderr.split('\n').filter((l) => /^content\//.test(l));
  expect(lines, r.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(message);
  expect(outputs.map((f) => sha(join(dir, 'output', f)))).toEqual(before);
  return { line: lines[0], at };
}

describe('hostile input by size', () => {
  it('a paragraph over 256 KB is refused at its first line', () => {
    const { line, at } = failsKeepingOutputs(prose(300 << 10), /^content\/brief\.md:\d+: a paragraph of 30\d KB is over the limit of 256 KB — split it into paragraphs/);
    expect(line).toMatch(new RegExp(`^content/brief\\.md:${at}: `));
  }, KILL_AFTER_MS * 3);

  it('a paragraph just under 256 KB builds', () => {
    const dir = scratchProject();
    plant(dir, prose(250 << 10, 3));
    const r = build(dir);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/wrote .*brief\.pdf \(\d+ pages/);
  }, KILL_AFTER_MS * 2);

  it('more than 20,000 list items are refused at the first item past the limit', () => {
    // The sample has some paragraphs and items of its own before the planted list: the item past
    // the limit is somewhere inside it, on a line of its own.
    const { line, at } = failsKeepingOutputs(Array.from({ length: 21_000 }, (_, i) => `- item ${i}`).join('\n'), /^content\/brief\.md:\d+: more than 20,000 paragraphs, headings, list items and table rows/);
    const n = Number(/^content\/brief\.md:(\d+):/.exec(line)![1]);
    expect(n).toBeGreaterThan(at + 19_000);
    expect(n).toBeLessThan(at + 20_000);
  }, KILL_AFTER_MS * 3);

  it('a table with more columns than the text width holds is refused at the table, by build and by check', () => {
    // 100 columns of two-character cells: each column needs its widest character and the cell
    // padding, some 1,400 pt in all, three times the text width.
    const cols = Array.from({ length: 100 }, (_, i) => i);
    const table = [`| ${cols.map((i) => `c${i}`).join(' | ')} |`, `|${cols.map(() => '---').join('|')}|`, `| ${cols.join(' | ')} |`].join('\n');
    const message = /^content\/brief\.md:\d+: a table of 100 columns is too wide for the page: even with its words broken to fit, its columns need [\d,]+ pt and the text is [\d,]+ pt wide — split it into tables of fewer columns/;
    const { line, at } = failsKeepingOutputs(table, message);
    expect(line).toMatch(new RegExp(`^content/brief\\.md:${at}: `));
    const dir = scratchProject();
    plant(dir, table);
    const r = runShippedCli(['check', '--root', dir], { timeout: KILL_AFTER_MS, killSignal: 'SIGKILL' });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toContain(`content/brief.md:${at}: error: a table of 100 columns is too wide for the page`);
    expect(r.stdout).not.toMatch(/outside the text block|overlaps/);
  }, KILL_AFTER_MS * 4);

  it('a document laid out past 1,000 pages stops with the document named', () => {
    // 100,000 lines of code are 200 KB, under every other limit, and some 1,400 pages.
    failsKeepingOutputs('```\n' + 'x\n'.repeat(100_000) + '```', /^content\/brief\.md: the document lays out to more than 1000 pages, over the limit of 1000 — /);
  }, KILL_AFTER_MS * 3);
});
