// Read in structure order (as a screen reader would), the PDF says what the Markdown says:
// every heading and paragraph, word for word, in order, across the handout's two columns.
import { describe, expect, it } from 'vitest';
import type { LaidOutDocument, StructNode } from '../../src/layout/pageTypes.js';
import { loadProject } from '../../src/load/loadProject.js';
import { parseMarkdown } from '../../src/parse/parseMarkdown.js';
import type { RBlock, RInline } from '../../src/resolve/resolvedTypes.js';
import { textOf } from '../../src/resolve/resolveDocument.js';
import { FIXTURES, fixtureBuild } from '../helpers/project.js';
import { KINDS } from '../helpers/kinds.js';

const INLINE = new Set(['Link', 'Span', 'Reference']);

/** Text of each node in the order the tagged PDF presents it (see render/renderPdf.ts). */
function structureOrder(doc: LaidOutDocument): { type: string; text: string }[] {
  const byId = new Map<number, StructNode>();
  const parent = new Map<number, number>();
  const index = (n: StructNode) => {
    byId.set(n.id, n);
    for (const c of n.children) {
      parent.set(c.id, n.id);
      index(c);
    }
  };
  index(doc.structure);
  // Own content and inline children of each node, in drawing order.
  const seq = new Map<number, (string | number)[]>();
  const attached = new Set<number>();
  const push = (id: number, x: string | number) => {
    if (!seq.has(id)) seq.set(id, []);
    seq.get(id)!.push(x);
  };
  const attach = (id: number) => {
    if (attached.has(id)) return;
    attached.add(id);
    const n = byId.get(id)!;
    if (INLINE.has(n.type)) {
      const p = parent.get(id)!;
      attach(p);
      push(p, id);
    }
  };
  for (const page of doc.pages) {
    for (const it of page.items) {
      if (it.kind !== 'text' || it.struct === undefined) continue;
      attach(it.struct);
      push(it.struct, it.fragments.filter((f) => !f.isHyphen).map((f) => f.text).join(''));
    }
  }
  const out: { type: string; text: string }[] = [];
  const textOfNode = (id: number): string => (seq.get(id) ?? []).map((x) => (typeof x === 'number' ? textOfNode(x) : x)).join('');
  const walk = (n: StructNode) => {
    for (const c of n.children) if (!INLINE.has(c.type)) walk(c);
    if (!INLINE.has(n.type)) {
      const t = textOfNode(n.id).replace(/\s+/g, ' ').trim();
      if (t) out.push({ type: n.type, text: t });
    }
  };
  walk(doc.structure);
  return out;
}

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

describe.each(Object.entries(FIXTURES))('reading order: %s', (_fixture, ROOT) => {
  for (const name of ['brief', 'handout'] as const) {
    it(`${name}: structure order reads every heading and paragraph of the Markdown, in order`, async () => {
      const build = await fixtureBuild(ROOT);
      const doc = build.documents.find((d) => d.name === name)!;
      const pdf = structureOrder(doc.laid).map((x) => x.text);
      // Resolve the Markdown the same way the build does, then compare text.
      const source = loadProject(ROOT, KINDS, [name]);
      const tree = parseMarkdown(source.documents[0]).tree;
      const { resolveDocument } = await import('../../src/resolve/resolveDocument.js');
      const { loadTemplate } = await import('../../src/load/loadTemplate.js');
      const { compileCached } = await import('../../src/build/chartCache.js');
      const { BuildSession } = await import('../../src/build/buildSession.js');
      const t = loadTemplate(ROOT, `templates/${name}.yaml`, KINDS.get(name)!);
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
