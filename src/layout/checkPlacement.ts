// The placement check, run on every laid-out document of every kind before it is rendered:
// nothing is hidden under something else, nothing leaves the page, and content stays in the
// frames its kind declares and inside the boxes it is drawn in. A violation is a bug in the
// layout (the document kinds reserve room for everything they draw), so the build fails on it;
// `report typeset-report` counts the problems instead.
//
// Content boxes: text (each TextItem's fragments, from the baseline up by the font's ascent and
// down by its descent), charts, images, QR codes and the rects that are boxes other content is
// drawn in (RectItem.container). Rules, accent bars and other decoration (rects without
// `container`, lines) only have to stay on the page and inside their container. An item may
// overlap the containers it is drawn inside on purpose (ItemBase.within, followed outwards).
//
// Between two texts the check uses their em boxes (the ascent and descent scaled so that they
// add up to the type size): lines set tighter than the font's own line spacing (ascent plus
// descent, 1.37 to 1.42 em for our fonts) are ordinary typesetting, lines set tighter than
// solid are not. Against everything else a text reaches its full ascent and descent.
import { fontId, lineMetrics, type FontKey } from '../fonts/fontRegistry.js';
import { SUPERSCRIPT_RISE } from './lineTypes.js';
import type { LaidOutDocument, Page, PageFrame, PageItem } from './pageTypes.js';
import { unreachable } from '../unreachable.js';

/** Overlaps and overhangs up to this many points are rounding, not placement. */
export const PLACEMENT_TOLERANCE = 0.01;

/** A font's ascent and descent (lineMetrics) and its em box's ascent, per point of type size. */
const perPoint = new Map<string, { ascent: number; descent: number; emAscent: number }>();
function metricsPerPoint(font: FontKey): { ascent: number; descent: number; emAscent: number } {
  let m = perPoint.get(fontId(font));
  if (!m) {
    const { ascent, descent } = lineMetrics(font, 1);
    m = { ascent, descent, emAscent: ascent / (ascent + descent) };
    perPoint.set(fontId(font), m);
  }
  return m;
}

/** A fragment with something to see (not only spaces). */
const INK = /\S/;

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** One thing drawn on a page, as the check sees it. */
export interface PlacedBox {
  /** Content boxes take part in the overlap test; decoration does not. */
  role: 'content' | 'decoration';
  /** The item itself (describeItem names it for messages). */
  item: PageItem;
  /** What it covers (for text: from the highest ascent to the lowest descent). */
  box: Rect;
  /** Text only: the em boxes' extent, used between two texts. */
  em?: Rect;
  /** The container name, when this is a box other content is drawn in. */
  container?: string;
  /** The container it is drawn inside on purpose. */
  within?: string;
  /** Belongs to the structure tree (not an artifact such as a running head or a rule). */
  tagged: boolean;
  /** Index of the item on its page. */
  index: number;
}

export type PlacementProblem =
  | { kind: 'overlap'; page: number; a: string; b: string; by: Rect }
  | { kind: 'off-page'; page: number; a: string; overhang: string }
  | { kind: 'off-frame'; page: number; a: string; frame: string; overhang: string }
  | { kind: 'outside-container'; page: number; a: string; container: string; overhang: string };

export interface PlacementCounts {
  overlaps: number;
  /** Boxes past the page trim. */
  offPage: number;
  /** Boxes outside the kind's frames or outside the box they are drawn in. */
  offFrame: number;
}

/** Every placement problem of a document, page by page, in the order they are found. */
export function checkPlacement(doc: LaidOutDocument): PlacementProblem[] {
  const out: PlacementProblem[] = [];
  doc.pages.forEach((p, i) => out.push(...checkPage(p, i + 1)));
  return out;
}

export function countPlacementProblems(problems: readonly PlacementProblem[]): PlacementCounts {
  const c: PlacementCounts = { overlaps: 0, offPage: 0, offFrame: 0 };
  for (const p of problems) {
    if (p.kind === 'overlap') c.overlaps++;
    else if (p.kind === 'off-page') c.offPage++;
    else c.offFrame++;
  }
  return c;
}

/** `handout page 1: text "Donations fund…" overlaps call to action box`. */
export function formatPlacementProblem(document: string, p: PlacementProblem): string {
  const at = `${document} page ${p.page}: `;
  switch (p.kind) {
    case 'overlap':
      return `${at}${p.a} overlaps ${p.b} (${fmt(p.by.right - p.by.left)} × ${fmt(p.by.bottom - p.by.top)} pt at x ${fmt(p.by.left)}, y ${fmt(p.by.top)})`;
    case 'off-page':
      return `${at}${p.a} leaves the page (${p.overhang})`;
    case 'off-frame':
      return `${at}${p.a} is outside the ${p.frame} (${p.overhang})`;
    case 'outside-container':
      return `${at}${p.a} sticks out of ${p.container} (${p.overhang})`;
    default:
      return unreachable(p, 'placement problem');
  }
}

/** A layout bug: something overlaps, or leaves its page, frame or box. */
export class PlacementError extends Error {
  constructor(readonly document: string, readonly problems: PlacementProblem[]) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more placement problem${problems.length > 2 ? 's' : ''})` : '';
    super(formatPlacementProblem(document, problems[0]) + more);
    this.name = 'PlacementError';
  }
}

/** Throws a PlacementError naming the first problem, if there is any. */
export function assertPlacement(doc: LaidOutDocument): void {
  const problems = checkPlacement(doc);
  if (problems.length) throw new PlacementError(doc.name, problems);
}

/** The page's items as the check sees them (links and destinations draw nothing). */
export function placedBoxes(page: Page): PlacedBox[] {
  const out: PlacedBox[] = [];
  page.items.forEach((it, index) => {
    const b = placedBox(it, index);
    if (b) out.push(b);
  });
  return out;
}

/** For messages: `text "Donations fund…"`, `call to action box`, `chart`. */
export function describeItem(it: PageItem): string {
  switch (it.kind) {
    case 'text':
      return `text "${excerpt(it.fragments.map((f) => f.text).join(''))}"`;
    case 'rect':
      return it.container !== undefined ? `${it.container} box` : 'decoration';
    case 'line':
      return 'rule';
    case 'chart':
      return 'chart';
    case 'image':
      return 'image';
    case 'vector':
      return 'drawing';
    case 'qr':
      return 'QR code';
    case 'link':
      return 'link';
    case 'dest':
      return `destination "${it.name}"`;
    default:
      return unreachable(it, 'page item');
  }
}

function placedBox(it: PageItem, index: number): PlacedBox | null {
  // One object shape for every box (spreading a shared base costs more than the rest together).
  const placed = (role: PlacedBox['role'], box: Rect, em?: Rect): PlacedBox => ({
    role, item: it, box, em, container: it.kind === 'rect' ? it.container : undefined, within: it.kind === 'dest' ? undefined : it.within, tagged: it.struct !== undefined, index,
  });
  switch (it.kind) {
    case 'text': {
      // The union of the fragments' boxes (a page has thousands of fragments: no objects per fragment).
      let left = Infinity, right = -Infinity, top = Infinity, bottom = -Infinity, emTop = Infinity, emBottom = -Infinity;
      for (const f of it.fragments) {
        if (!(f.width > 0) || (f.text.charCodeAt(0) <= 32 && !INK.test(f.text))) continue;
        const m = metricsPerPoint(f.style.font);
        const size = f.style.size;
        const baseline = f.target?.superscript ? it.y - size * SUPERSCRIPT_RISE : it.y;
        // Hanging punctuation reaches into the margin on purpose: the frame's edge is held
        // against the rest of the glyphs.
        left = Math.min(left, f.x + (f.hangLeft ?? 0));
        right = Math.max(right, f.x + f.width - (f.hangRight ?? 0));
        top = Math.min(top, baseline - m.ascent * size);
        bottom = Math.max(bottom, baseline + m.descent * size);
        emTop = Math.min(emTop, baseline - m.emAscent * size);
        emBottom = Math.max(emBottom, baseline + (1 - m.emAscent) * size);
      }
      if (left === Infinity) return null;
      return placed('content', { left, top, right, bottom }, { left, top: emTop, right, bottom: emBottom });
    }
    case 'rect': {
      const box = { left: it.x, top: it.y, right: it.x + it.w, bottom: it.y + it.h };
      return it.container !== undefined
        ? placed('content', box)
        : placed('decoration', box);
    }
    case 'line': {
      const half = it.width / 2;
      return placed('decoration', { left: Math.min(it.x1, it.x2) - half, right: Math.max(it.x1, it.x2) + half, top: Math.min(it.y1, it.y2) - half, bottom: Math.max(it.y1, it.y2) + half });
    }
    case 'chart':
      return placed('content', { left: it.x, top: it.y, right: it.x + it.chart.width, bottom: it.y + it.chart.height });
    case 'image':
    case 'vector':
      return placed('content', { left: it.x, top: it.y, right: it.x + it.w, bottom: it.y + it.h });
    case 'qr':
      return placed('content', { left: it.x, top: it.y, right: it.x + it.size, bottom: it.y + it.size });
    case 'link':
    case 'dest':
      return null;
    default:
      return unreachable(it, 'page item');
  }
}

function checkPage(page: Page, pageNo: number): PlacementProblem[] {
  const out: PlacementProblem[] = [];
  const boxes = placedBoxes(page);
  const containers = new Map<string, PlacedBox>();
  for (const b of boxes) if (b.container !== undefined && !containers.has(b.container)) containers.set(b.container, b);
  const trim: Rect = { left: 0, top: 0, right: page.width, bottom: page.height };

  for (const b of boxes) {
    const off = overhang(b.box, trim);
    if (off) {
      out.push({ kind: 'off-page', page: pageNo, a: describeItem(b.item), overhang: off });
      continue;
    }
    if (b.within !== undefined) {
      const c = containers.get(b.within);
      const outside = c ? overhang(b.box, c.box) : 'it is not on the page';
      if (outside) out.push({ kind: 'outside-container', page: pageNo, a: describeItem(b.item), container: c ? describeItem(c.item) : `${b.within} box`, overhang: outside });
    } else if (page.frames?.length && b.role === 'content' && (b.tagged || b.container !== undefined)) {
      const past = page.frames.map((f) => ({ f, by: overhangBy(b.box, frameRect(f)) }));
      if (past.every((x) => x.by.length)) {
        // Named against the frame it comes closest to fitting.
        const nearest = past.reduce((m, x) => (total(x.by) < total(m.by) ? x : m));
        out.push({ kind: 'off-frame', page: pageNo, a: describeItem(b.item), frame: nearest.f.name, overhang: describeOverhang(nearest.by) });
      }
    }
  }

  // Overlaps: a sweep down the page, each content box against those that start above its foot.
  const content = boxes.filter((b) => b.role === 'content').sort((a, b) => a.box.top - b.box.top || a.index - b.index);
  const none = new Set<string>();
  const ancestors = (b: PlacedBox): Set<string> => {
    if (b.within === undefined) return none;
    const seen = new Set<string>();
    for (let name: string | undefined = b.within; name !== undefined && !seen.has(name); name = containers.get(name)?.within) seen.add(name);
    return seen;
  };
  const chains = new Map(content.map((b) => [b, ancestors(b)]));
  const found: { a: PlacedBox; b: PlacedBox; by: Rect }[] = [];
  for (let i = 0; i < content.length; i++) {
    const a = content[i];
    for (let j = i + 1; j < content.length; j++) {
      const b = content[j];
      if (b.box.top >= a.box.bottom - PLACEMENT_TOLERANCE) break;
      if ((a.container !== undefined && chains.get(b)!.has(a.container)) || (b.container !== undefined && chains.get(a)!.has(b.container))) continue;
      const by = a.em && b.em ? intersection(a.em, b.em) : intersection(a.box, b.box);
      if (by) found.push(a.index < b.index ? { a, b, by } : { a: b, b: a, by });
    }
  }
  // A box is named second ("text … overlaps call to action box"), else the order they were drawn.
  found.sort((x, y) => Math.min(x.a.index, x.b.index) - Math.min(y.a.index, y.b.index) || Math.max(x.a.index, x.b.index) - Math.max(y.a.index, y.b.index));
  for (const { a, b, by } of found) {
    const [first, second] = a.container !== undefined && b.container === undefined ? [b, a] : [a, b];
    out.push({ kind: 'overlap', page: pageNo, a: describeItem(first.item), b: describeItem(second.item), by });
  }
  return out;
}

function frameRect(f: PageFrame): Rect {
  return { left: f.x, top: f.y, right: f.x + f.w, bottom: f.y + f.h };
}

/** How far `inner` reaches past `outer` ("3.2 pt at the right"), or null when it is inside. */
function overhang(inner: Rect, outer: Rect): string | null {
  const by = overhangBy(inner, outer);
  return by.length ? describeOverhang(by) : null;
}

/** The sides where `inner` reaches past `outer`, and by how much (NaN: not a position at all). */
function overhangBy(inner: Rect, outer: Rect): [string, number][] {
  if (![inner.left, inner.top, inner.right, inner.bottom].every(Number.isFinite)) return [['position', NaN]];
  const sides: [string, number][] = [
    ['left', outer.left - inner.left],
    ['top', outer.top - inner.top],
    ['right', inner.right - outer.right],
    ['bottom', inner.bottom - outer.bottom],
  ];
  return sides.filter(([, d]) => d > PLACEMENT_TOLERANCE);
}

function describeOverhang(by: [string, number][]): string {
  if (by.some(([, d]) => Number.isNaN(d))) return 'its position is not a number';
  return by.map(([side, d]) => `${fmt(d)} pt at the ${side}`).join(', ');
}

function total(by: [string, number][]): number {
  return by.reduce((s, [, d]) => s + (Number.isNaN(d) ? Infinity : d), 0);
}

function intersection(a: Rect, b: Rect): Rect | null {
  const r = { left: Math.max(a.left, b.left), top: Math.max(a.top, b.top), right: Math.min(a.right, b.right), bottom: Math.min(a.bottom, b.bottom) };
  return r.right - r.left > PLACEMENT_TOLERANCE && r.bottom - r.top > PLACEMENT_TOLERANCE ? r : null;
}

function excerpt(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > 24 ? `${t.slice(0, 24).trimEnd()}…` : t;
}

function fmt(x: number): string {
  return Number.isFinite(x) ? x.toFixed(1) : String(x);
}
