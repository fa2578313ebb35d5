// Composes the donor brief's pages from the engine's flow: the cover, the contents (reserved,
// then filled once page numbers are known), the body, sources, appendix and closing page.
import { InputError } from '../../errors.js';
import { MM, columnWidth, type Template } from '../../load/templateTypes.js';
import type { RBlock, ResolvedDocument } from '../../resolve/resolvedTypes.js';
import { documentContext } from '../../layout/documentContext.js';
import { documentInfo, formatDate } from '../../layout/documentInfo.js';
import { flowBlocks, styleOf, type FlowContext } from '../../layout/flowBlocks.js';
import type { FlowItem } from '../../layout/flowTypes.js';
import { buildOutline } from '../../layout/outline.js';
import { addRunningHeads } from '../../layout/pageFurniture.js';
import { newPage, pageBox, textBlockFrame } from '../../layout/pageGeometry.js';
import type { LaidOutDocument, Page } from '../../layout/pageTypes.js';
import { emptyStats, paginate, type Frame, type PaginateResult } from '../../layout/paginate.js';
import { columnPages } from '../../layout/columnPages.js';
import { textAt, textBlock } from '../../layout/setText.js';
import { sourcesSection } from '../../layout/sourcesSection.js';
import type { BriefOptions } from './briefKind.js';
import type { BriefStrings } from './briefStrings.js';
import { chartDataAppendix } from './chartDataAppendix.js';
import { contactBlock } from './contactBlock.js';
import { contentsEntries, contentsPagesNeeded, fillContents } from './contentsPages.js';

/** Least room between the cover's title (or subtitle) and the foot of the cover band. */
const COVER_FOOT = 24;

export function composeBrief(doc: ResolvedDocument, t: Template, options: BriefOptions, paper: 'a4' | 'letter', strings: BriefStrings): LaidOutDocument {
  // Page numbers depend on how many pages the contents takes, and that on the headings: lay
  // out with one contents page, and again with more only when a long document needs them.
  const layoutWith = (contentsCount: number) => composeWith(doc, t, options, paper, strings, contentsCount);
  const first = layoutWith(1);
  if (typeof first === 'number') {
    const second = layoutWith(first);
    if (typeof second === 'number') throw new Error(`contents needs ${second} pages after reserving ${first}`);
    return second;
  }
  return first;
}

function composeWith(doc: ResolvedDocument, t: Template, options: BriefOptions, paper: 'a4' | 'letter', strings: BriefStrings, contentsCount: number): LaidOutDocument | number {
  const box = pageBox(t, paper);
  const width = box.content(1).width;
  const ctx = documentContext(doc, t, columnWidth(t, width), 1, box.content(1).height);
  if (t.figures === 'span') ctx.figureWidth = width;
  const root = ctx.sb.root;
  const pages: Page[] = [];
  const c = t.colors;

  // Cover.
  const cover = newPage(box, null);
  pages.push(cover);
  const bandH = box.height * 0.46;
  const band = 'cover band';
  cover.items.push({ kind: 'rect', x: 0, y: 0, w: box.width, h: bandH, fill: c.accent, container: band });
  const cx = box.content(1).x;
  // Title and subtitle start 150 pt above the band's foot, or higher when they need the room
  // (never above the top margin).
  const titleNode = ctx.sb.add(root, 'P');
  const title = textBlock(doc.meta.title, { font: 'sans-bold', size: 30, color: '#ffffff' }, 35, cx, 0, width, titleNode.id);
  const sub = doc.meta.subtitle ? textBlock(doc.meta.subtitle, { font: 'sans', size: 14, color: '#e6f0f0' }, 18, cx, title.height + 10, width, ctx.sb.add(root, 'P').id) : null;
  const needed = title.height + (sub ? 10 + sub.height : 0);
  const top = Math.min(bandH - 150, bandH - COVER_FOOT - needed);
  if (top < box.content(1).y) {
    throw new InputError({ file: doc.file }, `the title and subtitle are too long for the cover: they need ${Math.ceil((box.content(1).y - top) / MM)} mm more than the cover band has`, 'shorten them');
  }
  for (const it of [...title.items, ...(sub?.items ?? [])]) if (it.kind === 'text') cover.items.push({ ...it, y: it.y + top, within: band });
  const orgNode = ctx.sb.add(root, 'P');
  const org = doc.meta.organisation ?? doc.config.organisation.name;
  cover.items.push(textAt(org, { font: 'sans-bold', size: 13, color: c.accent }, cx, box.height - 120, 'left', orgNode.id));
  if (doc.config.organisation.fullName) cover.items.push(textAt(doc.config.organisation.fullName, { font: 'sans', size: 10.5, color: c.muted }, cx, box.height - 104, 'left', orgNode.id));
  const dateNode = ctx.sb.add(root, 'P');
  cover.items.push(textAt(formatDate(doc.meta.date, doc.meta.language), { font: 'sans', size: 10.5, color: c.muted }, cx, box.height - 88, 'left', dateNode.id));
  cover.items.push({ kind: 'rect', x: cx, y: box.height - 150, w: 40, h: 3, fill: c.warm });

  // Contents: a page reserved now, filled once the body's page numbers are known.
  const contentsPages = options.contents ? Array.from({ length: contentsCount }, () => newPage(box, null)) : [];
  const toc = options.contents && contentsCount > 0 ? ctx.sb.add(root, 'TOC') : null;
  pages.push(...contentsPages);

  // Body, sources, appendix and closing page flow through single-column pages; with
  // `columns: 2` the body and sources flow through columns (ctx.width is one column), and the
  // appendix's tables and the closing page stay full width, from a new page.
  const columns = t.columns > 1;
  const wide: FlowContext = columns ? { ...ctx, width, figureWidth: undefined } : ctx;
  const body: FlowItem[] = [];
  const main = doc.blocks.filter((b) => b.kind !== 'closing');
  body.push(...flowBlocks(ctx, main, root));
  body.push(...sourcesSection(ctx, doc, { level: 1, title: ctx.strings.sourcesTitle, intro: strings.sourcesIntro }));
  const tail: FlowItem[] = columns ? [] : body;
  if (options.chartDataAppendix) tail.push(...chartDataAppendix(wide, doc, strings));
  const closing = doc.blocks.filter((b): b is Extract<RBlock, { kind: 'closing' }> => b.kind === 'closing');
  let closingStart = -1;
  if (closing.length) {
    if (!columns || tail.length) tail.push({ kind: 'break' });
    const aside = ctx.sb.add(root, 'Sect');
    tail.push({ kind: 'box', height: 0, float: false, keepWithNext: false, notes: [], draw: () => { closingStart = pages.length - 1; return []; } });
    for (const cl of closing) tail.push(...flowBlocks(wide, asTopLevel(cl.blocks), aside));
    tail.push({ kind: 'space', height: 14 });
    tail.push(contactBlock(wide, doc, aside, width, strings));
  }

  const nextFrame = (): Frame => {
    const p = newPage(box, String(pages.length + 1));
    pages.push(p);
    const b = box.content(pages.length);
    return { page: p, ...b };
  };
  const stats = emptyStats();
  let result: PaginateResult;
  if (!columns) result = paginate(body, ctx.laidNotes, nextFrame, stats);
  else {
    const cols = columnPages({ columns: t.columns, gap: t.columnGap, newPage: nextFrame, minHeight: t.type.body.leading });
    const inColumns = paginate(cols.withSpans(body), ctx.laidNotes, cols.next, stats);
    cols.flush();
    const full = tail.length ? paginate(tail, ctx.laidNotes, nextFrame, stats) : null;
    result = { overflow: null, headings: [...inColumns.headings, ...(full?.headings ?? [])], stats };
  }
  // The closing page's heading is a chapter of its own in the contents, header and outline.
  const headings = result.headings.map((x) => (closingStart >= 0 && pages.indexOf(x.page) >= closingStart ? { ...x, level: 1 } : x));
  if (toc) {
    const entries = contentsEntries(headings);
    const needed = contentsPagesNeeded(entries, box);
    if (needed !== contentsCount) return needed;
    fillContents({ pages: contentsPages, allPages: pages, entries, box, t, toc, sb: ctx.sb, strings, titleStyle: styleOf(ctx, 'h1', c.accent).style, bodyStyle: styleOf(ctx, 'body').style });
  }
  addRunningHeads(pages, 1 + contentsPages.length, box, t, doc.meta.title, headings);
  if (closingStart >= 0) pages[closingStart].items.unshift({ kind: 'rect', x: 0, y: 0, w: box.width, h: 10, fill: c.accent });
  pages.forEach((p, i) => (p.frames = [textBlockFrame(box, i + 1)]));
  cover.frames!.unshift({ name: band, x: 0, y: 0, w: box.width, h: bandH });
  const extra = toc ? [{ title: strings.contents, dest: 'contents', level: 1, children: [] }] : [];
  return {
    name: doc.name,
    pages,
    structure: root,
    outline: buildOutline(headings, extra),
    info: documentInfo(doc),
    stats: result.stats,
  };
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
