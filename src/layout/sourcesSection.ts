// "Sources of figures": every source the document's numbers, callouts and charts come from,
// set after the text by the document kinds, so a reader can check any figure.
import type { RBlock, ResolvedDocument } from '../resolve/resolvedTypes.js';
import { fixedInlines as text } from './fixedText.js';
import { appendAll } from './appendAll.js';
import { flowBlocks, type FlowContext } from './flowBlocks.js';
import type { FlowItem } from './flowTypes.js';

export function sourcesSection(ctx: FlowContext, doc: ResolvedDocument, opts: { level: number; title: string; intro: string }): FlowItem[] {
  if (!doc.sources.length) return [];
  const blocks: RBlock[] = [
    { kind: 'heading', level: opts.level, inlines: text(opts.title), id: 'sources', text: opts.title },
    { kind: 'paragraph', inlines: text(opts.intro) },
  ];
  const list: RBlock = { kind: 'list', ordered: false, start: 1, tight: true, items: doc.sources.map((s) => [{ kind: 'paragraph', inlines: text(s) } as RBlock]) };
  const out: FlowItem[] = [{ kind: 'space', height: 12 * ctx.scale }, ...flowBlocks(ctx, blocks, ctx.sb.root)];
  out.push({ kind: 'space', height: ctx.template.paragraphSpace * ctx.scale });
  // The list of sources is set ragged-right: names, titles and addresses justified open wide
  // gaps between their few long words.
  const ragged = ctx.ragged;
  ctx.ragged = true;
  appendAll(out, flowBlocks(ctx, [list], ctx.sb.root));
  ctx.ragged = ragged;
  return out;
}
