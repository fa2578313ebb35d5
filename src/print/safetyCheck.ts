// The trim is never exact: a guillotine may cut a millimetre or two off the line. Text (and a QR
// code, which must scan) closer to the trim than the safety margin may be cut into; each such
// piece is a warning naming the document, the page, the text and how close it is.
import { lineMetrics } from '../fonts/fontRegistry.js';
import type { Page } from '../layout/pageTypes.js';
import { MM_TO_PT } from './printTemplate.js';

export interface SafetyProblem {
  /** 1-based page number. */
  page: number;
  what: string;
  /** Distance from the nearest trim edge in points (negative: beyond the trim). */
  distance: number;
  edge: 'top' | 'bottom' | 'left' | 'right';
}

interface Bounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Every piece of text or QR code on the pages that is nearer the trim than `safety` points. */
export function safetyProblems(pages: readonly Page[], safety: number): SafetyProblem[] {
  const out: SafetyProblem[] = [];
  pages.forEach((page, i) => {
    for (const it of page.items) {
      if (it.kind === 'text') {
        for (const f of it.fragments) {
          if (!f.text.trim()) continue;
          const { ascent, descent } = lineMetrics(f.style.font, f.style.size);
          const base = f.target?.superscript ? it.y - f.style.size * 0.6 : it.y;
          check(out, page, i + 1, { x0: f.x, y0: base - ascent, x1: f.x + f.width, y1: base + descent }, safety, `text "${excerpt(f.text)}"`);
        }
      } else if (it.kind === 'qr') {
        check(out, page, i + 1, { x0: it.x, y0: it.y, x1: it.x + it.size, y1: it.y + it.size }, safety, 'the QR code');
      }
    }
  });
  return out;
}

function check(out: SafetyProblem[], page: Page, n: number, b: Bounds, safety: number, what: string): void {
  const d = { left: b.x0, top: b.y0, right: page.width - b.x1, bottom: page.height - b.y1 };
  const [edge, distance] = (Object.entries(d) as [SafetyProblem['edge'], number][]).reduce((a, c) => (c[1] < a[1] ? c : a));
  if (distance < safety - 1e-6) out.push({ page: n, what, distance, edge });
}

function excerpt(s: string): string {
  const t = s.trim();
  return t.length > 30 ? t.slice(0, 29) + '…' : t;
}

export function describeSafety(p: SafetyProblem, safety: number): string {
  const mm = (x: number) => (x / MM_TO_PT).toFixed(1);
  const where = p.distance < 0 ? `${mm(-p.distance)} mm beyond the trim (${p.edge} edge)` : `${mm(p.distance)} mm from the trim (${p.edge} edge)`;
  return `page ${p.page}: ${p.what} is ${where}, inside the ${mm(safety)} mm safety margin; the cut may touch it`;
}
