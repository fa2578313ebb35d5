// Every example of the CommonMark 0.31.2 spec builds into a PDF without an error, and the text
// the spec's HTML shows survives into the PDF (read back with pdf.js), word by word, in order.
import MarkdownIt, { type Token } from 'markdown-it';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { bindingPlugin } from '../../../src/parse/bindingRule.js';
import { containerPlugin } from '../../../src/parse/containerRule.js';
import { buildMarkdown, sampleStages, textOutsidePage } from '../../helpers/buildMarkdown.js';
import { normalise, readPdfText } from '../../helpers/readPdf.js';

const require = createRequire(import.meta.url);
interface Example { markdown: string; html: string; section: string; number: number }
const spec = require('commonmark-spec') as { tests: Example[] };
const footnote = require('markdown-it-footnote') as (md: InstanceType<typeof MarkdownIt>) => void;

// The spec writes a tab as "→", in the Markdown and in the HTML.
const markdownOf = (ex: Example) => ex.markdown.replace(/→/g, '\t');
const htmlOf = (ex: Example) => ex.html.replace(/→/g, '\t');

// The parser's own configuration (src/parse/parseMarkdown.ts), and the same with raw HTML on,
// which is only used to tell whether an example contains raw HTML at all.
const ours = new MarkdownIt('default', { html: false, linkify: false, typographer: true }).use(footnote).use(containerPlugin).use(bindingPlugin);
ours.validateLink = () => true;
const withHtml = new MarkdownIt('commonmark', { html: true });

function hasRawHtml(md: string): boolean {
  const walk = (ts: Token[]): boolean => ts.some((t) => t.type === 'html_block' || t.type === 'html_inline' || (t.children ? walk(t.children) : false));
  return walk(withHtml.parse(md, {}));
}

const ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', ouml: 'ö', nbsp: '\u00a0' };

/** The text a reader sees in rendered HTML: images become their alt text, tags go, entities are decoded. */
export function visibleText(html: string): string {
  return html
    .replace(/<img\b[^>]*?\balt="([^"]*)"[^>]*>/g, ' $1 ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) =>
      e[0] === '#' ? String.fromCodePoint(Number(e[1].toLowerCase() === 'x' ? '0' + e.slice(1) : e.slice(1))) : ENTITIES[e] ?? m);
}

/**
 * Maps both sides of the comparison to one form: case, and the punctuation the typographer
 * rewrites (smart quotes, dashes, ellipses, (c) → ©, repeated ?!.,) are folded. Hyphens are
 * dropped altogether: the breaker adds them at line ends and the typographer turns -- into –.
 * Whitespace goes too: a line end may fall anywhere in a long word or a line of code.
 */
export function canon(s: string): string {
  return s.normalize('NFC').toLowerCase()
    .replace(/©/g, '(c)').replace(/®/g, '(r)').replace(/™/g, '(tm)').replace(/±/g, '+-')
    .replace(/[“”„«»"]/g, '"').replace(/[‘’‚']/g, "'")
    .replace(/[.…]+/g, '.').replace(/\?+/g, '?').replace(/!+/g, '!').replace(/,+/g, ',')
    .replace(/[-\u2010\u2011\u2013\u2014\u00ad]/g, '');
}

/** Characters a build warning names as having no glyph in the fonts ("… "ℋ" (U+210B) …"). */
function undrawable(warnings: string[]): Set<string> {
  const out = new Set<string>();
  for (const w of warnings) {
    if (!w.includes('have no glyph for')) continue;
    for (const m of w.matchAll(/\(U\+([0-9A-F]{4,6})\)/g)) out.add(String.fromCodePoint(parseInt(m[1], 16)));
  }
  return out;
}

function expectedWords(ex: Example, drop: Set<string>): { words: string[]; rule: string } {
  const md = markdownOf(ex);
  // A character the fonts cannot draw prints as an empty box (.notdef, no text), and the build
  // says so in a warning with its code point: it is not expected in the text.
  const split = (s: string) => words([...s].filter((ch) => !drop.has(ch)).join(''));
  // Raw HTML is shown as text, never interpreted (README): where the spec passes HTML through,
  // the expected text is what our parser's own HTML rendering shows with html off, i.e. the
  // tags as literal text and Markdown inside them still applied.
  if (hasRawHtml(md)) return { words: split(visibleText(ours.render(md))), rule: 'raw HTML shown as text' };
  return { words: split(visibleText(htmlOf(ex))), rule: 'spec HTML' };
}

const words = (s: string) => s.split(/\s+/).map(canon).filter((w) => w !== '');

/** Index just past the last word found, or the first word missing (with its place) . */
function findInOrder(words: string[], text: string): string | null {
  let at = 0;
  for (const [i, w] of words.entries()) {
    const k = text.indexOf(w, at);
    if (k < 0) return `word ${i + 1} "${w}" not found after …${text.slice(Math.max(0, at - 30), at)}|${text.slice(at, at + 30)}…`;
    at = k + w.length;
  }
  return null;
}

describe('CommonMark 0.31.2 spec examples', () => {
  // First in the file, while no glyph of this worker's fonts has been used yet: the text of a
  // glyph embedded in one PDF (alone, or as a component of another: the D of Ď, the ‘ of “)
  // must still be extractable in every later PDF of the process. (Found by examples 25 → 28,
  // 152, 180…; in a build, the handout is the later PDF, and in watch mode every rebuild.)
  it('glyphs embedded in one PDF keep their text in later PDFs of the process', async () => {
    const st = sampleStages({ plain: true });
    await buildMarkdown(st, 'Ď and “quoted” on a Dog Day', { title: 'First' });
    // "→" is outside the simple shaper's range: fontkit shapes those words.
    const later = await buildMarkdown(st, 'Dog→Day and ‘single’→, then Dog Day', { title: 'Second' });
    expect(normalise((await readPdfText(later.pdf!)).pages[1])).toContain('Dog→Day and ‘single’→, then Dog Day');
  });

  it(`all ${spec.tests.length} examples build and keep their text`, async () => {
    const st = sampleStages({ plain: true });
    const failures: string[] = [];
    for (const ex of spec.tests) {
      const md = markdownOf(ex);
      const tag = `example ${ex.number} (${ex.section})`;
      let built;
      try {
        built = await buildMarkdown(st, md, { title: `Example ${ex.number}` });
      } catch (e) {
        failures.push(`${tag}: build failed: ${(e as Error).message}`);
        continue;
      }
      const outside = textOutsidePage(built.laid);
      if (outside.length) failures.push(`${tag}: text outside the page: ${outside[0]}`);
      const pdf = await readPdfText(built.pdf!);
      // Page 1 is the cover (the title); the body starts on page 2.
      // (.notdef boxes come out of pdf.js as U+0000.)
      const text = canon(pdf.pages.slice(1).join('\n').replace(/-\n/g, '')).replace(/[\s\0]+/g, '');
      const drop = undrawable(built.warnings);
      const { words, rule } = expectedWords(ex, drop);
      const miss = findInOrder(words, text);
      if (miss) failures.push(`${tag} [${rule}${drop.size ? `, no glyph for ${[...drop].join('')}` : ''}]: ${miss}\n  markdown: ${JSON.stringify(md)}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
  }, 120_000);
});
