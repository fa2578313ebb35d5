// A footnote citation whose note is never defined is an error at its line and column (it used
// to print "[^id]" in the PDF without a word), and the parser collects every problem of a
// document instead of stopping at the first.
import { describe, expect, it } from 'vitest';
import { ErrorList, InputError, InputErrors } from '../../../src/errors.js';
import { parseMarkdown, plainText } from '../../../src/parse/parseMarkdown.js';
import type { Block } from '../../../src/parse/documentTypes.js';
import { resolveDocument } from '../../../src/resolve/resolveDocument.js';
import { markdownSource, sampleStages } from '../../helpers/buildMarkdown.js';

// markdownSource maps body line i (0-based) to content/brief.md line i + 9.
const LINE = (i: number) => i + 9;

function parseError(body: string): InputError {
  try {
    parseMarkdown(markdownSource(body));
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('no error');
}

const texts = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [plainText(b.inlines)] : []));

describe('footnote citations', () => {
  it('an undefined citation is an error at its line and column, with the defined labels to choose from', () => {
    const e = parseError('Intro.\n\nOne sentence.[^ilo] Two sentences.[^ipum]\n\n[^ilo]: ILO.\n[^ipums]: IPUMS.');
    expect(e.message).toBe(`content/brief.md:${LINE(2)}:35: footnote [^ipum] is cited but never defined — did you mean [^ipums]?`);
  });

  it('is found when the document defines no note at all, on a later line of a paragraph', () => {
    const e = parseError('First line\nsecond line [^x] here.');
    expect(e.place).toEqual({ file: 'content/brief.md', line: LINE(1), col: 13 });
    expect(e.hint).toContain('[^x]: the note');
  });

  it('is not an error when defined, escaped, or in code', () => {
    const r = parseMarkdown(markdownSource('Cited.[^a] Escaped \\[^b] and `[^c]` in code.\n\n[^a]: Note.'));
    const p = r.tree.blocks[0] as Extract<Block, { kind: 'paragraph' }>;
    expect(p.inlines.some((x) => x.kind === 'noteRef' && x.noteId === 'a')).toBe(true);
    expect(plainText(p.inlines)).toBe('Cited. Escaped [^b] and [^c] in code.');
  });

  it('collects every problem of a document, and still returns what it could read', () => {
    const errors = new ErrorList();
    const body = 'A {{figur ilo.forced_labour}} binding.\n\nA dangling note.[^gone]\n\n::: callout\nLabel\n:::\n\nLast paragraph.';
    const r = parseMarkdown(markdownSource(body), errors);
    expect(errors.errors.map((e) => e.place.line)).toEqual([LINE(0), LINE(2), LINE(4)]);
    expect(errors.errors.map((e) => e.problem)).toEqual(['unknown binding "{{figur …}}"', 'footnote [^gone] is cited but never defined', '"::: callout" needs a figure key']);
    // The citation is not printed as literal text.
    expect(texts(r.tree.blocks)).toEqual(['A  binding.', 'A dangling note.', 'Last paragraph.']);
  });

  it('places citations and bindings in list items and table rows on their own line and column', () => {
    const errors = new ErrorList();
    parseMarkdown(markdownSource('- item\n  - nested [^a]\n\n| a | b |\n|---|---|\n| 1 | 2 |\n|  x | {{nope y}} |'), errors);
    expect(errors.errors.map((e) => e.place)).toEqual([
      { file: 'content/brief.md', line: LINE(1), col: 12 },
      { file: 'content/brief.md', line: LINE(6), col: 8 },
    ]);
  });

  it('throws all of them together when not collecting', () => {
    expect(() => parseMarkdown(markdownSource('[^a] and [^b]'))).toThrow(InputErrors);
  });
});

describe('footnote definitions', () => {
  /** Parse and resolve warnings, as line: message. */
  async function warnings(body: string): Promise<string[]> {
    const { source, template } = sampleStages();
    const p = parseMarkdown(markdownSource(body));
    const r = await resolveDocument(p.tree, source, template, 400, () => Promise.reject(new Error('no charts here')));
    return [...p.warnings.map((w) => ({ place: w.place, message: w.problem })), ...r.warnings].map((w) => `${w.place.line}: ${w.message}`);
  }

  it('a note never cited is a warning at its definition (markdown-it-footnote drops it silently)', async () => {
    expect(await warnings('Text.[^a]\n\n[^a]: Cited.\n[^b]: Never cited.')).toEqual([`${LINE(3)}: footnote [^b] is never cited; it is left out`]);
  });

  it('no warning when every note is cited, from the text or from another note', async () => {
    expect(await warnings('Text.[^a] More.[^b]\n\n[^a]: One, see also.[^c]\n[^b]: Two.\n[^c]: Three.')).toEqual([]);
  });
});
