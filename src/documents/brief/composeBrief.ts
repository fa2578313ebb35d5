// Composes the donor brief's pages from the engine's flow: the cover, the contents (reserved,
// then filled once page numbers are known), the body, sources, appendix and closing page.
import { InputError } from '../../errors.js';
import { MM, columnWidth, type Template } from '../../load/templateTypes.js';
import type { RBlock, ResolvedDocument } from '../../resolve/resolvedTypes.js';
import { documentContext } from '../../layout/documentContext.js';
import { documentInfo, formatDate } from '../../layout/documentInfo.js';
import { appendAll } from '../../layout/appendAll.js';
import { flowBlocks, styleOf, type FlowContext } from '../../layout/flowBlocks.js';
import type { FlowItem } from '../../layout/flowTypes.js';
import { buildOutline } from '../../layout/outline.js';
import { addRunningHeads } from '../../layout/pageFurniture.js';
import { newPage, pageBox, textBlockFrame } from '../../layout/pageGeometry.js';
import type { LaidOutDocument, Page, PageItem } from '../../layout/pageTypes.js';
import { pictureItem } from '../../layout/pictureItem.js';
import { emptyStats, paginate, type Frame, type PaginateResult } from '../../layout/paginate.js';
import { columnPages } from '../../layout/columnPages.js';
import { textAt, textBlock } from '../../layout/setText.js';
import { sourcesSection } from '../../layout/sourcesSection.js';
import type { BriefOptions } from './briefKind.js';
import type { BriefStrings } from './briefStrings.js';
import { chartDataAppendix } from './chartDataAppendix.js';
import { contactBlock } from './contactBlock.js';
import { contentsEntries, contentsPagesNeeded, fillContents } from './contentsPages.js';

export function composeBrief(doc: ResolvedDocument, t: Template, options: BriefOptions, paper: 'a4' | 'letter', strings: BriefStrings): LaidOutDocument {
  // Page numbers depend on how many pages the contents takes, and that on the headings: the
  // flow is made once, paginated with one contents page, and again with more only when a long
  // document needs them (the flow does not depend on the page numbers; breaking paragraphs is
  // most of the layout's time).
  const paginateWith = flowBrief(doc, t, options, paper, strings, true);
  const first = paginateWith(1);
  if (typeof first === 'number') {
    // Under two headings there is no contents: the structure then has no TOC element either.
    const second = first === 0 ? flowBrief(doc, t, options, paper, strings, false)(0) : paginateWith(first);
    if (typeof second === 'number') throw new Error(`contents needs ${second} pages after reserving ${first}`);
    return second;
  }
  return first;
}

/**
 * The brief's cover and flow, and a function that paginates them after `contentsCount` contents
 * pages: the laid-out document, or the number of contents pages it needs when that differs.
 * The flow's items draw without side effects, so paginating them again is safe (columns do).
 */
function flowBrief(
  doc: ResolvedDocument, t: Template, options: BriefOptions, paper: 'a4' | 'letter', strings: BriefStrings, reserveContents: boolean,
): (contentsCount: number) => LaidOutDocument | number {
  const box = pageBox(t, paper);
  const width = box.content(1).width;
  const ctx = documentContext(doc, t, columnWidth(t, width), 1, box.content(1).height);
  if (t.figures === 'span') ctx.figureWidth = width;
  else if (t.columns > 1) ctx.spanWidth = width;
  const root = ctx.sb.root;
  const pages: Page[] = [];
  const c = t.colors;

  // Cover.
  const cover = newPage(box, null);
  pages.push(cover);
  // The cover's geometry is the template's (cover.* keys, briefKind.ts), in points here.
  const g = options.cover;
  const bandH = box.height * g.bandHeight;
  const band = 'cover band';
  cover.items.push({ kind: 'rect', x: 0, y: 0, w: box.width, h: bandH, fill: c.accent, container: band });
  const cx = box.content(1).x;
  // Title and subtitle start titleAboveBandFoot (150 pt) above the band's foot, or higher
  // when they need the room (never above the top margin).
  const titleNode = ctx.sb.add(root, 'P');
  const title = textBlock(doc.meta.title, { font: 'sans-bold', size: g.titleSize, color: g.titleColor }, g.titleLeading, cx, 0, width, titleNode.id);
  const sub = doc.meta.subtitle ? textBlock(doc.meta.subtitle, { font: 'sans', size: g.subtitleSize, color: g.subtitleColor }, g.subtitleLeading, cx, title.height + g.subtitleGap, width, ctx.sb.add(root, 'P').id) : null;
  const needed = title.height + (sub ? g.subtitleGap + sub.height : 0);
  const top = Math.min(bandH - g.titleAboveBandFoot, bandH - g.titleClearance - needed);
  if (top < box.content(1).y) {
    throw new InputError({ file: doc.file }, `the title and subtitle are too long for the cover: they need ${Math.ceil((box.content(1).y - top) / MM)} mm more than the cover band has`, 'shorten them');
  }
  for (const it of [...title.items, ...(sub?.items ?? [])]) if (it.kind === 'text') cover.items.push({ ...it, y: it.y + top, within: band });
  // The organisation, its description and the date: three baselines detailsLeading apart,
  // the first detailsFromBottom above the foot of the page; the accent bar above them.
  const orgNode = ctx.sb.add(root, 'P');
  const org = doc.meta.organisation ?? doc.config.organisation.name;
  const details: PageItem[] = [];
  details.push(textAt(org, { font: 'sans-bold', size: g.organisationSize, color: c.accent }, cx, box.height - g.detailsFromBottom, 'left', orgNode.id));
  if (doc.config.organisation.fullName) details.push(textAt(doc.config.organisation.fullName, { font: 'sans', size: g.detailsSize, color: c.muted }, cx, box.height - (g.detailsFromBottom - g.detailsLeading), 'left', orgNode.id));
  const dateNode = ctx.sb.add(root, 'P');
  const dateBaseline = box.height - (g.detailsFromBottom - 2 * g.detailsLeading);
  details.push(textAt(formatDate(doc.meta.date, doc.meta.language), { font: 'sans', size: g.detailsSize, color: c.muted }, cx, dateBaseline, 'left', dateNode.id));
  cover.items.push(...details);
  const barY = box.height - (g.detailsFromBottom + g.barAboveOrganisation);
  cover.items.push({ kind: 'rect', x: cx, y: barY, w: g.barWidth, h: g.barHeight, fill: c.warm });
  // The logo (config.yaml) at the right of the organisation's lines, its foot on the date's
  // baseline; never wider than the room they leave.
  const textRight = Math.max(...details.map((it) => (it.kind === 'text' ? Math.max(...it.fragments.map((f) => f.x + f.width)) : cx)));
  const logo = pictureItem(doc.config.logo, { x: textRight + 12, y: dateBaseline - g.logoHeight, w: cx + width - textRight - 12, h: g.logoHeight }, { x: 'right', y: 'bottom' }, ctx.sb, root);
  if (logo) cover.items.push(logo);
  // The cover image between the band and the accent bar, as large as fits.
  const image = doc.config.coverImage;
  if (image?.picture) {
    const room = { x: cx, y: bandH + g.imageGap, w: width, h: barY - g.imageGap - (bandH + g.imageGap) };
    if (room.h < 36) throw new InputError(image.place, `the cover has no room for the cover image (${Math.max(0, Math.floor(room.h / MM))} mm between the band and the organisation's name)`, `lower cover.bandHeight or cover.imageGapMm in ${t.file}`);
    const item = pictureItem(image, room, { x: 'center', y: 'middle' }, ctx.sb, root);
    if (item) cover.items.push(item);
  }

  // Contents: pages reserved after the cover, filled once the body's page numbers are known.
  const toc = options.contents && reserveContents ? ctx.sb.add(root, 'TOC') : null;

  // Body, sources, appendix and closing page flow through single-column pages; with
  // `columns: 2` the body and sources flow through columns (ctx.width is one column), and the
  // appendix's tables and the closing page stay full width, from a new page.
  const columns = t.columns > 1;
  const wide: FlowContext = columns ? { ...ctx, width, figureWidth: undefined } : ctx;
  const body: FlowItem[] = [];
  const main = doc.blocks.filter((b) => b.kind !== 'closing');
  appendAll(body, flowBlocks(ctx, main, root));
  // A figure set after the sources would read as part of the back matter, far from its text:
  // waiting figures go first. (Not in the handout, whose one sheet has no room to leave.)
  body.push({ kind: 'barrier' });
  appendAll(body, sourcesSection(ctx, doc, { level: 1, title: ctx.strings.sourcesTitle, intro: strings.sourcesIntro }));
  const tail: FlowItem[] = columns ? [] : body;
  if (options.chartDataAppendix) tail.push(...chartDataAppendix(wide, doc, strings));
  const closing = doc.blocks.filter((b): b is Extract<RBlock, { kind: 'closing' }> => b.kind === 'closing');
  let closingStart = -1;
  if (closing.length) {
    if (!columns || tail.length) tail.push({ kind: 'break' });
    const aside = ctx.sb.add(root, 'Sect');
    tail.push({ kind: 'box', height: 0, float: false, keepWithNext: false, notes: [], draw: () => { closingStart = pages.length - 1; return []; } });
    for (const cl of closing) appendAll(tail, flowBlocks(wide, asTopLevel(cl.blocks), aside));
    tail.push({ kind: 'space', height: 14 });
    tail.push(contactBlock(wide, doc, aside, width, strings));
  }

  return (contentsCount) => {
    pages.length = 1; // the cover
    const contentsPages = options.contents ? Array.from({ length: contentsCount }, () => newPage(box, null)) : [];
    pages.push(...contentsPages);
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
    // The columns of the last page are balanced: the least column height that still takes what
    // the page holds without starting another (as the handout does), found by halving.
      const first = pages.length;
      const run = (cap?: { page: number; height: number }) => {
        pages.length = first;
        const cols = columnPages({ columns: t.columns, gap: t.columnGap, newPage: nextFrame, minHeight: t.type.body.leading, cap });
        const r = paginate(cols.withSpans(body), ctx.laidNotes, cols.next, emptyStats());
        cols.flush();
        return { r, count: cols.pages() };
      };
      const natural = run();
      let cap: number | undefined;
      let lo = t.type.body.leading;
      let hi = box.content(1).height;
      for (let i = 0; i < 14 && hi - lo > 1; i++) {
        const mid = (lo + hi) / 2;
        if (run({ page: natural.count, height: mid }).count > natural.count) lo = mid;
        else hi = cap = mid;
      }
      // `pages` holds the last run tried: lay out the chosen one again.
      const chosen = cap === undefined ? run() : run({ page: natural.count, height: cap });
      Object.assign(stats, chosen.r.stats);
      const full = tail.length ? paginate(tail, ctx.laidNotes, nextFrame, stats) : null;
      result = { overflow: null, headings: [...chosen.r.headings, ...(full?.headings ?? [])], stats };
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
    if (closingStart >= 0 && options.closingBand > 0) pages[closingStart].items.unshift({ kind: 'rect', x: 0, y: 0, w: box.width, h: options.closingBand, fill: c.accent });
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
