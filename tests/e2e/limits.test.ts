// Input at and past the limits degrades gracefully: the build succeeds, or fails with a located
// InputError; never an unhandled exception, and never text outside the page.
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProject } from '../../src/build/buildProject.js';
import { InputError } from '../../src/errors.js';
import type { LaidOutDocument } from '../../src/layout/pageTypes.js';
import { loadProject } from '../../src/load/loadProject.js';
import { buildMarkdown, sampleStages, textOutsidePage } from '../helpers/buildMarkdown.js';
import { scratchProject } from '../helpers/project.js';
import { normalise, readPdfText } from '../helpers/readPdf.js';
import { KINDS } from '../helpers/kinds.js';

/** The PDF's body text (after the cover) with line-end hyphens rejoined and all whitespace gone. */
async function bodyText(pdf: Buffer): Promise<string> {
  const { pages } = await readPdfText(pdf);
  return normalise(pages.slice(1).join('\n')).replace(/\s+/g, '');
}

/** Left edge of the first text fragment that starts with `text`. */
function xOf(laid: LaidOutDocument, text: string): number {
  for (const p of laid.pages) for (const it of p.items) if (it.kind === 'text') for (const f of it.fragments) if (f.text.startsWith(text)) return f.x;
  throw new Error(`"${text}" is not on any page`);
}

const FRONT = '---\ntitle: Limits\ndate: 2026-11-30\nlanguage: en-GB\ntemplate: brief\n---\n\n';

describe('limits', () => {
  const st = sampleStages();

  const word = 'antidisestablishmentarianism'.repeat(72).slice(0, 2000);

  it('a 2,000-character word breaks inside the measure wherever it appears in the text', async () => {
    const url = 'https://example.org/' + 'path/segment-'.repeat(152).slice(0, 1980);
    const md = [
      `### ${word}`, // level 3: not in the contents or running heads (see the next test)
      `A paragraph with ${word} in it.`,
      `- a list item with ${word}`,
      `> > a quote with ${word}`,
      `| Name | Value |\n|---|---|\n| ${word} | 1 |`,
      `Code: \`${word}\`, a link: <${url}>, a note.[^n]`,
      `[^n]: The note holds ${word} too.`,
    ].join('\n\n');
    const r = await buildMarkdown(st, md);
    expect(textOutsidePage(r.laid)).toEqual([]);
    expect(r.laid.stats.overfullLines).toBe(0);
    // The word goes over pages, so the running head and page number at the end of each page's
    // text are taken out. List bullets and note numbers are drawn after the text of their line,
    // so in reading order they fall inside a word broken over lines, and hyphens are drawn at
    // some breaks: the word and the URL have no digits or bullets, and are compared without
    // hyphens.
    const { pages } = await readPdfText(r.pdf!);
    const text = pages.slice(1).map((p) => p.replace(/\nTest document\n\d+\s*$/, '')).join('\n').replace(/[•\d\s-]/g, '');
    // Heading, paragraph, list, quote, table cell, code span and note: seven times, whole.
    expect(text.split(word).length - 1).toBe(7);
    expect(text).toContain(url.replace(/-/g, ''));
  });

  it('a 2,000-character chapter heading stays on the page in the contents and the running heads', async () => {
    const r = await buildMarkdown(st, `# ${word}\n\n${'Some text. '.repeat(800)}`, { render: false });
    expect(r.laid.pages.length).toBeGreaterThanOrEqual(5); // running heads on odd and even pages
    expect(textOutsidePage(r.laid)).toEqual([]);
  });

  // How long it takes is the benchmark's business (npm run bench); the test's timeout only
  // catches a build that never ends.
  it('a 10,000-row table lays out and renders, its header repeated on each page', async () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `| Row ${i + 1} | ${(i * 37) % 1000} | ${i % 7 ? 'Phnom Penh' : 'a longer note that wraps onto a second line in its narrow column'} |`);
    const md = '# A long table\n\n| Name | Value | Note |\n|---|--:|---|\n' + rows.join('\n') + '\n';
    const r = await buildMarkdown(st, md);
    expect(r.laid.pages.length).toBeGreaterThan(100);
    expect(textOutsidePage(r.laid)).toEqual([]);
    const { pages } = await readPdfText(r.pdf!);
    const all = pages.join('\n');
    for (const n of [1, 5000, 10_000]) expect(all).toContain(`Row ${n}`);
    // Every page of the table starts with its header row (repeated as an artifact), once.
    const tablePages = pages.filter((p) => /Row \d+/.test(p));
    expect(tablePages.length).toBeGreaterThan(100);
    for (const p of tablePages) expect(p.match(/Name\s*Value\s*Note/g)).toHaveLength(1);
  }, 240_000);

  describe('Markdown size', () => {
    it('a 10 MB Markdown file fails with a located error naming its size and the limit', async () => {
      const dir = scratchProject();
      const para = 'The trafficking of children is a crime that hides itself, and the work against it is long. ';
      writeFileSync(join(dir, 'content/brief.md'), FRONT + (para.repeat(40) + '\n\n').repeat(Math.ceil(10 * 1048576 / (para.length * 40 + 2))));
      const e = await buildProject({ root: dir, only: ['brief'], dryRun: true }).then(() => null, (x: unknown) => x);
      expect(e).toBeInstanceOf(InputError);
      expect((e as Error).message).toMatch(/^content\/brief\.md: content\/brief\.md is 10\.0 MB; the limit is 2 MB — /);
    });

    it('the size is checked before the file is read: 10 MB of NUL bytes get the size error, not a front-matter one', async () => {
      const dir = scratchProject();
      // No front matter, no text: read and parsed, this file would fail on its front matter.
      const file = join(dir, 'content/brief.md');
      writeFileSync(file, '');
      truncateSync(file, 10 * 1048576);
      const e = await buildProject({ root: dir, only: ['brief'], dryRun: true }).then(() => null, (x: unknown) => x);
      expect(e).toBeInstanceOf(InputError);
      expect((e as Error).message).toMatch(/^content\/brief\.md: content\/brief\.md is 10\.0 MB; the limit is 2 MB — /);
      expect((e as Error).message).not.toMatch(/front matter/);
    });

    it('a partial over the limit is reported at its include line', async () => {
      const dir = scratchProject();
      writeFileSync(join(dir, 'content/partials/huge.md'), 'x'.repeat(3 * 1048576));
      writeFileSync(join(dir, 'content/brief.md'), FRONT + 'Intro.\n\n{{include partials/huge.md}}\n');
      const e = await buildProject({ root: dir, only: ['brief'], dryRun: true }).then(() => null, (x: unknown) => x);
      expect(e).toBeInstanceOf(InputError);
      expect((e as Error).message).toMatch(/^content\/brief\.md:10: content\/partials\/huge\.md is 3\.0 MB; the limit is 2 MB/);
    });

    it('includes that add up to more than the limit are refused too', async () => {
      const dir = scratchProject();
      writeFileSync(join(dir, 'content/partials/big.md'), ('word '.repeat(200) + '\n\n').repeat(1100));
      writeFileSync(join(dir, 'content/brief.md'), FRONT + '{{include partials/big.md}}\n\n{{include partials/big.md}}\n');
      const e = await buildProject({ root: dir, only: ['brief'], dryRun: true }).then(() => null, (x: unknown) => x);
      expect(e).toBeInstanceOf(InputError);
      expect((e as Error).message).toMatch(/^content\/brief\.md:10: with its includes the text is over 2 MB \(the limit was reached in content\/partials\/big\.md, included from here\)/);
    });

    it('includes fanning out are counted as they expand: a 500 KB partial reached 8,000 times stops at the limit', async () => {
      const dir = scratchProject();
      writeFileSync(join(dir, 'content/partials/mb.md'), ('word '.repeat(200) + '\n\n').repeat(500));
      for (const [from, to] of [['a', 'b'], ['b', 'c'], ['c', 'mb']]) writeFileSync(join(dir, `content/partials/${from}.md`), `{{include partials/${to}.md}}\n`.repeat(20));
      writeFileSync(join(dir, 'content/brief.md'), FRONT + 'Intro.\n\n{{include partials/a.md}}\n');
      const e = await buildProject({ root: dir, only: ['brief'], dryRun: true }).then(() => null, (x: unknown) => x);
      expect(e).toBeInstanceOf(InputError);
      expect((e as Error).message).toMatch(/^content\/brief\.md:10: with its includes the text is over 2 MB \(the limit was reached in content\/partials\/mb\.md, included from here\)/);
    });

    it('a file just under the limit loads', () => {
      const dir = scratchProject();
      writeFileSync(join(dir, 'content/brief.md'), FRONT + ('word '.repeat(200) + '\n\n').repeat(Math.floor((2 * 1048576 - 200) / 1002)));
      const src = loadProject(dir, KINDS, ['brief']);
      expect(src.documents[0].body.length).toBeGreaterThan(0.98 * 1048576);
    });
  });

  describe('deep nesting', () => {
    const bullets = (n: number) => Array.from({ length: n }, (_, i) => '  '.repeat(i) + `- item ${i}`).join('\n');
    const numbered = (n: number) => Array.from({ length: n }, (_, i) => '   '.repeat(i) + `1. entry ${i}`).join('\n');
    const cases: [string, string, string[]][] = [
      ['100 nested block quotes', '> '.repeat(100) + 'deepest quote text', ['deepestquotetext']],
      ['100 nested bullet lists', bullets(100), ['item0', 'item50', 'item99']],
      ['100 nested numbered lists', numbered(100), ['entry0', 'entry50', 'entry99']],
      ['100 levels of lists and quotes in turn', Array.from({ length: 100 }, (_, i) => (i % 2 ? '> ' : '- ')).join('') + 'mixed and deep', ['mixedanddeep']],
    ];
    for (const [name, md, expected] of cases) {
      it(`${name} build, keep their text, and stay on the page`, async () => {
        const r = await buildMarkdown(st, md);
        expect(textOutsidePage(r.laid)).toEqual([]);
        const text = await bodyText(r.pdf!);
        for (const w of expected) expect(text).toContain(w);
      });
    }

    it('the indent grows for the first eight levels or so, then stays', async () => {
      const r = await buildMarkdown(st, bullets(100), { render: false });
      const x0 = xOf(r.laid, 'item 0');
      const x8 = xOf(r.laid, 'item 8');
      expect(x8).toBeGreaterThan(x0 + 80);
      expect(xOf(r.laid, 'item 99')).toBe(xOf(r.laid, 'item 20'));
      expect(xOf(r.laid, 'item 99') - x0).toBeLessThanOrEqual(8 * 14 + 12 + 0.01);
    });

    it('nesting past the limit fails with the line where it goes too deep, instead of losing text', async () => {
      // Line 1 of the body is line 9 of content/brief.md (after the front matter).
      const e1 = await buildMarkdown(st, bullets(101)).then(() => null, (x: unknown) => x);
      expect(e1).toBeInstanceOf(InputError);
      expect((e1 as Error).message).toMatch(/^content\/brief\.md:109: lists and block quotes are nested too deeply \(more than 100 levels\)/);
      const e2 = await buildMarkdown(st, 'Intro.\n\n' + '> '.repeat(1000) + 'text').then(() => null, (x: unknown) => x);
      expect(e2).toBeInstanceOf(InputError);
      expect((e2 as Error).message).toMatch(/^content\/brief\.md:11: lists and block quotes are nested too deeply/);
    });
  });

  describe('notes in awkward places', () => {
    // Each of these once hung the render for ever (a tagged back link with no content) or
    // overflowed the stack, or lost the note's text.
    const cases: [string, string, string[]][] = [
      ['an empty note', 'Text.[^a]\n\n[^a]:', ['Text.1', '1']],
      ['a note holding only a list', 'Text.[^a]\n\n[^a]: - item one\n    - item two', ['• item one', '• item two']],
      ['a note holding code', 'Text.[^a]\n\n[^a]:\n    ```\n    let x = 1;\n    ```', ['let x = 1;']],
      ['a note citing itself', 'Text.[^a]\n\n[^a]: See note [^a] again.', ['See note 1 again.']],
      ['notes citing each other', 'Text.[^a]\n\n[^a]: See [^b].\n\n[^b]: And back to [^a].', ['See 2.', 'And back to 1.']],
      ['a note cited in a table cell', '| a | b |\n|---|---|\n| x[^a] | y |\n\n[^a]: The cell’s note.', ['The cell’s note.']],
      ['a note cited in a figure caption', '::: figure scale\nA caption.[^a]\n:::\n\n[^a]: The caption’s note.', ['The caption’s note.']],
    ];
    for (const [name, md, expected] of cases) {
      it(`${name}: builds and shows the note`, async () => {
        const r = await Promise.race([buildMarkdown(st, md), new Promise<never>((_, reject) => setTimeout(() => reject(new Error('build hung')), 20_000))]);
        expect(textOutsidePage(r.laid)).toEqual([]);
        const text = normalise((await readPdfText(r.pdf!)).pages.join('\n')).replace(/\s+/g, ' ');
        for (const x of expected) expect(text.replace(/ (?=\d)/g, '')).toContain(x.replace(/ (?=\d)/g, ''));
      });
    }
  });

  it('a ::: block inside another fails with a message that says so, at the inner block', async () => {
    const e = await buildMarkdown(st, 'Intro.\n\n::: closing\nText.\n\n::: figure scale\nCaption.\n:::\n:::\n').then(() => null, (x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(/^content\/brief\.md:14: "::: figure" cannot go inside "::: closing": ::: blocks do not nest/);
  });

  it('an empty document builds: cover, contents and one empty body page', async () => {
    for (const body of ['', '\n\n   \n']) {
      const r = await buildMarkdown(st, body);
      expect(r.laid.pages.length).toBeGreaterThanOrEqual(2);
      expect(textOutsidePage(r.laid)).toEqual([]);
      const { pages } = await readPdfText(r.pdf!);
      expect(pages[0]).toContain('Test document');
    }
  });

  it('a document of only a chart builds, with its figure number, source list and data appendix', async () => {
    const r = await buildMarkdown(st, '::: figure scale\n:::\n');
    expect(textOutsidePage(r.laid)).toEqual([]);
    expect(r.laid.pages.some((p) => p.items.some((i) => i.kind === 'chart'))).toBe(true);
    const text = normalise((await readPdfText(r.pdf!)).pages.join('\n'));
    expect(text).toContain('Figure 1');
    expect(text).toContain('Global Slavery Index');
  });
});
