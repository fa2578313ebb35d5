// The one test file that builds the organisation's live project (content/ and templates/ at the
// repository root). It checks only what must hold whatever the organisation writes: every PDF
// builds, the handout is one sheet, every bound figure is printed as its data file states it and
// no number is typed into the prose, the fonts are embedded subsets, the PDF/UA checks pass,
// the typesetting rules hold, and the structure reads every paragraph in order. Wording is
// tested on the frozen copy in tests/fixtures/sample, never here.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProject, type BuildResult } from '../../src/build/buildProject.js';
import { summarise } from '../../src/cli/typesetReport.js';
import type { LaidOutDocument, StructNode } from '../../src/layout/pageTypes.js';
import { loadProject } from '../../src/load/loadProject.js';
import type { Source } from '../../src/load/sourceTypes.js';
import { formatFigure } from '../../src/resolve/formatFigure.js';
import { textOutsidePage } from '../helpers/buildMarkdown.js';
import { checkPdfUa } from '../helpers/pdfUaCheck.js';
import { REPO_ROOT } from '../helpers/paths.js';
import { fontNames, normalise, readPdfText } from '../helpers/readPdf.js';
import { KINDS } from '../helpers/kinds.js';

const LIVE = REPO_ROOT;

let build: BuildResult;
let source: Source;
const texts: Record<string, string> = {};
const pageCounts: Record<string, number> = {};

beforeAll(async () => {
  build = await buildProject({ root: LIVE, dryRun: true });
  source = loadProject(LIVE, KINDS);
  for (const d of build.documents) {
    const t = await readPdfText(d.pdf);
    texts[d.name] = normalise(t.pages.join('\n'));
    pageCounts[d.name] = t.numPages;
  }
}, 120_000);

/** The Markdown files the documents are made of: the two sources and every partial. */
function markdownFiles(): { file: string; text: string; docs: string[] }[] {
  const dir = join(LIVE, 'content');
  const partials = existsSync(join(dir, 'partials')) ? readdirSync(join(dir, 'partials')).filter((f) => f.endsWith('.md')) : [];
  return [
    ...source.config.documents.map((d) => ({ file: d.source.replace(/^content\//, ''), docs: [d.name] })),
    ...partials.map((f) => ({ file: `partials/${f}`, docs: [] as string[] })),
  ].map((x) => {
    const text = readFileSync(join(dir, x.file), 'utf8');
    // A partial counts for the documents that include it.
    const docs = x.docs.length ? x.docs : source.config.documents.filter((d) =>
      readFileSync(join(LIVE, d.source), 'utf8').includes(`{{include ${x.file}}}`)).map((d) => d.name);
    return { file: x.file, text, docs };
  });
}

describe('the live sample (content/, templates/)', () => {
  it('builds every document, the brief on several pages, the handout on one sheet, the letter (a proof) on one page', () => {
    expect(build.documents.map((d) => d.name)).toEqual(['brief', 'handout', 'letter']);
    expect(pageCounts.letter).toBe(1);
    for (const d of build.documents) expect(d.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pageCounts.brief).toBeGreaterThanOrEqual(2);
    expect(pageCounts.handout).toBeGreaterThanOrEqual(1);
    expect(pageCounts.handout).toBeLessThanOrEqual(2); // one sheet: front and back at most
    for (const d of build.documents) expect(d.pages).toBe(pageCounts[d.name]);
  });

  it('warns about no character the fonts lack', () => {
    expect(build.warnings.filter((w) => w.includes('no glyph'))).toEqual([]);
  });

  it('prints every bound figure exactly as its data file states it', () => {
    let checked = 0;
    for (const { file, text, docs } of markdownFiles()) {
      for (const m of text.matchAll(/\{\{figure ([\w.-]+)\}\}/g)) {
        const fig = source.figures.get(m[1]);
        expect(fig, `${file}: ${m[1]} is in a data file`).toBeDefined();
        const shown = normalise(formatFigure(fig!, source.config.locale));
        for (const d of docs) expect(texts[d], `${file}: ${m[1]} → "${shown}" in the ${d}`).toContain(shown);
        checked++;
      }
      // Callouts print their key's figure too.
      for (const m of text.matchAll(/^::: callout ([\w.-]+)/gm)) {
        expect(source.figures.get(m[1]), `${file}: callout ${m[1]}`).toBeDefined();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('types no number into the prose: every number in the Markdown is a binding', () => {
    for (const { file, text } of markdownFiles()) {
      const prose = text
        .replace(/^---[\s\S]*?\n---\n/, '') // front matter (the date)
        .replace(/\{\{[^}]*\}\}/g, '') // bindings
        .replace(/\[\^[\w-]+\]/g, '') // note marks
        .replace(/^::: .*$/gm, ''); // block openers
      expect(prose.match(/\d[\d,.]*/g) ?? [], file).toEqual([]);
    }
  });

  it('embeds every font as a subset and uses none of the standard 14 fonts', () => {
    for (const d of build.documents) {
      const names = fontNames(d.pdf);
      expect(names.length, d.name).toBeGreaterThan(0);
      for (const n of names) {
        expect(n).toMatch(/^[A-Z]{6}\+/);
        expect(n).not.toMatch(/Helvetica|Times|Courier|Symbol|ZapfDingbats/);
      }
      expect(d.pdf.toString('latin1')).toContain('/FontFile2');
    }
  });

  it('passes the PDF/UA machine checks', async () => {
    for (const d of build.documents) {
      const res = await checkPdfUa(d.pdf);
      expect(res.stats.structElems, d.name).toBeGreaterThan(10);
      expect(res.stats.paintOps, d.name).toBeGreaterThan(100);
      expect(res.failures, d.name).toEqual([]);
    }
  });

  it('has no overfull line, widow, orphan, stranded heading, split figure or run of hyphens, and no text off the page', () => {
    for (const d of build.documents) {
      const q = summarise(d.stats);
      expect({ name: d.name, overfull: q.overfull, widows: q.widows, orphans: q.orphans, stranded: q.strandedHeadings, split: q.splitFigures, hyphenRuns: q.consecutiveHyphens })
        .toEqual({ name: d.name, overfull: 0, widows: 0, orphans: 0, stranded: 0, split: 0, hyphenRuns: 0 });
      expect(q.lines, d.name).toBeGreaterThan(0);
      expect(textOutsidePage(d.laid), d.name).toEqual([]);
    }
  });

  it('numbers its figures 1, 2, 3… and gives each a description for screen readers', () => {
    for (const d of build.documents) {
      const figures: StructNode[] = [];
      const walk = (n: StructNode) => {
        if (n.type === 'Figure') figures.push(n);
        n.children.forEach(walk);
      };
      walk((d.laid as LaidOutDocument).structure);
      for (const f of figures) expect(f.alt?.trim(), `${d.name}: a Figure without a description`).toBeTruthy();
      // Caption numbers, in the order they first appear, count up from 1.
      const firstSeen = [...new Set([...texts[d.name].matchAll(/Figure (\d+)\. /g)].map((m) => Number(m[1])))];
      expect(firstSeen, d.name).toEqual(firstSeen.map((_, i) => i + 1));
      const blocks = markdownFiles().filter((f) => f.docs.includes(d.name)).reduce((n, f) => n + (f.text.match(/^::: figure /gm) ?? []).length, 0);
      expect(firstSeen.length, `${d.name}: a number for each ::: figure`).toBe(blocks);
    }
  });
});
