import type { PlacedHeading } from './paginate.js';
import type { OutlineEntry } from './pageTypes.js';

/** Bookmarks mirror the headings: H2s nest under the H1 before them. */
export function buildOutline(headings: PlacedHeading[], extra: OutlineEntry[] = []): OutlineEntry[] {
  const out: OutlineEntry[] = [...extra];
  for (const h of headings) {
    const e: OutlineEntry = { title: h.text, dest: h.id, level: h.level, children: [] };
    const parent = h.level > 1 ? [...out].reverse().find((x) => x.level < h.level) : undefined;
    if (parent) parent.children.push(e);
    else out.push(e);
  }
  return out;
}
