// A figure taller than any frame: pagination used to float it from frame to frame forever (a
// new user's vconcat of two 450-pt views grew layout to gigabytes until V8 aborted). Now the
// brief scales such a chart down to the frame, and pagination places any box that fits no empty
// frame in one, overfull, instead of waiting for a frame that will never come.
import { describe, expect, it } from 'vitest';
import { paginate, type Frame } from '../../../src/layout/paginate.js';
import type { FlowItem } from '../../../src/layout/flowTypes.js';
import type { ChartItem, Page } from '../../../src/layout/pageTypes.js';
import { pageBox } from '../../../src/layout/pageGeometry.js';
import { composeAsBrief } from '../../helpers/kinds.js';
import { figure, para, plainBriefTemplate, resolvedDoc, words } from '../../helpers/resolvedDoc.js';

const t = plainBriefTemplate();

/** Frames of 500 pt, at most `limit` of them (a runaway loop fails the test instead of the machine). */
function frames(limit: number): { next: () => Frame | null; count: () => number } {
  let n = 0;
  return {
    next: () => {
      if (++n > limit) throw new Error(`asked for more than ${limit} frames`);
      const page: Page = { width: 600, height: 600, items: [], label: null };
      return { page, x: 50, y: 50, width: 400, height: 500 };
    },
    count: () => n,
  };
}

const box = (height: number, what: string): FlowItem => ({
  kind: 'box', height, float: true, keepWithNext: false, figure: true, notes: [], what,
  draw: (x, y) => [{ kind: 'rect', x, y, w: 10, h: height, fill: '#000' }],
});

describe('a figure taller than a frame', () => {
  it('is placed overfull in an empty frame, not floated from frame to frame', () => {
    const f = frames(50);
    const r = paginate([box(100, 'small'), box(900, 'huge'), box(100, 'after')], new Map(), () => f.next());
    expect(r.overflow).toBeNull();
    expect(r.stats.splitFigures).toBe(1);
    // small + huge's own frame + the one after: no frames wasted on waiting.
    expect(f.count()).toBeLessThanOrEqual(3);
  });

  it('is placed at once when it comes first in an empty frame', () => {
    const f = frames(50);
    const r = paginate([box(900, 'huge')], new Map(), () => f.next());
    expect(r.stats.splitFigures).toBe(1);
    expect(f.count()).toBe(1);
  });

  it('gets its chart scaled to the page in the brief, caption and all', () => {
    const doc = composeAsBrief(resolvedDoc([para(words(80)), figure(1, 1400), para(words(80, 3)), figure(2, 200), para(words(40, 5))]), t, 'a4');
    const content = pageBox(t, 'a4').content(1);
    const charts = doc.pages.flatMap((p) => p.items.filter((i): i is ChartItem => i.kind === 'chart'));
    expect(charts.length).toBe(2);
    const tall = charts.find((c) => c.chart.height > 400)!;
    expect(tall.y + tall.chart.height).toBeLessThanOrEqual(content.y + content.height + 0.01);
    // Scaled uniformly: its width shrank by the same factor.
    expect(tall.chart.width / 300).toBeCloseTo(tall.chart.height / 1400, 6);
    expect(doc.stats.splitFigures).toBe(0);
    expect(doc.pages.length).toBeLessThan(8);
  });
});
