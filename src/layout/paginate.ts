// Pagination: fills frames (columns on pages) with flow material while keeping the rules a
// typesetter would: no widows or orphans, headings kept with what follows, figures moved to
// the next frame instead of split or leaving a hole, table headers repeated, notes placed at
// the foot of the frame that cites them.
import type { FlowBox, FlowItem, FlowLine, FlowNote } from './flowTypes.js';
import type { LayoutStats, Page, PageItem } from './pageTypes.js';
import { drawLine } from './textLines.js';
import { unreachable } from '../unreachable.js';
import { checkPageCount } from './pageLimit.js';

/**
 * Fuller pages: a frame that ends because the next piece does not fit has its white at the foot
 * shared out among the spaces between its paragraphs, each growing by at most this share of its
 * own height, so facing pages end nearer the same line (TeX's flexible \parskip).
 */
const SPACE_STRETCH = 1;
/** A foot emptier than this many points is left alone: it is a deliberate break or a moved figure. */
const MAX_FILL = 40;

export interface Frame {
  page: Page;
  x: number;
  y: number;
  width: number;
  height: number;
  /**
   * Leave the white at this frame's foot where it is: the columns of a balanced last page are
   * as short as their text, and stretching one column's spaces would undo the balance.
   */
  noFill?: boolean;
}

/** Gives the next frame; `newPage` asks to skip the rest of the page's columns. Null: no room left. */
export type FrameSource = (newPage: boolean) => Frame | null;

interface Chunk {
  items: FlowItem[];
  height: number;
  notes: number[];
  float: boolean;
  keepWithNext: boolean;
  kind: 'content' | 'space' | 'break' | 'barrier';
  repeatHeader?: FlowBox;
}

export interface PlacedHeading {
  page: Page;
  level: number;
  id: string;
  text: string;
  /**
   * Whether the heading is the first thing on its page (nothing of the flow above it, in any
   * column): then its section is the one in force at the top of the page (the running head's).
   */
  atTop: boolean;
}

export interface PaginateResult {
  /** Height of material that did not fit when the frame source ran out, and what it was. */
  overflow: { height: number; what: string } | null;
  headings: PlacedHeading[];
  stats: LayoutStats;
}

export function emptyStats(): LayoutStats {
  return {
    lines: 0, overfullLines: 0, hyphenatedLines: 0, consecutiveHyphens: 0, widows: 0, orphans: 0, strandedHeadings: 0, splitFigures: 0, ratios: [],
    hyphenPairs: 0, pageEndHyphens: 0, capitalisedHyphens: 0, spaces: [], spaceCounts: [], expansions: [], beyondMaxExpansion: 0, hangs: [],
  };
}

export function buildChunks(items: FlowItem[]): Chunk[] {
  const raw: Chunk[] = [];
  let cur: Chunk | null = null;
  const close = () => {
    if (cur) raw.push(cur);
    cur = null;
  };
  for (const it of items) {
    if (it.kind === 'break' || it.kind === 'barrier') {
      close();
      raw.push({ items: [], height: 0, notes: [], float: false, keepWithNext: false, kind: it.kind });
    } else if (it.kind === 'space') {
      close();
      raw.push({ items: [it], height: it.height, notes: [], float: false, keepWithNext: false, kind: 'space' });
    } else if (it.kind === 'box') {
      close();
      raw.push({ items: [it], height: it.height, notes: [...it.notes], float: it.float, keepWithNext: it.keepWithNext, kind: 'content', repeatHeader: it.repeatHeader });
    } else {
      cur ??= { items: [], height: 0, notes: [], float: false, keepWithNext: false, kind: 'content' };
      cur.items.push(it);
      cur.height += it.height;
      cur.notes.push(...it.notes);
      cur.keepWithNext ||= it.keepWithNext;
      // A break after this line leaves at least two lines on each side (no widow, no orphan),
      // and a page or column never ends with a hyphen (TeX's \brokenpenalty, made absolute):
      // the reader would turn the page in the middle of a word.
      const n = it.count;
      const canBreak = n === 0 || (!it.line.hyphenated && it.index >= 1 && it.index <= n - 3) || it.index === n - 1;
      if (canBreak) close();
    }
  }
  close();
  // Keep-with-next: merge a heading (or table header) with what follows, spaces included.
  const out: Chunk[] = [];
  for (let i = 0; i < raw.length; i++) {
    // Most chunks keep nothing with them: those are used as they are, not copied.
    if (!raw[i].keepWithNext) {
      out.push(raw[i]);
      continue;
    }
    const c = { ...raw[i], items: [...raw[i].items], notes: [...raw[i].notes] };
    while (c.keepWithNext && i + 1 < raw.length && raw[i + 1].kind !== 'break' && raw[i + 1].kind !== 'barrier') {
      const n = raw[++i];
      c.items.push(...n.items);
      c.height += n.height;
      c.notes.push(...n.notes);
      c.keepWithNext = n.kind === 'space' || n.keepWithNext;
      c.float = false;
      c.repeatHeader ??= n.repeatHeader;
    }
    out.push(c);
  }
  return out;
}

export function paginate(items: FlowItem[], notes: Map<number, FlowNote>, nextFrame: FrameSource, stats: LayoutStats = emptyStats()): PaginateResult {
  const chunks = buildChunks(items);
  const headings: PlacedHeading[] = [];
  let frame = nextFrame(false);
  let pagesStarted = 1;
  let used = 0;
  let frameNotes: number[] = [];
  let notesHeight = 0;
  let frameIndex = 0;
  let lastContentIsHeading = false;
  // Whether anything of the flow is on the current frame's page yet (headings at the top).
  let pageHasContent = false;
  const pending: Chunk[] = [];
  const paraFrames = new Map<number, number[]>();
  let overflow: PaginateResult['overflow'] = null;
  const NOTE_SEP = 10;
  const hyphenRun = { hyphens: 0 };

  // A note is printed once, at the foot of the page that first cites it; later citations link there.
  const printedNotes = new Set<number>();
  const newNotesHeight = (c: Chunk) => {
    let h = 0;
    for (const n of new Set(c.notes)) {
      if (frameNotes.includes(n) || printedNotes.has(n)) continue;
      const fn = notes.get(n);
      if (fn) h += fn.height;
    }
    return h > 0 && frameNotes.length === 0 ? h + NOTE_SEP : h;
  };
  const fits = (c: Chunk) => !!frame && used + c.height + notesHeight + newNotesHeight(c) <= frame.height + 0.01;

  let lastLineHyphenated = false;
  const finishFrame = () => {
    if (!frame) return;
    if (lastContentIsHeading) stats.strandedHeadings++;
    if (lastLineHyphenated) stats.pageEndHyphens++;
    lastLineHyphenated = false;
    if (frameNotes.length) {
      let y = frame.y + frame.height - notesHeight + NOTE_SEP;
      frame.page.items.push({ kind: 'line', x1: frame.x, y1: y - NOTE_SEP / 2, x2: frame.x + Math.min(72, frame.width / 3), y2: y - NOTE_SEP / 2, color: '#9aa5ad', width: 0.5 });
      for (const n of frameNotes) {
        for (const l of notes.get(n)?.lines ?? []) {
          frame.page.items.push(...drawLine(l, frame.x, y));
          y += l.height;
        }
      }
    }
  };
  // The spaces placed in the current frame between chunks (between paragraphs, above headings;
  // not a heading's space below, which keeps it with its text): where they are in the page's
  // items and how tall.
  let frameSpaces: { at: number; height: number }[] = [];
  const fillFrame = () => {
    if (!frame || frame.noFill) return;
    let slack = frame.height - used - notesHeight;
    // A space after the frame's last content is white at the foot too, and nothing to open.
    while (frameSpaces.length && frameSpaces[frameSpaces.length - 1].at >= frame.page.items.length) slack += frameSpaces.pop()!.height;
    if (frameSpaces.length === 0) return;
    if (slack <= 0.5 || slack > MAX_FILL) return;
    const room = frameSpaces.reduce((a, sp) => a + sp.height * SPACE_STRETCH, 0);
    if (room <= 0) return;
    const share = Math.min(1, slack / room);
    const items = frame.page.items;
    let shift = 0;
    let k = 0;
    // Everything after a space moves down by what the spaces above it grew.
    for (let i = frameSpaces[0].at; i < items.length; i++) {
      while (k < frameSpaces.length && frameSpaces[k].at <= i) shift += frameSpaces[k++].height * SPACE_STRETCH * share;
      if (shift > 0) moveDown(items[i], shift);
    }
    used += shift;
  };
  const advance = (newPage: boolean, full = false) => {
    if (full) fillFrame();
    frameSpaces = [];
    finishFrame();
    const before = frame?.page;
    frame = nextFrame(newPage);
    if (frame?.page !== before) {
      pageHasContent = false;
      // A huge flow stops here rather than after filling thousands of pages (pageLimit.ts).
      checkPageCount(++pagesStarted);
    }
    frameIndex++;
    used = 0;
    frameNotes = [];
    notesHeight = 0;
    lastContentIsHeading = false;
    // Floats waiting for room go first in the new frame, in their order. One taller than this
    // whole (empty) frame would wait forever, adding page after page: it goes here, overfull.
    while (frame && pending.length && (fits(pending[0]) || used === 0)) place(pending.shift()!, false);
  };
  const place = (c: Chunk, allowSplit: boolean) => {
    if (!frame) return;
    if (used === 0 && c.repeatHeader && !c.items.includes(c.repeatHeader)) {
      for (const it of c.repeatHeader.draw(frame.x, frame.y)) frame.page.items.push(it.kind === 'text' || it.kind === 'link' ? { ...it, struct: undefined } : it);
      used += c.repeatHeader.height;
      pageHasContent = true;
    }
    for (const n of new Set(c.notes)) {
      if (frameNotes.includes(n) || printedNotes.has(n) || !notes.has(n)) continue;
      notesHeight += (frameNotes.length === 0 ? NOTE_SEP : 0) + notes.get(n)!.height;
      frameNotes.push(n);
      printedNotes.add(n);
    }
    for (const it of c.items) {
      if (it.kind === 'break' || it.kind === 'barrier') continue;
      if (allowSplit && used > 0 && used + it.height + notesHeight > frame.height + 0.01) {
        advance(false);
        if (!frame) return;
      }
      const top = frame.y + used;
      if (it.kind === 'line') {
        frame.page.items.push(...drawLine(it, frame.x, top));
        recordLine(it, frameIndex, paraFrames, stats, hyphenRun);
        lastLineHyphenated = it.line.hyphenated;
        if (it.heading) headings.push({ page: frame.page, ...it.heading, atTop: !pageHasContent });
        lastContentIsHeading = !!it.heading;
        pageHasContent = true;
      } else if (it.kind === 'box') {
        frame.page.items.push(...it.draw(frame.x, top));
        if (it.figure && it.height > frame.height + 0.01) stats.splitFigures++;
        lastContentIsHeading = false;
        // A marker box (no height) is not content above a heading.
        if (it.height > 0) pageHasContent = true;
        lastLineHyphenated = false;
      }
      used += it.height;
    }
  };

  for (const c of chunks) {
    if (!frame) {
      overflow ??= { height: 0, what: describe(c) };
      overflow.height += c.height;
      continue;
    }
    if (c.kind === 'break') {
      if (used > 0) advance(true);
      continue;
    }
    if (c.kind === 'barrier') {
      // The waiting figures go at the top of the next frames, what follows after them. The
      // frame they leave is not full: its spaces are not stretched.
      while (frame && pending.length) advance(false);
      continue;
    }
    if (c.kind === 'space') {
      if (used === 0) continue;
      if (fits(c)) {
        frameSpaces.push({ at: frame.page.items.length, height: c.height });
        used += c.height;
      } else advance(false, true);
      continue;
    }
    if (c.float && pending.length) {
      pending.push(c);
      continue;
    }
    if (fits(c)) {
      place(c, false);
      continue;
    }
    // A float waits for the next frame, unless this one is empty: then no frame will do better.
    if (c.float && used > 0) {
      pending.push(c);
      continue;
    }
    if (used > 0) advance(false, true);
    if (!frame) {
      overflow = { height: c.height, what: describe(c) };
      continue;
    }
    // Taller than a whole frame: only then may the rules give way (lines split one by one).
    place(c, !fits(c));
  }
  while (frame && pending.length) {
    advance(false);
  }
  for (const c of pending) {
    overflow ??= { height: 0, what: describe(c) };
    overflow.height += c.height;
  }
  if (frame) {
    // The last heading of the document is not stranded if nothing follows it.
    lastContentIsHeading = false;
    finishFrame();
  }
  for (const frames of paraFrames.values()) {
    if (frames.length < 2) continue;
    const first = frames.filter((f) => f === frames[0]).length;
    const last = frames.filter((f) => f === frames[frames.length - 1]).length;
    if (frames[0] !== frames[frames.length - 1]) {
      if (first === 1) stats.orphans++;
      if (last === 1) stats.widows++;
    }
  }
  return { overflow, headings, stats };
}

function recordLine(l: FlowLine, frameIndex: number, paraFrames: Map<number, number[]>, stats: LayoutStats, run: { hyphens: number }): void {
  stats.lines++;
  if (l.line.overfull) stats.overfullLines++;
  const frags = l.line.fragments;
  if (l.line.hyphenated) {
    stats.hyphenatedLines++;
    run.hyphens++;
    if (run.hyphens > 2) stats.consecutiveHyphens++;
    if (run.hyphens > 1) stats.hyphenPairs++;
    // The hyphenated word: the last word of the text before the line-end hyphen.
    const before = frags.length > 1 && frags[frags.length - 1].isHyphen ? frags[frags.length - 2].text : '';
    if (/(?:^|\s)\P{L}*\p{Lu}\S*$/u.test(before)) stats.capitalisedHyphens++;
  } else run.hyphens = 0;
  if (!l.line.last && frags.length > 1 && l.count > 0) {
    stats.ratios.push(l.line.ratio);
    stats.expansions.push(l.line.expansion ?? 0);
    if (l.line.beyondMaxExpansion) stats.beyondMaxExpansion++;
    // Word spaces: from the end of a fragment that ends in a space to the next fragment.
    let sum = 0, n = 0;
    for (let i = 0; i + 1 < frags.length; i++) {
      const f = frags[i];
      if (f.text.charCodeAt(f.text.length - 1) === 32 && !frags[i + 1].isHyphen) {
        sum += (frags[i + 1].x - f.x - f.width) / f.style.size;
        n++;
      }
    }
    if (n > 0) {
      stats.spaces.push(sum / n);
      stats.spaceCounts.push(n);
    }
  }
  if (l.line.hangLeft) stats.hangs.push(l.line.hangLeft);
  if (l.line.hangRight) stats.hangs.push(l.line.hangRight);
  if (l.count > 1) {
    const arr = paraFrames.get(l.para) ?? [];
    arr.push(frameIndex);
    paraFrames.set(l.para, arr);
  }
}

function moveDown(it: PageItem, dy: number): void {
  switch (it.kind) {
    case 'line':
      it.y1 += dy;
      it.y2 += dy;
      return;
    case 'text':
    case 'rect':
    case 'chart':
    case 'image':
    case 'vector':
    case 'qr':
    case 'link':
    case 'dest':
      it.y += dy;
      return;
    default:
      unreachable(it, 'page item');
  }
}

function describe(c: Chunk): string {
  const first = c.items.find((i) => i.kind !== 'space');
  if (!first) return 'space';
  if (first.kind === 'box') return first.what ?? 'a block';
  if (first.kind === 'line') {
    const text = first.line.fragments.map((f) => f.text).join('').trim();
    return first.heading ? `heading "${first.heading.text}"` : `text "${text.slice(0, 40)}${text.length > 40 ? '…' : ''}"`;
  }
  return 'content';
}
