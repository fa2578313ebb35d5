// Long titles wrapped to the room they have. Vega sets a title on one line however long it is:
// a long chart title runs off the page, and a long axis title makes autosize squeeze the plot
// to a sliver. After each layout, compileChart asks which titles (chart, axis, header) are
// wider than the room they have, wraps them into lines with the embedded fonts' widths, and
// lays the chart out again with the lines in the Vega spec (a title may be an array of lines).

import { measureItemText, type TextItemLike } from './vegaTextItems.js';

type Json = Record<string, unknown>;

interface SceneGroupItem {
  width?: number;
  height?: number;
  mark?: SceneMark;
}

interface SceneMark {
  marktype?: string;
  role?: string;
  items?: SceneTextItem[];
  group?: SceneGroupItem;
}

interface SceneTextItem extends TextItemLike, SceneGroupItem {
  text?: unknown;
  angle?: number;
  items?: SceneMark[];
}

/** Text marks whose items are titles: one string the author (or Vega-Lite) wrote, safe to wrap. */
const TITLE_ROLES = new Set(['title-text', 'title-subtitle', 'axis-title', 'legend-title', 'column-title', 'row-title']);

/** The lines a title should have in the room it now has, by its original text. */
export interface TitleWrap {
  text: string;
  lines: string[];
  room: number;
}

/** The wrapped lines of each title, by its original text (kept across layouts). */
export type TitleWraps = Map<string, { lines: string[]; room: number }>;

/**
 * Titles in the scene that are wider than their room, and titles wrapped before whose room has
 * changed, each with the lines it should have now: axis titles along their axis, chart titles
 * within the chart (`chartWidth`) or their view, header titles along their headers. The first
 * layout of a chart with a long title is squeezed by it, so rooms grow once titles are wrapped:
 * re-wrapping in the room of the latest layout converges (an axis title's lines take room
 * across its axis, not along it).
 */
export function titleWrapsFor(root: unknown, chartWidth: number, wraps: TitleWraps): TitleWrap[] {
  const out: TitleWrap[] = [];
  const byLines = new Map([...wraps].map(([text, w]) => [w.lines.join('\n'), text]));
  const visit = (mark: SceneMark, depth: number): void => {
    if (depth > 64) return;
    for (const item of mark.items ?? []) {
      if (mark.marktype === 'text' && mark.role && TITLE_ROLES.has(mark.role)) {
        const room = roomOf(mark, item, chartWidth);
        const lines = Array.isArray(item.text) ? item.text.map(String) : [String(item.text ?? '')];
        const original = byLines.get(lines.join('\n'));
        const measure = (s: string) => measureItemText(item, s);
        const widest = Math.max(0, ...lines.map((l) => measure(l.trim())));
        if (room > 0 && (original !== undefined || widest > room + 0.5)) {
          const text = original ?? lines.join(' ');
          // A little under the room: the lines must not touch the neighbouring panel or edge.
          out.push({ text, lines: wrapText(text, Math.max(room - 2, 1), measure), room });
        }
      }
      for (const child of item.items ?? []) visit(child, depth + 1);
    }
  };
  visit(root as SceneMark, 0);
  return out;
}

/** The room a title item has: along its axis, its header, its view, or the chart. */
function roomOf(mark: SceneMark, item: SceneTextItem, chartWidth: number): number {
  const vertical = Math.abs(Math.abs(item.angle ?? 0) - 90) < 1 || Math.abs(Math.abs(item.angle ?? 0) - 270) < 1;
  // The item's group (a guide or title group), and the view that group belongs to.
  const guide = mark.group;
  const view = guide?.mark?.group;
  if (mark.role === 'axis-title' || mark.role === 'column-title' || mark.role === 'row-title') {
    const g = mark.role === 'axis-title' ? view : guide;
    const extent = vertical ? g?.height : g?.width;
    return typeof extent === 'number' && extent > 0 ? extent : chartWidth;
  }
  if (mark.role === 'legend-title') return chartWidth;
  // Chart titles: the whole chart at the top level, else the view they title (at least 1/3 of the chart).
  const top = !view?.mark?.group;
  if (top || vertical) return chartWidth;
  return Math.min(chartWidth, Math.max(view?.width ?? chartWidth, chartWidth / 3));
}

/** Greedy word wrap with measured widths; a word longer than the room stays whole on its line. */
export function wrapText(text: string, room: number, width: (s: string) => number): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const lines: string[] = [];
  let line = '';
  for (const w of words) {
    const candidate = line ? `${line} ${w}` : w;
    if (line && width(candidate) > room) {
      lines.push(line);
      line = w;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [text];
}

/**
 * Puts the wrapped lines into a Vega spec: every title (axis, legend, header, chart) and
 * subtitle whose text is a wrapped original. Returns how many it replaced.
 */
export function applyTitleWraps(vgSpec: unknown, wraps: TitleWraps): number {
  if (wraps.size === 0) return 0;
  let replaced = 0;
  const visit = (node: unknown, key: string | undefined, depth: number): void => {
    if (depth > 200) return;
    if (Array.isArray(node)) {
      for (const n of node) visit(n, undefined, depth + 1);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const obj = node as Json;
    for (const [k, v] of Object.entries(obj)) {
      const isTitleText = k === 'title' || k === 'subtitle' || (k === 'text' && key === 'title');
      if (isTitleText && typeof v === 'string' && wraps.has(v)) {
        obj[k] = wraps.get(v)!.lines;
        replaced++;
      } else visit(v, k, depth + 1);
    }
  };
  visit(vgSpec, undefined, 0);
  return replaced;
}
