// Read in structure order (as a screen reader would), the PDF says what the Markdown says:
// every heading and paragraph, word for word, in order, across the handout's two columns; for
// every document of every fixture project.
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/loadProject.js';
import { parseMarkdown } from '../../src/parse/parseMarkdown.js';
import type { RBlock, RInline } from '../../src/resolve/resolvedTypes.js';
import { textOf } from '../../src/resolve/resolveDocument.js';
import { fixtureDocuments } from '../helpers/fixtureDocuments.js';
import { ALL_FIXTURES, fixtureBuild } from '../helpers/project.js';
import { KINDS } from '../helpers/kinds.js';
import { structureText } from '../helpers/structureText.js';

/** Headings and paragraphs of the Markdown, resolved, in source order (notes excluded). */
function markdownOrder(blocks: RBlock[]): string[] {
  const out: string[] = [];
  const inl = (xs: RInline[]) => xs.map((x) => (x.kind === 'text' ? x.text : x.kind === 'noteRef' ? String(x.number) : ' ')).join('').replace(/\s+/g, ' ').trim();
  const walk = (bs: RBlock[]) => {
    for (const b of bs) {
      if (b.kind === 'heading' || b.kind === 'paragraph') out.push(inl(b.inlines));
      else if (b.kind === 'list') b.items.forEach(walk);
      else if (b.kind === 'quote' || b.kind === 'closing' || b.kind === 'cta') walk(b.blocks);
    }
  };
  walk(blocks);
  return out.filter(Boolean);
}

describe.each(Object.entries(ALL_FIXTURES))('reading order: %s', (_fixture, ROOT) => {
  it('the fixture has documents to check', () => expect(fixtureDocuments(ROOT).length).toBeGreaterThan(0));
  for (const { name, kind, template } of fixtureDocuments(ROOT)) {
    it(`${name}: structure order reads every heading and paragraph of the Markdown, in order`, async () => {
      const build = await fixtureBuild(ROOT);
      const doc = build.documents.find((d) => d.name === name)!;
      const pdf = structureText(doc.laid).map((x) => x.text);
      // Resolve the Markdown the same way the build does, then compare text.
      const source = loadProject(ROOT, KINDS, [name]);
      const tree = parseMarkdown(source.documents[0]).tree;
      const { resolveDocument } = await import('../../src/resolve/resolveDocument.js');
      const { loadTemplate } = await import('../../src/load/loadTemplate.js');
      const { compileCached } = await import('../../src/build/chartCache.js');
      const { BuildSession } = await import('../../src/build/buildSession.js');
      const t = loadTemplate(ROOT, template, KINDS.get(kind)!);
      const session = new BuildSession();
      const resolved = await resolveDocument(tree, source, t, 300, (n, w, h) => compileCached(session, source, t, n, w, h).drawing);
      const md = markdownOrder(resolved.blocks);
      expect(md.length).toBeGreaterThan(5);
      let at = 0;
      for (const para of md) {
        const found = pdf.indexOf(para, at);
        expect(found, `"${para.slice(0, 60)}…" after position ${at}`).toBeGreaterThanOrEqual(0);
        at = found + 1;
      }
      void textOf;
    });
  }
});
