// Where each page goes on the PDF page of the print edition (the "sheet"): the trim (the
// finished page) surrounded by the bleed and, with marks, a margin holding crop marks,
// registration targets and the slug line. Without marks the sheet is the bleed box.
import type { Page, PageItem } from '../layout/pageTypes.js';
import { fitText, textAt } from '../layout/setText.js';
import type { PageFrame } from '../render/printRender.js';
import { MM_TO_PT, type PrintSettings } from './printTemplate.js';

const MM = MM_TO_PT;
/** Space for marks beyond the bleed. */
const MARK_ZONE = 10 * MM;
/** Crop marks start this far beyond the bleed, so that none shows in a slightly wide cut. */
const MARK_GAP = 1 * MM;
const CROP_LENGTH = 6 * MM;
const REG_RADIUS = 2.2 * MM;
const REG_ARM = 3.3 * MM;
/** Hairline: what presses expect of crop marks. */
const MARK_WIDTH = 0.25;
const SLUG_SIZE = 6;
/** Marks are drawn in the registration colour by the marks' paint; this is its screen stand-in. */
const MARK_COLOR = '#000000';

export function printSheetFrame(page: Page, settings: PrintSettings, slugText: string | null): PageFrame {
  const b = settings.bleed;
  const marks = settings.marks === 'crop';
  const o = marks ? b + MARK_ZONE : b;
  const W = page.width;
  const H = page.height;
  const trim = [o, o, o + W, o + H] as const;
  const frame: PageFrame = {
    width: W + 2 * o,
    height: H + 2 * o,
    offsetX: o,
    offsetY: o,
    trim,
    bleed: [o - b, o - b, o + W + b, o + H + b],
    marks: [],
  };
  if (marks) frame.marks = [...cropMarks(trim, b), ...registrationMarks(trim, b), ...(settings.slug && slugText ? slug(trim, b, slugText) : [])];
  return frame;
}

function line(x1: number, y1: number, x2: number, y2: number): PageItem {
  return { kind: 'line', x1, y1, x2, y2, color: MARK_COLOR, width: MARK_WIDTH };
}

/** Two short lines at each corner on the trim lines, outside the bleed. */
function cropMarks([l, t, r, btm]: readonly number[], bleed: number): PageItem[] {
  const d0 = bleed + MARK_GAP;
  const d1 = d0 + CROP_LENGTH;
  const out: PageItem[] = [];
  for (const x of [l, r]) {
    const sx = x === l ? -1 : 1;
    for (const y of [t, btm]) {
      const sy = y === t ? -1 : 1;
      out.push(line(x + sx * d0, y, x + sx * d1, y), line(x, y + sy * d0, x, y + sy * d1));
    }
  }
  return out;
}

/** A circle with a cross at the middle of each side, for aligning the plates. */
function registrationMarks([l, t, r, btm]: readonly number[], bleed: number): PageItem[] {
  const d = bleed + MARK_GAP + REG_ARM;
  const centres: [number, number][] = [[(l + r) / 2, t - d], [(l + r) / 2, btm + d], [l - d, (t + btm) / 2], [r + d, (t + btm) / 2]];
  return centres.flatMap(([cx, cy]): PageItem[] => [
    { kind: 'rect', x: cx - REG_RADIUS, y: cy - REG_RADIUS, w: 2 * REG_RADIUS, h: 2 * REG_RADIUS, radius: REG_RADIUS, stroke: MARK_COLOR, lineWidth: MARK_WIDTH },
    line(cx - REG_ARM, cy, cx + REG_ARM, cy),
    line(cx, cy - REG_ARM, cx, cy + REG_ARM),
  ]);
}

/** The slug: one line below the trim, between the corner mark and the middle registration mark. */
function slug([l, , r, btm]: readonly number[], bleed: number, text: string): PageItem[] {
  const style = { font: 'sans' as const, size: SLUG_SIZE, color: MARK_COLOR };
  const x = l + MARK_GAP * 3;
  const room = (r - l) / 2 - REG_ARM - MARK_GAP * 6;
  return [textAt(fitText(text, style, room), style, x, btm + bleed + MARK_GAP + CROP_LENGTH / 2 + SLUG_SIZE * 0.35)];
}
