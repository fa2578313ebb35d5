// Bleed: a background that touches the trim edge (the brief's cover band, the handout's header
// band, any full-width rectangle) is drawn on into the bleed, so that a cut a little off the
// trim line leaves no white sliver. Everything else stays where layout put it.
import type { Page, PageItem, RectItem } from '../layout/pageTypes.js';

/** How close to the trim edge (in points) a rectangle counts as touching it. */
const TOUCH = 0.5;

/** The page with every edge-touching filled rectangle extended by `bleed` beyond each edge it touches. */
export function bleedPage(page: Page, bleed: number): Page {
  if (bleed <= 0) return page;
  return { ...page, items: page.items.map((it) => (it.kind === 'rect' ? bleedRect(it, page, bleed) : it)) };
}

function bleedRect(r: RectItem, page: Page, bleed: number): PageItem {
  // Rounded or outlined boxes are shapes on the page, not backgrounds.
  if (!r.fill || r.stroke || r.radius) return r;
  let { x, y, w, h } = r;
  if (x <= TOUCH) {
    w += x + bleed;
    x = -bleed;
  }
  if (y <= TOUCH) {
    h += y + bleed;
    y = -bleed;
  }
  if (x + w >= page.width - TOUCH) w = page.width + bleed - x;
  if (y + h >= page.height - TOUCH) h = page.height + bleed - y;
  return x === r.x && y === r.y && w === r.w && h === r.h ? r : { ...r, x, y, w, h };
}

/** Images that reach the trim edge: they have no picture to bleed with (a warning). */
export function imagesAtTrim(page: Page): number {
  return page.items.filter((it) => it.kind === 'image' && (it.x <= TOUCH || it.y <= TOUCH || it.x + it.w >= page.width - TOUCH || it.y + it.h >= page.height - TOUCH)).length;
}
