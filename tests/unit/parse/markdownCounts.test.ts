// The pre-scan stops documents with more footnotes or link definitions than the limits before
// markdown-it (whose footnote plugin is quadratic) parses them, naming the line past the limit.
import { describe, expect, it } from 'vitest';
import { checkMarkdownCounts, MAX_FOOTNOTES, MAX_LINK_DEFINITIONS } from '../../../src/parse/markdownCounts.js';
import type { MarkdownSource } from '../../../src/load/sourceTypes.js';

function source(body: string): MarkdownSource {
  const lines = body.split('\n');
  return { name: 'brief', file: 'content/brief.md', body, lineMap: lines.map((_, i) => ({ file: 'content/brief.md', line: i + 8 })) } as unknown as MarkdownSource;
}

describe('checkMarkdownCounts', () => {
  it('accepts a document at the limits', () => {
    const notes = Array.from({ length: MAX_FOOTNOTES }, (_, i) => `[^n${i}]: Note.`).join('\n');
    const links = Array.from({ length: MAX_LINK_DEFINITIONS }, (_, i) => `[l${i}]: https://example.org/`).join('\n');
    expect(() => checkMarkdownCounts(source(`Text.\n\n${notes}\n\n${links}`))).not.toThrow();
  });

  it('names the line of the footnote past the limit, inline notes counted too', () => {
    const notes = Array.from({ length: MAX_FOOTNOTES - 1 }, (_, i) => `[^n${i}]: Note.`).join('\n');
    // Line 1 is "Text ^[a] ^[b].": two inline notes; the 1001st note is on body line 2 + 999.
    expect(() => checkMarkdownCounts(source(`Text ^[a] ^[b].\n${notes}`))).toThrow(new RegExp(`^content/brief\\.md:${1 + 998 + 8}: more than ${MAX_FOOTNOTES} footnotes`));
  });

  it('names the line of the link definition past the limit', () => {
    const links = Array.from({ length: 100_000 }, (_, i) => `[l${i}]: https://example.org/${i}`).join('\n');
    expect(() => checkMarkdownCounts(source(links))).toThrow(new RegExp(`^content/brief\\.md:${MAX_LINK_DEFINITIONS + 8}: more than ${MAX_LINK_DEFINITIONS} link reference definitions`));
  });
});
