// The sample fixture's brief and handout (tests/fixtures/sample, a frozen copy of the live
// content), read back from the PDF bytes as a reader's software would.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BuildResult } from '../../src/build/buildProject.js';
import type { DestItem } from '../../src/layout/pageTypes.js';
import { loadProject } from '../../src/load/loadProject.js';
import { formatFigure } from '../../src/resolve/formatFigure.js';
import { fontNames, normalise, readPdfText, type PdfText } from '../helpers/readPdf.js';
import { SAMPLE_ROOT as ROOT, sampleBuild } from '../helpers/project.js';
import { KINDS } from '../helpers/kinds.js';

let build: BuildResult;
let brief: PdfText;
let handout: PdfText;
const pdf = (name: string) => build.documents.find((d) => d.name === name)!.pdf;

beforeAll(async () => {
  build = await sampleBuild();
  brief = await readPdfText(pdf('brief'));
  handout = await readPdfText(pdf('handout'));
}, 60_000);

describe('brief', () => {
  it('has a cover, a contents page, a body of at least five pages, and a closing page', () => {
    expect(brief.numPages).toBeGreaterThanOrEqual(8);
    expect(brief.pages[0]).toContain('Ending child sex trafficking');
    expect(brief.pages[1]).toMatch(/^Contents/);
    const last = brief.pages[brief.numPages - 1];
    expect(last).toContain('example.org/donate');
    expect(last).toContain('placeholders');
  });

  it('lists the body sections in the contents with the page they start on', () => {
    const contents = brief.pages[1];
    const m = /The history that shaped it[\s.]*(\d+)/.exec(contents);
    expect(m).not.toBeNull();
    const page = Number(m![1]);
    expect(brief.pages[page - 1]).toContain('The history that shaped it');
    expect(brief.pages[page - 2]).not.toMatch(/\nThe history that shaped it\n/);
  });

  it('numbers three or more figures with captions and source lines, in order', () => {
    const all = brief.pages.join('\n');
    const nums = [...all.matchAll(/Figure (\d+)\. /g)].map((m) => Number(m[1]));
    expect(nums.slice(0, 3)).toEqual([1, 2, 3]);
    expect((all.match(/Source: /g) ?? []).length).toBeGreaterThanOrEqual(3);
  });

  it('keeps chart labels as text drawn in the embedded fonts', () => {
    const all = brief.pages.join('\n');
    expect(all).toContain('Mekong subregion');
    expect(all).toContain('People (estimate)');
  });

  it('extracts Vietnamese diacritics intact', () => {
    expect(normalise(brief.pages.join('\n'))).toContain('Hồ Chí Minh');
  });

  it('puts every footnote on the page that first cites it, below the text', () => {
    const laid = build.documents.find((d) => d.name === 'brief')!.laid;
    let cited = 0;
    const seen = new Set<string>();
    laid.pages.forEach((page) => {
      for (const it of page.items) {
        if (it.kind !== 'link' || !it.dest?.startsWith('note-') || seen.has(it.dest)) continue;
        seen.add(it.dest);
        cited++;
        const note = page.items.find((x): x is DestItem => x.kind === 'dest' && x.name === it.dest);
        expect(note, `${it.dest} on the citing page`).toBeDefined();
        expect(note!.y).toBeGreaterThan(it.y);
      }
    });
    // Each note is printed once.
    const printed = laid.pages.flatMap((p) => p.items.filter((x): x is DestItem => x.kind === 'dest' && /^note-\d+$/.test(x.name)).map((x) => x.name));
    expect(new Set(printed).size).toBe(printed.length);
    expect(cited).toBeGreaterThanOrEqual(6);
    // And the text of note 1 is read back from the page that cites it.
    const p = brief.pages.find((x) => x.includes('The problem worldwide') && x.includes('definition of human trafficking'));
    expect(p).toBeDefined();
  });
});

describe('handout', () => {
  it('is one sheet: one or two pages', () => {
    expect(handout.numPages).toBeGreaterThanOrEqual(1);
    expect(handout.numPages).toBeLessThanOrEqual(2);
  });

  it('shows the three programmes and the call to action with its URL', () => {
    const all = normalise(handout.pages.join('\n'));
    for (const w of ['Prevent', 'Rescue', 'Restore']) expect(all).toContain(w);
    expect(all).toContain('example.org/donate');
  });
});

describe('both documents', () => {
  it('are small enough to email: brief ≤ 250 KB, handout ≤ 150 KB', () => {
    expect(pdf('brief').length).toBeLessThanOrEqual(250 * 1024);
    expect(pdf('handout').length).toBeLessThanOrEqual(150 * 1024);
  });

  it('embed every font as a subset and use none of the standard 14 fonts', () => {
    for (const d of build.documents) {
      const names = fontNames(d.pdf);
      expect(names.length).toBeGreaterThan(0);
      for (const n of names) {
        expect(n).toMatch(/^[A-Z]{6}\+/);
        expect(n).not.toMatch(/Helvetica|Times|Courier|Symbol|ZapfDingbats/);
      }
      expect(d.pdf.toString('latin1')).toContain('/FontFile2');
    }
  });

  it('prints every bound number exactly as its data file states it', () => {
    const source = loadProject(ROOT, KINDS);
    const texts = { brief: normalise(brief.pages.join('\n')), handout: normalise(handout.pages.join('\n')) };
    const files = ['brief.md', 'handout.md', ...readdirSync(join(ROOT, 'content/partials')).map((f) => `partials/${f}`)];
    let checked = 0;
    for (const f of files) {
      const md = readFileSync(join(ROOT, 'content', f), 'utf8');
      for (const m of md.matchAll(/\{\{figure ([\w.]+)\}\}/g)) {
        const fig = source.figures.get(m[1]);
        expect(fig, m[1]).toBeDefined();
        const shown = formatFigure(fig!, source.config.locale);
        const where = f === 'handout.md' ? texts.handout : f === 'brief.md' ? texts.brief : texts.brief + texts.handout;
        expect(where, `${m[1]} → ${shown}`).toContain(shown);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it('never types a number into prose: every figure in the Markdown is a binding', () => {
    const files = ['brief.md', 'handout.md', ...readdirSync(join(ROOT, 'content/partials')).map((f) => `partials/${f}`)];
    for (const f of files) {
      const md = readFileSync(join(ROOT, 'content', f), 'utf8')
        .replace(/^---[\s\S]*?\n---\n/, '') // front matter (the date)
        .replace(/\{\{[^}]*\}\}/g, '') // bindings
        .replace(/\[\^[\w-]+\]/g, '') // note marks
        .replace(/^::: .*$/gm, ''); // block openers
      const stray = md.match(/\d[\d,.]*/g) ?? [];
      expect(stray, f).toEqual([]);
    }
  });
});
