// The contents: every H1 and H2 with its true page number and dot leaders, each entry a link.
// It can run over several pages; composeBrief reserves them and asks how many were needed.
import { lineMetrics, measureText } from '../../fonts/fontRegistry.js';
import type { PlacedHeading } from '../../layout/paginate.js';
import type { PageBox } from '../../layout/pageGeometry.js';
import type { Page, StructNode } from '../../layout/pageTypes.js';
import { fitText, textAt, textWidth } from '../../layout/setText.js';
import type { StructureBuilder } from '../../layout/structure.js';
import type { TextStyle } from '../../layout/textStyle.js';
import type { Template } from '../../load/templateTypes.js';
import { fillString } from '../fillString.js';
import type { BriefStrings } from './briefStrings.js';

const TOP = 48;
const H1_STEP = 20;
const H2_STEP = 16;
const H1_GAP = 6;
const H1_ENTRY = { font: 'sans-semibold', size: 11 } as const;
const H2_ENTRY = { font: 'sans', size: 10 } as const;

/** The first baseline of a continued contents page: the taller entry's ascent below its top. */
function continuedTop(): number {
  return Math.max(...[H1_ENTRY, H2_ENTRY].map((s) => lineMetrics(s.font, s.size).ascent));
}

/** Headings listed in the contents: per-figure appendix headings are only in the outline. */
export function contentsEntries(headings: PlacedHeading[]): PlacedHeading[] {
  return headings.filter((x) => x.level <= 2 && !x.id.startsWith('appendix-'));
}

/** Fewer entries than this alone on the contents' last page are stranded there. */
const STRANDED_ENTRIES = 6;
/** How much tighter than their usual steps entries may be set to save a page. */
const MIN_STEP_SCALE = 0.85;

/** Where each entry goes: its contents page and the baseline's offset from the text block's top. */
export interface ContentsPlan {
  pages: number;
  at: { page: number; y: number }[];
}

/**
 * Entries set one under another, a new page when the next would pass `limit` (at most the text
 * block's height), each step `scale` times its usual height.
 */
function setEntries(entries: PlacedHeading[], limit: number, scale: number): ContentsPlan {
  const at: ContentsPlan['at'] = [];
  let page = 0;
  let y = TOP;
  let top = TOP;
  entries.forEach((e, i) => {
    const gap = e.level === 1 && y > top ? H1_GAP * scale : 0;
    const step = (e.level === 1 ? H1_STEP : H2_STEP) * scale;
    if (y + gap + step > limit && y > top) {
      page++;
      y = top = continuedTop();
      // A chapter's entry is not left at the foot of a page without its first section's.
      const prev = at[i - 1];
      if (e.level === 2 && entries[i - 1].level === 1 && at[i - 2]?.page === prev.page) {
        prev.page = page;
        prev.y = y;
        y += H1_STEP * scale;
      }
    } else y += gap;
    at.push({ page, y });
    y += step;
  });
  return { pages: page + 1, at };
}

/**
 * Where the contents' entries go (no pages for a document with under two). A last page that
 * would hold only a few entries (under six, or under a third of a page) is avoided: the entries
 * are set up to 15% tighter if that saves the page, else balanced across the pages (each page
 * filled only as deep as it must be for the entries to need no more pages).
 */
export function planContents(entries: PlacedHeading[], box: PageBox): ContentsPlan {
  if (entries.length < 2) return { pages: 0, at: [] };
  const height = box.content(2).height;
  const natural = setEntries(entries, height, 1);
  if (natural.pages === 1) return natural;
  const onLast = natural.at.filter((a) => a.page === natural.pages - 1).length;
  // The last entry's baseline: how far down the last page the entries reach.
  if (onLast >= STRANDED_ENTRIES && natural.at[natural.at.length - 1].y >= height / 3) return natural;
  for (let scale = 0.97; scale >= MIN_STEP_SCALE - 1e-9; scale -= 0.03) {
    const tight = setEntries(entries, height, scale);
    if (tight.pages < natural.pages) return tight;
  }
  // Balance: the shallowest limit that still needs no more pages (bisection, 20 steps: < 0.01 pt).
  let lo = height / natural.pages;
  let hi = height;
  for (let i = 0; i < 20; i++) {
    const mid = (lo + hi) / 2;
    if (setEntries(entries, mid, 1).pages > natural.pages) lo = mid;
    else hi = mid;
  }
  return setEntries(entries, hi, 1);
}

/** How many pages the contents needs for these entries (none for a document with under two). */
export function contentsPagesNeeded(entries: PlacedHeading[], box: PageBox): number {
  return planContents(entries, box).pages;
}

export function fillContents(opts: {
  pages: Page[];
  allPages: Page[];
  entries: PlacedHeading[];
  box: PageBox;
  t: Template;
  toc: StructNode;
  sb: StructureBuilder;
  strings: BriefStrings;
  titleStyle: TextStyle;
  bodyStyle: TextStyle;
}): void {
  const { pages, allPages, entries, box, t, toc, sb } = opts;
  const c = t.colors;
  const heading = sb.detached('H1');
  toc.children.unshift(heading);
  const plan = planContents(entries, box);
  let page = pages[0];
  let b = box.content(allPages.indexOf(page) + 1);
  page.items.push({ kind: 'dest', name: 'contents', y: b.y });
  // The title's ascent (not its type size, which is less) meets the top of the text block.
  page.items.push(textAt(opts.strings.contents, opts.titleStyle, b.x, b.y + lineMetrics(opts.titleStyle.font, opts.titleStyle.size).ascent, 'left', heading.id));
  entries.forEach((e, i) => {
    const { page: pageIdx, y } = plan.at[i];
    if (pages[pageIdx] !== page) {
      page = pages[pageIdx];
      b = box.content(allPages.indexOf(page) + 1);
    }
    const label = e.page.label ?? '';
    const item = sb.add(toc, 'TOCI');
    const link = sb.add(item, 'Link', { alt: fillString(opts.strings.contentsEntryAlt, { title: e.text, page: label }) });
    const indent = e.level === 1 ? 0 : 16;
    const style: TextStyle = e.level === 1 ? { ...opts.bodyStyle, ...H1_ENTRY } : { ...opts.bodyStyle, ...H2_ENTRY, color: c.muted };
    const baseline = b.y + y;
    const nw = measureText(style.font, label, style.size);
    // An entry too long for its line is cut with an ellipsis (its link's alt text keeps it whole).
    const text = fitText(e.text, style, b.width - indent - nw - 12);
    const tw = textWidth(text, style);
    page.items.push(textAt(text, style, b.x + indent, baseline, 'left', link.id));
    // Dot leaders between the entry and its page number (decoration: an artifact).
    const dotW = measureText('sans', ' .', 9);
    const from = b.x + indent + tw + 6;
    const to = b.x + b.width - nw - 6;
    const count = Math.max(0, Math.floor((to - from) / dotW));
    if (count > 0) page.items.push(textAt(' .'.repeat(count), { font: 'sans', size: 9, color: c.rule }, to, baseline, 'right'));
    page.items.push(textAt(label, style, b.x + b.width, baseline, 'right', link.id));
    page.items.push({ kind: 'link', x: b.x + indent, y: baseline - style.size, w: b.width - indent, h: style.size + 5, dest: e.id, struct: link.id });
  });
}
