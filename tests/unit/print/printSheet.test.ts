// The print edition's geometry on purpose-built pages: where the trim, bleed and marks go,
// which backgrounds bleed, and which text is too near the trim.
import { describe, expect, it } from 'vitest';
import type { Page, PageItem, RectItem } from '../../../src/layout/pageTypes.js';
import { textAt } from '../../../src/layout/setText.js';
import { bleedPage } from '../../../src/print/bleedPages.js';
import { printSheetFrame } from '../../../src/print/printSheet.js';
import { DEFAULT_RICH_BLACK, MM_TO_PT, type PrintSettings } from '../../../src/print/printTemplate.js';
import { describeSafety, safetyProblems } from '../../../src/print/safetyCheck.js';

const A4: [number, number] = [595.28, 841.89];
const MM = MM_TO_PT;
const settings = (over: Partial<PrintSettings> = {}): PrintSettings => ({
  bleed: 3 * MM, safety: 3 * MM, marks: 'crop', slug: true, strict: false, richBlack: DEFAULT_RICH_BLACK, place: { file: 'templates/t.yaml' }, ...over,
});
const page = (items: PageItem[]): Page => ({ width: A4[0], height: A4[1], items, label: null });

describe('printSheetFrame', () => {
  it('puts the trim inside the bleed inside the sheet, 3 mm of bleed on every side', () => {
    const f = printSheetFrame(page([]), settings(), 'slug');
    const [l, t, r, b] = f.trim;
    expect(r - l).toBeCloseTo(A4[0], 6);
    expect(b - t).toBeCloseTo(A4[1], 6);
    expect(f.bleed.map((v, i) => v - f.trim[i])).toEqual([-3 * MM, -3 * MM, 3 * MM, 3 * MM].map((v) => expect.closeTo(v, 6)));
    expect(f.offsetX).toBe(l);
    expect(f.offsetY).toBe(t);
    // Room for the marks beyond the bleed.
    expect(f.bleed[0]).toBeGreaterThan(5 * MM);
    expect(f.width - f.bleed[2]).toBeCloseTo(f.bleed[0], 6);
    expect(f.height - f.bleed[3]).toBeCloseTo(f.bleed[1], 6);
  });

  it('draws every mark outside the bleed: 8 crop marks, 4 registration targets, one slug line', () => {
    const f = printSheetFrame(page([]), settings(), 'brief · page 1 of 2');
    const [bl, bt, br, bb] = f.bleed;
    const lines = f.marks.filter((m) => m.kind === 'line');
    const circles = f.marks.filter((m): m is RectItem => m.kind === 'rect' && !!m.radius);
    const texts = f.marks.filter((m) => m.kind === 'text');
    expect(circles).toHaveLength(4);
    expect(lines).toHaveLength(8 + 8);
    expect(texts).toHaveLength(1);
    const outside = (x0: number, y0: number, x1: number, y1: number) => x1 <= bl + 1e-6 || x0 >= br - 1e-6 || y1 <= bt + 1e-6 || y0 >= bb - 1e-6;
    for (const m of f.marks) {
      if (m.kind === 'line') expect(outside(Math.min(m.x1, m.x2), Math.min(m.y1, m.y2), Math.max(m.x1, m.x2), Math.max(m.y1, m.y2)), JSON.stringify(m)).toBe(true);
      if (m.kind === 'rect') expect(outside(m.x, m.y, m.x + m.w, m.y + m.h)).toBe(true);
      if (m.kind === 'text') expect(m.y - 6).toBeGreaterThan(bb);
      if (m.kind === 'line' || m.kind === 'rect' || m.kind === 'text') expect(m.struct).toBeUndefined();
    }
    // Crop marks lie on the trim lines.
    const [tl, tt] = f.trim;
    expect(lines.some((m) => m.kind === 'line' && m.y1 === tt && m.y2 === tt && m.x2 < tl)).toBe(true);
    expect(lines.some((m) => m.kind === 'line' && m.x1 === tl && m.x2 === tl && m.y2 < tt)).toBe(true);
  });

  it('with marks: none, the sheet is the bleed box and carries nothing else', () => {
    const f = printSheetFrame(page([]), settings({ marks: 'none' }), 'slug');
    expect(f.marks).toEqual([]);
    expect(f.bleed[0]).toBeCloseTo(0, 9);
    expect(f.bleed[1]).toBeCloseTo(0, 9);
    expect(f.bleed[2]).toBeCloseTo(f.width, 9);
    expect(f.bleed[3]).toBeCloseTo(f.height, 9);
  });

  it('leaves the slug out when slug is false', () => {
    expect(printSheetFrame(page([]), settings({ slug: false }), 'slug').marks.some((m) => m.kind === 'text')).toBe(false);
  });
});

describe('bleedPage', () => {
  const b = 3 * MM;
  it('extends a full-width band at the top into the bleed on three sides, not downward', () => {
    const band: RectItem = { kind: 'rect', x: 0, y: 0, w: A4[0], h: 200, fill: '#0f5c63' };
    const [r] = bleedPage(page([band]), b).items as RectItem[];
    expect([r.x, r.y, r.x + r.w, r.y + r.h]).toEqual([-b, -b, A4[0] + b, 200].map((v) => expect.closeTo(v, 9)));
  });

  it('leaves boxes inside the page, rounded boxes and outlines alone', () => {
    const items: RectItem[] = [
      { kind: 'rect', x: 40, y: 40, w: 100, h: 20, fill: '#b8572b' },
      { kind: 'rect', x: 0, y: 300, w: A4[0], h: 40, fill: '#e6f0f0', radius: 4 },
      { kind: 'rect', x: 0, y: 400, w: A4[0], h: 40, stroke: '#000000' },
    ];
    expect(bleedPage(page(items), b).items).toEqual(items);
  });

  it('extends a box at the bottom-right corner right and down', () => {
    const r0: RectItem = { kind: 'rect', x: 300, y: A4[1] - 50, w: A4[0] - 300, h: 50, fill: '#000000' };
    const [r] = bleedPage(page([r0]), b).items as RectItem[];
    expect([r.x, r.y, r.x + r.w, r.y + r.h]).toEqual([300, A4[1] - 50, A4[0] + b, A4[1] + b].map((v) => expect.closeTo(v, 9)));
  });
});

describe('safetyProblems', () => {
  const style = { font: 'sans' as const, size: 10, color: '#000000' };
  it('finds text nearer the trim than the safety margin, and says where', () => {
    const near = textAt('Too close to the edge', style, 2 * MM, 100);
    const fine = textAt('Well inside', style, 20 * MM, 200);
    const p = safetyProblems([page([near, fine])], 3 * MM);
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ page: 1, edge: 'left' });
    expect(p[0].distance).toBeCloseTo(2 * MM, 6);
    expect(describeSafety(p[0], 3 * MM)).toBe('page 1: text "Too close to the edge" is 2.0 mm from the trim (left edge), inside the 3.0 mm safety margin; the cut may touch it');
  });

  it('measures the text box, not just its start: right-aligned text at the right edge is caught', () => {
    const t = textAt('right', style, A4[0] - 1 * MM, 300, 'right');
    expect(safetyProblems([page([t])], 3 * MM)[0]).toMatchObject({ edge: 'right' });
  });

  it('catches a QR code and text beyond the trim (negative distance)', () => {
    const qr: PageItem = { kind: 'qr', x: 100, y: A4[1] - 30, size: 40, modules: [[true]], color: '#000000' };
    const p = safetyProblems([page([qr])], 3 * MM);
    expect(p[0]).toMatchObject({ what: 'the QR code', edge: 'bottom' });
    expect(p[0].distance).toBeLessThan(0);
    expect(describeSafety(p[0], 3 * MM)).toContain('beyond the trim (bottom edge)');
  });
});
