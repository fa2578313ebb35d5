// Figures float to the next frame when they do not fit, but never past the back matter: a
// figure set after "Sources of figures" reads as part of it, far from the text that cites it
// (tests/fixtures/transformed-charts had its last figure there). LaTeX's \FloatBarrier.
import { describe, expect, it } from 'vitest';
import { paginate, type Frame } from '../../../src/layout/paginate.js';
import type { FlowItem } from '../../../src/layout/flowTypes.js';
import type { Page } from '../../../src/layout/pageTypes.js';
import { composeAsBrief } from '../../helpers/kinds.js';
import { figure, para, plainBriefTemplate, resolvedDoc, words } from '../../helpers/resolvedDoc.js';

/** 500-pt frames, one a page, at most `limit` of them. */
function frames(limit: number): { next: () => Frame | null; pages: Page[] } {
  const pages: Page[] = [];
  return {
    pages,
    next: () => {
      if (pages.length >= limit) throw new Error(`asked for more than ${limit} frames`);
      const page: Page = { width: 600, height: 600, items: [], label: null };
      pages.push(page);
      return { page, x: 50, y: 50, width: 400, height: 500 };
    },
  };
}

/** A box whose drawn rectangle is `height` tall: the heights tell the boxes apart. */
const box = (height: number, float: boolean): FlowItem => ({
  kind: 'box', height, float, keepWithNext: false, figure: float, notes: [], what: `box ${height}`,
  draw: (x, y) => [{ kind: 'rect', x, y, w: 10, h: height, fill: '#000' }],
});

/** Where each box went: page index and top, by height. */
function placed(pages: Page[]): Map<number, { page: number; y: number }> {
  const out = new Map<number, { page: number; y: number }>();
  pages.forEach((p, i) => p.items.forEach((it) => { if (it.kind === 'rect') out.set(it.h, { page: i, y: it.y }); }));
  return out;
}

describe('a float barrier', () => {
  it('places a waiting figure before what follows it', () => {
    const f = frames(10);
    paginate([box(450, false), box(200, true), { kind: 'barrier' }, box(40, false)], new Map(), () => f.next());
    const at = placed(f.pages);
    // The figure did not fit under the 450-pt box: it opens page 2, and the box after the
    // barrier comes under it, not in the 50 pt left on page 1.
    expect(at.get(200)).toEqual({ page: 1, y: 50 });
    expect(at.get(40)).toEqual({ page: 1, y: 250 });
  });

  it('is what keeps the figure back: without it the next box fills page 1', () => {
    const f = frames(10);
    paginate([box(450, false), box(200, true), box(40, false)], new Map(), () => f.next());
    const at = placed(f.pages);
    expect(at.get(40)).toEqual({ page: 0, y: 500 });
    expect(at.get(200)).toEqual({ page: 1, y: 50 });
  });

  it('costs nothing when no figure waits', () => {
    const f = frames(10);
    paginate([box(100, false), { kind: 'barrier' }, box(40, false)], new Map(), () => f.next());
    expect(f.pages.length).toBe(1);
    expect(placed(f.pages).get(40)).toEqual({ page: 0, y: 150 });
  });
});

describe('in the brief', () => {
  it('sets every figure before the sources list', () => {
    const t = plainBriefTemplate();
    // A figure too tall for the room left under the text before it, and the sources after.
    const doc = resolvedDoc([para(words(330)), figure(1, 420)]);
    doc.sources = ['A source, 2024.', 'Another source, 2023.'];
    const laid = composeAsBrief(doc, t, 'a4');
    // The sources heading's link target, and the chart: page, then position down the page.
    const where = (pred: (it: Page['items'][number]) => boolean) => {
      const page = laid.pages.findIndex((p) => p.items.some(pred));
      const it = page < 0 ? undefined : laid.pages[page].items.find(pred);
      return { page, y: it && 'y' in it ? it.y : NaN };
    };
    const chart = where((it) => it.kind === 'chart');
    const sources = where((it) => it.kind === 'dest' && it.name === 'sources');
    expect(chart.page).toBeGreaterThan(0);
    expect(sources.page).toBeGreaterThan(0);
    expect(chart.page < sources.page || (chart.page === sources.page && chart.y < sources.y)).toBe(true);
  });
});
