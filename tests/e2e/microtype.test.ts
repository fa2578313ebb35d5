// Issue 13's "Done when", read back from the PDFs with pdftotext's word boxes (the way the issue
// measured LaTeX + microtype and Typst): the sample brief and a long generated document.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, type BuildResult } from '../../src/build/buildProject.js';
import { syntheticMarkdown } from '../../src/synthetic/syntheticMarkdown.js';
import { sampleBuild, scratchProject } from '../helpers/project.js';
import { measureTypesetting, readLines, type TypesetMetrics } from '../helpers/typesetMetrics.js';

const dir = mkdtempSync(join(tmpdir(), 'microtype-'));
/** The Tz operands (per cent) of a PDF's content streams. */
function horizontalScales(pdf: string): number[] {
  const content = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { maxBuffer: 1 << 28 }).toString('latin1');
  return [...content.matchAll(/([\d.]+) Tz/g)].map((m) => Number(m[1]));
}
function pdfFile(b: BuildResult, name: string, file: string): string {
  const path = join(dir, file);
  writeFileSync(path, b.documents.find((d) => d.name === name)!.pdf);
  return path;
}
/**
 * The body text in reading order, every space and line break taken out: what must not change.
 * Body type only: the pages may break elsewhere, which moves running heads and notes.
 */
function bodyLetters(pdf: string): string {
  const { lines } = readLines(pdf);
  const h = (l: (typeof lines)[number]) => Math.round((l.words[0].y2 - l.words[0].y1) * 100);
  const counts = new Map<number, number>();
  for (const l of lines) counts.set(h(l), (counts.get(h(l)) ?? 0) + 1);
  const body = [...counts.entries()].reduce((a, b) => (b[1] > a[1] ? b : a))[0];
  return lines.filter((l) => h(l) === body).map((l) => l.words.map((w) => w.text).join('')).join('');
}

let brief: TypesetMetrics;
let briefPdf: string;
let long: TypesetMetrics;
let longPdf: string;
let plainPdf: string;

beforeAll(async () => {
  const sample = await sampleBuild();
  briefPdf = pdfFile(sample, 'brief', 'brief.pdf');
  brief = measureTypesetting(briefPdf);
  // The same brief with microtype off: the text must read the same.
  const off = scratchProject();
  const tpl = join(off, 'templates/brief.yaml');
  writeFileSync(tpl, readFileSync(tpl, 'utf8') + '\nexpansion: false\nprotrusion: false\n');
  plainPdf = pdfFile(await buildProject({ root: off, dryRun: true, only: ['brief'] }), 'brief', 'plain.pdf');
  const gen = scratchProject();
  writeFileSync(join(gen, 'content/brief.md'), syntheticMarkdown({ pages: 40, charts: ['forced-labour', 'scale', 'timeline'] }));
  longPdf = pdfFile(await buildProject({ root: gen, dryRun: true, only: ['brief'] }), 'brief', 'long.pdf');
  long = measureTypesetting(longPdf);
}, 240_000);

describe('microtype, read back from the sample brief', () => {
  it('has a real body to measure', () => {
    expect(brief.bodyLines).toBeGreaterThan(120);
    expect(brief.justifiedLines).toBeGreaterThan(80);
  });

  it('sets even word spaces: sd at most 0.035 em, no line looser than 0.40 em', () => {
    expect(brief.space.sd).toBeLessThanOrEqual(0.035);
    expect(brief.loosest).toBeLessThanOrEqual(0.4);
    expect(brief.looseLines).toBe(0);
  });

  it('hyphenates at most 5 line ends in 100, never two in a row, never at a page end, never a name', () => {
    expect(brief.hyphensPer100).toBeLessThanOrEqual(5);
    expect(brief.consecutivePairs).toBe(0);
    expect(brief.pageEndHyphens).toBe(0);
    expect(brief.capitalisedHyphenated).toBe(0);
  });

  it('hangs punctuation at least 1 pt into the right margin, and sets nothing past it otherwise', () => {
    expect(brief.overhangRight.lines).toBeGreaterThan(5);
    expect(brief.overhangRight.mean).toBeGreaterThanOrEqual(1);
    expect(brief.overhangRight.max).toBeLessThan(3);
    expect(brief.overfull).toBe(0);
  });

  it('extracts the same text as without microtype, letter for letter and in the same order', () => {
    const text = bodyLetters(briefPdf);
    expect(text.length).toBeGreaterThan(10_000);
    expect(text).toBe(bodyLetters(plainPdf));
  });

  it('draws the expanded lines with the PDF\'s horizontal scaling, within the template\'s 2 %', () => {
    // Every paragraph of the brief is set by the breaker's normal passes: none needs the
    // emergency passes' wider expansion.
    const scales = horizontalScales(briefPdf);
    expect(scales.filter((s) => s !== 100).length).toBeGreaterThan(20);
    for (const s of scales) expect(Math.abs(s - 100)).toBeLessThanOrEqual(2 + 1e-9);
  });
});

describe('microtype, read back from a long generated document', () => {
  it('has a long body to measure', () => {
    expect(long.bodyLines).toBeGreaterThan(1500);
  });

  it('never hyphenates two lines in a row or a page end, and hangs its punctuation', () => {
    expect(long.consecutivePairs).toBe(0);
    expect(long.pageEndHyphens).toBe(0);
    expect(long.overfull).toBe(0);
    expect(long.overhangRight.mean).toBeGreaterThanOrEqual(1);
  });

  it('keeps word spaces even (sd at most 0.035 em; was 0.075, then 0.038), no line loose, no capitalised word hyphenated', () => {
    // The generated text is hard on a breaker: long words, and a capitalised long word at every
    // sentence start, which no longer breaks. LaTeX + microtype reached .030 on a text like it.
    // Measured: sd 0.034, 0 lines looser than 0.40 em (was 7), 0 capitalised hyphens (was 7),
    // 19.4 hyphens per 100 lines.
    expect(long.space.sd).toBeLessThanOrEqual(0.035);
    expect(long.looseLines).toBe(0);
    expect(long.loosest).toBeLessThanOrEqual(0.4);
    expect(long.capitalisedHyphenated).toBe(0);
    expect(long.hyphensPer100).toBeLessThan(21);
  });

  it('widens glyphs beyond the template\'s 2 % only where a paragraph needs it, and never past 5 %', () => {
    // Measured: 27 of 1,428 scaled lines beyond 2 %, in 18 of the 19 paragraphs the emergency passes set; none beyond 5 %.
    const scales = horizontalScales(longPdf).filter((s) => s !== 100);
    const beyond = scales.filter((s) => Math.abs(s - 100) > 2 + 1e-9);
    expect(scales.length).toBeGreaterThan(500);
    expect(beyond.length).toBeGreaterThan(0);
    expect(beyond.length).toBeLessThan(scales.length * 0.1);
    for (const s of scales) expect(Math.abs(s - 100)).toBeLessThanOrEqual(5 + 1e-9);
  });
});
