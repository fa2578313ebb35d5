// Problems found again on laid-out pages: placed where the quality report counted them, and
// listed without a place when the pages cannot show where.
import { describe, expect, it } from 'vitest';
import type { LaidOutDocument, PageItem, StructNode } from '../../../src/layout/pageTypes.js';
import { emptyStats } from '../../../src/layout/paginate.js';
import { pageProblems } from '../../../src/preview/pageProblems.js';
import { plainPath } from '../../../src/preview/safeUrl.js';

const style = { font: 'serif' as const, size: 10, color: '#000' };
const line = (struct: number, y: number, x1: number, x2: number, text = 'words words', hyphen = false): PageItem => ({
  kind: 'text', y, struct, fragments: [{ text, style, x: x1, width: x2 - x1 - (hyphen ? 3 : 0) }, ...(hyphen ? [{ text: '-', style, x: x2 - 3, width: 3, isHyphen: true }] : [])],
});

function doc(pages: PageItem[][], nodes: StructNode[], stats = emptyStats()): LaidOutDocument {
  return {
    name: 'test', pages: pages.map((items) => ({ width: 600, height: 800, items, label: null })),
    structure: { id: 0, type: 'Document', children: nodes }, outline: [], stats,
    info: { title: '', author: '', subject: '', keywords: [], lang: 'en', date: new Date(0) },
  };
}

describe('pageProblems', () => {
  it('places an overfull line, an orphan and a widow', () => {
    const p = (id: number): StructNode => ({ id, type: 'P', children: [] });
    const page1: PageItem[] = [
      line(1, 100, 50, 300), line(1, 112, 50, 300), line(1, 124, 50, 300), line(1, 136, 50, 312), line(1, 148, 50, 200),
      // Paragraph 2 starts with one line at the foot of the page…
      line(2, 700, 50, 300),
    ];
    // …and ends with one line at the top of the next, after a full one.
    const page2: PageItem[] = [line(2, 60, 50, 300), line(2, 72, 50, 300), line(2, 84, 50, 300), line(3, 100, 50, 300), line(3, 112, 50, 300), line(3, 124, 50, 300), line(3, 136, 50, 120)];
    const page3: PageItem[] = [line(3, 60, 50, 300), line(4, 100, 50, 300), line(4, 112, 50, 300), line(4, 124, 50, 100)];
    const found = pageProblems(doc([page1, page2, page3], [p(1), p(2), p(3), p(4)]));
    const kinds = found.map((f) => `${f.kind}@${f.page}`);
    expect(kinds).toContain('overfull@0');
    expect(kinds).toContain('orphan@0');
    expect(kinds).toContain('widow@2');
    const overfull = found.find((f) => f.kind === 'overfull')!;
    expect(overfull.box!.y).toBeLessThan(136);
    expect(overfull.box!.y + overfull.box!.h).toBeGreaterThan(136);
    expect(overfull.reason).toMatch(/12\.0 pt past/);
  });

  it('lists what the layout counted but the pages cannot place', () => {
    const stats = { ...emptyStats(), splitFigures: 1, ratios: [0.5, 3.2] };
    const found = pageProblems(doc([[]], [], stats));
    expect(found.map((f) => f.kind).sort()).toEqual(['loose-lines', 'split-figure']);
    expect(found.every((f) => f.box === undefined)).toBe(true);
  });

  it('finds no problem in a clean page', () => {
    const p: StructNode = { id: 1, type: 'P', children: [] };
    expect(pageProblems(doc([[line(1, 100, 50, 300), line(1, 112, 50, 300), line(1, 124, 50, 200)]], [p]))).toEqual([]);
  });
});

describe('plainPath', () => {
  it('lets plain paths through and refuses every way of climbing out', () => {
    expect(plainPath('/doc/brief.pdf?v=3')).toBe('/doc/brief.pdf');
    expect(plainPath('/')).toBe('/');
    for (const bad of ['/../etc/passwd', '/%2e%2e/x', '/%2E%2e/x', '/a%2fb', '/a%5cb', '/a\\b', '//host/x', 'http://x/etc/passwd', '/%00', '/x/./y', '/%E0%A4%A', '', undefined]) {
      expect(plainPath(bad), String(bad)).toBeNull();
    }
  });
});
