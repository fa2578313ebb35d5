// The text of a laid-out document in the order its tagged PDF presents it to a screen reader:
// each block element (paragraph, heading, caption …) with the text of its inline children.
import type { LaidOutDocument, StructNode } from '../../src/layout/pageTypes.js';

const INLINE = new Set(['Link', 'Span', 'Reference']);

export function structureText(doc: LaidOutDocument, skip: ReadonlySet<string> = new Set()): { type: string; text: string }[] {
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
  const seq = new Map<number, (string | number)[]>();
  const attached = new Set<number>();
  const push = (id: number, x: string | number) => {
    if (!seq.has(id)) seq.set(id, []);
    seq.get(id)!.push(x);
  };
  const attach = (id: number) => {
    if (attached.has(id)) return;
    attached.add(id);
    if (INLINE.has(byId.get(id)!.type)) {
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
    if (skip.has(n.type)) return;
    for (const c of n.children) if (!INLINE.has(c.type)) walk(c);
    if (!INLINE.has(n.type)) {
      const t = textOfNode(n.id).replace(/\s+/g, ' ').trim();
      if (t) out.push({ type: n.type, text: t });
    }
  };
  walk(doc.structure);
  return out;
}
