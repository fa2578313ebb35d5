import type { Template } from '../load/templateTypes.js';
import { PAPER_SIZES } from '../load/templateTypes.js';
import type { Page, PageFrame } from './pageTypes.js';

export interface PageBox {
  width: number;
  height: number;
  /** The text block of a page with this physical number (inner margin alternates for binding). */
  content(pageNumber: number): { x: number; y: number; width: number; height: number };
}

export function pageBox(t: Template, paper: 'a4' | 'letter'): PageBox {
  const [width, height] = PAPER_SIZES[paper];
  const m = t.margins;
  return {
    width,
    height,
    content: (n) => {
      const left = n % 2 === 1 ? m.inner : m.outer;
      return { x: left, y: m.top, width: width - m.inner - m.outer, height: height - m.top - m.bottom };
    },
  };
}

/** The text block of page `pageNumber` as a frame the placement check holds content to. */
export function textBlockFrame(box: PageBox, pageNumber: number, name = 'text block'): PageFrame {
  const c = box.content(pageNumber);
  return { name, x: c.x, y: c.y, w: c.width, h: c.height };
}

export function newPage(box: PageBox, label: string | null): Page {
  return { width: box.width, height: box.height, items: [], label };
}
