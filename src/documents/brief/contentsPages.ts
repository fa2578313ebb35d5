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

/** How many pages the contents needs for these entries (none for a document with under two). */
export function contentsPagesNeeded(entries: PlacedHeading[], box: PageBox): number {
  if (entries.length < 2) return 0;
  const height = box.content(2).height;
  let pages = 1;
  let y = TOP;
  for (const e of entries) {
    const step = (e.level === 1 && y > TOP ? H1_GAP : 0) + (e.level === 1 ? H1_STEP : H2_STEP);
    if (y + step > height) {
      pages++;
      y = continuedTop();
    }
    y += step;
  }
  return pages;
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
  let pageIdx = 0;
  let page = pages[0];
  let b = box.content(allPages.indexOf(page) + 1);
  page.items.push({ kind: 'dest', name: 'contents', y: b.y });
  // The title's ascent (not its type size, which is less) meets the top of the text block.
  page.items.push(textAt(opts.strings.contents, opts.titleStyle, b.x, b.y + lineMetrics(opts.titleStyle.font, opts.titleStyle.size).ascent, 'left', heading.id));
  let y = TOP;
  for (const e of entries) {
    const step = (e.level === 1 && y > TOP ? H1_GAP : 0) + (e.level === 1 ? H1_STEP : H2_STEP);
    if (y + step > b.height && pageIdx + 1 < pages.length) {
      page = pages[++pageIdx];
      b = box.content(allPages.indexOf(page) + 1);
      y = continuedTop();
    }
    if (e.level === 1 && y > TOP) y += H1_GAP;
    const label = e.page.label ?? '';
    const item = sb.add(toc, 'TOCI');
    const link = sb.add(item, 'Link', { alt: fillString(opts.strings.contentsEntryAlt, { title: e.text, page: label }) });
    const indent = e.level === 1 ? 0 : 16;
    const style: TextStyle = e.level === 1 ? { ...opts.bodyStyle, ...H1_ENTRY } : { ...opts.bodyStyle, ...H2_ENTRY, color: c.muted };
    const baseline = b.y + y + (e.level === 1 ? 0 : 0);
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
    y += e.level === 1 ? H1_STEP : H2_STEP;
  }
}
