// The donor brief: cover, contents, body with footnotes and running heads, sources,
// an optional appendix of chart data, and a closing page with the call to action.
import type { Template } from '../load/templateTypes.js';
import type { RBlock, RInline, ResolvedDocument } from '../resolve/resolvedTypes.js';
import { documentContext } from './documentContext.js';
import { flowBlocks, styleOf } from './flowBlocks.js';
import type { FlowItem } from './flowTypes.js';
import { buildOutline } from './outline.js';
import { addRunningHeads } from './pageFurniture.js';
import { newPage, pageBox } from './pageGeometry.js';
import type { LaidOutDocument, Page } from './pageTypes.js';
import { emptyStats, paginate, type Frame } from './paginate.js';
import { textAt, textBlock } from './setText.js';
import { contactBlock } from './contactBlock.js';
import { sourcesSection } from './sourcesSection.js';
import { contentsEntries, contentsPagesNeeded, fillContents } from './contentsPages.js';

export function layoutBrief(doc: ResolvedDocument, t: Template, paper: 'a4' | 'letter'): LaidOutDocument {
  // Page numbers depend on how many pages the contents takes, and that on the headings: lay
  // out with one contents page, and again with more only when a long document needs them.
  const first = layoutWith(doc, t, paper, 1);
  if (typeof first === 'number') {
    const second = layoutWith(doc, t, paper, first);
    if (typeof second === 'number') throw new Error(`contents needs ${second} pages after reserving ${first}`);
    return second;
  }
  return first;
}

function layoutWith(doc: ResolvedDocument, t: Template, paper: 'a4' | 'letter', contentsCount: number): LaidOutDocument | number {
  const box = pageBox(t, paper);
  const width = box.content(1).width;
  const ctx = documentContext(doc, t, width);
  const root = ctx.sb.root;
  const pages: Page[] = [];
  const c = t.colors;

  // Cover.
  const cover = newPage(box, null);
  pages.push(cover);
  const bandH = box.height * 0.46;
  cover.items.push({ kind: 'rect', x: 0, y: 0, w: box.width, h: bandH, fill: c.accent });
  const cx = box.content(1).x;
  const titleNode = ctx.sb.add(root, 'P');
  const title = textBlock(doc.meta.title, { font: 'sans-bold', size: 30, color: '#ffffff' }, 35, cx, bandH - 150, width, titleNode.id);
  cover.items.push(...title.items);
  if (doc.meta.subtitle) {
    const sub = ctx.sb.add(root, 'P');
    cover.items.push(...textBlock(doc.meta.subtitle, { font: 'sans', size: 14, color: '#e6f0f0' }, 18, cx, bandH - 150 + title.height + 10, width, sub.id).items);
  }
  const orgNode = ctx.sb.add(root, 'P');
  const org = doc.meta.organisation ?? doc.config.organisation.name;
  cover.items.push(textAt(org, { font: 'sans-bold', size: 13, color: c.accent }, cx, box.height - 120, 'left', orgNode.id));
  if (doc.config.organisation.fullName) cover.items.push(textAt(doc.config.organisation.fullName, { font: 'sans', size: 10.5, color: c.muted }, cx, box.height - 104, 'left', orgNode.id));
  const dateNode = ctx.sb.add(root, 'P');
  cover.items.push(textAt(formatDate(doc.meta.date, doc.meta.language), { font: 'sans', size: 10.5, color: c.muted }, cx, box.height - 88, 'left', dateNode.id));
  cover.items.push({ kind: 'rect', x: cx, y: box.height - 150, w: 40, h: 3, fill: c.warm });

  // Contents: a page reserved now, filled once the body's page numbers are known.
  const contentsPages = t.contents ? Array.from({ length: contentsCount }, () => newPage(box, null)) : [];
  const toc = t.contents && contentsCount > 0 ? ctx.sb.add(root, 'TOC') : null;
  pages.push(...contentsPages);

  // Body, sources, appendix and closing page flow through single-column pages.
  const body: FlowItem[] = [];
  const main = doc.blocks.filter((b) => b.kind !== 'closing');
  body.push(...flowBlocks(ctx, main, root));
  body.push(...sourcesSection(ctx, doc, { level: 1, intro: 'Every number in this brief comes from the project’s data files, each with its source and year. Estimates come from different years and use different definitions, so they are not a trend.' }));
  if (t.chartDataAppendix) body.push(...appendix(ctx, doc));
  const closing = doc.blocks.filter((b): b is Extract<RBlock, { kind: 'closing' }> => b.kind === 'closing');
  let closingStart = -1;
  if (closing.length) {
    body.push({ kind: 'break' });
    const aside = ctx.sb.add(root, 'Sect');
    body.push({ kind: 'box', height: 0, float: false, keepWithNext: false, notes: [], draw: () => { closingStart = pages.length - 1; return []; } });
    for (const cl of closing) body.push(...flowBlocks(ctx, asTopLevel(cl.blocks), aside));
    body.push({ kind: 'space', height: 14 });
    body.push(contactBlock(ctx, doc, aside, width));
  }

  const nextFrame = (): Frame => {
    const p = newPage(box, String(pages.length + 1));
    pages.push(p);
    const b = box.content(pages.length);
    return { page: p, ...b };
  };
  const result = paginate(body, ctx.laidNotes, nextFrame, emptyStats());
  // The closing page's heading is a chapter of its own in the contents, header and outline.
  const headings = result.headings.map((x) => (closingStart >= 0 && pages.indexOf(x.page) >= closingStart ? { ...x, level: 1 } : x));
  if (toc) {
    const entries = contentsEntries(headings);
    const needed = contentsPagesNeeded(entries, box);
    if (needed !== contentsCount) return needed;
    fillContents({ pages: contentsPages, allPages: pages, entries, box, t, toc, sb: ctx.sb, titleStyle: styleOf(ctx, 'h1', c.accent).style, bodyStyle: styleOf(ctx, 'body').style });
  }
  addRunningHeads(pages, 1 + contentsPages.length, box, t, doc.meta.title, headings);
  if (closingStart >= 0) pages[closingStart].items.unshift({ kind: 'rect', x: 0, y: 0, w: box.width, h: 10, fill: c.accent });
  const extra = toc ? [{ title: 'Contents', dest: 'contents', level: 1, children: [] }] : [];
  return {
    name: doc.name,
    pages,
    structure: root,
    outline: buildOutline(headings, extra),
    info: infoOf(doc),
    stats: result.stats,
  };
}

export function infoOf(doc: ResolvedDocument): LaidOutDocument['info'] {
  return {
    title: doc.meta.title,
    author: doc.meta.organisation ?? doc.config.organisation.name,
    subject: doc.meta.subtitle ?? doc.meta.title,
    keywords: ['Cambodia', 'human trafficking', doc.name],
    lang: doc.meta.language,
    date: new Date(doc.meta.date + 'T00:00:00Z'),
  };
}

export function formatDate(iso: string, lang: string): string {
  return new Intl.DateTimeFormat(lang, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }).format(new Date(iso + 'T00:00:00Z'));
}

function text(s: string): RInline[] {
  return [{ kind: 'text', text: s, marks: {} }];
}

function appendix(ctx: ReturnType<typeof documentContext>, doc: ResolvedDocument): FlowItem[] {
  const figs: Extract<RBlock, { kind: 'figure' }>[] = [];
  const walk = (bs: RBlock[]) => bs.forEach((b) => (b.kind === 'figure' ? figs.push(b) : b.kind === 'closing' ? walk(b.blocks) : undefined));
  walk(doc.blocks);
  if (!figs.length) return [];
  const blocks: RBlock[] = [{ kind: 'heading', level: 1, inlines: text('Appendix: chart data'), id: 'appendix', text: 'Appendix: chart data' }];
  for (const f of figs) {
    blocks.push({ kind: 'heading', level: 2, inlines: text(`Figure ${f.number}`), id: `appendix-${f.name}`, text: `Figure ${f.number}` });
    blocks.push({
      kind: 'table', align: [null, 'right', 'right', null], numeric: [false, true, true, false],
      header: [text('Figure'), text('Value'), text('Year'), text('Source')],
      rows: f.data.map((r) => [text(r.label), text(r.value), text(r.year), text(r.source)]),
    });
  }
  return [{ kind: 'break' }, ...flowBlocks(ctx, blocks, ctx.sb.root)];
}

/**
 * The closing page is a chapter of its own: its highest heading (authors write `##` inside the
 * block) is set as a level-1 heading, the rest moved up with it.
 */
function asTopLevel(blocks: RBlock[]): RBlock[] {
  const levels = blocks.filter((b): b is Extract<RBlock, { kind: 'heading' }> => b.kind === 'heading').map((b) => b.level);
  const shift = levels.length ? Math.min(...levels) - 1 : 0;
  return shift > 0 ? blocks.map((b) => (b.kind === 'heading' ? { ...b, level: b.level - shift } : b)) : blocks;
}
